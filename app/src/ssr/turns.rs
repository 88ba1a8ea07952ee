//! Turns at CPU-heavy work anyone may ask for (password hashes, share cards): a few at once in
//! the whole process, a bounded queue, a deadline — past which the asker is told the server is
//! busy (503) instead of piling work up behind a flood.

use crate::AppError;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::{Semaphore, SemaphorePermit};

pub struct Turns {
    running: Semaphore,
    queued: AtomicUsize,
    max_queued: usize,
    deadline: Duration,
    busy: &'static str,
}

impl Turns {
    /// `at_once` may run, `max_queued` may wait (each at most `deadline`); the others are told
    /// `busy`.
    pub const fn new(at_once: usize, max_queued: usize, deadline: Duration, busy: &'static str) -> Turns {
        Turns {
            running: Semaphore::const_new(at_once),
            queued: AtomicUsize::new(0),
            max_queued,
            deadline,
            busy,
        }
    }

    /// A turn, held until the permit is dropped, or `Busy`.
    pub async fn take(&self) -> Result<SemaphorePermit<'_>, AppError> {
        if self.queued.fetch_add(1, Ordering::SeqCst) >= self.max_queued {
            self.queued.fetch_sub(1, Ordering::SeqCst);
            return Err(AppError::Busy(self.busy.into()));
        }
        let turn = tokio::time::timeout(self.deadline, self.running.acquire()).await;
        self.queued.fetch_sub(1, Ordering::SeqCst);
        match turn {
            Ok(Ok(permit)) => Ok(permit),
            _ => Err(AppError::Busy(self.busy.into())),
        }
    }
}
