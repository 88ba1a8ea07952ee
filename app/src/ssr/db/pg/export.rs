//! Reading every published claim for the exports on PostgreSQL (twin of `db::export`), in
//! batches by id; the rows are made into the export's by the same function as on SQLite.

use crate::model::export::ExportRow;
use crate::model::{Attribution, Status};
use crate::ssr::db::export::{export_rows, Row};
use crate::AppError;
use sqlx::PgPool;

/// See `db::export::batch`.
pub async fn batch(
    pool: &PgPool,
    site: &str,
    after_id: i64,
    limit: i64,
) -> Result<(Vec<ExportRow>, i64), AppError> {
    let rows: Vec<Row> = sqlx::query_as!(Row, r#"SELECT c.id, c.kind, c.text, sp.name AS speaker, sp.slug AS speaker_slug, c.said_on::date AS "said_on!",
                c.status AS "status!: Status", c.attribution AS "attribution: Attribution", c.verdict,
                c.ruled_at::timestamptz AS ruled_at,
                c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change, c.quantity_qualifier,
                src.id AS "source_id?", src.url AS "source_url?", src.title AS "source_title?",
                src.outlet AS "source_outlet?", src.published_on::date AS source_published_on,
                c.retracted_at IS NOT NULL AS "retracted!"
           FROM claims c
           JOIN speakers sp ON sp.id = c.speaker_id
           LEFT JOIN sources src ON src.id = (SELECT a.source_id FROM appearances a WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1)
          WHERE c.id > $1 AND c.stage = 'published'
          ORDER BY c.id
          LIMIT $2"#, after_id, limit)
    .fetch_all(pool)
    .await?;
    let last = rows.last().map_or(after_id, |r| r.id);
    let compared = super::recorded::compared_in_range(pool, after_id, last).await?;
    Ok((export_rows(rows, site, compared), last))
}
