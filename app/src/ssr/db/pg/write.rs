//! Write transactions on PostgreSQL (twin of `db::WriteTx`), and the notice of each commit that
//! changed what readers see, for every replica's page cache.
//!
//! **One writer at a time, across every replica**, as on SQLite: a write takes a transaction
//! advisory lock first, so the editorial actions written for SQLite's single writer (read a
//! version, check it, write) keep their meaning without a re-read of each. It costs no
//! concurrency PostgreSQL would otherwise give: every write that readers see updates the one
//! `content_version` row (its triggers), and so waited for the previous one anyway; the lock only
//! makes the order explicit, from the first statement, and rules out deadlocks between writers.
//!
//! **Commit notices**: a commit that moved the content version sends it on [`CHANNEL`]
//! (`pg_notify`, delivered by PostgreSQL when, and only if, the transaction commits) and
//! publishes it to this process at once, as SQLite's `WriteTx` does.

use crate::AppError;
use sqlx::postgres::{PgListener, PgPool};
use sqlx::{PgConnection, Postgres, Transaction};
use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

/// The channel the content version is announced on.
pub const CHANNEL: &str = "claimtrack_content_version";

/// The advisory lock key of "the writer" (any fixed number no other application uses here).
const WRITER_LOCK: i64 = 0x636c_6169_6d74_726b; // "claimtrk"

/// A write transaction holding the writer lock.
pub struct WriteTx {
    tx: Transaction<'static, Postgres>,
    version_at_start: i64,
    committed: Arc<AtomicI64>,
}

/// Starts a write transaction, waiting for the writer before it (in this or another process).
/// `committed` is where this process keeps the newest content version it committed.
pub async fn begin_write(pool: &PgPool, committed: Arc<AtomicI64>) -> Result<WriteTx, AppError> {
    let mut tx = pool.begin().await?;
    sqlx::query!("SELECT pg_advisory_xact_lock($1)", WRITER_LOCK).execute(&mut *tx).await?;
    let version_at_start = content_version(&mut tx).await?;
    Ok(WriteTx { tx, version_at_start, committed })
}

async fn content_version(conn: &mut PgConnection) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar!("SELECT version FROM content_version WHERE id = 1").fetch_one(conn).await
}

impl WriteTx {
    /// Commits (releasing the writer lock), announces the new content version if the
    /// transaction changed it, and publishes it to this process; returns it.
    pub async fn commit(mut self) -> Result<i64, sqlx::Error> {
        let version = content_version(&mut self.tx).await?;
        if version != self.version_at_start {
            sqlx::query!("SELECT pg_notify($1, $2)", CHANNEL, version.to_string())
                .execute(&mut *self.tx)
                .await?;
        }
        self.tx.commit().await?;
        self.committed.fetch_max(version, Ordering::SeqCst);
        Ok(version)
    }
}

impl std::ops::Deref for WriteTx {
    type Target = PgConnection;
    fn deref(&self) -> &Self::Target {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTx {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.tx
    }
}

/// A connection listening for commit notices on [`CHANNEL`].
pub struct VersionNotices(PgListener);

impl VersionNotices {
    pub async fn listen(pool: &PgPool) -> Result<VersionNotices, sqlx::Error> {
        let mut listener = PgListener::connect_with(pool).await?;
        listener.listen(CHANNEL).await?;
        Ok(VersionNotices(listener))
    }

    /// The next content version announced. After the connection was lost (and re-made by sqlx),
    /// notices sent meanwhile are gone: the caller's polled version covers that gap.
    pub async fn next(&mut self) -> Result<i64, sqlx::Error> {
        loop {
            let notice = self.0.recv().await?;
            if let Ok(version) = notice.payload().parse() {
                return Ok(version);
            }
        }
    }
}
