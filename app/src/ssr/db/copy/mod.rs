//! `claimtrack copy`: a whole archive from one database to another, either backend to either.
//!
//! - **What travels**: every table that holds what editors and readers made ([`TABLES`]), row for
//!   row with its ids, so that public ids (encoded from them), links and references stay valid.
//!   What the target keeps for itself ([`NOT_COPIED`]: search index, kept counts, content
//!   version) is rebuilt by the target: the two backends keep them in different shapes (FTS5
//!   beside a tsvector table), so copying them could not work anyway. SQLite's triggers rebuild
//!   them as the rows arrive; PostgreSQL's are held and their work done once, in bulk, at the end
//!   (see `pg::copy`).
//! - **All or nothing**: the target is written in one write transaction, checked before it
//!   commits; any failure (a refused row, a mismatch) rolls it back and leaves it empty. The
//!   source is read in one read transaction, so a served database copies as of one moment.
//! - **Checked**: every copied table is read back from both sides, in key order, and compared by
//!   row count and a SHA-256 of its canonical rendering ([`rows::Checksum`]); the kept counts and
//!   the number of search documents are compared too.

pub mod rows;
mod sqlite;

use super::pg::copy as pg;
use super::{begin_write, Connection, Db, Pools, WriteTx};
use futures_util::StreamExt;
use rows::{Checksum, Column, Value};
use sqlx::{PgConnection, SqliteConnection};
use std::fmt;

/// A copied table and its primary key (the order its rows are read and compared in).
struct Table {
    name: &'static str,
    key: &'static [&'static str],
}

/// A table's columns from its schema's `(name, declared type)` pairs (either backend): a type
/// copy cannot carry faithfully stops it, naming the column.
pub(crate) fn columns_of(table: &str, declared: Vec<(String, String)>) -> Result<Vec<Column>, CopyError> {
    declared
        .into_iter()
        .map(|(name, declared)| match rows::Class::of_declared(&declared) {
            Some(class) => Ok(Column { name, class }),
            None => {
                Err(CopyError::Schema(format!("{table}.{name} has a type copy does not carry ({declared})")))
            }
        })
        .collect()
}

/// The tables that hold the archive, parents before children, so that every foreign key finds
/// its row (except [`FORWARD`]'s).
const TABLES: &[Table] = &[
    Table { name: "users", key: &["id"] },
    Table { name: "speakers", key: &["id"] },
    Table { name: "speaker_aliases", key: &["speaker_id", "alias"] },
    Table { name: "sources", key: &["id"] },
    Table { name: "source_revisions", key: &["id"] },
    Table { name: "speaker_revisions", key: &["id"] },
    Table { name: "source_snapshots", key: &["id"] },
    Table { name: "claims", key: &["id"] },
    Table { name: "appearances", key: &["id"] },
    Table { name: "claim_revisions", key: &["id"] },
    Table { name: "rulings", key: &["id"] },
    Table { name: "ruling_evidence", key: &["ruling_id", "position"] },
    Table { name: "ruling_reviews", key: &["id"] },
    Table { name: "claim_notes", key: &["id"] },
    Table { name: "desk_events", key: &["id"] },
    Table { name: "retractions", key: &["id"] },
    Table { name: "recorded_figures", key: &["id"] },
];

/// References to a row that may come later (a claim's published ruling, which refers to the
/// claim; a speaker merged into one with a higher id): copied as NULL, then set once every row is
/// in. Updating them fires no trigger that changes copied data.
const FORWARD: &[(&str, &str)] = &[("speakers", "merged_into"), ("claims", "ruling_id")];

/// Tables not copied, and why (the CLI prints this).
pub const NOT_COPIED: &[(&str, &str)] = &[
    ("sessions", "sign-ins are not carried over: everyone signs in again on the copy"),
    ("readiness_probe", "the readiness check's scratch row"),
    ("content_version", "the page caches' generation, kept by the target's triggers"),
    ("claim_counts", "rebuilt by the target's triggers, and compared"),
    ("speaker_claim_counts", "rebuilt by the target's triggers, and compared"),
    ("claim_search", "PostgreSQL's search index, kept by its triggers"),
    ("claims_fts", "SQLite's search index, kept by its triggers"),
    ("_sqlx_migrations", "each backend's own migrations"),
];

/// Kept tables compared after the copy: the target's triggers must have rebuilt them alike
/// (rows counting nothing are left out: one side may keep them, the other never made them).
const KEPT: &[(&str, &[&str])] =
    &[("claim_counts", &["kind", "status"]), ("speaker_claim_counts", &["speaker_id", "status"])];

/// Rows per INSERT statement at most, and bytes (a source's text can be a megabyte).
const BATCH_ROWS: usize = 500;
const BATCH_BYTES: usize = 8 << 20;

/// One line of the check: a table's rows and checksum on both sides.
#[derive(Debug, Clone)]
pub struct TableCheck {
    pub table: String,
    /// A copied table (rather than one the target rebuilt, compared as a check of its triggers).
    pub copied: bool,
    pub source_rows: u64,
    pub target_rows: u64,
    /// Hex SHA-256 of the rows (empty where only rows are counted: the search documents).
    pub source_sum: String,
    pub target_sum: String,
}

impl TableCheck {
    pub fn ok(&self) -> bool {
        self.source_rows == self.target_rows && self.source_sum == self.target_sum
    }
}

/// Why a copy did not happen (the target is left as it was).
#[derive(Debug)]
pub enum CopyError {
    /// The target already holds an archive.
    NotEmpty {
        table: String,
        rows: i64,
    },
    /// The two schemas differ, or hold something copy does not know.
    Schema(String),
    /// A value that does not fit its column on the target.
    Value {
        table: String,
        column: String,
        detail: String,
    },
    /// The copy read back differs from the source: nothing was committed.
    Mismatch(Vec<TableCheck>),
    Database(sqlx::Error),
    App(crate::AppError),
}

impl fmt::Display for CopyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CopyError::NotEmpty { table, rows } => write!(
                f,
                "the target is not empty ({table} has {rows} rows); copy only writes into a new, empty database"
            ),
            CopyError::Schema(detail) => write!(f, "the schemas do not match: {detail}"),
            CopyError::Value { table, column, detail } => write!(f, "{table}.{column}: {detail}"),
            CopyError::Mismatch(checks) => {
                let bad: Vec<&str> = checks.iter().filter(|c| !c.ok()).map(|c| c.table.as_str()).collect();
                write!(f, "the copy differs from the source in {}; nothing was committed", bad.join(", "))
            }
            CopyError::Database(e) => write!(f, "database error: {e}"),
            CopyError::App(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for CopyError {}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Database(e)
    }
}

/// Double-quotes an identifier (both backends accept it; `"of"` is a keyword on PostgreSQL).
pub(crate) fn quote(name: &str) -> String {
    format!("\"{}\"", name.replace('"', "\"\""))
}

/// Copies every table of `from` into `to` (migrated, and empty), checks the copy against the
/// source, and commits it only if every table matches. Returns the check, table by table.
pub async fn copy(from: &Db, to: &Db) -> Result<Vec<TableCheck>, CopyError> {
    let mut source = ReadTx::begin(from).await?;
    let mut write = begin_write(to).await.map_err(CopyError::App)?;
    let checks = {
        let mut src = source.conn();
        let mut dst = target(&mut write);
        let plan = plan(&mut src, &mut dst).await?;
        refuse_unless_empty(&mut dst).await?;
        let held = dst.hold_derived().await?;
        let mut forward = Vec::new();
        for (table, columns) in &plan {
            forward.extend(copy_table(&mut src, &mut dst, table, columns).await?);
        }
        for (table, column, pairs) in &forward {
            for chunk in pairs.chunks(10_000) {
                dst.set_column(table, column, chunk).await?;
            }
        }
        dst.rebuild_derived(&held).await?;
        for (table, _) in plan.iter().filter(|(t, _)| t.key == ["id"]) {
            let last = src.last_id(table.name).await?;
            dst.continue_ids_after(table.name, last).await?;
        }
        verify(&mut src, &mut dst, &plan).await?
    };
    if checks.iter().any(|c| !c.ok()) {
        drop(write); // rolls back: the target stays empty
        return Err(CopyError::Mismatch(checks));
    }
    write.commit().await?;
    Ok(checks)
}

/// Each copied table with the target's columns, after checking that both sides have the same
/// tables and columns: a table copy does not know (a new migration) stops it rather than being
/// left behind silently.
async fn plan(
    src: &mut Conn<'_>,
    dst: &mut Conn<'_>,
) -> Result<Vec<(&'static Table, Vec<Column>)>, CopyError> {
    for side in [src.tables().await?, dst.tables().await?] {
        let known = |t: &String| {
            TABLES.iter().any(|k| k.name == t)
                || NOT_COPIED.iter().any(|(n, _)| t.starts_with(n))
                || t.starts_with("sqlite_")
        };
        if let Some(unknown) = side.iter().find(|t| !known(t)) {
            return Err(CopyError::Schema(format!(
                "table {unknown} is not one copy knows; update claimtrack"
            )));
        }
    }
    let mut plan = Vec::new();
    for table in TABLES {
        let (theirs, ours) = (src.columns(table.name).await?, dst.columns(table.name).await?);
        let same = theirs.len() == ours.len()
            && ours.iter().all(|o| theirs.iter().any(|t| t.name == o.name && t.class.compatible(o.class)));
        if !same {
            return Err(CopyError::Schema(format!(
                "{} has other columns on the source (is it migrated? `claimtrack migrate --db SOURCE`)",
                table.name
            )));
        }
        plan.push((table, ours));
    }
    Ok(plan)
}

/// Refuses a target that holds any archive row (sessions included: they name users).
async fn refuse_unless_empty(dst: &mut Conn<'_>) -> Result<(), CopyError> {
    for name in TABLES.iter().map(|t| t.name).chain(["sessions"]) {
        let rows = dst.count(name).await?;
        if rows > 0 {
            return Err(CopyError::NotEmpty { table: name.to_owned(), rows });
        }
    }
    Ok(())
}

/// `SELECT` of `columns` of `table` in key order (text keys compare by code point on both: the
/// PostgreSQL columns are COLLATE "C", SQLite's BINARY).
fn select(table: &str, columns: &[Column], key: &[&str], filter: &str) -> String {
    let names: Vec<String> = columns.iter().map(|c| quote(&c.name)).collect();
    let order: Vec<String> = key.iter().map(|k| quote(k)).collect();
    format!("SELECT {} FROM {} {filter} ORDER BY {}", names.join(", "), quote(table), order.join(", "))
}

/// A forward reference to set after every row is in: table, column, (id, value) pairs.
type Forward = (&'static str, &'static str, Vec<(i64, i64)>);

/// Streams one table from the source into the target in batches. Returns the forward references
/// it held back.
async fn copy_table(
    src: &mut Conn<'_>,
    dst: &mut Conn<'_>,
    table: &Table,
    columns: &[Column],
) -> Result<Vec<Forward>, CopyError> {
    let sql = select(table.name, columns, table.key, "");
    let held: Vec<(usize, &'static str)> = FORWARD
        .iter()
        .filter(|(t, _)| *t == table.name)
        .filter_map(|(_, c)| columns.iter().position(|col| col.name == *c).map(|i| (i, *c)))
        .collect();
    let id_at = columns.iter().position(|c| c.name == "id");
    let mut forward: Vec<Forward> = held.iter().map(|(_, c)| (table.name, *c, Vec::new())).collect();
    let per_batch = BATCH_ROWS.min(30_000 / columns.len().max(1)).max(1);
    let (mut batch, mut bytes) = (Vec::new(), 0usize);
    let mut rows = src.rows(&sql);
    while let Some(row) = rows.next().await {
        let mut row = fit(table.name, columns, row?)?;
        for (n, (at, _)) in held.iter().enumerate() {
            if let (Value::Int(value), Some(Value::Int(id))) = (&row[*at], id_at.map(|i| &row[i])) {
                forward[n].2.push((*id, *value));
                row[*at] = Value::Null;
            }
        }
        bytes += row.iter().map(|v| if let Value::Text(s) = v { s.len() } else { 8 }).sum::<usize>();
        batch.push(row);
        if batch.len() >= per_batch || bytes >= BATCH_BYTES {
            dst.insert(table.name, columns, &batch).await?;
            (batch, bytes) = (Vec::new(), 0);
        }
    }
    if !batch.is_empty() {
        dst.insert(table.name, columns, &batch).await?;
    }
    Ok(forward)
}

/// A source row as the target's columns keep it.
fn fit(table: &str, columns: &[Column], row: Vec<Value>) -> Result<Vec<Value>, CopyError> {
    row.into_iter()
        .zip(columns)
        .map(|(value, column)| {
            rows::coerce(value, column.class).map_err(|detail| CopyError::Value {
                table: table.to_owned(),
                column: column.name.clone(),
                detail,
            })
        })
        .collect()
}

/// Reads every copied and kept table back from both sides and compares them.
async fn verify(
    src: &mut Conn<'_>,
    dst: &mut Conn<'_>,
    plan: &[(&'static Table, Vec<Column>)],
) -> Result<Vec<TableCheck>, CopyError> {
    let mut checks = Vec::new();
    for (table, columns) in plan {
        let sql = select(table.name, columns, table.key, "");
        checks.push(compare(src, dst, table.name, columns, &sql).await?);
    }
    for (name, key) in KEPT {
        let columns = dst.columns(name).await?;
        let sql = select(name, &columns, key, "WHERE n > 0");
        checks.push(TableCheck { copied: false, ..compare(src, dst, name, &columns, &sql).await? });
    }
    let (theirs, ours) = (src.search_documents().await?, dst.search_documents().await?);
    checks.push(TableCheck {
        table: "search documents".into(),
        copied: false,
        source_rows: theirs as u64,
        target_rows: ours as u64,
        source_sum: String::new(),
        target_sum: String::new(),
    });
    Ok(checks)
}

async fn compare(
    src: &mut Conn<'_>,
    dst: &mut Conn<'_>,
    table: &str,
    columns: &[Column],
    sql: &str,
) -> Result<TableCheck, CopyError> {
    let (source_rows, source_sum) = checksum(src, table, columns, sql).await?;
    let (target_rows, target_sum) = checksum(dst, table, columns, sql).await?;
    Ok(TableCheck { table: table.to_owned(), copied: true, source_rows, target_rows, source_sum, target_sum })
}

async fn checksum(
    side: &mut Conn<'_>,
    table: &str,
    columns: &[Column],
    sql: &str,
) -> Result<(u64, String), CopyError> {
    let mut sum = Checksum::default();
    let mut rows = side.rows(sql);
    while let Some(row) = rows.next().await {
        sum.add(&fit(table, columns, row?)?);
    }
    Ok(sum.finish())
}

/// The source's read transaction: one snapshot for the copy and its check.
enum ReadTx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

impl ReadTx {
    async fn begin(db: &Db) -> Result<ReadTx, CopyError> {
        Ok(match db.pools() {
            // Deferred: the snapshot is taken at the first read and kept (WAL) to the end.
            Pools::Sqlite(pool) => ReadTx::Sqlite(pool.begin().await?),
            Pools::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                ReadTx::Postgres(tx)
            }
        })
    }

    fn conn(&mut self) -> Conn<'_> {
        match self {
            ReadTx::Sqlite(tx) => Conn::Sqlite(tx),
            ReadTx::Postgres(tx) => Conn::Postgres(tx),
        }
    }
}

fn target(write: &mut WriteTx) -> Conn<'_> {
    match write.connection() {
        Connection::Sqlite(conn) => Conn::Sqlite(conn),
        Connection::Postgres(tx) => Conn::Postgres(tx),
    }
}

/// One side of the copy, on either backend; each method hands over to that backend's form.
enum Conn<'a> {
    Sqlite(&'a mut SqliteConnection),
    Postgres(&'a mut PgConnection),
}

/// `conn.method(args)` on whichever backend this side is.
macro_rules! either {
    ($conn:expr, $method:ident ($($arg:expr),*)) => {
        match $conn {
            Conn::Sqlite(c) => sqlite::$method(c, $($arg),*).await,
            Conn::Postgres(c) => pg::$method(c, $($arg),*).await,
        }
    };
}

impl Conn<'_> {
    async fn tables(&mut self) -> Result<Vec<String>, CopyError> {
        either!(self, tables())
    }
    async fn columns(&mut self, table: &str) -> Result<Vec<Column>, CopyError> {
        either!(self, columns(table))
    }
    async fn count(&mut self, table: &str) -> Result<i64, CopyError> {
        let sql = format!("SELECT count(*) FROM {}", quote(table));
        Ok(match self {
            Conn::Sqlite(c) => sqlx::query_scalar(&sql).fetch_one(&mut **c).await?,
            Conn::Postgres(c) => sqlx::query_scalar(&sql).fetch_one(&mut **c).await?,
        })
    }
    fn rows<'s>(
        &'s mut self,
        sql: &'s str,
    ) -> futures_util::stream::BoxStream<'s, Result<Vec<Value>, CopyError>> {
        match self {
            Conn::Sqlite(c) => sqlite::rows(c, sql),
            Conn::Postgres(c) => pg::rows(c, sql),
        }
    }
    async fn insert(
        &mut self,
        table: &str,
        columns: &[Column],
        rows: &[Vec<Value>],
    ) -> Result<(), CopyError> {
        either!(self, insert(table, columns, rows))
    }
    async fn set_column(&mut self, table: &str, column: &str, pairs: &[(i64, i64)]) -> Result<(), CopyError> {
        either!(self, set_column(table, column, pairs))
    }
    async fn last_id(&mut self, table: &str) -> Result<i64, CopyError> {
        either!(self, last_id(table))
    }
    async fn continue_ids_after(&mut self, table: &str, last: i64) -> Result<(), CopyError> {
        either!(self, continue_ids_after(table, last))
    }
    async fn hold_derived(&mut self) -> Result<Vec<(String, String)>, CopyError> {
        either!(self, hold_derived())
    }
    async fn rebuild_derived(&mut self, held: &[(String, String)]) -> Result<(), CopyError> {
        either!(self, rebuild_derived(held))
    }
    async fn search_documents(&mut self) -> Result<i64, CopyError> {
        either!(self, search_documents())
    }
}
