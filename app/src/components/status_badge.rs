//! A claim's status as a coloured badge that also says it in words (colour is never the only cue).

use crate::model::Status;
use leptos::prelude::*;

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    view! { <span class=format!("badge status-{}", status.as_str())>{status.label()}</span> }
}
