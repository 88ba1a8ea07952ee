//! Speakers and their aliases.

use super::pg;
use super::Db;
use super::WriteTx;
use crate::model::{Speaker, SpeakerKind};
use crate::AppError;
use sqlx::SqlitePool;

/// A speaker's name, for labelling a filter.
pub async fn name_by_slug(db: &Db, slug: &str) -> Result<Option<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::name_by_slug(slug));
    Ok(sqlx::query_scalar!("SELECT name FROM speakers WHERE slug = ?", slug).fetch_optional(pool).await?)
}

/// A speaker's profile and internal id, by slug.
pub async fn by_slug(db: &Db, slug: &str) -> Result<Option<(i64, Speaker)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::by_slug(slug));
    let Some(row) = sqlx::query!(
        r#"SELECT id AS "id!", slug, name, description, kind AS "kind: SpeakerKind" FROM speakers WHERE slug = ?"#,
        slug
    )
    .fetch_optional(pool)
    .await?
    else {
        return Ok(None);
    };
    let speaker = Speaker {
        slug: row.slug,
        name: row.name,
        description: row.description,
        kind: row.kind,
        aliases: aliases(pool, row.id).await?,
    };
    Ok(Some((row.id, speaker)))
}

/// A speaker's profile, by internal id.
pub async fn by_id(db: &Db, id: i64) -> Result<Option<Speaker>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::by_id(id));
    let Some(slug) =
        sqlx::query_scalar!("SELECT slug FROM speakers WHERE id = ?", id).fetch_optional(pool).await?
    else {
        return Ok(None);
    };
    Ok(by_slug(db, &slug).await?.map(|(_, speaker)| speaker))
}

async fn aliases(pool: &SqlitePool, speaker_id: i64) -> Result<Vec<String>, AppError> {
    Ok(sqlx::query_scalar!(
        "SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias",
        speaker_id
    )
    .fetch_all(pool)
    .await?)
}

/// Adds a speaker with aliases; returns the internal id.
pub async fn insert(tx: &mut WriteTx, speaker: &Speaker) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speakers::insert(speaker));
    let kind = speaker.kind;
    let id = sqlx::query_scalar!(
        "INSERT INTO speakers (slug, name, description, kind) VALUES (?, ?, ?, ?) RETURNING id AS \"id!\"",
        speaker.slug,
        speaker.name,
        speaker.description,
        kind
    )
    .fetch_one(&mut *conn)
    .await?;
    for alias in &speaker.aliases {
        sqlx::query!("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", id, alias)
            .execute(&mut *conn)
            .await?;
    }
    Ok(id)
}

/// The speakers a name could mean: exact (case-insensitive) matches of a name, an alias or a
/// slug, among speakers not merged into another. `(id, name, slug)`.
pub async fn matching_name(tx: &mut WriteTx, name: &str) -> Result<Vec<(i64, String, String)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speakers::matching_name(name));
    let rows = sqlx::query!(
        r#"SELECT DISTINCT s.id AS "id!", s.name, s.slug FROM speakers s
            WHERE s.merged_into IS NULL
              AND (s.name = ?1 COLLATE NOCASE OR s.slug = ?1
                   OR s.id IN (SELECT speaker_id FROM speaker_aliases WHERE alias = ?1 COLLATE NOCASE))
            ORDER BY s.name"#,
        name
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.name, r.slug)).collect())
}

/// Every speaker's name (not merged ones), for the claim form's suggestions.
pub async fn names(db: &Db) -> Result<Vec<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::names());
    Ok(sqlx::query_scalar!("SELECT name FROM speakers WHERE merged_into IS NULL ORDER BY name LIMIT 5000")
        .fetch_all(pool)
        .await?)
}

/// The slug of the speaker that `slug` was merged into, if it was.
pub async fn merged_into(db: &Db, slug: &str) -> Result<Option<String>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::merged_into(slug));
    Ok(sqlx::query_scalar!(
        "SELECT t.slug FROM speakers s JOIN speakers t ON t.id = s.merged_into WHERE s.slug = ?",
        slug
    )
    .fetch_optional(pool)
    .await?)
}

/// Every speaker with published claims (not merged ones), by name, at most `limit`.
pub async fn list(db: &Db, limit: i64) -> Result<Vec<Speaker>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::list(limit));
    // Aliases are joined with the ASCII unit separator, which no alias contains (it is a control
    // character, refused by validation).
    let rows = sqlx::query!(
        r#"SELECT s.slug, s.name, s.description, s.kind AS "kind: SpeakerKind",
                  (SELECT group_concat(alias, char(31)) FROM (SELECT alias FROM speaker_aliases
                    WHERE speaker_id = s.id ORDER BY alias)) AS "aliases: String"
             FROM speakers s
            WHERE s.merged_into IS NULL
              AND EXISTS (SELECT 1 FROM speaker_claim_counts n WHERE n.speaker_id = s.id AND n.n > 0)
            ORDER BY s.name LIMIT ?"#,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Speaker {
            slug: r.slug,
            name: r.name,
            description: r.description,
            kind: r.kind,
            aliases: r.aliases.map(|a| a.split('\u{1f}').map(str::to_owned).collect()).unwrap_or_default(),
        })
        .collect())
}

/// Whether readers see a speaker (their page, feed and sitemap entry): they have published
/// claims, or repeated a published claim someone else said first (the permalink links to them).
pub async fn is_public(db: &Db, speaker_id: i64) -> Result<bool, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::is_public(speaker_id));
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM speaker_claim_counts WHERE speaker_id = ?1 AND n > 0)
               OR EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                           WHERE a.speaker_id = ?1 AND c.speaker_id <> ?1 AND c.list_seq IS NOT NULL) AS "yes!: bool""#,
        speaker_id
    )
    .fetch_one(pool)
    .await?)
}

/// Speakers by name, for the desk's filter.
pub async fn refs(db: &Db, limit: i64) -> Result<Vec<crate::model::SpeakerRef>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speakers::refs(limit));
    let rows = sqlx::query!(
        "SELECT slug, name FROM speakers WHERE merged_into IS NULL ORDER BY name LIMIT ?",
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| crate::model::SpeakerRef { slug: r.slug, name: r.name }).collect())
}
