//! Health on PostgreSQL (twin of `db::maintenance`): the content version and readiness. Backups
//! and integrity checks are the server's own tools there (pg_dump, amcheck), not SQL of ours.

use sqlx::PgPool;
use std::time::Duration;

/// See `db::maintenance::content_version`.
pub async fn content_version(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!("SELECT version FROM content_version WHERE id = 1").fetch_one(pool).await
}

/// How long the write probe may wait (for a lock held by a long migration, say).
const WRITE_PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// See `db::maintenance::can_write`: a read-only replica or a full disk answers here.
pub async fn can_write(pool: &PgPool) -> Result<(), String> {
    let probe = sqlx::query!(
        "INSERT INTO readiness_probe (id, checked_at) VALUES (1, utc_now_text()) \
         ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at"
    )
    .execute(pool);
    match tokio::time::timeout(WRITE_PROBE_TIMEOUT, probe).await {
        Ok(Ok(_)) => Ok(()),
        Ok(Err(e)) => Err(format!("the database cannot be written: {e}")),
        Err(_) => {
            Err(format!("the database did not accept a write within {} s", WRITE_PROBE_TIMEOUT.as_secs()))
        }
    }
}

/// See `db::maintenance::ready`.
pub async fn ready(pool: &PgPool) -> Result<(), String> {
    let applied: i64 = sqlx::query_scalar!(r#"SELECT count(*) AS "v!" FROM _sqlx_migrations WHERE success"#)
        .fetch_one(pool)
        .await
        .map_err(|e| format!("the database does not answer: {e}"))?;
    let known = crate::ssr::db::postgres::MIGRATOR.iter().count() as i64;
    if applied < known {
        return Err(format!("{applied} of {known} migrations applied"));
    }
    Ok(())
}
