//! The queries an import needs, on PostgreSQL (twin of `db::import`).

use super::write::WriteTx;
use crate::model::import::Mark;
use crate::model::{public_id, ClaimKind, SourceRef, Status};
use crate::ssr::db::speaker_directory::like_escaped;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::import::claims_of_speaker`.
pub async fn claims_of_speaker(
    tx: &mut WriteTx,
    speaker_id: i64,
    kind: ClaimKind,
) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sqlx::query!(
        "SELECT id, text FROM claims WHERE speaker_id = $1 AND kind = $2 AND retracted_at IS NULL ORDER BY id",
        speaker_id,
        kind.as_str()
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.text)).collect())
}

/// See `db::import::next_claim_version`.
pub async fn next_claim_version(tx: &mut WriteTx, id: i64, at: DateTime<Utc>) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "UPDATE claims SET version = version + 1, updated_at = $1 WHERE id = $2 RETURNING version",
        timestamp(at),
        id
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::import::source_by_url`.
pub async fn source_by_url(tx: &mut WriteTx, url: &str) -> Result<Option<(i64, bool, i64)>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, body IS NOT NULL AS "has_body!", version FROM sources WHERE url = $1"#,
        url
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(row.map(|r| (r.id, r.has_body, r.version)))
}

/// See `db::import::source_body`.
pub async fn source_body(tx: &mut WriteTx, id: i64) -> Result<Option<String>, AppError> {
    let body: Option<Option<String>> =
        sqlx::query_scalar!("SELECT body FROM sources WHERE id = $1", id).fetch_optional(&mut **tx).await?;
    Ok(body.flatten())
}

/// See `db::import::replace_source_body`.
pub async fn replace_source_body(tx: &mut WriteTx, id: i64, body: &str) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        "UPDATE sources SET body = $1, version = version + 1 WHERE id = $2 RETURNING version",
        body,
        id
    )
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
    let body: Option<Option<String>> =
        sqlx::query_scalar!("SELECT body FROM sources WHERE id = $1", source_id).fetch_optional(pool).await?;
    let Some(body) = body.flatten() else { return Ok(None) };
    let rows = sqlx::query!(
        r#"SELECT a.start_byte AS "start_byte!", a.end_byte AS "end_byte!", c.id, c.kind AS "kind: ClaimKind",
                  c.status AS "status: Status"
             FROM appearances a JOIN claims c ON c.id = a.claim_id
            WHERE a.source_id = $1 AND a.start_byte IS NOT NULL AND ($2 OR c.stage = 'published')
            ORDER BY a.start_byte LIMIT $3"#,
        source_id,
        with_private,
        MARKS_MAX
    )
    .fetch_all(pool)
    .await?;
    let marks = rows
        .into_iter()
        .enumerate()
        .filter_map(|(n, r)| {
            Some(Mark {
                start: usize::try_from(r.start_byte).ok()?,
                end: usize::try_from(r.end_byte).ok()?,
                public_id: public_id::encode(r.id),
                kind: r.kind,
                status: r.status,
                number: n + 1,
            })
        })
        .collect();
    Ok(Some((body, marks)))
}

/// See `db::import::slug_taken`.
pub async fn slug_taken(tx: &mut WriteTx, slug: &str) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM speakers WHERE slug = $1) AS "v!""#, slug)
        .fetch_one(&mut **tx)
        .await?)
}

/// See `db::import::speakers_named`.
pub async fn speakers_named(pool: &PgPool, name: &str) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar!("SELECT DISTINCT s.name FROM speakers s
          WHERE s.merged_into IS NULL
            AND (lower(s.name) = lower($1 COLLATE \"C\")
                 OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) = lower($1 COLLATE \"C\")))
          ORDER BY s.name LIMIT 5", name)
    .fetch_all(pool)
    .await?)
}

/// See `db::import::speakers_with_surname`.
pub async fn speakers_with_surname(pool: &PgPool, surname: &str) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT DISTINCT s.name FROM speakers s
          WHERE s.merged_into IS NULL
            AND (s.name ILIKE $1 ESCAPE '\\'
                 OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias ILIKE $1 ESCAPE '\\'))
          ORDER BY s.name LIMIT 2",
        format!("% {}", like_escaped(surname))
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::import::recent_sources`.
pub async fn recent_sources(pool: &PgPool, limit: i64) -> Result<Vec<SourceRef>, AppError> {
    let rows = sqlx::query!(
        "SELECT id, title, outlet, published_on::date FROM sources ORDER BY id DESC LIMIT $1",
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| SourceRef {
            public_id: public_id::encode(r.id),
            title: r.title,
            outlet: r.outlet,
            published_on: r.published_on,
        })
        .collect())
}
