//! The demo data: claims from one real news story (see `app/fixtures/demo-claims.json`), loaded
//! into an empty database so that a first run has something to browse.

use super::db::{self, claims::NewClaim, history::NewVerification};
use crate::model::{slug, ClaimKind, EvidenceLink, Quantity, Source, Speaker, SpeakerKind, Status};
use crate::model::{Change, Qualifier};
use crate::AppError;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use sqlx::SqlitePool;
use std::collections::HashMap;

/// The demo fixture, compiled in so that `serve --demo` needs no files beside the binary.
pub const FIXTURE: &str = include_str!("../../fixtures/demo-claims.json");

/// The account that signs the demo's verifications. It has no password, so nobody can sign in as it.
const DEMO_DESK: (&str, &str) = ("demo-desk", "Demo fact-check desk");

#[derive(Deserialize)]
struct Fixture {
    sources: Vec<FixtureSource>,
    speakers: Vec<FixtureSpeaker>,
    claims: Vec<FixtureClaim>,
}

#[derive(Deserialize)]
struct FixtureSource {
    key: String,
    url: String,
    title: String,
    outlet: String,
    published: NaiveDate,
}

#[derive(Deserialize)]
struct FixtureSpeaker {
    key: String,
    name: String,
    description: String,
    kind: String,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct FixtureClaim {
    kind: String,
    speaker: String,
    said: NaiveDate,
    appears_in: Vec<String>,
    text: String,
    quantity: Option<FixtureQuantity>,
    #[serde(default)]
    verifications: Vec<FixtureVerification>,
}

#[derive(Deserialize)]
struct FixtureQuantity {
    value: f64,
    unit: String,
    of: Option<f64>,
    change: Option<String>,
    qualifier: Option<String>,
}

#[derive(Deserialize)]
struct FixtureVerification {
    status: String,
    verdict: String,
    #[serde(default)]
    rationale: String,
    #[serde(default)]
    evidence: Vec<EvidenceLink>,
}

/// What loading the demo did.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// The demo was loaded: this many claims.
    Claims(usize),
    /// The database already had claims, so nothing was loaded.
    SkippedNotEmpty,
}

/// Loads the demo data, in one transaction, if the database has no claims yet.
pub async fn load_if_empty(pool: &SqlitePool) -> Result<Loaded, AppError> {
    if !db::claims::none_yet(pool).await? {
        return Ok(Loaded::SkippedNotEmpty);
    }
    let fixture: Fixture = serde_json::from_str(FIXTURE).map_err(|err| {
        tracing::error!(error = %err, "the compiled-in demo fixture does not parse");
        AppError::Internal
    })?;
    let mut tx = db::begin_write(pool).await?;
    let desk = db::users::ensure_without_password(&mut tx, DEMO_DESK.0, DEMO_DESK.1).await?;

    let mut sources = HashMap::new();
    for s in &fixture.sources {
        let source = Source {
            public_id: String::new(),
            url: s.url.clone(),
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            author: None,
            published_on: Some(s.published),
        };
        sources.insert(s.key.as_str(), db::sources::insert(&mut tx, &source).await?);
    }

    let mut speakers = HashMap::new();
    for s in &fixture.speakers {
        let speaker = Speaker {
            slug: slug::from_name(&s.name).ok_or(AppError::Internal)?,
            name: s.name.clone(),
            description: s.description.clone(),
            kind: SpeakerKind::parse(&s.kind).ok_or(AppError::Internal)?,
            aliases: s.aliases.clone(),
        };
        speakers.insert(s.key.as_str(), db::speakers::insert(&mut tx, &speaker).await?);
    }

    for (n, c) in fixture.claims.iter().enumerate() {
        let quantity = c.quantity.as_ref().map(|q| Quantity {
            value: q.value,
            unit: q.unit.clone(),
            of: q.of,
            change: q.change.as_deref().and_then(Change::parse),
            qualifier: q.qualifier.as_deref().and_then(Qualifier::parse),
        });
        // Deterministic times: each claim added on the day it was said, a minute apart, and its
        // verifications an hour apart after that.
        let added = at_noon(c.said) + Duration::minutes(n as i64);
        let claim = NewClaim {
            kind: ClaimKind::parse(&c.kind).ok_or(AppError::Internal)?,
            text: &c.text,
            speaker_id: *speakers.get(c.speaker.as_str()).ok_or(AppError::Internal)?,
            said_on: c.said,
            quantity: quantity.as_ref(),
            created_at: added,
        };
        let claim_id = db::claims::insert(&mut tx, &claim).await?;
        for key in &c.appears_in {
            let source_id = *sources.get(key.as_str()).ok_or(AppError::Internal)?;
            db::claims::add_appearance(&mut tx, claim_id, source_id, None).await?;
        }
        for (hour, v) in c.verifications.iter().enumerate() {
            let verification = NewVerification {
                claim_id,
                status: Status::parse(&v.status).ok_or(AppError::Internal)?,
                verdict: &v.verdict,
                rationale: &v.rationale,
                evidence: &v.evidence,
                editor_id: desk,
                at: added + Duration::hours(hour as i64 + 1),
            };
            db::history::append(&mut tx, &verification).await?;
        }
    }
    tx.commit().await?;
    Ok(Loaded::Claims(fixture.claims.len()))
}

fn at_noon(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()).and_utc()
}
