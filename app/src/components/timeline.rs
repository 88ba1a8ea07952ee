//! A claim's public history, newest first: its published rulings (the first ruling, corrections
//! and clarifications), edits (what changed) and retractions, each with who and when.

use super::{format, status_badge::StatusBadge};
use crate::model::{markdown, RetractionEvent, Revision, Ruling, RulingKind};
use leptos::prelude::*;

enum Entry {
    Ruling(Ruling),
    Revision(Revision),
    Retraction(RetractionEvent),
}

impl Entry {
    fn at(&self) -> chrono::DateTime<chrono::Utc> {
        match self {
            Entry::Ruling(r) => r.published_at.unwrap_or(r.created_at),
            Entry::Revision(r) => r.at,
            Entry::Retraction(r) => r.at,
        }
    }
}

#[component]
pub fn Timeline(
    rulings: Vec<Ruling>,
    #[prop(default = Vec::new())] revisions: Vec<Revision>,
    #[prop(default = Vec::new())] retractions: Vec<RetractionEvent>,
) -> impl IntoView {
    let mut entries: Vec<Entry> = rulings
        .into_iter()
        .map(Entry::Ruling)
        .chain(revisions.into_iter().filter(|r| !is_legacy_retraction(r)).map(Entry::Revision))
        .chain(retractions.into_iter().map(Entry::Retraction))
        .collect();
    if entries.is_empty() {
        return view! { <p class="muted">"Nothing has changed since it was added."</p> }.into_any();
    }
    // Stable sort: for equal times, the order of recording is kept.
    entries.sort_by_key(Entry::at);
    let items = entries.into_iter().rev().map(|entry| match entry {
        Entry::Ruling(r) => ruling(r).into_any(),
        Entry::Revision(r) => revision(r).into_any(),
        Entry::Retraction(r) => retraction(r).into_any(),
    });
    view! { <ol class="timeline">{items.collect_view()}</ol> }.into_any()
}

/// Retractions used to be recorded as edits; they are listed from their own table now.
fn is_legacy_retraction(r: &Revision) -> bool {
    r.changes.iter().any(|(field, _, _)| field == "retracted")
}

fn ruling(r: Ruling) -> impl IntoView {
    let heading = match r.kind {
        RulingKind::Ruling => "Ruling published",
        RulingKind::Correction => "Correction",
        RulingKind::Clarification => "Clarification",
    };
    let body = markdown::to_safe_html(&r.body);
    let at = r.published_at.unwrap_or(r.created_at);
    view! {
        <li class="timeline-entry">
            <div class="timeline-head">
                <strong>{heading}</strong> " " <StatusBadge status=r.rating/>
                {r.attribution.map(|a| view! { " " <super::status_badge::AttributionBadge attribution=a/> })}
                <strong class="timeline-verdict">{r.verdict.clone()}</strong>
            </div>
            {r.note.clone().map(|note| view! { <p class="correction-note">{note}</p> })}
            <div class="rationale" inner_html=body></div>
            <super::ruling_view::Evidence links=r.evidence.clone()/>
            <p class="timeline-by">
                {format!("By {} · ", r.author)}
                <time datetime=format::iso_date_time(at)>{format::date_time(at)}</time>
            </p>
        </li>
    }
}

fn retraction(r: RetractionEvent) -> impl IntoView {
    view! {
        <li class="timeline-entry revision-entry">
            <div class="timeline-head"><strong>{if r.reinstated { "Retraction reversed" } else { "Retracted" }}</strong></div>
            <p>{r.reason}</p>
            <p class="timeline-by">
                {format!("By {} · ", r.by)}
                <time datetime=format::iso_date_time(r.at)>{format::date_time(r.at)}</time>
            </p>
        </li>
    }
}

fn revision(r: Revision) -> impl IntoView {
    let created = r.version == 1;
    let heading = if created { "Added".to_owned() } else { format!("Edited (version {})", r.version) };
    let changes = (!created).then(|| {
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
            {changes}
            <p class="timeline-by">
                {format!("By {} · ", r.editor)}
                <time datetime=format::iso_date_time(r.at)>{format::date_time(r.at)}</time>
            </p>
        </li>
    }
}
