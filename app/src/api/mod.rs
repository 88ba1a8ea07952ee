//! Server functions: thin shims that take the state from context and call `ssr`.
//! Endpoints have fixed paths so that they are stable and testable.

pub mod editing;
pub mod read;
