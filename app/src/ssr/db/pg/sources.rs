//! Sources on PostgreSQL (twin of `db::sources`). Dates and timestamps are stored as text on both
//! backends: cast in the SELECT to decode as on SQLite, formatted before binding (a DATE bound
//! into a text column would follow the session's DateStyle).

use super::write::WriteTx;
use crate::model::{public_id, Appearance, Source};
use crate::ssr::db::sources::{appearances, AppearanceRow};
use crate::AppError;
use chrono::NaiveDate;
use sqlx::PgPool;

/// A date as stored: `YYYY-MM-DD`.
pub(super) fn stored_date(date: Option<NaiveDate>) -> Option<String> {
    date.map(|d| d.format("%Y-%m-%d").to_string())
}

/// See `db::sources::title_by_id`.
pub async fn title_by_id(pool: &PgPool, id: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!("SELECT title FROM sources WHERE id = $1", id).fetch_optional(pool).await?)
}

/// id, url, title, outlet, author, published_on.
type SourceRow = (i64, String, String, String, Option<String>, Option<NaiveDate>);

/// See `db::sources::by_id`.
pub async fn by_id(pool: &PgPool, id: i64) -> Result<Option<Source>, AppError> {
    let row: Option<SourceRow> = sqlx::query!(
        "SELECT id, url, title, outlet, author, published_on::date FROM sources WHERE id = $1",
        id
    )
    .fetch_optional(pool)
    .await?
    .map(|r| (r.id, r.url, r.title, r.outlet, r.author, r.published_on));
    Ok(row.map(|(id, url, title, outlet, author, published_on)| Source {
        public_id: public_id::encode(id),
        url,
        title,
        outlet,
        author,
        published_on,
    }))
}

/// See `db::sources::appearances_of`.
pub async fn appearances_of(
    pool: &PgPool,
    claim_id: i64,
    with_lost_words: bool,
) -> Result<Vec<Appearance>, AppError> {
    // The speaker comes from a LEFT JOIN, whose columns PostgreSQL describes as never null here.
    let rows: Vec<AppearanceRow> = sqlx::query_as!(
        AppearanceRow,
        r#"SELECT s.id, s.url, s.title, s.outlet, s.author, s.published_on::date AS published_on, a.start_byte,
                a.end_byte, a.lost_at::timestamptz AS lost_at, a.lost_passage, a.lost_replacement,
                coalesce(a.said_on, s.published_on)::date AS said_on, a.words, sp.slug AS "speaker_slug?",
                sp.name AS "speaker_name?"
           FROM appearances a JOIN sources s ON s.id = a.source_id
                LEFT JOIN speakers sp ON sp.id = a.speaker_id
          WHERE a.claim_id = $1
          ORDER BY a.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(appearances(rows, with_lost_words))
}

/// See `db::sources::insert`.
pub async fn insert(tx: &mut WriteTx, source: &Source) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!("INSERT INTO sources (url, title, outlet, author, published_on) VALUES ($1, $2, $3, $4, $5) RETURNING id", &source.url, &source.title, &source.outlet, source.author.as_deref(), stored_date(source.published_on))
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::sources::id_by_url`.
pub async fn id_by_url(tx: &mut WriteTx, url: &str) -> Result<Option<i64>, AppError> {
    Ok(sqlx::query_scalar!("SELECT id FROM sources WHERE url = $1", url).fetch_optional(&mut **tx).await?)
}

/// See `db::sources::has_published_claims`.
pub async fn has_published_claims(pool: &PgPool, source_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                         WHERE a.source_id = $1 AND c.stage = 'published') AS "v!""#,
        source_id
    )
    .fetch_one(pool)
    .await?)
}
