//! Arbitrary request bodies decoded as the server decodes forms, then read by every form's
//! parser: a refusal with messages is fine, a panic is not.
#![no_main]

use app::model::forms::{claim::ClaimInput, source::SourceInput, speaker::SpeakerInput, verification::VerificationInput};
use app::model::{import, FormState, ListQuery};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let form = FormState::from_urlencoded(data);
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
    let _ = ClaimInput::parse(&form, today);
    let _ = SourceInput::parse(&form, today);
    let _ = SpeakerInput::parse(&form);
    let _ = VerificationInput::parse(&form);
    let _ = import::parse_review(&form, today);
    let _ = ListQuery::parse(form.values.iter().map(|(k, v)| (k.as_str(), v.as_str())));
});
