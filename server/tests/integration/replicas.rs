//! Two `claimtrack serve` processes on one PostgreSQL database, as behind a load balancer: an
//! editor's change through one is on the other's readers' pages within a second, although that
//! page was kept in its page cache. Skipped, with a note, without the tests' PostgreSQL.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::process::{claimtrack, http, sign_in, start_with};
use app::ssr::db::testing::PgTestDatabase;
use std::path::Path;
use std::time::{Duration, Instant};

const PASSWORD: &str = "replica test passphrase";

#[tokio::test]
async fn a_write_through_one_replica_reaches_the_other_replicas_readers_within_a_second() {
    let Some(database) = PgTestDatabase::create().await else {
        eprintln!("skipped: no PostgreSQL for tests (run `make pg-start`, or set CLAIMTRACK_TEST_PG_URL)");
        return;
    };
    let url = Path::new(&database.url);
    assert!(claimtrack(url).arg("demo").output().unwrap().status.success());
    let added = app::ssr::accounts::add(
        &app::ssr::db::Db::from_postgres(database.pool.clone(), &database.url),
        "writer",
        "Writer",
        app::model::Role::Editor,
        PASSWORD,
    )
    .await;
    assert!(added.is_ok(), "{added:?}");
    let (one, other) = (start_with(url, &["--sign-offs", "0"]), start_with(url, &["--sign-offs", "0"]));

    // A reader of the other replica has the search page, kept in its cache.
    let search = "/?q=quokkabond&status=being_checked";
    for _ in 0..2 {
        let before = http(&other.addr, "GET", search, None, "").await.unwrap();
        assert_eq!(before.status, 200);
        assert!(!before.body.contains("numbers are up"), "nothing matches yet");
    }

    // An editor adds a claim through one replica and publishes it.
    let (cookie, csrf) = sign_in(&one.addr, "writer", PASSWORD).await;
    let claim = format!(
        "csrf={csrf}&kind=quote&text=Quokkabond+numbers+are+up&speaker=Vladimir+Putin&said_on=2022-12-30"
    );
    let added = http(&one.addr, "POST", "/claims/new", Some(&cookie), &claim).await.unwrap();
    assert_eq!(added.status, 303, "{}", added.body);
    let desk = location(&added.head);
    let published =
        http(&one.addr, "POST", &format!("{desk}/publish"), Some(&cookie), &format!("csrf={csrf}"))
            .await
            .unwrap();
    assert_eq!(published.status, 303, "{}", published.body);
    let written = Instant::now();

    // The other replica's readers see it within a second.
    let seen = loop {
        let page = http(&other.addr, "GET", search, None, "").await.unwrap();
        if page.body.contains("numbers are up") {
            break written.elapsed();
        }
        assert!(
            written.elapsed() < Duration::from_secs(1),
            "not on the other replica after 1 s:\n{}",
            page.body
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    };
    eprintln!("the other replica showed the write after {} ms", seen.as_millis());
    drop((one, other));
    database.remove().await;
}

fn location(head: &str) -> String {
    head.lines().find_map(|l| l.strip_prefix("location: ")).unwrap().trim().to_owned()
}
