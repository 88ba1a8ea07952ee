//! The read side of the public pages.

use crate::model::{ClaimDetail, ClaimListPage, ListQuery, SourcePage, SpeakerPage};
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A page of the claim list.
#[server(endpoint = "claims/list", input = Json)]
pub async fn list_claims(query: ListQuery) -> Result<ClaimListPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::read::claim_list(&state.pool, &query).await
}

/// A claim with its appearances and verification history.
#[server(endpoint = "claims/get", input = Json)]
pub async fn get_claim(id: String) -> Result<ClaimDetail, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::read::claim_detail(&state.pool, &state.site_url, &id).await
}

/// A speaker's profile and claims.
#[server(endpoint = "speakers/get", input = Json)]
pub async fn get_speaker(slug: String, query: ListQuery) -> Result<SpeakerPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::read::speaker_page(&state.pool, &slug, &query).await
}

/// A source and the claims that appear in it.
#[server(endpoint = "sources/get", input = Json)]
pub async fn get_source(id: String, query: ListQuery) -> Result<SourcePage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::read::source_page(&state.pool, &id, &query).await
}

/// The public corrections log: published verdicts that were changed.
#[server(endpoint = "corrections", input = Json)]
pub async fn list_corrections() -> Result<Vec<crate::model::Correction>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::db::verdicts::corrections(&state.pool, 200).await
}
