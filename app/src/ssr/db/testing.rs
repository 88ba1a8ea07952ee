//! Helpers for tests that need rows in a database: a speaker, a source, claims.
//! Public (not `cfg(test)`) so that the server's HTTP tests can use them too.

use super::{begin_write, claims::NewClaim, Db};
use crate::model::{ClaimKind, Quantity, Source, Speaker, SpeakerKind, Status};
use crate::AppError;
use chrono::{NaiveDate, TimeZone, Utc};

/// Adds a person with the given name (slug made from it) and aliases; returns the internal id.
pub async fn add_speaker(db: &Db, name: &str, aliases: &[&str]) -> Result<i64, AppError> {
    let speaker = Speaker {
        slug: crate::model::slug::from_name(name).ok_or_else(|| AppError::invalid("name", "no slug"))?,
        name: name.to_owned(),
        description: format!("Description of {name}"),
        kind: SpeakerKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    let mut tx = begin_write(db).await?;
    let id = super::speakers::insert(&mut tx, &speaker).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a source with the given title at `https://example.org/<n>`; returns the internal id.
pub async fn add_source(db: &Db, n: u32, title: &str, outlet: &str) -> Result<i64, AppError> {
    let source = Source {
        public_id: String::new(),
        url: format!("https://example.org/{n}"),
        title: title.to_owned(),
        outlet: outlet.to_owned(),
        author: None,
        published_on: NaiveDate::from_ymd_opt(2024, 1, 1),
    };
    let mut tx = begin_write(db).await?;
    let id = super::sources::insert(&mut tx, &source).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a claim said on `said_on`, optionally appearing in `source_id`, and publishes it as a
/// fact-check rated True (at the top of the public lists); returns the internal id.
pub async fn add_claim(
    db: &Db,
    speaker_id: i64,
    text: &str,
    said_on: NaiveDate,
    quantity: Option<Quantity>,
    source_id: Option<i64>,
) -> Result<i64, AppError> {
    let id = add_intake_claim(db, speaker_id, text, said_on, quantity, source_id).await?;
    rate(db, id, Status::True).await?;
    Ok(id)
}

/// Publishes a ruling rating the claim `rating` (a correction if it had another), written and
/// signed off by test accounts, through the desk's publishing steps.
pub async fn rate(db: &Db, claim: i64, rating: Status) -> Result<(), AppError> {
    let mut tx = begin_write(db).await?;
    let author = super::users::ensure_without_password(&mut tx, "test-writer", "Test writer").await?;
    let signer = super::users::ensure_without_password(&mut tx, "test-editor", "Test editor").await?;
    let state = super::desk::state(&mut tx, claim).await?.ok_or(AppError::Internal)?;
    let input = crate::model::forms::ruling::RulingInput {
        rating,
        attribution: None,
        verdict: format!("Rated {}", rating.label()),
        body: String::new(),
        evidence: Vec::new(),
        note: Some("Re-rated.".into()),
        basis: state.ruling_id,
    };
    let kind = crate::ssr::editing::rulings::ruling_kind(&mut tx, state.ruling_id, &input).await?;
    let now = Utc::now();
    let ruling = super::rulings::NewRuling {
        claim_id: claim,
        author_id: author,
        rating,
        attribution: None,
        verdict: &input.verdict,
        body: "",
        evidence: &[],
        kind,
        note: (kind != crate::model::RulingKind::Ruling).then_some("Re-rated."),
        amends: state.ruling_id,
        at: now,
    };
    let id = super::rulings::insert(&mut tx, &ruling).await?;
    super::rulings::add_review(&mut tx, id, signer, crate::model::Decision::Approve, None, now).await?;
    crate::ssr::editing::rulings::publish(&mut tx, claim, id, state.ruling_id, signer, now).await?;
    tx.commit().await?;
    Ok(())
}

/// Publishes an intake claim as being checked.
pub async fn publish_being_checked(db: &Db, claim: i64) -> Result<(), AppError> {
    let mut tx = begin_write(db).await?;
    super::desk::publish_being_checked(&mut tx, claim, Utc::now()).await?;
    tx.commit().await?;
    Ok(())
}

/// Adds a claim to intake (private), optionally appearing in `source_id`; returns the internal id.
pub async fn add_intake_claim(
    db: &Db,
    speaker_id: i64,
    text: &str,
    said_on: NaiveDate,
    quantity: Option<Quantity>,
    source_id: Option<i64>,
) -> Result<i64, AppError> {
    let claim = NewClaim {
        kind: if quantity.is_some() { ClaimKind::Numeric } else { ClaimKind::Quote },
        text,
        speaker_id,
        said_on,
        quantity: quantity.as_ref(),
        created_at: Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).single().unwrap_or_default(),
        confidence: None,
    };
    let mut tx = begin_write(db).await?;
    let id = super::claims::insert(&mut tx, &claim).await?;
    if let Some(source_id) = source_id {
        super::claims::add_appearance(&mut tx, id, source_id, None).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The date `2024-01-01` plus `days`.
pub fn day(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Duration::days(days)
}

/// A database of its own on the tests' PostgreSQL server, removed by [`PgTestDatabase::remove`].
pub struct PgTestDatabase {
    pub pool: sqlx::PgPool,
    /// The URL of this database (for a `claimtrack` process started by a test).
    pub url: String,
    name: String,
    server: String,
}

/// The tests' PostgreSQL server: `CLAIMTRACK_TEST_PG_URL`, or the cluster `make pg-start` keeps
/// running (`target/pg/url`). `None` when neither is there: PostgreSQL tests then say they were
/// skipped; `make test` always starts the cluster, so they never are there.
pub fn pg_test_server() -> Option<String> {
    if let Ok(url) = std::env::var("CLAIMTRACK_TEST_PG_URL") {
        return Some(url);
    }
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/pg/url");
    std::fs::read_to_string(file).ok().map(|url| url.trim().to_owned())
}

impl PgTestDatabase {
    /// Creates `t_<random>` on the tests' server and migrates it; `None` without a server.
    /// A server that is named but does not answer fails the test: it is not a reason to skip.
    pub async fn create() -> Option<PgTestDatabase> {
        let database = PgTestDatabase::create_on(pg_test_server()?).await;
        super::postgres::migrate(&database.pool).await.expect("the PostgreSQL migrations apply");
        Some(database)
    }

    /// A database with no schema at all (to restore a dump into), on the server of the test's
    /// other databases. Panics without a server: call it after [`PgTestDatabase::create`].
    pub async fn create_empty() -> PgTestDatabase {
        PgTestDatabase::create_on(pg_test_server().expect("the tests' PostgreSQL")).await
    }

    async fn create_on(server: String) -> PgTestDatabase {
        let mut random = [0u8; 8];
        getrandom::fill(&mut random).expect("random bytes");
        let name = format!("t_{}", random.iter().map(|b| format!("{b:02x}")).collect::<String>());
        let admin = super::postgres::connect(&server).await.expect("the tests' PostgreSQL answers");
        sqlx::query(&format!("CREATE DATABASE {name}")).execute(&admin).await.expect("a test database");
        admin.close().await;
        let url = match server.rsplit_once('/') {
            Some((base, _)) => format!("{base}/{name}"),
            None => panic!("CLAIMTRACK_TEST_PG_URL names no database: {server}"),
        };
        let pool = super::postgres::connect(&url).await.expect("the test database opens");
        PgTestDatabase { pool, url, name, server }
    }

    /// Drops the database (a test that fails before this leaves it to the throwaway cluster).
    pub async fn remove(self) {
        self.pool.close().await;
        self.drop_database().await;
    }

    /// Drops the database, ending whatever connections still use it (a test's pool that cannot
    /// be closed in order, from a `Drop`).
    pub async fn drop_database(&self) {
        if let Ok(admin) = super::postgres::connect(&self.server).await {
            let _ = sqlx::query(&format!("DROP DATABASE IF EXISTS {} WITH (FORCE)", self.name))
                .execute(&admin)
                .await;
            admin.close().await;
        }
    }
}
