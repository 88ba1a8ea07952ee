//! The PostgreSQL schema (`migrations/postgres/`) against the SQLite one: the same tables and
//! columns, and the same rules kept by triggers — append-only records, kept counts, the search
//! index and the content version the page cache keys on. Run on the tests' throwaway PostgreSQL
//! (`make pg-start`; `make test` starts it), skipped with a note when there is none.

use super::testing::PgTestDatabase;
use sqlx::{PgPool, SqlitePool};
use std::collections::{BTreeMap, BTreeSet};

type TestResult = Result<(), Box<dyn std::error::Error>>;

async fn database() -> Option<PgTestDatabase> {
    let db = PgTestDatabase::create().await;
    if db.is_none() {
        eprintln!("skipped: no PostgreSQL for tests (run `make pg-start`, or set CLAIMTRACK_TEST_PG_URL)");
    }
    db
}

/// SQLite's tables and their columns, FTS5's own tables left out.
async fn sqlite_columns(pool: &SqlitePool) -> Result<BTreeMap<String, BTreeSet<String>>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT m.name, p.name FROM sqlite_schema m JOIN pragma_table_info(m.name) p
          WHERE m.type = 'table' AND m.name NOT LIKE 'claims_fts%' AND m.name NOT LIKE 'sqlite_%'
            AND m.name NOT LIKE '_sqlx%'",
    )
    .fetch_all(pool)
    .await?;
    Ok(group(rows))
}

/// PostgreSQL's tables and their columns, its search table left out.
async fn postgres_columns(pool: &PgPool) -> Result<BTreeMap<String, BTreeSet<String>>, sqlx::Error> {
    let rows: Vec<(String, String)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text FROM information_schema.columns c
           JOIN information_schema.tables t USING (table_schema, table_name)
          WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
            AND c.table_name NOT IN ('claim_search', '_sqlx_migrations')",
    )
    .fetch_all(pool)
    .await?;
    Ok(group(rows))
}

fn group(rows: Vec<(String, String)>) -> BTreeMap<String, BTreeSet<String>> {
    let mut tables: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (table, column) in rows {
        tables.entry(table).or_default().insert(column);
    }
    tables
}

#[sqlx::test(migrations = "../migrations")]
async fn both_schemas_have_the_same_tables_and_columns(sqlite: SqlitePool) -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let (lite, postgres) = (sqlite_columns(&sqlite).await?, postgres_columns(&pg.pool).await?);
    pg.remove().await;
    assert_eq!(lite, postgres, "a migration on one backend needs its twin on the other");
    Ok(())
}

/// A published claim by a speaker with an alias, appearing in one source.
async fn seed(pool: &PgPool) -> Result<(), sqlx::Error> {
    sqlx::raw_sql(
        "INSERT INTO users (id, username, display_name, role) VALUES (1, 'ed', 'Ed', 'editor');
         INSERT INTO speakers (id, slug, name, kind) VALUES (1, 'maria-lopez', 'María López', 'person');
         INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'Minister Lopez');
         INSERT INTO sources (id, url, title, outlet) VALUES (1, 'https://example.org/1', 'Strikes overnight', 'Wire');
         INSERT INTO claims (id, kind, text, speaker_id, said_on, stage, status, list_seq)
              VALUES (1, 'quote', 'All 16 missiles were destroyed', 1, '2022-12-30', 'published', 'true', 1),
                     (2, 'quote', 'An intake claim about missiles', 1, '2022-12-30', 'intake', NULL, NULL);
         INSERT INTO appearances (claim_id, source_id) VALUES (1, 1);",
    )
    .execute(pool)
    .await?;
    Ok(())
}

/// The claims (by id) whose search document matches `query` (tsquery syntax: the test's own).
async fn found(pool: &PgPool, query: &str) -> Result<Vec<i64>, sqlx::Error> {
    sqlx::query_scalar(
        "SELECT claim_id FROM claim_search WHERE document @@ to_tsquery('simple', $1) ORDER BY list_key DESC",
    )
    .bind(query)
    .fetch_all(pool)
    .await
}

#[tokio::test]
async fn the_search_index_holds_listed_claims_and_follows_every_change() -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let pool = &pg.pool;
    seed(pool).await?;
    assert_eq!(found(pool, "missil:*").await?, vec![1], "a prefix; intake is never indexed");
    assert_eq!(found(pool, "lopez:*B & maria:B").await?, vec![1], "the speaker, accents folded");
    assert_eq!(found(pool, "minister:B").await?, vec![1], "an alias");
    assert_eq!(found(pool, "overnight:C & source1 & speaker1 & factcheck & true & quote").await?, vec![1]);

    sqlx::query("UPDATE sources SET title = 'Drones at dawn' WHERE id = 1").execute(pool).await?;
    sqlx::query("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (1, 'The Minister of Defence')")
        .execute(pool)
        .await?;
    sqlx::query("UPDATE claims SET stage = 'published', status = 'being_checked', list_seq = 2 WHERE id = 2")
        .execute(pool)
        .await?;
    assert_eq!(found(pool, "dawn:C").await?, vec![1], "a retitled source");
    assert!(found(pool, "overnight").await?.is_empty(), "the old title is gone");
    assert_eq!(found(pool, "defence").await?, vec![2, 1], "a new alias, newest in the list first");
    assert_eq!(found(pool, "beingchecked & !factcheck").await?, vec![2]);
    pg.remove().await;
    Ok(())
}

async fn version(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT version FROM content_version").fetch_one(pool).await
}

#[tokio::test]
async fn the_content_version_grows_with_what_readers_see_only() -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let pool = &pg.pool;
    seed(pool).await?;
    let before = version(pool).await?;
    sqlx::query("UPDATE claims SET verdict = 'Accurate' WHERE id IN (1, 2)").execute(pool).await?;
    assert_eq!(version(pool).await?, before + 2, "by rows, as on SQLite (kept counts rely on it)");
    let before = version(pool).await?;
    sqlx::raw_sql(
        "INSERT INTO claim_notes (claim_id, author_id, body, created_at) VALUES (1, 1, 'private', '2024-01-01T00:00:00.000Z');
         INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, last_seen_at, expires_at)
              VALUES (repeat('a', 64), 1, repeat('b', 32), '2024-01-01T00:00:00.000Z',
                      '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z');",
    )
    .execute(pool)
    .await?;
    assert_eq!(version(pool).await?, before, "notes and sessions are not what readers see");
    sqlx::query("UPDATE speakers SET name = 'Maria Lopez' WHERE id = 1").execute(pool).await?;
    assert_eq!(version(pool).await?, before + 1_000_000_000, "a rename changes many claims at once");
    pg.remove().await;
    Ok(())
}

async fn counts(pool: &PgPool) -> Result<Vec<(String, String, i64)>, sqlx::Error> {
    sqlx::query_as("SELECT kind, status, n FROM claim_counts WHERE n > 0 ORDER BY kind, status")
        .fetch_all(pool)
        .await
}

#[tokio::test]
async fn the_kept_counts_follow_publication_and_status() -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let pool = &pg.pool;
    seed(pool).await?;
    assert_eq!(counts(pool).await?, vec![("quote".into(), "true".into(), 1)]);
    sqlx::query("UPDATE claims SET stage = 'published', status = 'false', list_seq = 2 WHERE id = 2")
        .execute(pool)
        .await?;
    sqlx::query("UPDATE claims SET status = 'misleading' WHERE id = 1").execute(pool).await?;
    let expected = vec![("quote".into(), "false".into(), 1), ("quote".into(), "misleading".into(), 1)];
    assert_eq!(counts(pool).await?, expected);
    let by_speaker: i64 =
        sqlx::query_scalar("SELECT sum(n)::bigint FROM speaker_claim_counts WHERE speaker_id = 1")
            .fetch_one(pool)
            .await?;
    assert_eq!(by_speaker, 2);
    pg.remove().await;
    Ok(())
}

#[tokio::test]
async fn records_that_are_kept_forever_cannot_be_changed_or_deleted() -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let pool = &pg.pool;
    seed(pool).await?;
    for (statement, rule) in [
        ("DELETE FROM claims WHERE id = 1", "claims are retracted, never deleted"),
        (
            "INSERT INTO claim_revisions (claim_id, version, editor_id, changes) VALUES (1, 1, 1, '{}');
             UPDATE claim_revisions SET changes = '[]'",
            "claim revisions are append-only",
        ),
        (
            "INSERT INTO claims (kind, text, speaker_id, said_on) VALUES ('quote', 'x', 1, '2024-02-30')",
            "claims_said_on_check",
        ),
    ] {
        let err = sqlx::raw_sql(statement).execute(pool).await.expect_err(rule).to_string();
        assert!(err.contains(rule), "{rule}: {err}");
    }
    pg.remove().await;
    Ok(())
}

#[tokio::test]
async fn migrating_again_or_from_two_processes_at_once_is_harmless() -> TestResult {
    let Some(pg) = database().await else { return Ok(()) };
    let other = super::postgres::connect(&pg.url).await?;
    let (a, b) = tokio::join!(super::postgres::migrate(&pg.pool), super::postgres::migrate(&other));
    a?;
    b?;
    other.close().await;
    let applied: i64 =
        sqlx::query_scalar("SELECT count(*) FROM _sqlx_migrations").fetch_one(&pg.pool).await?;
    assert_eq!(applied, super::postgres::MIGRATOR.iter().count() as i64);
    pg.remove().await;
    Ok(())
}
