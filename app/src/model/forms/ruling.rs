//! Proposing a ruling: rating, attribution (quotes), a one-line verdict, the ruling text,
//! evidence links, and a note when it corrects a published ruling.

use super::{bounded, line, web_url, Problems};
use crate::model::{Attribution, ClaimKind, EvidenceLink, Status};
use serde::Deserialize;

pub const VERDICT_MAX: usize = 200;
pub const BODY_MAX: usize = 20_000;
pub const NOTE_MAX: usize = 1000;
pub const EVIDENCE_MAX: usize = 20;
pub const EVIDENCE_NOTE_MAX: usize = 500;
/// Empty evidence rows offered by the form (filled rows come back as they were).
pub const EVIDENCE_ROWS: usize = 3;

/// The ruling form as submitted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RulingForm {
    pub rating: String,
    pub attribution: String,
    pub verdict: String,
    pub body: String,
    pub evidence_url: Vec<String>,
    pub evidence_title: Vec<String>,
    pub evidence_note: Vec<String>,
    /// A correction's note for readers.
    pub note: String,
    /// The id of the ruling the editor started from ("" for none): a newer proposal or
    /// publication since is a conflict.
    pub basis: String,
}

/// A ruling, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct RulingInput {
    pub rating: Status,
    pub attribution: Option<Attribution>,
    pub verdict: String,
    pub body: String,
    pub evidence: Vec<EvidenceLink>,
    pub note: Option<String>,
    /// The ruling the form started from, if any.
    pub basis: Option<i64>,
}

impl RulingForm {
    /// Checks every field; a quote's ruling must say whether they said it.
    pub fn parse(&self, kind: ClaimKind) -> Result<RulingInput, Problems> {
        let mut problems = Problems::new();
        let rating = Status::parse(self.rating.trim()).filter(|s| Status::RATINGS.contains(s));
        if rating.is_none() {
            let accepted: Vec<&str> = Status::RATINGS.iter().map(|s| s.as_str()).collect();
            problems.push(("rating".into(), format!("Choose a rating: {}.", accepted.join(", "))));
        }
        let attribution = match (self.attribution.trim(), kind) {
            ("", ClaimKind::Quote) => {
                problems.push((
                    "attribution".into(),
                    "Say whether they said it: a quote's ruling rates the attribution apart from the accuracy."
                        .into(),
                ));
                None
            }
            ("", ClaimKind::Numeric) => None,
            (value, _) => {
                let parsed = Attribution::parse(value);
                if parsed.is_none() {
                    problems.push((
                        "attribution".into(),
                        format!("Choose one of: {}.", Attribution::accepted_values()),
                    ));
                }
                parsed
            }
        };
        let verdict = line(&self.verdict, "verdict", "verdict (one line)", VERDICT_MAX, true, &mut problems);
        let body = self.body.trim().replace("\r\n", "\n");
        if let Err(m) = bounded(&body, BODY_MAX) {
            problems.push(("body".into(), m));
        }
        let note = self.note.trim().replace("\r\n", "\n");
        if let Err(m) = bounded(&note, NOTE_MAX) {
            problems.push(("note".into(), m));
        }
        let evidence = self.evidence(&mut problems);
        let basis = self.basis.trim().parse::<i64>().ok();
        match (rating, problems.is_empty()) {
            (Some(rating), true) => Ok(RulingInput {
                rating,
                attribution,
                verdict,
                body,
                evidence,
                note: (!note.is_empty()).then_some(note),
                basis,
            }),
            _ => Err(problems),
        }
    }

    /// The evidence rows (address, title, note; paired in order); empty rows are skipped.
    fn evidence(&self, problems: &mut Problems) -> Vec<EvidenceLink> {
        let rows = self.evidence_url.len().max(self.evidence_title.len()).max(self.evidence_note.len());
        let cell = |list: &[String], row: usize| list.get(row).map_or(String::new(), |v| v.trim().to_owned());
        let mut links = Vec::new();
        for row in 0..rows {
            let (url, title, note) = (
                cell(&self.evidence_url, row),
                cell(&self.evidence_title, row),
                cell(&self.evidence_note, row),
            );
            if url.is_empty() && title.is_empty() && note.is_empty() {
                continue;
            }
            let n = row + 1;
            if let Err(m) = web_url(&url) {
                problems.push(("evidence".into(), format!("Link {n}: {m}")));
            } else if title.is_empty() {
                problems.push((
                    "evidence".into(),
                    format!("Link {n}: give the link a title, such as the publisher and date."),
                ));
            } else if let Err(m) = bounded(&title, 300) {
                problems.push(("evidence".into(), format!("Link {n}'s title: {m}")));
            } else if let Err(m) = bounded(&note, EVIDENCE_NOTE_MAX) {
                problems.push(("evidence".into(), format!("Link {n}'s note: {m}")));
            } else {
                links.push(EvidenceLink { url, title, note: (!note.is_empty()).then_some(note) });
            }
        }
        if links.len() > EVIDENCE_MAX {
            problems.push(("evidence".into(), format!("Cite at most {EVIDENCE_MAX} links.")));
        }
        links
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> RulingForm {
        RulingForm {
            rating: "misleading".into(),
            attribution: "verified".into(),
            verdict: " The figure is a target ".into(),
            body: "Line one.\r\n\r\nLine *two*.".into(),
            evidence_url: vec!["https://example.org/a".into(), "".into()],
            evidence_title: vec!["Customs data".into(), "".into()],
            evidence_note: vec!["Table 3".into()],
            note: String::new(),
            basis: "12".into(),
        }
    }

    #[test]
    fn a_complete_ruling_parses() {
        let input = form().parse(ClaimKind::Quote).unwrap();
        assert_eq!(input.rating, Status::Misleading);
        assert_eq!(input.attribution, Some(Attribution::Verified));
        assert_eq!(input.verdict, "The figure is a target");
        assert_eq!(input.body, "Line one.\n\nLine *two*.");
        assert_eq!(
            input.evidence,
            vec![EvidenceLink {
                url: "https://example.org/a".into(),
                title: "Customs data".into(),
                note: Some("Table 3".into())
            }]
        );
        assert_eq!(input.basis, Some(12));
        assert_eq!(input.note, None);
    }

    #[test]
    fn a_quote_needs_its_attribution_and_being_checked_is_no_rating() {
        let problems = RulingForm { attribution: String::new(), rating: "being_checked".into(), ..form() }
            .parse(ClaimKind::Quote)
            .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["rating", "attribution"]);
        let numeric = RulingForm { attribution: String::new(), ..form() }.parse(ClaimKind::Numeric).unwrap();
        assert_eq!(numeric.attribution, None);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let problems = RulingForm {
            rating: "bogus".into(),
            verdict: String::new(),
            evidence_url: vec!["javascript:alert(1)".into(), "https://ok.example".into()],
            evidence_title: vec!["x".into(), "".into()],
            evidence_note: vec![],
            ..form()
        }
        .parse(ClaimKind::Numeric)
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["rating", "verdict", "evidence", "evidence"]);
        assert!(problems[2].1.starts_with("Link 1: Use a full web address"));
        assert!(problems[3].1.starts_with("Link 2: give the link a title"));
    }

    #[test]
    fn lengths_are_bounded_and_verdicts_are_one_line() {
        let long = "x".repeat(VERDICT_MAX + 1);
        let problems = RulingForm { verdict: long, ..form() }.parse(ClaimKind::Quote).unwrap_err();
        assert_eq!(problems[0].0, "verdict");
        let multi = RulingForm { verdict: "a\nb".into(), ..form() }.parse(ClaimKind::Quote).unwrap_err();
        assert!(multi[0].1.contains("single line"));
        let note =
            RulingForm { note: "n".repeat(NOTE_MAX + 1), ..form() }.parse(ClaimKind::Quote).unwrap_err();
        assert_eq!(note[0].0, "note");
    }
}
