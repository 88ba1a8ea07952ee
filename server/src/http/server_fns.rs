//! The pages' server functions (`/api/claims/get`, …) answer an error with Leptos' status, 500,
//! whatever the error was. Their error is an [`AppError`], serialized as JSON; this layer gives the
//! answer that error's own status (401, 403, 400, 404…), so that a client that is not signed in, or
//! sent a malformed request, is told so rather than told the server failed.

use app::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::Response;

/// Error documents are small; a larger body is not one.
const MAX_ERROR_BYTES: usize = 64 * 1024;

/// Whether `path` is a server function's (the JSON API lives under `/api/v1/`).
fn is_server_fn(path: &str) -> bool {
    path.starts_with("/api/") && !path.starts_with("/api/v1/")
}

pub async fn layer(request: Request, next: Next) -> Response {
    if !is_server_fn(request.uri().path()) {
        return next.run(request).await;
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, MAX_ERROR_BYTES).await else {
        return Response::from_parts(parts, Body::empty());
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes) {
        parts.status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    }
    Response::from_parts(parts, Body::from(bytes))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_server_functions_are_remapped() {
        assert!(super::is_server_fn("/api/claims/get"));
        assert!(!super::is_server_fn("/api/v1/claims"));
        assert!(!super::is_server_fn("/api"));
    }
}
