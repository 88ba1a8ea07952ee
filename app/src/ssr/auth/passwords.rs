//! argon2id password hashes, computed on the blocking thread pool: a hash takes tens of
//! milliseconds of CPU on purpose, and must not stall the async workers serving pages.

use crate::AppError;
use argon2::password_hash::{rand_core::OsRng, PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};

/// OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a new password.
pub async fn hash(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    tokio::task::spawn_blocking(move || {
        let salt = SaltString::generate(&mut OsRng);
        hasher().hash_password(password.as_bytes(), &salt).map(|h| h.to_string())
    })
    .await
    .map_err(|err| {
        tracing::error!(error = %err, "password hashing task failed");
        AppError::Internal
    })?
    .map_err(|err| {
        tracing::error!(error = %err, "password hashing failed");
        AppError::Internal
    })
}

/// A hash of a password nobody knows, checked when an account does not exist or cannot sign in,
/// so that a wrong username takes as long to refuse as a wrong password.
const DECOY: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$L9+e4q8Jb+qz1gQbd8bkeqPqXn6UgNfYvXo1YqC+6Xk";

/// Whether `password` matches `stored` (`None`: no usable account; always false, same cost).
pub async fn verify(password: &str, stored: Option<String>) -> bool {
    let password = password.to_owned();
    let known = stored.is_some();
    let stored = stored.unwrap_or_else(|| DECOY.to_owned());
    let matched = tokio::task::spawn_blocking(move || {
        PasswordHash::new(&stored)
            .is_ok_and(|parsed| hasher().verify_password(password.as_bytes(), &parsed).is_ok())
    })
    .await
    .unwrap_or(false);
    known && matched
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery staple").await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
        assert!(verify("correct horse battery staple", Some(stored.clone())).await);
        assert!(!verify("correct horse battery stapler", Some(stored)).await);
        assert!(!verify("anything", None).await);
        assert!(!verify("anything", Some("not a hash".into())).await);
    }

    #[test]
    fn the_decoy_is_a_real_hash_so_refusals_cost_the_same() {
        let decoy = PasswordHash::new(DECOY).unwrap();
        assert_eq!(decoy.algorithm.as_str(), "argon2id");
    }
}
