//! One file per route.

pub mod admin_users;
pub mod api_docs;
pub mod claim_desk;
pub mod claim_edit;
pub mod claim_list;
pub mod claim_page;
pub mod claim_record;
pub mod claim_retract;
pub mod claim_ruling;
pub mod desk;
pub mod entity_edit;
pub mod import;
pub mod import_review;
pub mod login;
pub mod methodology;
pub mod not_found;
pub mod source_page;
pub mod speaker_directory;
pub mod speaker_page;

use crate::model::{ListQuery, QueryError};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The list filters in the current URL's query string.
pub(crate) fn list_query_from_url() -> Result<ListQuery, QueryError> {
    let params = use_query_map().get_untracked();
    let mut pairs: Vec<(&'static str, String)> = Vec::new();
    for name in ["q", "status", "kind", "speaker", "source", "after", "before"] {
        for value in params.get_all(name).unwrap_or_default() {
            pairs.push((name, value));
        }
    }
    ListQuery::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())))
}

/// A query parameter of the current URL ("" when absent).
pub(crate) fn query_param(name: &str) -> String {
    use_query_map().get_untracked().get(name).unwrap_or_default()
}

/// A path parameter of the current route.
pub(crate) fn path_param(name: &str) -> String {
    leptos_router::hooks::use_params_map().get_untracked().get(name).unwrap_or_default()
}
