//! Published rulings over time: the feeds' entries and the rating changes of the corrections log.

use super::pg;
use super::Db;
use crate::model::{public_id, Attribution, Correction, CorrectionKind, RulingEvent, RulingKind, Status};
use crate::AppError;
use chrono::{DateTime, Utc};

/// The newest published rulings and corrections (clarifications are kept in the history, not
/// announced), optionally only those rating `status` or about one speaker's claims.
///
/// Each case has its own plan, forced, because SQLite's planner otherwise starts from the
/// published claims and sorts all their rulings (40 s at a million claims): the site feed walks
/// `rulings_by_publication` newest first and stops at `limit`; a speaker's feed starts from that
/// speaker's published claims (`claims_by_speaker`), which a rare speaker would otherwise have
/// the whole history scanned for.
pub async fn recent(
    db: &Db,
    status: Option<Status>,
    speaker_slug: Option<&str>,
    limit: i64,
) -> Result<Vec<RulingEvent>, AppError> {
    let pool = sqlite_or_pg!(db, pg::verdicts::recent(status, speaker_slug, limit));
    let sql = match speaker_slug {
        None => format!(
            "SELECT {EVENT_COLUMNS}
               FROM rulings r INDEXED BY rulings_by_publication
              CROSS JOIN claims c ON c.id = r.claim_id
               JOIN speakers sp ON sp.id = c.speaker_id
               JOIN users u ON u.id = r.author_id
              WHERE {PUBLISHED_EVENT}
              ORDER BY r.published_at DESC, r.id DESC
              LIMIT ?2"
        ),
        Some(_) => format!(
            "SELECT {EVENT_COLUMNS}
               FROM speakers sp
              CROSS JOIN claims c INDEXED BY claims_by_speaker ON c.speaker_id = sp.id
              CROSS JOIN rulings r ON r.claim_id = c.id
               JOIN users u ON u.id = r.author_id
              WHERE sp.slug = ?3 AND c.list_seq IS NOT NULL AND {PUBLISHED_EVENT}
              ORDER BY r.published_at DESC, r.id DESC
              LIMIT ?2"
        ),
    };
    let rows: Vec<EventRow> =
        sqlx::query_as(&sql).bind(status).bind(limit).bind(speaker_slug).fetch_all(pool).await?;
    Ok(rows.into_iter().map(EventRow::into_event).collect())
}

/// The columns of a feed entry, in `EventRow`'s order.
const EVENT_COLUMNS: &str = "r.id, r.claim_id, c.text, sp.name AS speaker, r.kind, r.rating, \
    r.attribution, r.verdict, r.body, r.note, u.display_name AS author, r.published_at";

/// A ruling announced in the feeds: published, not a clarification, on a published claim, and
/// rating `?1` when that is given.
const PUBLISHED_EVENT: &str = "r.published_at IS NOT NULL AND r.kind <> 'clarification' \
    AND c.stage = 'published' AND (?1 IS NULL OR r.rating = ?1)";

#[derive(sqlx::FromRow)]
pub(super) struct EventRow {
    pub(super) id: i64,
    pub(super) claim_id: i64,
    pub(super) text: String,
    pub(super) speaker: String,
    pub(super) kind: RulingKind,
    pub(super) rating: Status,
    pub(super) attribution: Option<Attribution>,
    pub(super) verdict: String,
    pub(super) body: String,
    pub(super) note: Option<String>,
    pub(super) author: String,
    pub(super) published_at: DateTime<Utc>,
}

impl EventRow {
    pub(super) fn into_event(self) -> RulingEvent {
        RulingEvent {
            id: self.id,
            claim_public_id: public_id::encode(self.claim_id),
            claim_text: self.text,
            speaker_name: self.speaker,
            kind: self.kind,
            rating: self.rating,
            attribution: self.attribution,
            verdict: self.verdict,
            body: self.body,
            note: self.note,
            author: self.author,
            at: self.published_at,
        }
    }
}

/// Published corrections: rulings that changed a published rating or attribution, with their
/// notes. Newest first.
pub async fn corrections(db: &Db, limit: i64) -> Result<Vec<Correction>, AppError> {
    let pool = sqlite_or_pg!(db, pg::verdicts::corrections(limit));
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
