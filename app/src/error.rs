//! The one error type of claimtrack. Each variant is something a user can act on; the HTTP status
//! and the message follow from it. Database and other internal errors become `Internal`, logged once
//! where they are converted, with their details kept out of responses.

use serde::{Deserialize, Serialize};
use thiserror::Error;

#[derive(Clone, Debug, PartialEq, Eq, Error, Serialize, Deserialize)]
pub enum AppError {
    /// The thing asked for does not exist (or never will).
    #[error("{0}")]
    NotFound(String),
    /// The thing asked for lives at another address now (a merged speaker), for good.
    #[error("This has moved to {0}.")]
    Moved(String),
    /// A field or parameter has a value that is not accepted; the message says what is.
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    /// The change conflicts with the current state (a stale edit, a duplicate).
    #[error("{0}")]
    Conflict(String),
    /// The request is larger than accepted; the message says the limit.
    #[error("{0}")]
    TooLarge(String),
    /// Too many attempts; the message says when to try again.
    #[error("{0}")]
    TooManyAttempts(String),
    /// The server cannot take this now (too much of a bounded resource is in use); the message
    /// says to try again shortly. Answered 503 with `Retry-After`.
    #[error("{0}")]
    Busy(String),
    /// Signing in is needed.
    #[error("Please sign in to do this.")]
    Unauthorized,
    /// Signed in, but not allowed.
    #[error("Your account is not allowed to do this.")]
    Forbidden,
    /// Something went wrong on our side. The details are in the server log, not here.
    #[error(
        "Something went wrong on our side. Please try again; if it keeps happening, tell the site's admin."
    )]
    Internal,
}

impl AppError {
    pub fn not_found(what: impl Into<String>) -> Self {
        AppError::NotFound(what.into())
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        AppError::Invalid { field: field.into(), message: message.into() }
    }

    /// The HTTP status this error is answered with.
    pub fn status_code(&self) -> u16 {
        match self {
            AppError::NotFound(_) => 404,
            AppError::Moved(_) => 301,
            AppError::Invalid { .. } => 400,
            AppError::Conflict(_) => 409,
            AppError::TooLarge(_) => 413,
            AppError::TooManyAttempts(_) => 429,
            AppError::Busy(_) => 503,
            AppError::Unauthorized => 401,
            AppError::Forbidden => 403,
            AppError::Internal => 500,
        }
    }

    /// Seconds after which trying again makes sense (`Retry-After`), for a refusal that passes.
    pub fn retry_after(&self) -> Option<u32> {
        match self {
            AppError::Busy(_) => Some(5),
            _ => None,
        }
    }

    /// A short title for an error page or problem document.
    pub fn title(&self) -> &'static str {
        match self {
            AppError::NotFound(_) => "Not found",
            AppError::Moved(_) => "Moved",
            AppError::Invalid { .. } => "Invalid request",
            AppError::Conflict(_) => "Conflict",
            AppError::TooLarge(_) => "Too large",
            AppError::TooManyAttempts(_) => "Too many attempts",
            AppError::Busy(_) => "Busy",
            AppError::Unauthorized => "Sign-in required",
            AppError::Forbidden => "Not allowed",
            AppError::Internal => "Server error",
        }
    }
}

impl From<crate::model::QueryError> for AppError {
    fn from(err: crate::model::QueryError) -> Self {
        AppError::Invalid { field: err.param, message: err.message }
    }
}

impl From<crate::model::speaker_directory::DirectoryQueryError> for AppError {
    fn from(err: crate::model::speaker_directory::DirectoryQueryError) -> Self {
        AppError::Invalid { field: err.field.to_owned(), message: err.message }
    }
}

impl leptos::server_fn::error::FromServerFnError for AppError {
    type Encoder = leptos::server_fn::codec::JsonEncoding;

    fn from_server_fn_error(err: leptos::server_fn::error::ServerFnErrorErr) -> Self {
        use leptos::server_fn::error::ServerFnErrorErr as E;
        match err {
            // The request itself was malformed: the caller can fix it.
            E::Args(message) | E::Deserialization(message) | E::MissingArg(message) => {
                AppError::Invalid { field: "request".into(), message }
            }
            other => {
                #[cfg(feature = "ssr")]
                tracing::error!(error = %other, "server function failed");
                let _ = other;
                AppError::Internal
            }
        }
    }
}
