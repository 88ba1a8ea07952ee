//! The account forms of `/admin/users`, and merging a speaker: typed as submitted; the accounts'
//! rules (username, password policy) are checked where accounts are made (`ssr::accounts`).

use super::Problems;
use crate::model::Role;
use serde::Deserialize;

/// A new account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    pub username: String,
    pub display_name: String,
    pub role: String,
    pub password: String,
}

impl AccountForm {
    /// The role chosen; the rest is checked when the account is added.
    pub fn role(&self) -> Result<Role, Problems> {
        Role::parse(self.role.trim()).ok_or_else(|| vec![("role".into(), "Choose editor or admin.".into())])
    }
}

/// A new password for an account.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct PasswordForm {
    pub password: String,
}

/// The speaker a duplicate is merged into, by name or alias.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct MergeForm {
    pub target: String,
}
