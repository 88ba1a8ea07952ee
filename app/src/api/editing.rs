//! What the editors' forms read.

use crate::model::ClaimEdit;
use crate::AppError;
use leptos::prelude::*;
use leptos::server_fn::codec::Json;

/// A claim's editable fields, for its edit form. Editors only.
#[server(endpoint = "claims/for_edit", input = Json)]
pub async fn get_claim_for_edit(id: String) -> Result<ClaimEdit, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::read::claim_for_edit(&state.db, &id).await
}

/// A numeric claim's recorded figures and its comparison, for its record page. Editors only.
#[server(endpoint = "claims/record", input = Json)]
pub async fn get_claim_record(id: String) -> Result<crate::model::record::ClaimRecord, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::read::claim_record(&state.db, &id, &state.tolerances).await
}

/// Speakers' names, suggested in the claim form. Editors only.
#[server(endpoint = "speakers/names", input = Json)]
pub async fn speaker_names() -> Result<Vec<String>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::db::speakers::names(&state.db).await
}

/// For each probe (an import's candidates, a claim being added), the existing claims it may
/// repeat, best first. Editors only.
#[server(endpoint = "claims/similar", input = Json)]
pub async fn similar_claims(
    probes: Vec<crate::model::repeats::Probe>,
) -> Result<Vec<Vec<crate::model::repeats::Suggestion>>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::repeats::suggest_each(&state.db, &probes).await
}

/// The newest sources, to import into an existing one. Editors only.
#[server(endpoint = "sources/recent", input = Json)]
pub async fn recent_sources() -> Result<Vec<crate::model::SourceRef>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::db::import::recent_sources(&state.db, 300).await
}

/// A source's editable fields. Editors only.
#[server(endpoint = "sources/for_edit", input = Json)]
pub async fn get_source_for_edit(id: String) -> Result<crate::model::SourceEdit, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::editing::sources::for_edit(&state.db, &id).await
}

/// A speaker's editable fields. Editors only.
#[server(endpoint = "speakers/for_edit", input = Json)]
pub async fn get_speaker_for_edit(slug: String) -> Result<crate::model::SpeakerEdit, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::editing::speakers::for_edit(&state.db, &slug).await
}

/// Every account. Admins only.
#[server(endpoint = "accounts/list", input = Json)]
pub async fn list_accounts() -> Result<Vec<crate::model::user::Account>, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_admin(crate::request::current_user().as_ref())?;
    crate::ssr::db::users::list(&state.db).await
}

/// `/desk` for the signed-in editor. Editors only.
#[server(endpoint = "desk", input = Json)]
pub async fn get_desk(
    filter: crate::model::desk::DeskFilter,
    intake_after: Option<String>,
) -> Result<crate::model::desk::DeskPage, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    let user = crate::request::current_user();
    let user = crate::ssr::editing::require_editor(user.as_ref())?;
    crate::ssr::read::desk_page(&state.db, user, &filter, intake_after.as_deref(), state.sign_offs).await
}

/// A claim's desk page. Editors only.
#[server(endpoint = "claims/desk", input = Json)]
pub async fn get_claim_desk(id: String) -> Result<crate::model::desk::ClaimDesk, AppError> {
    let state = crate::ssr::AppState::from_context()?;
    crate::ssr::editing::require_editor(crate::request::current_user().as_ref())?;
    crate::ssr::read::claim_desk(&state.db, &state.site_url, &id, state.sign_offs).await
}
