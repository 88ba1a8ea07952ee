//! Refuses state-changing requests that a browser sent from another site (CSRF). Browsers mark
//! cross-site requests with `Origin` and `Sec-Fetch-Site`; a request whose `Origin` is neither the
//! configured site nor the host it was sent to is refused before any handler runs. Forms of
//! signed-in users also carry a per-session token (`csrf`), checked by the handlers.

use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS)
        || same_site(&state, &request)
    {
        return next.run(request).await;
    }
    tracing::warn!(path = %request.uri().path(), "refused a cross-site request");
    (
        StatusCode::FORBIDDEN,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Refused: this request came from another site. Use the forms on this site to make changes.\n",
    )
        .into_response()
}

fn same_site(state: &AppState, request: &Request) -> bool {
    let headers = request.headers();
    if let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        let host = headers.get(header::HOST).and_then(|v| v.to_str().ok()).unwrap_or_default();
        return origin == state.site_url
            || origin.strip_prefix("http://").or_else(|| origin.strip_prefix("https://")) == Some(host);
    }
    // No Origin: an older browser or not a browser. Trust Fetch Metadata when it is there.
    !matches!(headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()), Some("cross-site"))
}
