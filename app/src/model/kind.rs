//! The two kinds of claim and of speaker.

use serde::{Deserialize, Serialize};

/// A claim is either a verbatim quote or a statement of a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ClaimKind {
    Quote,
    Numeric,
}

impl ClaimKind {
    pub const ALL: [ClaimKind; 2] = [ClaimKind::Quote, ClaimKind::Numeric];

    /// The value stored in the database and used in URLs (`?kind=numeric`).
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::Quote => "quote",
            ClaimKind::Numeric => "numeric",
        }
    }

    pub fn parse(value: &str) -> Option<ClaimKind> {
        ClaimKind::ALL.into_iter().find(|k| k.as_str() == value)
    }

    /// The label a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            ClaimKind::Quote => "Quote",
            ClaimKind::Numeric => "Numeric",
        }
    }
}

/// Who a speaker is: schema.org distinguishes a `Person` from an `Organization`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerKind {
    Person,
    Organization,
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organization => "organization",
        }
    }

    pub fn parse(value: &str) -> Option<SpeakerKind> {
        match value {
            "person" => Some(SpeakerKind::Person),
            "organization" => Some(SpeakerKind::Organization),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_url_form() {
        for kind in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ClaimKind::parse("opinion"), None);
        assert_eq!(SpeakerKind::parse("organization"), Some(SpeakerKind::Organization));
        assert_eq!(SpeakerKind::parse("org"), None);
    }
}
