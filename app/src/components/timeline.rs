//! A claim's history, newest first: verifications (status, verdict, rationale, evidence) and
//! edits (what changed), each with who and when.

use super::{format, status_badge::StatusBadge};
use crate::model::{markdown, Revision, Verification};
use leptos::prelude::*;

enum Entry {
    Verification(Verification),
    Revision(Revision),
}

impl Entry {
    fn at(&self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Entry::Verification(v) => v.at,
            Entry::Revision(r) => r.at,
        }
    }
}

#[component]
pub fn Timeline(
    verifications: Vec<Verification>,
    #[prop(default = Vec::new())] revisions: Vec<Revision>,
) -> impl IntoView {
    let mut entries: Vec<Entry> = verifications
        .into_iter()
        .map(Entry::Verification)
        .chain(revisions.into_iter().map(Entry::Revision))
        .collect();
    if entries.is_empty() {
        return view! { <p class="muted">"No editor has reviewed this claim yet."</p> }.into_any();
    }
    // Stable sort: for equal times, the order of recording is kept.
    entries.sort_by_key(Entry::at);
    let items = entries.into_iter().rev().map(|entry| match entry {
        Entry::Verification(v) => verification(v).into_any(),
        Entry::Revision(r) => revision(r).into_any(),
    });
    view! { <ol class="timeline">{items.collect_view()}</ol> }.into_any()
}

fn verification(v: Verification) -> impl IntoView {
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
    // The rationale's small Markdown is rendered to HTML from a whitelist, escaping everything.
    let rationale = markdown::to_safe_html(&v.rationale);
    view! {
        <li class="timeline-entry">
            <div class="timeline-head">
                <StatusBadge status=v.status/>
                <strong class="timeline-verdict">{v.verdict.clone()}</strong>
            </div>
            <div class="rationale" inner_html=rationale></div>
            {evidence}
            <p class="timeline-by">
                {format!("By {} · ", v.editor)}
                <time datetime=format::iso_date_time(v.at)>{format::date_time(v.at)}</time>
            </p>
        </li>
    }
}

fn revision(r: Revision) -> impl IntoView {
    let created = r.version == 1;
    let retracted = r.changes.iter().find(|(f, _, _)| f == "retracted").map(|(_, _, reason)| reason.clone());
    let heading = match (&retracted, created) {
        (Some(_), _) => "Retracted".to_owned(),
        (None, true) => "Added".to_owned(),
        (None, false) => format!("Edited (version {})", r.version),
    };
    let changes = (!created && retracted.is_none()).then(|| {
        let rows = r
            .changes
            .iter()
            .map(|(field, before, after)| {
                view! {
                    <li>
                        <span class="change-field">{field.replace('_', " ")}</span>": "
                        {(!before.is_empty()).then(|| view! { <del>{before.clone()}</del>" → " })}
                        <ins>{after.clone()}</ins>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="changes">{rows}</ul> }
    });
    view! {
        <li class="timeline-entry revision-entry">
            <div class="timeline-head"><strong>{heading}</strong></div>
            {retracted.map(|reason| view! { <p>{reason}</p> })}
            {changes}
            <p class="timeline-by">
                {format!("By {} · ", r.editor)}
                <time datetime=format::iso_date_time(r.at)>{format::date_time(r.at)}</time>
            </p>
        </li>
    }
}
