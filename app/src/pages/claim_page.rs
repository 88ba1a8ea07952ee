//! `/claims/{id}`: a claim's permalink. The ruling is the centre of the page — what it rates,
//! the verdict, the ruling text, the evidence — then the figure, where the claim appeared, and
//! its history. Readers never see notes, assignees or proposals; editors get a link to the desk.

use crate::api::read::get_claim;
use crate::components::page::loaded;
use crate::components::share::{ShareHead, ShareTools};
use crate::components::{
    claim_card::QuantityLine, figure_check::FigureCheckSection, format, rating_graphic::RatingGraphic,
    ruling_view::RulingView, timeline::Timeline,
};
use crate::model::{Appearance, ClaimDetail, ClaimKind, Stage, Status};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

#[component]
pub fn ClaimPage() -> impl IntoView {
    let id = super::path_param("id");
    loaded(get_claim(id), |claim| view! { <ClaimBody claim/> })
}

#[component]
fn ClaimBody(claim: ClaimDetail) -> impl IntoView {
    let s = claim.summary.clone();
    let is_quote = s.kind == ClaimKind::Quote;
    let title = crate::components::share::title_within(&claim, crate::PAGE_TITLE_MAX);
    let public = s.is_public();
    view! {
        <Title text=title/>
        {public.then(|| view! { <ShareHead claim=claim.clone() site=crate::request::site()/> })}
        {(!public).then(|| view! { <Meta name="robots" content="noindex"/> })}
        <Link rel="alternate" type_="application/atom+xml" href=format!("/speakers/{}/feed.atom", claim.speaker.slug)
            title=format!("New fact-checks of claims by {}", claim.speaker.name)/>
        <article class="claim-page">
            <DeskNotice claim=claim.clone()/>
            {claim.retraction_reason.clone().map(|reason| view! {
                <div class="retraction" role="note">
                    <strong>"Retracted. "</strong> {reason}
                    <span>" This claim is no longer rated."</span>
                </div>
            })}
            <div class="claim-card-top">
                <span class=format!("kind kind-{}", s.kind.as_str())>{s.kind.label()}</span>
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

            <section class="ruling-section" aria-labelledby="ruling-heading">
                <h2 id="ruling-heading">{if claim.ruling.is_some() { "The ruling" } else { "Status" }}</h2>
                {match claim.ruling.clone() {
                    Some(ruling) => view! { <RulingView ruling kind=s.kind/> }.into_any(),
                    None => view! {
                        <RatingGraphic status=s.status.unwrap_or(Status::BeingChecked)/>
                        <p>"Our desk is checking this claim. The ruling will appear here once a second editor has signed it off."</p>
                    }.into_any(),
                }}
            </section>

            {s.quantity.clone().map(|quantity| {
                let consequences = quantity.consequences();
                view! {
                    <section class="quantity-detail" aria-labelledby="quantity-heading">
                        <h2 id="quantity-heading">"The figure"</h2>
                        <QuantityLine quantity/>
                        {(!consequences.is_empty()).then(|| view! {
                            <h3>"What follows from it"</h3>
                            <ul>{consequences.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view()}</ul>
                        })}
                    </section>
                }
            })}

            {claim.figure_check.clone().map(|check| view! { <FigureCheckSection check/> })}
            <Appearances appearances=claim.appearances.clone()
                speaker=crate::model::SpeakerRef { slug: claim.speaker.slug.clone(), name: claim.speaker.name.clone() }/>
            <EditorTools claim=claim.clone()/>

            <section aria-labelledby="history-heading" id="history">
                <h2 id="history-heading">"History"</h2>
                <Timeline rulings=claim.rulings.clone() revisions=claim.revisions.clone() retractions=claim.retractions.clone()/>
            </section>

            {public.then(|| view! {
                <section class="permalink" aria-labelledby="permalink-heading">
                    <h2 id="permalink-heading">"Share"</h2>
                    <ShareTools claim=claim.clone() site=crate::request::site()/>
                    <p class="muted">"Published " <time datetime=format::iso_date_time(claim.published_at.unwrap_or(claim.created_at))>{format::date_time(claim.published_at.unwrap_or(claim.created_at))}</time></p>
                </section>
            })}
        </article>
    }
}

/// For an editor looking at a claim readers cannot see: what it is, and where to work on it.
#[component]
fn DeskNotice(claim: ClaimDetail) -> impl IntoView {
    let s = &claim.summary;
    let message = match s.stage {
        Stage::Published => return None,
        Stage::Intake => "Not public: this claim is in the desk's intake. Readers get “not found” here.",
        Stage::Discarded => "Not public: this claim was discarded from intake.",
    };
    Some(view! {
        <div class="desk-notice" role="note">
            <strong>{message}</strong>
            " " <a href=format!("/claims/{}/desk", s.public_id)>"Open it on the desk"</a>
        </div>
    })
}

/// Where the claim appeared. Said more than once — by its speaker or anyone else — it is a
/// timeline of its repetitions, oldest first, so a reader sees that a claim rated in March came
/// back in June (the ruling covers every one).
#[component]
fn Appearances(appearances: Vec<Appearance>, speaker: crate::model::SpeakerRef) -> impl IntoView {
    let count = appearances.len();
    let mut appearances = appearances;
    // Undated ones stay in recorded order, after the dated ones.
    appearances.sort_by_key(|a| (a.said_on.is_none(), a.said_on));
    let span =
        match (appearances.first().and_then(|a| a.said_on), appearances.iter().rev().find_map(|a| a.said_on))
        {
            (Some(first), Some(last)) if first != last => {
                format!(", from {} to {}", format::date(first), format::date(last))
            }
            _ => String::new(),
        };
    let items = appearances
        .into_iter()
        .map(|a| view! { <AppearanceItem appearance=a claim_speaker=speaker.clone()/> })
        .collect_view();
    view! {
        <section aria-labelledby="appearances-heading" class="appearances-section">
            <h2 id="appearances-heading">{if count > 1 { "Repetitions" } else { "Where it appeared" }}</h2>
            {match count {
                0 => view! { <p class="muted">"No source recorded yet."</p> }.into_any(),
                1 => view! { <ul class="appearances">{items}</ul> }.into_any(),
                n => view! {
                    <p class="lede">{format!("Said {n} times{span}. The ruling above covers every one.")}</p>
                    <ol class="appearances repetitions">{items}</ol>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn AppearanceItem(appearance: Appearance, claim_speaker: crate::model::SpeakerRef) -> impl IntoView {
    let a = appearance;
    let src = a.source;
    let speaker = a.speaker.unwrap_or(claim_speaker);
    view! {
        <li>
            {a.said_on.map(|d| view! { <time class="repetition-date" datetime=format::iso_date(d)>{format::date(d)}</time> " · " })}
            <a href=format!("/speakers/{}", speaker.slug)>{speaker.name}</a>
            " in "
            <a href=format!("/sources/{}", src.public_id)>{src.title.clone()}</a>
            <span class="muted">" — " {src.outlet.clone()}</span>
            " · "
            <a class="external" href=src.url.clone() rel="nofollow">"Read the original"</a>
            {a.words.map(|words| view! { <p class="repetition-words">"In these words: " <q>{words}</q></p> })}
            {a.lost.map(|lost| view! { <LostNote lost/> })}
        </li>
    }
}

/// The source's text changed and no longer holds the claim's words: readers are told so;
/// editors also see the passage as it was and what the newer text has near that place.
#[component]
fn LostNote(lost: crate::model::LostWords) -> impl IntoView {
    let day = lost.noticed.date_naive();
    view! {
        <p class="lost-words" role="note">
            "The quoted words are no longer in this source (its text changed "
            <time datetime=format::iso_date(day)>{format::date(day)}</time> ")."
        </p>
        {lost.passage.map(|before| view! {
            <dl class="lost-passage">
                <dt>"It read"</dt><dd>{before}</dd>
                {lost.replacement.map(|now| view! { <dt>"Near there now"</dt><dd>{now}</dd> })}
            </dl>
        })}
    }
}

/// Editors' links: the claim's desk page, editing, retracting or (admins) reinstating.
#[component]
fn EditorTools(claim: ClaimDetail) -> impl IntoView {
    let user = crate::request::current_user()?;
    let s = claim.summary;
    let id = s.public_id.clone();
    Some(view! {
        <section class="editor-panel" aria-labelledby="editor-heading">
            <h2 id="editor-heading">"Editor tools"</h2>
            <p class="editor-tools">
                <a class="button" href=format!("/claims/{id}/desk")>"Open on the desk"</a>
                <a class="button secondary-button" href=format!("/claims/{id}/edit")>"Edit the claim"</a>
                {(s.kind == ClaimKind::Numeric).then(|| view! {
                    <a class="button secondary-button" href=format!("/claims/{id}/record")>"Check against the record"</a>
                })}
                {(s.is_public() && !s.retracted).then(|| view! {
                    <a class="button secondary-button" href=format!("/claims/{id}/retract")>"Retract…"</a>
                })}
                {(s.retracted && user.is_admin()).then(|| view! {
                    <a class="button secondary-button" href=format!("/claims/{id}/reinstate")>"Reverse the retraction…"</a>
                })}
            </p>
        </section>
    })
}
