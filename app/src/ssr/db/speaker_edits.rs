//! Writing speakers: edits, aliases, merging one into another.

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::forms::speaker::SpeakerInput;
use crate::model::{Speaker, SpeakerEdit, SpeakerKind};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// A speaker's editable fields for its edit form: [`editable`] read in one transaction.
pub async fn for_form(db: &Db, slug: &str) -> Result<Option<(i64, SpeakerEdit, Option<i64>)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speaker_edits::for_form(slug));
    let mut tx = pool.begin().await?;
    let found = editable_in(&mut tx, slug).await?;
    tx.commit().await?;
    Ok(found)
}

/// A speaker's editable fields and internal id, by slug (merged speakers included).
pub async fn editable(
    tx: &mut WriteTx,
    slug: &str,
) -> Result<Option<(i64, SpeakerEdit, Option<i64>)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::editable(slug));
    editable_in(conn, slug).await
}

async fn editable_in(
    tx: &mut sqlx::SqliteConnection,
    slug: &str,
) -> Result<Option<(i64, SpeakerEdit, Option<i64>)>, AppError> {
    let Some(r) = sqlx::query!(
        r#"SELECT id AS "id!", slug, name, description, kind AS "kind: SpeakerKind", version, merged_into FROM speakers WHERE slug = ?"#,
        slug
    )
    .fetch_optional(&mut *tx)
    .await?
    else {
        return Ok(None);
    };
    let aliases =
        sqlx::query_scalar!("SELECT alias FROM speaker_aliases WHERE speaker_id = ? ORDER BY alias", r.id)
            .fetch_all(&mut *tx)
            .await?;
    let speaker = Speaker { slug: r.slug, name: r.name, description: r.description, kind: r.kind, aliases };
    Ok(Some((r.id, SpeakerEdit { speaker, version: r.version }, r.merged_into)))
}

/// Adds a speaker; a slug already used is reported on the slug field.
pub async fn insert(tx: &mut WriteTx, s: &SpeakerInput) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::insert(s));
    let kind = s.kind;
    let id = sqlx::query_scalar!(
        r#"INSERT INTO speakers (slug, name, description, kind) VALUES (?, ?, ?, ?) RETURNING id AS "id!""#,
        s.slug,
        s.name,
        s.description,
        kind
    )
    .fetch_one(&mut *conn)
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
    set_aliases(&mut *conn, id, &s.aliases).await?;
    Ok(id)
}

/// Applies an edit (not the slug: a speaker's address never changes) if still at `version`.
pub async fn update(tx: &mut WriteTx, id: i64, version: i64, s: &SpeakerInput) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::update(id, version, s));
    let kind = s.kind;
    let done = sqlx::query!(
        "UPDATE speakers SET name = ?, description = ?, kind = ?, version = version + 1 WHERE id = ? AND version = ?",
        s.name,
        s.description,
        kind,
        id,
        version
    )
    .execute(&mut *conn)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    set_aliases(&mut *conn, id, &s.aliases).await?;
    Ok(true)
}

/// Makes the speaker's aliases exactly `aliases` (the revision records what they were).
async fn set_aliases(tx: &mut SqliteConnection, id: i64, aliases: &[String]) -> Result<(), AppError> {
    sqlx::query!("DELETE FROM speaker_aliases WHERE speaker_id = ?", id).execute(&mut *tx).await?;
    for alias in aliases {
        sqlx::query!("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", id, alias)
            .execute(&mut *tx)
            .await?;
    }
    Ok(())
}

/// Adds aliases to a speaker, keeping those it has.
pub async fn add_aliases(tx: &mut WriteTx, id: i64, aliases: &[String]) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::add_aliases(id, aliases));
    for alias in aliases {
        sqlx::query!("INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", id, alias)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// The claims of a speaker, with their versions: `(id, version)`.
pub async fn claims_of(tx: &mut WriteTx, id: i64) -> Result<Vec<(i64, i64)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::claims_of(id));
    let rows = sqlx::query!(r#"SELECT id AS "id!", version FROM claims WHERE speaker_id = ?"#, id)
        .fetch_all(&mut *conn)
        .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.version)).collect())
}

/// Moves one claim to another speaker, bumping its version.
pub async fn move_claim(tx: &mut WriteTx, claim_id: i64, to: i64, at: DateTime<Utc>) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::move_claim(claim_id, to, at));
    let at = timestamp(at);
    sqlx::query!(
        "UPDATE claims SET speaker_id = ?, version = version + 1, updated_at = ? WHERE id = ?",
        to,
        at,
        claim_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Marks `from` as merged into `into` (its page then redirects there).
pub async fn mark_merged(tx: &mut WriteTx, from: i64, into: i64) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::speaker_edits::mark_merged(from, into));
    sqlx::query!("UPDATE speakers SET merged_into = ?, version = version + 1 WHERE id = ?", into, from)
        .execute(&mut *conn)
        .await?;
    Ok(())
}
