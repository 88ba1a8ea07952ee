//! Recorded figures on PostgreSQL (twin of `db::recorded`). `of` is a keyword in PostgreSQL, so
//! the column is quoted; dates are bound as their stored text and cast back when read.

use super::sources::stored_date;
use super::write::WriteTx;
use crate::model::record::RecordedFigure;
use crate::ssr::db::recorded::{FigureValues, Row};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::postgres::PgArguments;
use sqlx::{PgConnection, PgPool, Postgres};

/// As `db::recorded`'s columns, prefixed with `table.` (or nothing).
fn columns(table: &str) -> String {
    format!(
        "{t}id, {t}shape, {t}value, {t}\"of\", {t}unit, {t}period, {t}source_url, {t}source_title, {t}publisher, \
         {t}published_on::date AS published_on, {t}accessed_on::date AS accessed_on, {t}note, {t}compared, \
         {t}withdrawn_at IS NOT NULL AS withdrawn",
        t = table
    )
}

/// See `db::recorded::for_claim`.
pub async fn for_claim(conn: &mut PgConnection, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    let rows: Vec<Row> = sqlx::query_as(&format!(
        "SELECT {} FROM recorded_figures WHERE claim_id = $1 ORDER BY id",
        columns("")
    ))
    .bind(claim_id)
    .fetch_all(conn)
    .await?;
    rows.into_iter().map(Row::into_figure).collect()
}

/// See `db::recorded::figures`.
pub async fn figures(pool: &PgPool, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    for_claim(&mut *pool.acquire().await?, claim_id).await
}

/// See `db::recorded::context`.
pub async fn context(
    conn: &mut PgConnection,
    claim_id: i64,
) -> Result<(Option<String>, Option<String>), AppError> {
    let row = sqlx::query!("SELECT figure_period, figure_baseline FROM claims WHERE id = $1", claim_id)
        .fetch_optional(conn)
        .await?;
    Ok(row.map(|r| (r.figure_period, r.figure_baseline)).unwrap_or_default())
}

/// See `db::recorded::figure_context`.
pub async fn figure_context(
    pool: &PgPool,
    claim_id: i64,
) -> Result<(Option<String>, Option<String>), AppError> {
    context(&mut *pool.acquire().await?, claim_id).await
}

/// See `db::recorded::set_context`.
pub async fn set_context(
    tx: &mut WriteTx,
    claim_id: i64,
    period: Option<&str>,
    baseline: Option<&str>,
) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE claims SET figure_period = $1, figure_baseline = $2 WHERE id = $3",
        period,
        baseline,
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::recorded::bump_claim_version`.
pub async fn bump_claim_version(
    tx: &mut WriteTx,
    claim_id: i64,
    version: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE claims SET version = version + 1, updated_at = $1 WHERE id = $2 AND version = $3",
        timestamp(at),
        claim_id,
        version
    )
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::recorded::clear_compared`.
pub async fn clear_compared(tx: &mut WriteTx, claim_id: i64) -> Result<(), AppError> {
    sqlx::query!("UPDATE recorded_figures SET compared = false WHERE claim_id = $1 AND compared", claim_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

type Query<'q> = sqlx::query::Query<'q, Postgres, PgArguments>;

/// The columns [`bind_values`] fills, in its order (parameters $1–$12).
const VALUE_COLUMNS: [&str; 12] = [
    "shape",
    "value",
    "\"of\"",
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
        .bind(stored_date(v.published_on))
        .bind(stored_date(v.accessed_on))
        .bind(v.note)
        .bind(v.compared)
}

/// `$1, $2, …, $n`.
fn parameters(n: usize) -> String {
    (1..=n).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ")
}

/// See `db::recorded::insert`.
pub async fn insert(
    tx: &mut WriteTx,
    claim_id: i64,
    v: &FigureValues<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> Result<i64, AppError> {
    let sql = format!(
        "INSERT INTO recorded_figures ({}, claim_id, created_by, created_at, updated_at)
         VALUES ({}, $13, $14, $15, $15) RETURNING id",
        VALUE_COLUMNS.join(", "),
        parameters(VALUE_COLUMNS.len())
    );
    let row = bind_values(sqlx::query(&sql), v)
        .bind(claim_id)
        .bind(by)
        .bind(timestamp(at))
        .fetch_one(&mut **tx)
        .await?;
    Ok(sqlx::Row::try_get(&row, 0)?)
}

/// See `db::recorded::update`.
pub async fn update(
    tx: &mut WriteTx,
    claim_id: i64,
    id: i64,
    v: &FigureValues<'_>,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let assignments: Vec<String> =
        VALUE_COLUMNS.iter().enumerate().map(|(i, c)| format!("{c} = ${}", i + 1)).collect();
    let sql = format!(
        "UPDATE recorded_figures SET {}, updated_at = $13 WHERE id = $14 AND claim_id = $15 AND withdrawn_at IS NULL",
        assignments.join(", ")
    );
    let done = bind_values(sqlx::query(&sql), v)
        .bind(timestamp(at))
        .bind(id)
        .bind(claim_id)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::recorded::withdraw`.
pub async fn withdraw(tx: &mut WriteTx, claim_id: i64, id: i64, at: DateTime<Utc>) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE recorded_figures SET withdrawn_at = $1, compared = false, updated_at = $1
          WHERE id = $2 AND claim_id = $3 AND withdrawn_at IS NULL",
        timestamp(at),
        id,
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::recorded::compared_in_range`.
pub async fn compared_in_range(
    pool: &PgPool,
    after_id: i64,
    last_id: i64,
) -> Result<Vec<(i64, Option<String>, RecordedFigure)>, AppError> {
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
          WHERE f.compared AND f.claim_id > $1 AND f.claim_id <= $2 ORDER BY f.claim_id",
        columns("f.")
    ))
    .bind(after_id)
    .bind(last_id)
    .fetch_all(pool)
    .await?;
    rows.into_iter().map(|r| Ok((r.claim_id, r.claim_period, r.row.into_figure()?))).collect()
}

/// See `db::recorded::with_compared`.
pub async fn with_compared(pool: &PgPool, claim_ids: &[i64]) -> Result<Vec<i64>, AppError> {
    if claim_ids.is_empty() {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_scalar!("SELECT DISTINCT claim_id FROM recorded_figures WHERE compared AND claim_id = ANY($1) ORDER BY claim_id", claim_ids)
        .fetch_all(pool)
        .await?)
}
