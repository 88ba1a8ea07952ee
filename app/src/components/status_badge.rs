//! A claim's status, and a quote's attribution, as badges that also say it in words (colour is
//! never the only cue).

use crate::model::{Attribution, Status};
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.as_str())>{status.label()}</span> }
}

/// Did they say it? Shown apart from the rating, so that "they said it" never reads as "it is true".
#[component]
pub fn AttributionBadge(attribution: Attribution) -> impl IntoView {
    view! {
        <span class=format!("badge attribution attribution-{}", attribution.as_str())>
            <span class="visually-hidden">"Attribution: "</span>{attribution.short_label()}
        </span>
    }
}
