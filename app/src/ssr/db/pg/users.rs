//! Accounts on PostgreSQL (twin of `db::users`). Usernames compare case-blind through lower() on
//! a "C" column: ASCII letters only, as SQLite's NOCASE.

use super::unknown;
use crate::model::user::Account;
use crate::model::{Role, UserRef};
use crate::ssr::db::users::Credentials;
use crate::AppError;
use sqlx::{PgConnection, PgPool};

fn role(value: &str) -> Result<Role, AppError> {
    Role::parse(value).map_or_else(|| unknown("role", value), Ok)
}

/// See `db::users::ensure_without_password`.
pub async fn ensure_without_password(
    tx: &mut PgConnection,
    username: &str,
    display_name: &str,
) -> Result<i64, AppError> {
    let found: Option<i64> =
        sqlx::query_scalar!("SELECT id FROM users WHERE lower(username) = lower($1 COLLATE \"C\")", username)
            .fetch_optional(&mut *tx)
            .await?;
    if let Some(id) = found {
        return Ok(id);
    }
    Ok(sqlx::query_scalar!(
        "INSERT INTO users (username, display_name, role) VALUES ($1, $2, 'editor') RETURNING id",
        username,
        display_name
    )
    .fetch_one(&mut *tx)
    .await?)
}

/// See `db::users::create`.
pub async fn create(
    pool: &PgPool,
    username: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
) -> Result<i64, AppError> {
    sqlx::query_scalar!("INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING id", username, display_name, role.as_str(), password_hash)
    .fetch_one(pool)
    .await
    .map_err(|err| match AppError::from(err) {
        AppError::Conflict(_) => AppError::Conflict(format!("There is already an account named “{username}”.")),
        other => other,
    })
}

/// See `db::users::credentials`.
pub async fn credentials(pool: &PgPool, username: &str) -> Result<Option<Credentials>, AppError> {
    Ok(sqlx::query_as!(
        Credentials,
        r#"SELECT id, password_hash, disabled_at IS NOT NULL AS "disabled!"
             FROM users WHERE lower(username) = lower($1 COLLATE "C")"#,
        username
    )
    .fetch_optional(pool)
    .await?)
}

/// See `db::users::set_password`.
pub async fn set_password(pool: &PgPool, id: i64, password_hash: &str) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE users SET password_hash = $1 WHERE id = $2 AND password_hash IS NOT NULL",
        password_hash,
        id
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// See `db::users::disable`.
pub async fn disable(pool: &PgPool, id: i64) -> Result<(), AppError> {
    sqlx::query!("UPDATE users SET disabled_at = coalesce(disabled_at, utc_now_text()) WHERE id = $1", id)
        .execute(pool)
        .await?;
    Ok(())
}

/// See `db::users::create_first_admin`.
pub async fn create_first_admin(
    pool: &PgPool,
    username: &str,
    display_name: &str,
    password_hash: &str,
) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "INSERT INTO users (username, display_name, role, password_hash) VALUES ($1, $2, 'admin', $3) \
         ON CONFLICT ((lower(username))) DO NOTHING",
        username,
        display_name,
        password_hash
    )
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::users::list`.
pub async fn list(pool: &PgPool) -> Result<Vec<Account>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT username, display_name, role, password_hash IS NOT NULL AS "can_sign_in!",
                  disabled_at IS NOT NULL AS "disabled!", created_at
             FROM users ORDER BY lower(username), username"#
    )
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|r| {
            Ok(Account {
                username: r.username,
                display_name: r.display_name,
                role: role(&r.role)?,
                can_sign_in: r.can_sign_in,
                disabled: r.disabled,
                created_at: r.created_at,
            })
        })
        .collect()
}

/// See `db::users::any_can_sign_in`.
pub async fn any_can_sign_in(pool: &PgPool) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL) AS "any!""#
    )
    .fetch_one(pool)
    .await?)
}

/// See `db::users::editors`.
pub async fn editors(pool: &PgPool) -> Result<Vec<UserRef>, AppError> {
    Ok(sqlx::query_as!(
        UserRef,
        "SELECT username, display_name FROM users
          WHERE password_hash IS NOT NULL AND disabled_at IS NULL ORDER BY display_name, username"
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::users::active_editor`.
pub async fn active_editor(tx: &mut PgConnection, username: &str) -> Result<Option<(i64, String)>, AppError> {
    let row = sqlx::query!(
        r#"SELECT id, display_name FROM users
            WHERE lower(username) = lower($1 COLLATE "C") AND password_hash IS NOT NULL AND disabled_at IS NULL"#,
        username
    )
    .fetch_optional(tx)
    .await?;
    Ok(row.map(|r| (r.id, r.display_name)))
}

/// See `db::users::username_of`.
pub async fn username_of(tx: &mut PgConnection, id: i64) -> Result<Option<String>, AppError> {
    Ok(sqlx::query_scalar!("SELECT username FROM users WHERE id = $1", id).fetch_optional(tx).await?)
}
