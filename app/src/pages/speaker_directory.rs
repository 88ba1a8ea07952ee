//! `/speakers`: every speaker with published claims, A–Z, with their counts, a search and a row
//! of first letters — how a reader finds a person without knowing what they said.

use crate::api::read::speaker_directory;
use crate::components::format;
use crate::components::page::loaded;
use crate::components::share::PageHead;
use crate::model::speaker_directory::{DirectoryEntry, DirectoryPage, DirectoryQuery, MAX_SEARCH_CHARS};
use crate::model::SpeakerKind;
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SpeakerDirectory() -> impl IntoView {
    let params = leptos_router::hooks::use_query_map().get_untracked();
    let pairs: Vec<(&str, String)> = ["q", "letter", "after"]
        .into_iter()
        .filter_map(|name| params.get(name).map(|value| (name, value)))
        .collect();
    let parsed = DirectoryQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    loaded(
        async move {
            let query = parsed.map_err(AppError::from)?;
            Ok((speaker_directory(query.clone()).await?, query))
        },
        |(page, query)| view! { <DirectoryBody page query/> },
    )
}

#[component]
fn DirectoryBody(page: DirectoryPage, query: DirectoryQuery) -> impl IntoView {
    let narrowed = !query.q.is_empty() || query.letter.is_some();
    let summary = match (&query.q, query.letter) {
        (q, _) if !q.is_empty() => {
            format!("{} matching “{q}”", format::count(page.matching, "speaker", "speakers"))
        }
        (_, Some(letter)) => {
            format!("{} whose name starts with {letter}", format::count(page.matching, "speaker", "speakers"))
        }
        _ => format::count(page.matching, "speaker", "speakers"),
    };
    let entries = page.speakers.iter().cloned().map(|entry| view! { <DirectoryRow entry/> }).collect_view();
    let next = page.next.map(|next| format!("/speakers{}", next.to_query_string()));
    let first = query.after.is_some().then(|| format!("/speakers{}", query.first_page().to_query_string()));
    view! {
        <Title text="Speakers"/>
        <PageHead title="Speakers".to_owned()
            description="Everyone whose claims have been fact-checked, A to Z, with how many of their claims were checked.".to_owned()
            path=format!("/speakers{}", query.first_page().to_query_string())/>
        <article class="directory">
            <h1>"Speakers"</h1>
            <form class="directory-search" method="get" action="/speakers" role="search">
                <label for="directory-q">"Find a speaker by name"</label>
                <div class="share-row">
                    <input id="directory-q" type="search" name="q" maxlength=MAX_SEARCH_CHARS.to_string() value=query.q.clone()/>
                    <button type="submit">"Find"</button>
                </div>
            </form>
            <Letters current=query.letter/>
            <p class="result-summary" role="status">{summary}
                {narrowed.then(|| view! { " · " <a href="/speakers">"All speakers"</a> })}</p>
            {if page.speakers.is_empty() {
                view! { <p class="empty-state">"No speaker with published fact-checks matches."</p> }.into_any()
            } else {
                view! { <ul class="directory-list">{entries}</ul> }.into_any()
            }}
            <nav class="pager" aria-label="Pages">
                {first.map(|href| view! { <a href=href>"← First page"</a> })}
                {next.map(|href| view! { <a href=href rel="next">"Next page →"</a> })}
            </nav>
        </article>
    }
}

/// Links to the names starting with each letter; the current one marked.
#[component]
fn Letters(current: Option<char>) -> impl IntoView {
    let letters = ('A'..='Z')
        .map(|letter| {
            let here = current == Some(letter);
            view! {
                <li><a href=format!("/speakers?letter={letter}") aria-current=here.then_some("page")>{letter.to_string()}</a></li>
            }
        })
        .collect_view();
    view! { <nav aria-label="Speakers by first letter"><ul class="letters">{letters}</ul></nav> }
}

#[component]
fn DirectoryRow(entry: DirectoryEntry) -> impl IntoView {
    let kind = match entry.kind {
        SpeakerKind::Person => "Person",
        SpeakerKind::Organization => "Organization",
    };
    let checking = entry.claims - entry.fact_checks;
    let checked = format::count(entry.fact_checks, "fact-check", "fact-checks");
    let counts = match (entry.fact_checks, checking) {
        (_, 0) => checked,
        (0, _) => format!("{} being checked", format::number(checking)),
        _ => format!("{checked} · {} being checked", format::number(checking)),
    };
    view! {
        <li class="directory-entry">
            <a class="speaker-link" href=format!("/speakers/{}", entry.slug)>{entry.name}</a>
            <span class="muted">{if entry.description.is_empty() { kind.to_owned() } else { entry.description }}</span>
            <span class="directory-counts">{counts}</span>
        </li>
    }
}
