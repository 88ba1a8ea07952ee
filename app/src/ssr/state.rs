//! What every request handler and server function can reach.

use sqlx::SqlitePool;

/// Shared application state, provided to Leptos through context and to Axum handlers as state.
#[derive(Clone, Debug)]
pub struct AppState {
    pub pool: SqlitePool,
    /// The public base URL, without a trailing slash (`https://claims.example.org`), used for
    /// absolute links. Defaults to the listening address.
    pub site_url: String,
}

impl AppState {
    pub fn new(pool: SqlitePool, site_url: &str) -> Self {
        AppState { pool, site_url: site_url.trim_end_matches('/').to_owned() }
    }

    /// The state provided by the server to the code rendering this request.
    pub fn from_context() -> Result<AppState, crate::AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            crate::AppError::Internal
        })
    }
}
