//! The form an editor uses to set a claim's status (posts to `/claims/{id}/status`).

use super::fields::{form_state, CsrfField, FormError, TextArea, TextField};
use crate::model::forms::verification::{EVIDENCE_ROWS, RATIONALE_MAX, VERDICT_MAX};
use crate::model::Status;
use leptos::prelude::*;

#[component]
pub fn StatusForm(claim_id: String, current: Status, seen: usize) -> impl IntoView {
    let form = form_state();
    let chosen = form.value("status").and_then(Status::parse).unwrap_or(current);
    let options = Status::ALL
        .into_iter()
        .map(|s| view! { <option value=s.as_str() selected=s == chosen>{s.label()}</option> })
        .collect_view();
    // Rows typed before come back as they were, then empty rows: at least EVIDENCE_ROWS in all,
    // and always one more for another link.
    let urls = form.all("evidence_url");
    let titles = form.all("evidence_title");
    let typed: Vec<(String, String)> = (0..urls.len().max(titles.len()))
        .map(|i| {
            (
                urls.get(i).map(|s| s.trim().to_owned()).unwrap_or_default(),
                titles.get(i).map(|s| s.trim().to_owned()).unwrap_or_default(),
            )
        })
        .filter(|(u, t)| !u.is_empty() || !t.is_empty())
        .collect();
    let count = (typed.len() + 1).max(EVIDENCE_ROWS);
    let rows = (0..count)
        .map(|i| {
            let (url, title) = typed.get(i).cloned().unwrap_or_default();
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
                </div>
            }
        })
        .collect_view();
    let evidence_error = form.error("evidence").map(str::to_owned);
    let status_error = form.error("status").map(str::to_owned);
    view! {
        <form method="post" action=format!("/claims/{claim_id}/status") class="stacked-form status-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="seen" value=form.value("seen").map(str::to_owned).unwrap_or_else(|| seen.to_string())/>
            <div class="field">
                <label for="field-status">"Status"</label>
                <select id="field-status" name="status">{options}</select>
                {status_error.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
            </div>
            <TextField label="Verdict, in one line" name="verdict" required=true maxlength=VERDICT_MAX
                hint="What a reader sees first: “Accurately quoted.”, “The figure is for 2021, not 2022.”"/>
            <TextArea label="Rationale" name="rationale" maxlength=RATIONALE_MAX rows=6
                hint="Why. Paragraphs, *emphasis*, **strong**, [links](https://…) and lists are kept; other markup is shown as typed."/>
            <fieldset class="group">
                <legend>"Evidence"</legend>
                {evidence_error.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                {rows}
            </fieldset>
            <button type="submit">"Save the status"</button>
        </form>
    }
    .into_any()
}
