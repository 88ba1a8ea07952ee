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
//!
//! A value is worked out once however many requests want it at the same moment ([`Memo::work_out`]):
//! sixteen readers opening the same frequent word on a cold PostgreSQL (where counting it takes a
//! few hundred milliseconds) wait for one count instead of running sixteen that share two cores.

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
    /// The keys being worked out now, each with the lock its other askers wait on.
    in_flight: Flights,
}

impl<T: Clone> Memo<T> {
    fn new() -> Memo<T> {
        Memo {
            entries: Mutex::new(LruCache::new(NonZeroUsize::new(KEPT_SEARCHES).unwrap_or(NonZeroUsize::MIN))),
            in_flight: Mutex::default(),
        }
    }

    /// The value kept for `key` if it holds at `version`; else `work` works it out (at `version`,
    /// returning it and its slack) and it is kept. While one asker works a key out, the others
    /// asking for it wait and then take its result; if it fails (or its request is dropped), the
    /// next waiter works it out.
    pub async fn work_out<E, F, Fut>(&self, key: &str, version: i64, work: F) -> Result<T, E>
    where
        F: FnOnce() -> Fut,
        Fut: std::future::Future<Output = Result<(T, i64), E>>,
    {
        if let Some(value) = self.get(key, version) {
            return Ok(value);
        }
        let flight = Flight::join(&self.in_flight, key);
        let _turn = flight.lock.lock().await;
        if let Some(value) = self.get(key, version) {
            return Ok(value);
        }
        let (value, slack) = work().await?;
        self.put(key.to_owned(), version, slack, value.clone());
        Ok(value)
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

/// Who waits on one key's working out: the lock, and where it is listed. The last one to leave
/// (however it leaves: done, failed or dropped with its request) takes the key off the list.
struct Flight<'a> {
    flights: &'a Flights,
    key: &'a str,
    lock: Arc<tokio::sync::Mutex<()>>,
}

type Flights = Mutex<HashMap<String, Arc<tokio::sync::Mutex<()>>>>;

impl<'a> Flight<'a> {
    fn join(flights: &'a Flights, key: &'a str) -> Flight<'a> {
        let lock = match flights.lock() {
            Ok(mut listed) => listed.entry(key.to_owned()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        Flight { flights, key, lock }
    }
}

impl Drop for Flight<'_> {
    fn drop(&mut self) {
        if let Ok(mut listed) = self.flights.lock() {
            // The list's reference and ours: no one else is waiting.
            let last =
                listed.get(self.key).is_some_and(|l| Arc::ptr_eq(l, &self.lock) && Arc::strong_count(l) <= 2);
            if last {
                listed.remove(self.key);
            }
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

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn askers_at_the_same_moment_wait_for_one_working_out() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        let memo: Arc<Memo<i64>> = Arc::new(Memo::new());
        let works = Arc::new(AtomicUsize::new(0));
        let askers: Vec<_> = (0..16)
            .map(|_| {
                let (memo, works) = (memo.clone(), works.clone());
                tokio::spawn(async move {
                    memo.work_out("frequent", 7, || async {
                        works.fetch_add(1, Ordering::SeqCst);
                        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                        Ok::<_, ()>((42, 0))
                    })
                    .await
                })
            })
            .collect();
        for asker in askers {
            assert_eq!(asker.await.unwrap(), Ok(42));
        }
        assert_eq!(works.load(Ordering::SeqCst), 1, "sixteen askers, one working out");
        assert!(memo.in_flight.lock().unwrap().is_empty(), "the flight is taken off the list");
    }

    #[tokio::test]
    async fn a_failed_working_out_is_not_kept_and_the_next_asker_tries_again() {
        let memo: Memo<i64> = Memo::new();
        assert_eq!(memo.work_out("k", 1, || async { Err::<(i64, i64), _>("busy") }).await, Err("busy"));
        assert_eq!(memo.work_out("k", 1, || async { Ok::<_, &str>((5, 0)) }).await, Ok(5));
        assert_eq!(
            memo.work_out("k", 2, || async { Ok::<_, &str>((6, 0)) }).await,
            Ok(6),
            "not held past its slack"
        );
        assert!(memo.in_flight.lock().unwrap().is_empty());
    }
}
