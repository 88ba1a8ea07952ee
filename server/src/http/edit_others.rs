//! The source, speaker and account forms.

use super::{error_response, forms::Submission};
use crate::signed_in;
use app::model::forms::{source::SourceInput, speaker::SpeakerInput};
use app::model::{FormState, Role};
use app::ssr::{accounts, editing, AppState};
use app::AppError;
use axum::extract::{Path, RawForm, State};
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn create_source(State(state): State<AppState>, parts: Parts, body: RawForm) -> Response {
    let parse = |form: &FormState| SourceInput::parse(form, today());
    Submission::new(state, parts, &body)
        .handle(parse, |state, user, input| async move {
            editing::sources::create(&state.pool, &user, &input).await.map(|id| format!("/sources/{id}"))
        })
        .await
}

pub async fn edit_source(
    State(state): State<AppState>,
    Path(id): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let parse = |form: &FormState| SourceInput::parse(form, today());
    Submission::new(state, parts, &body)
        .handle(parse, |state, user, input| async move {
            editing::sources::update(&state.pool, &user, &id, &input).await.map(|()| format!("/sources/{id}"))
        })
        .await
}

pub async fn create_speaker(State(state): State<AppState>, parts: Parts, body: RawForm) -> Response {
    Submission::new(state, parts, &body)
        .handle(SpeakerInput::parse, |state, user, input| async move {
            editing::speakers::create(&state.pool, &user, &input).await.map(|s| format!("/speakers/{s}"))
        })
        .await
}

pub async fn edit_speaker(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    Submission::new(state, parts, &body)
        .handle(SpeakerInput::parse, |state, user, input| async move {
            editing::speakers::update(&state.pool, &user, &slug, &input)
                .await
                .map(|()| format!("/speakers/{slug}"))
        })
        .await
}

pub async fn merge_speaker(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let sub = Submission::new(state, parts, &body);
    let user = signed_in!(sub, editor);
    let target = sub.form.text("target");
    let result = editing::speakers::merge(&sub.state.pool, &user, &slug, &target)
        .await
        .map(|s| format!("/speakers/{s}"));
    sub.finish(result).await
}

pub async fn add_account(State(state): State<AppState>, parts: Parts, body: RawForm) -> Response {
    let sub = Submission::new(state, parts, &body);
    signed_in!(sub, admin);
    let form: &FormState = &sub.form;
    let Some(role) = Role::parse(&form.text("role")) else {
        return sub.problems(vec![("role".into(), "Choose editor or admin.".into())]).await;
    };
    let (username, display) = (form.text("username"), form.text("display_name"));
    let password = form.value("password").unwrap_or_default().to_owned();
    let result = accounts::add(&sub.state.pool, &username, &display, role, &password)
        .await
        .map(|_| "/admin/users".to_owned());
    match result {
        Err(AppError::Conflict(message)) => sub.problems(vec![("username".into(), message)]).await,
        other => sub.finish(other).await,
    }
}

pub async fn disable_account(
    State(state): State<AppState>,
    Path(name): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let sub = Submission::new(state, parts, &body);
    let admin = signed_in!(sub, admin);
    if admin.username == name {
        return error_response(AppError::invalid(
            "account",
            "You cannot disable your own account; ask another admin.",
        ));
    }
    match accounts::disable(&sub.state.pool, &name).await {
        Ok(()) => Redirect::to("/admin/users").into_response(),
        Err(error) => error_response(error),
    }
}

pub async fn set_password(
    State(state): State<AppState>,
    Path(name): Path<String>,
    parts: Parts,
    body: RawForm,
) -> Response {
    let mut sub = Submission::new(state, parts, &body);
    signed_in!(sub, admin);
    let password = sub.form.value("password").unwrap_or_default().to_owned();
    match accounts::change_password(&sub.state.pool, &name, &password).await {
        Ok(()) => Redirect::to("/admin/users").into_response(),
        Err(AppError::Invalid { message, .. }) => {
            sub.form.values.push(("for".into(), name));
            sub.problems_on("/admin/users", vec![("password".into(), message)]).await
        }
        Err(error) => error_response(error),
    }
}
