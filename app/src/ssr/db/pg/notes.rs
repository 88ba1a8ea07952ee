//! Private research notes on PostgreSQL (twin of `db::notes`).

use super::write::WriteTx;
use crate::model::desk::Note;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::notes::add`.
pub async fn add(
    tx: &mut WriteTx,
    claim_id: i64,
    author_id: i64,
    body: &str,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO claim_notes (claim_id, author_id, body, created_at) VALUES ($1, $2, $3, $4)",
        claim_id,
        author_id,
        body,
        timestamp(at)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::notes::for_claim`.
pub async fn for_claim(pool: &PgPool, claim_id: i64) -> Result<Vec<Note>, AppError> {
    let notes = sqlx::query_as!(
        Note,
        r#"SELECT u.display_name AS author, n.body, n.created_at::timestamptz AS "at!"
             FROM claim_notes n JOIN users u ON u.id = n.author_id
            WHERE n.claim_id = $1 ORDER BY n.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(notes)
}
