//! The rating as a graphic: the scale from True to False drawn as four steps (server-rendered
//! SVG), the claim's step marked, and the rating in words beside it. Readable without colour:
//! the marked step is also raised and outlined, and the words say it.

use crate::model::Status;
use leptos::prelude::*;

/// The scale's steps, best to worst.
const SCALE: [Status; 4] = [Status::True, Status::MostlyTrue, Status::Misleading, Status::False];

#[component]
pub fn RatingGraphic(status: Status) -> impl IntoView {
    let position = SCALE.iter().position(|s| *s == status);
    let aria = match position {
        Some(i) => format!("Rated {}: step {} of 4 on the scale from True to False.", status.label(), i + 1),
        None => format!("{}: not on the scale from True to False.", status.label()),
    };
    let steps = SCALE
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let current = position == Some(i);
            let (y, height) = if current { (4, 28) } else { (12, 12) };
            view! {
                <rect class=format!("step status-{}{}", step.as_str(), if current { " current" } else { "" })
                    x=(i * 62).to_string() y=y.to_string() width="58" height=height.to_string() rx="3"/>
                <text class="step-label" x=(i * 62 + 29).to_string() y="48" text-anchor="middle">{step.label()}</text>
            }
        })
        .collect_view();
    view! {
        <figure class=format!("rating-graphic status-{}", status.as_str())>
            <svg viewBox="0 0 244 54" width="300" height="66" role="img" aria-label=aria>{steps}</svg>
            <figcaption>
                <strong class="rating-words">{status.label()}</strong>
                <span class="rating-meaning">{status.meaning()}</span>
            </figcaption>
        </figure>
    }
}
