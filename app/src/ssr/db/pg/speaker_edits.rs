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
    let row: Option<EditRow> = sqlx::query_as(
        "SELECT id, slug, name, description, kind, version, merged_into FROM speakers WHERE slug = $1",
    )
    .bind(slug)
    .fetch_optional(&mut *tx)
    .await?;
    let Some((id, slug, name, description, kind, version, merged_into)) = row else { return Ok(None) };
    let aliases =
        sqlx::query_scalar("SELECT alias FROM speaker_aliases WHERE speaker_id = $1 ORDER BY alias")
            .bind(id)
            .fetch_all(&mut *tx)
            .await?;
    let speaker = Speaker { slug, name, description, kind, aliases };
    Ok(Some((id, SpeakerEdit { speaker, version }, merged_into)))
}

/// See `db::speaker_edits::insert`.
pub async fn insert(tx: &mut WriteTx, s: &SpeakerInput) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO speakers (slug, name, description, kind) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(&s.slug)
    .bind(&s.name)
    .bind(&s.description)
    .bind(s.kind)
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
    let done = sqlx::query(
        "UPDATE speakers SET name = $1, description = $2, kind = $3, version = version + 1 WHERE id = $4 AND version = $5",
    )
    .bind(&s.name)
    .bind(&s.description)
    .bind(s.kind)
    .bind(id)
    .bind(version)
    .execute(&mut **tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_aliases(tx, id, &s.aliases).await?;
    Ok(true)
}

async fn set_aliases(tx: &mut WriteTx, id: i64, aliases: &[String]) -> Result<(), AppError> {
    sqlx::query("DELETE FROM speaker_aliases WHERE speaker_id = $1").bind(id).execute(&mut **tx).await?;
    add_aliases(tx, id, aliases).await
}

/// See `db::speaker_edits::add_aliases`.
pub async fn add_aliases(tx: &mut WriteTx, id: i64, aliases: &[String]) -> Result<(), AppError> {
    for alias in aliases {
        sqlx::query("INSERT INTO speaker_aliases (speaker_id, alias) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(id)
            .bind(alias)
            .execute(&mut **tx)
            .await?;
    }
    Ok(())
}

/// See `db::speaker_edits::claims_of`.
pub async fn claims_of(tx: &mut WriteTx, id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    Ok(sqlx::query_as("SELECT id, version FROM claims WHERE speaker_id = $1 ORDER BY id")
        .bind(id)
        .fetch_all(&mut **tx)
        .await?)
}

/// See `db::speaker_edits::move_claim`.
pub async fn move_claim(tx: &mut WriteTx, claim_id: i64, to: i64, at: DateTime<Utc>) -> Result<(), AppError> {
    sqlx::query("UPDATE claims SET speaker_id = $1, version = version + 1, updated_at = $2 WHERE id = $3")
        .bind(to)
        .bind(timestamp(at))
        .bind(claim_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// See `db::speaker_edits::mark_merged`.
pub async fn mark_merged(tx: &mut WriteTx, from: i64, into: i64) -> Result<(), AppError> {
    sqlx::query("UPDATE speakers SET merged_into = $1, version = version + 1 WHERE id = $2")
        .bind(into)
        .bind(from)
        .execute(&mut **tx)
        .await?;
    Ok(())
}
