//! `/`: the claims, newest first, with filters, search and pagination.

use crate::api::read::list_claims;
use crate::components::{
    claim_card::ClaimCard, error_view::ErrorView, filters::Filters, format, pager::Pager,
};
use crate::model::{ListQuery, Status};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn ClaimList() -> impl IntoView {
    let parsed = super::list_query_from_url();
    view! {
        <Suspense fallback=|| view! { <p>"Loading claims…"</p> }>
            {Suspend::new(async move {
                let query = match parsed {
                    Ok(query) => query,
                    Err(err) => return view! { <ErrorView error=AppError::from(err)/> }.into_any(),
                };
                match list_claims(query.clone()).await {
                    Ok(page) => view! { <ListBody query page/> }.into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn ListBody(query: ListQuery, page: crate::model::ClaimListPage) -> impl IntoView {
    let terms = query.search_terms();
    let (matching, at_least) = if query.statuses.is_empty() {
        page.status_counts.total()
    } else {
        page.status_counts.sum(&query.statuses)
    };
    let heading = match &query.q {
        Some(q) if !terms.is_empty() => format!("Claims matching “{q}”"),
        _ => match (&page.speaker_name, &page.source_title) {
            (Some(name), _) => format!("Claims by {name}"),
            (None, Some(title)) => format!("Claims in “{title}”"),
            _ => "Latest claims".to_owned(),
        },
    };
    let title = if query.is_filtered() { heading.clone() } else { String::new() };
    let statuses: Vec<&str> = query.statuses.iter().map(|s: &Status| s.label()).collect();
    let summary = if statuses.is_empty() {
        format::count_at_least(matching, at_least, "claim", "claims")
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
        <leptos_meta::Link rel="alternate" type_="application/atom+xml" href="/feed.atom" title="New verdicts"/>
        <Meta name="description" content="Quotes and numeric claims in the news: who said them, where, and whether they hold up."/>
        <div class="list-layout">
            <aside class="list-filters">
                <Filters query=query.clone() page=page.clone()/>
            </aside>
            <section class="list-results" aria-labelledby="results-heading">
                <h1 id="results-heading">{heading}</h1>
                <p class="result-summary" role="status">{summary}</p>
                {if empty {
                    view! {
                        <div class="empty-state">
                            <p>{if query.is_filtered() { "No claims match these filters." } else { "No claims yet." }}</p>
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
