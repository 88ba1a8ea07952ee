//! Logging: `tracing` to standard error, tuned with `RUST_LOG`.

use tracing_subscriber::EnvFilter;

/// Default: our own crates at `info`; request lines (`tower_http=info`) and SQL statements
/// (`sqlx=info`) are opt-in, since they are one line per request.
const DEFAULT_FILTER: &str = "info,tower_http=warn,sqlx=warn";

pub fn init() {
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new(DEFAULT_FILTER));
    // A second init (tests) is harmless, so its error is ignored.
    let _ = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr).try_init();
}
