//! The read side of the pages. Readers see published claims only; editors also see the rest.

use crate::model::{ClaimDetail, ClaimListPage, Correction, ListQuery, SourcePage, SpeakerPage};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A page of the claim list.
#[server(endpoint = "claims/list", input = Json)]
pub async fn list_claims(query: ListQuery) -> Result<ClaimListPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::read::claim_list(&state.db, &query).await
}

/// A claim with its appearances, its published ruling and their history.
#[server(endpoint = "claims/get", input = Json)]
pub async fn get_claim(id: String) -> Result<ClaimDetail, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let audience = crate::ssr::read::audience(crate::request::current_user().as_ref());
    crate::ssr::read::claim_detail(&state.db, &state.site_url, &id, audience).await
}

/// A speaker's profile and claims.
#[server(endpoint = "speakers/get", input = Json)]
pub async fn get_speaker(slug: String, query: ListQuery) -> Result<SpeakerPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let audience = crate::ssr::read::audience(crate::request::current_user().as_ref());
    crate::ssr::read::speaker_page(&state.db, &slug, &query, audience).await
}

/// A source and the claims that appear in it.
#[server(endpoint = "sources/get", input = Json)]
pub async fn get_source(id: String, query: ListQuery) -> Result<SourcePage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let audience = crate::ssr::read::audience(crate::request::current_user().as_ref());
    crate::ssr::read::source_page(&state.db, &id, &query, audience).await
}

/// The public corrections log: corrections of published rulings, retractions and their
/// reversals, newest first.
#[server(endpoint = "corrections", input = Json)]
pub async fn list_corrections() -> Result<Vec<Correction>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let mut all = crate::ssr::db::verdicts::corrections(&state.db, 200).await?;
    all.extend(crate::ssr::db::retractions::recent(&state.db, 200).await?);
    all.sort_by_key(|c| std::cmp::Reverse(c.at));
    all.truncate(200);
    Ok(all)
}

/// A page of the speakers directory.
#[server(endpoint = "speakers/directory", input = Json)]
pub async fn speaker_directory(
    query: crate::model::speaker_directory::DirectoryQuery,
) -> Result<crate::model::speaker_directory::DirectoryPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    query.validate()?;
    crate::ssr::db::speaker_directory::page(&state.db, &query).await
}

/// The speakers a claim search names (offered above its results).
#[server(endpoint = "speakers/named", input = Json)]
pub async fn speakers_named(
    q: String,
) -> Result<Vec<crate::model::speaker_directory::DirectoryEntry>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::db::speaker_directory::named_in_search(&state.db, &q, 3).await
}
