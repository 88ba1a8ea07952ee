//! The one handle the rest of the application holds on the database: [`Db`]. Code outside `db/`
//! never names a driver type, so that the store behind it can change (issue 17: PostgreSQL beside
//! SQLite) without touching editing, reading, accounts, sessions or the server.
//!
//! Like Atuin's server, the backend is chosen once, from what `--db` names ([`Target::parse`]), and
//! each backend keeps its own connection pool and migrations. Unlike Atuin (one generic type per
//! backend threaded through the server), the choice is a value here: claimtrack's state travels
//! through Leptos' context, which wants one concrete type, and each query function dispatches on
//! the backend itself.

use sqlx::{PgPool, SqlitePool};
use std::fmt;
use std::path::PathBuf;

/// What `--db` names: a SQLite file, or a PostgreSQL server by URL.
#[derive(Clone, PartialEq, Eq)]
pub enum Target {
    File(PathBuf),
    Postgres(String),
}

impl Target {
    /// A `postgres://` or `postgresql://` URL names a server; anything else is a file path (a
    /// file may well be called `postgres.db`, so only the scheme decides).
    pub fn parse(value: &str) -> Target {
        let lower = value.get(..13).unwrap_or(value).to_ascii_lowercase();
        if lower.starts_with("postgres://") || lower.starts_with("postgresql://") {
            Target::Postgres(value.to_owned())
        } else {
            Target::File(PathBuf::from(value))
        }
    }

    /// How to name the target in messages: a file's path, or a URL without its password.
    pub fn display(&self) -> String {
        match self {
            Target::File(path) => path.display().to_string(),
            Target::Postgres(url) => redact_password(url),
        }
    }
}

/// Logs and errors may print the target; a password in the URL must not go with it.
impl fmt::Debug for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Target({})", self.display())
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:****@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_owned() };
    let Some((credentials, host)) = rest.rsplit_once('@') else { return url.to_owned() };
    match credentials.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:****@{host}"),
        None => url.to_owned(),
    }
}

/// The database, as the application sees it: cheap to clone (the pool inside is shared).
#[derive(Clone)]
pub struct Db {
    backend: Backend,
}

/// The backends claimtrack talks to, each with its own pool.
#[derive(Clone)]
enum Backend {
    Sqlite(SqlitePool),
    /// The pool, and the URL it was opened with (what this process keeps about the database is
    /// keyed by it, see `kept`).
    Postgres(PgPool, std::sync::Arc<str>),
}

/// A borrowed view of the backend, for the query functions' dispatch (`sqlite_or_pg!`).
pub(crate) enum Pools<'a> {
    Sqlite(&'a SqlitePool),
    Postgres(&'a PgPool),
}

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.backend {
            Backend::Sqlite(pool) => {
                write!(f, "Db(sqlite:{})", pool.connect_options().get_filename().display())
            }
            Backend::Postgres(_, url) => write!(f, "Db({})", redact_password(url)),
        }
    }
}

/// Why a database could not be opened.
#[derive(Debug)]
pub enum OpenError {
    Connect(sqlx::Error),
    Migrate(sqlx::migrate::MigrateError),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Connect(e) => write!(f, "cannot connect: {e}"),
            OpenError::Migrate(e) => write!(f, "cannot migrate: {e}"),
        }
    }
}

impl std::error::Error for OpenError {}

impl Db {
    /// Connects to `target` without touching its schema (see [`Db::migrate`]).
    pub async fn connect(target: &Target) -> Result<Db, OpenError> {
        match target {
            Target::File(path) => Ok(Db::from(super::pool::connect(path).await.map_err(OpenError::Connect)?)),
            Target::Postgres(url) => {
                let pool = super::postgres::connect(url).await.map_err(OpenError::Connect)?;
                Ok(Db::from_postgres(pool, url))
            }
        }
    }

    /// Wraps an open PostgreSQL pool; `url` is what it was opened with.
    pub fn from_postgres(pool: PgPool, url: &str) -> Db {
        Db { backend: Backend::Postgres(pool, url.into()) }
    }

    /// Connects to `target` and applies the migrations it has not run yet.
    pub async fn open(target: &Target) -> Result<Db, OpenError> {
        let db = Db::connect(target).await?;
        db.migrate().await.map_err(OpenError::Migrate)?;
        Ok(db)
    }

    /// Brings the schema up to date (see [`super::pool::migrate`], [`super::postgres::migrate`]).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        match &self.backend {
            Backend::Sqlite(pool) => super::pool::migrate(pool).await,
            Backend::Postgres(pool, _) => super::postgres::migrate(pool).await,
        }
    }

    /// Closes every connection (waiting for those in use to come back).
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(pool) => pool.close().await,
            Backend::Postgres(pool, _) => pool.close().await,
        }
    }

    /// The SQLite file behind this handle, if it is one (the readiness check watches it).
    pub fn file(&self) -> Option<PathBuf> {
        match &self.backend {
            Backend::Sqlite(pool) => Some(pool.connect_options().get_filename().to_path_buf()),
            Backend::Postgres(..) => None,
        }
    }

    /// The PostgreSQL URL this handle was opened with, password included (for `pg_dump`; never
    /// print it: [`Target::display`] is what messages show).
    pub fn postgres_url(&self) -> Option<&str> {
        match &self.backend {
            Backend::Postgres(_, url) => Some(url),
            Backend::Sqlite(_) => None,
        }
    }

    /// Whether this is a PostgreSQL database.
    pub fn is_postgres(&self) -> bool {
        matches!(self.backend, Backend::Postgres(..))
    }

    /// The PostgreSQL pool, if this is one (commit notices listen on it).
    pub fn postgres(&self) -> Option<&PgPool> {
        match &self.backend {
            Backend::Postgres(pool, _) => Some(pool),
            Backend::Sqlite(_) => None,
        }
    }

    /// The backend's pool, for the query functions of this module.
    pub(crate) fn pools(&self) -> Pools<'_> {
        match &self.backend {
            Backend::Sqlite(pool) => Pools::Sqlite(pool),
            Backend::Postgres(pool, _) => Pools::Postgres(pool),
        }
    }

    /// The SQLite pool, for what only a SQLite file does (`VACUUM INTO`, the integrity check,
    /// generated benchmark data): on PostgreSQL a clear error, never a wrong answer.
    pub(crate) fn sqlite_only(&self) -> Result<&SqlitePool, crate::AppError> {
        match &self.backend {
            Backend::Sqlite(pool) => Ok(pool),
            Backend::Postgres(..) => Err(only_on_sqlite()),
        }
    }

    /// The SQLite pool of a test's database, for the test's own SQL.
    #[cfg(test)]
    pub(crate) fn sqlite(&self) -> &SqlitePool {
        match &self.backend {
            Backend::Sqlite(pool) => pool,
            Backend::Postgres(..) => panic!("this test's database is SQLite"),
        }
    }

    /// What names this database among those the process opened: the SQLite file's path, or the
    /// PostgreSQL URL.
    pub(crate) fn key(&self) -> String {
        match &self.backend {
            Backend::Sqlite(pool) => pool.connect_options().get_filename().display().to_string(),
            Backend::Postgres(pool, _) => super::kept::postgres_key(pool),
        }
    }
}

/// The error of asking a PostgreSQL database for what only a SQLite file does.
pub(crate) fn only_on_sqlite() -> crate::AppError {
    crate::AppError::invalid("database", "This works on a SQLite file only; this database is PostgreSQL.")
}

/// Wraps an open SQLite pool (`#[sqlx::test]` hands tests one).
impl From<SqlitePool> for Db {
    fn from(pool: SqlitePool) -> Db {
        Db { backend: Backend::Sqlite(pool) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_postgres_scheme_names_a_server() {
        assert_eq!(Target::parse("claims.db"), Target::File("claims.db".into()));
        assert_eq!(Target::parse("postgres.db"), Target::File("postgres.db".into()));
        assert_eq!(Target::parse("./postgres://x"), Target::File("./postgres://x".into()));
        assert!(matches!(Target::parse("postgres://h/db"), Target::Postgres(_)));
        assert!(matches!(Target::parse("PostgreSQL://h/db"), Target::Postgres(_)));
    }

    #[test]
    fn a_password_never_shows() {
        let target = Target::parse("postgres://app:s3cret@db.internal:5432/claims");
        assert_eq!(target.display(), "postgres://app:****@db.internal:5432/claims");
        assert!(!format!("{target:?}").contains("s3cret"));
        assert_eq!(Target::parse("postgres://app@h/db").display(), "postgres://app@h/db");
    }
}
