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
    sqlx::query!(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES ($1, $2, $3, $4, $4, $5)",
        token_hash,
        user_id,
        csrf,
        timestamp(now),
        timestamp(expires)
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// See `db::sessions::find`.
pub async fn find(
    pool: &PgPool,
    token_hash: &str,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<Option<Found>, AppError> {
    let row = sqlx::query!(
        "SELECT u.id, u.username, u.display_name, u.role, s.csrf_token, s.last_seen_at
           FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = $1 AND s.expires_at > $2 AND s.last_seen_at > $3 AND u.disabled_at IS NULL",
        token_hash,
        timestamp(now),
        timestamp(idle_cutoff)
    )
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let role = Role::parse(&row.role).map_or_else(|| unknown("role", &row.role), Ok)?;
    Ok(Some(Found {
        user: CurrentUser {
            id: row.id,
            username: row.username,
            display_name: row.display_name,
            role,
            csrf_token: row.csrf_token,
        },
        last_seen_at: parse_time(&row.last_seen_at)?,
    }))
}

/// See `db::sessions::touch`.
pub async fn touch(pool: &PgPool, token_hash: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    sqlx::query!("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2", timestamp(now), token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

/// See `db::sessions::delete`.
pub async fn delete(pool: &PgPool, token_hash: &str) -> Result<(), AppError> {
    sqlx::query!("DELETE FROM sessions WHERE token_hash = $1", token_hash).execute(pool).await?;
    Ok(())
}

/// See `db::sessions::delete_for_user`.
pub async fn delete_for_user(pool: &PgPool, user_id: i64) -> Result<(), AppError> {
    sqlx::query!("DELETE FROM sessions WHERE user_id = $1", user_id).execute(pool).await?;
    Ok(())
}

/// See `db::sessions::delete_expired`.
pub async fn delete_expired(
    pool: &PgPool,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<u64, AppError> {
    let done = sqlx::query!(
        "DELETE FROM sessions WHERE expires_at <= $1 OR last_seen_at <= $2",
        timestamp(now),
        timestamp(idle_cutoff)
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected())
}
