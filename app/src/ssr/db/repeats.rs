//! The queries of the repeats matcher (`ssr::repeats`): which claims share a word with a new
//! one, which state the same figure, which wait in intake; and attaching a repetition.

use super::pg;
use super::Db;
use super::{timestamp, WriteTx};
use crate::model::{Change, Qualifier};
use crate::model::{ClaimKind, Quantity};
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::{QueryBuilder, Sqlite};

/// A claim as the matcher scores it: its id and what it says.
#[derive(sqlx::FromRow)]
pub struct KnownRow {
    pub id: i64,
    pub kind: ClaimKind,
    pub text: String,
    pub said_on: NaiveDate,
    pub(super) quantity_value: Option<f64>,
    pub(super) quantity_unit: Option<String>,
    pub(super) quantity_of: Option<f64>,
    pub(super) quantity_change: Option<Change>,
    pub(super) quantity_qualifier: Option<Qualifier>,
}

impl KnownRow {
    pub fn quantity(&self) -> Option<Quantity> {
        Some(Quantity {
            value: self.quantity_value?,
            unit: self.quantity_unit.clone()?,
            of: self.quantity_of,
            change: self.quantity_change,
            qualifier: self.quantity_qualifier,
        })
    }
}

const KNOWN_COLUMNS: &str =
    "SELECT c.id, c.kind, c.text, c.said_on, c.quantity_value, c.quantity_unit, c.quantity_of, \
     c.quantity_change, c.quantity_qualifier FROM claims c";

/// How many claims are published: the archive a word's rarity is measured against.
pub async fn archive_size(db: &Db) -> Result<usize, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::archive_size());
    let n: i64 = sqlx::query_scalar("SELECT coalesce(max(list_seq), 0) FROM claims").fetch_one(pool).await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// For each word (given as the forms the index may hold it in), the list keys of the published
/// claims whose text has it — at most `cap` of them, so a common word costs no more than a rare
/// one: `cap` or more means "common", and such a word is not used to find candidates.
pub async fn claims_with_words(
    db: &Db,
    words: &[Vec<String>],
    cap: usize,
) -> Result<Vec<Vec<i64>>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::claims_with_words(words, cap));
    let mut connection = pool.acquire().await?;
    let mut found = Vec::with_capacity(words.len());
    for forms in words {
        let expression = format!("text : ({})", any_form(forms));
        let keys: Vec<i64> =
            sqlx::query_scalar("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?")
                .bind(expression)
                .bind(cap as i64)
                .fetch_all(&mut *connection)
                .await?;
        found.push(keys);
    }
    Ok(found)
}

/// The list keys of published claims whose text has every one of the words (each given as its
/// forms), at most `limit`: a claim said again in the same or fewer words is found this way even
/// when each of its words is common.
pub async fn claims_with_all_words(db: &Db, words: &[Vec<String>], limit: i64) -> Result<Vec<i64>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::claims_with_all_words(words, limit));
    if words.is_empty() {
        return Ok(Vec::new());
    }
    let every = words.iter().map(|forms| format!("text : ({})", any_form(forms))).collect::<Vec<_>>();
    Ok(sqlx::query_scalar("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ? LIMIT ?")
        .bind(every.join(" AND "))
        .bind(limit)
        .fetch_all(pool)
        .await?)
}

/// `"a" OR "b"`: the forms as FTS5 strings, so that no word is read as query syntax.
fn any_form(forms: &[String]) -> String {
    forms.iter().map(|f| format!("\"{}\"", f.replace('"', "\"\""))).collect::<Vec<_>>().join(" OR ")
}

/// The published claims at these list keys, not retracted.
pub async fn published_at(db: &Db, keys: &[i64]) -> Result<Vec<KnownRow>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::published_at(keys));
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let mut qb = QueryBuilder::<Sqlite>::new(KNOWN_COLUMNS);
    qb.push(" WHERE c.retracted_at IS NULL AND c.list_seq IN (");
    let mut list = qb.separated(", ");
    for key in keys {
        list.push_bind(*key);
    }
    qb.push(")");
    Ok(qb.build_query_as().fetch_all(pool).await?)
}

/// Claims (published or in intake, not retracted) stating `value` within rounding: at most
/// `limit`, through the `claims_by_figure` index.
pub async fn stating_figure(db: &Db, value: f64, limit: i64) -> Result<Vec<KnownRow>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::stating_figure(value, limit));
    let margin = value.abs() * 0.002;
    let rows = sqlx::query_as(&format!(
        "{KNOWN_COLUMNS} WHERE c.quantity_value BETWEEN ?1 AND ?2 AND c.stage <> 'discarded' \
         AND c.retracted_at IS NULL LIMIT ?3"
    ))
    .bind(value - margin)
    .bind(value + margin)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// The newest claims waiting in intake (not yet in the search index), at most `limit`.
pub async fn in_intake(db: &Db, limit: i64) -> Result<Vec<KnownRow>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeats::in_intake(limit));
    let rows = sqlx::query_as(&format!(
        "{KNOWN_COLUMNS} WHERE c.stage = 'intake' AND c.retracted_at IS NULL ORDER BY c.id DESC LIMIT ?"
    ))
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows)
}

/// A claim that can take a repetition (not retracted nor discarded): its speaker, date, words.
#[derive(sqlx::FromRow)]
pub struct OpenClaim {
    pub speaker_id: i64,
    pub said_on: NaiveDate,
    pub text: String,
}

/// The claim, if it can take a repetition.
pub async fn open_claim(tx: &mut WriteTx, claim_id: i64) -> Result<Option<OpenClaim>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::repeats::open_claim(claim_id));
    Ok(sqlx::query_as(
        "SELECT speaker_id, said_on, text FROM claims \
          WHERE id = ? AND retracted_at IS NULL AND stage <> 'discarded'",
    )
    .bind(claim_id)
    .fetch_optional(&mut *conn)
    .await?)
}

/// A repetition of a claim in a source: who said it there and when (`None` where it is the
/// claim's own speaker or date), the words as the source has them when they differ, where they
/// stand in its text.
pub struct Repetition<'a> {
    pub claim_id: i64,
    pub source_id: i64,
    pub speaker_id: Option<i64>,
    pub said_on: Option<NaiveDate>,
    pub words: Option<&'a str>,
    pub span: Option<(i64, i64)>,
    pub attached_by: i64,
    pub at: DateTime<Utc>,
}

/// Records a repetition as an appearance of the claim.
pub async fn attach(tx: &mut WriteTx, r: &Repetition<'_>) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::repeats::attach(r));
    let (start, end) = r.span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
    sqlx::query(
        "INSERT INTO appearances (claim_id, source_id, start_byte, end_byte, speaker_id, said_on, words, \
                                  attached_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(r.claim_id)
    .bind(r.source_id)
    .bind(start)
    .bind(end)
    .bind(r.speaker_id)
    .bind(r.said_on)
    .bind(r.words)
    .bind(r.attached_by)
    .bind(timestamp(r.at))
    .execute(&mut *conn)
    .await?;
    if r.span.is_some() {
        super::snapshots::record_place(tx, r.claim_id, r.source_id).await?;
    }
    Ok(())
}
