//! Sessions on PostgreSQL (twin of `db::sessions`). In the database, so every replica behind a
//! load balancer knows every session.

use super::{parse_time, unknown};
use crate::model::{CurrentUser, Role};
use crate::ssr::db::sessions::Found;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::PgPool;

/// See `db::sessions::insert`.
pub async fn insert(
    pool: &PgPool,
    token_hash: &str,
    user_id: i64,
    csrf: &str,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(csrf)
    .bind(timestamp(now))
    .bind(timestamp(expires))
    .execute(pool)
    .await?;
    Ok(())
}

type FoundRow = (i64, String, String, String, String, String);

/// See `db::sessions::find`.
pub async fn find(
    pool: &PgPool,
    token_hash: &str,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<Option<Found>, AppError> {
    let row: Option<FoundRow> = sqlx::query_as(
        "SELECT u.id, u.username, u.display_name, u.role, s.csrf_token, s.last_seen_at
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled_at IS NULL",
    )
    .bind(token_hash)
    .bind(timestamp(now))
    .bind(timestamp(idle_cutoff))
    .fetch_optional(pool)
    .await?;
    let Some((id, username, display_name, role, csrf_token, last_seen_at)) = row else { return Ok(None) };
    let role = Role::parse(&role).map_or_else(|| unknown("role", &role), Ok)?;
    Ok(Some(Found {
        user: CurrentUser { id, username, display_name, role, csrf_token },
        last_seen_at: parse_time(&last_seen_at)?,
    }))
}

/// See `db::sessions::touch`.
pub async fn touch(pool: &PgPool, token_hash: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(timestamp(now))
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// See `db::sessions::delete`.
pub async fn delete(pool: &PgPool, token_hash: &str) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(token_hash).execute(pool).await?;
    Ok(())
}

/// See `db::sessions::delete_for_user`.
pub async fn delete_for_user(pool: &PgPool, user_id: i64) -> Result<(), AppError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user_id).execute(pool).await?;
    Ok(())
}

/// See `db::sessions::delete_expired`.
pub async fn delete_expired(
    pool: &PgPool,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<u64, AppError> {
    let done = sqlx::query("DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2")
        .bind(timestamp(now))
        .bind(timestamp(idle_cutoff))
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}
