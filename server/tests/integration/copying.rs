//! `claimtrack copy` between backends and `claimtrack backup` on PostgreSQL, run as a user would.
//! The PostgreSQL tests run on the tests' throwaway server, and are skipped with a note without
//! one (`make test` always starts it).

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use app::ssr::db::{self, testing::PgTestDatabase};
use std::path::Path;

fn claimtrack(dir: &Path, args: &[&str]) -> std::process::Output {
    crate::support::claimtrack(dir, args, None)
}

/// Runs `claimtrack` and fails the test with its error output unless it succeeds; returns stdout.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = claimtrack(dir, args);
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn skipped() {
    eprintln!("skipped: no PostgreSQL for tests (run `make pg-start`, or set CLAIMTRACK_TEST_PG_URL)");
}

/// A demo archive with an account that has a password, in `dir/name`.
fn demo_file(dir: &Path, name: &str) {
    ok(dir, &["--db", name, "demo"]);
    let add = crate::support::claimtrack(
        dir,
        &["--db", name, "user", "add", "maria", "--role", "admin", "--password-stdin"],
        Some(b"a long enough passphrase\n"),
    );
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
}

/// What a reader and an admin can see of an archive: every claim with its ruling (the JSON
/// lines export) and the accounts.
fn archive(dir: &Path, db: &str) -> (String, String) {
    (ok(dir, &["--db", db, "export", "--format", "jsonl"]), ok(dir, &["--db", db, "user", "list"]))
}

/// The accounts' stored rows, password hashes included.
async fn users(file: &Path) -> Vec<(i64, String, Option<String>, String)> {
    let pool = db::pool::connect(file).await.unwrap();
    let rows = sqlx::query_as("SELECT id, username, password_hash, created_at FROM users ORDER BY id")
        .fetch_all(&pool)
        .await
        .unwrap();
    pool.close().await;
    rows
}

/// The API's answer to a search, on any backend.
async fn search(db: &db::Db, words: &str) -> String {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let state = app::ssr::AppState::new(db.clone(), "https://claims.example.org/");
    let request =
        axum::http::Request::get(format!("/api/v1/claims?q={words}")).body(axum::body::Body::empty());
    let response =
        server::http::router_with(state, Default::default()).oneshot(request.unwrap()).await.unwrap();
    assert_eq!(response.status(), 200);
    String::from_utf8(response.into_body().collect().await.unwrap().to_bytes().to_vec()).unwrap()
}

#[test]
fn a_sqlite_archive_copies_to_a_new_file_and_never_into_a_used_one() {
    let dir = tempfile::tempdir().unwrap();
    demo_file(dir.path(), "first.db");
    let said = ok(dir.path(), &["copy", "--from", "first.db", "--to", "second.db"]);
    for line in ["claims ", "rulings ", "users ", "recorded_figures ", "search documents"] {
        let row = said.lines().find(|l| l.starts_with(line)).unwrap_or_default();
        assert!(row.ends_with(" ok"), "{line}: {said}");
    }
    assert!(said.contains("not copied: sessions"), "{said}");
    assert_eq!(archive(dir.path(), "first.db"), archive(dir.path(), "second.db"));

    let again = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", "second.db"]);
    assert!(!again.status.success());
    let refused = String::from_utf8_lossy(&again.stderr);
    assert!(refused.contains("the target is not empty (users has"), "{refused}");
    assert_eq!(archive(dir.path(), "first.db"), archive(dir.path(), "second.db"), "nothing was added");
}

#[test]
fn copying_from_a_file_that_does_not_exist_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["copy", "--from", "missing.db", "--to", "new.db"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.db does not exist"));
    assert!(!dir.path().join("missing.db").exists() && !dir.path().join("new.db").exists());
}

#[tokio::test]
async fn a_copy_that_reads_back_differently_is_refused_and_rolled_back() {
    let dir = tempfile::tempdir().unwrap();
    demo_file(dir.path(), "first.db");
    // A target whose schema quietly changes what it is given (as a wrong type or a trigger
    // would): every row goes in without an error, and only the check can tell.
    ok(dir.path(), &["--db", "altered.db", "migrate"]);
    let pool = db::pool::connect(&dir.path().join("altered.db")).await.unwrap();
    sqlx::query(
        "CREATE TRIGGER alter_claims AFTER INSERT ON claims \
         BEGIN UPDATE claims SET text = text || '!' WHERE id = NEW.id; END",
    )
    .execute(&pool)
    .await
    .unwrap();
    let out = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", "altered.db"]);
    assert!(!out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    let claims = table.lines().find(|l| l.starts_with("claims ")).unwrap_or_default();
    assert!(claims.ends_with("MISMATCH"), "{table}");
    assert!(table.lines().find(|l| l.starts_with("users ")).unwrap_or_default().ends_with(" ok"), "{table}");
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("the copy differs from the source in claims; nothing was committed"), "{said}");
    for table in ["claims", "users", "rulings"] {
        let sql = format!("SELECT count(*) FROM {table}");
        assert_eq!(sqlx::query_scalar::<_, i64>(&sql).fetch_one(&pool).await.unwrap(), 0, "{table}");
    }
    pool.close().await;
}

#[tokio::test]
async fn a_table_copy_does_not_know_stops_it() {
    let dir = tempfile::tempdir().unwrap();
    demo_file(dir.path(), "first.db");
    let pool = db::pool::connect(&dir.path().join("first.db")).await.unwrap();
    sqlx::query("CREATE TABLE fact_boxes (id INTEGER PRIMARY KEY, body TEXT)").execute(&pool).await.unwrap();
    pool.close().await;
    let out = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", "second.db"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("table fact_boxes is not one copy knows"), "{said}");
}

#[tokio::test]
async fn an_archive_goes_to_postgres_and_back_unchanged() {
    let Some(pg) = PgTestDatabase::create().await else { return skipped() };
    let dir = tempfile::tempdir().unwrap();
    demo_file(dir.path(), "first.db");
    // The tests' server trusts local connections: the password is there to be hidden.
    let url = pg.url.replacen("postgres://postgres@", "postgres://postgres:s3cret@", 1);
    let there = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", &url]);
    let said = String::from_utf8_lossy(&there.stdout).into_owned() + &String::from_utf8_lossy(&there.stderr);
    assert!(there.status.success(), "{said}");
    assert!(!said.contains("s3cret") && said.contains("postgres:****@"), "{said}");
    assert!(!said.contains("MISMATCH"), "{said}");

    // The copy is served from PostgreSQL as the file was: counts, search and a new row's id.
    let file = db::Db::connect(&db::Target::File(dir.path().join("first.db"))).await.unwrap();
    let copy = db::Db::connect(&db::Target::Postgres(pg.url.clone())).await.unwrap();
    let first = db::pool::connect(&dir.path().join("first.db")).await.unwrap();
    for table in ["claims", "rulings", "users", "appearances", "recorded_figures", "claim_counts"] {
        let sql = format!("SELECT count(*) FROM {table}");
        let n: i64 = sqlx::query_scalar(&sql).fetch_one(&pg.pool).await.unwrap();
        assert_eq!(n, sqlx::query_scalar::<_, i64>(&sql).fetch_one(&first).await.unwrap(), "{table}");
    }
    first.close().await;
    let found = search(&copy, "putin").await;
    assert!(found.contains("\"claims\":[{"), "the search finds claims: {found}");
    assert_eq!(found, search(&file, "putin").await);
    let max: i64 = sqlx::query_scalar("SELECT max(id) FROM speakers").fetch_one(&pg.pool).await.unwrap();
    let new = db::testing::add_speaker(&copy, "A New Speaker", &[]).await.unwrap();
    assert_eq!(new, max + 1, "ids continue after the copied ones");
    copy.close().await;
    file.close().await;

    // Back to a new file: the same archive as the first, accounts and password hashes included
    // (the speaker added on PostgreSQL aside).
    let before_new = ok(dir.path(), &["copy", "--from", &pg.url, "--to", "back.db"]);
    assert!(before_new.contains("speakers"), "{before_new}");
    let (claims, accounts) = archive(dir.path(), "back.db");
    assert_eq!((claims, accounts), archive(dir.path(), "first.db"));
    assert_eq!(users(&dir.path().join("back.db")).await, users(&dir.path().join("first.db")).await);
    assert!(users(&dir.path().join("back.db")).await.iter().any(|u| u.1 == "maria" && u.2.is_some()));

    // Into the used PostgreSQL database again: refused, nothing added.
    let again = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", &pg.url]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("the target is not empty"));
    let n: i64 = sqlx::query_scalar("SELECT count(*) FROM users").fetch_one(&pg.pool).await.unwrap();
    assert_eq!(n as usize, users(&dir.path().join("first.db")).await.len());
    pg.remove().await;
}

#[tokio::test]
async fn a_copy_that_fails_partway_leaves_the_target_empty() {
    let Some(pg) = PgTestDatabase::create().await else { return skipped() };
    let dir = tempfile::tempdir().unwrap();
    demo_file(dir.path(), "first.db");
    // A desk event with a time PostgreSQL's schema refuses (SQLite's does not check its shape):
    // the copy fails on one of the last tables, after the claims and rulings went in.
    let pool = db::pool::connect(&dir.path().join("first.db")).await.unwrap();
    sqlx::query(
        "INSERT INTO desk_events (claim_id, user_id, action, created_at) VALUES (1, 1, 'assigned', 'later')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    let out = claimtrack(dir.path(), &["copy", "--from", "first.db", "--to", &pg.url]);
    assert!(!out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot copy"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for table in ["claims", "rulings", "users", "claim_search", "desk_events"] {
        let n: i64 =
            sqlx::query_scalar(&format!("SELECT count(*) FROM {table}")).fetch_one(&pg.pool).await.unwrap();
        assert_eq!(n, 0, "{table} is empty after the failed copy");
    }
    pg.remove().await;
}

#[tokio::test]
async fn a_postgres_backup_restores_with_pg_restore() {
    let Some(pg) = PgTestDatabase::create().await else { return skipped() };
    let dir = tempfile::tempdir().unwrap();
    ok(dir.path(), &["--db", &pg.url, "demo"]);
    let said = ok(dir.path(), &["--db", &pg.url, "backup", "archive.dump"]);
    assert!(said.contains("backed up") && said.contains("archive.dump"), "{said}");
    assert!(!dir.path().join("archive.partial").exists());

    // Restored into a database of its own, it holds the same claims.
    let restored = PgTestDatabase::create_empty().await;
    let out = std::process::Command::new("pg_restore")
        .arg("--no-owner")
        .arg("--dbname")
        .arg(&restored.url)
        .arg(dir.path().join("archive.dump"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let count = "SELECT count(*) FROM claims";
    let n: i64 = sqlx::query_scalar(count).fetch_one(&restored.pool).await.unwrap();
    assert_eq!(n, sqlx::query_scalar::<_, i64>(count).fetch_one(&pg.pool).await.unwrap());
    assert!(n > 0);

    let again = claimtrack(dir.path(), &["--db", &pg.url, "backup", "archive.dump"]);
    assert!(!again.status.success(), "a backup never overwrites");
    restored.remove().await;
    pg.remove().await;
}
