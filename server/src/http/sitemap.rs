//! `/sitemap.xml` (with `/sitemaps/{part}` once it outgrows one file) and `/robots.txt`.

use app::model::public_id;
use app::model::sitemap::{self, key_range, parts_for, Part, SitemapUrl, MAX_URLS};
use app::ssr::{db, AppState};
use app::AppError;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The site's own pages worth crawling.
const PAGES: &[&str] = &["/", "/speakers", "/methodology", "/corrections", "/api"];

/// Every address in one file while they fit; an index of parts past [`MAX_URLS`].
pub async fn index(State(state): State<AppState>) -> Result<Response, AppError> {
    let extent = db::sitemap::extent(&state.db).await?;
    if extent.urls as usize + PAGES.len() <= MAX_URLS {
        let mut urls = part_urls(&state, Part::Pages).await?;
        let everything = (i64::MIN, i64::MAX);
        for part in [Part::Claims(0), Part::Speakers(0), Part::Sources(0)] {
            urls.extend(urls_in(&state, part, everything).await?);
        }
        return Ok(xml(sitemap::urlset(&urls)));
    }
    let parts = std::iter::once(Part::Pages)
        .chain(parts_for(extent.max_list_seq).map(Part::Claims))
        .chain(parts_for(extent.max_speaker_id).map(Part::Speakers))
        .chain(parts_for(extent.max_source_id).map(Part::Sources));
    let names: Vec<String> =
        parts.map(|p| format!("{}/sitemaps/{}", state.site_url, p.file_name())).collect();
    Ok(xml(sitemap::index(&names)))
}

/// One part of a split sitemap; a part the index does not name is not found.
pub async fn part(State(state): State<AppState>, Path(file): Path<String>) -> Result<Response, AppError> {
    let not_found = || {
        AppError::not_found(format!(
            "There is no sitemap part “{}”.",
            file.chars().take(40).collect::<String>()
        ))
    };
    let part = Part::parse(&file).ok_or_else(not_found)?;
    let extent = db::sitemap::extent(&state.db).await?;
    let exists = match part {
        Part::Pages => true,
        Part::Claims(n) => parts_for(extent.max_list_seq).any(|p| p == n),
        Part::Speakers(n) => parts_for(extent.max_speaker_id).any(|p| p == n),
        Part::Sources(n) => parts_for(extent.max_source_id).any(|p| p == n),
    };
    if !exists {
        return Err(not_found());
    }
    Ok(xml(sitemap::urlset(&part_urls(&state, part).await?)))
}

/// A part's addresses: its key range (part 0 from below the first key, so that nothing before
/// it is ever left out).
async fn part_urls(state: &AppState, part: Part) -> Result<Vec<SitemapUrl>, AppError> {
    let n = match part {
        Part::Pages => 0,
        Part::Claims(n) | Part::Speakers(n) | Part::Sources(n) => n,
    };
    let (lo, hi) = key_range(n);
    urls_in(state, part, (if n == 0 { i64::MIN } else { lo }, hi)).await
}

/// The addresses of `part`'s kind with keys in `lo..=hi`.
async fn urls_in(state: &AppState, part: Part, (lo, hi): (i64, i64)) -> Result<Vec<SitemapUrl>, AppError> {
    let site = &state.site_url;
    let url = |path: String, lastmod: Option<String>| SitemapUrl { loc: format!("{site}{path}"), lastmod };
    Ok(match part {
        Part::Pages => PAGES.iter().map(|p| url((*p).to_owned(), None)).collect(),
        Part::Claims(_) => db::sitemap::claims(&state.db, lo, hi)
            .await?
            .into_iter()
            .map(|(id, at)| url(format!("/claims/{}", public_id::encode(id)), Some(at)))
            .collect(),
        Part::Speakers(_) => db::sitemap::speakers(&state.db, lo, hi)
            .await?
            .into_iter()
            .map(|(slug, at)| url(format!("/speakers/{slug}"), at))
            .collect(),
        Part::Sources(_) => db::sitemap::sources(&state.db, lo, hi)
            .await?
            .into_iter()
            .map(|(id, at)| {
                url(format!("/sources/{}", public_id::encode(id)), Some(at).filter(|a| !a.is_empty()))
            })
            .collect(),
    })
}

fn xml(body: String) -> Response {
    ([(header::CONTENT_TYPE, "application/xml; charset=utf-8")], body).into_response()
}

/// Crawlers are welcome on readers' pages, told where the sitemap is, and kept off the editors'
/// pages and the bulk exports (which the API and sitemap already cover). Rules match by prefix:
/// none may be a prefix of a public address (`/speakers/new` would hide `/speakers/newt-…`); the
/// add forms need a sign-in anyway.
pub async fn robots(State(state): State<AppState>) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /desk\nDisallow: /login\nDisallow: /import\nDisallow: /admin/\n\
         Disallow: /export/\n\nSitemap: {}/sitemap.xml\n",
        state.site_url
    );
    ([(header::CONTENT_TYPE, "text/plain; charset=utf-8")], body).into_response()
}
