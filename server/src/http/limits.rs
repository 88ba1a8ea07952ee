//! Limits that keep one client, or a crowd, from taking the server down:
//!
//! - requests in progress from one client address ([`per_client`]: past it, 429 at once), so that
//!   one host cannot use up the server-wide cap;
//! - requests in progress in all ([`cap`]: past it, 503 with Retry-After at once rather than an
//!   ever longer queue);
//! - a request body must keep arriving ([`slow_body`]: a pause longer than the body timeout ends
//!   the request with 408 and closes the connection);
//! - a deadline for each whole request, and a bound on body size (layers in `http::router`).
//!
//! Headers must arrive within the header timeout, and an idle connection is closed after it
//! (the connection loop, `serve.rs`). `/healthz` and `/readyz` are answered outside these caps.

use super::client::ClientAddr;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use futures_util::StreamExt;
use std::collections::HashMap;
use std::net::{IpAddr, Ipv4Addr};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Largest request body accepted (a source's text may be long: up to a million characters,
/// URL-encoded).
pub const MAX_BODY_BYTES: usize = 12 * 1024 * 1024;
/// Largest sign-in form: a username, a password, a token and where to go next.
pub const MAX_LOGIN_BODY_BYTES: usize = 16 * 1024;
/// Longest a request may take, body included, before it is answered 408.
pub const REQUEST_DEADLINE: Duration = Duration::from_secs(30);

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
            refusal(StatusCode::SERVICE_UNAVAILABLE, "The server is busy. Please try again in a moment.\n")
        }
    }
}

fn refusal(status: StatusCode, message: &'static str) -> Response {
    (status, [(header::RETRY_AFTER, "1"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")], message)
        .into_response()
}

/// Requests in progress per client address.
#[derive(Clone, Debug)]
pub struct PerClient {
    max: usize,
    active: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

/// A request's place among its client's; given back when dropped.
struct Place {
    client: IpAddr,
    active: Arc<Mutex<HashMap<IpAddr, usize>>>,
}

impl Drop for Place {
    fn drop(&mut self) {
        if let Ok(mut active) = self.active.lock() {
            if let Some(n) = active.get_mut(&self.client) {
                *n -= 1;
                if *n == 0 {
                    active.remove(&self.client);
                }
            }
        }
    }
}

impl PerClient {
    pub fn new(max: usize) -> Self {
        PerClient { max, active: Arc::default() }
    }

    fn enter(&self, client: IpAddr) -> Option<Place> {
        let mut active = self.active.lock().ok()?;
        let n = active.entry(client).or_insert(0);
        if *n >= self.max {
            return None;
        }
        *n += 1;
        Some(Place { client, active: self.active.clone() })
    }
}

pub async fn per_client(State(limit): State<PerClient>, request: Request, next: Next) -> Response {
    let client = request.extensions().get::<ClientAddr>().map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0);
    match limit.enter(client) {
        Some(_place) => next.run(request).await,
        None => {
            tracing::warn!(%client, path = %request.uri().path(), "too many requests at once from one address; answered 429");
            refusal(
                StatusCode::TOO_MANY_REQUESTS,
                "Too many requests from your address at once. Please wait for them to finish.\n",
            )
        }
    }
}

/// The longest pause allowed while a request body arrives.
#[derive(Clone, Copy, Debug)]
pub struct BodyTimeout(pub Duration);

/// Ends a request whose body stalls: the handler sees its body fail, and the client gets 408
/// with `Connection: close` whatever the handler made of the failure.
pub async fn slow_body(State(timeout): State<BodyTimeout>, request: Request, next: Next) -> Response {
    if axum::body::HttpBody::is_end_stream(request.body()) {
        return next.run(request).await;
    }
    let stalled = Arc::new(AtomicBool::new(false));
    let (parts, body) = request.into_parts();
    let watched = watch(body, timeout.0, stalled.clone());
    let response = next.run(Request::from_parts(parts, watched)).await;
    if stalled.load(Ordering::SeqCst) {
        tracing::info!("a request body stalled; answered 408");
        return (
            StatusCode::REQUEST_TIMEOUT,
            [(header::CONNECTION, "close"), (header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            "The request body stopped arriving. Please send it again.\n",
        )
            .into_response();
    }
    response
}

/// `body`, failing (and setting `stalled`) when no data arrives for `pause`.
fn watch(body: Body, pause: Duration, stalled: Arc<AtomicBool>) -> Body {
    let chunks = body.into_data_stream();
    let guarded = futures_util::stream::unfold(Some(chunks), move |state| {
        let stalled = stalled.clone();
        async move {
            let mut chunks = state?;
            match tokio::time::timeout(pause, chunks.next()).await {
                Ok(Some(chunk)) => Some((chunk, Some(chunks))),
                Ok(None) => None,
                Err(_) => {
                    stalled.store(true, Ordering::SeqCst);
                    Some((Err(axum::Error::new("the request body stalled")), None))
                }
            }
        }
    });
    Body::from_stream(guarded)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_client_has_its_own_places_given_back_when_done() {
        let limit = PerClient::new(2);
        let a: IpAddr = "10.0.0.1".parse().unwrap();
        let b: IpAddr = "10.0.0.2".parse().unwrap();
        let first = limit.enter(a);
        let second = limit.enter(a);
        assert!(first.is_some() && second.is_some());
        assert!(limit.enter(a).is_none());
        assert!(limit.enter(b).is_some());
        drop(first);
        assert!(limit.enter(a).is_some());
        drop(second);
        assert!(limit.active.lock().unwrap().is_empty(), "no entry is left for idle clients");
    }

    #[tokio::test]
    async fn a_stalled_body_fails_and_says_so() {
        let stalled = Arc::new(AtomicBool::new(false));
        let never =
            Body::from_stream(futures_util::stream::pending::<Result<axum::body::Bytes, std::io::Error>>());
        let body = watch(never, Duration::from_millis(50), stalled.clone());
        assert!(axum::body::to_bytes(body, 1024).await.is_err());
        assert!(stalled.load(Ordering::SeqCst));
        let fine = watch(Body::from("all here"), Duration::from_millis(50), Arc::new(AtomicBool::new(false)));
        assert_eq!(axum::body::to_bytes(fine, 1024).await.unwrap(), "all here");
    }
}
