//! Sessions (see `ssr::auth::sessions`).

use super::pg;
use super::timestamp;
use super::Db;
use crate::model::{CurrentUser, Role};
use crate::AppError;
use chrono::{DateTime, Utc};

pub async fn insert(
    db: &Db,
    token_hash: &str,
    user_id: i64,
    csrf: &str,
    now: DateTime<Utc>,
    expires: DateTime<Utc>,
) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::insert(token_hash, user_id, csrf, now, expires));
    let (now, expires) = (timestamp(now), timestamp(expires));
    sqlx::query!(
        "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
         VALUES (?, ?, ?, ?, ?, ?)",
        token_hash,
        user_id,
        csrf,
        now,
        now,
        expires
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// A live session's user and when it was last used.
pub struct Found {
    pub user: CurrentUser,
    pub last_seen_at: DateTime<Utc>,
}

/// The session with this token hash, if it has not expired (absolutely, or idle since
/// `idle_cutoff`) and its account is enabled.
pub async fn find(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<Option<Found>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::find(token_hash, now, idle_cutoff));
    let (now, idle_cutoff) = (timestamp(now), timestamp(idle_cutoff));
    let row = sqlx::query!(
        r#"SELECT u.id AS "id!", u.username, u.display_name, u.role AS "role: Role", s.csrf_token,
                  s.last_seen_at AS "last_seen_at: DateTime<Utc>"
             FROM sessions s JOIN users u ON u.id = s.user_id
            WHERE s.token_hash = ? AND s.expires_at > ? AND s.last_seen_at > ? AND u.disabled_at IS NULL"#,
        token_hash,
        now,
        idle_cutoff
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Found {
        user: CurrentUser {
            id: r.id,
            username: r.username,
            display_name: r.display_name,
            role: r.role,
            csrf_token: r.csrf_token,
        },
        last_seen_at: r.last_seen_at,
    }))
}

pub async fn touch(db: &Db, token_hash: &str, now: DateTime<Utc>) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::touch(token_hash, now));
    let now = timestamp(now);
    sqlx::query!("UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?", now, token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete(db: &Db, token_hash: &str) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::delete(token_hash));
    sqlx::query!("DELETE FROM sessions WHERE token_hash = ?", token_hash).execute(pool).await?;
    Ok(())
}

/// Ends every session of a user (disabled account, new password).
pub async fn delete_for_user(db: &Db, user_id: i64) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::delete_for_user(user_id));
    sqlx::query!("DELETE FROM sessions WHERE user_id = ?", user_id).execute(pool).await?;
    Ok(())
}

pub async fn delete_expired(
    db: &Db,
    now: DateTime<Utc>,
    idle_cutoff: DateTime<Utc>,
) -> Result<u64, AppError> {
    let pool = sqlite_or_pg!(db, pg::sessions::delete_expired(now, idle_cutoff));
    let (now, idle_cutoff) = (timestamp(now), timestamp(idle_cutoff));
    let done =
        sqlx::query!("DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?", now, idle_cutoff)
            .execute(pool)
            .await?;
    Ok(done.rows_affected())
}
