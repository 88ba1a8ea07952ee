//! claimtrack's application: the model, the pages, the server functions and (with feature `ssr`)
//! the store. The `claimtrack` binary in `server/` serves it.

#![recursion_limit = "256"]

pub mod api;
pub mod components;
pub mod error;
pub mod model;
pub mod pages;
pub mod request;
#[cfg(feature = "ssr")]
pub mod ssr;
#[cfg(test)]
mod test_rng;

pub use error::AppError;

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

/// The stylesheet, compiled in and served by the server at [`STYLESHEET_PATH`]: `style/main.css`
/// without its comments and spare whitespace (a third smaller, for every first visit).
pub static STYLESHEET: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| minified_css(include_str!("../../style/main.css")));

/// CSS without comments and without the whitespace nothing needs: around braces, semicolons,
/// commas and child combinators, after colons and opening parentheses. Quoted strings are kept as
/// they are. (A space before a colon is kept: `a :hover` and `a:hover` differ.)
pub fn minified_css(css: &str) -> String {
    const NO_SPACE_AFTER: &[char] = &['{', '}', ';', ',', ':', '>', '('];
    const NO_SPACE_BEFORE: &[char] = &['{', '}', ';', ',', '>', ')'];
    let mut out = String::with_capacity(css.len());
    let mut chars = css.chars().peekable();
    let mut space = false;
    while let Some(c) = chars.next() {
        match c {
            '"' | '\'' => {
                flush_space(&mut out, &mut space, c, NO_SPACE_AFTER, NO_SPACE_BEFORE);
                out.push(c);
                for inner in chars.by_ref() {
                    out.push(inner);
                    if inner == c {
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                chars.next();
                let mut last = ' ';
                for inner in chars.by_ref() {
                    if last == '*' && inner == '/' {
                        break;
                    }
                    last = inner;
                }
                space = true;
            }
            c if c.is_whitespace() => space = true,
            c => {
                flush_space(&mut out, &mut space, c, NO_SPACE_AFTER, NO_SPACE_BEFORE);
                out.push(c);
            }
        }
    }
    out
}

fn flush_space(out: &mut String, space: &mut bool, next: char, after: &[char], before: &[char]) {
    if std::mem::take(space) && !out.is_empty() && !out.ends_with(after) && !before.contains(&next) {
        out.push(' ');
    }
}

/// Where the stylesheet is served. The name carries a hash of its content, so that it can be
/// cached for a year and a new version is fetched as soon as it changes.
pub static STYLESHEET_PATH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("/style/claimtrack.{:016x}.css", fnv1a(STYLESHEET.as_bytes())));

/// The longest `<title>`, " — claimtrack" included: longer ones are cut off in search results.
const TITLE_MAX: usize = 70;
/// The longest page part of a title (before " — claimtrack").
pub const PAGE_TITLE_MAX: usize = TITLE_MAX - " — claimtrack".len();

/// The optional script that adds Copy buttons (`style/copy.js`), served at [`SCRIPT_PATH`].
pub const SCRIPT: &str = include_str!("../../style/copy.js");

/// Where the script is served, named by its content like the stylesheet.
pub static SCRIPT_PATH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| format!("/assets/claimtrack.{:016x}.js", fnv1a(SCRIPT.as_bytes())));

/// FNV-1a: a tiny, stable content hash (std's hasher is not stable across releases). Names the
/// script, the share cards' versions and, on the server, every ETag.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| (hash ^ b as u64).wrapping_mul(0x0100_0000_01b3))
}

/// The Content-Security-Policy of a page: its own scripts and styles only, inline scripts only
/// with this response's nonce (Leptos marks its own with it), no plugins, no `<base>`, forms only
/// to this site, never framed.
pub fn page_csp(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of a page served to readers from the page cache: its inline scripts removed, none
/// may run (see the server's `page_cache`).
pub fn page_csp_without_inline_script() -> String {
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
        .to_owned()
}

/// The HTML document around every page.
pub fn shell() -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang="en">
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <link rel="stylesheet" href=STYLESHEET_PATH.as_str()/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// The route table. Every route renders on the server with its data already in the HTML
/// (`SsrMode::Async`), so that pages work, and set their status codes, without JavaScript.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    if let Some(nonce) = leptos::nonce::use_nonce() {
        request::set_header("content-security-policy", &page_csp(&nonce));
    }
    view! {
        // leptos_meta writes the title into the page unescaped, so every title is escaped here, the
        // one formatter all pages' titles pass through: a claim's text must not end the element.
        <Title formatter=|title: String| {
            if title.is_empty() {
                "claimtrack".to_owned()
            } else {
                components::format::escape_html(&format!("{} — claimtrack", model::claim_review::shorten(&title, PAGE_TITLE_MAX)))
            }
        }/>
        <Router>
            <components::layout::Header/>
            <main id="main">
                <Routes fallback=pages::not_found::NotFound>
                    <Route path=path!("/") view=pages::claim_list::ClaimList ssr=SsrMode::Async/>
                    <Route path=path!("/claims/new") view=pages::claim_edit::NewClaim ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id") view=pages::claim_page::ClaimPage ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/edit") view=pages::claim_edit::EditClaim ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/desk") view=pages::claim_desk::ClaimDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/ruling") view=pages::claim_ruling::ClaimRuling ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/retract") view=pages::claim_retract::ClaimRetract ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/record") view=pages::claim_record::ClaimRecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/record/:figure") view=pages::claim_record::ClaimRecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/claims/:id/reinstate") view=pages::claim_retract::ClaimReinstate ssr=SsrMode::Async/>
                    <Route path=path!("/desk") view=pages::desk::Desk ssr=SsrMode::Async/>
                    <Route path=path!("/speakers") view=pages::speaker_directory::SpeakerDirectory ssr=SsrMode::Async/>
                    <Route path=path!("/speakers/new") view=pages::entity_edit::NewSpeaker ssr=SsrMode::Async/>
                    <Route path=path!("/speakers/:slug") view=pages::speaker_page::SpeakerPage ssr=SsrMode::Async/>
                    <Route path=path!("/speakers/:slug/edit") view=pages::entity_edit::EditSpeaker ssr=SsrMode::Async/>
                    <Route path=path!("/speakers/:slug/merge") view=pages::entity_edit::MergeSpeaker ssr=SsrMode::Async/>
                    <Route path=path!("/sources/new") view=pages::entity_edit::NewSource ssr=SsrMode::Async/>
                    <Route path=path!("/sources/:id") view=pages::source_page::SourcePage ssr=SsrMode::Async/>
                    <Route path=path!("/sources/:id/edit") view=pages::entity_edit::EditSource ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=pages::admin_users::AdminUsers ssr=SsrMode::Async/>
                    <Route path=path!("/import") view=pages::import::Import ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=pages::login::Login ssr=SsrMode::Async/>
                    <Route path=path!("/methodology") view=pages::methodology::Methodology ssr=SsrMode::Async/>
                    <Route path=path!("/api") view=pages::api_docs::ApiDocs ssr=SsrMode::Async/>
                    <Route path=path!("/corrections") view=pages::methodology::Corrections ssr=SsrMode::Async/>
                </Routes>
            </main>
            <components::layout::Footer/>
        </Router>
    }
}

#[cfg(test)]
mod tests {
    use super::minified_css;

    #[test]
    fn minified_css_keeps_meaning_and_drops_the_rest() {
        let css = "/* a comment */\n.a > .b ,\n.c :hover {\n  content: \"# \";  margin: 0 auto;\n}\n@media (max-width: 40rem) { .d { width: calc(100% - 2rem); } }\n";
        assert_eq!(
            minified_css(css),
            ".a>.b,.c :hover{content:\"# \";margin:0 auto;}@media (max-width:40rem){.d{width:calc(100% - 2rem);}}"
        );
    }

    #[test]
    fn the_served_stylesheet_is_under_its_budget() {
        let full = include_str!("../../style/main.css");
        assert!(super::STYLESHEET.len() < 20_000, "{} bytes", super::STYLESHEET.len());
        assert!(super::STYLESHEET.len() < full.len() * 9 / 10);
        assert_eq!(super::STYLESHEET.matches('{').count(), full.matches('{').count());
    }
}
