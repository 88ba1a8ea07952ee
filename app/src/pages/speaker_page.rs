//! `/speakers/{slug}`: who the speaker is, how their claims are rated, their claims.

use crate::api::read::get_speaker;
use crate::components::page::loaded;
use crate::components::share::PageHead;
use crate::components::{claim_card::ClaimCard, format, pager::Pager, rating_chart::RatingChart};
use crate::model::{ListQuery, Repeated, SpeakerKind, SpeakerPage as Page};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SpeakerPage() -> impl IntoView {
    let slug = super::path_param("slug");
    let parsed = super::list_query_from_url();
    loaded(
        async move {
            let query = parsed.map_err(AppError::from)?;
            Ok((get_speaker(slug, query.clone()).await?, query))
        },
        |(page, query)| view! { <SpeakerBody page query/> },
    )
}

#[component]
fn SpeakerBody(page: Page, query: ListQuery) -> impl IntoView {
    let speaker = page.speaker.clone();
    let (total, _) = page.status_counts.sum(query.listed_statuses()); // exact: kept per speaker
    let base = format!("/speakers/{}", speaker.slug);
    let cards = page.claims.claims.iter().cloned().map(|claim| view! { <ClaimCard claim/> }).collect_view();
    let aliases = (!speaker.aliases.is_empty()).then(|| {
        view! { <p class="aliases">{format!("Also known as: {}", speaker.aliases.join(" · "))}</p> }
    });
    view! {
        <Title text=speaker.name.clone()/>
        <leptos_meta::Link rel="alternate" type_="application/atom+xml" href=format!("/speakers/{}/feed.atom", speaker.slug)
            title=format!("New fact-checks of claims by {}", speaker.name)/>
        <PageHead title=speaker.name.clone() description=speaker_description(&speaker) path=base.clone()/>
        <article class="profile">
            <header class="profile-head">
                <p class="kind">{match speaker.kind { SpeakerKind::Person => "Person", SpeakerKind::Organization => "Organization" }}</p>
                <h1>{speaker.name.clone()}</h1>
                {(!speaker.description.is_empty()).then(|| view! { <p class="lede">{speaker.description.clone()}</p> })}
                {aliases}
                {crate::request::current_user().map(|_| view! {
                    <p class="editor-tools">
                        <a class="button secondary-button" href=format!("/speakers/{}/edit", speaker.slug)>"Edit the speaker"</a>
                        <a class="button secondary-button" href=format!("/speakers/{}/merge", speaker.slug)>"Merge into another…"</a>
                    </p>
                })}
            </header>
            <section aria-labelledby="ratings-heading">
                <h2 id="ratings-heading">"How their claims are rated"</h2>
                <RatingChart counts=page.status_counts.clone()/>
            </section>
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">{format::count(total, "fact-check", "fact-checks")}</h2>
                <p><a href=format!("/?speaker={}", speaker.slug)>"Filter and search these claims"</a></p>
                <div class="claim-list">{cards}</div>
                <Pager base query page=page.claims.clone()/>
            </section>
            {(!page.repeated.is_empty()).then(|| view! { <RepeatedSection repeated=page.repeated.clone() name=speaker.name.clone()/> })}
        </article>
    }
}

/// The published claims by others that the speaker said again: when, where, and the claim as
/// rated (its card names who said it first).
#[component]
fn RepeatedSection(repeated: Vec<Repeated>, name: String) -> impl IntoView {
    let items = repeated
        .into_iter()
        .map(|r| {
            view! {
                <li>
                    <p class="repetition-meta">
                        {r.said_on.map(|d| view! { <time class="repetition-date" datetime=format::iso_date(d)>{format::date(d)}</time> " · " })}
                        "in " <a href=format!("/sources/{}", r.source.public_id)>{r.source.title}</a>
                        <span class="muted">" — " {r.source.outlet}</span>
                    </p>
                    <ClaimCard claim=r.claim/>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="repeated-heading">
            <h2 id="repeated-heading">{format!("Claims {name} repeated")}</h2>
            <p class="muted">"Said again by them after someone else said it; the ruling on each claim covers the repetition."</p>
            <ol class="repetitions">{items}</ol>
        </section>
    }
}

/// "Claims by Vladimir Putin, President of Russia, and how they were rated."
fn speaker_description(speaker: &crate::model::Speaker) -> String {
    if speaker.description.is_empty() {
        format!("Claims by {}, and how they were rated.", speaker.name)
    } else {
        format!("Claims by {}, {}, and how they were rated.", speaker.name, speaker.description)
    }
}
