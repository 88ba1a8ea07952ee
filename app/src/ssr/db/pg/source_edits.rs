//! Writing sources on PostgreSQL (twin of `db::source_edits`). A failed statement aborts a
//! PostgreSQL transaction (SQLite's goes on): a duplicate address ends the write here, as it
//! does on SQLite, where the caller returns the error and the transaction rolls back.

use super::sources::stored_date;
use super::write::WriteTx;
use crate::model::forms::source::SourceInput;
use crate::model::{public_id, SourceEdit};
use crate::AppError;
use chrono::NaiveDate;
use sqlx::{PgConnection, PgPool};

/// id, url, title, outlet, author, published on, body, version.
type EditRow = (i64, String, String, String, Option<String>, Option<NaiveDate>, Option<String>, i64);

/// See `db::source_edits::for_form`.
pub async fn for_form(pool: &PgPool, id: i64) -> Result<Option<SourceEdit>, AppError> {
    let mut tx = pool.begin().await?;
    let found = editable(&mut tx, id).await?;
    tx.commit().await?;
    Ok(found)
}

/// See `db::source_edits::editable`.
pub async fn editable(tx: &mut PgConnection, id: i64) -> Result<Option<SourceEdit>, AppError> {
    let row: Option<EditRow> = sqlx::query!(
        "SELECT id, url, title, outlet, author, published_on::date, body, version FROM sources WHERE id = $1",
        id
    )
    .fetch_optional(tx)
    .await?
    .map(|r| (r.id, r.url, r.title, r.outlet, r.author, r.published_on, r.body, r.version));
    Ok(row.map(|(id, url, title, outlet, author, published_on, body, version)| SourceEdit {
        public_id: public_id::encode(id),
        url,
        title,
        outlet,
        author,
        published_on,
        body,
        version,
    }))
}

/// See `db::source_edits::insert`.
pub async fn insert(tx: &mut WriteTx, s: &SourceInput) -> Result<i64, AppError> {
    sqlx::query_scalar!(
        "INSERT INTO sources (url, title, outlet, author, published_on, body) VALUES ($1, $2, $3, $4, $5, $6)
         RETURNING id",
        &s.url,
        &s.title,
        &s.outlet,
        s.author.as_deref(),
        stored_date(s.published_on),
        s.body.as_deref()
    )
    .fetch_one(&mut **tx)
    .await
    .map_err(|err| duplicate_url(err, &s.url))
}

/// See `db::source_edits::update`.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, s: &SourceInput) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE sources SET url = $1, title = $2, outlet = $3, author = $4, published_on = $5, body = $6,
                version = version + 1
          WHERE id = $7 AND version = $8",
        &s.url,
        &s.title,
        &s.outlet,
        s.author.as_deref(),
        stored_date(s.published_on),
        s.body.as_deref(),
        id,
        version
    )
    .execute(&mut **tx)
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
