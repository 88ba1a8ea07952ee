//! Verification statuses and the rules that go with them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// Where a claim stands. `Unverified` until an editor says otherwise; the four verdicts
/// (`True` … `False`) are the ones that carry a rating.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Unverified,
    InReview,
    True,
    MostlyTrue,
    Misleading,
    False,
    Unverifiable,
}

impl Status {
    /// Every status, in the order they are shown in filters and charts.
    pub const ALL: [Status; 7] = [
        Status::Unverified,
        Status::InReview,
        Status::True,
        Status::MostlyTrue,
        Status::Misleading,
        Status::False,
        Status::Unverifiable,
    ];

    /// The value stored in the database and used in URLs (`?status=mostly_true`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unverified => "unverified",
            Status::InReview => "in_review",
            Status::True => "true",
            Status::MostlyTrue => "mostly_true",
            Status::Misleading => "misleading",
            Status::False => "false",
            Status::Unverifiable => "unverifiable",
        }
    }

    /// Parses the URL/database form; `None` for anything else.
    pub fn parse(value: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.as_str() == value)
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Status::Unverified => "Unverified",
            Status::InReview => "In review",
            Status::True => "True",
            Status::MostlyTrue => "Mostly true",
            Status::Misleading => "Misleading",
            Status::False => "False",
            Status::Unverifiable => "Unverifiable",
        }
    }

    /// The schema.org ClaimReview rating (5 best, 1 worst) of a verdict; `None` for statuses that
    /// are not verdicts. Published on the methodology page, so changing it is a public correction.
    pub fn rating(self) -> Option<u8> {
        match self {
            Status::True => Some(5),
            Status::MostlyTrue => Some(4),
            Status::Misleading => Some(2),
            Status::False => Some(1),
            _ => None,
        }
    }

    /// A comma-separated list of accepted values, for error messages.
    pub fn accepted_values() -> String {
        Status::ALL.map(Status::as_str).join(", ")
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_round_trips_through_its_url_form() {
        for status in Status::ALL {
            assert_eq!(Status::parse(status.as_str()), Some(status));
        }
        assert_eq!(Status::parse("bogus"), None);
        assert_eq!(Status::parse("True"), None, "URL values are lowercase");
    }

    #[test]
    fn only_the_four_verdicts_carry_a_rating() {
        let rated: Vec<_> = Status::ALL.into_iter().filter_map(Status::rating).collect();
        assert_eq!(rated, vec![5, 4, 2, 1]);
        assert_eq!(Status::InReview.rating(), None);
    }

    #[test]
    fn serde_uses_the_url_form() {
        assert_eq!(serde_json::to_string(&Status::MostlyTrue).unwrap(), "\"mostly_true\"");
    }
}
