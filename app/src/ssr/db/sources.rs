//! Sources: the documents claims appear in.

use super::pg;
use super::Db;
use super::WriteTx;
use crate::model::{public_id, Appearance, LostWords, Source, SpeakerRef};
use crate::AppError;
use chrono::NaiveDate;

/// A source's title, for labelling a filter.
pub async fn title_by_id(db: &Db, id: i64) -> Result<Option<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sources::title_by_id(id));
    Ok(sqlx::query_scalar!("SELECT title FROM sources WHERE id = ?", id).fetch_optional(pool).await?)
}

/// A source's metadata by internal id.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Source>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sources::by_id(id));
    let row = sqlx::query!(
        r#"SELECT id AS "id!", url, title, outlet, author, published_on AS "published_on: NaiveDate"
             FROM sources WHERE id = ?"#,
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Source {
        public_id: public_id::encode(r.id),
        url: r.url,
        title: r.title,
        outlet: r.outlet,
        author: r.author,
        published_on: r.published_on,
    }))
}

#[derive(sqlx::FromRow)]
pub(super) struct AppearanceRow {
    pub(super) id: i64,
    pub(super) url: String,
    pub(super) title: String,
    pub(super) outlet: String,
    pub(super) author: Option<String>,
    pub(super) published_on: Option<NaiveDate>,
    pub(super) start_byte: Option<i64>,
    pub(super) end_byte: Option<i64>,
    pub(super) lost_at: Option<chrono::DateTime<chrono::Utc>>,
    pub(super) lost_passage: Option<String>,
    pub(super) lost_replacement: Option<String>,
    pub(super) said_on: Option<NaiveDate>,
    pub(super) words: Option<String>,
    pub(super) speaker_slug: Option<String>,
    pub(super) speaker_name: Option<String>,
}

/// Where a claim appears, in the order the appearances were recorded; with `with_lost_words`
/// (editors), the passages a changed text no longer holds.
pub async fn appearances_of(
    db: &Db,
    claim_id: i64,
    with_lost_words: bool,
) -> Result<Vec<Appearance>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sources::appearances_of(claim_id, with_lost_words));
    let rows: Vec<AppearanceRow> = sqlx::query_as(
        "SELECT s.id, s.url, s.title, s.outlet, s.author, s.published_on, a.start_byte, a.end_byte,
                a.lost_at, a.lost_passage, a.lost_replacement, coalesce(a.said_on, s.published_on) AS said_on,
                a.words, sp.slug AS speaker_slug, sp.name AS speaker_name
           FROM appearances a JOIN sources s ON s.id = a.source_id
                LEFT JOIN speakers sp ON sp.id = a.speaker_id
          WHERE a.claim_id = ?
          ORDER BY a.id",
    )
    .bind(claim_id)
    .fetch_all(pool)
    .await?;
    Ok(appearances(rows, with_lost_words))
}

/// Appearances as pages show them (the same on every backend).
pub(super) fn appearances(rows: Vec<AppearanceRow>, with_lost_words: bool) -> Vec<Appearance> {
    rows.into_iter()
        .map(|r| Appearance {
            source: Source {
                public_id: public_id::encode(r.id),
                url: r.url,
                title: r.title,
                outlet: r.outlet,
                author: r.author,
                published_on: r.published_on,
            },
            span: r.start_byte.zip(r.end_byte),
            speaker: r.speaker_slug.zip(r.speaker_name).map(|(slug, name)| SpeakerRef { slug, name }),
            said_on: r.said_on,
            words: r.words,
            // Lost only while the words have no place: a later version that has them again
            // gives them one.
            lost: r.lost_at.filter(|_| r.start_byte.is_none()).map(|noticed| LostWords {
                noticed,
                passage: r.lost_passage.filter(|_| with_lost_words),
                replacement: r.lost_replacement.filter(|_| with_lost_words),
            }),
        })
        .collect()
}

/// Adds a source; returns its internal id.
pub async fn insert(tx: &mut WriteTx, source: &Source) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::sources::insert(source));
    let id = sqlx::query_scalar!(
        "INSERT INTO sources (url, title, outlet, author, published_on) VALUES (?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
        source.url,
        source.title,
        source.outlet,
        source.author,
        source.published_on
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// The internal id of the source with this URL.
pub async fn id_by_url(tx: &mut WriteTx, url: &str) -> Result<Option<i64>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::sources::id_by_url(url));
    Ok(sqlx::query_scalar!(r#"SELECT id AS "id!" FROM sources WHERE url = ?"#, url)
        .fetch_optional(&mut *conn)
        .await?)
}

/// Whether a source has published claims (readers see only such sources).
pub async fn has_published_claims(db: &Db, source_id: i64) -> Result<bool, AppError> {
    let pool = sqlite_or_pg!(db, pg::sources::has_published_claims(source_id));
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                           WHERE a.source_id = ? AND c.stage = 'published') AS "yes!: bool""#,
        source_id
    )
    .fetch_one(pool)
    .await?)
}
