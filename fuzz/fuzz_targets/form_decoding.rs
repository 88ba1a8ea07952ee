//! Arbitrary request bodies decoded as the server decodes forms — into each form's typed struct,
//! and as the pairs a refused form is shown again with — then read by every form's parser: a
//! refusal with messages is fine, a panic is not.
#![no_main]

use app::model::forms::desk::{AssignForm, BulkForm, NoteForm, ReasonForm, ReviewForm};
use app::model::forms::ruling::RulingForm;
use app::model::forms::{claim::ClaimInput, source::SourceInput, speaker::SpeakerInput};
use app::model::{import, ClaimKind, FormState, ListQuery};
use libfuzzer_sys::fuzz_target;

/// The typed struct of a form, as the server's extractor decodes it (a body that does not decode
/// is an empty form, which `parse` refuses).
fn typed<T: serde::de::DeserializeOwned + Default>(data: &[u8]) -> T {
    serde_html_form::from_bytes(data).unwrap_or_default()
}

fuzz_target!(|data: &[u8]| {
    let form = FormState::from_urlencoded(data);
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
    let _ = ClaimInput::parse(&form, today);
    let _ = SourceInput::parse(&form, today);
    let _ = SpeakerInput::parse(&form);
    let _ = import::parse_review(&form, today);
    let _ = ListQuery::parse(form.values.iter().map(|(k, v)| (k.as_str(), v.as_str())));
    let ruling: RulingForm = typed(data);
    let _ = ruling.parse(ClaimKind::Quote);
    let _ = ruling.parse(ClaimKind::Numeric);
    let _ = typed::<AssignForm>(data).parse();
    let _ = typed::<NoteForm>(data).parse();
    let _ = typed::<ReasonForm>(data).parse("why");
    let _ = typed::<ReviewForm>(data).parse();
    let _ = typed::<BulkForm>(data).parse();
});
