//! Published rulings over time on PostgreSQL (twin of `db::verdicts`): the feeds' entries and the
//! rating changes of the corrections log. SQLite needs its plans forced (INDEXED BY); PostgreSQL's
//! planner picks `rulings_by_publication` or the speaker's claims on its own.

use crate::model::{public_id, Attribution, Correction, CorrectionKind, RulingEvent, RulingKind, Status};
use crate::ssr::db::verdicts::EventRow;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::verdicts::recent`.
pub async fn recent(
    pool: &PgPool,
    status: Option<Status>,
    speaker_slug: Option<&str>,
    limit: i64,
) -> Result<Vec<RulingEvent>, AppError> {
    let rows: Vec<EventRow> = sqlx::query_as!(
        EventRow,
        r#"SELECT r.id, r.claim_id, c.text, sp.name AS speaker, r.kind AS "kind: RulingKind",
                r.rating AS "rating: Status", r.attribution AS "attribution: Attribution", r.verdict, r.body,
                r.note, u.display_name AS author, r.published_at::timestamptz AS "published_at!"
           FROM rulings r
           JOIN claims c ON c.id = r.claim_id
           JOIN speakers sp ON sp.id = c.speaker_id
           JOIN users u ON u.id = r.author_id
          WHERE r.published_at IS NOT NULL AND r.kind <> 'clarification' AND c.stage = 'published'
            AND ($1::text IS NULL OR r.rating = $1)
            AND ($3::text IS NULL OR (sp.slug = $3 AND c.list_seq IS NOT NULL))
          ORDER BY r.published_at DESC, r.id DESC
          LIMIT $2"#,
        status as _,
        limit,
        speaker_slug
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(EventRow::into_event).collect())
}

/// claim id, text, speaker, before, after, verdict, note, author, at.
type CorrectionRow = (i64, String, String, Status, Status, String, String, String, DateTime<Utc>);

/// See `db::verdicts::corrections`.
pub async fn corrections(pool: &PgPool, limit: i64) -> Result<Vec<Correction>, AppError> {
    let rows: Vec<CorrectionRow> = sqlx::query!(
        r#"SELECT r.claim_id, c.text, sp.name, p.rating AS "before: Status", r.rating AS "after: Status", r.verdict,
                  r.note AS "note!", u.display_name, r.published_at::timestamptz AS "at!"
             FROM rulings r
             JOIN rulings p ON p.id = r.amends
             JOIN claims c ON c.id = r.claim_id
             JOIN speakers sp ON sp.id = c.speaker_id
             JOIN users u ON u.id = r.author_id
            WHERE r.kind = 'correction' AND r.published_at IS NOT NULL AND c.stage = 'published'
            ORDER BY r.published_at DESC, r.id DESC
            LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?
    .into_iter()
    .map(|r| (r.claim_id, r.text, r.name, r.before, r.after, r.verdict, r.note, r.display_name, r.at))
    .collect::<Vec<_>>();
    Ok(rows
        .into_iter()
        .map(|(claim_id, claim_text, speaker_name, before, after, verdict, note, by, at)| Correction {
            claim_public_id: public_id::encode(claim_id),
            claim_text,
            speaker_name,
            what: CorrectionKind::Rating { before, after, verdict },
            note,
            by,
            at,
        })
        .collect())
}
