//! Accounts as the CLI and the admin page manage them, and signing in.

use super::auth::{passwords, sessions, SessionConfig, Throttle};
use super::db;
use crate::model::{password, user::validate_username, Role};
use crate::ssr::db::Db;
use crate::AppError;
use chrono::Utc;
use std::time::Instant;

/// The message for any failed sign-in: the same whether the name or the password was wrong, so
/// that it does not tell which accounts exist.
pub const SIGN_IN_FAILED: &str = "That username and password do not match an account that can sign in.";

/// Adds an account after checking its name and password.
pub async fn add(
    db: &Db,
    username: &str,
    display_name: &str,
    role: Role,
    password: &str,
) -> Result<i64, AppError> {
    validate_username(username).map_err(|m| AppError::invalid("username", m))?;
    let display_name = display_name.trim();
    if display_name.is_empty() || display_name.chars().count() > 120 {
        return Err(AppError::invalid("display_name", "Give a name of 1 to 120 characters."));
    }
    password::check_new(password, username).map_err(|m| AppError::invalid("password", m))?;
    let hash = passwords::hash(password).await?;
    db::users::create(db, username, display_name, role, &hash).await
}

/// Sets a new password and ends the account's sessions. Accounts made without a password (the
/// demo's and the command-line import's desks, which sign records but never sign in) keep none.
pub async fn change_password(db: &Db, username: &str, password: &str) -> Result<(), AppError> {
    let account = db::users::credentials(db, username)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no account named “{username}”.")))?;
    if account.password_hash.is_none() {
        return Err(AppError::invalid(
            "password",
            format!("“{username}” is a system account that signs records and cannot sign in; it cannot be given a password."),
        ));
    }
    password::check_new(password, username).map_err(|m| AppError::invalid("password", m))?;
    let hash = passwords::hash(password).await?;
    db::users::set_password(db, account.id, &hash).await?;
    db::sessions::delete_for_user(db, account.id).await
}

/// Disables an account and ends its sessions. Its history stays, signed with its name. `by`: the
/// admin doing it, who cannot disable their own account under any spelling of its name.
pub async fn disable(db: &Db, username: &str, by: Option<i64>) -> Result<(), AppError> {
    let account = db::users::credentials(db, username)
        .await?
        .ok_or_else(|| AppError::not_found(format!("There is no account named “{username}”.")))?;
    if Some(account.id) == by {
        return Err(AppError::invalid("account", "You cannot disable your own account; ask another admin."));
    }
    db::users::disable(db, account.id).await?;
    db::sessions::delete_for_user(db, account.id).await
}

/// Checks a username and password and starts a session; returns the session token.
/// Failures are counted per account and client address, slowed, then refused for a while (see
/// `auth::throttle`). Both fields are bounded before anything is done with them, so that neither
/// the throttle nor the log ever holds more than a username's 64 characters.
pub async fn sign_in(
    db: &Db,
    throttle: &Throttle,
    config: &SessionConfig,
    username: &str,
    password: &str,
    address: &str,
) -> Result<String, AppError> {
    if username.chars().count() > MAX_USERNAME_CHARS {
        return Err(AppError::invalid(
            "username",
            format!("Usernames have at most {MAX_USERNAME_CHARS} characters."),
        ));
    }
    if password.chars().count() > password::MAX_CHARS {
        return Err(AppError::invalid(
            "password",
            format!("Passwords have at most {} characters.", password::MAX_CHARS),
        ));
    }
    match throttle.begin(username, address, Instant::now()) {
        Err(locked) => {
            let minutes = locked.retry_after.as_secs().div_ceil(60).max(1);
            return Err(AppError::TooManyAttempts(format!(
                "Too many failed sign-ins for this account from this address, or from this address. Try again in {minutes} minute{}.",
                if minutes == 1 { "" } else { "s" }
            )));
        }
        Ok(attempt) => tokio::time::sleep(attempt.delay).await,
    }
    let account = db::users::credentials(db, username).await?;
    let usable = account.as_ref().filter(|a| !a.disabled).and_then(|a| a.password_hash.clone());
    if !passwords::verify(password, usable).await? {
        tracing::info!(username, address, "failed sign-in");
        return Err(AppError::invalid("password", SIGN_IN_FAILED));
    }
    throttle.succeeded(username, address);
    let id = account.map(|a| a.id).ok_or(AppError::Internal)?;
    let now = Utc::now();
    // Sign-in is a good moment to sweep expired sessions: rare, and off the reading path.
    sessions::clean_up(db, config, now).await?;
    sessions::start(db, config, id, now).await
}

/// On a database where nobody can sign in, creates the account `admin` with a random password
/// and returns that password, to be shown once. Never a default password. Idempotent: of several
/// servers starting at once on a new database, one creates the account and the others go on.
pub async fn ensure_first_admin(db: &Db) -> Result<Option<String>, AppError> {
    if db::users::any_can_sign_in(db).await? {
        return Ok(None);
    }
    let password = sessions::random_token()?[..24].to_owned();
    let hash = passwords::hash(&password).await?;
    let created = db::users::create_first_admin(db, "admin", "Administrator", &hash).await?;
    Ok(created.then_some(password))
}

/// The longest username (the schema's bound).
pub const MAX_USERNAME_CHARS: usize = 64;
