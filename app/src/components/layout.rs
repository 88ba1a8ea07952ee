//! The header (with search) and footer around every page.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Header() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <header class="site-header">
            <div class="site-header-inner">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"✓"</span>
                    "claimtrack"
                </a>
                <form class="site-search" method="get" action="/" role="search">
                    <label for="site-search-q" class="visually-hidden">"Search claims"</label>
                    <input id="site-search-q" type="search" name="q" maxlength="200"
                        placeholder="Search claims, speakers, sources" value=q/>
                    <button type="submit">"Search"</button>
                </form>
                <nav class="site-nav" aria-label="Browse">
                    <a href="/speakers">"Speakers"</a>
                </nav>
                <nav class="account-nav" aria-label="Account">
                    {match crate::request::current_user() {
                        Some(user) => view! {
                            <a href="/desk">"Desk"</a>
                            <a href="/claims/new">"Add claim"</a>
                            <a href="/import">"Import article"</a>
                            <a href="/sources/new">"Add source"</a>
                            <a href="/speakers/new">"Add speaker"</a>
                            <span class="signed-in">{user.display_name.clone()}</span>
                            {user.is_admin().then(|| view! { <a href="/admin/users">"Accounts"</a> })}
                            <form method="post" action="/logout" class="inline-form">
                                <input type="hidden" name="csrf" value=user.csrf_token.clone()/>
                                <button type="submit" class="link-button">"Sign out"</button>
                            </form>
                        }.into_any(),
                        None => view! { <a href="/login">"Sign in"</a> }.into_any(),
                    }}
                </nav>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <p>
                <strong>"claimtrack"</strong>
                " tracks quotes and numeric claims in the news: who said them, where they appeared, and whether they hold up. "
                "Every ruling is signed off by a second editor and shown with its reasoning, evidence and history."
            </p>
            <p class="footer-links">
                <a href="/methodology">"Methodology"</a>
                <a href="/corrections">"Corrections"</a>
                <a href="/?status=being_checked">"Being checked"</a>
                <a href="/feed.atom">"Feed of new fact-checks"</a>
                <a href="/api">"API and data"</a>
            </p>
        </footer>
    }
}
