//! The recorded-figure forms of a numeric claim: add, edit (each with a "Check" that saves
//! nothing), withdraw.

use super::extract::{Editor, Posted};
use app::model::forms::record::{RecordForm, RecordInput, WithdrawForm};
use app::ssr::editing::records::{self, Stale};
use app::ssr::AppState;
use app::AppError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

type Answer = Result<Response, AppError>;

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn add(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<RecordForm>,
) -> Answer {
    let (input, posted) = match checked(&state, posted).await {
        Ok(ready) => ready,
        Err(shown) => return Ok(shown),
    };
    let result = records::add(&state.db, &user, &id, &input).await;
    settle(&state, posted, &id, result).await
}

pub async fn edit(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path((id, figure)): Path<(String, i64)>,
    posted: Posted<RecordForm>,
) -> Answer {
    let (input, posted) = match checked(&state, posted).await {
        Ok(ready) => ready,
        Err(shown) => return Ok(shown),
    };
    let result = records::edit(&state.db, &user, &id, figure, &input).await;
    settle(&state, posted, &id, result).await
}

pub async fn withdraw(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path((id, figure)): Path<(String, i64)>,
    posted: Posted<WithdrawForm>,
) -> Answer {
    let posted = posted.shown_on(&format!("/claims/{id}/record/{figure}"));
    let (reason, version) = match posted.input.parse() {
        Ok(parsed) => parsed,
        Err(problems) => return Ok(posted.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await),
    };
    let result = records::withdraw(&state.db, &user, &id, figure, version, &reason).await;
    settle(&state, posted, &id, result).await
}

/// The form's input, ready to save; or the form shown again: refused (422), or checked on
/// request (200, nothing saved). "Check" needs only the figure part of the form.
async fn checked(
    state: &AppState,
    posted: Posted<RecordForm>,
) -> Result<(RecordInput, Posted<RecordForm>), Response> {
    if posted.input.is_check() {
        return Err(match posted.input.measured() {
            Ok(_) => posted.again(state, Vec::new(), StatusCode::OK).await,
            Err(problems) => posted.again(state, problems, StatusCode::UNPROCESSABLE_ENTITY).await,
        });
    }
    match posted.input.parse(today()) {
        Err(problems) => Err(posted.again(state, problems, StatusCode::UNPROCESSABLE_ENTITY).await),
        Ok(input) => Ok((input, posted)),
    }
}

/// Saved: back to the claim's record. Stale: the form again, told, based on the newer version.
/// A refusal (a quote, a figure already withdrawn) is shown above the form, like a conflict.
async fn settle<T>(
    state: &AppState,
    mut posted: Posted<T>,
    id: &str,
    result: Result<Result<(), Stale>, AppError>,
) -> Answer {
    match result {
        Err(err) => posted.finish(state, Err(err)).await,
        Ok(Ok(())) => posted.finish(state, Ok(format!("/claims/{id}/record"))).await,
        Ok(Err(stale)) => {
            posted.form.values.retain(|(name, _)| name != "version");
            posted.form.values.push(("version".into(), stale.version.to_string()));
            let message = format!(
                "Someone else changed this claim (now version {}) while you were working on it. Nothing was saved. \
                 Check the figures below, then save again.",
                stale.version
            );
            Ok(posted.again(state, vec![(String::new(), message)], StatusCode::CONFLICT).await)
        }
    }
}
