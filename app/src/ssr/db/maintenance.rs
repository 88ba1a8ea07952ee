//! Keeping the database healthy: readiness, online backups, integrity checks.

use super::pg;
use super::Db;
use crate::AppError;
use sqlx::SqliteConnection;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// The number bumped by every committed change to what readers see (migration 0007's triggers).
pub async fn content_version(db: &Db) -> Result<i64, sqlx::Error> {
    let pool = sqlite_or_pg!(db, pg::maintenance::content_version());
    sqlx::query_scalar("SELECT version FROM content_version WHERE id = 1").fetch_one(pool).await
}

/// The content version as a transaction in progress sees it.
pub(super) async fn content_version_in(tx: &mut SqliteConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM content_version WHERE id = 1").fetch_one(tx).await
}

/// Which file a path names: its device and inode. Tells the database file that was opened apart
/// from one put, or nothing left, at its path since.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FileIdentity {
    device: u64,
    inode: u64,
}

impl FileIdentity {
    #[cfg(unix)]
    pub fn of(path: &Path) -> Option<FileIdentity> {
        use std::os::unix::fs::MetadataExt;
        let meta = std::fs::metadata(path).ok()?;
        Some(FileIdentity { device: meta.dev(), inode: meta.ino() })
    }

    #[cfg(not(unix))]
    pub fn of(path: &Path) -> Option<FileIdentity> {
        std::fs::metadata(path).ok().map(|_| FileIdentity { device: 0, inode: 0 })
    }
}

/// The database file of `pool`, and which file it was when the pool was opened.
#[derive(Clone, Debug)]
pub struct DatabaseFile {
    pub path: PathBuf,
    pub identity: Option<FileIdentity>,
}

impl DatabaseFile {
    pub fn of(db: &Db) -> DatabaseFile {
        // A PostgreSQL database has no file here: nothing to watch (identity `None`).
        let path = db.file().unwrap_or_default();
        let identity = db.file().and_then(|path| FileIdentity::of(&path));
        DatabaseFile { path, identity }
    }

    /// `Err` with the reason when the file at the path is gone or is another file: writes would
    /// then go to a deleted file and be lost when the process ends.
    pub fn still_in_place(&self) -> Result<(), String> {
        let Some(opened) = self.identity else { return Ok(()) };
        match FileIdentity::of(&self.path) {
            Some(now) if now == opened => Ok(()),
            Some(_) => {
                Err(format!("the database file {} was replaced since it was opened", self.path.display()))
            }
            None => Err(format!("the database file {} was deleted", self.path.display())),
        }
    }
}

/// How long the write probe may wait for the write lock (a long import holds it).
const WRITE_PROBE_TIMEOUT: Duration = Duration::from_secs(2);

/// Whether the database can take a write: writes one row of `readiness_probe` in its own
/// transaction (not one of the content tables, so it changes no reader's page).
pub async fn can_write(db: &Db) -> Result<(), String> {
    let pool = sqlite_or_pg!(db, pg::maintenance::can_write());
    let probe = async {
        let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
        sqlx::query(
            "INSERT INTO readiness_probe (id, checked_at) VALUES (1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) \
             ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at",
        )
        .execute(&mut *tx)
        .await?;
        tx.commit().await
    };
    match tokio::time::timeout(WRITE_PROBE_TIMEOUT, probe).await {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(format!("the database cannot be written: {e}")),
        Err(_) => Err(format!(
            "the database did not accept a write within {} s (another process may hold its write lock)",
            WRITE_PROBE_TIMEOUT.as_secs()
        )),
    }
}

/// Whether the database answers and every migration this build knows has been applied.
pub async fn ready(db: &Db) -> Result<(), String> {
    let pool = sqlite_or_pg!(db, pg::maintenance::ready());
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
pub async fn vacuum_into(db: &Db, target: &Path) -> Result<(), AppError> {
    let pool = db.sqlite_only()?;
    let target =
        target.to_str().ok_or_else(|| AppError::invalid("file", "The backup path is not valid UTF-8."))?;
    sqlx::query("VACUUM INTO ?").bind(target).execute(pool).await?;
    Ok(())
}

/// SQLite's full integrity check: `"ok"`, or what is wrong.
pub async fn integrity_check(db: &Db) -> Result<String, AppError> {
    let pool = db.sqlite_only()?;
    let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(pool).await?;
    Ok(rows.join("; "))
}
