//! The JSON API's documents. Field names are stable and the same as the exports' columns; the
//! OpenAPI document is generated from these types.

use super::names::*;
use app::model::{self, ClaimDetail, ClaimSummary};
use serde::Serialize;
use std::collections::BTreeMap;
use utoipa::ToSchema;

/// A claim as listed.
#[derive(Serialize, ToSchema)]
pub struct Claim {
    /// The claim's permanent public id.
    pub id: String,
    /// Its permalink page.
    pub url: String,
    /// `quote` or `numeric`.
    #[schema(value_type = ClaimKindName)]
    pub kind: String,
    /// The words, exactly as said or reported.
    pub text: String,
    pub speaker: SpeakerRef,
    /// The date it was said (YYYY-MM-DD).
    pub said_on: String,
    /// `being_checked` (published, no ruling yet), or the published ruling's rating: `true`,
    /// `mostly_true`, `misleading`, `false`, `unverifiable`, `opinion` (not rated).
    #[schema(value_type = StatusName)]
    pub status: String,
    /// Did they say it? The published ruling's answer for a quote: `verified`, `misattributed`,
    /// `altered`, `out_of_context` or `unverified`.
    #[schema(value_type = Option<AttributionName>)]
    pub attribution: Option<String>,
    /// The published ruling's one-line verdict, if any.
    pub verdict: Option<String>,
    /// The figure of a numeric claim.
    pub quantity: Option<Quantity>,
    /// Where the claim first appeared.
    pub first_source: Option<SourceRef>,
    pub retracted: bool,
}

#[derive(Serialize, ToSchema)]
pub struct SpeakerRef {
    pub slug: String,
    pub name: String,
    pub url: String,
}

#[derive(Serialize, ToSchema)]
pub struct SourceRef {
    pub id: String,
    pub title: String,
    pub outlet: String,
    pub published_on: Option<String>,
    pub url: String,
}

/// The figure of a numeric claim: value, unit, optional whole, change and qualifier.
#[derive(Serialize, ToSchema)]
pub struct Quantity {
    pub value: f64,
    /// `percent`, an ISO 4217 currency code, or the counted noun.
    pub unit: String,
    /// The whole, for "54 of 69".
    pub of: Option<f64>,
    /// `increase` or `decrease`.
    pub change: Option<String>,
    /// `about`, `over`, `under`, `at_least`, `at_most` or `nearly`.
    pub qualifier: Option<String>,
    /// As a reader sees it: "54 of 69 (78.3%)", "+25%".
    pub display: String,
}

/// One page of claims.
#[derive(Serialize, ToSchema)]
pub struct ClaimList {
    pub claims: Vec<Claim>,
    /// Claims matching each status under the other filters.
    pub status_counts: BTreeMap<String, i64>,
    /// Set on searches, whose counts stop at this number: a count equal to it means "at least".
    pub status_counts_capped_at: Option<i64>,
    /// The next (older) page, if any.
    pub next: Option<String>,
    /// The previous (newer) page, if any.
    pub previous: Option<String>,
}

/// A claim with its speaker, appearances, published ruling and its history.
#[derive(Serialize, ToSchema)]
pub struct ClaimFull {
    #[serde(flatten)]
    pub claim: Claim,
    pub speaker_description: String,
    /// Where it appeared, oldest first: the first is where the claim was found; the others are
    /// repetitions, by the claim's speaker or someone else.
    pub appearances: Vec<Appearance>,
    /// The published ruling, if any.
    pub ruling: Option<Ruling>,
    /// Every published ruling, oldest first: the first ruling, then corrections and
    /// clarifications; the last is the current one.
    pub rulings: Vec<Ruling>,
    /// Retractions and their reversals, oldest first.
    pub retractions: Vec<Retraction>,
    pub retraction_reason: Option<String>,
    /// A numeric claim's period or reference ("2022 compared with 2021").
    pub period: Option<String>,
    /// The baseline a change names, as the claim names it.
    pub baseline: Option<String>,
    /// Figures recorded for a numeric claim, oldest first (withdrawn ones are left out).
    pub recorded: Vec<RecordedFigure>,
    /// The claimed figure against the recorded one the ruling compares with, if one is marked.
    pub comparison: Option<FigureComparison>,
}

/// A figure from the record, from a source.
#[derive(Serialize, ToSchema)]
pub struct RecordedFigure {
    /// Its number among the claim's recorded figures.
    pub id: i64,
    /// `level` ("$190.27 billion"), `change` ("+29.3%") or `share` ("54 of 69").
    pub shape: String,
    /// Signed: a decrease is negative. The part, for a share.
    pub value: f64,
    /// The whole, for a share.
    pub of: Option<f64>,
    /// `percent`, `pp` (percentage points), an ISO 4217 currency code, or the counted noun.
    pub unit: String,
    pub period: Option<String>,
    /// As a reader sees it: "+29.3%".
    pub display: String,
    pub source_url: String,
    pub source_title: String,
    pub publisher: String,
    /// YYYY-MM-DD.
    pub published_on: Option<String>,
    /// When the source was read (YYYY-MM-DD), when it has no publication date.
    pub accessed_on: Option<String>,
    pub note: Option<String>,
    /// Whether the ruling compares the claim against this figure.
    pub compared: bool,
}

/// The claimed figure against the compared recorded one.
#[derive(Serialize, ToSchema)]
pub struct FigureComparison {
    /// `compared`, or `refused` when the figures cannot be compared (other unit, period or shape).
    pub outcome: String,
    /// Why they were not compared (`refused`).
    pub reason: Option<String>,
    /// The recorded figure's `id`.
    pub recorded_id: Option<i64>,
    /// `overstated`, `understated`, `matches` or `opposite` (a change claimed one way, recorded the other).
    pub direction: Option<String>,
    /// "understated by 4.3 percentage points".
    pub summary: Option<String>,
    /// "Claimed +25% · Recorded +29.3% (…) · understated by 4.3 percentage points".
    pub sentence: Option<String>,
    /// Claimed minus recorded: in the unit for a level, in percentage points for a change or share.
    pub difference: Option<f64>,
    /// The difference relative to the recorded value, in percent (levels; absent when it is 0).
    pub relative_difference_percent: Option<f64>,
    /// Differences within this (half a unit of the claim's last digit) count as a match.
    pub tolerance: Option<f64>,
}

/// A published ruling.
#[derive(Serialize, ToSchema)]
pub struct Ruling {
    /// `ruling` (the first), `correction` (changed the rating or attribution) or
    /// `clarification` (same rating, other words).
    #[schema(value_type = RulingKindName)]
    pub kind: String,
    /// Is what they said accurate? `true`, `mostly_true`, `misleading`, `false`, `unverifiable`
    /// or `opinion` (not rated).
    #[schema(value_type = RatingName)]
    pub rating: String,
    /// Did they say it? (quotes)
    #[schema(value_type = Option<AttributionName>)]
    pub attribution: Option<String>,
    pub verdict: String,
    /// The ruling text, Markdown (paragraphs, emphasis, links, lists).
    pub text: String,
    pub evidence: Vec<Evidence>,
    /// A correction's note.
    pub note: Option<String>,
    pub author: String,
    /// The editors who signed it off.
    pub signed_off_by: Vec<String>,
    /// RFC 3339.
    pub published_at: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Evidence {
    pub url: String,
    pub title: String,
    pub note: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct Retraction {
    /// `retracted` or `reinstated`.
    pub action: String,
    pub reason: String,
    /// RFC 3339.
    pub at: String,
}

#[derive(Serialize, ToSchema)]
pub struct Source {
    pub id: String,
    /// The source document's own address.
    pub source_url: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published_on: Option<String>,
    /// Its page here.
    pub url: String,
}

/// A source a claim appeared in, and who said it there, when and in which words.
#[derive(Serialize, ToSchema)]
pub struct Appearance {
    #[serde(flatten)]
    pub source: Source,
    /// Who said it there, when not the claim's own speaker (a repetition by someone else).
    pub speaker: Option<SpeakerRef>,
    /// When it was said there (YYYY-MM-DD): the day recorded with the appearance, else the
    /// source's date.
    pub said_on: Option<String>,
    /// The words as this source has them, when they differ from the claim's.
    pub words: Option<String>,
}

#[derive(Serialize, ToSchema)]
pub struct SourceFull {
    #[serde(flatten)]
    pub source: Source,
    /// The newest claims appearing in it.
    pub claims: ClaimList,
}

#[derive(Serialize, ToSchema)]
pub struct Speaker {
    pub slug: String,
    pub name: String,
    pub description: String,
    /// `person` or `organization`.
    #[schema(value_type = SpeakerKindName)]
    pub kind: String,
    pub aliases: Vec<String>,
    pub url: String,
}

#[derive(Serialize, ToSchema)]
pub struct SpeakerList {
    pub speakers: Vec<Speaker>,
}

#[derive(Serialize, ToSchema)]
pub struct SpeakerFull {
    #[serde(flatten)]
    pub speaker: Speaker,
    pub status_counts: BTreeMap<String, i64>,
    /// The newest claims by the speaker.
    pub claims: ClaimList,
    /// Published claims by others that the speaker said again, newest first (at most 50).
    pub repeated: Vec<RepeatedClaim>,
}

/// A published claim by someone else that a speaker repeated: when, where, and the claim.
#[derive(Serialize, ToSchema)]
pub struct RepeatedClaim {
    /// When they said it (YYYY-MM-DD): the day recorded with the repetition, else the source's date.
    pub said_on: Option<String>,
    pub source: SourceRef,
    pub claim: Claim,
}

impl RepeatedClaim {
    pub fn from_model(r: &model::Repeated, site: &str) -> RepeatedClaim {
        RepeatedClaim {
            said_on: r.said_on.map(|d| d.to_string()),
            source: SourceRef::from_model(&r.source, site),
            claim: Claim::from_summary(&r.claim, site),
        }
    }
}

/// An error (RFC 9457 problem details), served as `application/problem+json`.
#[derive(Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    /// What was wrong and what is accepted.
    pub detail: String,
    /// The parameter at fault, if one.
    pub param: Option<String>,
}

impl Claim {
    pub fn from_summary(s: &ClaimSummary, site: &str) -> Claim {
        Claim {
            id: s.public_id.clone(),
            url: format!("{site}/claims/{}", s.public_id),
            kind: s.kind.as_str().to_owned(),
            text: s.text.clone(),
            speaker: SpeakerRef::from_model(&s.speaker, site),
            said_on: s.said_on.to_string(),
            status: s.status.unwrap_or(model::Status::BeingChecked).as_str().to_owned(),
            attribution: s.attribution.map(|a| a.as_str().to_owned()),
            verdict: s.verdict.clone(),
            quantity: s.quantity.as_ref().map(|q| Quantity {
                value: q.value,
                unit: q.unit.clone(),
                of: q.of,
                change: q.change.map(|c| c.as_str().to_owned()),
                qualifier: q.qualifier.map(|c| c.as_str().to_owned()),
                display: q.headline(),
            }),
            first_source: s.first_source.as_ref().map(|f| SourceRef::from_model(f, site)),
            retracted: s.retracted,
        }
    }
}

impl ClaimFull {
    pub fn from_detail(d: &ClaimDetail, site: &str) -> ClaimFull {
        ClaimFull {
            claim: Claim::from_summary(&d.summary, site),
            speaker_description: d.speaker.description.clone(),
            appearances: d.appearances.iter().map(|a| Appearance::from_model(a, site)).collect(),
            ruling: d.ruling.as_ref().map(Ruling::from_model),
            rulings: d.rulings.iter().map(Ruling::from_model).collect(),
            retractions: d
                .retractions
                .iter()
                .map(|r| Retraction {
                    action: if r.reinstated { "reinstated" } else { "retracted" }.to_owned(),
                    reason: r.reason.clone(),
                    at: rfc3339(r.at),
                })
                .collect(),
            retraction_reason: d.retraction_reason.clone(),
            period: d.figure_check.as_ref().and_then(|c| c.period.clone()),
            baseline: d.figure_check.as_ref().and_then(|c| c.baseline.clone()),
            recorded: d
                .figure_check
                .iter()
                .flat_map(|c| c.public_figures())
                .map(RecordedFigure::from_model)
                .collect(),
            comparison: d.figure_check.as_ref().and_then(FigureComparison::from_model),
        }
    }
}

impl RecordedFigure {
    fn from_model(f: &model::record::RecordedFigure) -> RecordedFigure {
        RecordedFigure {
            id: f.id,
            shape: f.shape.as_str().to_owned(),
            value: f.value,
            of: f.of,
            unit: f.unit.clone(),
            period: f.period.clone(),
            display: f.headline(),
            source_url: f.source_url.clone(),
            source_title: f.source_title.clone(),
            publisher: f.publisher.clone(),
            published_on: f.published_on.map(|d| d.to_string()),
            accessed_on: f.accessed_on.map(|d| d.to_string()),
            note: f.note.clone(),
            compared: f.compared,
        }
    }
}

impl FigureComparison {
    fn from_model(check: &model::record::FigureCheck) -> Option<FigureComparison> {
        use model::comparison::Difference;
        let refused = |reason: &String| FigureComparison {
            outcome: "refused".into(),
            reason: Some(reason.clone()),
            recorded_id: check.recorded.iter().find(|f| f.compared).map(|f| f.id),
            direction: None,
            summary: None,
            sentence: None,
            difference: None,
            relative_difference_percent: None,
            tolerance: None,
        };
        Some(match check.outcome.as_ref()? {
            model::record::Outcome::Refused(reason) => refused(reason),
            model::record::Outcome::Compared(c) => FigureComparison {
                outcome: "compared".into(),
                reason: None,
                recorded_id: Some(c.recorded_id),
                direction: Some(c.direction.as_str().to_owned()),
                summary: Some(c.summary.clone()),
                sentence: check.sentence(),
                difference: Some(match c.difference {
                    Difference::Level { absolute, .. } => absolute,
                    Difference::Points { points } => points,
                    Difference::Share { points, .. } => points,
                }),
                relative_difference_percent: match c.difference {
                    Difference::Level { relative_percent, .. } => relative_percent,
                    _ => None,
                },
                tolerance: Some(c.tolerance),
            },
        })
    }
}

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

impl Ruling {
    pub fn from_model(r: &model::Ruling) -> Ruling {
        Ruling {
            kind: r.kind.as_str().to_owned(),
            rating: r.rating.as_str().to_owned(),
            attribution: r.attribution.map(|a| a.as_str().to_owned()),
            verdict: r.verdict.clone(),
            text: r.body.clone(),
            evidence: r
                .evidence
                .iter()
                .map(|e| Evidence { url: e.url.clone(), title: e.title.clone(), note: e.note.clone() })
                .collect(),
            note: r.note.clone(),
            author: r.author.clone(),
            signed_off_by: r
                .reviews
                .iter()
                .filter(|v| v.decision == model::Decision::Approve)
                .map(|v| v.reviewer.clone())
                .collect(),
            published_at: r.published_at.map(rfc3339),
        }
    }
}

impl Source {
    pub fn from_model(s: &model::Source, site: &str) -> Source {
        Source {
            id: s.public_id.clone(),
            source_url: s.url.clone(),
            title: s.title.clone(),
            outlet: s.outlet.clone(),
            author: s.author.clone(),
            published_on: s.published_on.map(|d| d.to_string()),
            url: format!("{site}/sources/{}", s.public_id),
        }
    }
}

impl SourceRef {
    pub fn from_model(f: &model::SourceRef, site: &str) -> SourceRef {
        SourceRef {
            id: f.public_id.clone(),
            title: f.title.clone(),
            outlet: f.outlet.clone(),
            published_on: f.published_on.map(|d| d.to_string()),
            url: format!("{site}/sources/{}", f.public_id),
        }
    }
}

impl SpeakerRef {
    pub fn from_model(s: &model::SpeakerRef, site: &str) -> SpeakerRef {
        SpeakerRef { slug: s.slug.clone(), name: s.name.clone(), url: format!("{site}/speakers/{}", s.slug) }
    }
}

impl Appearance {
    pub fn from_model(a: &model::Appearance, site: &str) -> Appearance {
        Appearance {
            source: Source::from_model(&a.source, site),
            speaker: a.speaker.as_ref().map(|s| SpeakerRef::from_model(s, site)),
            said_on: a.said_on.map(|d| d.to_string()),
            words: a.words.clone(),
        }
    }
}

impl Speaker {
    pub fn from_model(s: &model::Speaker, site: &str) -> Speaker {
        Speaker {
            slug: s.slug.clone(),
            name: s.name.clone(),
            description: s.description.clone(),
            kind: s.kind.as_str().to_owned(),
            aliases: s.aliases.clone(),
            url: format!("{site}/speakers/{}", s.slug),
        }
    }
}

pub fn counts(c: &model::StatusCounts) -> BTreeMap<String, i64> {
    c.counts.iter().map(|(s, n)| (s.as_str().to_owned(), *n)).collect()
}
