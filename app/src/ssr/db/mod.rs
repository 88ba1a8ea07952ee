//! Every SQL statement of claimtrack lives under this module, one file per table or aggregate.
//! Functions take a [`Db`] and take and return model types, so nothing outside knows which store
//! is behind it.

/// The first statement of a query function taking a [`Db`]: on PostgreSQL it returns what the
/// function's PostgreSQL form (`pg::…`, given the pool and then the same arguments) answers; on
/// SQLite it gives the SQLite pool, for the rest of the function.
macro_rules! sqlite_or_pg {
    ($db:expr, $($pg:ident)::+ ($($arg:expr),* $(,)?)) => {
        match $db.pools() {
            $crate::ssr::db::Pools::Sqlite(pool) => pool,
            $crate::ssr::db::Pools::Postgres(pool) => return $($pg)::+(pool, $($arg),*).await,
        }
    };
}

/// As [`sqlite_or_pg!`], for a function taking a [`WriteTx`]: gives its SQLite connection.
macro_rules! sqlite_tx_or_pg {
    ($tx:expr, $($pg:ident)::+ ($($arg:expr),* $(,)?)) => {
        match $tx.connection() {
            $crate::ssr::db::Connection::Sqlite(conn) => conn,
            $crate::ssr::db::Connection::Postgres(tx) => return $($pg)::+(tx, $($arg),*).await,
        }
    };
}

pub mod bench;
pub mod claim_edits;
pub mod claims;
pub mod copy;
pub mod desk;
pub mod export;
mod handle;
pub mod import;
pub mod kept;
pub mod maintenance;
pub mod notes;
pub mod pg;
#[cfg(test)]
mod pg_parity_tests;
pub mod pool;
pub mod postgres;
#[cfg(test)]
mod postgres_schema_tests;
pub mod recorded;
pub mod repeated;
pub mod repeats;
pub mod retractions;
pub mod revisions;
pub mod rulings;
pub mod search;
pub mod sessions;
pub mod sitemap;
pub mod snapshots;
pub mod source_edits;
pub mod sources;
pub mod speaker_directory;
pub mod speaker_edits;
pub mod speakers;
pub mod testing;
pub mod users;
pub mod verdicts;

pub(crate) use handle::Pools;
pub use handle::{Db, OpenError, Target};

use crate::AppError;
use chrono::{DateTime, SecondsFormat, Utc};

/// SQL written with `?` placeholders, numbered as PostgreSQL wants them (`$1`, `$2`…); quoted
/// text is left alone. For statements written once for both backends (generated data, tests).
pub fn numbered(sql: &str) -> String {
    let (mut out, mut n, mut quoted) = (String::with_capacity(sql.len() + 16), 0, false);
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => {
                n += 1;
                out.push_str(&format!("${n}"));
            }
            _ => out.push(c),
        }
    }
    out
}

/// The stored form of a timestamp: RFC 3339 in UTC with milliseconds, as the schema's defaults.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A write transaction, on either backend. On SQLite it starts with `BEGIN IMMEDIATE`, taking
/// the write lock up front, so that a second writer waits instead of failing with SQLITE_BUSY when
/// it tries to upgrade a read lock halfway through. Writers of this process first queue on
/// [`WRITE_GATE`], in order: SQLite makes a waiting writer poll with growing sleeps (up to 100 ms
/// each), which under a steady stream of edits gave some of them half a second of waiting for a
/// few milliseconds of work. Other processes (`claimtrack import`) still meet the lock itself,
/// through `busy_timeout`. On PostgreSQL writers take turns on an advisory lock (`pg::write`).
pub struct WriteTx {
    inner: Tx,
}

enum Tx {
    Sqlite {
        tx: sqlx::Transaction<'static, sqlx::Sqlite>,
        _turn: tokio::sync::OwnedMutexGuard<()>,
        committed: std::sync::Arc<std::sync::atomic::AtomicI64>,
    },
    Postgres(pg::write::WriteTx),
}

/// A write transaction's connection, for the query functions' dispatch (`sqlite_tx_or_pg!`).
pub(crate) enum Connection<'a> {
    Sqlite(&'a mut sqlx::SqliteConnection),
    Postgres(&'a mut pg::write::WriteTx),
}

/// One writer at a time in this process; fair (first come, first served).
static WRITE_GATE: std::sync::LazyLock<std::sync::Arc<tokio::sync::Mutex<()>>> =
    std::sync::LazyLock::new(Default::default);

/// Starts a write transaction (waiting for earlier writers to finish).
pub async fn begin_write(db: &Db) -> Result<WriteTx, AppError> {
    let committed = kept::of(db).committed.clone();
    let inner = match db.pools() {
        Pools::Sqlite(pool) => {
            let turn = WRITE_GATE.clone().lock_owned().await;
            let tx = pool.begin_with("BEGIN IMMEDIATE").await?;
            Tx::Sqlite { tx, _turn: turn, committed }
        }
        Pools::Postgres(pool) => Tx::Postgres(pg::write::begin_write(pool, committed).await?),
    };
    Ok(WriteTx { inner })
}

impl WriteTx {
    /// Commits, then lets the next writer in. The content version the transaction leaves (bumped
    /// by triggers when it changed what readers see) is published to this process at once, so
    /// that its page cache never serves a page older than a write it acknowledged.
    pub async fn commit(self) -> Result<(), sqlx::Error> {
        match self.inner {
            Tx::Sqlite { mut tx, _turn, committed } => {
                let version = maintenance::content_version_in(&mut tx).await.ok();
                tx.commit().await?;
                if let Some(version) = version {
                    committed.fetch_max(version, std::sync::atomic::Ordering::SeqCst);
                }
            }
            Tx::Postgres(tx) => {
                tx.commit().await?;
            }
        }
        Ok(())
    }

    pub(crate) fn connection(&mut self) -> Connection<'_> {
        match &mut self.inner {
            Tx::Sqlite { tx, .. } => Connection::Sqlite(tx),
            Tx::Postgres(tx) => Connection::Postgres(tx),
        }
    }
}

/// The newest content version this process committed to `db` (0 before any).
pub fn committed_content_version(db: &Db) -> std::sync::Arc<std::sync::atomic::AtomicI64> {
    kept::of(db).committed.clone()
}

/// The one place where database errors become [`AppError`]s. A constraint a user can violate
/// becomes a 4xx with a message; anything else is logged here, once, and becomes `Internal`.
impl From<sqlx::Error> for AppError {
    fn from(err: sqlx::Error) -> Self {
        match &err {
            sqlx::Error::RowNotFound => AppError::not_found("No such record."),
            sqlx::Error::Database(db) if db.is_unique_violation() => {
                AppError::Conflict("A record with the same unique value already exists.".into())
            }
            // PostgreSQL's text cannot hold U+0000 (SQLite's can): "invalid byte sequence".
            sqlx::Error::Database(db) if db.code().as_deref() == Some("22021") => {
                AppError::invalid("text", "Text cannot contain the NUL character (U+0000).")
            }
            _ => {
                tracing::error!(error = %err, "database error");
                AppError::Internal
            }
        }
    }
}
