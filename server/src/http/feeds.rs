//! Atom feeds of published rulings and corrections: `/feed.atom` (all, or `?status=false`),
//! `/speakers/{slug}/feed.atom`. Proposals, notes and claims still being checked never appear.

use app::model::atom::{self, Entry, Feed};
use app::model::{RulingEvent, RulingKind, Status};
use app::ssr::{db, AppState};
use app::AppError;
use axum::extract::{Path, RawQuery, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Entries per feed.
const ENTRIES: i64 = 50;

/// `/feed.atom`, all rulings or those of one rating. A bad query gets the API's problem document
/// (a feed reader shows neither HTML nor plain text better, and scripts read it).
pub async fn all(State(state): State<AppState>, RawQuery(raw): RawQuery) -> Response {
    match feed_status(raw.as_deref()) {
        Ok(status) => all_of(&state, status).await.unwrap_or_else(super::api::problem),
        Err(error) => super::api::problem(error),
    }
}

/// The one rating `?status=` names, if any.
fn feed_status(raw: Option<&str>) -> Result<Option<Status>, AppError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or_default())
        .map_err(|_| AppError::invalid("query", "The query string is not valid URL encoding."))?;
    let given: Vec<&str> =
        pairs.iter().filter(|(k, v)| k == "status" && !v.trim().is_empty()).map(|(_, v)| v.trim()).collect();
    let accepted = || Status::RATINGS.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    match given.as_slice() {
        [] => Ok(None),
        [value] => Status::parse(value).filter(|s| s.is_ruling()).map(Some).ok_or_else(|| {
            AppError::invalid("status", format!("“{value}” is not a rating. Use one of: {}.", accepted()))
        }),
        _ => Err(AppError::invalid(
            "status",
            format!(
                "A feed follows one rating; “status” was given {} times. Use one of: {}.",
                given.len(),
                accepted()
            ),
        )),
    }
}

async fn all_of(state: &AppState, status: Option<Status>) -> Result<Response, AppError> {
    let events = db::verdicts::recent(&state.db, status, None, ENTRIES).await?;
    let (title, self_url, page_url) = match status {
        Some(s) => (
            format!("{}: claims rated {}", state.org_name, s.label()),
            format!("{}/feed.atom?status={}", state.site_url, s.as_str()),
            format!("{}/?status={}", state.site_url, s.as_str()),
        ),
        None => (
            format!("{}: new fact-checks and corrections", state.org_name),
            format!("{}/feed.atom", state.site_url),
            format!("{}/", state.site_url),
        ),
    };
    respond(state, &title, &self_url, &page_url, &events).await
}

pub async fn speaker(State(state): State<AppState>, Path(slug): Path<String>) -> Result<Response, AppError> {
    let not_found = || AppError::not_found(format!("There is no speaker “{slug}”."));
    let (id, speaker) = db::speakers::by_slug(&state.db, &slug).await?.ok_or_else(not_found)?;
    if !db::speakers::is_public(&state.db, id).await? {
        return Err(not_found());
    }
    let name = speaker.name;
    let events = db::verdicts::recent(&state.db, None, Some(&slug), ENTRIES).await?;
    let title = format!("{}: fact-checks of claims by {name}", state.org_name);
    let self_url = format!("{}/speakers/{slug}/feed.atom", state.site_url);
    let page_url = format!("{}/speakers/{slug}", state.site_url);
    respond(&state, &title, &self_url, &page_url, &events).await
}

async fn respond(
    state: &AppState,
    title: &str,
    self_url: &str,
    page_url: &str,
    events: &[RulingEvent],
) -> Result<Response, AppError> {
    let claims: Vec<&str> = events.iter().map(|e| e.claim_public_id.as_str()).collect();
    let sentences = app::ssr::read::figure_sentences(&state.db, &claims).await?;
    let entries: Vec<Entry> =
        events.iter().map(|e| entry(state, e, sentences.get(&e.claim_public_id))).collect();
    let updated = events.first().map_or_else(chrono::Utc::now, |e| e.at);
    // An empty feed's `updated` must not change on every request (it would defeat caching).
    let updated = if events.is_empty() { chrono::DateTime::UNIX_EPOCH } else { updated };
    let feed = Feed { id: self_url, title, self_url, page_url, author: &state.org_name, updated };
    Ok((
        [
            (header::CONTENT_TYPE, "application/atom+xml; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=60"),
        ],
        atom::write(&feed, &entries),
    )
        .into_response())
}

/// A feed entry: the rating and the claim; a correction says so and carries its note.
fn entry(state: &AppState, e: &RulingEvent, figure_sentence: Option<&String>) -> Entry {
    let url = format!("{}/claims/{}", state.site_url, e.claim_public_id);
    let correction = e.kind == RulingKind::Correction;
    let title = format!(
        "{}{} — {}: “{}”",
        if correction { "Correction: " } else { "" },
        e.rating.label(),
        e.speaker_name,
        app::model::claim_review::shorten(&e.claim_text, 120)
    );
    let mut summary = String::new();
    if let (true, Some(note)) = (correction, &e.note) {
        summary.push_str(&format!("Correction: {note}\n\n"));
    }
    if let Some(a) = e.attribution {
        summary.push_str(&format!("Did they say it? {}. ", a.label()));
    }
    summary.push_str(&e.verdict);
    if let Some(sentence) = figure_sentence {
        summary.push_str(&format!("\n\n{sentence}."));
    }
    if !e.body.is_empty() {
        summary.push_str(&format!("\n\n{}", e.body));
    }
    Entry {
        id: format!("{url}#ruling-{}", e.id),
        title,
        url,
        updated: e.at,
        author: e.author.clone(),
        summary,
    }
}
