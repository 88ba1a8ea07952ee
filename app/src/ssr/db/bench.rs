//! A realistic, deterministic database for benchmarks: long-tailed speakers, sources, quotes and
//! numeric claims in natural-looking text with frequent and rare words; most published (fact-checks
//! with their rulings, some corrected, and claims being checked), the rest in the desk's intake.
//! Same seed, same database.

use super::{begin_write, timestamp, Connection, Db, Pools, WriteTx};
use crate::model::slug;
use crate::AppError;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

/// Runs one statement, written with `?` placeholders, on either backend.
macro_rules! run {
    ($tx:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $tx.connection() {
            Connection::Sqlite(conn) => {
                sqlx::query($sql)$(.bind($arg))*.execute(&mut *conn).await?;
            }
            Connection::Postgres(tx) => {
                sqlx::query(&super::numbered($sql))$(.bind($arg))*.execute(&mut **tx).await?;
            }
        }
    };
}

/// As [`run!`], for an INSERT … RETURNING id: the id.
macro_rules! returning {
    ($tx:expr, $sql:expr $(, $arg:expr)* $(,)?) => {
        match $tx.connection() {
            Connection::Sqlite(conn) => sqlx::query_scalar($sql)$(.bind($arg))*.fetch_one(&mut *conn).await?,
            Connection::Postgres(tx) => {
                sqlx::query_scalar(&super::numbered($sql))$(.bind($arg))*.fetch_one(&mut **tx).await?
            }
        }
    };
}

/// A small deterministic generator (SplitMix64): no dependency, same sequence everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

const FIRST: [&str; 24] = [
    "Maria", "Li", "Ahmed", "Olga", "James", "Fatima", "Kenji", "Sofia", "Pedro", "Amara", "Ivan", "Chen",
    "Nadia", "Tomás", "Aisha", "Lars", "Priya", "Mateo", "Yara", "Omar", "Elena", "Kwame", "Hana", "Diego",
];
const LAST: [&str; 24] = [
    "Lopez", "Wang", "Hassan", "Petrova", "Smith", "Khan", "Sato", "Rossi", "Silva", "Okafor", "Volkov",
    "Zhang", "Haddad", "Ruiz", "Bello", "Nilsen", "Patel", "Garcia", "Nasser", "Farouk", "Ionescu", "Mensah",
    "Kim", "Torres",
];
const ROLES: [&str; 8] =
    ["minister", "spokesperson", "senator", "economist", "governor", "central banker", "mayor", "analyst"];
const OUTLETS: [&str; 10] = [
    "The Daily Record",
    "Global Wire",
    "Metro Tribune",
    "The Ledger",
    "Capital Times",
    "North Star News",
    "Harbor Gazette",
    "The Observer Post",
    "Continental Report",
    "Evening Courier",
];
/// Frequent words: each appears in a large share of claims.
const COMMON: [&str; 30] = [
    "government",
    "economy",
    "percent",
    "trade",
    "budget",
    "growth",
    "prices",
    "workers",
    "security",
    "elections",
    "energy",
    "health",
    "schools",
    "taxes",
    "jobs",
    "housing",
    "border",
    "defense",
    "climate",
    "inflation",
    "exports",
    "imports",
    "spending",
    "police",
    "hospitals",
    "wages",
    "farmers",
    "markets",
    "debt",
    "deficit",
];
const VERBS: [&str; 8] = ["will", "must", "cannot", "has", "never", "always", "should", "did"];
const SYLLABLES: [&str; 16] = [
    "zor", "vath", "qui", "lem", "brak", "tish", "mon", "dral", "fex", "nup", "gor", "wyl", "sken", "ob",
    "yat", "crim",
];
const RATINGS: [&str; 6] = ["true", "mostly_true", "misleading", "false", "unverifiable", "opinion"];

/// What was generated.
#[derive(Debug)]
pub struct Generated {
    pub speakers: usize,
    pub sources: usize,
    pub claims: usize,
    pub rulings: usize,
}

/// A rare word: appears in about one claim in ten thousand. `bench-data` documents it so that
/// benchmarks can search for it.
pub const RARE_WORD: &str = "quokkabond";

/// Fills an empty, migrated database with `claims` claims generated from `seed`.
pub async fn generate(db: &Db, claims: usize, seed: u64) -> Result<Generated, AppError> {
    let mut rng = Rng(seed);
    let mut tx = begin_write(db).await?;
    let desk = super::users::ensure_without_password(&mut tx, "bench-desk", "Benchmark desk").await?;

    let speakers = (claims / 50).clamp(20, 50_000);
    for i in 0..speakers {
        tx = in_batches(db, tx, i).await?;
        let name = format!("{} {}", rng.pick(&FIRST), rng.pick(&LAST));
        let slug = format!("{}-{i}", slug::from_name(&name).unwrap_or_else(|| "speaker".into()));
        let description = format!("{} ({})", rng.pick(&ROLES), rng.pick(&OUTLETS));
        let kind = if i % 7 == 0 { "organization" } else { "person" };
        run!(
            tx,
            "INSERT INTO speakers (id, slug, name, description, kind) VALUES (?, ?, ?, ?, ?)",
            i as i64 + 1,
            &slug,
            &name,
            &description,
            kind
        );
        if i % 3 == 0 {
            let alias = name.split(' ').next_back().unwrap_or(&name).to_owned();
            run!(tx, "INSERT INTO speaker_aliases (speaker_id, alias) VALUES (?, ?)", i as i64 + 1, alias);
        }
    }

    let sources = (claims / 5).clamp(10, 500_000);
    let start = NaiveDate::from_ymd_opt(2015, 1, 1).unwrap_or_default();
    let span_days = 3650i64;
    for i in 0..sources {
        tx = in_batches(db, tx, i).await?;
        let day = start + Duration::days(i as i64 * span_days / sources as i64);
        let title = format!(
            "{} {} {} as {} debate {}",
            capitalised(rng.pick(&COMMON)),
            rng.pick(&VERBS),
            rng.pick(&COMMON),
            rng.pick(&COMMON),
            rng.pick(&COMMON)
        );
        run!(
            tx,
            "INSERT INTO sources (id, url, title, outlet, published_on) VALUES (?, ?, ?, ?, ?)",
            i as i64 + 1,
            format!("https://news.example/{i}"),
            &title,
            rng.pick(&OUTLETS),
            day.to_string()
        );
    }

    let signer = super::users::ensure_without_password(&mut tx, "bench-signer", "Benchmark sign-off").await?;
    let (mut rulings, mut list_seq) = (0, 0i64);
    for i in 0..claims {
        tx = in_batches(db, tx, i).await?;
        let id = i as i64 + 1;
        // Long tail: a few speakers say much, most say little.
        let speaker = ((rng.unit().powi(3)) * speakers as f64) as i64 + 1;
        let day = start + Duration::days(i as i64 * span_days / claims as i64);
        let (text, quantity) = claim_words(&mut rng, i);
        let created = timestamp(Utc.from_utc_datetime(&day.and_hms_opt(12, 0, 0).unwrap_or_default()));
        // About 70% fact-checks, 12% being checked, the rest in intake; the rare word is always in
        // a fact-check, so that the benchmark's rare search finds it.
        let fate = if i % 10_000 == 7 { 0 } else { rng.below(100) };
        let status = match fate {
            0..=69 => Some(RATINGS[rng.below(RATINGS.len() as u64) as usize]),
            70..=81 => Some("being_checked"),
            _ => None,
        };
        let seq = status.map(|_| {
            list_seq += 1;
            list_seq
        });
        let (value, unit, of, change) = quantity.unwrap_or_default();
        run!(tx, "INSERT INTO claims (id, kind, text, speaker_id, said_on, quantity_value, quantity_unit, quantity_of,
                                 quantity_change, created_at, updated_at, stage, status, list_seq, published_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", id, if quantity.is_some() { "numeric" } else { "quote" }, &text, speaker, day.to_string(), value, unit, of, change, &created, &created, if status.is_some() { "published" } else { "intake" }, status, seq, status.map(|_| created.clone()));
        let source = (i * sources / claims) as i64 + 1;
        run!(tx, "INSERT INTO appearances (claim_id, source_id) VALUES (?, ?)", id, source);
        if let Some(rating) = status.filter(|s| *s != "being_checked") {
            rulings += add_rulings(&mut tx, &mut rng, id, rating, (desk, signer), day).await?;
        }
    }
    if let Connection::Postgres(tx) = tx.connection() {
        // The rows above chose their ids; new ones continue after them.
        for table in ["speakers", "sources", "claims"] {
            sqlx::query(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
            ))
            .execute(&mut **tx)
            .await?;
        }
    }
    tx.commit().await?;
    match db.pools() {
        Pools::Sqlite(pool) => sqlx::query("PRAGMA optimize").execute(pool).await?.rows_affected(),
        Pools::Postgres(pool) => sqlx::query("ANALYZE").execute(pool).await?.rows_affected(),
    };
    Ok(Generated { speakers, sources, claims, rulings })
}

/// Rows written per transaction. Every row bumps the one `content_version` row (and claims their
/// count rows); PostgreSQL keeps each bump as a new version of that row until the transaction
/// ends, and finding the newest grows with them: a million rows in one transaction took hours.
const BATCH: usize = 2_000;

/// Commits and begins anew every [`BATCH`] rows (`i` counts them).
async fn in_batches(db: &Db, tx: WriteTx, i: usize) -> Result<WriteTx, AppError> {
    if i == 0 || !i.is_multiple_of(BATCH) {
        return Ok(tx);
    }
    tx.commit().await?;
    begin_write(db).await
}

/// A numeric claim's (value, unit, of, change).
type Figure = (Option<f64>, Option<&'static str>, Option<f64>, Option<&'static str>);

/// The words of claim `i`, and its figure when it is numeric (three in ten).
fn claim_words(rng: &mut Rng, i: usize) -> (String, Option<Figure>) {
    let numeric = rng.below(10) < 3;
    let mut words: Vec<String> = (0..6 + rng.below(10)).map(|_| rng.pick(&COMMON).to_owned()).collect();
    words.insert(1, rng.pick(&VERBS).to_owned());
    words.push(pseudo_word(rng));
    if i % 10_000 == 7 {
        words.push(RARE_WORD.to_owned());
    }
    if !numeric {
        return (capitalised(&words.join(" ")), None);
    }
    let value = (rng.below(1000) + 1) as f64;
    let (unit, of, change) = match rng.below(3) {
        0 => ("percent", None, Some(if rng.below(2) == 0 { "increase" } else { "decrease" })),
        1 => ("people", Some(value + rng.below(1000) as f64 + 1.0), None),
        _ => ("USD", None, None),
    };
    let text = format!("{} {} {} {}", capitalised(&words.join(" ")), value, unit, rng.pick(&COMMON));
    (text, Some((Some(value), Some(unit), of, change)))
}

/// A fact-check's rulings: the published one, and for one in five an earlier one it corrected.
/// Returns how many were added.
async fn add_rulings(
    tx: &mut super::WriteTx,
    rng: &mut Rng,
    claim: i64,
    rating: &str,
    (author, signer): (i64, i64),
    day: NaiveDate,
) -> Result<usize, AppError> {
    let corrected = rng.below(5) == 0;
    let mut previous: Option<i64> = None;
    let steps: &[&str] = if corrected { &["unverifiable", rating] } else { &[rating] };
    for (step, rating) in steps.iter().enumerate() {
        let at =
            timestamp(Utc.from_utc_datetime(&day.and_hms_opt(13 + step as u32, 0, 0).unwrap_or_default()));
        let kind = match (previous, step) {
            (None, _) => "ruling",
            (Some(_), _) if *rating == "unverifiable" => "clarification",
            _ => "correction",
        };
        let last = step + 1 == steps.len();
        let id: i64 = returning!(tx, "INSERT INTO rulings (claim_id, author_id, rating, verdict, body, kind, note, amends, state, created_at, published_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id", claim, author, *rating, format!("Checked against the {} figures.", rng.pick(&COMMON)), "Compared with the published data.", kind, (kind == "correction").then_some("Newer figures changed the rating."), previous, if last { "published" } else { "superseded" }, &at, &at);
        run!(tx, "INSERT INTO ruling_reviews (ruling_id, reviewer_id, decision, created_at) VALUES (?, ?, 'approve', ?)", id, signer, &at);
        if last {
            run!(tx, "UPDATE claims SET ruling_id = ?, verdict = (SELECT verdict FROM rulings WHERE id = ?), ruled_at = ? WHERE id = ?", id, id, &at, claim);
        }
        previous = Some(id);
    }
    Ok(steps.len())
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| c.to_uppercase().collect::<String>() + chars.as_str()).unwrap_or_default()
}

/// A made-up word of two to four syllables: rare words for search.
fn pseudo_word(rng: &mut Rng) -> String {
    (0..2 + rng.below(3)).map(|_| rng.pick(&SYLLABLES)).collect()
}
