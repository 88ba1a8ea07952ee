//! The queries an import needs, on PostgreSQL (twin of `db::import`).

use super::write::WriteTx;
use crate::model::import::Mark;
use crate::model::{public_id, ClaimKind, SourceRef, Status};
use crate::ssr::db::speaker_directory::like_escaped;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::PgPool;

/// See `db::import::claims_of_speaker`.
pub async fn claims_of_speaker(
    tx: &mut WriteTx,
    speaker_id: i64,
    kind: ClaimKind,
) -> Result<Vec<(i64, String)>, AppError> {
    Ok(sqlx::query_as(
        "SELECT id, text FROM claims WHERE speaker_id = $1 AND kind = $2 AND retracted_at IS NULL ORDER BY id",
    )
    .bind(speaker_id)
    .bind(kind)
    .fetch_all(&mut **tx)
    .await?)
}

/// See `db::import::next_claim_version`.
pub async fn next_claim_version(tx: &mut WriteTx, id: i64, at: DateTime<Utc>) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "UPDATE claims SET version = version + 1, updated_at = $1 WHERE id = $2 RETURNING version",
    )
    .bind(timestamp(at))
    .bind(id)
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::import::source_by_url`.
pub async fn source_by_url(tx: &mut WriteTx, url: &str) -> Result<Option<(i64, bool, i64)>, AppError> {
    Ok(sqlx::query_as("SELECT id, body IS NOT NULL, version FROM sources WHERE url = $1")
        .bind(url)
        .fetch_optional(&mut **tx)
        .await?)
}

/// See `db::import::source_body`.
pub async fn source_body(tx: &mut WriteTx, id: i64) -> Result<Option<String>, AppError> {
    let body: Option<Option<String>> = sqlx::query_scalar("SELECT body FROM sources WHERE id = $1")
        .bind(id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(body.flatten())
}

/// See `db::import::replace_source_body`.
pub async fn replace_source_body(tx: &mut WriteTx, id: i64, body: &str) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar(
        "UPDATE sources SET body = $1, version = version + 1 WHERE id = $2 RETURNING version",
    )
    .bind(body)
    .bind(id)
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::import`: the most marks shown in one source's text.
const MARKS_MAX: i64 = 2000;

/// See `db::import::text_with_marks`.
pub async fn text_with_marks(
    pool: &PgPool,
    source_id: i64,
    with_private: bool,
) -> Result<Option<(String, Vec<Mark>)>, AppError> {
    let body: Option<Option<String>> = sqlx::query_scalar("SELECT body FROM sources WHERE id = $1")
        .bind(source_id)
        .fetch_optional(pool)
        .await?;
    let Some(body) = body.flatten() else { return Ok(None) };
    let rows: Vec<(i64, i64, i64, ClaimKind, Option<Status>)> = sqlx::query_as(
        "SELECT a.start_byte, a.end_byte, c.id, c.kind, c.status
           FROM appearances a JOIN claims c ON c.id = a.claim_id
          WHERE a.source_id = $1 AND a.start_byte IS NOT NULL AND ($2 OR c.stage = 'published')
          ORDER BY a.start_byte LIMIT $3",
    )
    .bind(source_id)
    .bind(with_private)
    .bind(MARKS_MAX)
    .fetch_all(pool)
    .await?;
    let marks = rows
        .into_iter()
        .enumerate()
        .filter_map(|(n, (start, end, id, kind, status))| {
            Some(Mark {
                start: usize::try_from(start).ok()?,
                end: usize::try_from(end).ok()?,
                public_id: public_id::encode(id),
                kind,
                status,
                number: n + 1,
            })
        })
        .collect();
    Ok(Some((body, marks)))
}

/// See `db::import::slug_taken`.
pub async fn slug_taken(tx: &mut WriteTx, slug: &str) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM speakers WHERE slug = $1)")
        .bind(slug)
        .fetch_one(&mut **tx)
        .await?)
}

/// See `db::import::speakers_named`.
pub async fn speakers_named(pool: &PgPool, name: &str) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT s.name FROM speakers s
          WHERE s.merged_into IS NULL
            AND (lower(s.name) = lower($1 COLLATE \"C\")
                 OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) = lower($1 COLLATE \"C\")))
          ORDER BY s.name LIMIT 5",
    )
    .bind(name)
    .fetch_all(pool)
    .await?)
}

/// See `db::import::speakers_with_surname`.
pub async fn speakers_with_surname(pool: &PgPool, surname: &str) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT s.name FROM speakers s
          WHERE s.merged_into IS NULL
            AND (s.name ILIKE $1 ESCAPE '\\'
                 OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias ILIKE $1 ESCAPE '\\'))
          ORDER BY s.name LIMIT 2",
    )
    .bind(format!("% {}", like_escaped(surname)))
    .fetch_all(pool)
    .await?)
}

/// See `db::import::recent_sources`.
pub async fn recent_sources(pool: &PgPool, limit: i64) -> Result<Vec<SourceRef>, AppError> {
    let rows: Vec<(i64, String, String, Option<NaiveDate>)> =
        sqlx::query_as("SELECT id, title, outlet, published_on::date FROM sources ORDER BY id DESC LIMIT $1")
            .bind(limit)
            .fetch_all(pool)
            .await?;
    Ok(rows
        .into_iter()
        .map(|(id, title, outlet, published_on)| SourceRef {
            public_id: public_id::encode(id),
            title,
            outlet,
            published_on,
        })
        .collect())
}
