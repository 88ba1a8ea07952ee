//! The two kinds of claim and of speaker.

crate::text_enum! {
    /// A claim is either a verbatim quote or a statement of a number.
    pub enum ClaimKind {
        Quote = ("quote", "Quote"),
        Numeric = ("numeric", "Numeric"),
    }
}

crate::text_enum! {
    /// Who a speaker is: schema.org distinguishes a `Person` from an `Organization`.
    pub enum SpeakerKind {
        Person = ("person", "Person"),
        Organization = ("organization", "Organization"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_round_trip_through_their_url_form() {
        for &kind in ClaimKind::ALL {
            assert_eq!(ClaimKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(ClaimKind::parse("opinion"), None);
        assert_eq!(SpeakerKind::parse("organization"), Some(SpeakerKind::Organization));
        assert_eq!(SpeakerKind::parse("org"), None);
    }
}
