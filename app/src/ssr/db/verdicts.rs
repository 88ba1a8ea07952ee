//! Verdicts over time: the feeds' entries and the corrections log.

use crate::model::{public_id, Correction, Status, VerdictEvent};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// The newest verifications, optionally only those setting `status` or about one speaker's claims.
pub async fn recent(
    pool: &SqlitePool,
    status: Option<Status>,
    speaker_slug: Option<&str>,
    limit: i64,
) -> Result<Vec<VerdictEvent>, AppError> {
    let status = status.map(Status::as_str);
    let rows = sqlx::query!(
        r#"SELECT v.id AS "id!", v.claim_id, c.text, sp.name AS speaker, v.status, v.verdict, v.rationale,
                  u.display_name AS editor, v.created_at AS "at: DateTime<Utc>"
             FROM verifications v
             JOIN claims c ON c.id = v.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = v.editor_id
            WHERE (?1 IS NULL OR v.status = ?1)
              AND (?2 IS NULL OR c.speaker_id = (SELECT id FROM speakers WHERE slug = ?2))
            ORDER BY v.created_at DESC, v.id DESC
            LIMIT ?3"#,
        status,
        speaker_slug,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| VerdictEvent {
            id: r.id,
            claim_public_id: public_id::encode(r.claim_id),
            claim_text: r.text,
            speaker_name: r.speaker,
            status: Status::parse(&r.status).unwrap_or(Status::Unverified),
            verdict: r.verdict,
            rationale: r.rationale,
            editor: r.editor,
            at: r.at,
        })
        .collect())
}

/// Verdicts changed after they were published: verifications that replaced a rated status
/// (true, mostly true, misleading, false) with a different one. Newest first.
pub async fn corrections(pool: &SqlitePool, limit: i64) -> Result<Vec<Correction>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT v.claim_id, c.text, sp.name AS speaker, p.status AS before, v.status AS after, v.verdict,
                  u.display_name AS editor, v.created_at AS "at: DateTime<Utc>"
             FROM verifications v
             JOIN verifications p
               ON p.id = (SELECT max(id) FROM verifications WHERE claim_id = v.claim_id AND id < v.id)
             JOIN claims c ON c.id = v.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = v.editor_id
            WHERE p.status IN ('true', 'mostly_true', 'misleading', 'false') AND p.status <> v.status
            ORDER BY v.id DESC
            LIMIT ?"#,
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
            before: Status::parse(&r.before).unwrap_or(Status::Unverified),
            after: Status::parse(&r.after).unwrap_or(Status::Unverified),
            verdict: r.verdict,
            editor: r.editor,
            at: r.at,
        })
        .collect())
}
