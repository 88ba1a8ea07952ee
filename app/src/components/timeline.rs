//! A claim's verification history, newest first: status, verdict, rationale, evidence, who, when.

use super::{format, status_badge::StatusBadge};
use crate::model::Verification;
use leptos::prelude::*;

#[component]
pub fn Timeline(verifications: Vec<Verification>) -> impl IntoView {
    if verifications.is_empty() {
        return view! { <p class="muted">"No editor has reviewed this claim yet."</p> }.into_any();
    }
    let entries = verifications
        .into_iter()
        .rev()
        .map(|v| {
            let paragraphs = v
                .rationale
                .split("\n\n")
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| view! { <p>{p.to_owned()}</p> })
                .collect_view();
            let evidence = (!v.evidence.is_empty()).then(|| {
                let links = v
                    .evidence
                    .iter()
                    .map(|e| view! { <li><a href=e.url.clone() rel="nofollow">{e.title.clone()}</a></li> })
                    .collect_view();
                view! {
                    <div class="evidence">
                        <h4>"Evidence"</h4>
                        <ul>{links}</ul>
                    </div>
                }
            });
            view! {
                <li class="timeline-entry">
                    <div class="timeline-head">
                        <StatusBadge status=v.status/>
                        <strong class="timeline-verdict">{v.verdict.clone()}</strong>
                    </div>
                    <div class="rationale">{paragraphs}</div>
                    {evidence}
                    <p class="timeline-by">
                        "By " {v.editor.clone()} " · "
                        <time datetime=format::iso_date_time(v.at)>{format::date_time(v.at)}</time>
                    </p>
                </li>
            }
        })
        .collect_view();
    view! { <ol class="timeline" reversed>{entries}</ol> }.into_any()
}
