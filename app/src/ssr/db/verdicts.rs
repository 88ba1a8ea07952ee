//! Published rulings over time: the feeds' entries and the rating changes of the corrections log.

use crate::model::{public_id, Attribution, Correction, CorrectionKind, RulingEvent, RulingKind, Status};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqlitePool;

/// The newest published rulings and corrections (clarifications are kept in the history, not
/// announced), optionally only those rating `status` or about one speaker's claims.
pub async fn recent(
    pool: &SqlitePool,
    status: Option<Status>,
    speaker_slug: Option<&str>,
    limit: i64,
) -> Result<Vec<RulingEvent>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.id AS "id!", r.claim_id, c.text, sp.name AS speaker, r.kind AS "kind: RulingKind",
                  r.rating AS "rating: Status", r.attribution AS "attribution: Attribution", r.verdict,
                  r.body, r.note, u.display_name AS author, r.published_at AS "at!: DateTime<Utc>"
             FROM rulings r
             JOIN claims c ON c.id = r.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = r.author_id
            WHERE r.published_at IS NOT NULL AND r.kind <> 'clarification' AND c.stage = 'published'
              AND (?1 IS NULL OR r.rating = ?1)
              AND (?2 IS NULL OR c.speaker_id = (SELECT id FROM speakers WHERE slug = ?2))
            ORDER BY r.published_at DESC, r.id DESC
            LIMIT ?3"#,
        status,
        speaker_slug,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| RulingEvent {
            id: r.id,
            claim_public_id: public_id::encode(r.claim_id),
            claim_text: r.text,
            speaker_name: r.speaker,
            kind: r.kind,
            rating: r.rating,
            attribution: r.attribution,
            verdict: r.verdict,
            body: r.body,
            note: r.note,
            author: r.author,
            at: r.at,
        })
        .collect())
}

/// Published corrections: rulings that changed a published rating or attribution, with their
/// notes. Newest first.
pub async fn corrections(pool: &SqlitePool, limit: i64) -> Result<Vec<Correction>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.claim_id, c.text, sp.name AS speaker, p.rating AS "before: Status",
                  r.rating AS "after: Status", r.verdict, r.note AS "note!", u.display_name AS author,
                  r.published_at AS "at!: DateTime<Utc>"
             FROM rulings r
             JOIN rulings p ON p.id = r.amends
             JOIN claims c ON c.id = r.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = r.author_id
            WHERE r.kind = 'correction' AND r.published_at IS NOT NULL AND c.stage = 'published'
            ORDER BY r.published_at DESC, r.id DESC
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
            what: CorrectionKind::Rating { before: r.before, after: r.after, verdict: r.verdict },
            note: r.note,
            by: r.author,
            at: r.at,
        })
        .collect())
}
