//! The claim forms: add, edit, set the status, retract.

use super::forms::Submission;
use crate::signed_in;
use app::model::forms::{claim::ClaimInput, verification::VerificationInput};
use app::model::FormState;
use app::ssr::{editing::claims, AppState};
use axum::extract::{Path, RawForm, State};
use axum::http::request::Parts;
use axum::response::Response;

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn create(State(state): State<AppState>, parts: Parts, body: RawForm) -> Response {
    let parse = |form: &FormState| ClaimInput::parse(form, today());
    Submission::new(state, parts, &body)
        .handle(parse, |state, user, input| async move {
            claims::create(&state.pool, &user, &input).await.map(|id| format!("/claims/{id}"))
        })
        .await
}

pub async fn edit(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let mut sub = Submission::new(state, parts, &body);
    let user = signed_in!(sub, editor);
    let input = match ClaimInput::parse(&sub.form, today()) {
        Ok(input) => input,
        Err(problems) => return sub.problems(problems).await,
    };
    match claims::update(&sub.state.pool, &user, &id, &input).await {
        Ok(Ok(())) => sub.finish(Ok(format!("/claims/{id}#history"))).await,
        Ok(Err(stale)) => {
            // Keep what was typed, but base it on the newer version, so that saving again is a
            // deliberate choice to replace it.
            sub.form.values.retain(|(name, _)| name != "version");
            sub.form.values.push(("version".into(), stale.current.version.to_string()));
            sub.form.values.push(("conflict".into(), "1".into()));
            sub.conflict(format!(
                "Someone else saved this claim (now version {}) while you were editing it. Your changes were \
                 not saved. Compare them with the saved version, then save again to replace it.",
                stale.current.version
            ))
            .await
        }
        Err(error) => sub.finish(Err(error)).await,
    }
}

pub async fn set_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    Submission::new(state, parts, &body)
        .handle(VerificationInput::parse, |state, user, input| async move {
            claims::set_status(&state.pool, &user, &id, &input)
                .await
                .map(|()| format!("/claims/{id}#history"))
        })
        .await
}

pub async fn retract(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let sub = Submission::new(state, parts, &body);
    let user = signed_in!(sub, editor);
    let reason = sub.form.value("reason").unwrap_or_default().to_owned();
    let version = sub.form.value("version").and_then(|v| v.trim().parse().ok());
    let result = claims::retract(&sub.state.pool, &user, &id, &reason, version)
        .await
        .map(|()| format!("/claims/{id}"));
    sub.finish(result).await
}
