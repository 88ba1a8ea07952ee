//! Sessions: a random token in an `HttpOnly` cookie; the database keeps only its SHA-256, the
//! user, a CSRF token for the session's forms, and when it was made and last used.

use crate::model::CurrentUser;
use crate::ssr::db;
use crate::ssr::db::Db;
use crate::AppError;
use base64::Engine;
use chrono::{DateTime, Duration, Utc};

/// The session cookie's name on a site served over plain http (a local or intranet install).
pub const SESSION_COOKIE: &str = "claimtrack_session";
/// Its name over https: browsers accept a `__Host-` cookie only if it is `Secure`, for the whole
/// site (`Path=/`) and for this host alone (no `Domain`), so neither a plain-http page nor a
/// sibling subdomain can plant or overwrite it.
pub const SECURE_SESSION_COOKIE: &str = "__Host-claimtrack_session";

/// How long sessions live. Idle: a working day — a browser left signed in overnight is signed
/// out by morning. Absolute: a week — even a session in daily use signs in again weekly, which
/// bounds how long a stolen cookie stays useful without making editors sign in every day.
#[derive(Clone, Copy, Debug)]
pub struct SessionConfig {
    /// A session unused this long ends.
    pub idle: Duration,
    /// A session ends this long after sign-in, however busy.
    pub absolute: Duration,
    /// Whether the cookie is marked `Secure` (the site is served over https).
    pub secure: bool,
}

impl SessionConfig {
    pub fn for_site(site_url: &str) -> SessionConfig {
        SessionConfig {
            idle: Duration::hours(8),
            absolute: Duration::days(7),
            secure: site_url.starts_with("https://"),
        }
    }

    /// The session cookie's name for this site.
    pub fn cookie_name(&self) -> &'static str {
        if self.secure {
            SECURE_SESSION_COOKIE
        } else {
            SESSION_COOKIE
        }
    }

    /// The `Set-Cookie` value that stores `token`.
    pub fn cookie(&self, token: &str) -> String {
        format!(
            "{}={token}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}{}",
            self.cookie_name(),
            self.absolute.num_seconds(),
            if self.secure { "; Secure" } else { "" }
        )
    }

    /// The `Set-Cookie` value that removes the cookie.
    pub fn clearing_cookie(&self) -> String {
        format!(
            "{}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0{}",
            self.cookie_name(),
            if self.secure { "; Secure" } else { "" }
        )
    }
}

/// 256 random bits, URL-safe base64.
pub fn random_token() -> Result<String, AppError> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|err| {
        tracing::error!(error = %err, "the system's random number generator failed");
        AppError::Internal
    })?;
    Ok(base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes))
}

/// What the database stores for a token.
pub fn token_hash(token: &str) -> String {
    crate::ssr::sha256::hex(token)
}

/// Starts a session for `user_id`; returns the token for the cookie. Every sign-in gets a new
/// token, so a token planted before sign-in (session fixation) never becomes a signed-in one.
pub async fn start(
    db: &Db,
    config: &SessionConfig,
    user_id: i64,
    now: DateTime<Utc>,
) -> Result<String, AppError> {
    let token = random_token()?;
    let csrf = random_token()?;
    db::sessions::insert(db, &token_hash(&token), user_id, &csrf, now, now + config.absolute).await?;
    Ok(token)
}

/// The signed-in user of a session token, if the session is live; refreshes its idle timer.
pub async fn user(
    db: &Db,
    config: &SessionConfig,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<CurrentUser>, AppError> {
    if token.len() != 43 {
        return Ok(None);
    }
    let hash = token_hash(token);
    let Some(found) = db::sessions::find(db, &hash, now, now - config.idle).await? else {
        return Ok(None);
    };
    // Write the idle timer at most once a minute, not on every page view.
    if now - found.last_seen_at > Duration::minutes(1) {
        db::sessions::touch(db, &hash, now).await?;
    }
    Ok(Some(found.user))
}

/// Ends a session (sign-out).
pub async fn end(db: &Db, token: &str) -> Result<(), AppError> {
    db::sessions::delete(db, &token_hash(token)).await
}

/// Removes expired sessions; returns how many.
pub async fn clean_up(db: &Db, config: &SessionConfig, now: DateTime<Utc>) -> Result<u64, AppError> {
    db::sessions::delete_expired(db, now, now - config.idle).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_and_stored_hashed() {
        let (a, b) = (random_token().unwrap(), random_token().unwrap());
        assert_ne!(a, b);
        assert_eq!(a.len(), 43);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
    }

    #[test]
    fn cookies_are_http_only_lax_and_secure_over_https() {
        let plain = SessionConfig::for_site("http://127.0.0.1:3000").cookie("t");
        assert_eq!(plain, "claimtrack_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800");
        let secure = SessionConfig::for_site("https://claims.example.org").cookie("t");
        assert_eq!(
            secure,
            "__Host-claimtrack_session=t; Path=/; HttpOnly; SameSite=Lax; Max-Age=604800; Secure"
        );
        assert!(SessionConfig::for_site("https://x").clearing_cookie().contains("Max-Age=0"));
    }
}
