//! Keeping the database healthy: readiness, online backups, integrity checks.

use crate::AppError;
use sqlx::SqlitePool;
use std::path::Path;

/// Whether the database answers and every migration this build knows has been applied.
pub async fn ready(pool: &SqlitePool) -> Result<(), String> {
    let applied: i64 =
        sqlx::query_scalar!(r#"SELECT count(*) AS "n!: i64" FROM _sqlx_migrations WHERE success = 1"#)
            .fetch_one(pool)
            .await
            .map_err(|e| format!("the database does not answer: {e}"))?;
    let known = super::pool::MIGRATOR.iter().count() as i64;
    if applied < known {
        return Err(format!("{applied} of {known} migrations applied"));
    }
    Ok(())
}

/// Writes a consistent copy of the live database to `target` (which must not exist), while
/// readers and writers go on: `VACUUM INTO` reads one snapshot and writes a compact file.
pub async fn vacuum_into(pool: &SqlitePool, target: &Path) -> Result<(), AppError> {
    let target =
        target.to_str().ok_or_else(|| AppError::invalid("file", "The backup path is not valid UTF-8."))?;
    sqlx::query("VACUUM INTO ?").bind(target).execute(pool).await?;
    Ok(())
}

/// SQLite's full integrity check: `"ok"`, or what is wrong.
pub async fn integrity_check(pool: &SqlitePool) -> Result<String, AppError> {
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(pool).await?;
    Ok(rows.join("; "))
}
