//! Writing claims on PostgreSQL (twin of `db::claim_edits`): their editable fields, updates
//! guarded by version.

use super::sources::stored_date;
use super::write::WriteTx;
use crate::model::{public_id, Change, ClaimEdit, ClaimKind, Qualifier, Quantity, SourceRef, Stage};
use crate::ssr::db::claim_edits::ClaimUpdate;
use crate::ssr::db::claims::quantity_columns;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};

/// See `db::claim_edits::for_form`.
pub async fn for_form(pool: &PgPool, id: i64) -> Result<Option<ClaimEdit>, AppError> {
    let mut tx = pool.begin().await?;
    let found = editable(&mut tx, id).await?;
    tx.commit().await?;
    Ok(found)
}

#[derive(sqlx::FromRow)]
struct EditRow {
    kind: ClaimKind,
    text: String,
    speaker: String,
    said_on: NaiveDate,
    version: i64,
    quantity_value: Option<f64>,
    quantity_unit: Option<String>,
    quantity_of: Option<f64>,
    quantity_change: Option<Change>,
    quantity_qualifier: Option<Qualifier>,
    retracted: bool,
    stage: Stage,
}

/// See `db::claim_edits::editable`.
pub async fn editable(tx: &mut PgConnection, id: i64) -> Result<Option<ClaimEdit>, AppError> {
    let row: Option<EditRow> = sqlx::query_as!(
        EditRow,
        r#"SELECT c.kind AS "kind: ClaimKind", c.text, sp.name AS speaker, c.said_on::date AS "said_on!", c.version,
                  c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change AS "quantity_change: Change",
                  c.quantity_qualifier AS "quantity_qualifier: Qualifier",
                  c.retracted_at IS NOT NULL AS "retracted!", c.stage AS "stage: Stage"
             FROM claims c JOIN speakers sp ON sp.id = c.speaker_id WHERE c.id = $1"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    let Some(r) = row else { return Ok(None) };
    let appearances = sqlx::query!(
        "SELECT s.id, s.title, s.outlet, s.published_on::date
           FROM appearances a JOIN sources s ON s.id = a.source_id WHERE a.claim_id = $1 ORDER BY a.id",
        id
    )
    .fetch_all(&mut *tx)
    .await?;
    let appearances = appearances
        .into_iter()
        .map(|r| SourceRef {
            public_id: public_id::encode(r.id),
            title: r.title,
            outlet: r.outlet,
            published_on: r.published_on,
        })
        .collect();
    let quantity = match (r.quantity_value, r.quantity_unit) {
        (Some(value), Some(unit)) => Some(Quantity {
            value,
            unit,
            of: r.quantity_of,
            change: r.quantity_change,
            qualifier: r.quantity_qualifier,
        }),
        _ => None,
    };
    let (period, baseline) = super::recorded::context(&mut *tx, id).await?;
    Ok(Some(ClaimEdit {
        public_id: public_id::encode(id),
        kind: r.kind,
        text: r.text,
        speaker: r.speaker,
        said_on: r.said_on,
        quantity,
        period,
        baseline,
        version: r.version,
        appearances,
        retracted: r.retracted,
        stage: r.stage,
    }))
}

/// See `db::claim_edits::update`.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, u: &ClaimUpdate<'_>) -> Result<bool, AppError> {
    let (value, unit, of, change, qualifier) = quantity_columns(u.quantity);
    let done = sqlx::query!("UPDATE claims SET kind = $1, text = $2, speaker_id = $3, said_on = $4, quantity_value = $5, quantity_unit = $6,
                quantity_of = $7, quantity_change = $8, quantity_qualifier = $9, updated_at = $10, version = version + 1
          WHERE id = $11 AND version = $12", u.kind as _, u.text, u.speaker_id, stored_date(Some(u.said_on)), value, unit, of, change as _, qualifier as _, timestamp(u.at), id, version)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::claim_edits::appears_in`.
pub async fn appears_in(tx: &mut WriteTx, claim_id: i64, source_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM appearances WHERE claim_id = $1 AND source_id = $2) AS "v!""#,
        claim_id,
        source_id
    )
    .fetch_one(&mut **tx)
    .await?)
}
