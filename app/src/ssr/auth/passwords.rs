//! argon2id password hashes: a hash takes tens of milliseconds of CPU and 19 MiB of memory on
//! purpose. They are computed on their own threads, never on the async workers serving pages, at
//! most [`CONCURRENT_HASHES`] at once whoever asks: a burst of sign-ins from many addresses queues
//! (each for at most [`QUEUE_DEADLINE`], [`MAX_QUEUED`] at most) and is then refused with "busy".
//! Each hashing thread keeps one 19 MiB block of memory for all its hashes, so the server's memory
//! does not follow the number of attempts: allocated and freed per hash, the blocks stayed behind
//! in the allocator's per-thread arenas, a burst of 100 sign-ins leaving 200 MiB more.

use crate::ssr::turns::Turns;
use crate::AppError;
use argon2::password_hash::{rand_core::OsRng, Output, ParamsString, PasswordHash, Salt, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, Version};
use std::cell::RefCell;
use std::sync::LazyLock;
use std::time::Duration;

/// Password hashes computed at once, in the whole process.
pub const CONCURRENT_HASHES: usize = 2;
/// Attempts waiting for a turn at most; past it, refused at once.
pub const MAX_QUEUED: usize = 64;
/// The longest an attempt waits for its turn.
pub const QUEUE_DEADLINE: Duration = Duration::from_secs(5);
/// What a refused attempt is told.
pub const BUSY: &str = "The server is busy checking other sign-ins. Please try again in a few seconds.";

/// Runs `work` (a hash) on the hashing threads when `turns` has a turn free, or refuses with
/// `Busy`.
async fn run<T: Send + 'static>(
    turns: &Turns,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    let _turn = turns.take().await?;
    let (done, result) = tokio::sync::oneshot::channel();
    let job: Job = Box::new(move || {
        let _ = done.send(work());
    });
    if WORKERS.send(job).is_err() {
        tracing::error!("the password hashing threads have stopped");
        return Err(AppError::Internal);
    }
    result.await.map_err(|_| {
        tracing::error!("password hashing failed");
        AppError::Internal
    })
}

type Job = Box<dyn FnOnce() + Send>;

/// The threads that hash, as many as may hash at once, for the life of the process. Not tokio's
/// blocking pool: each thread there keeps the 19 MiB its last hash freed in its own allocator
/// arena, so a burst that passed through a dozen of them kept hundreds of MiB; two threads
/// reuse their own two.
static WORKERS: LazyLock<std::sync::mpsc::Sender<Job>> = LazyLock::new(|| {
    let (jobs, queue) = std::sync::mpsc::channel::<Job>();
    let queue = std::sync::Arc::new(std::sync::Mutex::new(queue));
    for i in 0..CONCURRENT_HASHES {
        let queue = queue.clone();
        let spawned = std::thread::Builder::new().name(format!("password-hash-{i}")).spawn(move || loop {
            let next = match queue.lock() {
                Ok(queue) => queue.recv(),
                Err(_) => return,
            };
            match next {
                // A panic drops the job's sender, which its caller sees as a failure.
                Ok(job) => drop(std::panic::catch_unwind(std::panic::AssertUnwindSafe(job))),
                Err(_) => return,
            }
        });
        if let Err(err) = spawned {
            tracing::error!(error = %err, "could not start a password hashing thread");
        }
    }
    jobs
});

static TURNS: Turns = Turns::new(CONCURRENT_HASHES, MAX_QUEUED, QUEUE_DEADLINE, BUSY);

async fn in_turn<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, AppError> {
    run(&TURNS, work).await
}

/// OWASP's recommended argon2id settings: 19 MiB of memory, 2 passes, 1 lane.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

thread_local! {
    /// The hashing thread's working memory, reused by each of its hashes.
    static MEMORY: RefCell<Vec<Block>> = const { RefCell::new(Vec::new()) };
}

/// Computes `argon2` over `password` and `salt` in this thread's kept memory: what the crate's
/// `PasswordHasher::hash_password` computes, without allocating the memory each time.
fn compute<'a>(
    argon2: &Argon2<'_>,
    algorithm: Algorithm,
    version: Version,
    params: &Params,
    password: &[u8],
    salt: Salt<'a>,
) -> argon2::password_hash::Result<PasswordHash<'a>> {
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes)?;
    let output = Output::init_with(params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN), |out| {
        MEMORY.with(|memory| {
            let mut memory = memory.borrow_mut();
            if memory.len() < params.block_count() {
                memory.resize(params.block_count(), Block::default());
            }
            Ok(argon2.hash_password_into_with_memory(
                password,
                salt_bytes,
                out,
                &mut memory[..params.block_count()],
            )?)
        })
    })?;
    Ok(PasswordHash {
        algorithm: algorithm.ident(),
        version: Some(version.into()),
        params: ParamsString::try_from(params)?,
        salt: Some(salt),
        hash: Some(output),
    })
}

/// Whether `password` hashes to `stored` under the stored hash's own algorithm and parameters
/// (compared in constant time by `Output`).
fn matches(password: &[u8], stored: &str) -> argon2::password_hash::Result<bool> {
    let parsed = PasswordHash::new(stored)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else { return Ok(false) };
    let algorithm = Algorithm::try_from(parsed.algorithm)?;
    let version = parsed.version.map(Version::try_from).transpose()?.unwrap_or_default();
    let params = Params::try_from(&parsed)?;
    // Parameters are ours (every hash is made here), but a forged row must not make a thread
    // keep gigabytes: at most 64 MiB.
    if params.block_count() > 64 * 1024 {
        return Ok(false);
    }
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let computed = compute(&argon2, algorithm, version, &params, password, salt)?;
    Ok(computed.hash == Some(expected))
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) of a new password.
pub async fn hash(password: &str) -> Result<String, AppError> {
    let password = password.to_owned();
    in_turn(move || {
        let salt = SaltString::generate(&mut OsRng);
        let argon2 = hasher();
        let params = argon2.params().clone();
        compute(&argon2, Algorithm::Argon2id, Version::V0x13, &params, password.as_bytes(), salt.as_salt())
            .map(|h| h.to_string())
    })
    .await?
    .map_err(|err| {
        tracing::error!(error = %err, "password hashing failed");
        AppError::Internal
    })
}

/// A hash of a password nobody knows, checked when an account does not exist or cannot sign in,
/// so that a wrong username takes as long to refuse as a wrong password.
const DECOY: &str =
    "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$L9+e4q8Jb+qz1gQbd8bkeqPqXn6UgNfYvXo1YqC+6Xk";

/// Whether `password` matches `stored` (`None`: no usable account; always false, same cost).
/// `Busy` when no turn came in time.
pub async fn verify(password: &str, stored: Option<String>) -> Result<bool, AppError> {
    let password = password.to_owned();
    let known = stored.is_some();
    let stored = stored.unwrap_or_else(|| DECOY.to_owned());
    let matched = in_turn(move || matches(password.as_bytes(), &stored).unwrap_or(false)).await?;
    Ok(known && matched)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery staple").await.unwrap();
        assert!(stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{stored}");
        assert_eq!(verify("correct horse battery staple", Some(stored.clone())).await, Ok(true));
        assert_eq!(verify("correct horse battery stapler", Some(stored)).await, Ok(false));
        assert_eq!(verify("anything", None).await, Ok(false));
        assert_eq!(verify("anything", Some("not a hash".into())).await, Ok(false));
    }

    use std::sync::atomic::{AtomicUsize, Ordering};

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn hashes_run_a_few_at_a_time_and_the_rest_wait_or_are_refused() {
        let turns = std::sync::Arc::new(Turns::new(CONCURRENT_HASHES, MAX_QUEUED, QUEUE_DEADLINE, BUSY));
        let running = std::sync::Arc::new(AtomicUsize::new(0));
        let most = std::sync::Arc::new(AtomicUsize::new(0));
        let attempts = (0..MAX_QUEUED + 40).map(|_| {
            let (running, most, turns) = (running.clone(), most.clone(), turns.clone());
            tokio::spawn(async move {
                run(&turns, move || {
                    let now = running.fetch_add(1, Ordering::SeqCst) + 1;
                    most.fetch_max(now, Ordering::SeqCst);
                    std::thread::sleep(Duration::from_millis(20));
                    running.fetch_sub(1, Ordering::SeqCst);
                })
                .await
            })
        });
        let results = futures_join(attempts.collect()).await;
        assert!(most.load(Ordering::SeqCst) <= CONCURRENT_HASHES, "{} at once", most.load(Ordering::SeqCst));
        let busy = results.iter().filter(|r| matches!(r, Err(AppError::Busy(_)))).count();
        assert!(busy >= 40 - CONCURRENT_HASHES, "{busy} refused: the queue is bounded");
        assert!(results.iter().filter(|r| r.is_ok()).count() >= MAX_QUEUED, "those queued ran");
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_turn_that_does_not_come_in_time_is_refused_as_busy() {
        let turns = std::sync::Arc::new(Turns::new(1, 8, Duration::from_millis(50), BUSY));
        let slow = tokio::spawn({
            let turns = turns.clone();
            async move { run(&turns, || std::thread::sleep(Duration::from_millis(300))).await }
        });
        tokio::time::sleep(Duration::from_millis(20)).await;
        assert_eq!(run(&turns, || ()).await, Err(AppError::Busy(BUSY.into())));
        assert_eq!(slow.await.ok(), Some(Ok(())));
        assert_eq!(run(&turns, || ()).await, Ok(()));
    }

    async fn futures_join(
        handles: Vec<tokio::task::JoinHandle<Result<(), AppError>>>,
    ) -> Vec<Result<(), AppError>> {
        let mut out = Vec::new();
        for handle in handles {
            out.push(handle.await.unwrap_or(Err(AppError::Internal)));
        }
        out
    }

    #[test]
    fn hashes_are_what_the_crate_itself_makes_and_checks() {
        use argon2::password_hash::{PasswordHasher, PasswordVerifier};
        let salt = SaltString::generate(&mut OsRng);
        let ours = {
            let argon2 = hasher();
            let params = argon2.params().clone();
            compute(&argon2, Algorithm::Argon2id, Version::V0x13, &params, b"pass phrase", salt.as_salt())
                .unwrap()
                .to_string()
        };
        let theirs = hasher().hash_password(b"pass phrase", &salt).unwrap().to_string();
        assert_eq!(ours, theirs);
        assert!(hasher().verify_password(b"pass phrase", &PasswordHash::new(&ours).unwrap()).is_ok());
        assert_eq!(matches(b"pass phrase", &theirs), Ok(true));
        assert_eq!(matches(b"pass phrasE", &theirs), Ok(false));
    }

    #[test]
    fn the_decoy_is_a_real_hash_so_refusals_cost_the_same() {
        let decoy = PasswordHash::new(DECOY).unwrap();
        assert_eq!(decoy.algorithm.as_str(), "argon2id");
    }
}
