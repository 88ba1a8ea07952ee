//! The queries an import needs: a speaker's claims to find duplicates, linking an existing claim,
//! keeping a source's text, and the marks that show claims where they stand in it.

use super::pg;
use super::timestamp;
use super::Db;
use super::WriteTx;
use crate::model::import::Mark;
use crate::model::{public_id, ClaimKind, Status};
use crate::AppError;
use chrono::{DateTime, Utc};

/// `(id, text)` of a speaker's claims of one kind, to match an imported candidate against.
pub async fn claims_of_speaker(
    tx: &mut WriteTx,
    speaker_id: i64,
    kind: ClaimKind,
) -> Result<Vec<(i64, String)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::claims_of_speaker(speaker_id, kind));
    let kind = kind.as_str();
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", text FROM claims WHERE speaker_id = ? AND kind = ? AND retracted_at IS NULL"#,
        speaker_id,
        kind
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.text)).collect())
}

/// Bumps a claim's version for an edit that is not a field change (a new appearance); returns
/// the new version, for its revision.
pub async fn next_claim_version(tx: &mut WriteTx, id: i64, at: DateTime<Utc>) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::next_claim_version(id, at));
    let at = timestamp(at);
    Ok(sqlx::query_scalar!(
        r#"UPDATE claims SET version = version + 1, updated_at = ? WHERE id = ? RETURNING version AS "v!: i64""#,
        at,
        id
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// A source by URL: `(id, has a text, version)`.
pub async fn source_by_url(tx: &mut WriteTx, url: &str) -> Result<Option<(i64, bool, i64)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::source_by_url(url));
    let row = sqlx::query!(
        r#"SELECT id AS "id!", body IS NOT NULL AS "has_body!: bool", version AS "version!: i64" FROM sources WHERE url = ?"#,
        url
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (r.id, r.has_body, r.version)))
}

/// A source's current text, if it has one.
pub async fn source_body(tx: &mut WriteTx, id: i64) -> Result<Option<String>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::source_body(id));
    let body: Option<Option<String>> = sqlx::query_scalar("SELECT body FROM sources WHERE id = ?")
        .bind(id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(body.flatten())
}

/// Replaces a source's text with a newer version of it; returns the source's new version.
pub async fn replace_source_body(tx: &mut WriteTx, id: i64, body: &str) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::replace_source_body(id, body));
    let version: i64 = sqlx::query_scalar(
        "UPDATE sources SET body = ?, version = version + 1 WHERE id = ? RETURNING version",
    )
    .bind(body)
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    Ok(version)
}

/// The most marks shown in one source's text.
const MARKS_MAX: i64 = 2000;

/// A source's text and where its claims stand in it, in the order they appear: published claims
/// only, unless `with_private` (an editor's view).
pub async fn text_with_marks(
    db: &Db,
    source_id: i64,
    with_private: bool,
) -> Result<Option<(String, Vec<Mark>)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::import::text_with_marks(source_id, with_private));
    let Some(body) = sqlx::query_scalar!("SELECT body FROM sources WHERE id = ?", source_id)
        .fetch_optional(pool)
        .await?
        .flatten()
    else {
        return Ok(None);
    };
    let rows = sqlx::query!(
        r#"SELECT a.start_byte AS "start!: i64", a.end_byte AS "end!: i64", c.id AS "id!",
                  c.kind AS "kind: ClaimKind", c.status AS "status: Status"
             FROM appearances a JOIN claims c ON c.id = a.claim_id
            WHERE a.source_id = ?1 AND a.start_byte IS NOT NULL AND (?2 OR c.stage = 'published')
            ORDER BY a.start_byte LIMIT ?3"#,
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
                start: usize::try_from(r.start).ok()?,
                end: usize::try_from(r.end).ok()?,
                public_id: public_id::encode(r.id),
                kind: r.kind,
                status: r.status,
                number: n + 1,
            })
        })
        .collect();
    Ok(Some((body, marks)))
}

/// Whether any speaker (merged ones included) has this address.
pub async fn slug_taken(tx: &mut WriteTx, slug: &str) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::import::slug_taken(slug));
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM speakers WHERE slug = ?) AS "taken!: bool""#,
        slug
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// The names of the speakers (not merged ones) whose name or alias is `name`, ignoring case.
pub async fn speakers_named(db: &Db, name: &str) -> Result<Vec<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::import::speakers_named(name));
    Ok(sqlx::query_scalar!(
        r#"SELECT DISTINCT s.name FROM speakers s
            WHERE s.merged_into IS NULL
              AND (s.name = ?1 COLLATE NOCASE
                   OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 COLLATE NOCASE))
            LIMIT 5"#,
        name
    )
    .fetch_all(pool)
    .await?)
}

/// The names of the speakers (not merged ones) whose name or an alias ends with the word
/// `surname` ("Putin" → "Vladimir Putin"), ignoring case: at most 2, enough to tell one from many.
/// A scan of the speakers (LIKE with a leading wildcard has no index): ~2 ms at 20,000 speakers,
/// run only for single-word names the exact lookup did not find.
pub async fn speakers_with_surname(db: &Db, surname: &str) -> Result<Vec<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::import::speakers_with_surname(surname));
    let pattern = format!("% {}", super::speaker_directory::like_escaped(surname));
    let names: Vec<String> = sqlx::query_scalar(
        r#"SELECT DISTINCT s.name FROM speakers s
            WHERE s.merged_into IS NULL
              AND (s.name LIKE ?1 ESCAPE '\'
                   OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\'))
            LIMIT 2"#,
    )
    .bind(pattern)
    .fetch_all(pool)
    .await?;
    Ok(names)
}

/// The `limit` newest sources, newest first.
pub async fn recent_sources(db: &Db, limit: i64) -> Result<Vec<crate::model::SourceRef>, AppError> {
    let pool = sqlite_or_pg!(db, pg::import::recent_sources(limit));
    let rows = sqlx::query!(
        r#"SELECT id AS "id!", title, outlet, published_on AS "published_on: chrono::NaiveDate"
             FROM sources ORDER BY id DESC LIMIT ?"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::model::SourceRef {
            public_id: public_id::encode(r.id),
            title: r.title,
            outlet: r.outlet,
            published_on: r.published_on,
        })
        .collect())
}
