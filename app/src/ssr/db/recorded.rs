//! Recorded figures of numeric claims, and the claim's own figure context (period, baseline).
//! Every change is made under the claim's version (see `editing::records`).

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::comparison::Shape;
use crate::model::forms::record::RecordInput;
use crate::model::record::RecordedFigure;
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};
use sqlx::SqliteConnection;

const COLUMNS: &str =
    "id, shape, value, of, unit, period, source_url, source_title, publisher, published_on, \
     accessed_on, note, compared, withdrawn_at IS NOT NULL AS withdrawn";

#[derive(sqlx::FromRow)]
pub(super) struct Row {
    pub(super) id: i64,
    pub(super) shape: String,
    pub(super) value: f64,
    pub(super) of: Option<f64>,
    pub(super) unit: String,
    pub(super) period: Option<String>,
    pub(super) source_url: String,
    pub(super) source_title: String,
    pub(super) publisher: String,
    pub(super) published_on: Option<NaiveDate>,
    pub(super) accessed_on: Option<NaiveDate>,
    pub(super) note: Option<String>,
    pub(super) compared: bool,
    pub(super) withdrawn: bool,
}

impl Row {
    pub(super) fn into_figure(self) -> Result<RecordedFigure, AppError> {
        Ok(RecordedFigure {
            id: self.id,
            shape: Shape::parse(&self.shape).ok_or(AppError::Internal)?,
            value: self.value,
            of: self.of,
            unit: self.unit,
            period: self.period,
            source_url: self.source_url,
            source_title: self.source_title,
            publisher: self.publisher,
            published_on: self.published_on,
            accessed_on: self.accessed_on,
            note: self.note,
            compared: self.compared,
            withdrawn: self.withdrawn,
        })
    }
}

/// A claim's recorded figures, oldest first, withdrawn ones included.
pub async fn for_claim(tx: &mut WriteTx, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::for_claim(claim_id));
    for_claim_in(conn, claim_id).await
}

async fn for_claim_in(conn: &mut SqliteConnection, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    let rows: Vec<Row> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM recorded_figures WHERE claim_id = ? ORDER BY id"))
            .bind(claim_id)
            .fetch_all(conn)
            .await?;
    rows.into_iter().map(Row::into_figure).collect()
}

/// A claim's recorded figures, as [`for_claim`] inside a write, for pages that only read.
pub async fn figures(db: &Db, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    let pool = sqlite_or_pg!(db, pg::recorded::figures(claim_id));
    for_claim_in(&mut *pool.acquire().await?, claim_id).await
}

/// A claim's figure context, as [`context`] inside a write, for pages that only read.
pub async fn figure_context(db: &Db, claim_id: i64) -> Result<(Option<String>, Option<String>), AppError> {
    let pool = sqlite_or_pg!(db, pg::recorded::figure_context(claim_id));
    context_in(&mut *pool.acquire().await?, claim_id).await
}

/// The claim's figure context: its period and the baseline it names.
pub async fn context(tx: &mut WriteTx, claim_id: i64) -> Result<(Option<String>, Option<String>), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::context(claim_id));
    context_in(conn, claim_id).await
}

pub(super) async fn context_in(
    conn: &mut SqliteConnection,
    claim_id: i64,
) -> Result<(Option<String>, Option<String>), AppError> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT figure_period, figure_baseline FROM claims WHERE id = ?")
            .bind(claim_id)
            .fetch_optional(conn)
            .await?;
    Ok(row.unwrap_or_default())
}

/// Sets the claim's figure context (inside the edit that bumped its version).
pub async fn set_context(
    tx: &mut WriteTx,
    claim_id: i64,
    period: Option<&str>,
    baseline: Option<&str>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::set_context(claim_id, period, baseline));
    sqlx::query("UPDATE claims SET figure_period = ?, figure_baseline = ? WHERE id = ?")
        .bind(period)
        .bind(baseline)
        .bind(claim_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Moves the claim to its next version if it is still at `version`; returns whether it was.
pub async fn bump_claim_version(
    tx: &mut WriteTx,
    claim_id: i64,
    version: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::bump_claim_version(claim_id, version, at));
    let done =
        sqlx::query("UPDATE claims SET version = version + 1, updated_at = ? WHERE id = ? AND version = ?")
            .bind(timestamp(at))
            .bind(claim_id)
            .bind(version)
            .execute(&mut *conn)
            .await?;
    Ok(done.rows_affected() == 1)
}

/// A recorded figure's stored values.
pub struct FigureValues<'a> {
    pub shape: Shape,
    pub value: f64,
    pub of: Option<f64>,
    pub unit: &'a str,
    pub period: Option<&'a str>,
    pub source_url: &'a str,
    pub source_title: &'a str,
    pub publisher: &'a str,
    pub published_on: Option<NaiveDate>,
    pub accessed_on: Option<NaiveDate>,
    pub note: Option<&'a str>,
    pub compared: bool,
}

impl<'a> FigureValues<'a> {
    /// A submitted figure's values; `unit` is its own or, when it names none, the claim's.
    pub fn of_input(input: &'a RecordInput, unit: &'a str) -> FigureValues<'a> {
        FigureValues {
            shape: input.shape,
            value: input.value,
            of: input.of,
            unit,
            period: input.period.as_deref(),
            source_url: &input.source_url,
            source_title: &input.source_title,
            publisher: &input.publisher,
            published_on: input.published_on,
            accessed_on: input.accessed_on,
            note: input.note.as_deref(),
            compared: input.compared,
        }
    }
}

/// No figure of the claim is compared any more (before another one is).
pub async fn clear_compared(tx: &mut WriteTx, claim_id: i64) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::clear_compared(claim_id));
    sqlx::query("UPDATE recorded_figures SET compared = 0 WHERE claim_id = ? AND compared = 1")
        .bind(claim_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

type Query<'q> = sqlx::query::Query<'q, sqlx::Sqlite, sqlx::sqlite::SqliteArguments<'q>>;

/// Binds a figure's values in the order of [`VALUE_COLUMNS`].
fn bind_values<'q>(query: Query<'q>, v: &'q FigureValues<'_>) -> Query<'q> {
    query
        .bind(v.shape.as_str())
        .bind(v.value)
        .bind(v.of)
        .bind(v.unit)
        .bind(v.period)
        .bind(v.source_url)
        .bind(v.source_title)
        .bind(v.publisher)
        .bind(v.published_on)
        .bind(v.accessed_on)
        .bind(v.note)
        .bind(v.compared)
}

/// The columns `bind_values` fills, in its order.
const VALUE_COLUMNS: [&str; 12] = [
    "shape",
    "value",
    "of",
    "unit",
    "period",
    "source_url",
    "source_title",
    "publisher",
    "published_on",
    "accessed_on",
    "note",
    "compared",
];

pub async fn insert(
    tx: &mut WriteTx,
    claim_id: i64,
    v: &FigureValues<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::insert(claim_id, v, by, at));
    let sql = format!(
        "INSERT INTO recorded_figures ({}, claim_id, created_by, created_at, updated_at)
         VALUES ({}, ?, ?, ?, ?) RETURNING id",
        VALUE_COLUMNS.join(", "),
        ["?"; VALUE_COLUMNS.len()].join(", ")
    );
    let at = timestamp(at);
    let row = bind_values(sqlx::query(&sql), v)
        .bind(claim_id)
        .bind(by)
        .bind(&at)
        .bind(&at)
        .fetch_one(&mut *conn)
        .await?;
    Ok(sqlx::Row::try_get(&row, 0)?)
}

/// Replaces a figure's values; returns whether the claim has that figure, not withdrawn.
pub async fn update(
    tx: &mut WriteTx,
    claim_id: i64,
    id: i64,
    v: &FigureValues<'_>,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::update(claim_id, id, v, at));
    let sql = format!(
        "UPDATE recorded_figures SET {}, updated_at = ?
          WHERE id = ? AND claim_id = ? AND withdrawn_at IS NULL",
        VALUE_COLUMNS.map(|c| format!("{c} = ?")).join(", ")
    );
    let done = bind_values(sqlx::query(&sql), v)
        .bind(timestamp(at))
        .bind(id)
        .bind(claim_id)
        .execute(&mut *conn)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Withdraws a figure (kept, no longer shown or compared); returns whether it was standing.
pub async fn withdraw(tx: &mut WriteTx, claim_id: i64, id: i64, at: DateTime<Utc>) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::recorded::withdraw(claim_id, id, at));
    let done = sqlx::query(
        "UPDATE recorded_figures SET withdrawn_at = ?, compared = 0, updated_at = ?
          WHERE id = ? AND claim_id = ? AND withdrawn_at IS NULL",
    )
    .bind(timestamp(at))
    .bind(timestamp(at))
    .bind(id)
    .bind(claim_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The compared figure and the period of each claim with an id in `(after_id, last_id]` that has
/// one, for the exports: `(claim id, period, figure)`.
pub async fn compared_in_range(
    db: &Db,
    after_id: i64,
    last_id: i64,
) -> Result<Vec<(i64, Option<String>, RecordedFigure)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::recorded::compared_in_range(after_id, last_id));
    #[derive(sqlx::FromRow)]
    struct Ranged {
        claim_id: i64,
        claim_period: Option<String>,
        #[sqlx(flatten)]
        row: Row,
    }
    let rows: Vec<Ranged> = sqlx::query_as(&format!(
        "SELECT f.claim_id, c.figure_period AS claim_period, {}
           FROM recorded_figures f JOIN claims c ON c.id = f.claim_id
          WHERE f.compared = 1 AND f.claim_id > ? AND f.claim_id <= ?",
        COLUMNS.split(", ").map(|c| format!("f.{c}")).collect::<Vec<_>>().join(", ")
    ))
    .bind(after_id)
    .bind(last_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(|r| Ok((r.claim_id, r.claim_period, r.row.into_figure()?))).collect()
}

/// Which of `claim_ids` have a compared figure.
pub async fn with_compared(db: &Db, claim_ids: &[i64]) -> Result<Vec<i64>, AppError> {
    let pool = sqlite_or_pg!(db, pg::recorded::with_compared(claim_ids));
    if claim_ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut qb = sqlx::QueryBuilder::<sqlx::Sqlite>::new(
        "SELECT DISTINCT claim_id FROM recorded_figures WHERE compared = 1 AND claim_id IN (",
    );
    let mut ids = qb.separated(", ");
    for id in claim_ids {
        ids.push_bind(*id);
    }
    qb.push(")");
    Ok(qb.build_query_scalar().fetch_all(pool).await?)
}
