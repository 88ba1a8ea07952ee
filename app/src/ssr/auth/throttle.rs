//! Slowing, then refusing, repeated failed sign-ins — per account and per client address, so
//! that neither guessing one account's password from many addresses nor many accounts' passwords
//! from one address gets far.
//!
//! Kept in memory: it protects a running server; a restart forgetting it costs an attacker a
//! restart they cannot cause.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Failures counted within this window.
pub const WINDOW: Duration = Duration::from_secs(15 * 60);
/// From this many failures on, each further attempt waits (1 s, 2 s, 4 s, then 5 s).
pub const SLOW_AFTER: u32 = 3;
/// At this many failures, attempts are refused until the window has passed.
pub const LOCK_AFTER: u32 = 10;
/// At most this many keys are tracked; the oldest are forgotten first.
const MAX_KEYS: usize = 100_000;

#[derive(Clone, Copy, Debug)]
struct Failures {
    count: u32,
    first: Instant,
}

/// What to do with a sign-in attempt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Go ahead, after waiting this long.
    Allow(Duration),
    /// Refuse; try again after this long.
    Locked(Duration),
}

#[derive(Clone, Debug)]
pub struct Throttle {
    failures: Arc<Mutex<HashMap<String, Failures>>>,
    /// Whether `Allow` verdicts carry their delay (tests turn it off to run in real time).
    slow_down: bool,
}

impl Default for Throttle {
    fn default() -> Self {
        Throttle { failures: Arc::default(), slow_down: true }
    }
}

impl Throttle {
    /// A throttle that counts and locks but never waits, for tests of what follows a lockout.
    pub fn without_delays() -> Self {
        Throttle { slow_down: false, ..Throttle::default() }
    }

    fn keys(account: &str, address: &str) -> [String; 2] {
        [format!("account:{}", account.to_lowercase()), format!("address:{address}")]
    }

    /// Whether an attempt for `account` from `address` may go ahead at `now`.
    pub fn check(&self, account: &str, address: &str, now: Instant) -> Verdict {
        let Ok(map) = self.failures.lock() else { return Verdict::Allow(Duration::ZERO) };
        let mut worst = 0;
        let mut locked_for = Duration::ZERO;
        for key in Self::keys(account, address) {
            if let Some(f) = map.get(&key) {
                let age = now.saturating_duration_since(f.first);
                if age >= WINDOW {
                    continue;
                }
                worst = worst.max(f.count);
                if f.count >= LOCK_AFTER {
                    locked_for = locked_for.max(WINDOW - age);
                }
            }
        }
        if locked_for > Duration::ZERO {
            return Verdict::Locked(locked_for);
        }
        let delay = match worst.checked_sub(SLOW_AFTER) {
            Some(n) if self.slow_down => Duration::from_secs((1u64 << n.min(3)).min(5)),
            _ => Duration::ZERO,
        };
        Verdict::Allow(delay)
    }

    /// Counts a failed attempt.
    pub fn failed(&self, account: &str, address: &str, now: Instant) {
        let Ok(mut map) = self.failures.lock() else { return };
        if map.len() >= MAX_KEYS {
            map.retain(|_, f| now.saturating_duration_since(f.first) < WINDOW);
            if map.len() >= MAX_KEYS {
                map.clear();
            }
        }
        for key in Self::keys(account, address) {
            let entry = map.entry(key).or_insert(Failures { count: 0, first: now });
            if now.saturating_duration_since(entry.first) >= WINDOW {
                *entry = Failures { count: 0, first: now };
            }
            entry.count += 1;
        }
    }

    /// Forgets the account's failures after it signed in (not the address's: one good password
    /// must not reset a guessing run against other accounts).
    pub fn succeeded(&self, account: &str) {
        if let Ok(mut map) = self.failures.lock() {
            map.remove(&format!("account:{}", account.to_lowercase()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn failures_slow_then_lock_then_expire() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..SLOW_AFTER {
            assert_eq!(throttle.check("maria", "10.0.0.1", t0), Verdict::Allow(Duration::ZERO));
            throttle.failed("maria", "10.0.0.1", t0);
        }
        assert_eq!(throttle.check("maria", "10.0.0.1", t0), Verdict::Allow(Duration::from_secs(1)));
        throttle.failed("maria", "10.0.0.1", t0);
        assert_eq!(throttle.check("maria", "10.0.0.1", t0), Verdict::Allow(Duration::from_secs(2)));
        for _ in SLOW_AFTER + 1..LOCK_AFTER {
            throttle.failed("maria", "10.0.0.1", t0);
        }
        assert!(matches!(throttle.check("MARIA", "10.9.9.9", t0), Verdict::Locked(_)), "per account");
        assert!(matches!(throttle.check("other", "10.0.0.1", t0), Verdict::Locked(_)), "per address");
        assert_eq!(throttle.check("other", "10.9.9.9", t0), Verdict::Allow(Duration::ZERO));
        assert_eq!(throttle.check("maria", "10.0.0.1", t0 + WINDOW), Verdict::Allow(Duration::ZERO));
    }

    #[test]
    fn success_clears_the_account_but_not_the_address() {
        let throttle = Throttle::default();
        let t0 = Instant::now();
        for _ in 0..LOCK_AFTER {
            throttle.failed("maria", "10.0.0.1", t0);
        }
        throttle.succeeded("maria");
        assert!(matches!(throttle.check("maria", "10.0.0.1", t0), Verdict::Locked(_)));
        assert_eq!(throttle.check("maria", "10.0.0.2", t0), Verdict::Allow(Duration::ZERO));
    }
}
