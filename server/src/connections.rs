//! The connection loop: accepts TCP connections and serves HTTP/1.1 on each with hyper, with what
//! `axum::serve` does not set — a deadline for a request's headers, which also closes a
//! connection left idle (hyper's timer is not running unless given one, so without this a
//! connection that never finishes its headers is held for ever) — and shuts down gracefully:
//! on the signal, it stops accepting, lets requests in progress finish (closing idle
//! connections at once), and gives up after the grace period.

use axum::extract::ConnectInfo;
use axum::Router;
use hyper::body::Incoming;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use std::future::Future;
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// How long the connection loop waits for clients.
#[derive(Clone, Copy, Debug)]
pub struct Limits {
    /// For a request's headers to arrive, and for the next request on an idle connection.
    pub header_timeout: Duration,
    /// For requests in progress to finish after the shutdown signal.
    pub shutdown_grace: Duration,
}

/// Serves `app` on `listener` until `shutdown` completes, then shuts down gracefully.
pub async fn serve(listener: TcpListener, app: Router, limits: Limits, shutdown: impl Future<Output = ()>) {
    let graceful = GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(limits.header_timeout).keep_alive(true);
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(connection) => connection,
                Err(err) => {
                    // Out of file descriptors, or a connection reset before it was accepted:
                    // wait a moment rather than spin, and go on.
                    tracing::warn!(error = %err, "could not accept a connection");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone();
        let service = hyper::service::service_fn(move |mut request: hyper::Request<Incoming>| {
            request.extensions_mut().insert(ConnectInfo(peer));
            app.clone().oneshot(request.map(axum::body::Body::new))
        });
        let connection = http.serve_connection(TokioIo::new(stream), service);
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // A client that goes away or times out is routine, not an error of ours.
            if let Err(err) = connection.await {
                tracing::debug!(error = %err, %peer, "connection ended");
            }
        });
    }
    drop(listener);
    tracing::info!("shutting down: finishing requests in progress");
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(limits.shutdown_grace) => {
            tracing::warn!(grace_secs = limits.shutdown_grace.as_secs(), "requests still running after the grace period; stopping anyway");
        }
    }
}
