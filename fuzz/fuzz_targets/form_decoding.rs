//! Arbitrary request bodies decoded as the server decodes forms — into each form's typed struct,
//! and as the pairs a refused form is shown again with — then read by every form's parser: a
//! refusal with messages is fine, a panic is not. Every value is also read as a figure: what the
//! figure parser accepts it must print back exactly, and a recorded figure compares without panic.
#![no_main]

use app::model::comparison::{compare, Measure, Tolerances};
use app::model::figure;
use app::model::form::decode as typed;
use app::model::forms::desk::{AssignForm, BulkForm, NoteForm, ReasonForm, ReviewForm};
use app::model::forms::record::{RecordForm, WithdrawForm};
use app::model::forms::ruling::RulingForm;
use app::model::forms::{account::AccountForm, claim::ClaimForm, source::SourceForm, speaker::SpeakerForm};
use app::model::{import, ClaimKind, FormState, ListQuery};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let form = FormState::from_urlencoded(data);
    let today = chrono::NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default();
    let _ = typed::<ClaimForm>(data).parse(today);
    let _ = typed::<SourceForm>(data).parse(today);
    let _ = typed::<SpeakerForm>(data).parse();
    let _ = typed::<AccountForm>(data).role();
    let _ = form.decode::<ClaimForm>();
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
    let _ = typed::<WithdrawForm>(data).parse();
    let record: RecordForm = typed(data);
    let _ = record.parse(today);
    if let Ok(m) = record.measured() {
        let recorded = Measure {
            shape: m.shape,
            value: m.value,
            of: m.of,
            unit: m.unit.unwrap_or_else(|| "percent".into()),
            period: m.period,
            qualifier: None,
        };
        if let Ok(claim) = typed::<ClaimForm>(data).parse(today) {
            if let Some(q) = claim.quantity {
                let _ = compare(
                    &Measure::claimed(&q, claim.period.as_deref()),
                    &recorded,
                    &Tolerances::default(),
                );
            }
        }
    }
    for (_, value) in &form.values {
        if let Ok(f) = figure::parse(value) {
            let again = figure::parse(&f.canonical());
            assert_eq!(again.as_ref().ok(), Some(&f), "{value:?} printed as {:?}", f.canonical());
        }
    }
});
