//! Every SQL statement of claimtrack lives under this module, one file per table or aggregate.
//! Functions take and return model types, so nothing outside knows the store is SQLite.

pub mod bench;
pub mod claim_edits;
pub mod claims;
pub mod export;
pub mod history;
pub mod import;
pub mod maintenance;
pub mod pool;
pub mod revisions;
pub mod search;
pub mod sessions;
pub mod source_edits;
pub mod sources;
pub mod speaker_edits;
pub mod speakers;
pub mod testing;
pub mod users;
pub mod verdicts;

use crate::AppError;

/// A write transaction. SQLite write transactions start with `BEGIN IMMEDIATE`, taking the write
/// lock up front, so that two writers queue on `busy_timeout` instead of one failing with
/// SQLITE_BUSY when it tries to upgrade a read lock halfway through.
pub type WriteTx = sqlx::Transaction<'static, sqlx::Sqlite>;

/// Starts a write transaction.
pub async fn begin_write(pool: &sqlx::SqlitePool) -> Result<WriteTx, AppError> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
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
            _ => {
                tracing::error!(error = %err, "database error");
                AppError::Internal
            }
        }
    }
}
