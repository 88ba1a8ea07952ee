//! Who is signed in: the session cookie is looked up once per request and the account put on the
//! request (`CurrentUser` in its extensions), where handlers and pages find it.

use app::model::CurrentUser;
use app::ssr::auth::sessions;
use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::http::header::COOKIE;
use axum::middleware::Next;
use axum::response::Response;

/// The value of cookie `name` in the request's `Cookie` headers.
pub fn cookie<'a>(request: &'a axum::http::request::Parts, name: &str) -> Option<&'a str> {
    cookie_header(&request.headers, name)
}

/// The value of cookie `name` in `Cookie` headers.
pub fn cookie_header<'a>(headers: &'a axum::http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (mut parts, body) = request.into_parts();
    if let Some(token) = cookie(&parts, state.sessions.cookie_name()).map(str::to_owned) {
        match sessions::user(&state.db, &state.sessions, &token, chrono::Utc::now()).await {
            Ok(Some(user)) => {
                parts.extensions.insert::<CurrentUser>(user);
            }
            Ok(None) => {}
            // Logged where it happened; the request goes on as a reader's.
            Err(_) => {}
        }
    }
    next.run(Request::from_parts(parts, body)).await
}
