//! The password policy: long enough, not too long, not a common password.
//! (Hashing is server-side, in `ssr::auth`.)

use std::collections::HashSet;
use std::sync::LazyLock;

pub const MIN_CHARS: usize = 8;
pub const MAX_CHARS: usize = 128;

/// The 10,000 most common passwords of 8+ characters (see the file's header for its origin).
static COMMON: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../fixtures/common-passwords.txt").lines().filter(|l| !l.starts_with('#')).collect()
});

/// Checks a new password; the error says what to change.
pub fn check_new(password: &str, username: &str) -> Result<(), String> {
    let chars = password.chars().count();
    if chars < MIN_CHARS {
        return Err(format!("Use at least {MIN_CHARS} characters."));
    }
    if chars > MAX_CHARS {
        return Err(format!("Use at most {MAX_CHARS} characters."));
    }
    let lower = password.to_lowercase();
    if COMMON.contains(lower.as_str()) {
        return Err(
            "This is one of the most common passwords, so it would be guessed quickly. Choose another."
                .into(),
        );
    }
    if lower == username.to_lowercase() {
        return Err("Do not use your username as your password.".into());
    }
    if password.chars().all(|c| password.starts_with(c)) {
        return Err("Do not repeat one character.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn length_is_bounded_in_characters() {
        assert!(check_new("short", "x").is_err());
        assert!(check_new("ünïcødé!", "x").is_ok(), "8 characters, more bytes");
        assert!(check_new(&"ab".repeat(64), "x").is_ok());
        assert_eq!(check_new(&"ab".repeat(65), "x").unwrap_err(), "Use at most 128 characters.");
    }

    #[test]
    fn common_passwords_are_refused_whatever_the_case() {
        assert!(COMMON.len() >= 9_000);
        for common in ["password", "Password", "12345678", "qwertyuiop", "TRUSTNO1", "iloveyou"] {
            assert!(check_new(common, "x").unwrap_err().contains("most common passwords"), "{common}");
        }
    }

    #[test]
    fn the_username_and_repeats_are_refused() {
        assert!(check_new("MariaLopez", "marialopez").is_err());
        assert!(check_new("zzzzzzzzzz", "x").is_err());
        assert!(check_new("correct horse battery staple", "x").is_ok());
    }
}
