//! Writing sources.

use super::pg;
use super::{Db, WriteTx};
use crate::model::forms::source::SourceInput;
use crate::model::{public_id, SourceEdit};
use crate::AppError;
use chrono::NaiveDate;

/// A source's editable fields for its edit form: [`editable`] read in one transaction, so the
/// form shows one consistent state (the same function the writes check against).
pub async fn for_form(db: &Db, id: i64) -> Result<Option<SourceEdit>, AppError> {
    let pool = sqlite_or_pg!(db, pg::source_edits::for_form(id));
    let mut tx = pool.begin().await?;
    let found = editable_in(&mut tx, id).await?;
    tx.commit().await?;
    Ok(found)
}

pub async fn editable(tx: &mut WriteTx, id: i64) -> Result<Option<SourceEdit>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::source_edits::editable(id));
    editable_in(conn, id).await
}

async fn editable_in(tx: &mut sqlx::SqliteConnection, id: i64) -> Result<Option<SourceEdit>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id AS "id!", url, title, outlet, author, published_on AS "published_on: NaiveDate", body, version
             FROM sources WHERE id = ?"#,
        id
    )
    .fetch_optional(&mut *tx)
    .await?;
    Ok(row.map(|r| SourceEdit {
        public_id: public_id::encode(r.id),
        url: r.url,
        title: r.title,
        outlet: r.outlet,
        author: r.author,
        published_on: r.published_on,
        body: r.body,
        version: r.version,
    }))
}

/// Adds a source; a URL already used is a conflict that names it.
pub async fn insert(tx: &mut WriteTx, s: &SourceInput) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::source_edits::insert(s));
    sqlx::query_scalar!(
        r#"INSERT INTO sources (url, title, outlet, author, published_on, body) VALUES (?, ?, ?, ?, ?, ?)
           RETURNING id AS "id!""#,
        s.url,
        s.title,
        s.outlet,
        s.author,
        s.published_on,
        s.body
    )
    .fetch_one(&mut *conn)
    .await
    .map_err(|err| duplicate_url(err, &s.url))
}

/// Applies an edit if the source is still at `version`; returns whether it was.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, s: &SourceInput) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::source_edits::update(id, version, s));
    let done = sqlx::query!(
        "UPDATE sources SET url = ?, title = ?, outlet = ?, author = ?, published_on = ?, body = ?, version = version + 1
          WHERE id = ? AND version = ?",
        s.url,
        s.title,
        s.outlet,
        s.author,
        s.published_on,
        s.body,
        id,
        version
    )
    .execute(&mut *conn)
    .await
    .map_err(|err| duplicate_url(err, &s.url))?;
    Ok(done.rows_affected() == 1)
}

fn duplicate_url(err: sqlx::Error, url: &str) -> AppError {
    match AppError::from(err) {
        AppError::Conflict(_) => {
            AppError::invalid("url", format!("Another source already has the address {url}."))
        }
        other => other,
    }
}
