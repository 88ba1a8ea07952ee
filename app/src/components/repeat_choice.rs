//! The choice an editor makes when claimtrack finds that a claim being added may already be in
//! the archive: a new claim, or a repetition of one of the suggested claims (an appearance of it,
//! with its own speaker, date and words). Plain radio buttons: it works without JavaScript.

use crate::components::format;
use crate::components::status_badge::StatusBadge;
use crate::model::repeats::Suggestion;
use crate::model::Stage;
use leptos::prelude::*;

/// `name` is the form field the choice is posted as (a claim's public id, or empty for a new
/// claim); `chosen` what it holds now (`None`: the editor has not chosen, and a near-certain
/// suggestion is chosen for them).
#[component]
pub fn RepeatChoice(name: String, suggestions: Vec<Suggestion>, chosen: Option<String>) -> impl IntoView {
    if suggestions.is_empty() {
        return None;
    }
    let chosen = chosen.unwrap_or_else(|| {
        suggestions
            .first()
            .filter(|s| s.is_near_certain())
            .map(|s| s.claim.public_id.clone())
            .unwrap_or_default()
    });
    let heading_id = format!("{name}-heading");
    let items = suggestions
        .into_iter()
        .enumerate()
        .map(|(n, s)| {
            let id = format!("{name}-{n}");
            let checked = chosen == s.claim.public_id;
            view! {
                <li>
                    <input type="radio" id=id.clone() name=name.clone() value=s.claim.public_id.clone() checked=checked/>
                    <label for=id><SuggestedClaim suggestion=s/></label>
                </li>
            }
        })
        .collect_view();
    let new_id = format!("{name}-new");
    Some(view! {
        <div class="repeat-choice" role="group" aria-labelledby=heading_id.clone()>
            <p id=heading_id.clone() class="repeat-heading"><strong>"Already in the archive?"</strong>
                " These existing claims say something alike. A repetition is added to the claim as a new appearance — with this speaker, date and source — and its ruling covers it."</p>
            <ul>
                {items}
                <li>
                    <input type="radio" id=new_id.clone() name=name.clone() value="" checked=chosen.is_empty()/>
                    <label for=new_id>"None of these: add it as a new claim"</label>
                </li>
            </ul>
        </div>
    })
}

/// One suggestion as the editor judges it: the words, who said them when, where the claim
/// stands, how alike it is.
#[component]
fn SuggestedClaim(suggestion: Suggestion) -> impl IntoView {
    let c = suggestion.claim;
    let alike = format!("{:.0}% alike", suggestion.score * 100.0);
    let stage = match c.stage {
        Stage::Published => None,
        Stage::Intake => Some("in intake"),
        Stage::Discarded => Some("discarded"),
    };
    view! {
        "A repetition of "
        <q class="repeat-text">{c.text.clone()}</q>
        <span class="repeat-meta">
            " — " {c.speaker.name.clone()} ", " <time datetime=format::iso_date(c.said_on)>{format::date(c.said_on)}</time>
            " · " {c.status.map(|status| view! { <StatusBadge status/> })} {stage}
            " · " {alike}
            {suggestion.same_figure.then_some(" · same figure")}
            " · " <a href=format!("/claims/{}", c.public_id) target="_blank" rel="noopener">"open it"</a>
        </span>
    }
}
