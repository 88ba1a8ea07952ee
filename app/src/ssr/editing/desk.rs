//! The desk's actions on a claim: assigning it, research notes, publishing it as being checked,
//! discarding and restoring it, and the intake list's bulk actions. Each is one transaction that
//! checks the state it starts from and records what it did in the claim's private log.

use super::claim_id;
use crate::model::forms::desk::{AssignInput, BulkInput};
use crate::model::{BulkAction, CurrentUser, DeskAction, Stage};
use crate::ssr::db::Db;
use crate::ssr::db::{self, desk, notes, users, WriteTx};
use crate::AppError;
use chrono::Utc;

/// Assigns a claim to an editor, or to nobody. Refused as a conflict when the claim's assignee is
/// no longer the one the editor saw.
pub async fn assign(db: &Db, user: &CurrentUser, public: &str, input: &AssignInput) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let state = desk::state(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    if state.stage == Stage::Discarded {
        return Err(AppError::Conflict(
            "This claim was discarded. Restore it to intake before assigning it.".into(),
        ));
    }
    let current = match state.assignee_id {
        Some(assignee) => users::username_of(&mut tx, assignee).await?,
        None => None,
    };
    if current != input.seen {
        let now = current.map_or_else(|| "nobody".to_owned(), |name| format!("“{name}”"));
        return Err(AppError::Conflict(format!(
            "Someone changed who works on this claim while you were looking (it is now assigned to {now}). \
             Nothing was changed; choose again if you still mean to."
        )));
    }
    set_assignee(&mut tx, id, user.id, state.assignee_id, input.assignee.as_deref()).await?;
    tx.commit().await?;
    Ok(())
}

/// Gives the claim to the editor called `username` (or to nobody), logging the change.
async fn set_assignee(
    tx: &mut WriteTx,
    claim: i64,
    by: i64,
    current: Option<i64>,
    username: Option<&str>,
) -> Result<(), AppError> {
    let assignee = match username {
        Some(name) => Some(users::active_editor(tx, name).await?.ok_or_else(|| {
            AppError::invalid("assignee", format!("No editor is called “{name}”. Choose one from the list."))
        })?),
        None => None,
    };
    if assignee.as_ref().map(|(id, _)| *id) == current {
        return Ok(());
    }
    let now = Utc::now();
    desk::set_assignee(tx, claim, assignee.as_ref().map(|(id, _)| *id)).await?;
    match assignee {
        Some((_, name)) => desk::log(tx, claim, by, DeskAction::Assigned, Some(&name), now).await,
        None => desk::log(tx, claim, by, DeskAction::Unassigned, None, now).await,
    }
}

/// Adds a private research note.
pub async fn add_note(db: &Db, user: &CurrentUser, public: &str, body: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    desk::state(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    notes::add(&mut tx, id, user.id, body, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes an intake claim without a ruling, as "being checked": an explicit choice.
pub async fn publish(db: &Db, user: &CurrentUser, public: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    publish_one(&mut tx, id, user.id).await?;
    tx.commit().await?;
    Ok(())
}

async fn publish_one(tx: &mut WriteTx, id: i64, by: i64) -> Result<(), AppError> {
    let state = desk::state(tx, id).await?.ok_or_else(super::no_such_claim)?;
    match state.stage {
        Stage::Published => Err(AppError::Conflict("This claim is already public.".into())),
        Stage::Discarded => {
            Err(AppError::Conflict("This claim was discarded. Restore it to intake first.".into()))
        }
        Stage::Intake => {
            let now = Utc::now();
            desk::publish_being_checked(tx, id, now).await?;
            desk::log(tx, id, by, DeskAction::PublishedBeingChecked, None, now).await
        }
    }
}

/// Discards an intake claim, keeping it with who discarded it and why.
pub async fn discard(db: &Db, user: &CurrentUser, public: &str, reason: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    discard_one(&mut tx, id, user.id, reason).await?;
    tx.commit().await?;
    Ok(())
}

async fn discard_one(tx: &mut WriteTx, id: i64, by: i64, reason: &str) -> Result<(), AppError> {
    let now = Utc::now();
    if !desk::discard(tx, id, by, reason, now).await? {
        desk::state(tx, id).await?.ok_or_else(super::no_such_claim)?;
        return Err(AppError::Conflict(
            "Only claims in intake can be discarded; this one is public or discarded already. A public claim is \
             retracted instead."
                .into(),
        ));
    }
    desk::log(tx, id, by, DeskAction::Discarded, Some(reason), now).await
}

/// Brings a discarded claim back to intake.
pub async fn restore(db: &Db, user: &CurrentUser, public: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    if !desk::restore(&mut tx, id).await? {
        desk::state(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
        return Err(AppError::Conflict("This claim is not discarded.".into()));
    }
    desk::log(&mut tx, id, user.id, DeskAction::Restored, None, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Applies one action to the ticked intake claims, all or none: if any of them left intake
/// meanwhile, nothing changes and the editor is told which.
pub async fn bulk(db: &Db, user: &CurrentUser, input: &BulkInput) -> Result<usize, AppError> {
    let mut tx = db::begin_write(db).await?;
    let mut gone = Vec::new();
    for &id in &input.claims {
        match desk::state(&mut tx, id).await? {
            Some(state) if state.stage == Stage::Intake => {}
            _ => gone.push(crate::model::public_id::encode(id)),
        }
    }
    if !gone.is_empty() {
        return Err(AppError::Conflict(format!(
            "Some of these claims are no longer in intake (changed meanwhile): {}. Nothing was changed; look at \
             the desk again and choose anew.",
            gone.join(", ")
        )));
    }
    for &id in &input.claims {
        match input.action {
            BulkAction::Assign => {
                let current = desk::state(&mut tx, id).await?.and_then(|s| s.assignee_id);
                set_assignee(&mut tx, id, user.id, current, input.assignee.as_deref()).await?;
            }
            BulkAction::Publish => publish_one(&mut tx, id, user.id).await?,
            BulkAction::Discard => {
                discard_one(&mut tx, id, user.id, input.reason.as_deref().unwrap_or("")).await?
            }
        }
    }
    tx.commit().await?;
    Ok(input.claims.len())
}
