//! Newer / Older links for keyset-paginated lists.

use crate::model::{ClaimListPage, ListQuery, Page};
use leptos::prelude::*;

#[component]
pub fn Pager(base: String, query: ListQuery, page: ClaimListPage) -> impl IntoView {
    let newer = page.newer.map(|c| format!("{base}{}", query.with_page(Page::Before(c)).to_query_string()));
    let older = page.older.map(|c| format!("{base}{}", query.with_page(Page::After(c)).to_query_string()));
    let first = (query.page != Page::First)
        .then(|| format!("{base}{}", query.with_page(Page::First).to_query_string()));
    (newer.is_some() || older.is_some() || first.is_some()).then(|| {
        view! {
            <nav class="pager" aria-label="Pages">
                {first.map(|href| view! { <a href=href rel="first">"« Newest"</a> })}
                {newer.map(|href| view! { <a href=href rel="prev">"‹ Newer"</a> })}
                {older.map(|href| view! { <a href=href rel="next">"Older ›"</a> })}
            </nav>
        }
    })
}
