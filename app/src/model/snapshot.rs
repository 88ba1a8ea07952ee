//! The versions of a source's text that editors keep (readers see excerpts, `model::excerpt`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// Where a version of a source's text came from.
    pub enum Origin {
        Pasted = ("pasted", "pasted"),
        Fetched = ("fetched", "fetched"),
        Edited = ("edited", "edited"),
        /// Kept before versions were (migration 0010): the first version of older sources.
        KeptBefore = ("kept_before", "kept"),
    }
}

/// One version of a source's text, as its history lists it (without the text).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub n: i64,
    pub origin: Origin,
    pub fetched_from: Option<String>,
    pub taken_by: Option<String>,
    pub taken_at: DateTime<Utc>,
    pub sha256: String,
    pub chars: i64,
}

/// What changed when a source's text was replaced: claims whose words were found again, and
/// claims whose words are no longer in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reanchored {
    pub kept: usize,
    pub lost: usize,
}
