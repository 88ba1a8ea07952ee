//! What every request handler and server function can reach.

use super::auth::{SessionConfig, Throttle};
use crate::ssr::db::Db;

/// Shared application state, provided to Leptos through context and to Axum handlers as state.
#[derive(Clone, Debug)]
pub struct AppState {
    pub db: Db,
    /// The public base URL, without a trailing slash (`https://claims.example.org`), used for
    /// absolute links. Defaults to the listening address.
    pub site_url: String,
    /// The organisation publishing the reviews (ClaimReview's author).
    pub org_name: String,
    /// How long sessions live and how their cookie is marked.
    pub sessions: SessionConfig,
    /// Failed sign-ins, for slowing and refusing repeated ones.
    pub throttle: Throttle,
    /// How many editors other than its author must approve a ruling before it is published
    /// (0: an editor publishes their own rulings).
    pub sign_offs: u32,
    /// How far a claimed figure may be from the record for each suggested rating.
    pub tolerances: crate::model::comparison::Tolerances,
    /// The database file as it was when the state was made, to tell if it is deleted or replaced.
    pub database_file: std::sync::Arc<super::db::maintenance::DatabaseFile>,
}

/// Sign-offs a ruling needs by default: one other editor.
pub const DEFAULT_SIGN_OFFS: u32 = 1;

impl AppState {
    pub fn new(db: Db, site_url: &str) -> Self {
        let site_url = site_url.trim_end_matches('/').to_owned();
        AppState {
            database_file: std::sync::Arc::new(super::db::maintenance::DatabaseFile::of(&db)),
            db,
            sessions: SessionConfig::for_site(&site_url),
            site_url,
            org_name: "claimtrack".to_owned(),
            throttle: Throttle::default(),
            sign_offs: DEFAULT_SIGN_OFFS,
            tolerances: crate::model::comparison::Tolerances::default(),
        }
    }

    /// The site's address and publisher, as pages see them.
    pub fn site(&self) -> crate::model::SiteInfo {
        crate::model::SiteInfo { url: self.site_url.clone(), org_name: self.org_name.clone() }
    }

    /// The state provided by the server to the code rendering this request.
    pub fn from_context() -> Result<AppState, crate::AppError> {
        leptos::prelude::use_context::<AppState>().ok_or_else(|| {
            tracing::error!("AppState missing from the Leptos context");
            crate::AppError::Internal
        })
    }
}
