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
    let started = std::time::Instant::now();
    loop {
        let pool = SqlitePoolOptions::new()
            .max_connections(MAX_CONNECTIONS)
            .min_connections(1)
            .connect_with(options.clone())
            .await;
        match pool {
            // Two processes opening a new file at once both switch it to WAL, which needs the
            // file to themselves; SQLite answers the loser "locked" at once, without waiting
            // `busy_timeout`. Trying again a moment later finds WAL already set.
            Err(err) if is_busy(&err) && started.elapsed() < OPEN_WAIT => {
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            pool => return pool,
        }
    }
}

/// How long opening the file goes on meeting another process's lock before giving up.
const OPEN_WAIT: Duration = Duration::from_secs(10);

/// Applies the migrations that have not run yet. A failure stops the program: serving on a schema
/// the code does not expect would corrupt data.
///
/// The whole run is one `BEGIN IMMEDIATE` transaction (each migration a savepoint in it), so two
/// processes started at the same moment on a new file take turns: the second waits for the
/// first's write lock, then finds every migration applied. Retrying after a failure instead (the
/// earlier design) raced: on a slow machine the second process kept meeting tables the first had
/// just made. A long migration (minutes on a large database) outlasts `busy_timeout`, so waiting
/// for the lock goes on, with a log line, until [`MIGRATION_WAIT`].
pub async fn migrate(pool: &SqlitePool) -> Result<(), sqlx::migrate::MigrateError> {
    let waiting_since = std::time::Instant::now();
    let mut run = loop {
        match pool.begin_with("BEGIN IMMEDIATE").await {
            Ok(run) => break run,
            Err(err) if is_busy(&err) && waiting_since.elapsed() < MIGRATION_WAIT => {
                // `busy_timeout` has usually waited 5 s already; SQLite answers some conflicts at once.
                tracing::info!("another process holds the database's write lock (migrating?); waiting");
                tokio::time::sleep(Duration::from_millis(250)).await;
            }
            Err(err) => return Err(err.into()),
        }
    };
    MIGRATOR.run(&mut *run).await?;
    run.commit().await?;
    Ok(())
}

/// How long a starting process waits for another one's migrations before giving up.
const MIGRATION_WAIT: Duration = Duration::from_secs(30 * 60);

/// SQLITE_BUSY, in any of its extended forms (the low byte of the extended code).
fn is_busy(err: &sqlx::Error) -> bool {
    let code = err.as_database_error().and_then(|db| db.code()).and_then(|code| code.parse::<i32>().ok());
    code.is_some_and(|code| code & 0xff == 5)
}
