//! Editorial actions. Each runs in one write transaction (`BEGIN IMMEDIATE`): it reads what it
//! changes, checks the editor's version against it, writes the change and its revision, or
//! nothing at all.

pub mod claims;
pub mod desk;
pub mod import;
pub mod records;
pub mod repetitions;
pub mod rulings;
pub mod sources;
pub mod speakers;

use crate::model::{public_id, CurrentUser};
use crate::AppError;

/// The internal id of a claim's public id, or "not found".
pub(crate) fn claim_id(public: &str) -> Result<i64, AppError> {
    public_id::decode(public).ok_or_else(no_such_claim)
}

pub(crate) fn no_such_claim() -> AppError {
    AppError::not_found("There is no such claim.")
}

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
