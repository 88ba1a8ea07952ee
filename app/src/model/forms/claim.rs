//! Adding or editing a claim: kind, text, speaker, date, the figure of a numeric claim, where it
//! appears.

use super::{bounded, clip, date, line, optional_line, web_url, Problems};
use crate::model::figure::{self, Sign};
use crate::model::{Change, ClaimKind, Qualifier, Quantity};
use chrono::NaiveDate;
use serde::Deserialize;

pub const TEXT_MAX: usize = 5000;

/// The claim form as submitted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ClaimForm {
    pub kind: String,
    pub text: String,
    pub speaker: String,
    pub said_on: String,
    pub quantity_value: String,
    pub quantity_unit: String,
    pub quantity_of: String,
    pub quantity_change: String,
    pub quantity_qualifier: String,
    /// What the figure refers to: "2022 compared with 2021".
    pub figure_period: String,
    /// The baseline a change names, as the claim names it.
    pub figure_baseline: String,
    /// Addresses of sources already added, one per line, to record as appearances.
    pub add_sources: String,
    pub version: String,
    /// Set by the "Check the figure" button: show what was understood, save nothing.
    pub check: String,
    /// Set once the form has shown the existing claims a new one may repeat: then `repeat_of`
    /// (a claim's public id, or empty for a new claim) is the editor's choice.
    pub repeats_seen: String,
    pub repeat_of: String,
}

/// A claim as submitted, validated. The speaker is a name still to be looked up.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimInput {
    pub kind: ClaimKind,
    pub text: String,
    pub speaker: String,
    pub said_on: NaiveDate,
    pub quantity: Option<Quantity>,
    /// The figure's period or reference, and the baseline it names (numeric claims).
    pub period: Option<String>,
    pub baseline: Option<String>,
    /// URLs of sources (already added) to record as new appearances.
    pub new_sources: Vec<String>,
    /// The version the editor started from (absent when adding).
    pub version: Option<i64>,
}

impl ClaimInput {
    /// What the repeats matcher looks for.
    pub fn probe(&self) -> crate::model::repeats::Probe {
        crate::model::repeats::Probe {
            kind: self.kind,
            text: self.text.clone(),
            quantity: self.quantity.clone(),
            said_on: Some(self.said_on),
        }
    }
}

/// The longest period or baseline.
pub const CONTEXT_MAX: usize = 200;

impl ClaimForm {
    /// The existing claim the editor chose this repeats, once they were shown the suggestions:
    /// `Some(None)` for "a new claim", `None` when they have not been shown any yet.
    pub fn repeat_choice(&self) -> Option<Option<&str>> {
        (!self.repeats_seen.is_empty()).then(|| Some(self.repeat_of.trim()).filter(|id| !id.is_empty()))
    }

    /// Whether the editor asked to check the figure rather than save.
    pub fn is_check(&self) -> bool {
        !self.check.trim().is_empty()
    }

    pub fn parse(&self, today: NaiveDate) -> Result<ClaimInput, Problems> {
        let mut problems = Problems::new();
        let kind = ClaimKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(("kind".into(), "Choose quote or numeric.".into()));
        }
        let text = self.text.trim().replace("\r\n", "\n");
        if text.is_empty() {
            problems.push(("text".into(), "Enter the claim's words, exactly as said or reported.".into()));
        } else if let Err(m) = bounded(&text, TEXT_MAX) {
            problems.push(("text".into(), m));
        }
        let speaker = line(&self.speaker, "speaker", "speaker's name", 200, true, &mut problems);
        let said_on = date(&self.said_on, "said_on", true, today, &mut problems);
        let quantity = match kind {
            Some(ClaimKind::Numeric) => self.quantity(&mut problems),
            _ => {
                if self.quantity_fields().iter().any(|f| !f.trim().is_empty()) {
                    problems.push((
                        "quantity_value".into(),
                        "A quote has no figure: choose Numeric, or clear the figure's fields.".into(),
                    ));
                }
                None
            }
        };
        let period = optional_line(&self.figure_period, "figure_period", CONTEXT_MAX, &mut problems);
        let baseline = optional_line(&self.figure_baseline, "figure_baseline", CONTEXT_MAX, &mut problems);
        if kind == Some(ClaimKind::Quote) && (period.is_some() || baseline.is_some()) {
            problems.push((
                "figure_period".into(),
                "A quote has no figure: choose Numeric, or clear the period and baseline.".into(),
            ));
        }
        let new_sources = self.source_urls(&mut problems);
        let version = self.version.trim().parse::<i64>().ok();
        match (kind, said_on, problems.is_empty()) {
            (Some(kind), Some(said_on), true) => Ok(ClaimInput {
                kind,
                text,
                speaker,
                said_on,
                quantity,
                period,
                baseline,
                new_sources,
                version,
            }),
            _ => Err(problems),
        }
    }
}

/// A number as people type it: "1,234.5", " 54 ". Bounded to what a figure in the news can be:
/// zero, or between a millionth and a thousand trillion either way (`1e-300` would print as a
/// 300-digit percentage).
fn number(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}')).collect();
    cleaned.parse::<f64>().ok().filter(|v| *v == 0.0 || (SMALLEST_FIGURE..LARGEST_FIGURE).contains(&v.abs()))
}

/// The smallest non-zero figure accepted.
pub const SMALLEST_FIGURE: f64 = 1e-6;
/// Figures must be below this.
pub const LARGEST_FIGURE: f64 = 1e15;

impl ClaimForm {
    fn quantity_fields(&self) -> [&String; 5] {
        [
            &self.quantity_value,
            &self.quantity_unit,
            &self.quantity_of,
            &self.quantity_change,
            &self.quantity_qualifier,
        ]
    }

    fn quantity(&self, problems: &mut Problems) -> Option<Quantity> {
        let value_text = self.quantity_value.trim().to_owned();
        let typed = if value_text.is_empty() {
            problems.push((
                "quantity_value".into(),
                "A numeric claim needs its figure, such as 54, 25%, $1.1 billion or 54 of 69.".into(),
            ));
            None
        } else {
            figure::parse(&value_text).map_err(|e| problems.push(("quantity_value".into(), e.message()))).ok()
        };
        let mut unit = self.quantity_unit.trim().to_owned();
        match typed.as_ref().and_then(|f| f.unit.as_deref()) {
            Some(named) if unit.is_empty() => unit = named.to_owned(),
            Some(named) if !named.eq_ignore_ascii_case(&unit) => problems.push((
                "quantity_unit".into(),
                format!("The figure is in {named} but the unit says “{}”: clear one of them.", clip(&unit)),
            )),
            _ => {}
        }
        if unit.is_empty() {
            problems.push((
                "quantity_unit".into(),
                "Give the unit: percent, a currency code such as USD, or what is counted (drones).".into(),
            ));
        } else if let Err(m) = bounded(&unit, 60) {
            problems.push(("quantity_unit".into(), m));
        }
        let of_text = self.quantity_of.trim().to_owned();
        let of = if of_text.is_empty() {
            typed.as_ref().and_then(|f| f.of)
        } else {
            match number(&of_text).filter(|v| *v > 0.0) {
                Some(v) => Some(v),
                None => {
                    problems.push((
                        "quantity_of".into(),
                        "The whole (“of”) must be a number above zero, like 69 in “54 of 69”.".into(),
                    ));
                    None
                }
            }
        };
        // A signed change ("+25%", "-0.5 pp") says its direction when the field does not.
        let signed_change = typed.as_ref().and_then(|f| match (f.sign, unit.as_str()) {
            (Some(Sign::Plus), "percent" | "pp") => Some(Change::Increase),
            (Some(Sign::Minus), "percent" | "pp") => Some(Change::Decrease),
            _ => None,
        });
        let change = match self.quantity_change.trim() {
            "" => signed_change,
            other => {
                let parsed = Change::parse(other);
                if parsed.is_none() {
                    problems.push(("quantity_change".into(), "Choose increase, decrease, or none.".into()));
                }
                if let (Some(chosen), Some(signed)) = (parsed, signed_change) {
                    if chosen != signed {
                        problems.push((
                            "quantity_change".into(),
                            format!(
                                "The figure's sign says {} but the change says {}: correct one of them.",
                                signed.label().to_lowercase(),
                                chosen.label().to_lowercase()
                            ),
                        ));
                    }
                }
                parsed
            }
        };
        let qualifier = match self.quantity_qualifier.trim() {
            "" => None,
            other => {
                let parsed = Qualifier::parse(other);
                if parsed.is_none() {
                    problems.push((
                        "quantity_qualifier".into(),
                        "Choose a qualifier from the list, or none.".into(),
                    ));
                }
                parsed
            }
        };
        let typed = typed?;
        let value = match (typed.sign, change) {
            (Some(Sign::Minus), None) => -typed.value,
            _ => typed.value,
        };
        Some(Quantity { value, unit, of, change, qualifier })
    }

    fn source_urls(&self, problems: &mut Problems) -> Vec<String> {
        let mut urls: Vec<String> = Vec::new();
        for line in self.add_sources.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Err(m) = web_url(line) {
                problems.push(("add_sources".into(), format!("“{}”: {m}", clip(line))));
            } else if !urls.iter().any(|u| u == line) {
                urls.push(line.to_owned());
            }
        }
        if urls.len() > 20 {
            problems.push(("add_sources".into(), "Add at most 20 sources at a time.".into()));
        }
        urls
    }
}

#[cfg(test)]
mod tests {
    use super::super::form;
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap()
    }

    #[test]
    fn a_numeric_claim_parses_with_its_figure() {
        let input = form::<ClaimForm>(&[
            ("kind", "numeric"),
            ("text", "54 of 69 missiles were shot down"),
            ("speaker", "Ukraine's air force"),
            ("said_on", "2022-12-29"),
            ("quantity_value", "54"),
            ("quantity_unit", "cruise missiles"),
            ("quantity_of", "69"),
            ("quantity_change", ""),
            ("quantity_qualifier", "about"),
            ("add_sources", "https://example.org/a\n\nhttps://example.org/a\r\nhttps://example.org/b"),
            ("version", "3"),
        ])
        .parse(today())
        .unwrap();
        let q = input.quantity.unwrap();
        assert_eq!((q.value, q.of, q.qualifier), (54.0, Some(69.0), Some(Qualifier::About)));
        assert_eq!(input.new_sources, vec!["https://example.org/a", "https://example.org/b"]);
        assert_eq!(input.version, Some(3));
    }

    #[test]
    fn a_signed_figure_and_the_change_field_must_agree() {
        let base = [
            ("kind", "numeric"),
            ("text", "Prices fell"),
            ("speaker", "X"),
            ("said_on", "2024-01-02"),
            ("quantity_value", "-5%"),
        ];
        let signed: ClaimForm = form(&base);
        let q = signed.parse(today()).expect("valid").quantity.expect("a figure");
        assert_eq!((q.value, q.change), (5.0, Some(Change::Decrease)));
        let mut contradicted = base.to_vec();
        contradicted.push(("quantity_change", "increase"));
        let problems = form::<ClaimForm>(&contradicted).parse(today()).unwrap_err();
        assert!(
            problems.iter().any(|(f, m)| f == "quantity_change" && m.contains("decrease")),
            "{problems:?}"
        );
    }

    #[test]
    fn numbers_may_have_thousands_separators() {
        assert_eq!(number("565,000,000"), Some(565_000_000.0));
        assert_eq!(number("16.7"), Some(16.7));
        assert_eq!(number("lots"), None);
        assert_eq!(number("1e300"), None);
        assert_eq!(number("1e-300"), None);
        assert_eq!(number("0.0000001"), None);
        assert_eq!(number("0.000001"), Some(0.000001));
        assert_eq!(number("0"), Some(0.0));
        assert_eq!(number("-25"), Some(-25.0));
        assert_eq!(number("NaN"), None);
    }

    #[test]
    fn problems_name_their_fields() {
        let problems = form::<ClaimForm>(&[
            ("kind", "numeric"),
            ("text", ""),
            ("speaker", ""),
            ("said_on", "yesterday"),
            ("quantity_value", "lots"),
            ("quantity_of", "-3"),
            ("quantity_change", "sideways"),
            ("add_sources", "javascript:alert(1)"),
        ])
        .parse(today())
        .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            fields,
            vec![
                "text",
                "speaker",
                "said_on",
                "quantity_value",
                "quantity_unit",
                "quantity_of",
                "quantity_change",
                "add_sources"
            ]
        );
    }

    #[test]
    fn a_quote_carries_no_figure() {
        let problems = form::<ClaimForm>(&[
            ("kind", "quote"),
            ("text", "Hi"),
            ("speaker", "X"),
            ("said_on", "2024-01-01"),
            ("quantity_value", "3"),
        ])
        .parse(today())
        .unwrap_err();
        assert_eq!(problems[0].0, "quantity_value");
    }
}
