//! Accounts. Editors' sign-in comes with the editor issue; for now the demo desk account, which
//! signs the demo data's verifications and cannot sign in (it has no password).

use super::WriteTx;
use crate::AppError;

/// The id of the account named `username`, creating it without a password if it is missing.
pub async fn ensure_without_password(
    tx: &mut WriteTx,
    username: &str,
    display_name: &str,
) -> Result<i64, AppError> {
    if let Some(id) = sqlx::query_scalar!(r#"SELECT id AS "id!" FROM users WHERE username = ?"#, username)
        .fetch_optional(&mut **tx)
        .await?
    {
        return Ok(id);
    }
    Ok(sqlx::query_scalar!(
        "INSERT INTO users (username, display_name, role) VALUES (?, ?, 'editor') RETURNING id AS \"id!\"",
        username,
        display_name
    )
    .fetch_one(&mut **tx)
    .await?)
}
