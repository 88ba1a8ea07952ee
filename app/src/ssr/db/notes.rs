//! Private research notes beside a claim (append-only).

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::desk::Note;
use crate::AppError;
use chrono::{DateTime, Utc};

pub async fn add(
    tx: &mut WriteTx,
    claim_id: i64,
    author_id: i64,
    body: &str,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::notes::add(claim_id, author_id, body, at));
    let at = timestamp(at);
    sqlx::query!(
        "INSERT INTO claim_notes (claim_id, author_id, body, created_at) VALUES (?, ?, ?, ?)",
        claim_id,
        author_id,
        body,
        at
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A claim's notes, oldest first.
pub async fn for_claim(db: &Db, claim_id: i64) -> Result<Vec<Note>, AppError> {
    let pool = sqlite_or_pg!(db, pg::notes::for_claim(claim_id));
    let rows = sqlx::query!(
        r#"SELECT u.display_name AS author, n.body, n.created_at AS "at: DateTime<Utc>"
             FROM claim_notes n JOIN users u ON u.id = n.author_id
            WHERE n.claim_id = ? ORDER BY n.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| Note { author: r.author, body: r.body, at: r.at }).collect())
}
