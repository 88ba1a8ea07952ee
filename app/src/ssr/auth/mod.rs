//! Signing in and out: password hashing, sessions, throttling of failed attempts.

pub mod passwords;
pub mod sessions;
pub mod throttle;

pub use sessions::{SessionConfig, SECURE_SESSION_COOKIE, SESSION_COOKIE};
pub use throttle::Throttle;
