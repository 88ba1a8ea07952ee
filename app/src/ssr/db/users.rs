//! Accounts.

use super::pg;
use super::Db;
use super::WriteTx;
use crate::model::user::Account;
use crate::model::Role;
use crate::AppError;

/// The id of the account named `username`, creating it without a password if it is missing
/// (the demo desk, which signs the demo's verifications and cannot sign in).
pub async fn ensure_without_password(
    tx: &mut WriteTx,
    username: &str,
    display_name: &str,
) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::users::ensure_without_password(username, display_name));
    if let Some(id) = sqlx::query_scalar!(r#"SELECT id AS "id!" FROM users WHERE username = ?"#, username)
        .fetch_optional(&mut *conn)
        .await?
    {
        return Ok(id);
    }
    Ok(sqlx::query_scalar!(
        r#"INSERT INTO users (username, display_name, role) VALUES (?, ?, 'editor') RETURNING id AS "id!""#,
        username,
        display_name
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// Adds an account that can sign in. A taken username is a conflict with a clear message.
pub async fn create(
    db: &Db,
    username: &str,
    display_name: &str,
    role: Role,
    password_hash: &str,
) -> Result<i64, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::create(username, display_name, role, password_hash));
    sqlx::query_scalar!(
        r#"INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, ?, ?) RETURNING id AS "id!""#,
        username,
        display_name,
        role,
        password_hash
    )
    .fetch_one(pool)
    .await
    .map_err(|err| match AppError::from(err) {
        AppError::Conflict(_) => AppError::Conflict(format!("There is already an account named “{username}”.")),
        other => other,
    })
}

/// What sign-in needs to know about an account.
pub struct Credentials {
    pub id: i64,
    pub password_hash: Option<String>,
    pub disabled: bool,
}

pub async fn credentials(db: &Db, username: &str) -> Result<Option<Credentials>, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::credentials(username));
    let row = sqlx::query!(
        r#"SELECT id AS "id!", password_hash, disabled_at IS NOT NULL AS "disabled!: bool"
             FROM users WHERE username = ?"#,
        username
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| Credentials { id: r.id, password_hash: r.password_hash, disabled: r.disabled }))
}

/// Sets a new password on an account that has one (a system account, made without, keeps none).
pub async fn set_password(db: &Db, id: i64, password_hash: &str) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::users::set_password(id, password_hash));
    sqlx::query("UPDATE users SET password_hash = ? WHERE id = ? AND password_hash IS NOT NULL")
        .bind(password_hash)
        .bind(id)
        .execute(pool)
        .await?;
    Ok(())
}

/// Disables an account (it stays, with its history).
pub async fn disable(db: &Db, id: i64) -> Result<(), AppError> {
    let pool = sqlite_or_pg!(db, pg::users::disable(id));
    sqlx::query(
        "UPDATE users SET disabled_at = coalesce(disabled_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) WHERE id = ?",
    )
    .bind(id)
    .execute(pool)
    .await?;
    Ok(())
}

/// Creates the first admin unless an account of that name exists (another process starting at
/// the same moment made it); whether this call created it.
pub async fn create_first_admin(
    db: &Db,
    username: &str,
    display_name: &str,
    password_hash: &str,
) -> Result<bool, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::create_first_admin(username, display_name, password_hash));
    let done = sqlx::query(
        "INSERT INTO users (username, display_name, role, password_hash) VALUES (?, ?, 'admin', ?) \
         ON CONFLICT (username) DO NOTHING",
    )
    .bind(username)
    .bind(display_name)
    .bind(password_hash)
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Every account, for `user list` and the admin page.
pub async fn list(db: &Db) -> Result<Vec<Account>, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::list());
    let rows = sqlx::query!(
        r#"SELECT username, display_name, role AS "role: Role", password_hash IS NOT NULL AS "can_sign_in!: bool",
                  disabled_at IS NOT NULL AS "disabled!: bool", created_at
             FROM users ORDER BY username"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Account {
            username: r.username,
            display_name: r.display_name,
            role: r.role,
            can_sign_in: r.can_sign_in,
            disabled: r.disabled,
            created_at: r.created_at,
        })
        .collect())
}

/// Whether any account can sign in (on first start there is none, and an admin is created).
pub async fn any_can_sign_in(db: &Db) -> Result<bool, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::any_can_sign_in());
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM users WHERE password_hash IS NOT NULL) AS "any!: bool""#
    )
    .fetch_one(pool)
    .await?)
}

/// The accounts that can work the desk (can sign in, not disabled), by name.
pub async fn editors(db: &Db) -> Result<Vec<crate::model::UserRef>, AppError> {
    let pool = sqlite_or_pg!(db, pg::users::editors());
    let rows = sqlx::query!(
        r#"SELECT username, display_name FROM users
            WHERE password_hash IS NOT NULL AND disabled_at IS NULL ORDER BY display_name, username"#
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| crate::model::UserRef { username: r.username, display_name: r.display_name })
        .collect())
}

/// An account that can work the desk, by username: its id and display name.
pub async fn active_editor(
    tx: &mut super::WriteTx,
    username: &str,
) -> Result<Option<(i64, String)>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::users::active_editor(username));
    let row = sqlx::query!(
        r#"SELECT id AS "id!", display_name FROM users
            WHERE username = ? AND password_hash IS NOT NULL AND disabled_at IS NULL"#,
        username
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| (r.id, r.display_name)))
}

/// An account's username, by id.
pub async fn username_of(tx: &mut super::WriteTx, id: i64) -> Result<Option<String>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::users::username_of(id));
    Ok(sqlx::query_scalar!("SELECT username FROM users WHERE id = ?", id).fetch_optional(&mut *conn).await?)
}
