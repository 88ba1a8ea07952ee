//! Accounts: roles and the signed-in user.

use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// What an account may do. Editors edit content and work the desk; admins also manage
    /// accounts and reverse retractions.
    pub enum Role {
        Editor = ("editor", "Editor"),
        Admin = ("admin", "Admin"),
    }
}

/// The account behind the current request, with the token its forms must carry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Every form this user submits carries this token (field `csrf`); see `ssr::auth`.
    pub csrf_token: String,
}

impl CurrentUser {
    pub fn is_admin(&self) -> bool {
        self.role == Role::Admin
    }
}

/// An account as listed for admins.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Account {
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub can_sign_in: bool,
    pub disabled: bool,
    pub created_at: String,
}

/// Usernames: 1–64 characters of ASCII letters, digits, `.`, `_` and `-`, so that they are
/// unambiguous in logs, URLs and on the command line.
pub fn validate_username(name: &str) -> Result<(), String> {
    if name.is_empty() || name.len() > 64 {
        return Err("Use 1 to 64 characters.".into());
    }
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
        return Err("Use only letters a–z, digits, dots, underscores and hyphens.".into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        assert_eq!(Role::parse(Role::Admin.as_str()), Some(Role::Admin));
        assert_eq!(Role::parse("root"), None);
    }

    #[test]
    fn usernames_are_plain() {
        assert!(validate_username("maria.lopez-2").is_ok());
        assert!(validate_username("").is_err());
        assert!(validate_username("maria lopez").is_err());
        assert!(validate_username("<script>").is_err());
        assert!(validate_username(&"a".repeat(65)).is_err());
    }
}
