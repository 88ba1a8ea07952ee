//! One claim in a list: kind, text, quantity, speaker, where it appeared, status.

use super::{format, status_badge::AttributionBadge, status_badge::StatusBadge};
use crate::model::{search, ClaimKind, ClaimSummary, Quantity};
use leptos::prelude::*;

/// The claim's text with the searched words marked.
#[component]
pub fn Highlighted(text: String, terms: Vec<String>) -> impl IntoView {
    search::highlight(&text, &terms)
        .into_iter()
        .map(|segment| {
            let piece = segment.text.to_owned();
            if segment.matched {
                view! { <mark>{piece}</mark> }.into_any()
            } else {
                piece.into_any()
            }
        })
        .collect_view()
}

/// "54 of 69 (78.3%) cruise missiles"
#[component]
pub fn QuantityLine(quantity: Quantity) -> impl IntoView {
    let noun = quantity.noun().map(|n| format!(" {n}"));
    view! {
        <p class="quantity">
            <strong class="quantity-figure">{quantity.headline()}</strong>
            {noun.map(|n| view! { <span class="quantity-unit">{n}</span> })}
        </p>
    }
}

#[component]
pub fn ClaimCard(claim: ClaimSummary, #[prop(default = Vec::new())] terms: Vec<String>) -> impl IntoView {
    let href = format!("/claims/{}", claim.public_id);
    let is_quote = claim.kind == ClaimKind::Quote;
    let source = claim.first_source.clone();
    view! {
        <article class="claim-card" class:retracted=claim.retracted>
            <div class="claim-card-top">
                <span class=format!("kind kind-{}", claim.kind.as_str())>{claim.kind.label()}</span>
                {claim.status.map(|status| view! { <StatusBadge status/> })}
                {claim.attribution.map(|attribution| view! { <AttributionBadge attribution/> })}
                {claim.retracted.then(|| view! { <span class="badge retracted-badge">"Retracted"</span> })}
            </div>
            <p class="claim-text" class:quote=is_quote>
                <a href=href>
                    {is_quote.then_some("“")}
                    <Highlighted text=claim.text.clone() terms=terms/>
                    {is_quote.then_some("”")}
                </a>
            </p>
            {claim.quantity.clone().map(|quantity| view! { <QuantityLine quantity/> })}
            {claim.verdict.clone().map(|v| view! { <p class="verdict-line">{v}</p> })}
            <p class="byline">
                <a class="speaker-link" href=format!("/speakers/{}", claim.speaker.slug)>{claim.speaker.name.clone()}</a>
                " · said "
                <time datetime=format::iso_date(claim.said_on)>{format::date(claim.said_on)}</time>
                {source.map(|s| view! {
                    " · in "
                    <a class="source-link" href=format!("/sources/{}", s.public_id) title=s.title.clone()>{s.outlet.clone()}</a>
                    {s.published_on.map(|d| view! {
                        ", "
                        <time datetime=format::iso_date(d)>{format::date(d)}</time>
                    })}
                })}
            </p>
        </article>
    }
}
