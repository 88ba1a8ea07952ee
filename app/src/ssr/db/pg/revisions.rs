//! Revisions on PostgreSQL (twin of `db::revisions`): the same JSON text, written by the same
//! function, so that a copy between backends compares equal.

use super::write::WriteTx;
use crate::model::Revision;
use crate::ssr::db::revisions::{from_json, to_json, Changes, Of};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::revisions::append`.
pub async fn append(
    tx: &mut WriteTx,
    of: Of,
    id: i64,
    version: i64,
    editor_id: i64,
    changes: &Changes,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let (changes, at) = (to_json(changes), timestamp(at));
    let conn = &mut **tx;
    match of {
        Of::Claim => {
            sqlx::query!(
                "INSERT INTO claim_revisions (claim_id, version, editor_id, changes, created_at) VALUES ($1, $2, $3, $4, $5)",
                id,
                version,
                editor_id,
                changes,
                at
            )
            .execute(conn)
            .await?
        }
        Of::Source => {
            sqlx::query!(
                "INSERT INTO source_revisions (source_id, version, editor_id, changes, created_at) VALUES ($1, $2, $3, $4, $5)",
                id,
                version,
                editor_id,
                changes,
                at
            )
            .execute(conn)
            .await?
        }
        Of::Speaker => {
            sqlx::query!(
                "INSERT INTO speaker_revisions (speaker_id, version, editor_id, changes, created_at) VALUES ($1, $2, $3, $4, $5)",
                id,
                version,
                editor_id,
                changes,
                at
            )
            .execute(conn)
            .await?
        }
    };
    Ok(())
}

/// See `db::revisions::of_claim`.
pub async fn of_claim(pool: &PgPool, claim_id: i64) -> Result<Vec<Revision>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT r.version, u.display_name, r.changes, r.created_at::timestamptz AS "created_at!"
             FROM claim_revisions r JOIN users u ON u.id = r.editor_id
            WHERE r.claim_id = $1 ORDER BY r.version"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Revision {
            version: r.version,
            editor: r.display_name,
            at: r.created_at,
            changes: from_json(&r.changes),
        })
        .collect())
}
