//! The one handle the rest of the application holds on the database: [`Db`]. Code outside `db/`
//! never names a driver type, so that the store behind it can change (issue 17: PostgreSQL beside
//! SQLite) without touching editing, reading, accounts, sessions or the server.
//!
//! Like Atuin's server, the backend is chosen once, from what `--db` names ([`Target::parse`]), and
//! each backend keeps its own connection pool and migrations. Unlike Atuin (one generic type per
//! backend threaded through the server), the choice is a value here: claimtrack's state travels
//! through Leptos' context, which wants one concrete type, and each query function dispatches on
//! the backend itself.

use sqlx::SqlitePool;
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

/// The backends this build can talk to. PostgreSQL joins once every query function has its
/// PostgreSQL form; until then `--db postgres://…` is refused at [`Db::open`], never half-served.
#[derive(Clone)]
enum Backend {
    Sqlite(SqlitePool),
}

impl fmt::Debug for Db {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.backend {
            Backend::Sqlite(pool) => {
                write!(f, "Db(sqlite:{})", pool.connect_options().get_filename().display())
            }
        }
    }
}

/// Why a database could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The target names a backend this build does not serve.
    Unsupported(String),
    Connect(sqlx::Error),
    Migrate(sqlx::migrate::MigrateError),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Unsupported(why) => f.write_str(why),
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
            Target::Postgres(_) => Err(OpenError::Unsupported(
                "PostgreSQL is not yet supported by this build of claimtrack (issue 17): \
                 name a SQLite file with --db instead"
                    .to_owned(),
            )),
        }
    }

    /// Connects to `target` and applies the migrations it has not run yet.
    pub async fn open(target: &Target) -> Result<Db, OpenError> {
        let db = Db::connect(target).await?;
        db.migrate().await.map_err(OpenError::Migrate)?;
        Ok(db)
    }

    /// Brings the schema up to date (see [`super::pool::migrate`]).
    pub async fn migrate(&self) -> Result<(), sqlx::migrate::MigrateError> {
        super::pool::migrate(self.sqlite()).await
    }

    /// Closes every connection (waiting for those in use to come back).
    pub async fn close(&self) {
        match &self.backend {
            Backend::Sqlite(pool) => pool.close().await,
        }
    }

    /// The SQLite file behind this handle, if it is one (the readiness check watches it).
    pub fn file(&self) -> Option<PathBuf> {
        match &self.backend {
            Backend::Sqlite(pool) => Some(pool.connect_options().get_filename().to_path_buf()),
        }
    }

    /// The SQLite pool, for the query functions of this module.
    pub(crate) fn sqlite(&self) -> &SqlitePool {
        match &self.backend {
            Backend::Sqlite(pool) => pool,
        }
    }
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
