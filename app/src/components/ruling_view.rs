//! A ruling as readers read it: what it rates (for a quote, apart: did they say it, and is it
//! accurate), the verdict, the ruling text, the evidence, who wrote and signed it off.

use super::{format, rating_graphic::RatingGraphic, status_badge::AttributionBadge};
use crate::model::{markdown, ClaimKind, Decision, EvidenceLink, Ruling, RulingKind};
use leptos::prelude::*;

#[component]
pub fn RulingView(ruling: Ruling, kind: ClaimKind) -> impl IntoView {
    let attribution = (kind == ClaimKind::Quote).then(|| {
        let answer = ruling.attribution.map_or("Not assessed", |a| a.label());
        view! {
            <div class="ruling-question">
                <h3>"Did they say it?"</h3>
                <p>{ruling.attribution.map(|attribution| view! { <AttributionBadge attribution/> " " })}{answer}</p>
            </div>
        }
    });
    let accuracy_heading =
        (kind == ClaimKind::Quote).then(|| view! { <h3>"Is what they said accurate?"</h3> });
    let body = markdown::to_safe_html(&ruling.body);
    let correction = (ruling.kind == RulingKind::Correction).then(|| ruling.note.clone()).flatten();
    view! {
        <div class="ruling">
            {attribution}
            <div class="ruling-question">
                {accuracy_heading}
                <RatingGraphic status=ruling.rating/>
            </div>
            <p class="ruling-verdict">{ruling.verdict.clone()}</p>
            {correction.map(|note| view! { <p class="correction-note"><strong>"Correction: "</strong>{note}</p> })}
            <div class="rationale ruling-text" inner_html=body></div>
            <Evidence links=ruling.evidence.clone()/>
            <Byline ruling/>
        </div>
    }
}

/// The evidence a ruling cites, with the editor's note on each.
#[component]
pub fn Evidence(links: Vec<EvidenceLink>) -> impl IntoView {
    (!links.is_empty()).then(|| {
        let items = links
            .into_iter()
            .map(|e| {
                view! {
                    <li>
                        <a href=e.url rel="nofollow">{e.title}</a>
                        {e.note.map(|n| view! { <span class="muted">" — " {n}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="evidence">
                <h3>"Evidence"</h3>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// "By Maria Lopez · signed off by Li Wang · published 30 Dec 2022"
#[component]
pub fn Byline(ruling: Ruling) -> impl IntoView {
    let approvers: Vec<String> = ruling
        .reviews
        .iter()
        .filter(|r| r.decision == Decision::Approve)
        .map(|r| r.reviewer.clone())
        .collect();
    let by = if approvers.is_empty() {
        format!("By {}", ruling.author)
    } else {
        format!("By {} · signed off by {}", ruling.author, approvers.join(", "))
    };
    view! {
        <p class="timeline-by">
            {by}
            {ruling.published_at.map(|at| view! {
                " · published " <time datetime=format::iso_date_time(at)>{format::date_time(at)}</time>
            })}
        </p>
    }
}
