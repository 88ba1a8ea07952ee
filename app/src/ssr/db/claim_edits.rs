//! Writing claims: their editable fields, updates guarded by version, retraction.

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::{public_id, Change, ClaimEdit, ClaimKind, Qualifier, Quantity, SourceRef, Stage};
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};

/// A claim's editable fields for its edit form: [`editable`] read in one transaction, so the
/// form shows one consistent state (the same function the writes check against).
pub async fn for_form(db: &Db, id: i64) -> Result<Option<ClaimEdit>, AppError> {
    let pool = sqlite_or_pg!(db, pg::claim_edits::for_form(id));
    let mut tx = pool.begin().await?;
    let found = editable_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(found)
}

/// A claim's editable fields, read inside the transaction that will change them.
pub async fn editable(tx: &mut WriteTx, id: i64) -> Result<Option<ClaimEdit>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::claim_edits::editable(id));
    editable_in(conn, id).await
}

async fn editable_in(tx: &mut sqlx::SqliteConnection, id: i64) -> Result<Option<ClaimEdit>, AppError> {
    let Some(r) = sqlx::query!(
        r#"SELECT c.kind AS "kind: ClaimKind", c.text, sp.name AS speaker, c.said_on AS "said_on: NaiveDate",
                  c.version, c.quantity_value, c.quantity_unit, c.quantity_of,
                  c.quantity_change AS "quantity_change: Change", c.quantity_qualifier AS "quantity_qualifier: Qualifier",
                  c.retracted_at IS NOT NULL AS "retracted!: bool", c.stage AS "stage: Stage"
             FROM claims c JOIN speakers sp ON sp.id = c.speaker_id WHERE c.id = ?"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let appearances = sqlx::query!(
        r#"SELECT s.id AS "id!", s.title, s.outlet, s.published_on AS "published_on: NaiveDate"
             FROM appearances a JOIN sources s ON s.id = a.source_id WHERE a.claim_id = ? ORDER BY a.id"#,
        id
    )
    .fetch_all(&mut *tx)
    .await?
    .into_iter()
    .map(|s| SourceRef {
        public_id: public_id::encode(s.id),
        title: s.title,
        outlet: s.outlet,
        published_on: s.published_on,
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
    let (period, baseline) = super::recorded::context_in(&mut *tx, id).await?;
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

/// New values for a claim.
pub struct ClaimUpdate<'a> {
    pub kind: ClaimKind,
    pub text: &'a str,
    pub speaker_id: i64,
    pub said_on: NaiveDate,
    pub quantity: Option<&'a Quantity>,
    pub at: DateTime<Utc>,
}

/// Applies an update if the claim is still at `version`; returns whether it was.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, u: &ClaimUpdate<'_>) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::claim_edits::update(id, version, u));
    let kind = u.kind;
    let (value, unit, of, change, qualifier) = super::claims::quantity_columns(u.quantity);
    let at = timestamp(u.at);
    let done = sqlx::query!(
        "UPDATE claims SET kind = ?, text = ?, speaker_id = ?, said_on = ?, quantity_value = ?, quantity_unit = ?,
                quantity_of = ?, quantity_change = ?, quantity_qualifier = ?, updated_at = ?, version = version + 1
          WHERE id = ? AND version = ?",
        kind, u.text, u.speaker_id, u.said_on, value, unit, of, change, qualifier, at, id, version
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether the claim already appears in the source.
pub async fn appears_in(tx: &mut WriteTx, claim_id: i64, source_id: i64) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::claim_edits::appears_in(claim_id, source_id));
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM appearances WHERE claim_id = ? AND source_id = ?) AS "yes!: bool""#,
        claim_id,
        source_id
    )
    .fetch_one(&mut *conn)
    .await?)
}
