//! The claim forms: add, edit, retract, reinstate.

use super::extract::{Admin, Editor, Posted};
use app::model::forms::claim::ClaimForm;
use app::model::forms::desk::ReasonForm;
use app::ssr::editing::{claims, repetitions};
use app::ssr::AppState;
use app::AppError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;

type Answer = Result<Response, AppError>;

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A new claim goes to intake; the editor lands on its desk page.
pub async fn create(
    State(state): State<AppState>,
    Editor(user): Editor,
    posted: Posted<ClaimForm>,
) -> Answer {
    let parsed = posted.input.parse(today());
    if posted.input.is_check() {
        return Ok(checked(&state, posted, parsed.err()).await);
    }
    let choice = posted.input.repeat_choice().map(|c| c.map(str::to_owned));
    if let (Ok(input), None) = (&parsed, &choice) {
        if may_repeat(&state, input).await? {
            return Ok(show_repeats(&state, posted).await);
        }
    }
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            match choice.flatten() {
                Some(repeated) => repetitions::from_claim_form(&db, &user, &input, &repeated)
                    .await
                    .map(|id| format!("/claims/{id}#appearances-heading")),
                None => claims::create(&db, &user, &input).await.map(|id| format!("/claims/{id}/desk")),
            }
        })
        .await
}

/// Whether existing claims say what the new one says (the form then shows them first).
async fn may_repeat(
    state: &AppState,
    input: &app::model::forms::claim::ClaimInput,
) -> Result<bool, AppError> {
    let found = app::ssr::repeats::suggest_each(&state.db, &[input.probe()]).await?;
    Ok(found.iter().any(|s| !s.is_empty()))
}

/// The form again, nothing saved, with the existing claims it may repeat to choose from.
async fn show_repeats(state: &AppState, mut posted: Posted<ClaimForm>) -> Response {
    posted.form.values.retain(|(n, _)| n != "repeats_seen");
    posted.form.values.push(("repeats_seen".into(), "1".into()));
    posted.again(state, Vec::new(), StatusCode::OK).await
}

pub async fn edit(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    mut posted: Posted<ClaimForm>,
) -> Answer {
    let parsed = posted.input.parse(today());
    if posted.input.is_check() {
        return Ok(checked(&state, posted, parsed.err()).await);
    }
    let input = match parsed {
        Ok(input) => input,
        Err(problems) => return Ok(posted.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await),
    };
    match claims::update(&state.db, &user, &id, &input).await? {
        Ok(()) => posted.finish(&state, Ok(format!("/claims/{id}#history"))).await,
        Err(stale) => {
            // Keep what was typed, but base it on the newer version, so that saving again is a
            // deliberate choice to replace it.
            posted.form.values.retain(|(name, _)| name != "version");
            posted.form.values.push(("version".into(), stale.current.version.to_string()));
            posted.form.values.push(("conflict".into(), "1".into()));
            let message = format!(
                "Someone else saved this claim (now version {}) while you were editing it. Your changes were \
                 not saved. Compare them with the saved version, then save again to replace it.",
                stale.current.version
            );
            Ok(posted.again(&state, vec![(String::new(), message)], StatusCode::CONFLICT).await)
        }
    }
}

/// "Check the figure": the form again with what was understood beside the figure, nothing saved
/// (with its problems, if any).
async fn checked(
    state: &AppState,
    posted: Posted<ClaimForm>,
    problems: Option<app::model::forms::Problems>,
) -> Response {
    match problems {
        Some(problems) => posted.again(state, problems, StatusCode::UNPROCESSABLE_ENTITY).await,
        None => posted.again(state, Vec::new(), StatusCode::OK).await,
    }
}

pub async fn retract(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Answer {
    let parsed = posted.input.parse("why the claim is retracted; readers will see it");
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |reason| async move {
            claims::retract(&db, &user, &id, &reason).await.map(|()| format!("/claims/{id}"))
        })
        .await
}

/// Admins reverse a retraction, with a reason.
pub async fn reinstate(
    State(state): State<AppState>,
    Admin(user): Admin,
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Answer {
    let parsed = posted.input.parse("why the retraction is reversed; readers will see it");
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |reason| async move {
            claims::reinstate(&db, &user, &id, &reason).await.map(|()| format!("/claims/{id}"))
        })
        .await
}
