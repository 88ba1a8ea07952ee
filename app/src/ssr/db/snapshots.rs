//! Versions of sources' texts (migration 0010), and re-anchoring claims when a text changes.

use super::pg;
use super::Db;
use super::WriteTx;
use crate::model::anchor::{self, Selector};
use crate::model::snapshot::{Origin, Reanchored, Snapshot};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// Where a new version of a text came from, and who kept it.
#[derive(Clone, Copy, Debug)]
pub struct Taken<'a> {
    pub origin: Origin,
    pub fetched_from: Option<&'a str>,
    pub by: i64,
    pub at: DateTime<Utc>,
}

/// Keeps `body` as the source's next version; returns its number.
pub async fn take(tx: &mut WriteTx, source_id: i64, body: &str, taken: Taken<'_>) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::snapshots::take(source_id, body, taken));
    let n: i64 = sqlx::query_scalar(
        "INSERT INTO source_snapshots (source_id, n, body, sha256, origin, fetched_from, taken_by, taken_at)
         VALUES (?1, (SELECT coalesce(max(n), 0) + 1 FROM source_snapshots WHERE source_id = ?1), ?2, ?3, ?4, ?5, ?6, ?7)
         RETURNING n",
    )
    .bind(source_id)
    .bind(body)
    .bind(crate::ssr::sha256::hex(body))
    .bind(taken.origin)
    .bind(taken.fetched_from)
    .bind(taken.by)
    .bind(taken.at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
    .fetch_one(&mut *conn)
    .await?;
    Ok(n)
}

/// Finds every claim's words of `source_id` again in its new text: each appearance with a place
/// in `old` gets its place in `new`, or, when its words are gone, no place and a note of what was
/// lost (kept until its words are back: a later version that has them again re-anchors it).
pub async fn reanchor(
    tx: &mut WriteTx,
    source_id: i64,
    old: &str,
    new: &str,
    at: DateTime<Utc>,
) -> Result<Reanchored, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::snapshots::reanchor(source_id, old, new, at));
    let placed: Vec<PlacedRow> = sqlx::query_as(
        "SELECT id, start_byte, end_byte, anchor_exact, anchor_prefix, anchor_suffix, anchor_position
           FROM appearances WHERE source_id = ? AND start_byte IS NOT NULL",
    )
    .bind(source_id)
    .fetch_all(&mut *conn)
    .await?;
    let version = newest_version(&mut *conn, source_id).await?;
    let mut done = Reanchored::default();
    for change in moves(old, new, placed) {
        match change {
            Move::Placed { id, span } => {
                set_place(&mut *conn, id, new, span, version).await?;
                done.kept += 1;
            }
            Move::Lost { id, words, passage, replacement } => {
                sqlx::query(
                    "UPDATE appearances SET start_byte = NULL, end_byte = NULL, lost_at = ?, lost_words = ?,
                            lost_passage = ?, lost_replacement = ? WHERE id = ?",
                )
                .bind(lost_at(at))
                .bind(words)
                .bind(passage)
                .bind(replacement)
                .bind(id)
                .execute(&mut *conn)
                .await?;
                done.lost += 1;
            }
        }
    }
    done.kept += found_again(&mut *conn, source_id, new, version).await?;
    Ok(done)
}

/// An appearance with a place in its source's text, and its selector when one was recorded.
#[derive(sqlx::FromRow)]
pub(super) struct PlacedRow {
    pub(super) id: i64,
    pub(super) start_byte: i64,
    pub(super) end_byte: i64,
    pub(super) anchor_exact: Option<String>,
    pub(super) anchor_prefix: Option<String>,
    pub(super) anchor_suffix: Option<String>,
    pub(super) anchor_position: Option<f64>,
}

impl PlacedRow {
    pub(super) fn span(&self) -> (usize, usize) {
        (
            usize::try_from(self.start_byte).unwrap_or(usize::MAX),
            usize::try_from(self.end_byte).unwrap_or(usize::MAX),
        )
    }

    pub(super) fn selector(&self) -> Option<Selector> {
        Some(Selector {
            exact: self.anchor_exact.clone().filter(|e| !e.is_empty())?,
            prefix: self.anchor_prefix.clone().unwrap_or_default(),
            suffix: self.anchor_suffix.clone().unwrap_or_default(),
            position: self.anchor_position.unwrap_or(0.0),
        })
    }
}

/// The number of the source's newest text version (0 when it has none).
async fn newest_version(tx: &mut SqliteConnection, source_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar("SELECT coalesce(max(n), 0) FROM source_snapshots WHERE source_id = ?")
        .bind(source_id)
        .fetch_one(&mut *tx)
        .await?)
}

/// Gives appearance `id` its place `span` in `text` (version `version` of its source's text),
/// with the selector that finds it there.
async fn set_place(
    tx: &mut SqliteConnection,
    id: i64,
    text: &str,
    span: (usize, usize),
    version: i64,
) -> Result<(), AppError> {
    let selector = Selector::of(text, span);
    sqlx::query(
        "UPDATE appearances SET start_byte = ?, end_byte = ?, lost_at = NULL, anchor_exact = ?, anchor_prefix = ?,
                anchor_suffix = ?, anchor_position = ?, anchored_in = nullif(?, 0) WHERE id = ?",
    )
    .bind(span.0 as i64)
    .bind(span.1 as i64)
    .bind(selector.as_ref().map(|s| s.exact.as_str()))
    .bind(selector.as_ref().map(|s| s.prefix.as_str()))
    .bind(selector.as_ref().map(|s| s.suffix.as_str()))
    .bind(selector.as_ref().map(|s| s.position.clamp(0.0, 1.0)))
    .bind(version)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Records where the claim's words stand in its source's current text, as the appearance of
/// `claim_id` in `source_id` has them: a selector, and the version it was taken from (nothing
/// when the appearance has no place or the source no text).
pub async fn record_place(tx: &mut WriteTx, claim_id: i64, source_id: i64) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::snapshots::record_place(claim_id, source_id));
    #[derive(sqlx::FromRow)]
    struct Row {
        id: i64,
        start_byte: Option<i64>,
        end_byte: Option<i64>,
        body: Option<String>,
    }
    let row: Option<Row> = sqlx::query_as(
        "SELECT a.id, a.start_byte, a.end_byte, s.body FROM appearances a JOIN sources s ON s.id = a.source_id
          WHERE a.claim_id = ? AND a.source_id = ?",
    )
    .bind(claim_id)
    .bind(source_id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(Row { id, start_byte: Some(start), end_byte: Some(end), body: Some(body) }) = row else {
        return Ok(());
    };
    let span = (usize::try_from(start).unwrap_or(usize::MAX), usize::try_from(end).unwrap_or(usize::MAX));
    if Selector::of(&body, span).is_some() {
        let version = newest_version(&mut *conn, source_id).await?;
        set_place(&mut *conn, id, &body, span, version).await?;
    }
    Ok(())
}

/// Claims of `source_id` whose words an earlier version lost: placed again where the new text
/// has those very words (their first occurrence).
async fn found_again(
    tx: &mut SqliteConnection,
    source_id: i64,
    new: &str,
    version: i64,
) -> Result<usize, AppError> {
    let lost: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, lost_words FROM appearances
          WHERE source_id = ? AND start_byte IS NULL AND lost_at IS NOT NULL AND lost_words IS NOT NULL",
    )
    .bind(source_id)
    .fetch_all(&mut *tx)
    .await?;
    let mut found = 0;
    for (id, words) in lost {
        let Some(start) = new.find(words.as_str()).filter(|_| !words.is_empty()) else { continue };
        set_place(tx, id, new, (start, start + words.len()), version).await?;
        found += 1;
    }
    Ok(found)
}

/// Where `new` has the lost words `(id, words)` again: `(id, start, end)` (either backend).
pub(super) fn places_again(new: &str, lost: Vec<(i64, String)>) -> Vec<(i64, i64, i64)> {
    lost.into_iter()
        .filter_map(|(id, words)| {
            let start = new.find(words.as_str()).filter(|_| !words.is_empty())?;
            Some((id, start as i64, (start + words.len()) as i64))
        })
        .collect()
}

/// At most the 2,000 characters the schema keeps.
fn clip(text: &str) -> String {
    text.chars().take(2000).collect()
}

/// Every source whose newest text was fetched, with the address it was fetched from.
pub async fn fetched_sources(db: &Db) -> Result<Vec<(i64, String)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::snapshots::fetched_sources());
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT s.source_id, s.fetched_from FROM source_snapshots s
          WHERE s.origin = 'fetched' AND s.fetched_from IS NOT NULL
            AND s.n = (SELECT max(n) FROM source_snapshots WHERE source_id = s.source_id)
          ORDER BY s.source_id",
    )
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// Where to fetch source `id` from: the address its newest fetched text came from, or its own.
pub async fn address_of(db: &Db, id: i64) -> Result<Option<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::snapshots::address_of(id));
    let address: Option<String> = sqlx::query_scalar(
        "SELECT coalesce((SELECT fetched_from FROM source_snapshots
                           WHERE source_id = s.id AND fetched_from IS NOT NULL ORDER BY n DESC LIMIT 1), s.url)
           FROM sources s WHERE s.id = ?",
    )
    .bind(id)
    .fetch_optional(pool)
    .await?;
    Ok(address)
}

#[derive(sqlx::FromRow)]
pub(super) struct Row {
    pub(super) n: i64,
    pub(super) origin: Origin,
    pub(super) fetched_from: Option<String>,
    pub(super) taken_by: Option<String>,
    pub(super) taken_at: DateTime<Utc>,
    pub(super) sha256: Option<String>,
    pub(super) chars: i64,
    /// Only for a text kept before versions existed, which has no stored hash.
    pub(super) unhashed_body: Option<String>,
}

/// Every version of a source's text, newest first, without the texts (SQLite counts their
/// characters; only a text older than versions is read, to hash it).
pub async fn history(db: &Db, source_id: i64) -> Result<Vec<Snapshot>, AppError> {
    let pool = sqlite_or_pg!(db, pg::snapshots::history(source_id));
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.n, s.origin, s.fetched_from, u.display_name AS taken_by, s.taken_at, s.sha256,
                length(s.body) AS chars, CASE WHEN s.sha256 IS NULL THEN s.body END AS unhashed_body
           FROM source_snapshots s LEFT JOIN users u ON u.id = s.taken_by
          WHERE s.source_id = ? ORDER BY s.n DESC LIMIT 100",
    )
    .bind(source_id)
    .fetch_all(pool)
    .await?;
    Ok(snapshots(rows))
}

/// A text's versions as the history lists them (either backend).
pub(super) fn snapshots(rows: Vec<Row>) -> Vec<Snapshot> {
    rows.into_iter()
        .map(|r| Snapshot {
            n: r.n,
            origin: r.origin,
            fetched_from: r.fetched_from,
            taken_by: r.taken_by,
            taken_at: r.taken_at,
            chars: r.chars,
            // Texts kept before versions existed were not hashed then.
            sha256: r
                .sha256
                .or_else(|| r.unhashed_body.map(|b| crate::ssr::sha256::hex(&b)))
                .unwrap_or_default(),
        })
        .collect()
}

/// What becomes of one placed appearance when its source's text changes (either backend).
pub(super) enum Move {
    /// Its words are in the new text, here.
    Placed { id: i64, span: (usize, usize) },
    /// Its words are gone: what they were, the passage around them, what stands there now.
    Lost { id: i64, words: String, passage: String, replacement: String },
}

/// The moves of the placed appearances from `old` to `new`: each is found from the selector
/// recorded with it, or, for one placed before selectors were kept, the one its place in the old
/// text gives.
pub(super) fn moves(old: &str, new: &str, placed: Vec<PlacedRow>) -> Vec<Move> {
    placed
        .into_iter()
        .filter_map(|row| {
            let selector = row.selector().or_else(|| Selector::of(old, row.span()))?;
            Some(match selector.find_in(new) {
                Some(span) => Move::Placed { id: row.id, span },
                None => Move::Lost {
                    id: row.id,
                    passage: clip(&selector.passage()),
                    replacement: clip(&anchor::near(
                        new,
                        selector.position,
                        2 * anchor::CONTEXT_CHARS + selector.exact.chars().count().min(200),
                    )),
                    words: selector.exact,
                },
            })
        })
        .collect()
}

/// When a claim's words were noticed lost, as stored.
pub(super) fn lost_at(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
