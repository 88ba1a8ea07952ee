//! Rendering a page in answer to a form's submission: the same page as its GET, with what was
//! typed and what was wrong, so that the form works the same with JavaScript off.

use app::model::FormState;
use app::ssr::AppState;
use axum::body::Body;
use axum::http::{request::Parts, Method, Request, StatusCode};
use axum::response::Response;
use leptos::prelude::provide_context;

/// Renders the page at `parts`' path (as a GET) with `form` in context, answering `status`.
pub async fn page_with_form(
    state: &AppState,
    parts: &Parts,
    form: FormState,
    status: StatusCode,
) -> Response {
    page_at_with_form(state, parts, parts.uri.clone(), form, status).await
}

/// The same for the page at `uri` (a form posted to an address of its own, like a row's action).
pub async fn page_at_with_form(
    state: &AppState,
    parts: &Parts,
    uri: axum::http::Uri,
    form: FormState,
    status: StatusCode,
) -> Response {
    let mut request = Request::new(Body::empty());
    *request.method_mut() = Method::GET;
    *request.uri_mut() = uri;
    *request.headers_mut() = parts.headers.clone();
    *request.extensions_mut() = parts.extensions.clone();
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.site());
            provide_context(state.clone());
            provide_context(form.clone());
        }
    };
    let mut response = leptos_axum::render_app_async_with_context(context, app::shell)(request).await;
    *response.status_mut() = status;
    response
}
