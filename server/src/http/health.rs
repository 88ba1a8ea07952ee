//! `/healthz`: the process is up and answering. `/readyz`: it can serve — the database answers,
//! its schema is current, it takes a write, and the file open is still the one at the configured
//! path (after the file was deleted or replaced, writes would be acknowledged and then lost).
//!
//! Both are routed outside the request caps, so that a flood of slow requests cannot make a load
//! balancer think the server is down. Readiness is worked out at most once a second and shared,
//! so that polling it cannot become a load of its own (it writes a row).

use app::ssr::db::maintenance;
use app::ssr::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// How long one readiness answer is reused.
const READINESS_REUSED_FOR: Duration = Duration::from_secs(1);

/// The last readiness answer and when it was worked out.
type LastAnswer = Option<(Instant, Result<(), String>)>;

#[derive(Clone)]
pub struct Health {
    state: AppState,
    last: Arc<tokio::sync::Mutex<LastAnswer>>,
}

impl Health {
    pub fn new(state: AppState) -> Health {
        Health { state, last: Arc::default() }
    }

    async fn check(&self) -> Result<(), String> {
        // First: after the file is gone, a new connection of the pool would make an empty one.
        self.state.database_file.still_in_place()?;
        maintenance::ready(&self.state.db).await?;
        maintenance::can_write(&self.state.db).await
    }
}

pub async fn healthz() -> &'static str {
    "ok\n"
}

pub async fn readyz(State(health): State<Health>) -> Response {
    let mut last = health.last.lock().await;
    let result = match &*last {
        Some((at, result)) if at.elapsed() < READINESS_REUSED_FOR => result.clone(),
        _ => {
            let result = health.check().await;
            *last = Some((Instant::now(), result.clone()));
            result
        }
    };
    drop(last);
    match result {
        Ok(()) => (StatusCode::OK, "ready\n").into_response(),
        Err(reason) => {
            tracing::warn!(reason, "not ready");
            (StatusCode::SERVICE_UNAVAILABLE, format!("not ready: {reason}\n")).into_response()
        }
    }
}
