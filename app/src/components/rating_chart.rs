//! How a speaker's claims are rated: a stacked bar (server-rendered SVG, no script) and, for
//! screen readers and exact numbers, the same figures as a list. Only rated claims count: claims
//! being checked and opinions (not rated) are left out.

use super::status_badge::StatusBadge;
use crate::model::{Status, StatusCounts};
use leptos::prelude::*;

#[component]
pub fn RatingChart(counts: StatusCounts) -> impl IntoView {
    // A speaker's counts are exact (kept per speaker), so the shares add up.
    let (total, _) = counts.sum(Status::SCALE);
    if total == 0 {
        return view! { <p class="muted">"No rated claims yet."</p> }.into_any();
    }
    let mut x = 0.0;
    let bars = Status::SCALE
        .iter()
        .copied()
        .filter(|s| counts.get(*s) > 0)
        .map(|status| {
            let width = counts.get(status) as f64 / total as f64 * 100.0;
            let bar = view! {
                <rect class=format!("bar status-{}", status.as_str()) x=format!("{x:.2}%") y="0"
                    width=format!("{width:.2}%") height="100%">
                    <title>{format!("{}: {}", status.label(), counts.get(status))}</title>
                </rect>
            };
            x += width;
            bar
        })
        .collect_view();
    let summary = Status::SCALE
        .iter()
        .copied()
        .filter(|s| counts.get(*s) > 0)
        .map(|s| format!("{} {}", counts.get(s), s.label().to_lowercase()))
        .collect::<Vec<_>>()
        .join(", ");
    let legend = Status::SCALE
        .iter()
        .copied()
        .filter(|s| counts.get(*s) > 0)
        .map(|status| view! { <li><StatusBadge status/> " " {counts.get(status)}</li> })
        .collect_view();
    view! {
        <figure class="rating-chart">
            <svg class="rating-bar" width="100%" height="20" role="img" aria-label=format!("Ratings: {summary}")>
                {bars}
            </svg>
            <figcaption>
                <ul class="rating-legend">{legend}</ul>
            </figcaption>
        </figure>
    }
    .into_any()
}
