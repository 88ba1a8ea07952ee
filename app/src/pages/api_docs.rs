//! `/api`: the JSON API, exports and feeds, for a person.

use crate::components::share::PageHead;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ApiDocs() -> impl IntoView {
    let site = crate::request::site().url;
    let rows = [
        ("/api/v1/claims", "Claims, newest first. Filters as on the list page: q, status (repeatable), kind, speaker, source; pages with the next and previous links. Per-status counts; a search counts up to 1,000 per status (status_counts_capped_at), so 1000 there means at least 1,000."),
        ("/api/v1/claims/{id}", "One claim with its appearances and its whole verification history."),
        ("/api/v1/speakers", "Every speaker."),
        ("/api/v1/speakers/{slug}", "A speaker, how their claims are rated, and their newest claims."),
        ("/api/v1/sources/{id}", "A source and the newest claims appearing in it."),
        ("/api/v1/openapi.json", "The OpenAPI 3.1 description of all of the above."),
        ("/export/claims.csv", "Every claim, one row each, as CSV (opens safely in a spreadsheet)."),
        ("/export/claims.jsonl", "The same as JSON lines, with the same field names."),
        ("/feed.atom", "Atom feed of new verdicts; ?status=false for one status; /speakers/{slug}/feed.atom for one speaker."),
        ("/sitemap.xml", "Every published claim, speaker and source, with when each last changed (an index of parts past 50,000 addresses)."),
    ]
    .into_iter()
    .map(|(path, what)| view! { <tr><td><code>{breakable_path(path)}</code></td><td>{what}</td></tr> })
    .collect_view();
    view! {
        <Title text="API and data"/>
        <PageHead title="API and data".to_owned() description="The claimtrack JSON API, exports, feeds and sitemap.".to_owned() path="/api".to_owned()/>
        <article class="claim-page prose">
            <h1>"API and data"</h1>
            <p>"Everything here is open to read: no key, any origin (CORS), JSON with stable field names. Answers carry an ETag; send it back in If-None-Match to get 304 Not Modified. Errors are application/problem+json with a 4xx status and a detail saying what to fix."</p>
            <p><a class="button" href="/api/v1/openapi.json">"OpenAPI document"</a></p>
            <div class="table-wrap">
                <table class="accounts">
                    <thead><tr><th scope="col">"Address"</th><th scope="col">"What it returns"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>"Example"</h2>
            <pre class="example"><code>{format!("curl '{site}/api/v1/claims?status=false&q=trade'")}</code></pre>
            <p>"The command line exports the same data: "<code>"claimtrack export --format jsonl --out claims.jsonl"</code>"."</p>
        </article>
    }
}

/// A path that may wrap after each "/" on a narrow screen, never inside a word.
fn breakable_path(path: &'static str) -> impl IntoView {
    let mut parts = path.split_inclusive('/').peekable();
    std::iter::from_fn(move || {
        let part = parts.next()?;
        let more = parts.peek().is_some();
        Some(view! { {part}{more.then(|| view! { <wbr/> })} })
    })
    .collect_view()
}
