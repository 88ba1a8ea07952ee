//! Slowing, then refusing, repeated failed sign-ins.
//!
//! Failures are counted per (account, client address): guessing one account's password from one
//! address is slowed after a few failures and refused after [`PAIR_LOCK_AFTER`], while the owner,
//! signing in from anywhere else, is not affected — a lockout that anyone could trigger from
//! anywhere would be a way to keep editors out. One address guessing across many accounts is
//! refused after [`ADDRESS_LOCK_AFTER`] failures. Guessing one account from many addresses is
//! bounded by the cost of each check (argon2id, at most a few at once: see `passwords`) and by
//! the password rules.
//!
//! Counting is atomic: an attempt takes its place in the count before its password is checked
//! ([`Throttle::begin`]), so parallel attempts cannot all pass a check made before any of them
//! failed. A successful sign-in gives its place back.
//!
//! Kept in memory: it protects a running server; a restart forgetting it costs an attacker a
//! restart they cannot cause.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Failures counted within this window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// From this many failures of one account from one address on, each attempt waits first
/// (1 s, 2 s, 4 s, … up to [`LONGEST_WAIT`]).
pub const SLOW_AFTER: u32 = 3;
/// At this many failures of one account from one address, its attempts are refused until the
/// window has passed.
pub const PAIR_LOCK_AFTER: u32 = 10;
/// At this many failures from one address (any accounts), its attempts are refused.
pub const ADDRESS_LOCK_AFTER: u32 = 30;
/// The longest wait before an attempt.
pub const LONGEST_WAIT: Duration = Duration::from_secs(16);
/// At most this many counts are kept; past it, expired ones are dropped, then the oldest.
const MAX_KEYS: usize = 100_000;

#[derive(Clone, Copy, Debug)]
struct Count {
    n: u32,
    first: Instant,
}

impl Count {
    fn live(&self, now: Instant) -> bool {
        now.saturating_duration_since(self.first) < WINDOW
    }
}

/// An attempt allowed to go ahead: wait `delay`, then check the password.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Attempt {
    pub delay: Duration,
}

/// An attempt refused; the caller may try again after `retry_after`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Locked {
    pub retry_after: Duration,
}

#[derive(Default, Debug)]
struct Counts {
    /// Keyed by lowercased account name, NUL, address.
    pairs: HashMap<String, Count>,
    addresses: HashMap<String, Count>,
}

#[derive(Clone, Debug)]
pub struct Throttle {
    counts: Arc<Mutex<Counts>>,
    /// Whether attempts carry their delay (tests turn it off to run in real time).
    slow_down: bool,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle { counts: Arc::default(), slow_down: true }
    }
}

fn pair_key(account: &str, address: &str) -> String {
    format!("{}\u{0}{address}", account.to_lowercase())
}

/// The wait before an attempt that follows `failures` failures.
fn delay_after(failures: u32) -> Duration {
    match failures.checked_sub(SLOW_AFTER) {
        None => Duration::ZERO,
        Some(n) => Duration::from_secs(1u64 << n.min(8)).min(LONGEST_WAIT),
    }
}

impl Throttle {
    /// A throttle that counts and locks but never waits, for tests of what follows a lockout.
    pub fn without_delays() -> Self {
        Throttle { slow_down: false, ..Throttle::default() }
    }

    /// Counts an attempt for `account` from `address` at `now`, or refuses it. The attempt is
    /// counted as a failure unless [`Throttle::succeeded`] is called for it.
    pub fn begin(&self, account: &str, address: &str, now: Instant) -> Result<Attempt, Locked> {
        let Ok(mut counts) = self.counts.lock() else { return Ok(Attempt { delay: Duration::ZERO }) };
        if counts.pairs.len() >= MAX_KEYS || counts.addresses.len() >= MAX_KEYS {
            forget_expired(&mut counts, now);
        }
        let pair = pair_key(account, address);
        let mut locked_for = Duration::ZERO;
        let pair_count = live_count(&counts.pairs, &pair, now);
        let address_count = live_count(&counts.addresses, address, now);
        for (count, limit) in [(pair_count, PAIR_LOCK_AFTER), (address_count, ADDRESS_LOCK_AFTER)] {
            if let Some(count) = count.filter(|c| c.n >= limit) {
                locked_for =
                    locked_for.max(WINDOW.saturating_sub(now.saturating_duration_since(count.first)));
            }
        }
        if locked_for > Duration::ZERO {
            return Err(Locked { retry_after: locked_for });
        }
        let failures = pair_count.map_or(0, |c| c.n);
        let Counts { pairs, addresses } = &mut *counts;
        for (map, key) in [(pairs, pair), (addresses, address.to_owned())] {
            let count = map.entry(key).or_insert(Count { n: 0, first: now });
            if !count.live(now) {
                *count = Count { n: 0, first: now };
            }
            count.n += 1;
        }
        let delay = if self.slow_down { delay_after(failures) } else { Duration::ZERO };
        Ok(Attempt { delay })
    }

    /// The attempt begun for `account` from `address` signed in: its account's failures from that
    /// address are forgotten, and it no longer counts against the address.
    pub fn succeeded(&self, account: &str, address: &str) {
        if let Ok(mut counts) = self.counts.lock() {
            counts.pairs.remove(&pair_key(account, address));
            if let Some(count) = counts.addresses.get_mut(address) {
                count.n = count.n.saturating_sub(1);
            }
        }
    }

    /// How many accounts and addresses are being counted (bounded by `MAX_KEYS`).
    pub fn tracked(&self) -> usize {
        self.counts.lock().map_or(0, |c| c.pairs.len() + c.addresses.len())
    }
}

fn live_count(map: &HashMap<String, Count>, key: &str, now: Instant) -> Option<Count> {
    map.get(key).copied().filter(|c| c.live(now))
}

fn forget_expired(counts: &mut Counts, now: Instant) {
    counts.pairs.retain(|_, c| c.live(now));
    counts.addresses.retain(|_, c| c.live(now));
    // Still full of live counts (a flood from very many addresses): start over rather than grow.
    if counts.pairs.len() >= MAX_KEYS || counts.addresses.len() >= MAX_KEYS {
        *counts = Counts::default();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fail(throttle: &Throttle, account: &str, address: &str, now: Instant) -> Result<Duration, Locked> {
        throttle.begin(account, address, now).map(|a| a.delay)
    }

    #[test]
    fn failures_slow_with_growing_waits_then_lock_the_pair_then_expire() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        let waits: Vec<Duration> =
            (0..PAIR_LOCK_AFTER).map(|_| fail(&throttle, "maria", "10.0.0.1", t0).unwrap()).collect();
        let secs: Vec<u64> = waits.iter().map(Duration::as_secs).collect();
        assert_eq!(secs, vec![0, 0, 0, 1, 2, 4, 8, 16, 16, 16]);
        assert!(fail(&throttle, "MARIA", "10.0.0.1", t0).is_err(), "the same account, any spelling");
        assert_eq!(fail(&throttle, "maria", "10.9.9.9", t0), Ok(Duration::ZERO), "the owner, elsewhere");
        assert_eq!(fail(&throttle, "other", "10.0.0.1", t0), Ok(Duration::ZERO), "another account");
        assert_eq!(fail(&throttle, "maria", "10.0.0.1", t0 + WINDOW), Ok(Duration::ZERO));
    }

    #[test]
    fn one_address_guessing_across_accounts_is_refused() {
        let throttle = Throttle::without_delays();
        let t0 = Instant::now();
        for i in 0..ADDRESS_LOCK_AFTER {
            assert!(fail(&throttle, &format!("user{i}"), "10.0.0.1", t0).is_ok());
        }
        let locked = fail(&throttle, "someone-else", "10.0.0.1", t0).unwrap_err();
        assert!(locked.retry_after > Duration::ZERO && locked.retry_after <= WINDOW);
        assert!(fail(&throttle, "someone-else", "10.0.0.2", t0).is_ok());
    }

    #[test]
    fn parallel_attempts_cannot_overtake_the_count() {
        let throttle = Throttle::without_delays();
        let t0 = Instant::now();
        let allowed = std::thread::scope(|scope| {
            let handles: Vec<_> =
                (0..40).map(|_| scope.spawn(|| throttle.begin("maria", "10.0.0.1", t0).is_ok())).collect();
            handles.into_iter().map(|h| h.join().unwrap_or(false)).filter(|allowed| *allowed).count()
        });
        assert_eq!(allowed, PAIR_LOCK_AFTER as usize);
    }

    #[test]
    fn success_clears_the_pair_and_gives_back_its_place() {
        let throttle = Throttle::without_delays();
        let t0 = Instant::now();
        for _ in 0..PAIR_LOCK_AFTER - 1 {
            fail(&throttle, "maria", "10.0.0.1", t0).unwrap();
        }
        throttle.begin("maria", "10.0.0.1", t0).unwrap();
        throttle.succeeded("maria", "10.0.0.1");
        assert_eq!(fail(&throttle, "maria", "10.0.0.1", t0), Ok(Duration::ZERO));
    }

    #[test]
    fn the_number_of_counts_is_bounded() {
        let throttle = Throttle::without_delays();
        let t0 = Instant::now();
        for i in 0..MAX_KEYS + 10 {
            let _ = throttle.begin("maria", &format!("10.{}.{}.{}", i >> 16, (i >> 8) & 255, i & 255), t0);
        }
        assert!(throttle.tracked() <= 2 * MAX_KEYS);
    }
}
