//! `claimtrack copy` on PostgreSQL (twin of `db/copy/sqlite.rs`): tables, columns, rows as
//! [`Value`]s, writing them, and moving the id sequences past the copied ids.
//!
//! The triggers that keep derived state (search documents, kept counts, the content version) are
//! held for the copy and their work done once at the end ([`hold_derived`], [`rebuild_derived`]):
//! row by row, every insert updated the one `content_version` row (and a dozen count rows) again
//! in the same transaction, and each update walks the row's chain of versions made since the
//! transaction began, so the copy slowed quadratically — over ten minutes at 100,000 claims
//! before it was stopped.
//!
//! Runtime-checked, the rest compile-time checked: [`rows`] (its SELECT comes from the caller, per
//! table), [`insert`], [`set_column`] and [`continue_ids_after`] (table and column names, and as
//! many parameters as rows × columns), and the trigger switches of [`hold_derived`] and
//! [`rebuild_derived`] (the table and trigger names read from the catalog). The macros need SQL
//! known when the crate compiles.

use crate::ssr::db::copy::rows::{Class, Column, Value};
use crate::ssr::db::copy::{quote, CopyError};
use futures_util::stream::{BoxStream, StreamExt};
use sqlx::postgres::PgRow;
use sqlx::{Column as _, PgConnection, Row, TypeInfo, ValueRef};

pub async fn tables(conn: &mut PgConnection) -> Result<Vec<String>, CopyError> {
    Ok(sqlx::query_scalar!(
        "SELECT table_name::text AS \"name!\" FROM information_schema.tables \
          WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1"
    )
    .fetch_all(conn)
    .await?)
}

pub async fn columns(conn: &mut PgConnection, table: &str) -> Result<Vec<Column>, CopyError> {
    let rows: Vec<(String, String)> = sqlx::query!(
        r#"SELECT column_name::text AS "name!", data_type::text AS "type!" FROM information_schema.columns
            WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position"#,
        table
    )
    .fetch_all(conn)
    .await?
    .into_iter()
    .map(|r| (r.name, r.r#type))
    .collect();
    crate::ssr::db::copy::columns_of(table, rows)
}

/// The rows `sql` selects, each value by its column's type.
pub fn rows<'c>(conn: &'c mut PgConnection, sql: &'c str) -> BoxStream<'c, Result<Vec<Value>, CopyError>> {
    sqlx::query(sql)
        .fetch(conn)
        .map(|row| {
            let row = row?;
            (0..row.len()).map(|i| value(&row, i)).collect()
        })
        .boxed()
}

fn value(row: &PgRow, i: usize) -> Result<Value, CopyError> {
    if row.try_get_raw(i)?.is_null() {
        return Ok(Value::Null);
    }
    Ok(match row.column(i).type_info().name() {
        "INT8" => Value::Int(row.try_get(i)?),
        "INT4" => Value::Int(row.try_get::<i32, _>(i)?.into()),
        "INT2" => Value::Int(row.try_get::<i16, _>(i)?.into()),
        "BOOL" => Value::Int(row.try_get::<bool, _>(i)?.into()),
        "FLOAT8" => Value::Real(row.try_get(i)?),
        "FLOAT4" => Value::Real(row.try_get::<f32, _>(i)?.into()),
        "TEXT" | "VARCHAR" | "BPCHAR" => Value::Text(row.try_get(i)?),
        other => return Err(CopyError::Schema(format!("a column of type {other} cannot be copied"))),
    })
}

/// Inserts `rows` (each in the order of `columns`) in one statement, each value bound with its
/// column's type (a NULL too: PostgreSQL wants to know which).
pub async fn insert(
    conn: &mut PgConnection,
    table: &str,
    columns: &[Column],
    rows: &[Vec<Value>],
) -> Result<(), CopyError> {
    let mut sql = format!(
        "INSERT INTO {} ({}) OVERRIDING SYSTEM VALUE VALUES ",
        quote(table),
        columns.iter().map(|c| quote(&c.name)).collect::<Vec<_>>().join(", ")
    );
    let mut n = 0;
    for (r, _) in rows.iter().enumerate() {
        sql.push_str(if r == 0 { "(" } else { ", (" });
        for c in 0..columns.len() {
            n += 1;
            sql.push_str(&format!("{}${n}", if c == 0 { "" } else { ", " }));
        }
        sql.push(')');
    }
    let mut query = sqlx::query(&sql);
    for row in rows {
        for (value, column) in row.iter().zip(columns) {
            query = match (value, column.class) {
                (Value::Null, Class::Int) => query.bind(None::<i64>),
                (Value::Null, Class::Real) => query.bind(None::<f64>),
                (Value::Null, Class::Text) => query.bind(None::<String>),
                (Value::Null, Class::Bool) => query.bind(None::<bool>),
                (Value::Int(n), Class::Bool) => query.bind(*n != 0),
                (Value::Int(n), _) => query.bind(*n),
                (Value::Real(x), _) => query.bind(*x),
                (Value::Text(s), _) => query.bind(s.as_str()),
            };
        }
    }
    query.execute(conn).await?;
    Ok(())
}

/// Sets `column` of the rows `pairs` name (id, value), in one statement.
pub async fn set_column(
    conn: &mut PgConnection,
    table: &str,
    column: &str,
    pairs: &[(i64, i64)],
) -> Result<(), CopyError> {
    let sql = format!(
        "UPDATE {t} SET {c} = v.value FROM unnest($1::bigint[], $2::bigint[]) AS v(id, value) WHERE {t}.id = v.id",
        t = quote(table),
        c = quote(column)
    );
    let (ids, values): (Vec<i64>, Vec<i64>) = pairs.iter().copied().unzip();
    sqlx::query(&sql).bind(ids).bind(values).execute(conn).await?;
    Ok(())
}

/// The last id `table`'s sequence handed out, 0 if none.
pub async fn last_id(conn: &mut PgConnection, table: &str) -> Result<i64, CopyError> {
    let last: Option<i64> = sqlx::query_scalar!(
        "SELECT pg_sequence_last_value(pg_get_serial_sequence($1, 'id')::regclass)",
        table
    )
    .fetch_one(conn)
    .await?;
    Ok(last.unwrap_or(0))
}

/// Makes `table`'s next id come after `last` and after every id it holds: inserting ids does not
/// move an identity's sequence, so without this the next new claim would take id 1.
pub async fn continue_ids_after(conn: &mut PgConnection, table: &str, last: i64) -> Result<(), CopyError> {
    let sql = format!(
        "SELECT setval(pg_get_serial_sequence($1, 'id'), greatest($2, max(id))) FROM {} \
          HAVING greatest($2, max(id)) > 0",
        quote(table)
    );
    sqlx::query(&sql).bind(table).bind(last).execute(conn).await?;
    Ok(())
}

/// How many documents the search index holds.
pub async fn search_documents(conn: &mut PgConnection) -> Result<i64, CopyError> {
    Ok(sqlx::query_scalar!(r#"SELECT count(*) AS "v!" FROM claim_search"#).fetch_one(conn).await?)
}

/// The trigger functions whose work [`rebuild_derived`] does in bulk instead.
const DERIVED: &[&str] = &["bump_content_version", "claim_counts_follow", "claim_search_follow"];

/// Disables the derived-state triggers (inside the copy's transaction: a failure rolls this back
/// too; the tables stay locked to other sessions until it commits). Returns (table, trigger).
pub async fn hold_derived(conn: &mut PgConnection) -> Result<Vec<(String, String)>, CopyError> {
    let held: Vec<(String, String)> = sqlx::query!(
        r#"SELECT c.relname::text AS "table!", t.tgname::text AS "trigger!" FROM pg_trigger t
             JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
            WHERE NOT t.tgisinternal AND c.relnamespace = current_schema()::regnamespace
              AND p.proname = ANY ($1) ORDER BY 1, 2"#,
        DERIVED as &[&str]
    )
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|r| (r.table, r.trigger))
    .collect();
    for (table, trigger) in &held {
        let sql = format!("ALTER TABLE {} DISABLE TRIGGER {}", quote(table), quote(trigger));
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(held)
}

/// Does what the held triggers would have done, with the schema's own functions where it has
/// them, then enables them again: every listed claim's search document, the counts of published
/// claims (by kind and status, by speaker and status, as `claim_counts_follow` keeps them), and
/// the content version moved on, so that every replica's page cache lets go of the empty archive.
pub async fn rebuild_derived(conn: &mut PgConnection, held: &[(String, String)]) -> Result<(), CopyError> {
    // Statistics first: the tables were empty when last analysed, and planned as empty the
    // search documents' subqueries scanned every appearance per claim (15–20 s a slice).
    sqlx::query!("ANALYZE").execute(&mut *conn).await?;
    // In slices: the function matches documents with `= ANY (ids)`, which costs ids × documents
    // (over two minutes for 82,000 listed claims at once, 0.3 s a slice of 5,000).
    let listed: Vec<i64> =
        sqlx::query_scalar!("SELECT id FROM claims WHERE list_seq IS NOT NULL ORDER BY id")
            .fetch_all(&mut *conn)
            .await?;
    for ids in listed.chunks(5_000) {
        sqlx::query!("SELECT refresh_claim_search($1)", ids).execute(&mut *conn).await?;
    }
    sqlx::query!(
        "INSERT INTO claim_counts (kind, status, n) \
         SELECT kind, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY kind, status"
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO speaker_claim_counts (speaker_id, status, n) \
         SELECT speaker_id, status, count(*) FROM claims WHERE status IS NOT NULL GROUP BY speaker_id, status"
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!("UPDATE content_version SET version = version + 1000000000 WHERE id = 1")
        .execute(&mut *conn)
        .await?;
    for (table, trigger) in held {
        let sql = format!("ALTER TABLE {} ENABLE TRIGGER {}", quote(table), quote(trigger));
        sqlx::query(&sql).execute(&mut *conn).await?;
    }
    Ok(())
}
