//! `/`: the newest published fact-checks (by when their ruling was published), with filters,
//! search and pagination; the claims being checked are one status away, not mixed in.

use crate::api::read::{list_claims, speakers_named};
use crate::components::page::loaded;
use crate::components::share::PageHead;
use crate::components::{claim_card::ClaimCard, filters::Filters, format, pager::Pager};
use crate::model::speaker_directory::DirectoryEntry;
use crate::model::{ListQuery, Page, Status};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ClaimList() -> impl IntoView {
    let parsed = super::list_query_from_url();
    loaded(
        async move {
            let query = parsed.map_err(AppError::from)?;
            let page = list_claims(query.clone()).await?;
            // A search for a speaker's name offers their page above the claims (first page only).
            let named = match &query.q {
                Some(q) if query.speaker.is_none() && query.page == Page::First => {
                    speakers_named(q.clone()).await?
                }
                _ => Vec::new(),
            };
            Ok((page, query, named))
        },
        |(page, query, named)| view! { <ListBody query page named/> },
    )
}

#[component]
fn ListBody(
    query: ListQuery,
    page: crate::model::ClaimListPage,
    named: Vec<DirectoryEntry>,
) -> impl IntoView {
    let terms = query.search_terms();
    let (matching, at_least) = page.status_counts.sum(query.listed_statuses());
    let being_checked = query.statuses == [Status::BeingChecked];
    let what = if being_checked { "Claims being checked" } else { "Fact-checks" };
    let heading = match &query.q {
        Some(q) if !terms.is_empty() => format!("{what} matching “{q}”"),
        _ => match (&page.speaker_name, &page.source_title) {
            (Some(name), _) => format!("{what}: claims by {name}"),
            (None, Some(title)) => format!("{what}: claims in “{title}”"),
            _ if being_checked => "Claims being checked".to_owned(),
            _ => "Latest fact-checks".to_owned(),
        },
    };
    let other = if being_checked {
        (query.with_statuses(Vec::new()), "See the fact-checks".to_owned())
    } else {
        let n = page.status_counts.get(Status::BeingChecked);
        (
            query.with_statuses(vec![Status::BeingChecked]),
            format!(
                "Claims being checked ({})",
                format::number_at_least(n, page.status_counts.is_lower_bound(Status::BeingChecked))
            ),
        )
    };
    let title = if query.is_filtered() { heading.clone() } else { String::new() };
    let og_title =
        if query.is_filtered() { heading.clone() } else { "Fact-checks of claims in the news".to_owned() };
    let statuses: Vec<&str> = query.statuses.iter().map(|s: &Status| s.label()).collect();
    let summary = if statuses.is_empty() {
        format::count_at_least(matching, at_least, "fact-check", "fact-checks")
    } else {
        format!("{} · {}", format::count_at_least(matching, at_least, "claim", "claims"), statuses.join(", "))
    };
    let cards = page
        .claims
        .iter()
        .cloned()
        .map(|claim| view! { <ClaimCard claim terms=terms.clone()/> })
        .collect_view();
    let empty = page.claims.is_empty();
    view! {
        <Title text=title/>
        <leptos_meta::Link rel="alternate" type_="application/atom+xml" href="/feed.atom" title="New fact-checks"/>
        <PageHead title=og_title description="Fact-checks of quotes and numeric claims in the news: who said them, where, and whether they hold up.".to_owned() path=format!("/{}", query.to_query_string())/>
        <div class="list-layout">
            <aside class="list-filters" id="filters" aria-label="Filters">
                <Filters query=query.clone() page=page.clone()/>
            </aside>
            <section class="list-results" aria-labelledby="results-heading">
                <h1 id="results-heading">{heading}</h1>
                <a class="filters-jump button secondary-button" href="#filters">"Filters"</a>
                <p class="result-summary" role="status">{summary}
                    " · " <a href=format!("/{}", other.0.to_query_string())>{other.1}</a></p>
                {(!named.is_empty()).then(|| view! { <SpeakersNamed named/> })}
                {if empty {
                    view! {
                        <div class="empty-state">
                            <p>{if query.is_filtered() { "No claims match these filters." } else { "No fact-checks published yet." }}</p>
                            {query.is_filtered().then(|| view! { <p><a class="button" href="/">"Clear the filters"</a></p> })}
                        </div>
                    }
                    .into_any()
                } else {
                    view! { <div class="claim-list">{cards}</div> }.into_any()
                }}
                <Pager base="/".to_owned() query=query.clone() page=page.clone()/>
            </section>
        </div>
    }
}

/// The speakers a search names, offered above its claims: "Speaker: Vladimir Putin — 12 fact-checks".
#[component]
fn SpeakersNamed(named: Vec<DirectoryEntry>) -> impl IntoView {
    let items = named
        .into_iter()
        .map(|entry| {
            view! {
                <li>
                    <a class="speaker-link" href=format!("/speakers/{}", entry.slug)>{entry.name}</a>
                    " — " {format::count(entry.fact_checks, "fact-check", "fact-checks")}
                </li>
            }
        })
        .collect_view();
    view! {
        <aside class="speakers-named" aria-label="Speakers matching the search">
            <p><strong>"Speakers: "</strong>"their pages list every claim of theirs that was checked."</p>
            <ul>{items}</ul>
        </aside>
    }
}
