//! The demo data: claims from one real news story worked by a demo desk (see
//! `app/fixtures/demo-claims.json`), loaded into an empty database so that a first run shows a
//! working desk — published fact-checks, a correction, claims being checked, a ruling awaiting
//! sign-off, and intake, part of it imported from a real article by the extractor.

use super::db::{self, claims::NewClaim, rulings::NewRuling, WriteTx};
use super::editing::{import, rulings as ruling_flow};
use crate::model::forms::source::SourceInput;
use crate::model::import::Accepted;
use crate::model::{
    slug, ClaimKind, Decision, DeskAction, EvidenceLink, Quantity, Source, Speaker, SpeakerKind, Status,
};
use crate::model::{Attribution, Change, Qualifier};
use crate::ssr::db::Db;
use crate::AppError;
use chrono::{DateTime, Duration, NaiveDate, NaiveTime, Utc};
use serde::Deserialize;
use std::collections::HashMap;

/// The demo fixture, compiled in so that `serve --demo` needs no files beside the binary.
pub const FIXTURE: &str = include_str!("../../fixtures/demo-claims.json");

/// The articles the demo imports into intake, by file name.
const ARTICLES: &[(&str, &str)] =
    &[("demo-article-samoa-measles.txt", include_str!("../../fixtures/demo-article-samoa-measles.txt"))];

#[derive(Deserialize)]
struct Fixture {
    accounts: Vec<FixtureAccount>,
    sources: Vec<FixtureSource>,
    speakers: Vec<FixtureSpeaker>,
    claims: Vec<FixtureClaim>,
    articles: Vec<FixtureArticle>,
}

#[derive(Deserialize)]
struct FixtureAccount {
    username: String,
    display_name: String,
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
    kind: SpeakerKind,
    #[serde(default)]
    aliases: Vec<String>,
}

#[derive(Deserialize)]
struct FixtureClaim {
    kind: ClaimKind,
    speaker: String,
    said: NaiveDate,
    appears_in: Vec<String>,
    text: String,
    quantity: Option<FixtureQuantity>,
    /// The figure's period or reference.
    period: Option<String>,
    /// Figures recorded for it, as an editor types them into the record form.
    #[serde(default)]
    record: Vec<FixtureRecord>,
    #[serde(default)]
    desk: FixtureDesk,
}

#[derive(Deserialize)]
struct FixtureRecord {
    by: String,
    at: DateTime<Utc>,
    #[serde(flatten)]
    form: crate::model::forms::record::RecordForm,
}

#[derive(Deserialize)]
struct FixtureQuantity {
    value: f64,
    unit: String,
    of: Option<f64>,
    change: Option<Change>,
    qualifier: Option<Qualifier>,
}

/// A claim's desk history: when it was published as being checked, who has it, notes, rulings.
#[derive(Default, Deserialize)]
struct FixtureDesk {
    being_checked: Option<DateTime<Utc>>,
    assignee: Option<String>,
    #[serde(default)]
    notes: Vec<FixtureNote>,
    #[serde(default)]
    rulings: Vec<FixtureRuling>,
}

#[derive(Deserialize)]
struct FixtureNote {
    by: String,
    at: DateTime<Utc>,
    body: String,
}

/// A ruling: proposed `by` at `at`; published when `published` is given, signed off by
/// `signed_off_by`; otherwise still awaiting sign-off.
#[derive(Deserialize)]
struct FixtureRuling {
    by: String,
    at: DateTime<Utc>,
    signed_off_by: Option<String>,
    published: Option<DateTime<Utc>>,
    rating: Status,
    attribution: Option<Attribution>,
    verdict: String,
    body: String,
    #[serde(default)]
    evidence: Vec<EvidenceLink>,
    note: Option<String>,
}

#[derive(Deserialize)]
struct FixtureArticle {
    file: String,
    url: String,
    title: String,
    outlet: String,
    published: NaiveDate,
}

/// What loading the demo did.
#[derive(Debug, PartialEq, Eq)]
pub enum Loaded {
    /// The demo was loaded: this many claims.
    Claims(usize),
    /// The database already had claims, so nothing was loaded.
    SkippedNotEmpty,
}

/// Something that happens on the demo desk at a time: events are replayed in time order, so that
/// the public list's order is the order things were published in.
enum Event<'a> {
    BeingChecked { claim: i64 },
    Ruling { claim: i64, ruling: &'a FixtureRuling },
}

/// Loads the demo data, in one transaction, if the database has no claims yet.
pub async fn load_if_empty(db: &Db) -> Result<Loaded, AppError> {
    if !db::claims::none_yet(db).await? {
        return Ok(Loaded::SkippedNotEmpty);
    }
    let fixture: Fixture = serde_json::from_str(FIXTURE).map_err(|err| {
        tracing::error!(error = %err, "the compiled-in demo fixture does not parse");
        AppError::Internal
    })?;
    let mut tx = db::begin_write(db).await?;
    let mut accounts = HashMap::new();
    for a in &fixture.accounts {
        accounts.insert(
            a.username.clone(),
            db::users::ensure_without_password(&mut tx, &a.username, &a.display_name).await?,
        );
    }
    let account = |name: &str| accounts.get(name).copied().ok_or(AppError::Internal);
    let sources = insert_sources(&mut tx, &fixture.sources).await?;
    let speakers = insert_speakers(&mut tx, &fixture.speakers).await?;

    let mut events: Vec<(DateTime<Utc>, Event<'_>)> = Vec::new();
    for (n, c) in fixture.claims.iter().enumerate() {
        let claim = insert_claim(&mut tx, n, c, &speakers, &sources).await?;
        insert_record(&mut tx, claim, c, &account).await?;
        for note in &c.desk.notes {
            db::notes::add(&mut tx, claim, account(&note.by)?, &note.body, note.at).await?;
        }
        if let Some(name) = &c.desk.assignee {
            db::desk::set_assignee(&mut tx, claim, Some(account(name)?)).await?;
        }
        if let Some(at) = c.desk.being_checked {
            events.push((at, Event::BeingChecked { claim }));
        }
        for ruling in &c.desk.rulings {
            events.push((ruling.published.unwrap_or(ruling.at), Event::Ruling { claim, ruling }));
        }
    }
    events.sort_by_key(|(at, _)| *at);
    for (at, event) in events {
        match event {
            Event::BeingChecked { claim } => {
                db::desk::publish_being_checked(&mut tx, claim, at).await?;
                let by = account("demo-editor")?;
                db::desk::log(&mut tx, claim, by, DeskAction::PublishedBeingChecked, None, at).await?;
            }
            Event::Ruling { claim, ruling } => replay_ruling(&mut tx, claim, ruling, &account).await?,
        }
    }
    let imported = import_articles(&mut tx, &fixture.articles, account("demo-editor")?).await?;
    tx.commit().await?;
    Ok(Loaded::Claims(fixture.claims.len() + imported))
}

async fn insert_sources(
    tx: &mut WriteTx,
    sources: &[FixtureSource],
) -> Result<HashMap<String, i64>, AppError> {
    let mut ids = HashMap::new();
    for s in sources {
        let source = Source {
            public_id: String::new(),
            url: s.url.clone(),
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            author: None,
            published_on: Some(s.published),
        };
        ids.insert(s.key.clone(), db::sources::insert(tx, &source).await?);
    }
    Ok(ids)
}

async fn insert_speakers(
    tx: &mut WriteTx,
    speakers: &[FixtureSpeaker],
) -> Result<HashMap<String, i64>, AppError> {
    let mut ids = HashMap::new();
    for s in speakers {
        let speaker = Speaker {
            slug: slug::from_name(&s.name).ok_or(AppError::Internal)?,
            name: s.name.clone(),
            description: s.description.clone(),
            kind: s.kind,
            aliases: s.aliases.clone(),
        };
        ids.insert(s.key.clone(), db::speakers::insert(tx, &speaker).await?);
    }
    Ok(ids)
}

/// Adds a claim to intake with its appearances; claims are added on the day they were said, at
/// noon, a minute apart.
async fn insert_claim(
    tx: &mut WriteTx,
    n: usize,
    c: &FixtureClaim,
    speakers: &HashMap<String, i64>,
    sources: &HashMap<String, i64>,
) -> Result<i64, AppError> {
    let quantity = c.quantity.as_ref().map(|q| Quantity {
        value: q.value,
        unit: q.unit.clone(),
        of: q.of,
        change: q.change,
        qualifier: q.qualifier,
    });
    let added = at_noon(c.said) + Duration::minutes(n as i64);
    let claim = NewClaim {
        kind: c.kind,
        text: &c.text,
        speaker_id: *speakers.get(&c.speaker).ok_or(AppError::Internal)?,
        said_on: c.said,
        quantity: quantity.as_ref(),
        created_at: added,
        confidence: None,
    };
    let id = db::claims::insert(tx, &claim).await?;
    for key in &c.appears_in {
        db::claims::add_appearance(tx, id, *sources.get(key).ok_or(AppError::Internal)?, None).await?;
    }
    Ok(id)
}

/// The claim's period and recorded figures, read through the record form as an editor's would be.
async fn insert_record(
    tx: &mut WriteTx,
    claim: i64,
    c: &FixtureClaim,
    account: &impl Fn(&str) -> Result<i64, AppError>,
) -> Result<(), AppError> {
    db::recorded::set_context(tx, claim, c.period.as_deref(), None).await?;
    let claim_unit = c.quantity.as_ref().map(|q| q.unit.clone()).unwrap_or_default();
    for r in &c.record {
        let input = r.form.parse(r.at.date_naive()).map_err(|problems| {
            tracing::error!(?problems, "a demo recorded figure does not parse");
            AppError::Internal
        })?;
        let unit = input.unit.clone().unwrap_or_else(|| claim_unit.clone());
        let values = db::recorded::FigureValues::of_input(&input, &unit);
        db::recorded::insert(tx, claim, &values, account(&r.by)?, r.at).await?;
    }
    Ok(())
}

/// Proposes a ruling as its author did, and, when it was published, signs it off and publishes
/// it through the same steps as the desk.
async fn replay_ruling(
    tx: &mut WriteTx,
    claim: i64,
    r: &FixtureRuling,
    account: &impl Fn(&str) -> Result<i64, AppError>,
) -> Result<(), AppError> {
    let state = db::desk::state(tx, claim).await?.ok_or(AppError::Internal)?;
    let input = crate::model::forms::ruling::RulingInput {
        rating: r.rating,
        attribution: r.attribution,
        verdict: r.verdict.clone(),
        body: r.body.clone(),
        evidence: r.evidence.clone(),
        note: r.note.clone(),
        basis: state.ruling_id,
    };
    let kind = ruling_flow::ruling_kind(tx, state.ruling_id, &input).await?;
    let ruling = NewRuling {
        claim_id: claim,
        author_id: account(&r.by)?,
        rating: r.rating,
        attribution: r.attribution,
        verdict: &r.verdict,
        body: &r.body,
        evidence: &r.evidence,
        kind,
        note: r.note.as_deref(),
        amends: state.ruling_id,
        at: r.at,
    };
    let id = db::rulings::insert(tx, &ruling).await?;
    if let (Some(published), Some(signer)) = (r.published, &r.signed_off_by) {
        let signer = account(signer)?;
        db::rulings::add_review(tx, id, signer, Decision::Approve, None, published).await?;
        ruling_flow::publish(tx, claim, id, state.ruling_id, signer, published).await?;
    }
    Ok(())
}

/// Imports the demo's articles into intake, as `claimtrack import` would: every candidate the
/// extractor finds a speaker for.
async fn import_articles(
    tx: &mut WriteTx,
    articles: &[FixtureArticle],
    editor: i64,
) -> Result<usize, AppError> {
    let mut added = 0;
    for a in articles {
        let text =
            ARTICLES.iter().find(|(file, _)| *file == a.file).map(|(_, t)| *t).ok_or(AppError::Internal)?;
        let source = SourceInput {
            url: a.url.clone(),
            title: a.title.clone(),
            outlet: a.outlet.clone(),
            author: None,
            published_on: Some(a.published),
            body: Some(text.to_owned()),
            version: None,
        };
        let accepted: Vec<Accepted> = super::extract::extract(text)
            .map_err(|_| AppError::Internal)?
            .into_iter()
            .filter_map(|c| {
                Some(Accepted {
                    kind: c.kind.into(),
                    text: c.text,
                    speaker: c.speaker?,
                    said_on: a.published,
                    quantity: c.quantity.map(Into::into),
                    span: Some(c.span),
                    confidence: Some(c.confidence),
                    repeat_of: None,
                })
            })
            .collect();
        let at = at_noon(a.published + Duration::days(1));
        added += import::accept_in(tx, editor, &source, &accepted, false, None, at).await?.added;
    }
    Ok(added)
}

fn at_noon(date: NaiveDate) -> DateTime<Utc> {
    date.and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or_default()).and_utc()
}
