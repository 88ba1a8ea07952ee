//! The ported slices of `db::pg` against their SQLite twins: the same calls on both backends give
//! the same answers. Run on the tests' throwaway PostgreSQL, skipped with a note without one.

use super::pg;
use super::testing::PgTestDatabase;
use super::{begin_write, sessions, users, Db};
use crate::model::Role;
use crate::AppError;
use chrono::{Duration, TimeZone, Utc};
use sqlx::{PgPool, SqlitePool};

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn postgres() -> Option<PgTestDatabase> {
    let db = PgTestDatabase::create().await;
    if db.is_none() {
        eprintln!("skipped: no PostgreSQL for tests (run `make pg-start`, or set CLAIMTRACK_TEST_PG_URL)");
    }
    db
}

/// What the accounts scenario observed, to compare between backends.
#[derive(Debug, PartialEq)]
struct Accounts {
    listed: Vec<(String, String, Role, bool, bool)>,
    editors: Vec<(String, String)>,
    case_blind: Option<(bool, bool)>,
    duplicate: String,
    first_admin: (bool, bool),
    desk_again: bool,
    active: Option<String>,
}

const HASH: &str = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo";

fn conflict(result: Result<i64, AppError>) -> String {
    match result {
        Err(AppError::Conflict(message)) => message,
        other => format!("not a conflict: {other:?}"),
    }
}

async fn accounts_on_sqlite(db: &Db) -> Result<Accounts, AppError> {
    users::create(db, "maria", "Maria Lopez", Role::Editor, HASH).await?;
    let zed = users::create(db, "Zed", "Zed Admin", Role::Admin, HASH).await?;
    users::create(db, "adam", "Adam", Role::Editor, HASH).await?;
    users::disable(db, zed).await?;
    let mut tx = begin_write(db).await?;
    let desk = users::ensure_without_password(&mut tx, "demo-desk", "The desk").await?;
    let desk_again = users::ensure_without_password(&mut tx, "Demo-Desk", "The desk").await? == desk;
    let active = users::active_editor(&mut tx, "MARIA").await?.map(|(_, name)| name);
    tx.commit().await?;
    Ok(Accounts {
        listed: users::list(db)
            .await?
            .into_iter()
            .map(|a| (a.username, a.display_name, a.role, a.can_sign_in, a.disabled))
            .collect(),
        editors: users::editors(db).await?.into_iter().map(|u| (u.username, u.display_name)).collect(),
        case_blind: users::credentials(db, "MARIA").await?.map(|c| (c.password_hash.is_some(), c.disabled)),
        duplicate: conflict(users::create(db, "Maria", "Another", Role::Editor, HASH).await),
        first_admin: (
            users::create_first_admin(db, "admin", "Admin", HASH).await?,
            users::create_first_admin(db, "ADMIN", "Admin", HASH).await?,
        ),
        desk_again,
        active,
    })
}

async fn accounts_on_postgres(pool: &PgPool) -> Result<Accounts, AppError> {
    pg::users::create(pool, "maria", "Maria Lopez", Role::Editor, HASH).await?;
    let zed = pg::users::create(pool, "Zed", "Zed Admin", Role::Admin, HASH).await?;
    pg::users::create(pool, "adam", "Adam", Role::Editor, HASH).await?;
    pg::users::disable(pool, zed).await?;
    let mut tx = pool.begin().await?;
    let desk = pg::users::ensure_without_password(&mut tx, "demo-desk", "The desk").await?;
    let desk_again = pg::users::ensure_without_password(&mut tx, "Demo-Desk", "The desk").await? == desk;
    let active = pg::users::active_editor(&mut tx, "MARIA").await?.map(|(_, name)| name);
    tx.commit().await?;
    Ok(Accounts {
        listed: pg::users::list(pool)
            .await?
            .into_iter()
            .map(|a| (a.username, a.display_name, a.role, a.can_sign_in, a.disabled))
            .collect(),
        editors: pg::users::editors(pool).await?.into_iter().map(|u| (u.username, u.display_name)).collect(),
        case_blind: pg::users::credentials(pool, "MARIA")
            .await?
            .map(|c| (c.password_hash.is_some(), c.disabled)),
        duplicate: conflict(pg::users::create(pool, "Maria", "Another", Role::Editor, HASH).await),
        first_admin: (
            pg::users::create_first_admin(pool, "admin", "Admin", HASH).await?,
            pg::users::create_first_admin(pool, "ADMIN", "Admin", HASH).await?,
        ),
        desk_again,
        active,
    })
}

#[sqlx::test(migrations = "../migrations")]
async fn accounts_behave_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    let lite = accounts_on_sqlite(&Db::from(sqlite)).await?;
    let postgres = accounts_on_postgres(&pg.pool).await?;
    pg.remove().await;
    assert_eq!(lite.listed.len(), 4, "listed before the first admin: {lite:?}");
    assert_eq!(lite.first_admin, (true, false), "{lite:?}");
    assert_eq!(lite, postgres);
    Ok(())
}

/// What the sessions scenario observed: who each lookup found, and how many were swept.
type Sessions = (Vec<Option<(String, String)>>, u64);

fn at(hours: i64) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap_or_default() + Duration::hours(hours)
}

async fn sessions_on_sqlite(db: &Db) -> Result<Sessions, AppError> {
    let id = users::create(db, "maria", "Maria", Role::Editor, HASH).await?;
    for (token, expires) in [("a", 10), ("b", 2), ("c", 10)] {
        sessions::insert(db, &token.repeat(64), id, &"x".repeat(32), at(0), at(expires)).await?;
    }
    sessions::touch(db, &"c".repeat(64), at(3)).await?;
    let mut seen = Vec::new();
    for token in ["a", "b", "c", "d"] {
        let found = sessions::find(db, &token.repeat(64), at(4), at(1)).await?;
        seen.push(found.map(|f| (f.user.username, f.last_seen_at.to_rfc3339())));
    }
    sessions::delete(db, &"c".repeat(64)).await?;
    Ok((seen, sessions::delete_expired(db, at(4), at(1)).await?))
}

async fn sessions_on_postgres(pool: &PgPool) -> Result<Sessions, AppError> {
    let id = pg::users::create(pool, "maria", "Maria", Role::Editor, HASH).await?;
    for (token, expires) in [("a", 10), ("b", 2), ("c", 10)] {
        pg::sessions::insert(pool, &token.repeat(64), id, &"x".repeat(32), at(0), at(expires)).await?;
    }
    pg::sessions::touch(pool, &"c".repeat(64), at(3)).await?;
    let mut seen = Vec::new();
    for token in ["a", "b", "c", "d"] {
        let found = pg::sessions::find(pool, &token.repeat(64), at(4), at(1)).await?;
        seen.push(found.map(|f| (f.user.username, f.last_seen_at.to_rfc3339())));
    }
    pg::sessions::delete(pool, &"c".repeat(64)).await?;
    Ok((seen, pg::sessions::delete_expired(pool, at(4), at(1)).await?))
}

#[sqlx::test(migrations = "../migrations")]
async fn sessions_behave_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    let lite = sessions_on_sqlite(&Db::from(sqlite)).await?;
    let postgres = sessions_on_postgres(&pg.pool).await?;
    pg.remove().await;
    assert_eq!(lite.0.iter().filter(|s| s.is_some()).count(), 1, "only the session used lately: {lite:?}");
    assert_eq!(lite, postgres);
    Ok(())
}

#[tokio::test]
async fn a_migrated_database_is_ready_writable_and_versioned() -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    pg::maintenance::ready(&pg.pool).await?;
    pg::maintenance::can_write(&pg.pool).await?;
    let before = pg::maintenance::content_version(&pg.pool).await?;
    pg::maintenance::can_write(&pg.pool).await?;
    assert_eq!(pg::maintenance::content_version(&pg.pool).await?, before, "the probe changes no page");
    pg::users::create(&pg.pool, "maria", "Maria", Role::Editor, HASH).await?;
    assert!(pg::maintenance::content_version(&pg.pool).await? > before);
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)")
        .execute(&pg.pool)
        .await?;
    let not_ready = pg::maintenance::ready(&pg.pool).await.expect_err("a migration is missing");
    pg.remove().await;
    assert!(not_ready.contains("migrations applied"), "{not_ready}");
    Ok(())
}

/// Claims for searching, the same rows on both backends (plain SQL both accept): accents, an
/// alias, decimals, another script, a claim being checked, one in intake, sources.
const SEARCH_SEED: &str = "
    INSERT INTO speakers (id, slug, name, kind) VALUES (1, 'maria-lopez', 'María López', 'person'),
                                                       (2, 'pat-doe', 'Pat Doe', 'person');
    INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Minister Lopez');
    INSERT INTO sources (id, url, title, outlet) VALUES (1, 'https://example.org/1', 'Missile strikes overnight', 'Wire'),
                                                        (2, 'https://example.org/2', 'Budget talks', 'Paper');
    INSERT INTO claims (id, kind, text, speaker_id, said_on, stage, status, list_seq, quantity_value, quantity_unit) VALUES
        (1, 'quote', 'All 16 missiles were destroyed', 1, '2022-12-30', 'published', 'true', 1, NULL, NULL),
        (2, 'numeric', 'Trade grew 1.5 percent, said example.org', 2, '2022-12-30', 'published', 'false', 2, 1.5, 'percent'),
        (3, 'quote', 'The missile was intercepted', 2, '2022-12-30', 'published', 'being_checked', 3, NULL, NULL),
        (4, 'quote', 'Cooperation is a model for missiles', 1, '2022-12-30', 'published', 'misleading', 4, NULL, NULL),
        (5, 'quote', 'Міністр сказав: ракета збита', 2, '2022-12-30', 'published', 'opinion', 5, NULL, NULL),
        (6, 'quote', 'A missile claim still in intake', 1, '2022-12-30', 'intake', NULL, NULL, NULL, NULL);
    INSERT INTO appearances (claim_id, source_id) VALUES (1, 1), (4, 2), (3, 1);";

/// The searches compared: words, prefixes, folding, filters, statuses and paging.
fn searches() -> Vec<crate::model::ListQuery> {
    use crate::model::{public_id, ClaimKind, Cursor, ListQuery, Page, Status};
    let q = |text: &str| ListQuery { q: Some(text.to_owned()), ..ListQuery::default() };
    let mut all: Vec<ListQuery> = [
        "missile",
        "mis",
        "mi",
        "missiles",
        "lopez",
        "LÓPEZ minister",
        "16",
        "1",
        "5",
        "percent trade",
        "strikes",
        "budget",
        "ракет",
        "it's (missile)",
        "a",
        "zzz",
        "example",
        "org",
        "\"missile\" OR pat*",
    ]
    .into_iter()
    .map(q)
    .collect();
    all.push(ListQuery { statuses: vec![Status::BeingChecked], ..q("missile") });
    all.push(ListQuery { statuses: vec![Status::True, Status::Misleading], ..q("missile") });
    all.push(ListQuery { kind: Some(ClaimKind::Numeric), ..q("trade") });
    all.push(ListQuery { speaker: Some("maria-lopez".into()), ..q("missile") });
    all.push(ListQuery { speaker: Some("nobody".into()), ..q("missile") });
    all.push(ListQuery {
        source: Some(public_id::encode(1)),
        statuses: Status::ALL.to_vec(),
        ..q("missile")
    });
    all.push(ListQuery { page: Page::After(Cursor { seq: 4 }), ..q("missile") });
    // Paging back (`Page::Before`) is compared by the list's own port: a short page back becomes
    // the first page there (`claims::list`), above the search index.
    all
}

const SHAPES: [pg::search::Shape; 3] =
    [pg::search::Shape::Few, pg::search::Shape::FewListed, pg::search::Shape::Many];

#[sqlx::test(migrations = "../migrations")]
async fn searches_find_the_same_claims_in_the_same_order_with_the_same_counts(
    sqlite: SqlitePool,
) -> TestResult {
    use crate::model::{Status, PAGE_SIZE};
    let Some(pg) = postgres().await else { return Ok(()) };
    sqlx::raw_sql(SEARCH_SEED).execute(&sqlite).await?;
    sqlx::raw_sql(SEARCH_SEED).execute(&pg.pool).await?;
    let lite = Db::from(sqlite);
    let mut differences = Vec::new();
    for query in searches() {
        let page = super::claims::list(&lite, &query).await?;
        let on_sqlite: Vec<i64> = page.claims.iter().filter_map(|c| c.cursor.map(|c| c.seq)).collect();
        let counts_on_sqlite: Vec<i64> = Status::ALL.iter().map(|s| page.status_counts.get(*s)).collect();
        let terms = pg::search::prepare(&pg.pool, &query).await?;
        let statuses = super::search::Statuses::Listed(query.listed_statuses());
        let counted = pg::search::status_counts(&pg.pool, &terms, 1000).await?;
        let counts_on_postgres: Vec<i64> =
            Status::ALL.iter().map(|s| counted.iter().find(|(c, _)| c == s).map_or(0, |(_, n)| *n)).collect();
        // Whatever the counts make of the shape, it is only how the page is found: each finds it.
        for shape in SHAPES {
            let on_postgres =
                pg::search::page(&pg.pool, &terms, statuses, shape, query.page, PAGE_SIZE as i64).await?;
            if (&on_sqlite, &counts_on_sqlite) != (&on_postgres, &counts_on_postgres) {
                differences.push(format!(
                    "{query:?} {shape:?}\n  sqlite   {on_sqlite:?} {counts_on_sqlite:?}\n  postgres {on_postgres:?} {counts_on_postgres:?}"
                ));
            }
        }
    }
    let terms = pg::search::prepare(&pg.pool, &searches()[0]).await?;
    let back = crate::model::Page::Before(crate::model::Cursor { seq: 1 });
    for shape in SHAPES {
        let newer = pg::search::page(&pg.pool, &terms, super::search::Statuses::Any, shape, back, 2).await?;
        assert_eq!(newer, vec![4, 3], "{shape:?}: the two matches just newer than the cursor, newest first");
    }
    pg.remove().await;
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    Ok(())
}

#[tokio::test]
async fn stored_enumerations_are_text_on_postgres_as_on_sqlite() -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    use crate::model::Status;
    let status: Result<Status, _> =
        sqlx::query_scalar("SELECT 'mostly_true'::text").fetch_one(&pg.pool).await;
    let bound: Result<Option<String>, _> =
        sqlx::query_scalar("SELECT $1 || ''").bind(Status::BeingChecked).fetch_one(&pg.pool).await;
    let unknown: Result<Status, _> = sqlx::query_scalar("SELECT 'maybe'::text").fetch_one(&pg.pool).await;
    pg.remove().await;
    assert_eq!(status?, Status::MostlyTrue, "read as on SQLite");
    assert_eq!(bound?.as_deref(), Some("being_checked"), "bound as its stored text");
    assert!(unknown.is_err(), "a value the code does not know is an error, never a default");
    Ok(())
}

/// The lists compared: every search above, and the list without a search under each filter,
/// paged both ways.
fn lists() -> Vec<crate::model::ListQuery> {
    use crate::model::{public_id, ClaimKind, Cursor, ListQuery, Page, Status};
    let mut all = searches();
    all.push(ListQuery {
        page: Page::Before(Cursor { seq: 1 }),
        q: Some("missile".into()),
        ..ListQuery::default()
    });
    all.extend([
        ListQuery::default(),
        ListQuery { statuses: vec![Status::BeingChecked], ..ListQuery::default() },
        ListQuery { statuses: vec![Status::Opinion, Status::False], ..ListQuery::default() },
        ListQuery { kind: Some(ClaimKind::Quote), ..ListQuery::default() },
        ListQuery { speaker: Some("pat-doe".into()), ..ListQuery::default() },
        ListQuery { speaker: Some("pat-doe".into()), kind: Some(ClaimKind::Numeric), ..ListQuery::default() },
        ListQuery { source: Some(public_id::encode(1)), ..ListQuery::default() },
        ListQuery { source: Some(public_id::encode(99)), ..ListQuery::default() },
        ListQuery { page: Page::After(Cursor { seq: 4 }), ..ListQuery::default() },
        ListQuery { page: Page::Before(Cursor { seq: 2 }), ..ListQuery::default() },
    ]);
    all
}

#[sqlx::test(migrations = "../migrations")]
async fn the_claim_list_is_the_same_page_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    sqlx::raw_sql(SEARCH_SEED).execute(&sqlite).await?;
    sqlx::raw_sql(SEARCH_SEED).execute(&pg.pool).await?;
    let lite = Db::from(sqlite);
    let (mut differences, mut with_claims) = (Vec::new(), 0);
    for query in lists() {
        let on_sqlite = super::claims::list(&lite, &query).await?;
        let on_postgres = pg::claims::list(&pg.pool, &query).await?;
        with_claims += usize::from(!on_sqlite.claims.is_empty());
        if on_sqlite != on_postgres {
            differences.push(format!("{query:?}\n  sqlite   {on_sqlite:?}\n  postgres {on_postgres:?}"));
        }
    }
    pg.remove().await;
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    assert!(with_claims >= 20, "most of the lists compared are not empty: {with_claims}");
    Ok(())
}

#[tokio::test]
async fn writers_take_turns_and_every_commit_that_changes_pages_is_announced() -> TestResult {
    use std::sync::atomic::{AtomicI64, Ordering};
    use std::sync::Arc;
    use std::time::Duration;
    let Some(pg) = postgres().await else { return Ok(()) };
    let committed = Arc::new(AtomicI64::new(0));
    let mut notices = pg::write::VersionNotices::listen(&pg.pool).await?;

    let mut first = pg::write::begin_write(&pg.pool, committed.clone()).await?;
    pg::users::ensure_without_password(&mut first, "desk", "The desk").await?;
    let (pool, turn) = (pg.pool.clone(), committed.clone());
    let second = tokio::spawn(async move {
        let mut tx = pg::write::begin_write(&pool, turn).await?;
        pg::users::ensure_without_password(&mut tx, "other", "Another desk").await?;
        Ok::<i64, AppError>(tx.commit().await?)
    });
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert!(!second.is_finished(), "the second writer waits for the first");
    let quiet = tokio::time::timeout(Duration::from_millis(200), notices.next()).await;
    assert!(quiet.is_err(), "nothing is announced before a commit");

    let version = first.commit().await?;
    assert_eq!(tokio::time::timeout(Duration::from_secs(5), notices.next()).await??, version);
    let later = second.await??;
    assert!(later > version, "then the second one writes");
    assert_eq!(tokio::time::timeout(Duration::from_secs(5), notices.next()).await??, later);
    assert_eq!(committed.load(Ordering::SeqCst), later, "this process knows its commits at once");

    let mut private = pg::write::begin_write(&pg.pool, committed.clone()).await?;
    sqlx::query("INSERT INTO readiness_probe (id, checked_at) VALUES (1, utc_now_text())")
        .execute(&mut *private)
        .await?;
    private.commit().await?;
    let quiet = tokio::time::timeout(Duration::from_millis(300), notices.next()).await;
    assert!(quiet.is_err(), "a commit no reader can see is not announced");
    pg.remove().await;
    Ok(())
}

/// Speakers for the directory: mixed case, an accented initial, aliases, one merged, one with
/// claims in intake only, several with the same initial; the same rows on both backends.
const DIRECTORY_SEED: &str = "
    INSERT INTO speakers (id, slug, name, kind, merged_into) VALUES
        (1, 'maria-lopez', 'María López', 'person', NULL), (2, 'adam-smith', 'adam smith', 'person', NULL),
        (3, 'emile-zola', 'Émile Zola', 'person', NULL), (4, 'zed', 'Zed', 'organization', NULL),
        (5, 'pat-doe', 'Pat Doe', 'person', NULL), (6, 'pat-doe-2', 'Pat Doe', 'person', NULL),
        (7, 'paula', 'paula 100% real_name', 'person', NULL), (8, 'old-pat', 'Pat Old', 'person', 5),
        (9, 'quiet', 'Quiet Person', 'person', NULL);
    INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Minister Lopez'), (4, 'The Zed Group');
    INSERT INTO claims (id, kind, text, speaker_id, said_on, stage, status, list_seq) VALUES
        (1, 'quote', 'a', 1, '2022-12-30', 'published', 'true', 1), (2, 'quote', 'b', 2, '2022-12-30', 'published', 'false', 2),
        (3, 'quote', 'c', 3, '2022-12-30', 'published', 'being_checked', 3), (4, 'quote', 'd', 4, '2022-12-30', 'published', 'true', 4),
        (5, 'quote', 'e', 5, '2022-12-30', 'published', 'misleading', 5), (6, 'quote', 'f', 6, '2022-12-30', 'published', 'true', 6),
        (7, 'quote', 'g', 7, '2022-12-30', 'published', 'opinion', 7), (8, 'quote', 'h', 8, '2022-12-30', 'published', 'true', 8),
        (9, 'quote', 'i', 9, '2022-12-30', 'intake', NULL, NULL), (10, 'quote', 'j', 5, '2022-12-30', 'published', 'true', 9);";

#[sqlx::test(migrations = "../migrations")]
async fn the_speaker_directory_is_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    use crate::model::speaker_directory::DirectoryQuery;
    let Some(pg) = postgres().await else { return Ok(()) };
    sqlx::raw_sql(DIRECTORY_SEED).execute(&sqlite).await?;
    sqlx::raw_sql(DIRECTORY_SEED).execute(&pg.pool).await?;
    let lite = Db::from(sqlite);
    let query = |q: &str, letter: Option<char>, after: Option<&str>| DirectoryQuery {
        q: q.to_owned(),
        letter,
        after: after.map(str::to_owned),
    };
    let mut differences = Vec::new();
    for q in [
        query("", None, None),
        query("", Some('P'), None),
        query("", Some('z'), None),
        query("", Some('E'), None),
        query("", None, Some("pat-doe")),
        query("LOPEZ", None, None),
        query("zed group", None, None),
        query("100%", None, None),
        query("_", None, None),
        query("pat", Some('P'), Some("pat-doe")),
    ] {
        let on_sqlite = super::speaker_directory::page(&lite, &q).await?;
        let on_postgres = pg::speaker_directory::page(&pg.pool, &q).await?;
        if on_sqlite != on_postgres {
            differences.push(format!("{q:?}\n  sqlite   {on_sqlite:?}\n  postgres {on_postgres:?}"));
        }
    }
    for q in ["pat", "MIN", "the", "é", "É", "LÓ", "x", "100%", "_"] {
        let on_sqlite = super::speaker_directory::named_in_search(&lite, q, 3).await?;
        let on_postgres = pg::speaker_directory::named_in_search(&pg.pool, q, 3).await?;
        if on_sqlite != on_postgres {
            differences.push(format!("named {q:?}\n  sqlite   {on_sqlite:?}\n  postgres {on_postgres:?}"));
        }
    }
    let everyone = super::speaker_directory::page(&lite, &query("", None, None)).await?;
    let gone = pg::speaker_directory::page(&pg.pool, &query("", None, Some("nobody"))).await;
    pg.remove().await;
    assert!(differences.is_empty(), "{}", differences.join("\n"));
    let names: Vec<&str> = everyone.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        ["adam smith", "María López", "Pat Doe", "Pat Doe", "paula 100% real_name", "Zed", "Émile Zola"]
    );
    assert!(
        matches!(gone, Err(AppError::Invalid { .. })),
        "an unknown page position is the reader's 400: {gone:?}"
    );
    Ok(())
}

/// What the speakers scenario observed on one backend.
type SpeakersSeen = (Vec<Vec<(i64, String, String)>>, Vec<String>, Vec<crate::model::Speaker>, Vec<String>);

fn zola() -> crate::model::Speaker {
    crate::model::Speaker {
        slug: "emile-zola".into(),
        name: "Émile Zola".into(),
        description: "Writer".into(),
        kind: crate::model::SpeakerKind::Person,
        aliases: vec!["Zola".into(), "J'accuse author".into()],
    }
}

const NAMES: [&str; 5] = ["ZOLA", "émile zola", "Émile ZOLA", "pat-doe", "minister lopez"];

async fn speakers_on_sqlite(db: &Db) -> Result<SpeakersSeen, AppError> {
    use super::speakers;
    let mut tx = begin_write(db).await?;
    let id = speakers::insert(&mut tx, &zola()).await?;
    let mut matched = Vec::new();
    for name in NAMES {
        matched.push(speakers::matching_name(&mut tx, name).await?);
    }
    tx.commit().await?;
    let mut seen = vec![speakers::name_by_slug(db, "maria-lopez").await?.unwrap_or_default()];
    seen.push(format!("{:?}", speakers::by_slug(db, "emile-zola").await?));
    seen.push(format!("{:?} {:?}", speakers::by_id(db, id).await?, speakers::by_id(db, 999).await?));
    seen.push(format!(
        "{:?} {:?}",
        speakers::merged_into(db, "pat-doe").await?,
        speakers::is_public(db, id).await?
    ));
    let refs = speakers::refs(db, 10).await?.into_iter().map(|r| format!("{} {}", r.slug, r.name)).collect();
    Ok((matched, seen, speakers::list(db, 10).await?, [speakers::names(db).await?, refs].concat()))
}

async fn speakers_on_postgres(pool: &PgPool) -> Result<SpeakersSeen, AppError> {
    use pg::speakers;
    let mut tx = pg::write::begin_write(pool, Default::default()).await?;
    let id = speakers::insert(&mut tx, &zola()).await?;
    let mut matched = Vec::new();
    for name in NAMES {
        matched.push(speakers::matching_name(&mut tx, name).await?);
    }
    tx.commit().await?;
    let mut seen = vec![speakers::name_by_slug(pool, "maria-lopez").await?.unwrap_or_default()];
    seen.push(format!("{:?}", speakers::by_slug(pool, "emile-zola").await?));
    seen.push(format!("{:?} {:?}", speakers::by_id(pool, id).await?, speakers::by_id(pool, 999).await?));
    seen.push(format!(
        "{:?} {:?}",
        speakers::merged_into(pool, "pat-doe").await?,
        speakers::is_public(pool, id).await?
    ));
    let refs =
        speakers::refs(pool, 10).await?.into_iter().map(|r| format!("{} {}", r.slug, r.name)).collect();
    Ok((matched, seen, speakers::list(pool, 10).await?, [speakers::names(pool).await?, refs].concat()))
}

#[sqlx::test(migrations = "../migrations")]
async fn speakers_read_and_write_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    sqlx::raw_sql(SEARCH_SEED).execute(&sqlite).await?;
    sqlx::raw_sql(SEARCH_SEED).execute(&pg.pool).await?;
    // The seed gave its ids; new rows continue after them, as they would after a copy.
    sqlx::query("SELECT setval(pg_get_serial_sequence('speakers', 'id'), 2)").execute(&pg.pool).await?;
    let lite = speakers_on_sqlite(&Db::from(sqlite)).await?;
    let postgres = speakers_on_postgres(&pg.pool).await?;
    pg.remove().await;
    assert_eq!(lite.0[0].len(), 1, "an alias, ignoring ASCII case: {lite:?}");
    assert_eq!(lite.2.len(), 2, "speakers with published claims: {lite:?}");
    assert_eq!(lite, postgres);
    Ok(())
}

/// Appearances with a place in the text, without one, and lost from a changed text.
const APPEARANCES_SEED: &str = "
    UPDATE appearances SET start_byte = 4, end_byte = 20 WHERE claim_id = 1;
    UPDATE appearances SET lost_at = '2026-01-02T03:04:05.678Z', lost_passage = 'the old words',
                           lost_replacement = 'the new words' WHERE claim_id = 3;
    INSERT INTO appearances (claim_id, source_id) VALUES (1, 2);
    UPDATE sources SET published_on = '2022-12-31', author = 'A. Writer' WHERE id = 1;";

fn new_source() -> crate::model::Source {
    crate::model::Source {
        public_id: String::new(),
        url: "https://example.org/new".into(),
        title: "A new source".into(),
        outlet: "Outlet".into(),
        author: None,
        published_on: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
    }
}

#[sqlx::test(migrations = "../migrations")]
async fn sources_and_appearances_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    use super::sources;
    let Some(pg) = postgres().await else { return Ok(()) };
    for seed in [SEARCH_SEED, APPEARANCES_SEED] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&pg.pool).await?;
    }
    sqlx::query("SELECT setval(pg_get_serial_sequence('sources', 'id'), 2)").execute(&pg.pool).await?;
    let lite = Db::from(sqlite);
    let mut tx = begin_write(&lite).await?;
    let added = (
        sources::insert(&mut tx, &new_source()).await?,
        sources::id_by_url(&mut tx, "https://example.org/1").await?,
    );
    tx.commit().await?;
    let mut pg_tx = pg::write::begin_write(&pg.pool, Default::default()).await?;
    let pg_added = (
        pg::sources::insert(&mut pg_tx, &new_source()).await?,
        pg::sources::id_by_url(&mut pg_tx, "https://example.org/1").await?,
    );
    pg_tx.commit().await?;
    assert_eq!(added, pg_added);
    for claim in [1, 3, 6] {
        for editors in [false, true] {
            assert_eq!(
                sources::appearances_of(&lite, claim, editors).await?,
                pg::sources::appearances_of(&pg.pool, claim, editors).await?,
                "claim {claim}, editors: {editors}"
            );
        }
    }
    for id in [1, 2, added.0, 99] {
        assert_eq!(sources::by_id(&lite, id).await?, pg::sources::by_id(&pg.pool, id).await?);
        assert_eq!(sources::title_by_id(&lite, id).await?, pg::sources::title_by_id(&pg.pool, id).await?);
        assert_eq!(
            sources::has_published_claims(&lite, id).await?,
            pg::sources::has_published_claims(&pg.pool, id).await?
        );
    }
    let lost = sources::appearances_of(&lite, 3, true).await?;
    pg.remove().await;
    assert!(lost.iter().any(|a| a.lost.as_ref().is_some_and(|l| l.passage.is_some())), "{lost:?}");
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn retractions_and_notes_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    let users = "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'admin');";
    for seed in [SEARCH_SEED, users] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&pg.pool).await?;
    }
    let lite = Db::from(sqlite);
    let steps = [
        (1, false, "Wrong speaker"),
        (1, false, "again"),
        (6, false, "intake"),
        (1, true, "Right after all"),
        (2, false, "Bad data"),
    ];
    let (mut on_sqlite, mut on_postgres) = (Vec::new(), Vec::new());
    for (hour, (claim, reinstate, reason)) in steps.into_iter().enumerate() {
        let at = at(hour as i64);
        let mut tx = begin_write(&lite).await?;
        on_sqlite.push(super::retractions::set(&mut tx, claim, reinstate, reason, 1, at).await?);
        super::notes::add(&mut tx, claim, 1, reason, at).await?;
        tx.commit().await?;
        let mut tx = pg::write::begin_write(&pg.pool, Default::default()).await?;
        on_postgres.push(pg::retractions::set(&mut tx, claim, reinstate, reason, 1, at).await?);
        pg::notes::add(&mut tx, claim, 1, reason, at).await?;
        tx.commit().await?;
    }
    assert_eq!(on_sqlite, [true, false, false, true, true], "only a change of state is recorded");
    assert_eq!(on_sqlite, on_postgres);
    for claim in [1, 2, 6] {
        assert_eq!(
            super::retractions::for_claim(&lite, claim).await?,
            pg::retractions::for_claim(&pg.pool, claim).await?
        );
        assert_eq!(
            super::notes::for_claim(&lite, claim).await?,
            pg::notes::for_claim(&pg.pool, claim).await?
        );
    }
    let recent = super::retractions::recent(&lite, 10).await?;
    assert_eq!(recent, pg::retractions::recent(&pg.pool, 10).await?);
    pg.remove().await;
    assert_eq!(recent.len(), 3, "{recent:?}");
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn revisions_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    use super::revisions::{append, Of};
    let Some(pg) = postgres().await else { return Ok(()) };
    let users = "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'editor');";
    for seed in [SEARCH_SEED, users] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&pg.pool).await?;
    }
    let lite = Db::from(sqlite);
    type Edit = (Of, i64, i64, Vec<(&'static str, &'static str, &'static str)>);
    let edits: [Edit; 3] = [
        (
            Of::Claim,
            1,
            2,
            vec![("text", "All 16", "All \"16\" — “quoted”"), ("said_on", "2022-12-30", "2022-12-29")],
        ),
        (Of::Claim, 1, 3, vec![("kind", "quote", "numeric")]),
        (Of::Speaker, 1, 2, vec![("aliases", "", "Minister Lopez; Ms López")]),
    ];
    for (hour, (of, id, version, changes)) in edits.into_iter().enumerate() {
        let changes: super::revisions::Changes =
            changes.into_iter().map(|(f, b, a)| (f.to_owned(), b.to_owned(), a.to_owned())).collect();
        let mut tx = begin_write(&lite).await?;
        append(&mut tx, of, id, version, 1, &changes, at(hour as i64)).await?;
        tx.commit().await?;
        let mut tx = pg::write::begin_write(&pg.pool, Default::default()).await?;
        pg::revisions::append(&mut tx, of, id, version, 1, &changes, at(hour as i64)).await?;
        tx.commit().await?;
    }
    let on_sqlite = super::revisions::of_claim(&lite, 1).await?;
    let on_postgres = pg::revisions::of_claim(&pg.pool, 1).await?;
    let stored: Vec<String> =
        sqlx::query_scalar("SELECT changes FROM claim_revisions ORDER BY id").fetch_all(&pg.pool).await?;
    let stored_lite: Vec<String> = sqlx::query_scalar("SELECT changes FROM claim_revisions ORDER BY id")
        .fetch_all(lite.sqlite())
        .await?;
    pg.remove().await;
    assert_eq!(on_sqlite.len(), 2);
    assert_eq!(on_sqlite, on_postgres);
    assert_eq!(stored, stored_lite, "the very same JSON text, for copies to compare");
    Ok(())
}

/// Rulings: a first ruling, a correction of it, a clarification, one on a claim still being
/// checked, one proposed only; ruling times set on the claims for the sitemap.
const RULINGS_SEED: &str = "
    INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'editor');
    INSERT INTO rulings (id, claim_id, author_id, rating, attribution, verdict, body, kind, note, amends, state, created_at, published_at) VALUES
        (1, 1, 1, 'false', NULL, 'Not so', 'First look.', 'ruling', NULL, NULL, 'superseded', '2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z'),
        (2, 1, 1, 'true', 'verified', 'Accurate', 'The record agrees.', 'correction', 'We misread the record.', 1, 'published', '2026-01-02T00:00:00.000Z', '2026-01-02T01:00:00.000Z'),
        (3, 2, 1, 'false', NULL, 'Wrong figure', '', 'ruling', NULL, NULL, 'published', '2026-01-03T00:00:00.000Z', '2026-01-03T01:00:00.000Z'),
        (4, 2, 1, 'false', NULL, 'Wrong figure, to be exact', '', 'clarification', NULL, 3, 'published', '2026-01-04T00:00:00.000Z', '2026-01-04T01:00:00.000Z'),
        (5, 4, 1, 'misleading', NULL, 'Out of context', '', 'ruling', NULL, NULL, 'published', '2026-01-05T00:00:00.000Z', '2026-01-05T01:00:00.000Z'),
        (6, 5, 1, 'opinion', NULL, 'Not a fact', '', 'ruling', NULL, NULL, 'proposed', '2026-01-06T00:00:00.000Z', NULL);
    UPDATE claims SET updated_at = '2026-01-01T00:00:00.000Z';
    UPDATE claims SET ruled_at = '2026-01-02T01:00:00.000Z', updated_at = '2026-01-01T00:00:00.000Z' WHERE id = 1;
    UPDATE claims SET published_at = '2026-01-03T01:00:00.000Z', updated_at = '2026-01-01T00:00:00.000Z' WHERE id = 2;";

#[sqlx::test(migrations = "../migrations")]
async fn feeds_corrections_and_sitemaps_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    use crate::model::Status;
    let Some(pg) = postgres().await else { return Ok(()) };
    for seed in [SEARCH_SEED, RULINGS_SEED] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&pg.pool).await?;
    }
    let lite = Db::from(sqlite);
    for (status, speaker) in [
        (None, None),
        (Some(Status::False), None),
        (None, Some("maria-lopez")),
        (Some(Status::True), Some("pat-doe")),
    ] {
        let on_sqlite = super::verdicts::recent(&lite, status, speaker, 10).await?;
        assert_eq!(
            on_sqlite,
            pg::verdicts::recent(&pg.pool, status, speaker, 10).await?,
            "{status:?} {speaker:?}"
        );
    }
    let corrections = super::verdicts::corrections(&lite, 10).await?;
    assert_eq!(corrections, pg::verdicts::corrections(&pg.pool, 10).await?);
    assert_eq!(
        format!("{:?}", super::sitemap::extent(&lite).await?),
        format!("{:?}", pg::sitemap::extent(&pg.pool).await?)
    );
    assert_eq!(super::sitemap::claims(&lite, 1, 4).await?, pg::sitemap::claims(&pg.pool, 1, 4).await?);
    assert_eq!(super::sitemap::speakers(&lite, 1, 9).await?, pg::sitemap::speakers(&pg.pool, 1, 9).await?);
    assert_eq!(super::sitemap::sources(&lite, 1, 9).await?, pg::sitemap::sources(&pg.pool, 1, 9).await?);
    let feed = super::verdicts::recent(&lite, None, None, 10).await?;
    pg.remove().await;
    assert_eq!(feed.len(), 4, "no clarification, no proposal: {feed:?}");
    assert_eq!(corrections.len(), 1);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn claims_are_added_and_summed_up_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    use super::claims::NewClaim;
    use crate::model::{Change, ClaimKind, Qualifier, Quantity};
    let Some(pg) = postgres().await else { return Ok(()) };
    let lite = Db::from(sqlite);
    assert_eq!(super::claims::none_yet(&lite).await?, pg::claims::none_yet(&pg.pool).await?);
    let same_times = "UPDATE claims SET created_at = '2026-01-01T00:00:00.000Z';";
    for seed in [SEARCH_SEED, APPEARANCES_SEED, same_times] {
        sqlx::raw_sql(seed).execute(lite.sqlite()).await?;
        sqlx::raw_sql(seed).execute(&pg.pool).await?;
    }
    sqlx::query("SELECT setval(pg_get_serial_sequence('claims', 'id'), 6)").execute(&pg.pool).await?;
    let quantity = Quantity {
        value: 25.0,
        unit: "percent".into(),
        of: None,
        change: Some(Change::Increase),
        qualifier: Some(Qualifier::About),
    };
    let new = [
        NewClaim {
            kind: ClaimKind::Numeric,
            text: "Trade will grow by about 25 percent",
            speaker_id: 2,
            said_on: chrono::NaiveDate::from_ymd_opt(2022, 12, 30).unwrap_or_default(),
            quantity: Some(&quantity),
            created_at: at(1),
            confidence: Some(0.75),
        },
        NewClaim {
            kind: ClaimKind::Quote,
            text: "A quote, “curly” and 'plain'",
            speaker_id: 1,
            said_on: chrono::NaiveDate::from_ymd_opt(2024, 2, 29).unwrap_or_default(),
            quantity: None,
            created_at: at(2),
            confidence: None,
        },
    ];
    let (mut on_sqlite, mut on_postgres) = (Vec::new(), Vec::new());
    for claim in &new {
        let mut tx = begin_write(&lite).await?;
        let id = super::claims::insert(&mut tx, claim).await?;
        super::claims::add_appearance(&mut tx, id, 2, Some((3, 9))).await?;
        tx.commit().await?;
        on_sqlite.push(id);
        let mut tx = pg::write::begin_write(&pg.pool, Default::default()).await?;
        let id = pg::claims::insert(&mut tx, claim).await?;
        pg::claims::add_appearance(&mut tx, id, 2, Some((3, 9))).await?;
        tx.commit().await?;
        on_postgres.push(id);
    }
    assert_eq!(on_sqlite, on_postgres);
    let ids = [8, 1, 7, 3, 99, 6];
    assert_eq!(super::claims::summaries(&lite, &ids).await?, pg::claims::summaries(&pg.pool, &ids).await?);
    for id in ids {
        assert_eq!(super::claims::summary(&lite, id).await?, pg::claims::summary(&pg.pool, id).await?);
        let meta = |m: Option<super::claims::ClaimMeta>| {
            m.map(|m| (m.speaker_id, m.created_at, m.published_at, m.retraction_reason, m.ruling_id))
        };
        assert_eq!(meta(super::claims::meta(&lite, id).await?), meta(pg::claims::meta(&pg.pool, id).await?));
    }
    let added = super::claims::summary(&lite, 7).await?;
    pg.remove().await;
    assert!(added.is_some_and(|c| c.quantity.is_some_and(|q| q.change == Some(Change::Increase))));
    Ok(())
}

fn speaker_input(
    name: &str,
    slug: &str,
    aliases: &[&str],
    version: Option<i64>,
) -> crate::model::forms::speaker::SpeakerInput {
    crate::model::forms::speaker::SpeakerInput {
        name: name.into(),
        slug: slug.into(),
        description: "Minister".into(),
        kind: crate::model::SpeakerKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
        version,
    }
}

fn source_input(url: &str, title: &str) -> crate::model::forms::source::SourceInput {
    crate::model::forms::source::SourceInput {
        url: url.into(),
        title: title.into(),
        outlet: "Outlet".into(),
        author: Some("A. Writer".into()),
        published_on: chrono::NaiveDate::from_ymd_opt(2024, 2, 29),
        body: Some("The text.".into()),
        version: None,
    }
}

/// Speaker and source edits on SQLite: what each step answered.
async fn edits_on_sqlite(db: &Db) -> Result<Vec<String>, AppError> {
    use super::{source_edits as so, speaker_edits as sp};
    let mut seen = Vec::new();
    let mut tx = begin_write(db).await?;
    let kim =
        sp::insert(&mut tx, &speaker_input("Kim Roe", "kim-roe", &["K. Roe", "K. Roe", "Kim"], None)).await?;
    tx.commit().await?;
    let mut tx = begin_write(db).await?;
    seen.push(format!(
        "{:?}",
        sp::insert(&mut tx, &speaker_input("Other", "kim-roe", &[], None)).await.map_err(|e| e.to_string())
    ));
    drop(tx);
    let mut tx = begin_write(db).await?;
    seen.push(format!(
        "{:?}",
        sp::update(&mut tx, kim, 1, &speaker_input("Kim Roe-Lee", "kim-roe", &["Kim"], None)).await?
    ));
    seen.push(format!(
        "{:?}",
        sp::update(&mut tx, kim, 1, &speaker_input("Stale", "kim-roe", &[], None)).await?
    ));
    sp::add_aliases(&mut tx, kim, &["Kim".into(), "Ms Roe-Lee".into()]).await?;
    sp::move_claim(&mut tx, 1, kim, at(1)).await?;
    let mut moved = sp::claims_of(&mut tx, kim).await?;
    moved.sort();
    seen.push(format!("{moved:?}"));
    sp::mark_merged(&mut tx, 2, kim).await?;
    let source = so::insert(&mut tx, &source_input("https://example.org/new", "New")).await?;
    seen.push(format!(
        "{:?}",
        so::update(&mut tx, source, 1, &source_input("https://example.org/newer", "Newer")).await?
    ));
    tx.commit().await?;
    let mut tx = begin_write(db).await?;
    seen.push(format!(
        "{:?}",
        so::insert(&mut tx, &source_input("https://example.org/1", "Dup")).await.map_err(|e| e.to_string())
    ));
    drop(tx);
    seen.push(format!("{:?} {:?}", sp::for_form(db, "kim-roe").await?, sp::for_form(db, "pat-doe").await?));
    seen.push(format!("{:?} {:?}", so::for_form(db, source).await?, so::for_form(db, 99).await?));
    Ok(seen)
}

/// The same steps on PostgreSQL.
async fn edits_on_postgres(pool: &PgPool) -> Result<Vec<String>, AppError> {
    use pg::{source_edits as so, speaker_edits as sp};
    let begin = || pg::write::begin_write(pool, Default::default());
    let mut seen = Vec::new();
    let mut tx = begin().await?;
    let kim =
        sp::insert(&mut tx, &speaker_input("Kim Roe", "kim-roe", &["K. Roe", "K. Roe", "Kim"], None)).await?;
    tx.commit().await?;
    let mut tx = begin().await?;
    seen.push(format!(
        "{:?}",
        sp::insert(&mut tx, &speaker_input("Other", "kim-roe", &[], None)).await.map_err(|e| e.to_string())
    ));
    drop(tx);
    let mut tx = begin().await?;
    seen.push(format!(
        "{:?}",
        sp::update(&mut tx, kim, 1, &speaker_input("Kim Roe-Lee", "kim-roe", &["Kim"], None)).await?
    ));
    seen.push(format!(
        "{:?}",
        sp::update(&mut tx, kim, 1, &speaker_input("Stale", "kim-roe", &[], None)).await?
    ));
    sp::add_aliases(&mut tx, kim, &["Kim".into(), "Ms Roe-Lee".into()]).await?;
    sp::move_claim(&mut tx, 1, kim, at(1)).await?;
    let mut moved = sp::claims_of(&mut tx, kim).await?;
    moved.sort();
    seen.push(format!("{moved:?}"));
    sp::mark_merged(&mut tx, 2, kim).await?;
    let source = so::insert(&mut tx, &source_input("https://example.org/new", "New")).await?;
    seen.push(format!(
        "{:?}",
        so::update(&mut tx, source, 1, &source_input("https://example.org/newer", "Newer")).await?
    ));
    tx.commit().await?;
    let mut tx = begin().await?;
    seen.push(format!(
        "{:?}",
        so::insert(&mut tx, &source_input("https://example.org/1", "Dup")).await.map_err(|e| e.to_string())
    ));
    drop(tx);
    seen.push(format!(
        "{:?} {:?}",
        sp::for_form(pool, "kim-roe").await?,
        sp::for_form(pool, "pat-doe").await?
    ));
    seen.push(format!("{:?} {:?}", so::for_form(pool, source).await?, so::for_form(pool, 99).await?));
    Ok(seen)
}

#[sqlx::test(migrations = "../migrations")]
async fn speaker_and_source_edits_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = postgres().await else { return Ok(()) };
    sqlx::raw_sql(SEARCH_SEED).execute(&sqlite).await?;
    sqlx::raw_sql(SEARCH_SEED).execute(&pg.pool).await?;
    for table in ["speakers", "sources"] {
        sqlx::query(&format!("SELECT setval(pg_get_serial_sequence('{table}', 'id'), 2)"))
            .execute(&pg.pool)
            .await?;
    }
    let lite = edits_on_sqlite(&Db::from(sqlite)).await?;
    let postgres = edits_on_postgres(&pg.pool).await?;
    pg.remove().await;
    assert!(lite[0].contains("/speakers/kim-roe"), "{lite:?}");
    assert!(lite[5].contains("Another source already has the address"), "{lite:?}");
    assert_eq!(lite, postgres);
    Ok(())
}

fn figure(
    shape: crate::model::comparison::Shape,
    value: f64,
    of: Option<f64>,
    compared: bool,
) -> crate::model::forms::record::RecordInput {
    crate::model::forms::record::RecordInput {
        shape,
        value,
        of,
        unit: None,
        period: Some("2022".into()),
        source_url: "https://stats.example.org/t1".into(),
        source_title: "Trade statistics".into(),
        publisher: "Statistics office".into(),
        published_on: chrono::NaiveDate::from_ymd_opt(2023, 1, 31),
        accessed_on: None,
        note: Some("Table 1".into()),
        compared,
        version: None,
    }
}

/// Claim edits and recorded figures on one backend: every answer, then every read.
macro_rules! edits_and_figures {
    ($m:path, $begin:expr, $reader:expr) => {{
        use crate::model::comparison::Shape;
        use $m as m;
        let level = figure(Shape::Level, 1.29, None, true);
        let share = figure(Shape::Share, 54.0, Some(69.0), false);
        let mut seen: Vec<String> = Vec::new();
        let mut tx = $begin.await?;
        m::recorded::set_context(&mut tx, 2, Some("2022"), Some("2021")).await?;
        seen.push(format!("{:?}", m::recorded::bump_claim_version(&mut tx, 2, 1, at(1)).await?));
        seen.push(format!("{:?}", m::recorded::bump_claim_version(&mut tx, 2, 1, at(1)).await?));
        let a = m::recorded::insert(
            &mut tx,
            2,
            &super::recorded::FigureValues::of_input(&level, "percent"),
            1,
            at(2),
        )
        .await?;
        let b = m::recorded::insert(
            &mut tx,
            2,
            &super::recorded::FigureValues::of_input(&share, "missiles"),
            1,
            at(3),
        )
        .await?;
        m::recorded::clear_compared(&mut tx, 2).await?;
        seen.push(format!(
            "{:?}",
            m::recorded::update(
                &mut tx,
                2,
                b,
                &super::recorded::FigureValues::of_input(&level, "percent"),
                at(4)
            )
            .await?
        ));
        seen.push(format!(
            "{:?} {:?}",
            m::recorded::withdraw(&mut tx, 2, a, at(5)).await?,
            m::recorded::withdraw(&mut tx, 2, a, at(5)).await?
        ));
        let update = super::claim_edits::ClaimUpdate {
            kind: crate::model::ClaimKind::Numeric,
            text: "Trade grew 1.6 percent",
            speaker_id: 1,
            said_on: chrono::NaiveDate::from_ymd_opt(2022, 12, 29).unwrap_or_default(),
            quantity: None,
            at: at(6),
        };
        let mut numeric = update;
        let quantity = crate::model::Quantity {
            value: 1.6,
            unit: "percent".into(),
            of: None,
            change: None,
            qualifier: None,
        };
        numeric.quantity = Some(&quantity);
        seen.push(format!("{:?}", m::claim_edits::update(&mut tx, 2, 2, &numeric).await?));
        seen.push(format!("{:?}", m::claim_edits::update(&mut tx, 2, 2, &numeric).await?));
        seen.push(format!(
            "{:?} {:?}",
            m::claim_edits::appears_in(&mut tx, 1, 1).await?,
            m::claim_edits::appears_in(&mut tx, 2, 1).await?
        ));
        tx.commit().await?;
        let reader = $reader;
        for id in [2, 1, 99] {
            seen.push(format!("{:?}", m::claim_edits::for_form(reader, id).await?));
            seen.push(format!(
                "{:?} {:?}",
                m::recorded::figures(reader, id).await?,
                m::recorded::figure_context(reader, id).await?
            ));
        }
        seen.push(format!("{:?}", m::recorded::compared_in_range(reader, 0, 10).await?));
        seen.push(format!("{:?}", m::recorded::with_compared(reader, &[1, 2, 3]).await?));
        seen
    }};
}

#[sqlx::test(migrations = "../migrations")]
async fn claim_edits_and_recorded_figures_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let users = "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'editor');";
    for seed in [SEARCH_SEED, APPEARANCES_SEED, users] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let on_sqlite = edits_and_figures!(crate::ssr::db, begin_write(&lite), &lite);
    let pool = server.pool.clone();
    let on_postgres =
        edits_and_figures!(crate::ssr::db::pg, pg::write::begin_write(&pool, Default::default()), &pool);
    server.remove().await;
    assert_eq!(&on_sqlite[..3], ["true", "false", "true"], "{on_sqlite:?}");
    assert_eq!(on_sqlite, on_postgres);
    Ok(())
}

/// A ruling's life on one backend: proposed with evidence, signed off, published, corrected and
/// sent back; the refused moves; then what readers and editors read.
macro_rules! rulings_lifecycle {
    ($m:path, $begin:expr, $reader:expr) => {{
        use super::rulings::{Audience, NewRuling};
        use crate::model::{Decision, EvidenceLink, RulingKind, RulingState, Status};
        use $m as m;
        let evidence = [
            EvidenceLink {
                url: "https://stats.example.org/t1".into(),
                title: "Table 1".into(),
                note: Some("Row 4".into()),
            },
            EvidenceLink {
                url: "https://example.org/transcript".into(),
                title: "Transcript".into(),
                note: None,
            },
        ];
        let ruling = |kind, rating, amends, note| NewRuling {
            claim_id: 2,
            author_id: 1,
            rating,
            attribution: None,
            verdict: "Wrong figure",
            body: "The **record** says 1.2.",
            evidence: &evidence,
            kind,
            note,
            amends,
            at: at(1),
        };
        let mut seen: Vec<String> = Vec::new();
        let mut tx = $begin.await?;
        let first =
            m::rulings::insert(&mut tx, &ruling(RulingKind::Ruling, Status::False, None, None)).await?;
        seen.push(format!(
            "{:?} {:?}",
            m::rulings::open_for_claim(&mut tx, 2).await?,
            m::rulings::reviewed_by(&mut tx, first, 2).await?
        ));
        m::rulings::add_review(&mut tx, first, 2, Decision::Approve, None, at(2)).await?;
        seen.push(format!(
            "{:?} {:?}",
            m::rulings::approvals(&mut tx, first).await?,
            m::rulings::reviewed_by(&mut tx, first, 2).await?
        ));
        seen.push(format!(
            "{:?}",
            m::rulings::move_state(&mut tx, first, RulingState::Proposed, RulingState::Published, at(3))
                .await?
        ));
        seen.push(format!(
            "{:?}",
            m::rulings::move_state(&mut tx, first, RulingState::Proposed, RulingState::Published, at(3))
                .await?
        ));
        let content = m::rulings::content(&mut tx, first).await?;
        seen.push(format!("{:?} {:?} {}", content.rating, content.attribution, content.verdict));
        let second = m::rulings::insert(
            &mut tx,
            &ruling(RulingKind::Correction, Status::Misleading, Some(first), Some("Reread")),
        )
        .await?;
        m::rulings::add_review(&mut tx, second, 2, Decision::SendBack, Some("Cite the table"), at(4)).await?;
        seen.push(format!(
            "{:?}",
            m::rulings::move_state(&mut tx, second, RulingState::Proposed, RulingState::SentBack, at(4))
                .await?
        ));
        tx.commit().await?;
        let mut tx = $begin.await?;
        seen.push(format!(
            "backwards refused: {}",
            m::rulings::move_state(&mut tx, first, RulingState::Published, RulingState::Proposed, at(5))
                .await
                .is_err()
        ));
        drop(tx);
        let mut tx = $begin.await?;
        seen.push(format!(
            "own sign-off refused: {}",
            m::rulings::add_review(&mut tx, second, 1, Decision::Approve, None, at(5)).await.is_err()
        ));
        drop(tx);
        for audience in [Audience::Public, Audience::Desk] {
            seen.push(format!("{:?}", m::rulings::for_claim($reader, 2, audience).await?));
        }
        seen
    }};
}

#[sqlx::test(migrations = "../migrations")]
async fn rulings_live_the_same_life_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let users = "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'editor'), (2, 'rev', 'Re Viewer', 'editor');";
    for seed in [SEARCH_SEED, users] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let on_sqlite = rulings_lifecycle!(crate::ssr::db, begin_write(&lite), &lite);
    let pool = server.pool.clone();
    let on_postgres =
        rulings_lifecycle!(crate::ssr::db::pg, pg::write::begin_write(&pool, Default::default()), &pool);
    server.remove().await;
    assert!(on_sqlite.iter().any(|s| s == "backwards refused: true"), "{on_sqlite:?}");
    assert!(on_sqlite.iter().any(|s| s == "own sign-off refused: true"), "{on_sqlite:?}");
    assert_eq!(on_sqlite, on_postgres);
    Ok(())
}

#[sqlx::test(migrations = "../migrations")]
async fn exports_are_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let figure = "INSERT INTO recorded_figures (claim_id, shape, value, unit, source_url, source_title, publisher,
                      published_on, compared, created_by) VALUES
                      (2, 'change', 1.2, 'percent', 'https://stats.example.org/t1', 'Table 1', 'Office', '2023-01-31', TRUE, 1);
                  UPDATE claims SET retracted_at = '2026-02-01T00:00:00.000Z', retraction_reason = 'Wrong speaker' WHERE id = 4;";
    for seed in [SEARCH_SEED, APPEARANCES_SEED, RULINGS_SEED, figure] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let (mut after, mut on_sqlite, mut on_postgres) = (0, Vec::new(), Vec::new());
    loop {
        let (rows, last) = super::export::batch(&lite, "https://claims.example.org", after, 2).await?;
        let (pg_rows, pg_last) =
            pg::export::batch(&server.pool, "https://claims.example.org", after, 2).await?;
        assert_eq!(last, pg_last);
        on_sqlite.push(serde_json::to_string(&rows)?);
        on_postgres.push(serde_json::to_string(&pg_rows)?);
        if rows.is_empty() {
            break;
        }
        after = last;
    }
    server.remove().await;
    assert!(on_sqlite.concat().contains("\"recorded_value\":1.2"), "{on_sqlite:?}");
    assert_eq!(on_sqlite, on_postgres);
    Ok(())
}

/// An import's queries on one backend, with the source's text and claims placed in it.
macro_rules! import_queries {
    ($m:path, $begin:expr, $reader:expr) => {{
        use $m as m;
        let mut seen: Vec<String> = Vec::new();
        let mut tx = $begin.await?;
        let mut of_speaker = m::import::claims_of_speaker(&mut tx, 2, crate::model::ClaimKind::Quote).await?;
        of_speaker.sort();
        seen.push(format!("{of_speaker:?}"));
        seen.push(format!("{:?}", m::import::next_claim_version(&mut tx, 3, at(1)).await?));
        seen.push(format!(
            "{:?} {:?}",
            m::import::source_by_url(&mut tx, "https://example.org/1").await?,
            m::import::source_by_url(&mut tx, "https://nowhere.example").await?
        ));
        seen.push(format!(
            "{:?}",
            m::import::replace_source_body(&mut tx, 1, "All 16 missiles were destroyed, it said.").await?
        ));
        seen.push(format!(
            "{:?} {:?}",
            m::import::source_body(&mut tx, 1).await?,
            m::import::source_body(&mut tx, 2).await?
        ));
        seen.push(format!(
            "{:?} {:?}",
            m::import::slug_taken(&mut tx, "pat-doe").await?,
            m::import::slug_taken(&mut tx, "nobody").await?
        ));
        tx.commit().await?;
        for private in [false, true] {
            seen.push(format!("{:?}", m::import::text_with_marks($reader, 1, private).await?));
        }
        for name in ["PAT DOE", "minister lopez", "Nobody"] {
            let mut names = m::import::speakers_named($reader, name).await?;
            names.sort();
            seen.push(format!("{names:?}"));
        }
        for surname in ["doe", "LÓPEZ", "Lopez", "_oe"] {
            let mut names = m::import::speakers_with_surname($reader, surname).await?;
            names.sort();
            seen.push(format!("{names:?}"));
        }
        seen.push(format!("{:?}", m::import::recent_sources($reader, 5).await?));
        seen
    }};
}

#[sqlx::test(migrations = "../migrations")]
async fn an_imports_queries_answer_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let placed = "UPDATE appearances SET start_byte = 0, end_byte = 6 WHERE claim_id = 1;
                  INSERT INTO appearances (claim_id, source_id, start_byte, end_byte) VALUES (6, 1, 7, 15);";
    for seed in [SEARCH_SEED, placed] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let on_sqlite = import_queries!(crate::ssr::db, begin_write(&lite), &lite);
    let pool = server.pool.clone();
    let on_postgres =
        import_queries!(crate::ssr::db::pg, pg::write::begin_write(&pool, Default::default()), &pool);
    server.remove().await;
    assert!(on_sqlite[6] != on_sqlite[7], "editors see the intake claim's mark too: {on_sqlite:?}");
    assert_eq!(on_sqlite, on_postgres);
    Ok(())
}

/// The desk on one backend: a claim taken, discarded, restored, published as being checked and
/// ruled; then every section for two editors under each filter, the log and the fields.
macro_rules! desk_day {
    ($m:path, $begin:expr, $reader:expr) => {{
        use super::desk::Section;
        use crate::model::desk::{DeskAction, DeskFilter};
        use $m as m;
        let mut seen: Vec<String> = Vec::new();
        let mut tx = $begin.await?;
        m::desk::set_assignee(&mut tx, 6, Some(1)).await?;
        m::desk::log(&mut tx, 6, 1, DeskAction::Assigned, Some("Ed Itor"), at(1)).await?;
        seen.push(format!("{:?}", m::desk::state(&mut tx, 6).await?));
        seen.push(format!(
            "{:?} {:?}",
            m::desk::discard(&mut tx, 6, 2, "Not a claim", at(2)).await?,
            m::desk::discard(&mut tx, 6, 2, "again", at(2)).await?
        ));
        seen.push(format!("{:?}", m::desk::restore(&mut tx, 6).await?));
        seen.push(format!(
            "{:?} {:?}",
            m::desk::publish_being_checked(&mut tx, 6, at(3)).await?,
            m::desk::publish_being_checked(&mut tx, 6, at(3)).await?
        ));
        let content = super::rulings::Content {
            rating: crate::model::Status::Misleading,
            attribution: None,
            verdict: "Out of context".into(),
        };
        m::desk::show_ruling(&mut tx, 6, 6, &content, true, at(4)).await?;
        seen.push(format!("{:?}", m::desk::state(&mut tx, 6).await?));
        tx.commit().await?;
        seen.push(format!("{:?}", m::desk::events($reader, 6).await?));
        for id in [6, 2] {
            let f = m::desk::fields($reader, id).await?;
            seen.push(format!("{:?} {:?} {:?}", f.assignee, f.confidence, f.discarded));
        }
        let filters = [
            DeskFilter::default(),
            DeskFilter { kind: Some(crate::model::ClaimKind::Quote), ..DeskFilter::default() },
            DeskFilter { speaker: Some("maria-lopez".into()), ..DeskFilter::default() },
            DeskFilter { source: Some(crate::model::public_id::encode(1)), ..DeskFilter::default() },
        ];
        for me in [1, 2] {
            for filter in &filters {
                for section in [
                    Section::AssignedToMe,
                    Section::AwaitingMySignOff,
                    Section::SentBackToMe,
                    Section::MineAwaitingOthers,
                    Section::Intake,
                    Section::RecentlyPublished,
                ] {
                    seen.push(format!(
                        "{me} {section:?} {:?}",
                        m::desk::section($reader, section, me, filter, None).await?
                    ));
                }
            }
        }
        seen.push(format!(
            "{:?}",
            m::desk::section($reader, Section::RecentlyPublished, 1, &filters[0], Some(4)).await?
        ));
        seen
    }};
}

#[sqlx::test(migrations = "../migrations")]
async fn the_desk_is_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let more = "INSERT INTO users (id, username, display_name, role, password_hash) VALUES (2, 'rev', 'Re Viewer', 'editor', 'x');
        INSERT INTO claims (id, kind, text, speaker_id, said_on, stage, assignee_id, confidence)
             VALUES (7, 'quote', 'Assigned intake', 1, '2022-12-30', 'intake', 2, 0.5), (8, 'quote', 'Free intake', 2, '2022-12-30', 'intake', NULL, NULL);
        INSERT INTO rulings (id, claim_id, author_id, rating, verdict, kind, state, created_at) VALUES
             (7, 7, 2, 'true', 'Fine', 'ruling', 'proposed', '2026-01-07T00:00:00.000Z'),
             (8, 8, 1, 'false', 'Wrong', 'ruling', 'sent_back', '2026-01-08T00:00:00.000Z');
        INSERT INTO ruling_reviews (ruling_id, reviewer_id, decision, note, created_at) VALUES
             (8, 2, 'send_back', 'Cite a source', '2026-01-08T01:00:00.000Z');
        UPDATE claims SET created_at = '2026-01-01T00:00:00.000Z';";
    for seed in [SEARCH_SEED, RULINGS_SEED, more] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let on_sqlite = desk_day!(crate::ssr::db, begin_write(&lite), &lite);
    let pool = server.pool.clone();
    let on_postgres = desk_day!(crate::ssr::db::pg, pg::write::begin_write(&pool, Default::default()), &pool);
    server.remove().await;
    assert!(on_sqlite.iter().any(|s| s.contains("Cite a source")), "the send-back shows: {on_sqlite:?}");
    for (lite, postgres) in on_sqlite.iter().zip(&on_postgres) {
        assert_eq!(lite, postgres);
    }
    assert_eq!(on_sqlite.len(), on_postgres.len());
    Ok(())
}

/// A source's text changing twice on one backend: claims kept, lost, then found again.
macro_rules! texts_change {
    ($m:path, $begin:expr, $reader:expr) => {{
        use super::snapshots::Taken;
        use crate::model::snapshot::Origin;
        use $m as m;
        const V1: &str =
            "Officials said all 16 drones were destroyed. The missile was intercepted over the city.";
        const V2: &str =
            "Update: officials said all 16 drones were destroyed overnight. Nothing else was confirmed.";
        const V3: &str =
            "Update 2: all 16 drones were destroyed. The missile was intercepted over the city, they added.";
        let taken = |origin, fetched_from, hour| Taken { origin, fetched_from, by: 1, at: at(hour) };
        let mut seen: Vec<String> = Vec::new();
        let mut tx = $begin.await?;
        seen.push(format!("{:?}", m::snapshots::take(&mut tx, 1, V1, taken(Origin::Pasted, None, 1)).await?));
        tx.commit().await?;
        let mut tx = $begin.await?;
        seen.push(format!(
            "{:?}",
            m::snapshots::take(
                &mut tx,
                1,
                V2,
                taken(Origin::Fetched, Some("https://mirror.example.org/1"), 2)
            )
            .await?
        ));
        seen.push(format!("{:?}", m::snapshots::reanchor(&mut tx, 1, V1, V2, at(2)).await?));
        tx.commit().await?;
        for editors in [false, true] {
            seen.push(format!("{:?}", m::sources::appearances_of($reader, 3, editors).await?));
        }
        let mut tx = $begin.await?;
        seen.push(format!("{:?}", m::snapshots::take(&mut tx, 1, V3, taken(Origin::Edited, None, 3)).await?));
        seen.push(format!("{:?}", m::snapshots::reanchor(&mut tx, 1, V2, V3, at(3)).await?));
        tx.commit().await?;
        for claim in [1, 3] {
            seen.push(format!("{:?}", m::sources::appearances_of($reader, claim, true).await?));
        }
        seen.push(format!("{:?}", m::snapshots::history($reader, 1).await?));
        seen.push(format!(
            "{:?} {:?}",
            m::snapshots::fetched_sources($reader).await?,
            m::snapshots::address_of($reader, 1).await?
        ));
        seen.push(format!(
            "{:?} {:?}",
            m::snapshots::address_of($reader, 2).await?,
            m::snapshots::address_of($reader, 99).await?
        ));
        seen
    }};
}

#[sqlx::test(migrations = "../migrations")]
async fn changed_texts_move_claims_the_same_on_both_backends(sqlite: SqlitePool) -> TestResult {
    let Some(server) = postgres().await else { return Ok(()) };
    let placed = "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed Itor', 'editor');
        UPDATE appearances SET start_byte = 19, end_byte = 44 WHERE claim_id = 1;
        UPDATE appearances SET start_byte = 46, end_byte = 73 WHERE claim_id = 3;";
    for seed in [SEARCH_SEED, placed] {
        sqlx::raw_sql(seed).execute(&sqlite).await?;
        sqlx::raw_sql(seed).execute(&server.pool).await?;
    }
    let lite = Db::from(sqlite);
    let on_sqlite = texts_change!(crate::ssr::db, begin_write(&lite), &lite);
    let pool = server.pool.clone();
    let on_postgres =
        texts_change!(crate::ssr::db::pg, pg::write::begin_write(&pool, Default::default()), &pool);
    server.remove().await;
    assert_eq!(
        on_sqlite[2], "Reanchored { kept: 0, lost: 2 }",
        "both claims' passages changed: {on_sqlite:?}"
    );
    assert_eq!(on_sqlite[6], "Reanchored { kept: 2, lost: 0 }", "found again: {on_sqlite:?}");
    for (lite, postgres) in on_sqlite.iter().zip(&on_postgres) {
        assert_eq!(lite, postgres);
    }
    Ok(())
}
