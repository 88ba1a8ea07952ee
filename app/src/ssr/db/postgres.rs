//! Connecting to PostgreSQL and bringing its schema up to date (`migrations/postgres/`).
//!
//! The query functions have no PostgreSQL form yet (issue 17), so [`super::Db`] refuses
//! `postgres://` targets; this module is what the PostgreSQL backend will open its pool with, and
//! what the schema's tests run on.

use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions};
use std::str::FromStr;
use std::time::Duration;

/// PostgreSQL's migrations, compiled into the binary. Their own directory: the two schemas differ
/// in types, triggers and search, and each evolves with its own migrations.
pub static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("../migrations/postgres");

/// Connections open at most, per process. A server runs queries on its own cores, so unlike
/// SQLite's (CPU-bound in this process) more connections overlap network waits; several replicas
/// share the server's `max_connections` (100 by default), so each keeps well under it.
const MAX_CONNECTIONS: u32 = 16;

/// Opens a pool on the server `url` names (`postgres://user:password@host:port/database`).
pub async fn connect(url: &str) -> Result<PgPool, sqlx::Error> {
    let options = PgConnectOptions::from_str(url)?.application_name("claimtrack");
    PgPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(Duration::from_secs(10))
        .connect_with(options)
        .await
}

/// Applies the migrations that have not run yet. sqlx holds a PostgreSQL advisory lock while it
/// migrates, so replicas started together take turns and the later ones find nothing to do:
/// migrations run once, by whichever process starts first.
pub async fn migrate(pool: &PgPool) -> Result<(), sqlx::migrate::MigrateError> {
    MIGRATOR.run(pool).await
}
