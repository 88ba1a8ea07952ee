//! Writing speakers on PostgreSQL (twin of `db::speaker_edits`): edits, aliases, merging. SQLite's
//! INSERT OR IGNORE is ON CONFLICT DO NOTHING here, which, unlike a failed insert, leaves the
//! transaction usable.

use super::write::WriteTx;
use crate::model::forms::speaker::SpeakerInput;
use crate::model::{Speaker, SpeakerEdit, SpeakerKind};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

/// See `db::speaker_edits::for_form`.
pub async fn for_form(
    pool: &PgPool,
    slug: &str,
) -> Result<Option<(i64, SpeakerEdit, Option<i64>)>, AppError> {
    let mut tx = pool.begin().await?;
    let found = editable(&mut tx, slug).await?;
    tx.commit().await?;
    Ok(found)
}

/// id, slug, name, description, kind, version, merged into.
type EditRow = (i64, String, String, String, SpeakerKind, i64, Option<i64>);

/// See `db::speaker_edits::editable`.
pub async fn editable(
    tx: &mut PgConnection,
    slug: &str,
) -> Result<Option<(i64, SpeakerEdit, Option<i64>)>, AppError> {
    let row: Option<EditRow> = sqlx::query!(
        r#"SELECT id, slug, name, description, kind AS "kind: SpeakerKind", version, merged_into FROM speakers WHERE slug = $1"#,
        slug
    )
    .fetch_optional(&mut *tx)
    .await?
    .map(|r| (r.id, r.slug, r.name, r.description, r.kind, r.version, r.merged_into));
    let Some((id, slug, name, description, kind, version, merged_into)) = row else { return Ok(None) };
    let aliases =
        sqlx::query_scalar!("SELECT alias FROM speaker_aliases WHERE speaker_id = $1 ORDER BY alias", id)
            .fetch_all(&mut *tx)
            .await?;
    let speaker = Speaker { slug, name, description, kind, aliases };
    Ok(Some((id, SpeakerEdit { speaker, version }, merged_into)))
}

/// See `db::speaker_edits::insert`.
pub async fn insert(tx: &mut WriteTx, s: &SpeakerInput) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar!(
        "INSERT INTO speakers (slug, name, description, kind) VALUES ($1, $2, $3, $4) RETURNING id",
        &s.slug,
        &s.name,
        &s.description,
        s.kind as _
    )
    .fetch_one(&mut **tx)
    .await
    .map_err(|err| match AppError::from(err) {
        AppError::Conflict(_) => AppError::invalid(
            "slug",
            format!(
                "Another speaker already has the address /speakers/{}. Give this one a different one.",
                s.slug
            ),
        ),
        other => other,
    })?;
    set_aliases(tx, id, &s.aliases).await?;
    Ok(id)
}

/// See `db::speaker_edits::update`.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, s: &SpeakerInput) -> Result<bool, AppError> {
    let done = sqlx::query!("UPDATE speakers SET name = $1, description = $2, kind = $3, version = version + 1 WHERE id = $4 AND version = $5", &s.name, &s.description, s.kind as _, id, version)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_aliases(tx, id, &s.aliases).await?;
    Ok(true)
}

async fn set_aliases(tx: &mut WriteTx, id: i64, aliases: &[String]) -> Result<(), AppError> {
    sqlx::query!("DELETE FROM speaker_aliases WHERE speaker_id = $1", id).execute(&mut **tx).await?;
    add_aliases(tx, id, aliases).await
}

/// See `db::speaker_edits::add_aliases`.
pub async fn add_aliases(tx: &mut WriteTx, id: i64, aliases: &[String]) -> Result<(), AppError> {
    for alias in aliases {
        sqlx::query!(
            "INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            id,
            alias
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// See `db::speaker_edits::claims_of`.
pub async fn claims_of(tx: &mut WriteTx, id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    let rows = sqlx::query!("SELECT id, version FROM claims WHERE speaker_id = $1 ORDER BY id", id)
        .fetch_all(&mut **tx)
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.version)).collect())
}

/// See `db::speaker_edits::move_claim`.
pub async fn move_claim(tx: &mut WriteTx, claim_id: i64, to: i64, at: DateTime<Utc>) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE claims SET speaker_id = $1, version = version + 1, updated_at = $2 WHERE id = $3",
        to,
        timestamp(at),
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::speaker_edits::mark_merged`.
pub async fn mark_merged(tx: &mut WriteTx, from: i64, into: i64) -> Result<(), AppError> {
    sqlx::query!("UPDATE speakers SET merged_into = $1, version = version + 1 WHERE id = $2", into, from)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
