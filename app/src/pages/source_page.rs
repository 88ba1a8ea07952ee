//! `/sources/{id}`: a source's metadata and the claims that appear in it.

use crate::api::read::get_source;
use crate::components::article_text::ArticleText;
use crate::components::page::loaded;
use crate::components::share::PageHead;
use crate::components::{claim_card::ClaimCard, format, pager::Pager};
use crate::model::excerpt::Excerpt;
use crate::model::import::Mark;
use crate::model::snapshot::Snapshot;
use crate::model::{ListQuery, SourcePage as Page};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SourcePage() -> impl IntoView {
    let id = super::path_param("id");
    let parsed = super::list_query_from_url();
    loaded(
        async move {
            let query = parsed.map_err(AppError::from)?;
            Ok((get_source(id, query.clone()).await?, query))
        },
        |(page, query)| view! { <SourceBody page query/> },
    )
}

/// After an import: what was added, from the redirect's query (`?added=3&linked=1&already=0`).
#[component]
pub fn ImportNotice() -> impl IntoView {
    let count = |name: &str| super::query_param(name).parse::<i64>().ok();
    let (added, linked, already) = (count("added"), count("linked"), count("already"));
    added.map(|added| {
        let mut parts = vec![format::count(added, "claim added", "claims added")];
        if let Some(l) = linked.filter(|l| *l > 0) {
            parts.push(format!(
                "{} already known and now linked to this source",
                format::count(l, "claim", "claims")
            ));
        }
        if let Some(a) = already.filter(|a| *a > 0) {
            parts.push(format!("{} already here", format::count(a, "claim was", "claims were")));
        }
        view! { <p class="notice" role="status">{format!("Imported: {}.", parts.join("; "))}</p> }
    })
}

#[component]
fn SourceBody(page: Page, query: ListQuery) -> impl IntoView {
    let source = page.source.clone();
    let (total, at_least) = page.claims.status_counts.sum(query.listed_statuses());
    let base = format!("/sources/{}", source.public_id);
    let cards = page.claims.claims.iter().cloned().map(|claim| view! { <ClaimCard claim/> }).collect_view();
    view! {
        <Title text=source.title.clone()/>
        <PageHead title=source.title.clone() description=format!("Claims in “{}” ({}), and how they were rated.", source.title, source.outlet) path=base.clone()/>
        <article class="profile">
            <header class="profile-head">
                <p class="kind">"Source"</p>
                <h1>{source.title.clone()}</h1>
                <dl class="source-meta">
                    <dt>"Outlet"</dt><dd>{source.outlet.clone()}</dd>
                    {source.author.clone().map(|a| view! { <dt>"Author"</dt><dd>{a}</dd> })}
                    {source.published_on.map(|d| view! { <dt>"Published"</dt><dd><time datetime=format::iso_date(d)>{format::date(d)}</time></dd> })}
                    <dt>"Original"</dt><dd><a class="external" href=source.url.clone() rel="nofollow">{source.url.clone()}</a></dd>
                </dl>
                {crate::request::current_user().map(|_| view! {
                    <p class="editor-tools">
                        <a class="button secondary-button" href=format!("/sources/{}/edit", source.public_id)>"Edit the source"</a>
                    </p>
                })}
            </header>
            <ImportNotice/>
            {page.text.clone().map(|text| view! {
                <section aria-labelledby="text-heading" id="text">
                    <h2 id="text-heading">"The text, with its claims"</h2>
                    <p class="hint">"Only editors see the whole text. Readers see each published claim in its sentence, and a link to the original."</p>
                    <ArticleText text marks=page.marks.clone() link=|m: &Mark| format!("/claims/{}", m.public_id)/>
                </section>
            })}
            {(!page.snapshots.is_empty()).then(|| view! { <Versions snapshots=page.snapshots.clone()/> })}
            {(!page.excerpts.is_empty()).then(|| view! { <Excerpts excerpts=page.excerpts.clone() url=source.url.clone()/> })}
            <section aria-labelledby="claims-heading">
                <h2 id="claims-heading">{format::count_at_least(total, at_least, "fact-check appears", "fact-checks appear")} " in this source"</h2>
                <p><a href=format!("/?source={}", source.public_id)>"Filter and search these claims"</a></p>
                <div class="claim-list">{cards}</div>
                <Pager base query page=page.claims.clone()/>
            </section>
        </article>
    }
}

/// Each published claim's words in their sentence, with a link to the whole text at its origin.
#[component]
fn Excerpts(excerpts: Vec<Excerpt>, url: String) -> impl IntoView {
    let items = excerpts
        .into_iter()
        .map(|e| {
            view! {
                <li>
                    <blockquote class="excerpt">
                        <ArticleText text=e.text marks=vec![e.mark] link=|m: &Mark| format!("/claims/{}", m.public_id)/>
                    </blockquote>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="excerpts-heading" id="text">
            <h2 id="excerpts-heading">"Where its claims stand"</h2>
            <p class="hint">"Each claim in its sentence. "<a class="external" href=url rel="nofollow">"Read the whole text at its source"</a>"."</p>
            <ol class="excerpts">{items}</ol>
        </section>
    }
}

/// The versions of the text editors keep: where each came from, when, who kept it, its SHA-256.
#[component]
fn Versions(snapshots: Vec<Snapshot>) -> impl IntoView {
    let rows = snapshots
        .into_iter()
        .map(|s| {
            let origin = match (&s.fetched_from, s.origin) {
                (Some(url), _) => format!("fetched from {url}"),
                (None, origin) => origin.label().to_owned(),
            };
            view! {
                <tr>
                    <td>{s.n}</td>
                    <td>{origin}</td>
                    <td>{s.taken_by.unwrap_or_else(|| "—".to_owned())}</td>
                    <td><time datetime=format::iso_date_time(s.taken_at)>{format::date_time(s.taken_at)}</time></td>
                    <td>{format::number(s.chars)}</td>
                    <td><code class="hash" title=s.sha256.clone()>{s.sha256.chars().take(12).collect::<String>()}</code></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="versions-heading">
            <h2 id="versions-heading">"Versions of the text"</h2>
            <p class="hint">"Kept for editors, newest first. When the text changes, each claim's words are found again in it; a claim whose words are gone says so on its page."</p>
            <table class="versions">
                <thead><tr><th scope="col">"Version"</th><th scope="col">"Came"</th><th scope="col">"By"</th><th scope="col">"When"</th><th scope="col">"Characters"</th><th scope="col">"SHA-256"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
