//! Atom feeds of verdicts: `/feed.atom` (all, or `?status=false`), `/speakers/{slug}/feed.atom`.

use super::error_response;
use app::model::atom::{self, Entry, Feed};
use app::model::{Status, VerdictEvent};
use app::ssr::{db, AppState};
use app::AppError;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;

/// Entries per feed.
const ENTRIES: i64 = 50;

#[derive(Deserialize)]
pub struct FeedQuery {
    status: Option<String>,
}

pub async fn all(State(state): State<AppState>, Query(query): Query<FeedQuery>) -> Response {
    let status = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(value) => match Status::parse(value) {
            Some(status) => Some(status),
            None => {
                return error_response(AppError::invalid(
                    "status",
                    format!("“{value}” is not a status. Use one of: {}.", Status::accepted_values()),
                ))
            }
        },
    };
    let events = match db::verdicts::recent(&state.pool, status, None, ENTRIES).await {
        Ok(events) => events,
        Err(error) => return error_response(error),
    };
    let (title, self_url, page_url) = match status {
        Some(s) => (
            format!("{}: claims rated {}", state.org_name, s.label()),
            format!("{}/feed.atom?status={}", state.site_url, s.as_str()),
            format!("{}/?status={}", state.site_url, s.as_str()),
        ),
        None => (
            format!("{}: new verdicts", state.org_name),
            format!("{}/feed.atom", state.site_url),
            format!("{}/", state.site_url),
        ),
    };
    respond(&state, &title, &self_url, &page_url, &events)
}

pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Response {
    let name = match db::speakers::name_by_slug(&state.pool, &slug).await {
        Ok(Some(name)) => name,
        Ok(None) => return error_response(AppError::not_found(format!("There is no speaker “{slug}”."))),
        Err(error) => return error_response(error),
    };
    let events = match db::verdicts::recent(&state.pool, None, Some(&slug), ENTRIES).await {
        Ok(events) => events,
        Err(error) => return error_response(error),
    };
    let title = format!("{}: verdicts on claims by {name}", state.org_name);
    let self_url = format!("{}/speakers/{slug}/feed.atom", state.site_url);
    let page_url = format!("{}/speakers/{slug}", state.site_url);
    respond(&state, &title, &self_url, &page_url, &events)
}

fn respond(
    state: &AppState,
    title: &str,
    self_url: &str,
    page_url: &str,
    events: &[VerdictEvent],
) -> Response {
    let entries: Vec<Entry> = events
        .iter()
        .map(|e| {
            let url = format!("{}/claims/{}", state.site_url, e.claim_public_id);
            Entry {
                id: format!("{url}#verification-{}", e.id),
                title: format!(
                    "{} — {}: “{}”",
                    e.status.label(),
                    e.speaker_name,
                    app::model::claim_review::shorten(&e.claim_text, 120)
                ),
                url,
                updated: e.at,
                author: e.editor.clone(),
                summary: if e.rationale.is_empty() {
                    e.verdict.clone()
                } else {
                    format!("{}\n\n{}", e.verdict, e.rationale)
                },
            }
        })
        .collect();
    let updated = events.first().map_or_else(chrono::Utc::now, |e| e.at);
    let feed = Feed { id: self_url, title, self_url, page_url, author: &state.org_name, updated };
    (
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=60"),
        ],
        atom::write(&feed, &entries),
    )
        .into_response()
}
