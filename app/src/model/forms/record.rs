//! Recording a figure for a numeric claim: the figure as typed, its shape, unit and period, the
//! source it comes from, and whether the ruling compares against it.

use super::{clip, date, line, optional_line, text_block, web_url, Problems};
use crate::model::comparison::Shape;
use crate::model::figure::{self, Figure, Sign};
use chrono::NaiveDate;
use serde::Deserialize;

/// The recorded-figure form as submitted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct RecordForm {
    pub figure: String,
    pub shape: String,
    pub unit: String,
    pub period: String,
    pub source_url: String,
    pub source_title: String,
    pub publisher: String,
    pub published_on: String,
    pub accessed_on: String,
    pub note: String,
    /// "1" when the ruling compares against this figure.
    pub compared: String,
    /// The claim's version the editor started from.
    pub version: String,
    /// Set by the "Check" button: show what was understood and the comparison, save nothing.
    pub check: String,
}

/// A recorded figure as submitted, validated. `unit` is `None` when neither the figure nor the
/// unit field names one: the claim's unit applies.
#[derive(Clone, Debug, PartialEq)]
pub struct RecordInput {
    pub shape: Shape,
    /// Signed: a decrease is negative.
    pub value: f64,
    pub of: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
    pub source_url: String,
    pub source_title: String,
    pub publisher: String,
    pub published_on: Option<NaiveDate>,
    pub accessed_on: Option<NaiveDate>,
    pub note: Option<String>,
    pub compared: bool,
    pub version: Option<i64>,
}

/// The figure part of the form: what a comparison needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Measured {
    pub shape: Shape,
    pub value: f64,
    pub of: Option<f64>,
    pub unit: Option<String>,
    pub period: Option<String>,
}

pub const PERIOD_MAX: usize = 200;
pub const NOTE_MAX: usize = 1000;

impl RecordForm {
    /// Whether the editor asked to check the figure rather than save it.
    pub fn is_check(&self) -> bool {
        !self.check.trim().is_empty()
    }

    /// The figure alone, in its shape and unit (what "Check" compares), or its problems.
    pub fn measured(&self) -> Result<Measured, Problems> {
        let mut problems = Problems::new();
        let measured = self.measure(&mut problems);
        match measured {
            Some(m) if problems.is_empty() => Ok(m),
            _ => Err(problems),
        }
    }

    fn measure(&self, problems: &mut Problems) -> Option<Measured> {
        let shape = shape(&self.shape, problems);
        let figure = self.figure(problems);
        let unit = self.unit(figure.as_ref(), problems);
        let (shape, figure) = (shape?, figure?);
        let value = shaped_value(shape, &figure, problems);
        let period = optional_line(&self.period, "period", PERIOD_MAX, problems);
        Some(Measured { shape, value, of: figure.of, unit, period })
    }

    pub fn parse(&self, today: NaiveDate) -> Result<RecordInput, Problems> {
        let mut problems = Problems::new();
        let measured = self.measure(&mut problems);
        let source_url = line(&self.source_url, "source_url", "source's address", 2000, true, &mut problems);
        if !source_url.is_empty() {
            if let Err(m) = web_url(&source_url) {
                problems.push(("source_url".into(), m));
            }
        }
        let source_title =
            line(&self.source_title, "source_title", "source's title", 300, true, &mut problems);
        let publisher = line(&self.publisher, "publisher", "publisher", 200, true, &mut problems);
        let published_on = date(&self.published_on, "published_on", false, today, &mut problems);
        let accessed_on = date(&self.accessed_on, "accessed_on", false, today, &mut problems);
        if self.published_on.trim().is_empty() && self.accessed_on.trim().is_empty() {
            problems.push((
                "published_on".into(),
                "Give the date the source was published, or at least the date you read it.".into(),
            ));
        }
        let note = text_block(&self.note, "note", NOTE_MAX, None, &mut problems);
        let Some(Measured { shape, value, of, unit, period }) = measured else { return Err(problems) };
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(RecordInput {
            shape,
            value,
            of,
            unit,
            period,
            source_url,
            source_title,
            publisher,
            published_on,
            accessed_on,
            note: (!note.is_empty()).then_some(note),
            compared: !self.compared.trim().is_empty(),
            version: self.version.trim().parse().ok(),
        })
    }

    fn figure(&self, problems: &mut Problems) -> Option<Figure> {
        if self.figure.trim().is_empty() {
            problems.push((
                "figure".into(),
                "Enter the recorded figure as the source gives it, such as +29.3%, $190.27 billion or 54 of 69."
                    .into(),
            ));
            return None;
        }
        figure::parse(&self.figure).map_err(|e| problems.push(("figure".into(), e.message()))).ok()
    }

    /// The unit field, or the figure's own; both must agree when both are given.
    fn unit(&self, figure: Option<&Figure>, problems: &mut Problems) -> Option<String> {
        let typed = line(&self.unit, "unit", "unit", 60, false, problems);
        let named = figure.and_then(|f| f.unit.clone());
        match (typed.is_empty(), named) {
            (true, named) => named,
            (false, Some(named)) if !named.eq_ignore_ascii_case(&typed) => {
                problems.push((
                    "unit".into(),
                    format!(
                        "The figure is in {named} but the unit says “{}”: clear one of them.",
                        clip(&typed)
                    ),
                ));
                None
            }
            (false, _) => Some(typed),
        }
    }
}

/// Withdrawing a recorded figure: why, and the claim's version the editor saw.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct WithdrawForm {
    pub reason: String,
    pub version: String,
}

impl WithdrawForm {
    pub fn parse(&self) -> Result<(String, Option<i64>), Problems> {
        let mut problems = Problems::new();
        let missing = "Say why the figure is withdrawn (it stays in the claim's history).";
        let reason = text_block(&self.reason, "reason", NOTE_MAX, Some(missing), &mut problems);
        if problems.is_empty() {
            Ok((reason, self.version.trim().parse().ok()))
        } else {
            Err(problems)
        }
    }
}

fn shape(value: &str, problems: &mut Problems) -> Option<Shape> {
    let parsed = Shape::parse(value.trim());
    if parsed.is_none() {
        problems.push((
            "shape".into(),
            "Choose what the figure is: a level, a change, or a part of a whole.".into(),
        ));
    }
    parsed
}

/// The value in the shape chosen: a share needs its whole, a level or change must not have one.
fn shaped_value(shape: Shape, figure: &Figure, problems: &mut Problems) -> f64 {
    match (shape, figure.of) {
        (Shape::Share, None) => {
            problems.push(("figure".into(), "A part of a whole needs both numbers, like 54 of 69.".into()))
        }
        (Shape::Level | Shape::Change, Some(_)) => problems.push((
            "shape".into(),
            "The figure is a part of a whole (“of”): choose “part of a whole”, or type a single number."
                .into(),
        )),
        (Shape::Share, Some(of)) if figure.value > of => {
            problems.push(("figure".into(), "A part cannot be larger than its whole.".into()))
        }
        _ => {}
    }
    match figure.sign {
        Some(Sign::Minus) => -figure.value,
        _ => figure.value,
    }
}

#[cfg(test)]
mod tests {
    use super::super::form;
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2024, 6, 1).unwrap_or_default()
    }

    fn customs(extra: &[(&str, &str)]) -> RecordForm {
        let mut pairs = vec![
            ("figure", "+29.3%"),
            ("shape", "change"),
            ("period", "2022 compared with 2021"),
            ("source_url", "https://english.customs.gov.cn/"),
            ("source_title", "China's trade with Russia, 2022"),
            ("publisher", "General Administration of Customs of China"),
            ("published_on", "2023-01-13"),
            ("compared", "1"),
            ("version", "3"),
        ];
        // Replace what `extra` names: a repeated field would not decode.
        pairs.retain(|(name, _)| !extra.iter().any(|(n, _)| n == name));
        pairs.extend_from_slice(extra);
        form(&pairs)
    }

    #[test]
    fn a_change_in_percent_is_read_signed() {
        let input = customs(&[]).parse(today()).expect("valid");
        assert_eq!(input.shape, Shape::Change);
        assert_eq!(input.value, 29.3);
        assert_eq!(input.unit.as_deref(), Some("percent"));
        assert_eq!(input.period.as_deref(), Some("2022 compared with 2021"));
        assert!(input.compared);
        assert_eq!(input.version, Some(3));
        let fall = customs(&[("figure", "-0.5 pp")]).parse(today()).expect("valid");
        assert_eq!(fall.value, -0.5);
    }

    #[test]
    fn a_share_needs_its_whole_and_fits_in_it() {
        let share = customs(&[("figure", "54 of 69"), ("shape", "share")]).parse(today()).expect("valid");
        assert_eq!((share.value, share.of), (54.0, Some(69.0)));
        let problems = customs(&[("figure", "54"), ("shape", "share")]).parse(today()).unwrap_err();
        assert!(problems.iter().any(|(f, m)| f == "figure" && m.contains("54 of 69")));
        let problems = customs(&[("figure", "54 of 69")]).parse(today()).unwrap_err();
        assert!(problems.iter().any(|(f, _)| f == "shape"));
    }

    #[test]
    fn every_problem_is_named_beside_its_field() {
        let blank: RecordForm = form(&[("shape", "sideways")]);
        let problems = blank.parse(today()).unwrap_err();
        for field in ["figure", "shape", "source_url", "source_title", "publisher", "published_on"] {
            assert!(problems.iter().any(|(f, _)| f == field), "{field}: {problems:?}");
        }
        let bad = customs(&[
            ("figure", "lots"),
            ("source_url", "javascript:alert(1)"),
            ("published_on", "2023-13-45"),
        ]);
        let problems = bad.parse(today()).unwrap_err();
        assert!(problems.iter().any(|(f, m)| f == "figure" && m.contains("lots")), "{problems:?}");
        assert!(problems.iter().any(|(f, _)| f == "source_url"));
    }

    #[test]
    fn the_unit_field_and_the_figure_must_agree() {
        let problems = customs(&[("unit", "USD")]).parse(today()).unwrap_err();
        assert!(problems.iter().any(|(f, m)| f == "unit" && m.contains("percent")), "{problems:?}");
        let counted = customs(&[("figure", "150,000"), ("shape", "level"), ("unit", "people")]);
        assert_eq!(counted.parse(today()).expect("valid").unit.as_deref(), Some("people"));
        let bare = customs(&[("figure", "150,000"), ("shape", "level")]);
        assert_eq!(bare.parse(today()).expect("valid").unit, None);
    }

    #[test]
    fn check_is_a_separate_button() {
        assert!(customs(&[("check", "1")]).is_check());
        assert!(!customs(&[]).is_check());
    }
}
