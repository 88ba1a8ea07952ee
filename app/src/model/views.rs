//! What the pages show: claims, speakers and sources as read from the store.
//!
//! These are plain data, serialisable so that server functions can return them.

use super::{
    list_query::Cursor, Attribution, ClaimKind, Decision, Quantity, RulingKind, RulingState, SpeakerKind,
    Stage, Status,
};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// A speaker as linked from a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerRef {
    pub slug: String,
    pub name: String,
}

/// A source as linked from a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub public_id: String,
    pub title: String,
    pub outlet: String,
    pub published_on: Option<NaiveDate>,
}

/// One row of a claim list, or the head of a claim's page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimSummary {
    pub public_id: String,
    pub kind: ClaimKind,
    pub text: String,
    pub said_on: NaiveDate,
    pub speaker: SpeakerRef,
    /// Where the claim first appeared, if anywhere yet.
    pub first_source: Option<SourceRef>,
    pub stage: Stage,
    /// The public status; `None` while the claim is not published.
    pub status: Option<Status>,
    /// The published ruling's attribution (quotes).
    pub attribution: Option<Attribution>,
    pub verdict: Option<String>,
    pub quantity: Option<Quantity>,
    pub retracted: bool,
    /// Position in public lists, for keyset pagination; `None` while not published.
    pub cursor: Option<Cursor>,
}

impl ClaimSummary {
    /// Whether readers may see the claim.
    pub fn is_public(&self) -> bool {
        self.stage == Stage::Published
    }
}

/// Where a search stops counting, per status: past it, a count reads "1,000+". Counting every
/// match of a word found in half the archive would cost more than the page itself.
pub const COUNT_CAP: i64 = 1000;

/// How many claims have each status (statuses with none are left out).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct StatusCounts {
    pub counts: Vec<(Status, i64)>,
    /// When set, counting stopped there: a count equal to it means "at least this many".
    pub capped_at: Option<i64>,
}

impl StatusCounts {
    pub fn exact(counts: Vec<(Status, i64)>) -> Self {
        StatusCounts { counts, capped_at: None }
    }

    pub fn capped(counts: Vec<(Status, i64)>, cap: i64) -> Self {
        StatusCounts { counts, capped_at: Some(cap) }
    }

    pub fn get(&self, status: Status) -> i64 {
        self.counts.iter().find(|(s, _)| *s == status).map_or(0, |(_, n)| *n)
    }

    /// Whether `status`'s count is a lower bound (counting stopped at the cap).
    pub fn is_lower_bound(&self, status: Status) -> bool {
        self.capped_at.is_some_and(|cap| self.get(status) >= cap)
    }

    /// The sum over `statuses`, and whether it is a lower bound.
    pub fn sum(&self, statuses: &[Status]) -> (i64, bool) {
        let n = statuses.iter().map(|s| self.get(*s)).sum();
        (n, statuses.iter().any(|s| self.is_lower_bound(*s)))
    }

    /// The sum over every status, and whether it is a lower bound.
    pub fn total(&self) -> (i64, bool) {
        self.sum(Status::ALL)
    }
}

/// One page of the claim list, with what the filters need to describe themselves.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimListPage {
    pub claims: Vec<ClaimSummary>,
    /// Matches per status under every filter but the status filter.
    pub status_counts: StatusCounts,
    /// Cursor for older claims, if there are any.
    pub older: Option<Cursor>,
    /// Cursor for newer claims, if this is not the first page.
    pub newer: Option<Cursor>,
    /// The filtered speaker's name, when filtering by speaker.
    pub speaker_name: Option<String>,
    /// The filtered source's title, when filtering by source.
    pub source_title: Option<String>,
}

/// A speaker's profile.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
}

/// A source's metadata.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub public_id: String,
    pub url: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published_on: Option<NaiveDate>,
}

/// A link cited as evidence for a ruling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EvidenceLink {
    pub url: String,
    pub title: String,
    /// What the link shows, when the editor said.
    pub note: Option<String>,
}

/// A ruling on a claim: proposed, sent back, published or superseded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Ruling {
    pub id: i64,
    /// Is what they said accurate?
    pub rating: Status,
    /// Did they say it? (quotes)
    pub attribution: Option<Attribution>,
    pub verdict: String,
    /// The ruling text (Markdown).
    pub body: String,
    pub evidence: Vec<EvidenceLink>,
    pub kind: RulingKind,
    /// A correction's note for readers.
    pub note: Option<String>,
    pub state: RulingState,
    pub author: String,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// Sign-offs, oldest first. Readers are shown approvals only.
    pub reviews: Vec<Review>,
}

/// An editor's answer to a proposed ruling.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Review {
    pub reviewer: String,
    pub decision: Decision,
    pub note: Option<String>,
    pub at: DateTime<Utc>,
}

/// A retraction or its reversal.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RetractionEvent {
    pub reinstated: bool,
    pub reason: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// A place where a claim appears.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Appearance {
    pub source: Source,
    /// Who said it there, when not the claim's own speaker (a repetition by someone else).
    pub speaker: Option<SpeakerRef>,
    /// When it was said there: the day recorded with the appearance, else the source's date.
    pub said_on: Option<NaiveDate>,
    /// The words as this source has them, when they differ from the claim's.
    pub words: Option<String>,
    /// Byte range of the claim in the source's text, when known.
    pub span: Option<(i64, i64)>,
    /// When the source's text changed and the claim's words were no longer in it.
    pub lost: Option<LostWords>,
}

/// A claim's words that a newer version of its source's text no longer holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LostWords {
    /// When it was noticed: the day the text changed (RFC 3339).
    pub noticed: chrono::DateTime<chrono::Utc>,
    /// The words with their context, as the older text had them (editors only).
    pub passage: Option<String>,
    /// What the newer text has near that place (editors only).
    pub replacement: Option<String>,
}

/// Everything the permalink page shows (to readers: published rulings only).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimDetail {
    pub summary: ClaimSummary,
    pub speaker: Speaker,
    pub appearances: Vec<Appearance>,
    /// The published ruling, if any.
    pub ruling: Option<Ruling>,
    /// Published rulings, oldest first (the last is the current one).
    pub rulings: Vec<Ruling>,
    pub retractions: Vec<RetractionEvent>,
    pub retraction_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub published_at: Option<DateTime<Utc>>,
    /// The absolute URL of the claim's permalink page.
    pub permalink: String,
    /// Edits of the claim, oldest first (version 1 is its creation).
    pub revisions: Vec<Revision>,
    /// A numeric claim's figure against the record (readers see figures not withdrawn).
    pub figure_check: Option<super::record::FigureCheck>,
}

/// A speaker's page: the profile, how their claims are rated, their newest claims.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerPage {
    pub speaker: Speaker,
    pub status_counts: StatusCounts,
    pub claims: ClaimListPage,
    /// Published claims by others that this speaker said again, newest first.
    pub repeated: Vec<Repeated>,
}

/// A published claim first said by someone else, repeated by a speaker: when, and where.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Repeated {
    pub claim: ClaimSummary,
    pub said_on: Option<NaiveDate>,
    pub source: SourceRef,
}

/// A source's page: its metadata and the claims that appear in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourcePage {
    pub source: Source,
    pub claims: ClaimListPage,
    /// The source's text, when kept, and where its claims stand in it: editors only.
    pub text: Option<String>,
    pub marks: Vec<crate::model::import::Mark>,
    /// What readers see of the text: each published claim's words in their sentence.
    pub excerpts: Vec<crate::model::excerpt::Excerpt>,
    /// Every version of the text, newest first: editors only.
    pub snapshots: Vec<crate::model::snapshot::Snapshot>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_counts_sum_and_default_to_zero() {
        let counts = StatusCounts::exact(vec![(Status::True, 2), (Status::False, 3)]);
        assert_eq!(counts.get(Status::False), 3);
        assert_eq!(counts.get(Status::Misleading), 0);
        assert_eq!(counts.total(), (5, false));
    }

    #[test]
    fn capped_counts_say_which_figures_are_lower_bounds() {
        let counts = StatusCounts::capped(vec![(Status::True, 1000), (Status::False, 3)], 1000);
        assert!(counts.is_lower_bound(Status::True));
        assert!(!counts.is_lower_bound(Status::False));
        assert!(!counts.is_lower_bound(Status::Misleading));
        assert_eq!(counts.total(), (1003, true));
        assert_eq!(counts.sum(&[Status::False]), (3, false));
    }
}

/// One edit of a claim (or source, or speaker): who, when, and what changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Revision {
    pub version: i64,
    pub editor: String,
    pub at: DateTime<Utc>,
    /// `(field, before, after)`; `before` is empty for a new record.
    pub changes: Vec<(String, String, String)>,
}

/// A claim's fields as an editor edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimEdit {
    pub public_id: String,
    pub kind: ClaimKind,
    pub text: String,
    pub speaker: String,
    pub said_on: NaiveDate,
    pub quantity: Option<Quantity>,
    /// The figure's period or reference, and the baseline it names.
    pub period: Option<String>,
    pub baseline: Option<String>,
    pub version: i64,
    pub appearances: Vec<SourceRef>,
    pub retracted: bool,
    pub stage: Stage,
}

/// A source's fields as an editor edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceEdit {
    pub public_id: String,
    pub url: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published_on: Option<NaiveDate>,
    pub body: Option<String>,
    pub version: i64,
}

/// A speaker's fields as an editor edits them.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpeakerEdit {
    pub speaker: Speaker,
    pub version: i64,
}

/// A published ruling as a feed entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RulingEvent {
    /// The ruling's own id (stable, for the entry's id).
    pub id: i64,
    pub claim_public_id: String,
    pub claim_text: String,
    pub speaker_name: String,
    pub kind: RulingKind,
    pub rating: Status,
    pub attribution: Option<Attribution>,
    pub verdict: String,
    pub body: String,
    pub note: Option<String>,
    pub author: String,
    pub at: DateTime<Utc>,
}

/// An entry of the public corrections log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Correction {
    pub claim_public_id: String,
    pub claim_text: String,
    pub speaker_name: String,
    pub what: CorrectionKind,
    /// The correction's note or the retraction's reason.
    pub note: String,
    pub by: String,
    pub at: DateTime<Utc>,
}

/// What a correction changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum CorrectionKind {
    /// A published rating (or attribution) changed.
    Rating {
        before: Status,
        after: Status,
        verdict: String,
    },
    Retracted,
    Reinstated,
}
