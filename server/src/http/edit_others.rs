//! The source, speaker and account forms.

use super::extract::{Admin, Editor, Posted, Untyped};
use app::model::forms::{source::SourceInput, speaker::SpeakerInput};
use app::model::Role;
use app::ssr::{accounts, editing, AppState};
use app::AppError;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};

type Answer = Result<Response, AppError>;

fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

pub async fn create_source(
    State(state): State<AppState>,
    Editor(user): Editor,
    posted: Posted<Untyped>,
) -> Answer {
    let parsed = SourceInput::parse(&posted.form, today());
    let pool = state.pool.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::sources::create(&pool, &user, &input).await.map(|id| format!("/sources/{id}"))
        })
        .await
}

pub async fn edit_source(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<Untyped>,
) -> Answer {
    let parsed = SourceInput::parse(&posted.form, today());
    let pool = state.pool.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::sources::update(&pool, &user, &id, &input).await.map(|()| format!("/sources/{id}"))
        })
        .await
}

pub async fn create_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    posted: Posted<Untyped>,
) -> Answer {
    let parsed = SpeakerInput::parse(&posted.form);
    let pool = state.pool.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::speakers::create(&pool, &user, &input).await.map(|s| format!("/speakers/{s}"))
        })
        .await
}

pub async fn edit_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(slug): Path<String>,
    posted: Posted<Untyped>,
) -> Answer {
    let parsed = SpeakerInput::parse(&posted.form);
    let pool = state.pool.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::speakers::update(&pool, &user, &slug, &input).await.map(|()| format!("/speakers/{slug}"))
        })
        .await
}

pub async fn merge_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(slug): Path<String>,
    posted: Posted<Untyped>,
) -> Answer {
    let target = posted.form.text("target");
    let result =
        editing::speakers::merge(&state.pool, &user, &slug, &target).await.map(|s| format!("/speakers/{s}"));
    posted.finish(&state, result).await
}

pub async fn add_account(State(state): State<AppState>, Admin(_): Admin, posted: Posted<Untyped>) -> Answer {
    let form = &posted.form;
    let Some(role) = Role::parse(&form.text("role")) else {
        let problems = vec![("role".into(), "Choose editor or admin.".into())];
        return Ok(posted.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await);
    };
    let (username, display) = (form.text("username"), form.text("display_name"));
    let password = form.value("password").unwrap_or_default().to_owned();
    match accounts::add(&state.pool, &username, &display, role, &password).await {
        Err(AppError::Conflict(message)) => Ok(posted
            .again(&state, vec![("username".into(), message)], StatusCode::UNPROCESSABLE_ENTITY)
            .await),
        other => posted.finish(&state, other.map(|_| "/admin/users".to_owned())).await,
    }
}

pub async fn disable_account(
    State(state): State<AppState>,
    Admin(admin): Admin,
    Path(name): Path<String>,
    _posted: Posted<Untyped>,
) -> Answer {
    if admin.username.eq_ignore_ascii_case(&name) {
        return Err(AppError::invalid("account", "You cannot disable your own account; ask another admin."));
    }
    accounts::disable(&state.pool, &name).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

pub async fn set_password(
    State(state): State<AppState>,
    Admin(_): Admin,
    Path(name): Path<String>,
    posted: Posted<Untyped>,
) -> Answer {
    let password = posted.form.value("password").unwrap_or_default().to_owned();
    match accounts::change_password(&state.pool, &name, &password).await {
        Ok(()) => Ok(Redirect::to("/admin/users").into_response()),
        Err(AppError::Invalid { message, .. }) => {
            let mut posted = posted.shown_on("/admin/users");
            posted.form.values.push(("for".into(), name));
            Ok(posted
                .again(&state, vec![("password".into(), message)], StatusCode::UNPROCESSABLE_ENTITY)
                .await)
        }
        Err(error) => Err(error),
    }
}
