//! Limits that keep one client, or a crowd, from taking the server down: a cap on requests in
//! progress (past it, 503 with Retry-After at once rather than an ever longer queue), a deadline
//! for each request including reading its body, and a bound on body size.

use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use tokio::sync::Semaphore;

/// Largest request body accepted (a source's text may be long: up to a million characters,
/// URL-encoded).
pub const MAX_BODY_BYTES: usize = 12 * 1024 * 1024;
/// Longest a request may take, body included, before it is answered 408.
pub const REQUEST_DEADLINE: std::time::Duration = std::time::Duration::from_secs(30);

/// Requests allowed in progress at once.
#[derive(Clone, Debug)]
pub struct InFlight(pub Arc<Semaphore>);

impl InFlight {
    pub fn new(max: usize) -> Self {
        InFlight(Arc::new(Semaphore::new(max)))
    }
}

pub async fn cap(State(in_flight): State<InFlight>, request: Request, next: Next) -> Response {
    match in_flight.0.clone().try_acquire_owned() {
        Ok(_permit) => next.run(request).await,
        Err(_) => {
            tracing::warn!(path = %request.uri().path(), "too many requests in progress; answered 503");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                [(header::RETRY_AFTER, "1"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                "The server is busy. Please try again in a moment.\n",
            )
                .into_response()
        }
    }
}
