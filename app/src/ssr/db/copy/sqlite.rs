//! `claimtrack copy` on a SQLite file: what tables and columns it has, its rows as [`Value`]s,
//! and writing them. Runtime-checked SQL: the tables and columns are read from the schema.

use super::rows::{Column, Value};
use super::{quote, CopyError};
use futures_util::stream::{BoxStream, StreamExt};
use sqlx::{Row, SqliteConnection, TypeInfo, ValueRef};

pub async fn tables(conn: &mut SqliteConnection) -> Result<Vec<String>, CopyError> {
    Ok(sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .fetch_all(conn)
        .await?)
}

pub async fn columns(conn: &mut SqliteConnection, table: &str) -> Result<Vec<Column>, CopyError> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT name, type FROM pragma_table_info(?) ORDER BY cid")
            .bind(table)
            .fetch_all(conn)
            .await?;
    super::columns_of(table, rows)
}

/// The rows `sql` selects, each value as stored (SQLite's storage class decides its kind).
pub fn rows<'c>(
    conn: &'c mut SqliteConnection,
    sql: &'c str,
) -> BoxStream<'c, Result<Vec<Value>, CopyError>> {
    sqlx::query(sql)
        .fetch(conn)
        .map(|row| {
            let row = row?;
            (0..row.len()).map(|i| value(&row, i)).collect()
        })
        .boxed()
}

fn value(row: &sqlx::sqlite::SqliteRow, i: usize) -> Result<Value, CopyError> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let kind = raw.type_info().name().to_owned();
    Ok(match kind.as_str() {
        "INTEGER" => Value::Int(row.try_get_unchecked(i)?),
        "REAL" => Value::Real(row.try_get_unchecked(i)?),
        "TEXT" => Value::Text(row.try_get_unchecked(i)?),
        other => return Err(CopyError::Schema(format!("a stored value of type {other} cannot be copied"))),
    })
}

/// Inserts `rows` (each in the order of `columns`) in one statement.
pub async fn insert(
    conn: &mut SqliteConnection,
    table: &str,
    columns: &[Column],
    rows: &[Vec<Value>],
) -> Result<(), CopyError> {
    let row = format!("({})", vec!["?"; columns.len()].join(", "));
    let sql = format!(
        "INSERT INTO {} ({}) VALUES {}",
        quote(table),
        columns.iter().map(|c| quote(&c.name)).collect::<Vec<_>>().join(", "),
        vec![row; rows.len()].join(", ")
    );
    let mut query = sqlx::query(&sql);
    for value in rows.iter().flatten() {
        query = match value {
            Value::Null => query.bind(None::<i64>),
            Value::Int(n) => query.bind(*n),
            Value::Real(x) => query.bind(*x),
            Value::Text(s) => query.bind(s.as_str()),
        };
    }
    query.execute(conn).await?;
    Ok(())
}

/// Sets `column` of the rows `pairs` name (id, value): the references copied as NULL first.
pub async fn set_column(
    conn: &mut SqliteConnection,
    table: &str,
    column: &str,
    pairs: &[(i64, i64)],
) -> Result<(), CopyError> {
    let sql = format!("UPDATE {} SET {} = ? WHERE id = ?", quote(table), quote(column));
    for (id, value) in pairs {
        sqlx::query(&sql).bind(value).bind(id).execute(&mut *conn).await?;
    }
    Ok(())
}

/// The last id `table` handed out (AUTOINCREMENT never reuses one), 0 if none.
pub async fn last_id(conn: &mut SqliteConnection, table: &str) -> Result<i64, CopyError> {
    let seq: Option<i64> = sqlx::query_scalar("SELECT seq FROM sqlite_sequence WHERE name = ?")
        .bind(table)
        .fetch_optional(conn)
        .await?;
    Ok(seq.unwrap_or(0))
}

/// Makes `table`'s next id come after `last` (inserting ids moved it past the copied ones
/// already; this carries over ids the source handed out and no longer holds).
pub async fn continue_ids_after(
    conn: &mut SqliteConnection,
    table: &str,
    last: i64,
) -> Result<(), CopyError> {
    if last <= 0 {
        return Ok(());
    }
    let updated = sqlx::query("UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?")
        .bind(last)
        .bind(table)
        .execute(&mut *conn)
        .await?;
    if updated.rows_affected() == 0 {
        sqlx::query("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)")
            .bind(table)
            .bind(last)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// How many documents the search index holds (FTS5 counts a contentless table's rows).
pub async fn search_documents(conn: &mut SqliteConnection) -> Result<i64, CopyError> {
    Ok(sqlx::query_scalar("SELECT count(*) FROM claims_fts").fetch_one(conn).await?)
}

/// SQLite's triggers keep up row by row (a row updated again is updated in place), so none is
/// held; see the PostgreSQL twin.
pub async fn hold_derived(_conn: &mut SqliteConnection) -> Result<Vec<(String, String)>, CopyError> {
    Ok(Vec::new())
}

pub async fn rebuild_derived(
    _conn: &mut SqliteConnection,
    _held: &[(String, String)],
) -> Result<(), CopyError> {
    Ok(())
}
