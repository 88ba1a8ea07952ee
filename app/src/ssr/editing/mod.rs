//! Editorial actions. Each runs in one write transaction (`BEGIN IMMEDIATE`): it reads what it
//! changes, checks the editor's version against it, writes the change and its revision, or
//! nothing at all.

pub mod claims;
pub mod import;
pub mod sources;
pub mod speakers;

use crate::model::CurrentUser;
use crate::AppError;

/// Editors and admins may edit; an account must exist for the change to be signed.
pub fn require_editor(user: Option<&CurrentUser>) -> Result<&CurrentUser, AppError> {
    user.ok_or(AppError::Unauthorized)
}

/// Only admins manage accounts.
pub fn require_admin(user: Option<&CurrentUser>) -> Result<&CurrentUser, AppError> {
    let user = require_editor(user)?;
    if user.is_admin() {
        Ok(user)
    } else {
        Err(AppError::Forbidden)
    }
}
