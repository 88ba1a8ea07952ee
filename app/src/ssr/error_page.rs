//! `AppError` answers for itself: a refused or failed action that has no form to show again gets
//! a small page saying what happened, with the error's status code.

use crate::components::format::escape_html;
use crate::AppError;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let sign_in = if self == AppError::Unauthorized { " · <a href=\"/login\">Sign in</a>" } else { "" };
        let body = format!(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" \
             content=\"width=device-width, initial-scale=1\"><title>{title} — claimtrack</title>\
             <link rel=\"stylesheet\" href=\"{css}\"></head><body><main id=\"main\"><section class=\"error-page\" \
             role=\"alert\"><h1>{title}</h1><p>{message}</p><p><a href=\"/\">Browse the fact-checks</a>{sign_in}\
             </p></section></main></body></html>",
            title = escape_html(self.title()),
            message = escape_html(&self.to_string()),
            css = crate::STYLESHEET_PATH.as_str(),
        );
        let mut response = (status, Html(body)).into_response();
        if let Some(seconds) = self.retry_after() {
            response.headers_mut().insert(axum::http::header::RETRY_AFTER, seconds.into());
        }
        response
    }
}
