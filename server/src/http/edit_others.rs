//! The source, speaker and account forms.

use super::extract::{Admin, Editor, Posted};
use app::model::forms::account::{AccountForm, MergeForm, PasswordForm};
use app::model::forms::{source::SourceForm, speaker::SpeakerForm};
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
    posted: Posted<SourceForm>,
) -> Answer {
    let parsed = posted.input.parse(today());
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::sources::create(&db, &user, &input).await.map(|id| format!("/sources/{id}"))
        })
        .await
}

pub async fn edit_source(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<SourceForm>,
) -> Answer {
    let parsed = posted.input.parse(today());
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::sources::update(&db, &user, &id, &input).await.map(|()| format!("/sources/{id}"))
        })
        .await
}

pub async fn create_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    posted: Posted<SpeakerForm>,
) -> Answer {
    let parsed = posted.input.parse();
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::speakers::create(&db, &user, &input).await.map(|s| format!("/speakers/{s}"))
        })
        .await
}

pub async fn edit_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(slug): Path<String>,
    posted: Posted<SpeakerForm>,
) -> Answer {
    let parsed = posted.input.parse();
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            editing::speakers::update(&db, &user, &slug, &input).await.map(|()| format!("/speakers/{slug}"))
        })
        .await
}

pub async fn merge_speaker(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(slug): Path<String>,
    posted: Posted<MergeForm>,
) -> Answer {
    let target = posted.input.target.trim().to_owned();
    let result =
        editing::speakers::merge(&state.db, &user, &slug, &target).await.map(|s| format!("/speakers/{s}"));
    posted.finish(&state, result).await
}

pub async fn add_account(
    State(state): State<AppState>,
    Admin(_): Admin,
    posted: Posted<AccountForm>,
) -> Answer {
    let role = match posted.input.role() {
        Ok(role) => role,
        Err(problems) => return Ok(posted.again(&state, problems, StatusCode::UNPROCESSABLE_ENTITY).await),
    };
    let form = &posted.input;
    let (username, display) = (form.username.trim(), form.display_name.trim());
    match accounts::add(&state.db, username, display, role, &form.password).await {
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
    _posted: Posted<PasswordForm>,
) -> Answer {
    accounts::disable(&state.db, &name, Some(admin.id)).await?;
    Ok(Redirect::to("/admin/users").into_response())
}

pub async fn set_password(
    State(state): State<AppState>,
    Admin(_): Admin,
    Path(name): Path<String>,
    posted: Posted<PasswordForm>,
) -> Answer {
    match accounts::change_password(&state.db, &name, &posted.input.password).await {
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
