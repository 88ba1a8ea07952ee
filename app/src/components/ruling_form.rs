//! The form an assignee writes a ruling with (posts to `/claims/{id}/ruling`). It starts from the
//! ruling being amended — the proposal awaiting sign-off or sent back, else the published one —
//! never from blank; a refused submission comes back as typed.

use super::fields::{form_state, Choice, Choices, CsrfField, FieldError, FormError, TextArea, TextField};
use crate::model::forms::ruling::{BODY_MAX, EVIDENCE_NOTE_MAX, EVIDENCE_ROWS, NOTE_MAX, VERDICT_MAX};
use crate::model::{Attribution, ClaimKind, EvidenceLink, Ruling, Status};
use leptos::prelude::*;

#[component]
pub fn RulingForm(
    claim_id: String,
    kind: ClaimKind,
    /// The ruling the form starts from (and whose id guards against concurrent changes).
    start: Option<Ruling>,
    /// Whether a ruling is published: changing its rating or attribution is then a correction.
    published: bool,
) -> impl IntoView {
    let form = form_state();
    let typed = form.values.iter().any(|(name, _)| name == "verdict");
    let basis = form
        .value("basis")
        .map(str::to_owned)
        .unwrap_or_else(|| start.as_ref().map(|r| r.id.to_string()).unwrap_or_default());
    let value = |name: &str, from_start: Option<String>| -> String {
        if typed {
            form.value(name).unwrap_or_default().to_owned()
        } else {
            from_start.unwrap_or_default()
        }
    };
    let rating = value("rating", start.as_ref().map(|r| r.rating.as_str().to_owned()));
    let attribution =
        value("attribution", start.as_ref().and_then(|r| r.attribution).map(|a| a.as_str().to_owned()));
    let verdict = value("verdict", start.as_ref().map(|r| r.verdict.clone()));
    let body = value("body", start.as_ref().map(|r| r.body.clone()));
    let evidence = if typed { typed_evidence(&form) } else { start.map(|r| r.evidence).unwrap_or_default() };
    view! {
        <form method="post" action=format!("/claims/{claim_id}/ruling") class="stacked-form ruling-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="basis" value=basis/>
            {(kind == ClaimKind::Quote).then(|| view! { <AttributionField chosen=attribution.clone()/> })}
            <RatingField chosen=rating kind/>
            <TextField label="Verdict, in one line" name="verdict" required=true maxlength=VERDICT_MAX value=verdict
                hint="What a reader sees first: “The figure is for 2021, not 2022.”"/>
            <TextArea label="Ruling" name="body" maxlength=BODY_MAX rows=10 value=body
                hint="The reasoning, for readers. Paragraphs, *emphasis*, **strong**, [links](https://…) and lists are kept; other markup is shown as typed."/>
            <EvidenceRows links=evidence/>
            {published.then(|| view! {
                <TextArea label="Correction note" name="note" maxlength=NOTE_MAX rows=2
                    hint="Required when you change the published rating or attribution: it is listed on the corrections page. Leave it empty for a clarification (same rating, other words)."/>
            })}
            <button type="submit">"Propose the ruling"</button>
        </form>
    }
}

/// The evidence rows as typed in a refused submission (empty rows dropped).
fn typed_evidence(form: &crate::model::FormState) -> Vec<EvidenceLink> {
    let (urls, titles, notes) =
        (form.all("evidence_url"), form.all("evidence_title"), form.all("evidence_note"));
    let cell = |list: &[&str], i: usize| list.get(i).map(|s| s.trim().to_owned()).unwrap_or_default();
    (0..urls.len().max(titles.len()).max(notes.len()))
        .map(|i| {
            let note = cell(&notes, i);
            EvidenceLink {
                url: cell(&urls, i),
                title: cell(&titles, i),
                note: (!note.is_empty()).then_some(note),
            }
        })
        .filter(|e| !e.url.is_empty() || !e.title.is_empty() || e.note.is_some())
        .collect()
}

#[component]
fn RatingField(chosen: String, kind: ClaimKind) -> impl IntoView {
    let choices = Status::RATINGS
        .iter()
        .map(|s| Choice { value: s.as_str(), label: s.label(), more: Some(s.meaning()) })
        .collect();
    let legend = if kind == ClaimKind::Quote { "Is what they said accurate?" } else { "Rating" };
    view! { <Choices name="rating" legend choices chosen/> }
}

#[component]
fn AttributionField(chosen: String) -> impl IntoView {
    let choices =
        Attribution::ALL.iter().map(|a| Choice { value: a.as_str(), label: a.label(), more: None }).collect();
    view! {
        <Choices name="attribution" legend="Did they say it?" choices chosen
            hint="Asked apart from the rating: a quote accurately attributed is not thereby endorsed."/>
    }
}

/// The evidence rows: those given, then empty ones (at least EVIDENCE_ROWS, always one more).
#[component]
fn EvidenceRows(links: Vec<EvidenceLink>) -> impl IntoView {
    let error = form_state().error("evidence").map(str::to_owned);
    let count = (links.len() + 1).max(EVIDENCE_ROWS);
    let rows = (0..count)
        .map(|i| {
            let link = links.get(i).cloned();
            let (url, title, note) = link
                .map(|l| (l.url, l.title, l.note.unwrap_or_default()))
                .unwrap_or_default();
            let n = i + 1;
            view! {
                <div class="form-row evidence-row">
                    <div class="field">
                        <label for=format!("evidence-url-{n}")>{format!("Link {n}: address")}</label>
                        <input id=format!("evidence-url-{n}") type="url" name="evidence_url" value=url maxlength="2048" placeholder="https://"/>
                    </div>
                    <div class="field">
                        <label for=format!("evidence-title-{n}")>{format!("Link {n}: title")}</label>
                        <input id=format!("evidence-title-{n}") type="text" name="evidence_title" value=title maxlength="300"/>
                    </div>
                    <div class="field">
                        <label for=format!("evidence-note-{n}")>{format!("Link {n}: note (optional)")}</label>
                        <input id=format!("evidence-note-{n}") type="text" name="evidence_note" value=note maxlength=EVIDENCE_NOTE_MAX.to_string()/>
                    </div>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="group">
            <legend>"Evidence"</legend>
            <FieldError id="field-evidence-error".to_owned() message=error/>
            {rows}
        </fieldset>
    }
}
