//! The extractor (the `claimtrack-extract` crate) as the application uses it: its candidates, and
//! conversions from its output types to the model's (which carry database mappings, so the crate
//! keeps its own).

use crate::model::{Change, ClaimKind, Qualifier, Quantity};

pub use claimtrack_extract::{check, extract, json, listing, Candidate, ExtractError, Kind, MAX_INPUT_BYTES};

impl From<claimtrack_extract::Kind> for ClaimKind {
    fn from(kind: claimtrack_extract::Kind) -> Self {
        match kind {
            claimtrack_extract::Kind::Quote => ClaimKind::Quote,
            claimtrack_extract::Kind::Numeric => ClaimKind::Numeric,
        }
    }
}

impl From<claimtrack_extract::Change> for Change {
    fn from(change: claimtrack_extract::Change) -> Self {
        match change {
            claimtrack_extract::Change::Increase => Change::Increase,
            claimtrack_extract::Change::Decrease => Change::Decrease,
        }
    }
}

impl From<claimtrack_extract::Qualifier> for Qualifier {
    fn from(qualifier: claimtrack_extract::Qualifier) -> Self {
        use claimtrack_extract::Qualifier as Q;
        match qualifier {
            Q::About => Qualifier::About,
            Q::Over => Qualifier::Over,
            Q::Under => Qualifier::Under,
            Q::AtLeast => Qualifier::AtLeast,
            Q::AtMost => Qualifier::AtMost,
            Q::Nearly => Qualifier::Nearly,
        }
    }
}

/// Field for field: the crate bounds a figure as the claim form does (finite, under 10^15, a unit
/// of 1 to 60 bytes, a whole above zero), so nothing is lost or refused on the way.
impl From<claimtrack_extract::Quantity> for Quantity {
    fn from(q: claimtrack_extract::Quantity) -> Self {
        Quantity {
            value: q.value,
            unit: q.unit,
            of: q.of,
            change: q.change.map(Change::from),
            qualifier: q.qualifier.map(Qualifier::from),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_candidate_converts_to_the_models_types_with_its_headline_intact() {
        let found = extract("Prices rose by more than 25 percent, the ministry said.").unwrap();
        let q = Quantity::from(found[0].quantity.clone().unwrap());
        assert_eq!(ClaimKind::from(found[0].kind), ClaimKind::Numeric);
        assert_eq!(q.headline(), "over +25%");
        for (kind, text) in
            [(claimtrack_extract::Kind::Quote, "quote"), (claimtrack_extract::Kind::Numeric, "numeric")]
        {
            assert_eq!(ClaimKind::from(kind).as_str(), text);
        }
        for q in [
            claimtrack_extract::Qualifier::About,
            claimtrack_extract::Qualifier::Over,
            claimtrack_extract::Qualifier::Under,
            claimtrack_extract::Qualifier::AtLeast,
            claimtrack_extract::Qualifier::AtMost,
            claimtrack_extract::Qualifier::Nearly,
        ] {
            assert_eq!(Qualifier::from(q).as_str(), q.as_str());
        }
    }
}
