//! The stylesheet and icon, compiled into the binary so that it runs with no files beside it.

use axum::http::header;
use axum::response::IntoResponse;

/// The stylesheet's URL changes with its content, so it can be cached for a year.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";

pub async fn stylesheet() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, IMMUTABLE)],
        app::STYLESHEET.as_str(),
    )
}

const FAVICON: &str = r##"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#1d4ed8"/><path d="M9 16.5l4.5 4.5L23 11" fill="none" stroke="#fff" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>"##;

pub async fn favicon() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "image/svg+xml"), (header::CACHE_CONTROL, "public, max-age=86400")], FAVICON)
}

/// The optional Copy-button script, immutable like the stylesheet.
pub async fn script() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "text/javascript; charset=utf-8"), (header::CACHE_CONTROL, IMMUTABLE)],
        app::SCRIPT,
    )
}
