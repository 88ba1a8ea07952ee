//! Setting a claim's status: status, a one-line verdict, a rationale, evidence links.

use super::{bounded, required_text, web_url, Problems};
use crate::model::{EvidenceLink, FormState, Status};

pub const VERDICT_MAX: usize = 200;
pub const RATIONALE_MAX: usize = 20_000;
pub const EVIDENCE_MAX: usize = 20;
/// Empty evidence rows offered by the form (filled rows come back as they were).
pub const EVIDENCE_ROWS: usize = 3;

/// A status change, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct VerificationInput {
    pub status: Status,
    pub verdict: String,
    pub rationale: String,
    pub evidence: Vec<EvidenceLink>,
    /// How many verifications the editor saw; a different count now means someone else set the
    /// status meanwhile.
    pub seen: i64,
}

impl VerificationInput {
    pub fn parse(form: &FormState) -> Result<VerificationInput, Problems> {
        let mut problems = Problems::new();
        let status = match Status::parse(&form.text("status")) {
            Some(s) => Some(s),
            None => {
                problems.push(("status".into(), format!("Choose a status: {}.", Status::accepted_values())));
                None
            }
        };
        let verdict = required_text(form, "verdict", "verdict (one line)", VERDICT_MAX, &mut problems);
        let rationale = form.value("rationale").unwrap_or_default().trim().replace("\r\n", "\n");
        if let Err(m) = bounded(&rationale, RATIONALE_MAX) {
            problems.push(("rationale".into(), m));
        }
        let evidence = evidence(form, &mut problems);
        let seen = form.text("seen").parse::<i64>().unwrap_or(-1);
        match (status, problems.is_empty()) {
            (Some(status), true) => Ok(VerificationInput { status, verdict, rationale, evidence, seen }),
            _ => Err(problems),
        }
    }
}

/// The evidence rows (`evidence_url` / `evidence_title`, paired in order); empty rows are skipped.
fn evidence(form: &FormState, problems: &mut Problems) -> Vec<EvidenceLink> {
    let urls = form.all("evidence_url");
    let titles = form.all("evidence_title");
    let mut links = Vec::new();
    for row in 0..urls.len().max(titles.len()) {
        let url = urls.get(row).map_or("", |u| u.trim());
        let title = titles.get(row).map_or("", |t| t.trim());
        if url.is_empty() && title.is_empty() {
            continue;
        }
        let n = row + 1;
        if let Err(m) = web_url(url) {
            problems.push(("evidence".into(), format!("Link {n}: {m}")));
        } else if title.is_empty() {
            problems.push((
                "evidence".into(),
                format!("Link {n}: give the link a title, such as the outlet and date."),
            ));
        } else if let Err(m) = bounded(title, 300) {
            problems.push(("evidence".into(), format!("Link {n}'s title: {m}")));
        } else {
            links.push(EvidenceLink { url: url.to_owned(), title: title.to_owned() });
        }
    }
    if links.len() > EVIDENCE_MAX {
        problems.push(("evidence".into(), format!("Cite at most {EVIDENCE_MAX} links.")));
    }
    links
}

#[cfg(test)]
mod tests {
    use super::super::form;
    use super::*;

    #[test]
    fn a_complete_status_change_parses() {
        let input = VerificationInput::parse(&form(&[
            ("status", "misleading"),
            ("verdict", " Out of context "),
            ("rationale", "Line one.\r\n\r\nLine *two*."),
            ("evidence_url", "https://example.org/a"),
            ("evidence_title", "Customs data"),
            ("evidence_url", ""),
            ("evidence_title", ""),
            ("seen", "2"),
        ]))
        .unwrap();
        assert_eq!(input.status, Status::Misleading);
        assert_eq!(input.verdict, "Out of context");
        assert_eq!(input.rationale, "Line one.\n\nLine *two*.");
        assert_eq!(
            input.evidence,
            vec![EvidenceLink { url: "https://example.org/a".into(), title: "Customs data".into() }]
        );
        assert_eq!(input.seen, 2);
    }

    #[test]
    fn every_problem_is_reported_with_its_field() {
        let problems = VerificationInput::parse(&form(&[
            ("status", "bogus"),
            ("verdict", ""),
            ("evidence_url", "javascript:alert(1)"),
            ("evidence_title", "x"),
            ("evidence_url", "https://ok.example"),
            ("evidence_title", ""),
        ]))
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["status", "verdict", "evidence", "evidence"]);
        assert!(problems[2].1.starts_with("Link 1: Use a full web address"));
        assert!(problems[3].1.starts_with("Link 2: give the link a title"));
    }

    #[test]
    fn lengths_are_bounded() {
        let long = "x".repeat(VERDICT_MAX + 1);
        let problems =
            VerificationInput::parse(&form(&[("status", "true"), ("verdict", &long)])).unwrap_err();
        assert_eq!(problems[0].0, "verdict");
        let multi = VerificationInput::parse(&form(&[("status", "true"), ("verdict", "a\nb")])).unwrap_err();
        assert!(multi[0].1.contains("single line"));
    }
}
