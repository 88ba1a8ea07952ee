//! Recording figures for a numeric claim: add, edit, withdraw. Each is an edit of the claim —
//! made from the version the editor saw (a stale one is refused), recorded in its history.

use super::claim_id;
use crate::model::forms::record::RecordInput;
use crate::model::{ClaimEdit, ClaimKind, CurrentUser};
use crate::ssr::db::Db;
use crate::ssr::db::{self, claim_edits, recorded, revisions};
use crate::AppError;
use chrono::Utc;

/// What a refused save reports: someone changed the claim since the form was opened.
pub struct Stale {
    pub version: i64,
}

/// Adds a figure to the claim.
pub async fn add(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    input: &RecordInput,
) -> Result<Result<(), Stale>, AppError> {
    save(db, user, public, None, input).await
}

/// Replaces figure `figure_id` of the claim.
pub async fn edit(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    figure_id: i64,
    input: &RecordInput,
) -> Result<Result<(), Stale>, AppError> {
    save(db, user, public, Some(figure_id), input).await
}

async fn save(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    figure_id: Option<i64>,
    input: &RecordInput,
) -> Result<Result<(), Stale>, AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let claim = numeric_claim(&mut tx, id).await?;
    if input.version != Some(claim.version) {
        return Ok(Err(Stale { version: claim.version }));
    }
    let claim_unit = claim.quantity.as_ref().map(|q| q.unit.clone()).unwrap_or_default();
    let unit = input.unit.clone().unwrap_or(claim_unit);
    let values = recorded::FigureValues::of_input(input, &unit);
    let now = Utc::now();
    let before = recorded::for_claim(&mut tx, id).await?;
    if input.compared {
        recorded::clear_compared(&mut tx, id).await?;
    }
    let figure_id = match figure_id {
        None => recorded::insert(&mut tx, id, &values, user.id, now).await?,
        Some(figure_id) => {
            if !recorded::update(&mut tx, id, figure_id, &values, now).await? {
                return Err(AppError::not_found(
                    "This claim has no such recorded figure, or it was withdrawn.",
                ));
            }
            figure_id
        }
    };
    let after = recorded::for_claim(&mut tx, id).await?;
    let changes = changes_between(&before, &after);
    if changes.is_empty() {
        return Ok(Ok(()));
    }
    if !recorded::bump_claim_version(&mut tx, id, claim.version, now).await? {
        return Ok(Err(Stale { version: claim.version }));
    }
    revisions::append(&mut tx, revisions::Of::Claim, id, claim.version + 1, user.id, &changes, now).await?;
    tx.commit().await?;
    tracing::info!(claim = public, figure = figure_id, editor = user.username, "recorded figure saved");
    Ok(Ok(()))
}

/// Withdraws figure `figure_id` of the claim: kept, no longer shown or compared.
pub async fn withdraw(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    figure_id: i64,
    version: Option<i64>,
    reason: &str,
) -> Result<Result<(), Stale>, AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let claim = numeric_claim(&mut tx, id).await?;
    if version != Some(claim.version) {
        return Ok(Err(Stale { version: claim.version }));
    }
    let now = Utc::now();
    let before = recorded::for_claim(&mut tx, id).await?;
    if !before.iter().any(|f| f.id == figure_id) {
        return Err(AppError::not_found("This claim has no such recorded figure."));
    }
    if !recorded::withdraw(&mut tx, id, figure_id, now).await? {
        return Err(AppError::Conflict("This figure is already withdrawn.".into()));
    }
    let after = recorded::for_claim(&mut tx, id).await?;
    if !recorded::bump_claim_version(&mut tx, id, claim.version, now).await? {
        return Ok(Err(Stale { version: claim.version }));
    }
    let mut changes = changes_between(&before, &after);
    changes.push((
        format!("recorded figure {figure_id} withdrawn because"),
        String::new(),
        reason.to_owned(),
    ));
    revisions::append(&mut tx, revisions::Of::Claim, id, claim.version + 1, user.id, &changes, now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

async fn numeric_claim(tx: &mut db::WriteTx, id: i64) -> Result<ClaimEdit, AppError> {
    let claim = claim_edits::editable(tx, id).await?.ok_or_else(super::no_such_claim)?;
    if claim.kind != ClaimKind::Numeric {
        return Err(AppError::Conflict(
            "Only a numeric claim has figures to check: this claim is a quote.".into(),
        ));
    }
    Ok(claim)
}

/// The history's lines: each figure whose description changed, as "recorded figure N".
fn changes_between(
    before: &[crate::model::record::RecordedFigure],
    after: &[crate::model::record::RecordedFigure],
) -> revisions::Changes {
    after
        .iter()
        .filter_map(|figure| {
            let old = before.iter().find(|b| b.id == figure.id).map(describe).unwrap_or_default();
            let new = describe(figure);
            (old != new).then(|| (format!("recorded figure {}", figure.id), old, new))
        })
        .collect()
}

/// A figure in one line of the history: what it says, of what, from where, and its standing.
pub(crate) fn describe(f: &crate::model::record::RecordedFigure) -> String {
    let mut parts = vec![format!("{} ({})", f.exact(), f.shape.label())];
    if let Some(period) = &f.period {
        parts.push(period.clone());
    }
    parts.push(format!("{} — {}", f.publisher, f.source_title));
    if let Some(on) = f.published_on {
        parts.push(format!("published {on}"));
    }
    if let Some(on) = f.accessed_on {
        parts.push(format!("read {on}"));
    }
    parts.push(f.source_url.clone());
    if let Some(note) = &f.note {
        parts.push(format!("note: {note}"));
    }
    if f.withdrawn {
        parts.push("withdrawn".into());
    } else if f.compared {
        parts.push("compared by the ruling".into());
    }
    parts.join(" · ")
}
