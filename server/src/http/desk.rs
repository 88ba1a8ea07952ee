//! The desk's forms: the intake list's bulk actions (`/desk`), and on a claim's desk page
//! (`/claims/{id}/desk/…`) assigning, notes, publishing as being checked, discarding, restoring
//! and signing off; the ruling form (`/claims/{id}/ruling`).

use super::extract::{Editor, Posted};
use app::model::forms::desk::{AssignForm, BulkForm, NoteForm, ReasonForm, ReviewForm};
use app::model::forms::ruling::RulingForm;
use app::ssr::editing::{desk, rulings, rulings::Outcome};
use app::ssr::AppState;
use app::AppError;
use axum::extract::{Path, State};
use axum::response::Response;

type Answer = Result<Response, AppError>;

fn desk_page(id: &str) -> String {
    format!("/claims/{id}/desk")
}

/// `POST /desk`: assign, publish as being checked or discard the ticked intake claims.
pub async fn bulk(State(state): State<AppState>, Editor(user): Editor, posted: Posted<BulkForm>) -> Answer {
    let parsed = posted.input.parse();
    let db = state.db.clone();
    posted
        .answer(&state, parsed, |input| async move {
            let n = desk::bulk(&db, &user, &input).await?;
            Ok(format!("/desk?done={}&n={n}#intake", input.action.as_str()))
        })
        .await
}

pub async fn assign(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<AssignForm>,
) -> Answer {
    let parsed = posted.input.parse();
    let (db, page) = (state.db.clone(), desk_page(&id));
    posted
        .shown_on(&page)
        .answer(
            &state,
            parsed,
            |input| async move { desk::assign(&db, &user, &id, &input).await.map(|()| page) },
        )
        .await
}

pub async fn note(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<NoteForm>,
) -> Answer {
    let parsed = posted.input.parse();
    let (db, page) = (state.db.clone(), desk_page(&id));
    posted
        .shown_on(&page)
        .answer(&state, parsed, |body| async move {
            desk::add_note(&db, &user, &id, &body).await.map(|()| format!("{page}#notes"))
        })
        .await
}

pub async fn publish(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Answer {
    let result = desk::publish(&state.db, &user, &id).await.map(|()| format!("/claims/{id}"));
    posted.shown_on(&desk_page(&id)).finish(&state, result).await
}

pub async fn discard(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Answer {
    let parsed = posted.input.parse("why it is discarded");
    let (db, page) = (state.db.clone(), desk_page(&id));
    posted
        .shown_on(&page)
        .answer(&state, parsed, |reason| async move {
            desk::discard(&db, &user, &id, &reason).await.map(|()| page)
        })
        .await
}

pub async fn restore(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<ReasonForm>,
) -> Answer {
    let page = desk_page(&id);
    let result = desk::restore(&state.db, &user, &id).await.map(|()| page.clone());
    posted.shown_on(&page).finish(&state, result).await
}

/// Approving or sending back the proposed ruling.
pub async fn review(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<ReviewForm>,
) -> Answer {
    let parsed = posted.input.parse();
    let (db, sign_offs, page) = (state.db.clone(), state.sign_offs, desk_page(&id));
    posted
        .shown_on(&page)
        .answer(&state, parsed, |input| async move {
            match rulings::review(&db, &user, &id, &input, sign_offs).await? {
                Outcome::Published => Ok(format!("/claims/{id}")),
                Outcome::SentBack | Outcome::AwaitingSignOff => Ok(format!("{page}#ruling")),
            }
        })
        .await
}

/// `POST /claims/{id}/ruling`: the assignee proposes a ruling.
pub async fn propose(
    State(state): State<AppState>,
    Editor(user): Editor,
    Path(id): Path<String>,
    posted: Posted<RulingForm>,
) -> Answer {
    let kind = app::ssr::read::claim_for_edit(&state.db, &id).await?.kind;
    let parsed = posted.input.parse(kind);
    let (db, sign_offs) = (state.db.clone(), state.sign_offs);
    posted
        .answer(&state, parsed, |input| async move {
            match rulings::propose(&db, &user, &id, &input, sign_offs).await? {
                Outcome::Published => Ok(format!("/claims/{id}")),
                _ => Ok(format!("/claims/{id}/desk#ruling")),
            }
        })
        .await
}
