//! The `claimtrack` binary's library: command line, router, HTTP layers. Split from `main.rs` so
//! that the tests can build the same router.

pub mod backup;
pub mod cli;
pub mod connections;
pub mod copy_cli;
pub mod fetch;
pub mod http;
pub mod import_cli;
pub mod pg_backup;
pub mod recheck_cli;
pub mod serve;
pub mod similar_cli;
pub mod telemetry;
pub mod users_cli;

pub use http::router;
