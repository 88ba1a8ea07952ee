//! Opening the database file and bringing its schema up to date.

use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::time::Duration;

/// The schema migrations, compiled into the binary.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations");

/// Connections open at most. SQLite's reads are CPU-bound, and each connection has its own
/// thread: more connections than a few per core only add switching between them (measured on
/// two cores at a million claims: 8 connections gave a cache miss of the home page a p99 of
/// 29 ms, 4 gave 19 ms, at the same throughput). Exports take one per batch, not per download.
const MAX_CONNECTIONS: u32 = 4;

/// Opens (creating if missing) the SQLite database at `path`.
///
/// - WAL journal: readers never wait for the writer, and the writer never waits for readers.
/// - `synchronous = NORMAL`: with WAL, a committed transaction survives a crash of the process;
///   only a power loss can undo the last few commits, and it can never corrupt the file.
/// - `busy_timeout`: a writer waits up to 5 s for another writer instead of failing at once.
/// - foreign keys on: SQLite leaves them off unless asked, per connection.
pub async fn connect(path: &Path) -> Result<SqlitePool, sqlx::Error> {
    let options = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .journal_mode(SqliteJournalMode::Wal)
        .synchronous(SqliteSynchronous::Normal)
        .busy_timeout(Duration::from_secs(5))
        .foreign_keys(true)
        .pragma("temp_store", "memory");
    SqlitePoolOptions::new().max_connections(MAX_CONNECTIONS).min_connections(1).connect_with(options).await
}

/// Applies the migrations that have not run yet. A failure stops the program: serving on a schema
/// the code does not expect would corrupt data.
///
/// Two processes started at the same moment on a new file both find the migrations missing; the
/// second to take the write lock then fails on a table the first just made. Each migration is one
/// transaction, so nothing is half-applied: running again finds what the other applied and goes on.
pub async fn migrate(pool: &SqlitePool) -> Result<(), sqlx::migrate::MigrateError> {
    let mut attempt = 0;
    loop {
        match MIGRATOR.run(pool).await {
            Ok(()) => return Ok(()),
            Err(err) if attempt < 3 => {
                attempt += 1;
                tracing::info!(error = %err, "migrating failed; another process may be migrating too, trying again");
                tokio::time::sleep(Duration::from_millis(200 * attempt)).await;
            }
            Err(err) => return Err(err),
        }
    }
}
