//! What this process keeps about each database between requests, and until when it holds.
//!
//! - The newest content version it committed (`content_version`, migration 0007), published by
//!   `WriteTx::commit` so that the page cache sees this process's writes at once.
//! - A search's per-status counts and the words a search prefix stands for. Both are worked out
//!   at a content version and kept while they still hold: a prefix's words and exact counts only
//!   at that very version; counts above the cap while fewer claims can have changed since than
//!   the smallest count exceeds the cap by (the version's increase bounds that number). A
//!   frequent word's counts — the costly ones, a few thousand index entries per status — thus
//!   survive the day's rulings, and a search after a write costs its page, not its counts.

use super::Db;
use crate::model::StatusCounts;
use lru::LruCache;
use std::collections::HashMap;
use std::num::NonZeroUsize;
use std::sync::atomic::AtomicI64;
use std::sync::{Arc, LazyLock, Mutex};

/// Searches whose counts and words are kept, per database.
const KEPT_SEARCHES: usize = 2048;

/// A value worked out at a content version, true until the version has grown by more than `slack`.
#[derive(Clone, Debug)]
struct Kept<T> {
    version: i64,
    slack: i64,
    value: T,
}

/// Values keyed by text, each with how long it holds.
#[derive(Debug)]
pub struct Memo<T> {
    entries: Mutex<LruCache<String, Kept<T>>>,
}

impl<T: Clone> Memo<T> {
    fn new() -> Memo<T> {
        Memo {
            entries: Mutex::new(LruCache::new(NonZeroUsize::new(KEPT_SEARCHES).unwrap_or(NonZeroUsize::MIN))),
        }
    }

    /// The value kept for `key`, if it still holds at `version`.
    pub fn get(&self, key: &str, version: i64) -> Option<T> {
        let mut entries = self.entries.lock().ok()?;
        let kept = entries.get(key)?;
        let holds = version >= kept.version && version - kept.version <= kept.slack;
        holds.then(|| kept.value.clone())
    }

    /// Keeps `value`, worked out at `version`, while the version grows by at most `slack`.
    pub fn put(&self, key: String, version: i64, slack: i64, value: T) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.put(key, Kept { version, slack, value });
        }
    }
}

/// What is kept about one database.
#[derive(Debug)]
pub struct PerDatabase {
    /// The newest content version this process committed (0 before any).
    pub committed: Arc<AtomicI64>,
    /// A search's per-status counts, by its match expression.
    pub search_counts: Memo<StatusCounts>,
    /// The indexed words a search prefix begins, by prefix.
    pub prefix_words: Memo<Vec<String>>,
}

static BY_DATABASE: LazyLock<Mutex<HashMap<String, Arc<PerDatabase>>>> = LazyLock::new(Default::default);

/// What is kept about `db` (tests open many databases in one process).
pub fn of(db: &Db) -> Arc<PerDatabase> {
    of_key(db.key())
}

/// What names a PostgreSQL database here: its server and name (never its password).
pub fn postgres_key(pool: &sqlx::PgPool) -> String {
    let options = pool.connect_options();
    format!(
        "postgres://{}:{}/{}",
        options.get_host(),
        options.get_port(),
        options.get_database().unwrap_or("")
    )
}

/// What is kept about the database `key` names ([`Db::key`]).
pub fn of_key(key: String) -> Arc<PerDatabase> {
    let fresh = || {
        Arc::new(PerDatabase {
            committed: Arc::default(),
            search_counts: Memo::new(),
            prefix_words: Memo::new(),
        })
    };
    match BY_DATABASE.lock() {
        Ok(mut all) => all.entry(key).or_insert_with(fresh).clone(),
        Err(_) => fresh(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_value_holds_within_its_slack_only() {
        let memo: Memo<i64> = Memo::new();
        memo.put("exact".into(), 10, 0, 1);
        memo.put("roomy".into(), 10, 5, 2);
        assert_eq!(memo.get("exact", 10), Some(1));
        assert_eq!(memo.get("exact", 11), None);
        assert_eq!(memo.get("roomy", 15), Some(2));
        assert_eq!(memo.get("roomy", 16), None);
        assert_eq!(memo.get("roomy", 9), None, "an older version (a restored file) is not trusted");
        assert_eq!(memo.get("missing", 10), None);
    }
}
