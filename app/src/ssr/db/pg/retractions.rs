//! Retractions and their reversals on PostgreSQL (twin of `db::retractions`).

use super::write::WriteTx;
use crate::model::desk::RetractionAction;
use crate::model::{public_id, Correction, CorrectionKind, RetractionEvent};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::retractions::set`.
pub async fn set(
    tx: &mut WriteTx,
    claim_id: i64,
    reinstate: bool,
    reason: &str,
    user_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let at = timestamp(at);
    let done = if reinstate {
        sqlx::query!(
            "UPDATE claims SET retracted_at = NULL, retraction_reason = NULL, updated_at = $1
              WHERE id = $2 AND retracted_at IS NOT NULL",
            &at,
            claim_id
        )
        .execute(&mut **tx)
        .await?
    } else {
        sqlx::query!(
            "UPDATE claims SET retracted_at = $1, retraction_reason = $2, updated_at = $1
              WHERE id = $3 AND retracted_at IS NULL AND stage = 'published'",
            &at,
            reason,
            claim_id
        )
        .execute(&mut **tx)
        .await?
    };
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    let action = if reinstate { RetractionAction::Reinstated } else { RetractionAction::Retracted };
    sqlx::query!(
        "INSERT INTO retractions (claim_id, action, reason, user_id, created_at) VALUES ($1, $2, $3, $4, $5)",
        claim_id,
        action as _,
        reason,
        user_id,
        &at
    )
    .execute(&mut **tx)
    .await?;
    Ok(true)
}

/// See `db::retractions::for_claim`.
pub async fn for_claim(pool: &PgPool, claim_id: i64) -> Result<Vec<RetractionEvent>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.action AS "action: RetractionAction", r.reason, u.display_name,
                  r.created_at::timestamptz AS "created_at!"
             FROM retractions r JOIN users u ON u.id = r.user_id
            WHERE r.claim_id = $1 ORDER BY r.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RetractionEvent {
            reinstated: r.action == RetractionAction::Reinstated,
            reason: r.reason,
            by: r.display_name,
            at: r.created_at,
        })
        .collect())
}

/// claim id, text, speaker, action, reason, by, at.
type CorrectionRow = (i64, String, String, RetractionAction, String, String, DateTime<Utc>);

/// See `db::retractions::recent`.
pub async fn recent(pool: &PgPool, limit: i64) -> Result<Vec<Correction>, AppError> {
    let rows: Vec<CorrectionRow> = sqlx::query!(
        r#"SELECT r.claim_id, c.text, sp.name, r.action AS "action: RetractionAction", r.reason, u.display_name,
                  r.created_at::timestamptz AS "created_at!"
             FROM retractions r
             JOIN claims c ON c.id = r.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = r.user_id
            WHERE c.stage = 'published'
            ORDER BY r.created_at DESC, r.id DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.claim_id, r.text, r.name, r.action, r.reason, r.display_name, r.created_at))
    .collect::<Vec<_>>();
    Ok(rows
        .into_iter()
        .map(|(claim_id, claim_text, speaker_name, action, note, by, at)| Correction {
            claim_public_id: public_id::encode(claim_id),
            claim_text,
            speaker_name,
            what: if action == RetractionAction::Reinstated {
                CorrectionKind::Reinstated
            } else {
                CorrectionKind::Retracted
            },
            note,
            by,
            at,
        })
        .collect())
}
