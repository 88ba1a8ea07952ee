//! Versions of sources' texts on PostgreSQL (twin of `db::snapshots`). What a changed text does
//! to the claims placed in it is decided once for both backends (`snapshots::moves`,
//! `places_again`); this file only reads and writes.

use super::write::WriteTx;
use crate::model::anchor::Selector;
use crate::model::snapshot::{Origin, Reanchored, Snapshot};
use crate::ssr::db::snapshots::{lost_at, moves, places_again, snapshots, Move, PlacedRow, Row, Taken};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::snapshots::take` (the writer lock makes the next number this write's alone).
pub async fn take(tx: &mut WriteTx, source_id: i64, body: &str, taken: Taken<'_>) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!("INSERT INTO source_snapshots (source_id, n, body, sha256, origin, fetched_from, taken_by, taken_at)
         VALUES ($1, (SELECT coalesce(max(n), 0) + 1 FROM source_snapshots WHERE source_id = $1), $2, $3, $4, $5, $6, $7)
         RETURNING n", source_id, body, crate::ssr::sha256::hex(body), taken.origin as _, taken.fetched_from, taken.by, taken.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::snapshots::reanchor` (the decision is shared: `snapshots::moves`).
pub async fn reanchor(
    tx: &mut WriteTx,
    source_id: i64,
    old: &str,
    new: &str,
    at: DateTime<Utc>,
) -> Result<Reanchored, AppError> {
    let placed: Vec<PlacedRow> = sqlx::query_as!(
        PlacedRow,
        r#"SELECT id, start_byte AS "start_byte!", end_byte AS "end_byte!", anchor_exact, anchor_prefix, anchor_suffix,
                  anchor_position
             FROM appearances WHERE source_id = $1 AND start_byte IS NOT NULL ORDER BY id"#,
        source_id
    )
    .fetch_all(&mut **tx)
    .await?;
    let version = newest_version(tx, source_id).await?;
    let mut done = Reanchored::default();
    for change in moves(old, new, placed) {
        match change {
            Move::Placed { id, span } => {
                set_place(tx, id, new, span, version).await?;
                done.kept += 1;
            }
            Move::Lost { id, words, passage, replacement } => {
                sqlx::query!("UPDATE appearances SET start_byte = NULL, end_byte = NULL, lost_at = $1, lost_words = $2,
                            lost_passage = $3, lost_replacement = $4 WHERE id = $5", lost_at(at), words, passage, replacement, id)
                .execute(&mut **tx)
                .await?;
                done.lost += 1;
            }
        }
    }
    let lost: Vec<(i64, String)> = sqlx::query!(
        r#"SELECT id, lost_words AS "lost_words!" FROM appearances
            WHERE source_id = $1 AND start_byte IS NULL AND lost_at IS NOT NULL AND lost_words IS NOT NULL ORDER BY id"#,
        source_id
    )
    .fetch_all(&mut **tx)
    .await?
    .into_iter()
    .map(|r| (r.id, r.lost_words))
    .collect();
    for (id, start, end) in places_again(new, lost) {
        set_place(tx, id, new, (start as usize, end as usize), version).await?;
        done.kept += 1;
    }
    Ok(done)
}

/// An appearance's id and place, and its source's text.
type PlaceRow = (i64, Option<i64>, Option<i64>, Option<String>);

/// See `db::snapshots::record_place`.
pub async fn record_place(tx: &mut WriteTx, claim_id: i64, source_id: i64) -> Result<(), AppError> {
    let row: Option<PlaceRow> = sqlx::query!(
        "SELECT a.id, a.start_byte, a.end_byte, s.body FROM appearances a JOIN sources s ON s.id = a.source_id
          WHERE a.claim_id = $1 AND a.source_id = $2",
        claim_id,
        source_id
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| (r.id, r.start_byte, r.end_byte, r.body));
    let Some((id, Some(start), Some(end), Some(body))) = row else { return Ok(()) };
    let span = (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(usize::MAX));
    if Selector::of(&body, span).is_some() {
        let version = newest_version(tx, source_id).await?;
        set_place(tx, id, &body, span, version).await?;
    }
    Ok(())
}

/// The number of the source's newest text version (0 when it has none).
async fn newest_version(tx: &mut WriteTx, source_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT coalesce(max(n), 0)::bigint AS "v!" FROM source_snapshots WHERE source_id = $1"#,
        source_id
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::snapshots`' `set_place`.
async fn set_place(
    tx: &mut WriteTx,
    id: i64,
    text: &str,
    span: (usize, usize),
    version: i64,
) -> Result<(), AppError> {
    let selector = Selector::of(text, span);
    sqlx::query!("UPDATE appearances SET start_byte = $1, end_byte = $2, lost_at = NULL, anchor_exact = $3, anchor_prefix = $4,
                anchor_suffix = $5, anchor_position = $6, anchored_in = nullif($7::bigint, 0) WHERE id = $8", span.0 as i64, span.1 as i64, selector.as_ref().map(|s| s.exact.as_str()), selector.as_ref().map(|s| s.prefix.as_str()), selector.as_ref().map(|s| s.suffix.as_str()), selector.as_ref().map(|s| s.position.clamp(0.0, 1.0)), version, id)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::snapshots::fetched_sources`.
pub async fn fetched_sources(pool: &PgPool) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT s.source_id, s.fetched_from AS "fetched_from!" FROM source_snapshots s
            WHERE s.origin = 'fetched' AND s.fetched_from IS NOT NULL
              AND s.n = (SELECT max(n) FROM source_snapshots WHERE source_id = s.source_id)
            ORDER BY s.source_id"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.source_id, r.fetched_from)).collect())
}

/// See `db::snapshots::address_of`.
pub async fn address_of(pool: &PgPool, id: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT coalesce((SELECT fetched_from FROM source_snapshots
                             WHERE source_id = s.id AND fetched_from IS NOT NULL ORDER BY n DESC LIMIT 1), s.url) AS "address!"
             FROM sources s WHERE s.id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?)
}

/// See `db::snapshots::history`.
pub async fn history(pool: &PgPool, source_id: i64) -> Result<Vec<Snapshot>, AppError> {
    let rows: Vec<Row> = sqlx::query_as!(
        Row,
        r#"SELECT s.n, s.origin AS "origin: Origin", s.fetched_from, u.display_name AS "taken_by?",
                  s.taken_at::timestamptz AS "taken_at!", s.sha256, length(s.body)::bigint AS "chars!",
                  CASE WHEN s.sha256 IS NULL THEN s.body END AS unhashed_body
             FROM source_snapshots s LEFT JOIN users u ON u.id = s.taken_by
            WHERE s.source_id = $1 ORDER BY s.n DESC LIMIT 100"#,
        source_id
    )
    .fetch_all(pool)
    .await?;
    Ok(snapshots(rows))
}
