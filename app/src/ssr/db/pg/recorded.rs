//! Recorded figures on PostgreSQL (twin of `db::recorded`). `of` is a keyword in PostgreSQL, so
//! the column is quoted; dates are bound as their stored text and cast back when read.

use super::sources::stored_date;
use super::write::WriteTx;
use crate::model::record::RecordedFigure;
use crate::ssr::db::recorded::{FigureValues, Row};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// See `db::recorded::for_claim`.
pub async fn for_claim(conn: &mut PgConnection, claim_id: i64) -> Result<Vec<RecordedFigure>, AppError> {
    let rows: Vec<Row> = sqlx::query_as!(
        Row,
        r#"SELECT id, shape, value, "of", unit, period, source_url, source_title, publisher,
                  published_on::date AS published_on, accessed_on::date AS accessed_on, note, compared,
                  withdrawn_at IS NOT NULL AS "withdrawn!"
             FROM recorded_figures WHERE claim_id = $1 ORDER BY id"#,
        claim_id
    )
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

/// See `db::recorded::insert`.
pub async fn insert(
    tx: &mut WriteTx,
    claim_id: i64,
    v: &FigureValues<'_>,
    by: i64,
    at: DateTime<Utc>,
) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO recorded_figures (shape, value, "of", unit, period, source_url, source_title, publisher,
                                         published_on, accessed_on, note, compared, claim_id, created_by,
                                         created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id"#,
        v.shape.as_str(),
        v.value,
        v.of,
        v.unit,
        v.period,
        v.source_url,
        v.source_title,
        v.publisher,
        stored_date(v.published_on),
        stored_date(v.accessed_on),
        v.note,
        v.compared,
        claim_id,
        by,
        timestamp(at)
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::recorded::update`.
pub async fn update(
    tx: &mut WriteTx,
    claim_id: i64,
    id: i64,
    v: &FigureValues<'_>,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let done = sqlx::query!(
        r#"UPDATE recorded_figures
              SET shape = $1, value = $2, "of" = $3, unit = $4, period = $5, source_url = $6, source_title = $7,
                  publisher = $8, published_on = $9, accessed_on = $10, note = $11, compared = $12, updated_at = $13
            WHERE id = $14 AND claim_id = $15 AND withdrawn_at IS NULL"#,
        v.shape.as_str(),
        v.value,
        v.of,
        v.unit,
        v.period,
        v.source_url,
        v.source_title,
        v.publisher,
        stored_date(v.published_on),
        stored_date(v.accessed_on),
        v.note,
        v.compared,
        timestamp(at),
        id,
        claim_id
    )
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
    let rows = sqlx::query!(
        r#"SELECT f.claim_id, c.figure_period AS claim_period, f.id, f.shape, f.value, f."of", f.unit, f.period,
                  f.source_url, f.source_title, f.publisher, f.published_on::date AS published_on,
                  f.accessed_on::date AS accessed_on, f.note, f.compared, f.withdrawn_at IS NOT NULL AS "withdrawn!"
             FROM recorded_figures f JOIN claims c ON c.id = f.claim_id
            WHERE f.compared AND f.claim_id > $1 AND f.claim_id <= $2 ORDER BY f.claim_id"#,
        after_id,
        last_id
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            let figure = Row {
                id: r.id,
                shape: r.shape,
                value: r.value,
                of: r.of,
                unit: r.unit,
                period: r.period,
                source_url: r.source_url,
                source_title: r.source_title,
                publisher: r.publisher,
                published_on: r.published_on,
                accessed_on: r.accessed_on,
                note: r.note,
                compared: r.compared,
                withdrawn: r.withdrawn,
            };
            Ok((r.claim_id, r.claim_period, figure.into_figure()?))
        })
        .collect()
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
