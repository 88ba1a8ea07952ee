//! `POST /login` and `POST /logout`.

use super::{render::page_with_form, session::cookie};
use app::model::{CurrentUser, FormState};
use app::ssr::auth::sessions;
use app::ssr::{accounts, AppState};
use app::AppError;
use axum::extract::{RawForm, State};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// The form's fields as pairs (names may repeat).
pub fn pairs(form: &RawForm) -> Vec<(String, String)> {
    FormState::from_urlencoded(&form.0).values
}

/// Where to go after signing in: a path on this site, or else the home page. Only visible ASCII
/// is accepted, so no tab, newline or other character a browser would drop can turn
/// `/<tab>/evil.example` into `//evil.example` (another site), and no control character can
/// reach the `Location` header; `//` and a backslash anywhere are refused for the same reason.
pub fn safe_next(next: &str) -> &str {
    let same_site = next.starts_with('/')
        && !next.starts_with("//")
        && !next.contains('\\')
        && next.len() <= 2048
        && next.bytes().all(|b| b.is_ascii_graphic());
    if same_site {
        next
    } else {
        "/"
    }
}

pub async fn login(State(state): State<AppState>, parts: Parts, form: RawForm) -> Response {
    let mut submitted = FormState::new(pairs(&form));
    let username = submitted.text("username");
    let password = submitted.value("password").unwrap_or_default().to_owned();
    let next = safe_next(&submitted.text("next")).to_owned();
    if username.is_empty() || password.is_empty() {
        if username.is_empty() {
            submitted.add_error("username", "Enter your username.");
        }
        if password.is_empty() {
            submitted.add_error("password", "Enter your password.");
        }
        return page_with_form(&state, &parts, submitted, StatusCode::BAD_REQUEST).await;
    }
    let address = super::client::address(&parts).to_string();
    match accounts::sign_in(&state.db, &state.throttle, &state.sessions, &username, &password, &address).await
    {
        Ok(token) => {
            tracing::info!(username, "signed in");
            ([(header::SET_COOKIE, state.sessions.cookie(&token))], Redirect::to(&next)).into_response()
        }
        Err(AppError::TooManyAttempts(message)) => {
            submitted.add_error("locked", message);
            page_with_form(&state, &parts, submitted, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(AppError::Invalid { message, .. }) if message == accounts::SIGN_IN_FAILED => {
            submitted.add_error("", message);
            page_with_form(&state, &parts, submitted, StatusCode::UNAUTHORIZED).await
        }
        Err(AppError::Invalid { field, message }) => {
            submitted.add_error(&field, message);
            page_with_form(&state, &parts, submitted, StatusCode::BAD_REQUEST).await
        }
        Err(busy @ AppError::Busy(_)) => {
            let retry_after = busy.retry_after().unwrap_or(5);
            submitted.add_error("", busy.to_string());
            let mut page = page_with_form(&state, &parts, submitted, StatusCode::SERVICE_UNAVAILABLE).await;
            page.headers_mut().insert(header::RETRY_AFTER, retry_after.into());
            page
        }
        Err(other) => other.into_response(),
    }
}

pub async fn logout(State(state): State<AppState>, parts: Parts, form: RawForm) -> Response {
    let submitted = FormState::new(pairs(&form));
    if let Some(user) = parts.extensions.get::<CurrentUser>() {
        if !super::csrf_matches(user, &submitted) {
            return AppError::Forbidden.into_response();
        }
        if let Some(token) = cookie(&parts, state.sessions.cookie_name()) {
            if let Err(err) = sessions::end(&state.db, token).await {
                return err.into_response();
            }
        }
        tracing::info!(username = user.username, "signed out");
    }
    ([(header::SET_COOKIE, state.sessions.clearing_cookie())], Redirect::to("/")).into_response()
}
