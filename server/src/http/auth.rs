//! `POST /login` and `POST /logout`.

use super::{render::page_with_form, session::cookie};
use app::model::{CurrentUser, FormState};
use app::ssr::auth::{sessions, SESSION_COOKIE};
use app::ssr::{accounts, AppState};
use app::AppError;
use axum::extract::{ConnectInfo, RawForm, State};
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use std::net::SocketAddr;

/// The form's fields as pairs (names may repeat).
pub fn pairs(form: &RawForm) -> Vec<(String, String)> {
    FormState::from_urlencoded(&form.0).values
}

/// Where to go after signing in: only a path on this site.
fn safe_next(next: &str) -> &str {
    if next.starts_with('/') && !next.starts_with("//") && !next.contains('\\') {
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
    let address = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or_else(|| "unknown".to_owned(), |c| c.0.ip().to_string());
    match accounts::sign_in(&state.pool, &state.throttle, &state.sessions, &username, &password, &address)
        .await
    {
        Ok(token) => {
            tracing::info!(username, "signed in");
            ([(header::SET_COOKIE, state.sessions.cookie(&token))], Redirect::to(&next)).into_response()
        }
        Err(AppError::TooManyAttempts(message)) => {
            submitted.add_error("locked", message);
            page_with_form(&state, &parts, submitted, StatusCode::TOO_MANY_REQUESTS).await
        }
        Err(AppError::Invalid { message, .. }) => {
            submitted.add_error("", message);
            page_with_form(&state, &parts, submitted, StatusCode::UNAUTHORIZED).await
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
        if let Some(token) = cookie(&parts, SESSION_COOKIE) {
            if let Err(err) = sessions::end(&state.pool, token).await {
                return err.into_response();
            }
        }
        tracing::info!(username = user.username, "signed out");
    }
    ([(header::SET_COOKIE, state.sessions.clearing_cookie())], Redirect::to("/")).into_response()
}
