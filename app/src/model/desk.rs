//! The desk's vocabulary: where a claim is in its life, what a ruling says of a quote's
//! attribution, and how rulings move from proposal to publication; and what the desk's pages show.

use super::{
    ClaimDetail, ClaimKind, ClaimSummary, ListQuery, QueryError, Ruling, SourceRef, SpeakerRef, Status,
};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// Where a claim is: private intake, discarded (kept), or published.
    pub enum Stage {
        Intake = ("intake", "Intake"),
        Discarded = ("discarded", "Discarded"),
        Published = ("published", "Published"),
    }
}

crate::text_enum! {
    /// Did they say it? Asked of quotes, apart from whether what they said is accurate.
    pub enum Attribution {
        Verified = ("verified", "Verified: they said it"),
        Misattributed = ("misattributed", "Misattributed: someone else said it"),
        Altered = ("altered", "Altered: the words were changed"),
        OutOfContext = ("out_of_context", "Out of context"),
        Unverified = ("unverified", "Unverified: could not be confirmed"),
    }
}

impl Attribution {
    /// A short label for badges.
    pub fn short_label(self) -> &'static str {
        match self {
            Attribution::Verified => "Said it",
            Attribution::Misattributed => "Misattributed",
            Attribution::Altered => "Altered",
            Attribution::OutOfContext => "Out of context",
            Attribution::Unverified => "Attribution unverified",
        }
    }
}

crate::text_enum! {
    /// What publishing a ruling does to the public record.
    pub enum RulingKind {
        /// The claim's first ruling.
        Ruling = ("ruling", "Ruling"),
        /// Another rating or attribution than the published ruling's: listed on /corrections.
        Correction = ("correction", "Correction"),
        /// The same rating and attribution, other words: kept in the history only.
        Clarification = ("clarification", "Clarification"),
    }
}

crate::text_enum! {
    /// Where a ruling is in the sign-off workflow.
    pub enum RulingState {
        Proposed = ("proposed", "Awaiting sign-off"),
        SentBack = ("sent_back", "Sent back"),
        /// Replaced by a newer proposal before it was published.
        Withdrawn = ("withdrawn", "Withdrawn"),
        Published = ("published", "Published"),
        /// Was published, then replaced by a correction or clarification.
        Superseded = ("superseded", "Superseded"),
    }
}

impl RulingState {
    /// Whether readers may see a ruling in this state (published now or before).
    pub fn is_public(self) -> bool {
        matches!(self, RulingState::Published | RulingState::Superseded)
    }
}

crate::text_enum! {
    /// A reviewer's answer to a proposed ruling.
    pub enum Decision {
        Approve = ("approve", "Approve"),
        SendBack = ("send_back", "Send back"),
    }
}

crate::text_enum! {
    /// The bulk actions of the desk's intake list.
    pub enum BulkAction {
        Assign = ("assign", "Assign to"),
        Publish = ("publish", "Publish as being checked"),
        Discard = ("discard", "Discard"),
    }
}

crate::text_enum! {
    /// What the desk's private log records of a claim.
    pub enum DeskAction {
        Assigned = ("assigned", "Assigned"),
        Unassigned = ("unassigned", "Unassigned"),
        Discarded = ("discarded", "Discarded"),
        Restored = ("restored", "Restored to intake"),
        PublishedBeingChecked = ("published_being_checked", "Published as being checked"),
    }
}

crate::text_enum! {
    /// A retraction, or its reversal by an admin.
    pub enum RetractionAction {
        Retracted = ("retracted", "Retracted"),
        Reinstated = ("reinstated", "Reinstated"),
    }
}

/// An account as the desk names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserRef {
    pub username: String,
    pub display_name: String,
}

/// A private research note.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Note {
    pub author: String,
    /// Markdown.
    pub body: String,
    pub at: DateTime<Utc>,
}

/// An entry of the desk's private log of a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskEvent {
    pub user: String,
    pub action: DeskAction,
    pub detail: Option<String>,
    pub at: DateTime<Utc>,
}

/// A ruling that is not published yet: awaiting sign-off or sent back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OpenRuling {
    pub id: i64,
    pub state: RulingState,
    pub author: UserRef,
    pub rating: Status,
    pub verdict: String,
    pub approvals: i64,
    /// Why it was sent back (the note), and by whom (a display name).
    pub sent_back: Option<(String, String)>,
}

/// One claim as a row of the desk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskItem {
    pub summary: ClaimSummary,
    pub assignee: Option<UserRef>,
    /// The extractor's confidence, for imported claims.
    pub confidence: Option<f64>,
    pub added_at: DateTime<Utc>,
    pub open_ruling: Option<OpenRuling>,
    /// When its current ruling was published (the "recently published" section).
    pub ruled_at: Option<DateTime<Utc>>,
}

/// A section of the desk: its first rows and how many there are in all.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskSection {
    pub items: Vec<DeskItem>,
    pub total: i64,
}

/// The filters of the desk, from its URL.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DeskFilter {
    /// A speaker's slug.
    pub speaker: Option<String>,
    /// A source's public id.
    pub source: Option<String>,
    pub kind: Option<ClaimKind>,
}

impl DeskFilter {
    /// Parses `speaker`, `source` and `kind` as the claim list does (empty means no filter).
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<DeskFilter, QueryError> {
        let pairs: Vec<(&str, &str)> =
            pairs.into_iter().filter(|(k, _)| matches!(*k, "speaker" | "source" | "kind")).collect();
        let query = ListQuery::parse(pairs)?;
        Ok(DeskFilter { speaker: query.speaker, source: query.source, kind: query.kind })
    }

    pub fn is_empty(&self) -> bool {
        self.speaker.is_none() && self.source.is_none() && self.kind.is_none()
    }

    /// The query string of these filters (starting with `?`), or "".
    pub fn to_query_string(&self) -> String {
        ListQuery {
            speaker: self.speaker.clone(),
            source: self.source.clone(),
            kind: self.kind,
            ..ListQuery::default()
        }
        .to_query_string()
    }
}

/// `/desk`: the editors' work, in sections.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskPage {
    pub assigned_to_me: DeskSection,
    pub awaiting_my_sign_off: DeskSection,
    pub sent_back_to_me: DeskSection,
    /// My proposals, waiting for others' sign-off.
    pub mine_awaiting_others: DeskSection,
    pub intake: DeskSection,
    pub recently_published: DeskSection,
    pub editors: Vec<UserRef>,
    /// Speakers and sources of claims on the desk, for the filters.
    pub speakers: Vec<SpeakerRef>,
    pub sources: Vec<SourceRef>,
    pub sign_offs: u32,
}

/// A claim's desk page: everything about it, private parts included.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimDesk {
    pub detail: ClaimDetail,
    pub assignee: Option<UserRef>,
    pub confidence: Option<f64>,
    /// Who discarded it, why and when.
    pub discarded: Option<(String, String, DateTime<Utc>)>,
    pub notes: Vec<Note>,
    /// Every ruling, oldest first, with its sign-offs.
    pub rulings: Vec<Ruling>,
    pub events: Vec<DeskEvent>,
    pub editors: Vec<UserRef>,
    pub sign_offs: u32,
}

impl ClaimDesk {
    /// The ruling awaiting sign-off or sent back, if any (there is at most one).
    pub fn open_ruling(&self) -> Option<&Ruling> {
        self.rulings.iter().rev().find(|r| matches!(r.state, RulingState::Proposed | RulingState::SentBack))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_published_and_superseded_rulings_are_public() {
        let public: Vec<_> = RulingState::ALL.iter().filter(|s| s.is_public()).collect();
        assert_eq!(public, vec![&RulingState::Published, &RulingState::Superseded]);
    }
}
