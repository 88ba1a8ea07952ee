//! `/claims/{id}/share.png`: the picture a chat app or social site shows when a claim's permalink
//! is pasted (its `og:image`). Drawn by `app::ssr::share_card`; the page cache keeps it until the
//! claim — or anything else readers see — changes, and the permalink's tags name it with a
//! version of what it shows, so that sites which keep images by address fetch the new one.

use app::model::Status;
use app::ssr::share_card::{render_png, ShareCard};
use app::ssr::turns::Turns;
use app::ssr::{db::rulings::Audience, read, AppState};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};

/// Cards drawn at once, waiting at most, and for how long.
static RENDERS: Turns = Turns::new(2, 32, std::time::Duration::from_secs(5), BUSY);
const BUSY: &str = "The server is busy drawing other share images. Please try again in a few seconds.";

/// The card of a published claim (an unpublished one is not found, as its page is).
pub async fn png(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, app::AppError> {
    let claim = read::claim_detail(&state.db, &state.site_url, &id, Audience::Public).await?;
    let date = app::components::share::share_date(&claim);
    let site_name = state.org_name.clone();
    // A render takes a few milliseconds of CPU and a 2 MiB canvas: off the threads that answer
    // other requests, and a few at a time — a crawler walking every card after a write queues,
    // then is told to come back, instead of taking every core.
    let _turn = RENDERS.take().await?;
    let png = tokio::task::spawn_blocking(move || {
        render_png(&ShareCard {
            site_name: &site_name,
            speaker: &claim.speaker.name,
            claim: &claim.summary.text,
            rating: claim.summary.status.unwrap_or(Status::BeingChecked),
            date: &date,
            retracted: claim.retraction_reason.is_some(),
        })
    })
    .await
    .map_err(|_| app::AppError::Internal)?
    .map_err(|err| {
        tracing::error!(error = %err, "cannot draw a share card");
        app::AppError::Internal
    })?;
    Ok(([(header::CONTENT_TYPE, "image/png"), (header::CACHE_CONTROL, "public, max-age=300")], png)
        .into_response())
}
