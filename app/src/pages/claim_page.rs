//! `/claims/{id}`: a claim's permalink — the text, speaker, appearances, quantity with what follows
//! from it, the current verdict and the whole verification history.

use crate::api::read::get_claim;
use crate::components::share::{ShareHead, ShareTools};
use crate::components::{
    claim_card::QuantityLine, error_view::ErrorView, format, status_badge::StatusBadge,
    status_form::StatusForm, timeline::Timeline,
};
use crate::model::{ClaimDetail, ClaimKind};
use leptos::prelude::*;
use leptos_meta::{Link, Title};

#[component]
pub fn ClaimPage() -> impl IntoView {
    let id = super::path_param("id");
    view! {
        <Suspense fallback=|| view! { <p>"Loading the claim…"</p> }>
            {Suspend::new(async move {
                match get_claim(id).await {
                    Ok(claim) => view! { <ClaimBody claim/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ClaimBody(claim: ClaimDetail) -> impl IntoView {
    let s = claim.summary.clone();
    let is_quote = s.kind == ClaimKind::Quote;
    let title = crate::components::share::share_title(&claim);
    let consequences = s.quantity.as_ref().map(|q| q.consequences()).unwrap_or_default();
    let appearances = claim
        .appearances
        .iter()
        .map(|a| {
            let src = a.source.clone();
            view! {
                <li>
                    <a href=format!("/sources/{}", src.public_id)>{src.title.clone()}</a>
                    <span class="muted">
                        " — " {src.outlet.clone()}
                        {src.published_on.map(|d| view! { ", " <time datetime=format::iso_date(d)>{format::date(d)}</time> })}
                    </span>
                    " · "
                    <a class="external" href=src.url.clone() rel="nofollow">"Read the original"</a>
                </li>
            }
        })
        .collect_view();
    let has_appearances = !claim.appearances.is_empty();
    view! {
        <Title text=title/>
        <ShareHead claim=claim.clone() site=crate::request::site()/>
        <Link rel="alternate" type_="application/atom+xml" href=format!("/speakers/{}/feed.atom", claim.speaker.slug)
            title=format!("New verdicts on claims by {}", claim.speaker.name)/>
        <article class="claim-page">
            {claim.retraction_reason.clone().map(|reason| view! {
                <div class="retraction" role="note">
                    <strong>"Retracted. "</strong> {reason}
                </div>
            })}
            <div class="claim-card-top">
                <span class=format!("kind kind-{}", s.kind.as_str())>{s.kind.label()}</span>
                <StatusBadge status=s.status/>
            </div>
            <blockquote class="claim-full" class:quote=is_quote>
                <p>{is_quote.then_some("“")}{s.text.clone()}{is_quote.then_some("”")}</p>
            </blockquote>
            <p class="byline">
                <a class="speaker-link" href=format!("/speakers/{}", claim.speaker.slug)>{claim.speaker.name.clone()}</a>
                {(!claim.speaker.description.is_empty()).then(|| view! { <span class="muted">", " {claim.speaker.description.clone()}</span> })}
                " · said "
                <time datetime=format::iso_date(s.said_on)>{format::date(s.said_on)}</time>
            </p>

            <section class="current-status" aria-labelledby="status-heading">
                <h2 id="status-heading">"Status"</h2>
                <p><StatusBadge status=s.status/> " " <strong>{s.verdict.clone().unwrap_or_else(|| "Not yet reviewed.".to_owned())}</strong></p>
            </section>

            {s.quantity.clone().map(|quantity| view! {
                <section class="quantity-detail" aria-labelledby="quantity-heading">
                    <h2 id="quantity-heading">"The figure"</h2>
                    <QuantityLine quantity/>
                    {(!consequences.is_empty()).then(|| view! {
                        <h3>"What follows from it"</h3>
                        <ul>{consequences.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                    })}
                </section>
            })}

            <section aria-labelledby="appearances-heading">
                <h2 id="appearances-heading">"Where it appeared"</h2>
                {if has_appearances {
                    view! { <ul class="appearances">{appearances}</ul> }.into_any()
                } else {
                    view! { <p class="muted">"No source recorded yet."</p> }.into_any()
                }}
            </section>

            {crate::request::current_user().map(|_| view! {
                <section class="editor-panel" aria-labelledby="editor-heading">
                    <h2 id="editor-heading">"Editor tools"</h2>
                    <p class="editor-tools">
                        <a class="button secondary-button" href=format!("/claims/{}/edit", s.public_id)>"Edit the claim"</a>
                        {(!s.retracted).then(|| view! { <a class="button secondary-button" href=format!("/claims/{}/retract", s.public_id)>"Retract…"</a> })}
                    </p>
                    <details open>
                        <summary>"Set the status"</summary>
                        <StatusForm claim_id=s.public_id.clone() current=s.status seen=claim.verifications.len()/>
                    </details>
                </section>
            })}

            <section aria-labelledby="history-heading" id="history">
                <h2 id="history-heading">"History"</h2>
                <Timeline verifications=claim.verifications.clone() revisions=claim.revisions.clone()/>
            </section>

            <section class="permalink" aria-labelledby="permalink-heading">
                <h2 id="permalink-heading">"Share"</h2>
                <ShareTools claim=claim.clone() site=crate::request::site()/>
                <p class="muted">"Added " <time datetime=format::iso_date_time(claim.created_at)>{format::date_time(claim.created_at)}</time></p>
            </section>
        </article>
    }
}
