//! The real binary under load and under SIGKILL: every write it acknowledged survives, the
//! database stays intact, and a mixed read/write load gets no 5xx. Bounded in time; loopback only.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::process::{claimtrack, http, sign_in, start_with, Server};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Starts `serve` on a free port as a one-person desk (each proposed ruling is published at once,
/// a write through every table a publication touches) and waits until it answers.
fn start(db: &Path) -> Server {
    start_with(db, &["--sign-offs", "0"])
}

const PASSWORD: &str = "resilience test passphrase";

/// A database with the demo data and an editor account.
fn prepare(dir: &Path) -> PathBuf {
    let db = dir.join("load.db");
    assert!(claimtrack(&db).arg("demo").output().unwrap().status.success());
    let mut add = claimtrack(&db)
        .args(["user", "add", "writer", "--role", "editor", "--password-stdin"])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    add.stdin.take().unwrap().write_all(format!("{PASSWORD}\n").as_bytes()).unwrap();
    assert!(add.wait().unwrap().success());
    db
}

/// The demo's fact-checks' ids.
async fn claims(addr: &str) -> Vec<String> {
    let list: serde_json::Value =
        serde_json::from_str(&http(addr, "GET", "/api/v1/claims", None, "").await.unwrap().body).unwrap();
    list["claims"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_owned()).collect()
}

/// The value of the hidden field `name` in a page, if the page has it.
fn hidden(page: &str, name: &str) -> Option<String> {
    let marker = format!(r#"name="{name}" value=""#);
    Some(page.split(&marker).nth(1)?.split('"').next()?.to_owned())
}

/// The ruling form's basis, taking the claim first when it is not the writer's (a publication
/// leaves it unassigned). `None` when the server stopped answering.
async fn basis(addr: &str, cookie: &str, csrf: &str, claim: &str) -> Option<String> {
    for _ in 0..2 {
        let form = http(addr, "GET", &format!("/claims/{claim}/ruling"), Some(cookie), "").await.ok()?;
        if form.body.contains(r#"name="rating""#) {
            return hidden(&form.body, "basis");
        }
        let seen = hidden(&form.body, "seen")?;
        let body = format!("csrf={csrf}&seen={seen}&assignee=writer");
        let taken =
            http(addr, "POST", &format!("/claims/{claim}/desk/assign"), Some(cookie), &body).await.ok()?;
        if taken.status != 303 {
            return None;
        }
    }
    None
}

/// One writer publishing rulings on its own claim until `stop` or an error; returns the verdicts
/// the server acknowledged (303).
async fn writer(
    addr: String,
    cookie: String,
    csrf: String,
    claim: String,
    tag: String,
    stop: Instant,
) -> Vec<String> {
    let mut acknowledged = Vec::new();
    let ratings = ["true", "misleading", "false", "mostly_true", "unverifiable"];
    let mut n = 0;
    while Instant::now() < stop {
        let Some(basis) = basis(&addr, &cookie, &csrf, &claim).await else { break };
        let verdict = format!("{tag}-{n}");
        let body = format!(
            "csrf={csrf}&basis={basis}&rating={}&attribution=verified&verdict={verdict}&body=Load+test&note=Load+test",
            ratings[n % ratings.len()]
        );
        match http(&addr, "POST", &format!("/claims/{claim}/ruling"), Some(&cookie), &body).await {
            Ok(reply) if reply.status == 303 => acknowledged.push(verdict),
            // The server was killed: no answer (a closed connection) is no acknowledgement.
            Ok(reply) if reply.status == 0 => break,
            Err(_) => break,
            Ok(reply) => {
                panic!("a ruling got {}: {}", reply.status, reply.body.chars().take(300).collect::<String>())
            }
        }
        n += 1;
    }
    acknowledged
}

async fn open(db: &Path) -> sqlx::SqlitePool {
    app::ssr::db::pool::connect(db).await.unwrap()
}

/// Every acknowledged ruling is stored, the file is intact, and each claim shows its one published
/// ruling (nothing half-written).
async fn verify(db: &Path, acknowledged: &[String]) {
    let pool = open(db).await;
    let check: String = sqlx::query_scalar("PRAGMA integrity_check").fetch_one(&pool).await.unwrap();
    assert_eq!(check, "ok");
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT verdict FROM rulings WHERE state IN ('published', 'superseded')")
            .fetch_all(&pool)
            .await
            .unwrap();
    let stored: std::collections::HashSet<String> = stored.into_iter().collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|v| !stored.contains(*v)).collect();
    assert!(lost.is_empty(), "acknowledged but lost: {lost:?}");
    let inconsistent: i64 = sqlx::query_scalar(
        "SELECT count(*) FROM claims c WHERE c.ruling_id IS NOT NULL
           AND (c.status <> (SELECT rating FROM rulings WHERE id = c.ruling_id)
             OR (SELECT count(*) FROM rulings WHERE claim_id = c.id AND state = 'published') <> 1
             OR (SELECT state FROM rulings WHERE id = c.ruling_id) <> 'published')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(inconsistent, 0);
    pool.close().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn acknowledged_writes_survive_sigkill_mid_load() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare(dir.path());
    let mut acknowledged = Vec::new();
    for round in 0..3 {
        let mut server = start(&db);
        let (cookie, csrf) = sign_in(&server.addr, "writer", PASSWORD).await;
        let targets = claims(&server.addr).await;
        let stop = Instant::now() + Duration::from_secs(30);
        let tasks: Vec<_> = targets
            .into_iter()
            .take(4)
            .enumerate()
            .map(|(w, claim)| {
                tokio::spawn(writer(
                    server.addr.clone(),
                    cookie.clone(),
                    csrf.clone(),
                    claim,
                    format!("r{round}-w{w}"),
                    stop,
                ))
            })
            .collect();
        // Let writes flow, then kill the server without warning, mid-write.
        tokio::time::sleep(Duration::from_millis(1500 + 400 * round)).await;
        server.child.kill().unwrap();
        server.child.wait().unwrap();
        for task in tasks {
            acknowledged.extend(task.await.unwrap());
        }
        verify(&db, &acknowledged).await;
    }
    assert!(acknowledged.len() > 30, "the load wrote too little to prove anything: {}", acknowledged.len());
    eprintln!("crash safety: {} acknowledged writes over 3 SIGKILLs, none lost", acknowledged.len());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_mixed_load_gets_no_server_errors_and_loses_no_writes() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare(dir.path());
    let mut server = start(&db);
    let (cookie, csrf) = sign_in(&server.addr, "writer", PASSWORD).await;
    let targets = claims(&server.addr).await;
    let permalink = format!("/claims/{}", targets[0]);
    let stop = Instant::now() + Duration::from_secs(6);
    let writers: Vec<_> = targets
        .iter()
        .take(3)
        .enumerate()
        .map(|(w, claim)| {
            tokio::spawn(writer(
                server.addr.clone(),
                cookie.clone(),
                csrf.clone(),
                claim.clone(),
                format!("load-w{w}"),
                stop,
            ))
        })
        .collect();
    let latencies = Arc::new(Mutex::new(Vec::new()));
    let server_errors = Arc::new(Mutex::new(Vec::new()));
    let readers: Vec<_> = (0..6)
        .map(|r| {
            let (addr, latencies, errors, permalink) =
                (server.addr.clone(), latencies.clone(), server_errors.clone(), permalink.clone());
            tokio::spawn(async move {
                let paths = [
                    "/",
                    "/?q=cooperation",
                    "/?status=true&kind=quote",
                    permalink.as_str(),
                    "/api/v1/claims",
                    "/speakers/vladimir-putin",
                ];
                let mut i = r;
                while Instant::now() < stop {
                    let path = paths[i % paths.len()];
                    let started = Instant::now();
                    let reply = http(&addr, "GET", path, None, "").await.unwrap();
                    latencies.lock().unwrap().push(started.elapsed());
                    if reply.status >= 500 {
                        errors.lock().unwrap().push(format!("{path}: {}", reply.status));
                    }
                    i += 1;
                }
            })
        })
        .collect();
    for reader in readers {
        reader.await.unwrap();
    }
    let mut acknowledged = Vec::new();
    for w in writers {
        acknowledged.extend(w.await.unwrap());
    }
    server.child.kill().unwrap();
    server.child.wait().unwrap();
    assert!(server_errors.lock().unwrap().is_empty(), "{:?}", server_errors.lock().unwrap());
    verify(&db, &acknowledged).await;
    let mut all = latencies.lock().unwrap().clone();
    all.sort();
    let p = |q: f64| all[((all.len() as f64 * q) as usize).min(all.len() - 1)];
    assert!(all.len() > 100, "too few reads: {}", all.len());
    eprintln!(
        "mixed load (debug build, 6 readers, 3 writers, 6 s): {} reads, p50 {:?}, p99 {:?}; {} writes acknowledged, none lost, no 5xx",
        all.len(),
        p(0.5),
        p(0.99),
        acknowledged.len()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_finishes_requests_then_closes_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let db = prepare(dir.path());
    let mut server = start(&db);
    assert_eq!(http(&server.addr, "GET", "/readyz", None, "").await.unwrap().status, 200);
    let pid = server.child.id().to_string();
    assert!(Command::new("kill").args(["-TERM", &pid]).status().unwrap().success());
    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(status) = server.child.try_wait().unwrap() {
            break status;
        }
        assert!(Instant::now() < deadline, "the server did not stop within its grace period");
        tokio::time::sleep(Duration::from_millis(50)).await;
    };
    assert!(status.success(), "a clean stop exits 0, got {status}");
    // No connections are accepted after the stop, and the database is intact.
    assert!(http(&server.addr, "GET", "/healthz", None, "").await.is_err());
    verify(&db, &[]).await;
}
