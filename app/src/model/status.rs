//! A published claim's public status, and the ratings a ruling can give.

crate::text_enum! {
    /// Where a published claim stands for readers: being checked (published without a ruling), or
    /// the rating of its published ruling. Unpublished claims (intake, discarded) have none.
    pub enum Status {
        BeingChecked = ("being_checked", "Being checked"),
        True = ("true", "True"),
        MostlyTrue = ("mostly_true", "Mostly true"),
        Misleading = ("misleading", "Misleading"),
        False = ("false", "False"),
        Unverifiable = ("unverifiable", "Unverifiable"),
        Opinion = ("opinion", "Opinion — not rated"),
    }
}

impl Status {
    /// The ratings a ruling may give: every status but "being checked".
    pub const RATINGS: &'static [Status] = &[
        Status::True,
        Status::MostlyTrue,
        Status::Misleading,
        Status::False,
        Status::Unverifiable,
        Status::Opinion,
    ];

    /// The rating scale proper: what a speaker's chart counts ("opinion" rates nothing).
    pub const SCALE: &'static [Status] =
        &[Status::True, Status::MostlyTrue, Status::Misleading, Status::False, Status::Unverifiable];

    /// The schema.org ClaimReview rating (5 best, 1 worst); `None` for statuses that rate nothing
    /// on that scale. Published on the methodology page, so changing it is a public correction.
    pub fn rating(self) -> Option<u8> {
        match self {
            Status::True => Some(5),
            Status::MostlyTrue => Some(4),
            Status::Misleading => Some(2),
            Status::False => Some(1),
            _ => None,
        }
    }

    /// Whether this status comes from a ruling (a fact-check), rather than "being checked".
    pub fn is_ruling(self) -> bool {
        self != Status::BeingChecked
    }

    /// What the status says, in a sentence for the methodology page and the rating graphic.
    pub fn meaning(self) -> &'static str {
        match self {
            Status::BeingChecked => "Published while the desk checks it; no ruling yet.",
            Status::True => "Accurate, with nothing significant missing.",
            Status::MostlyTrue => "Accurate, but needs clarification or additional information.",
            Status::Misleading => "Contains some truth but leaves a false impression.",
            Status::False => "Not accurate.",
            Status::Unverifiable => "Cannot be proved or disproved with the evidence available.",
            Status::Opinion => "States an opinion or a prediction rather than a fact, so it is not rated.",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_four_verdicts_carry_a_claim_review_rating() {
        let rated: Vec<_> = Status::ALL.iter().filter_map(|s| s.rating()).collect();
        assert_eq!(rated, vec![5, 4, 2, 1]);
        assert_eq!(Status::Opinion.rating(), None);
    }

    #[test]
    fn rulings_give_every_status_but_being_checked() {
        assert!(!Status::RATINGS.contains(&Status::BeingChecked));
        assert_eq!(Status::RATINGS.len(), Status::ALL.len() - 1);
        assert!(Status::SCALE.iter().all(|s| Status::RATINGS.contains(s)));
        assert!(!Status::SCALE.contains(&Status::Opinion));
    }

    #[test]
    fn serde_uses_the_url_form() {
        assert_eq!(serde_json::to_string(&Status::MostlyTrue).unwrap(), "\"mostly_true\"");
    }
}
