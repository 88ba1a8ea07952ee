//! Speakers and their aliases on PostgreSQL (twin of `db::speakers`). Names sort by code point
//! (the schema's "C" columns), as SQLite's BINARY; "the same name ignoring case" is lower() = lower().

use super::write::WriteTx;
use crate::model::{Speaker, SpeakerKind, SpeakerRef};
use crate::AppError;
use sqlx::PgPool;

/// See `db::speakers::name_by_slug`.
pub async fn name_by_slug(pool: &PgPool, slug: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!("SELECT name FROM speakers WHERE slug = $1", slug).fetch_optional(pool).await?)
}

/// See `db::speakers::by_slug`.
pub async fn by_slug(pool: &PgPool, slug: &str) -> Result<Option<(i64, Speaker)>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, slug, name, description, kind AS "kind: SpeakerKind" FROM speakers WHERE slug = $1"#,
        slug
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let (id, slug, name, description, kind) = (row.id, row.slug, row.name, row.description, row.kind);
    let aliases =
        sqlx::query_scalar!("SELECT alias FROM speaker_aliases WHERE speaker_id = $1 ORDER BY alias", id)
            .fetch_all(pool)
            .await?;
    Ok(Some((id, Speaker { slug, name, description, kind, aliases })))
}

/// See `db::speakers::by_id`.
pub async fn by_id(pool: &PgPool, id: i64) -> Result<Option<Speaker>, AppError> {
    let slug: Option<String> =
        sqlx::query_scalar!("SELECT slug FROM speakers WHERE id = $1", id).fetch_optional(pool).await?;
    match slug {
        Some(slug) => Ok(by_slug(pool, &slug).await?.map(|(_, speaker)| speaker)),
        None => Ok(None),
    }
}

/// See `db::speakers::insert`.
pub async fn insert(tx: &mut WriteTx, speaker: &Speaker) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar!(
        "INSERT INTO speakers (slug, name, description, kind) VALUES ($1, $2, $3, $4) RETURNING id",
        &speaker.slug,
        &speaker.name,
        &speaker.description,
        speaker.kind as _
    )
    .fetch_one(&mut **tx)
    .await?;
    for alias in &speaker.aliases {
        sqlx::query!("INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2)", id, alias)
            .execute(&mut **tx)
            .await?;
    }
    Ok(id)
}

/// See `db::speakers::matching_name`.
pub async fn matching_name(tx: &mut WriteTx, name: &str) -> Result<Vec<(i64, String, String)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT DISTINCT s.id, s.name, s.slug FROM speakers s
            WHERE s.merged_into IS NULL
              AND (lower(s.name) = lower($1 COLLATE "C") OR s.slug = $1
                   OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE lower(alias) = lower($1 COLLATE "C")))
            ORDER BY s.name, s.id"#,
        name
    )
    .fetch_all(&mut **tx)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name, r.slug)).collect())
}

/// See `db::speakers::names`.
pub async fn names(pool: &PgPool) -> Result<Vec<String>, AppError> {
    // The comment keeps this SQL apart from SQLite's same text: sqlx keys offline data by SQL alone.
    Ok(sqlx::query_scalar!(
        "SELECT name FROM speakers WHERE merged_into IS NULL ORDER BY name LIMIT 5000 -- PostgreSQL"
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::speakers::merged_into`.
pub async fn merged_into(pool: &PgPool, slug: &str) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT t.slug FROM speakers s JOIN speakers t ON t.id = s.merged_into WHERE s.slug = $1",
        slug
    )
    .fetch_optional(pool)
    .await?)
}

/// See `db::speakers::list`.
pub async fn list(pool: &PgPool, limit: i64) -> Result<Vec<Speaker>, AppError> {
    Ok(sqlx::query_as!(
        Speaker,
        r#"SELECT s.slug, s.name, s.description, s.kind AS "kind: SpeakerKind",
                  ARRAY(SELECT alias FROM speaker_aliases WHERE speaker_id = s.id ORDER BY alias) AS "aliases!"
             FROM speakers s
            WHERE s.merged_into IS NULL
              AND EXISTS (SELECT 1 FROM speaker_claim_counts n WHERE n.speaker_id = s.id AND n.n > 0)
            ORDER BY s.name LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::speakers::is_public`.
pub async fn is_public(pool: &PgPool, speaker_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM speaker_claim_counts WHERE speaker_id = $1 AND n > 0)
               OR EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                           WHERE a.speaker_id = $1 AND c.speaker_id <> $1 AND c.list_seq IS NOT NULL) AS "v!""#,
        speaker_id
    )
    .fetch_one(pool)
    .await?)
}

/// See `db::speakers::refs`.
pub async fn refs(pool: &PgPool, limit: i64) -> Result<Vec<SpeakerRef>, AppError> {
    Ok(sqlx::query_as!(
        SpeakerRef,
        "SELECT slug, name FROM speakers WHERE merged_into IS NULL ORDER BY name LIMIT $1",
        limit
    )
    .fetch_all(pool)
    .await?)
}
