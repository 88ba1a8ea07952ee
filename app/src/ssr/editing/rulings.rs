//! Rulings: proposed by the claim's assignee, signed off by other editors, then published.
//! Each action is one write transaction that checks the state it starts from.

use super::claim_id;
use crate::model::forms::desk::ReviewInput;
use crate::model::forms::ruling::RulingInput;
use crate::model::{CurrentUser, Decision, DeskAction, RulingKind, RulingState, Stage};
use crate::ssr::db::Db;
use crate::ssr::db::{self, desk, rulings, WriteTx};
use crate::AppError;
use chrono::Utc;

/// What became of a proposal or a sign-off.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Waiting for (more) sign-offs.
    AwaitingSignOff,
    SentBack,
    /// Now public.
    Published,
}

/// Proposes a ruling on a claim. Only the claim's assignee proposes; a proposal replaces the
/// one awaiting sign-off or sent back (withdrawn, kept). With `sign_offs` 0 it is published at
/// once; otherwise it waits for that many other editors' approval.
pub async fn propose(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    input: &RulingInput,
    sign_offs: u32,
) -> Result<Outcome, AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let state = desk::state(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    if state.stage == Stage::Discarded {
        return Err(AppError::Conflict(
            "This claim was discarded. Restore it to intake before ruling on it.".into(),
        ));
    }
    if state.retracted {
        return Err(AppError::Conflict(
            "A retracted claim cannot be rated. An admin can reverse the retraction first.".into(),
        ));
    }
    if state.assignee_id != Some(user.id) {
        return Err(AppError::Conflict(
            "Only the claim's assignee writes its ruling. Assign the claim to yourself first.".into(),
        ));
    }
    let open = rulings::open_for_claim(&mut tx, id).await?;
    if input.basis != open.as_ref().map(|o| o.id).or(state.ruling_id) {
        return Err(AppError::Conflict(
            "The ruling changed while you were writing (a newer proposal, a sign-off or a publication). Your \
             ruling was not saved; your text is kept below. Look at the claim's desk page, then propose again \
             if it still stands."
                .into(),
        ));
    }
    let kind = ruling_kind(&mut tx, state.ruling_id, input).await?;
    let note = if kind == RulingKind::Ruling { None } else { input.note.as_deref() };
    if kind == RulingKind::Correction && note.is_none() {
        return Err(AppError::invalid(
            "note",
            "This changes the published rating or attribution, so it is a correction: write a note for readers \
             saying what changed and why.",
        ));
    }
    let now = Utc::now();
    if let Some(open) = &open {
        rulings::move_state(&mut tx, open.id, open.state, RulingState::Withdrawn, now).await?;
    }
    let ruling = rulings::NewRuling {
        claim_id: id,
        author_id: user.id,
        rating: input.rating,
        attribution: input.attribution,
        verdict: &input.verdict,
        body: &input.body,
        evidence: &input.evidence,
        kind,
        note,
        amends: state.ruling_id,
        at: now,
    };
    let ruling_id = rulings::insert(&mut tx, &ruling).await?;
    let outcome = if sign_offs == 0 {
        publish(&mut tx, id, ruling_id, state.ruling_id, user.id, now).await?;
        Outcome::Published
    } else {
        Outcome::AwaitingSignOff
    };
    tx.commit().await?;
    Ok(outcome)
}

/// A first ruling, a correction (another rating or attribution than the published ruling's) or a
/// clarification (the same ones, other words).
pub(crate) async fn ruling_kind(
    tx: &mut WriteTx,
    published: Option<i64>,
    input: &RulingInput,
) -> Result<RulingKind, AppError> {
    let Some(published) = published else { return Ok(RulingKind::Ruling) };
    let current = rulings::content(tx, published).await?;
    Ok(if current.rating != input.rating || current.attribution != input.attribution {
        RulingKind::Correction
    } else {
        RulingKind::Clarification
    })
}

/// A reviewer approves the proposed ruling or sends it back with a note. Its author cannot sign
/// it off; once `sign_offs` other editors approved it (at least one), it is published.
pub async fn review(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    input: &ReviewInput,
    sign_offs: u32,
) -> Result<Outcome, AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let state = desk::state(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    let open = rulings::open_for_claim(&mut tx, id).await?;
    let Some(open) = open.filter(|o| o.id == input.ruling_id && o.state == RulingState::Proposed) else {
        return Err(AppError::Conflict(
            "This proposal is no longer awaiting sign-off: it was amended, sent back or published meanwhile. \
             Look at the claim's desk page for its newest ruling."
                .into(),
        ));
    };
    if open.author_id == user.id {
        return Err(AppError::Conflict(
            "You wrote this ruling, so another editor has to sign it off.".into(),
        ));
    }
    if rulings::reviewed_by(&mut tx, open.id, user.id).await? {
        return Err(AppError::Conflict("You have already answered this proposal.".into()));
    }
    let now = Utc::now();
    rulings::add_review(&mut tx, open.id, user.id, input.decision, input.note.as_deref(), now).await?;
    let outcome = match input.decision {
        Decision::SendBack => {
            rulings::move_state(&mut tx, open.id, RulingState::Proposed, RulingState::SentBack, now).await?;
            Outcome::SentBack
        }
        Decision::Approve if rulings::approvals(&mut tx, open.id).await? >= i64::from(sign_offs.max(1)) => {
            if open.amends != state.ruling_id {
                return Err(AppError::Conflict(
                    "Another ruling was published after this one was proposed. Send it back, so that its author \
                     can start from the published ruling."
                        .into(),
                ));
            }
            publish(&mut tx, id, open.id, state.ruling_id, user.id, now).await?;
            Outcome::Published
        }
        Decision::Approve => Outcome::AwaitingSignOff,
    };
    tx.commit().await?;
    Ok(outcome)
}

/// Publishes a signed-off ruling: it replaces the published one (superseded, kept), and the claim
/// shows it. The claim's first ruling puts it at the top of the public lists.
pub(crate) async fn publish(
    tx: &mut WriteTx,
    claim_id: i64,
    ruling_id: i64,
    replaces: Option<i64>,
    by: i64,
    now: chrono::DateTime<Utc>,
) -> Result<(), AppError> {
    if let Some(previous) = replaces {
        rulings::move_state(tx, previous, RulingState::Published, RulingState::Superseded, now).await?;
    }
    if !rulings::move_state(tx, ruling_id, RulingState::Proposed, RulingState::Published, now).await? {
        return Err(AppError::Conflict("This ruling is no longer awaiting sign-off.".into()));
    }
    let content = rulings::content(tx, ruling_id).await?;
    let had_assignee = desk::state(tx, claim_id).await?.and_then(|s| s.assignee_id).is_some();
    desk::show_ruling(tx, claim_id, ruling_id, &content, replaces.is_none(), now).await?;
    if had_assignee {
        desk::log(tx, claim_id, by, DeskAction::Unassigned, Some("The ruling was published."), now).await?;
    }
    Ok(())
}
