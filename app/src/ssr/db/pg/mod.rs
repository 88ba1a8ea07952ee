//! The PostgreSQL forms of the query functions, one file per file of `db/`, ported one slice at a
//! time (issue 17). Each takes the PostgreSQL pool or connection where its SQLite twin takes the
//! `Db` or `WriteTx`, and gives the same results in the same order; `pg_parity_tests` runs each
//! slice on both backends and compares.
//!
//! Reached through [`super::Db`]: each query function of `db/` starts with `sqlite_or_pg!` (or
//! `sqlite_tx_or_pg!`), which hands a PostgreSQL database to its form here. What only a SQLite
//! file does (`VACUUM INTO`, its integrity check, generated benchmark data) says so instead.
//!
//! Queries here are checked at compile time, as SQLite's are (`sqlx::query!`, `query_as!`,
//! `query_scalar!`), against PostgreSQL's offline data in `.sqlx/` beside SQLite's: each data
//! file names its database, and `make sqlx-prepare` writes both (a pass per backend,
//! `tools/sqlx-merge.py`). PostgreSQL cannot tell that a cast, `IS NOT NULL`, `EXISTS` or
//! `coalesce()` is never null, so those columns say so (`AS "name!"`); text enums are read through
//! type overrides (`AS "status: Status"`) and bound as themselves (`status as _`). The SQL that
//! is assembled at runtime stays runtime-checked, each module saying which at its top (`claims`,
//! `copy`, `desk`, `search`); the tests against the throwaway PostgreSQL check those.

pub mod claim_edits;
pub mod claims;
pub mod copy;
pub mod desk;
pub mod export;
pub mod import;
pub mod maintenance;
pub mod notes;
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
pub mod users;
pub mod verdicts;
pub mod write;

/// A stored value the code does not know (a role, a status) is an error, never a default.
fn unknown<T>(what: &str, value: &str) -> Result<T, crate::AppError> {
    tracing::error!(what, value, "unknown value in the database");
    Err(crate::AppError::Internal)
}

/// A stored RFC 3339 timestamp (TEXT, as on SQLite).
fn parse_time(value: &str) -> Result<chrono::DateTime<chrono::Utc>, crate::AppError> {
    match chrono::DateTime::parse_from_rfc3339(value) {
        Ok(at) => Ok(at.with_timezone(&chrono::Utc)),
        Err(_) => unknown("timestamp", value),
    }
}
