//! Retractions and their reversals (append-only); the claim keeps its current state in
//! `claims.retracted_at` and `retraction_reason`.

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::desk::RetractionAction;
use crate::model::{public_id, Correction, CorrectionKind, RetractionEvent};
use crate::AppError;
use chrono::{DateTime, Utc};

/// Retracts a claim (`reinstate` false) or reverses its retraction, if it is in the other state;
/// records the event either way it happens. Returns whether the claim changed.
pub async fn set(
    tx: &mut WriteTx,
    claim_id: i64,
    reinstate: bool,
    reason: &str,
    user_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::retractions::set(claim_id, reinstate, reason, user_id, at));
    let at = timestamp(at);
    let done = if reinstate {
        sqlx::query!(
            "UPDATE claims SET retracted_at = NULL, retraction_reason = NULL, updated_at = ?
              WHERE id = ? AND retracted_at IS NOT NULL",
            at,
            claim_id
        )
        .execute(&mut *conn)
        .await?
    } else {
        sqlx::query!(
            "UPDATE claims SET retracted_at = ?, retraction_reason = ?, updated_at = ?
              WHERE id = ? AND retracted_at IS NULL AND stage = 'published'",
            at,
            reason,
            at,
            claim_id
        )
        .execute(&mut *conn)
        .await?
    };
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let action = if reinstate { RetractionAction::Reinstated } else { RetractionAction::Retracted };
    sqlx::query!(
        "INSERT INTO retractions (claim_id, action, reason, user_id, created_at) VALUES (?, ?, ?, ?, ?)",
        claim_id,
        action,
        reason,
        user_id,
        at
    )
    .execute(&mut *conn)
    .await?;
    Ok(true)
}

/// A claim's retractions and reversals, oldest first.
pub async fn for_claim(db: &Db, claim_id: i64) -> Result<Vec<RetractionEvent>, AppError> {
    let pool = sqlite_or_pg!(db, pg::retractions::for_claim(claim_id));
    let rows = sqlx::query!(
        r#"SELECT r.action AS "action: RetractionAction", r.reason, u.display_name AS by_name, r.created_at AS "at: DateTime<Utc>"
             FROM retractions r JOIN users u ON u.id = r.user_id
            WHERE r.claim_id = ? ORDER BY r.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RetractionEvent {
            reinstated: r.action == RetractionAction::Reinstated,
            reason: r.reason,
            by: r.by_name,
            at: r.at,
        })
        .collect())
}

/// The newest retractions and reversals, for the corrections log.
pub async fn recent(db: &Db, limit: i64) -> Result<Vec<Correction>, AppError> {
    let pool = sqlite_or_pg!(db, pg::retractions::recent(limit));
    let rows = sqlx::query!(
        r#"SELECT r.claim_id, c.text, sp.name AS speaker, r.action AS "action: RetractionAction", r.reason, u.display_name AS by_name,
                  r.created_at AS "at: DateTime<Utc>"
             FROM retractions r
             JOIN claims c ON c.id = r.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = r.user_id
            WHERE c.stage = 'published'
            ORDER BY r.created_at DESC, r.id DESC LIMIT ?"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Correction {
            claim_public_id: public_id::encode(r.claim_id),
            claim_text: r.text,
            speaker_name: r.speaker,
            what: if r.action == RetractionAction::Reinstated {
                CorrectionKind::Reinstated
            } else {
                CorrectionKind::Retracted
            },
            note: r.reason,
            by: r.by_name,
            at: r.at,
        })
        .collect())
}
