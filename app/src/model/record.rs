//! A numeric claim against the record: the figures editors recorded for it, and how the claimed
//! figure compares with the one the ruling is checked against (the arithmetic is in
//! `comparison`; this module assembles what pages, the API and the exports show).

use super::comparison::{self, Comparison, Direction, Measure, Shape, Tolerances};
use super::figure::Figure;
use super::quantity::format_number;
use super::{Quantity, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A figure recorded for a claim, from a source.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RecordedFigure {
    /// Its number among the claim's recorded figures (stable, for editing).
    pub id: i64,
    pub shape: Shape,
    /// Signed (a decrease is negative); the part of a share.
    pub value: f64,
    /// The whole of a share.
    pub of: Option<f64>,
    pub unit: String,
    pub period: Option<String>,
    pub source_url: String,
    pub source_title: String,
    pub publisher: String,
    pub published_on: Option<NaiveDate>,
    pub accessed_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// The one the ruling compares against.
    pub compared: bool,
    /// Withdrawn figures leave the comparison and the figures readers see; the claim's history
    /// (public, like every revision) keeps what they said and why they were withdrawn.
    pub withdrawn: bool,
}

impl RecordedFigure {
    /// The figure as the edit form shows it, beside its unit field: "+29.3", "190,270,000,000",
    /// "54 of 69". Without the unit, so that a unit the parser would read as a word of its own
    /// ("m", "%") never changes the figure when the form is saved unchanged.
    pub fn typed(&self) -> String {
        Figure { unit: None, ..self.as_figure() }.canonical()
    }

    /// The figure written exactly, with its unit: "+29.3%", "$190,270,000,000", "54 of 69".
    pub fn exact(&self) -> String {
        self.as_figure().canonical()
    }

    /// The figure as readers read it: "+29.3%", "$190.27 billion", "54 of 69 (78.3%)".
    pub fn headline(&self) -> String {
        self.as_quantity().headline()
    }

    pub fn measure(&self) -> Measure {
        Measure {
            shape: self.shape,
            value: self.value,
            of: self.of,
            unit: self.unit.clone(),
            period: self.period.clone(),
            qualifier: None,
        }
    }

    fn as_figure(&self) -> Figure {
        let sign = match self.shape {
            Shape::Change if self.value < 0.0 => Some(super::figure::Sign::Minus),
            Shape::Change => Some(super::figure::Sign::Plus),
            _ => None,
        };
        let value = if sign.is_some() { self.value.abs() } else { self.value };
        Figure { value, unit: Some(self.unit.clone()), of: self.of, sign }
    }

    fn as_quantity(&self) -> Quantity {
        let change = match self.shape {
            Shape::Change if self.value < 0.0 => Some(super::Change::Decrease),
            Shape::Change => Some(super::Change::Increase),
            _ => None,
        };
        let value = if change.is_some() { self.value.abs() } else { self.value };
        Quantity { value, unit: self.unit.clone(), of: self.of, change, qualifier: None }
    }

    /// "China's General Administration of Customs, 2023-01-13".
    pub fn attribution(&self) -> String {
        match (self.published_on, self.accessed_on) {
            (Some(on), _) => format!("{}, {on}", self.publisher),
            (None, Some(on)) => format!("{}, read {on}", self.publisher),
            (None, None) => self.publisher.clone(),
        }
    }
}

/// A claim's record page: the claim, its figures and their check (absent for a quote), and the
/// tolerances the suggestion used.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimRecord {
    pub claim: super::ClaimEdit,
    pub check: Option<FigureCheck>,
    pub tolerances: Tolerances,
}

/// What the permalink shows of a numeric claim's check against the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FigureCheck {
    /// The period or reference of the claimed figure.
    pub period: Option<String>,
    /// The baseline the claim names, as it names it.
    pub baseline: Option<String>,
    /// Recorded figures, oldest first (withdrawn ones only for editors).
    pub recorded: Vec<RecordedFigure>,
    /// The claimed figure against the compared one, when one is marked.
    pub outcome: Option<Outcome>,
}

/// The comparison of the claimed figure with the compared recorded one, or why there is none.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Compared(Compared),
    /// Not comparable (other unit, period or shape): the reason, for editors and readers.
    Refused(String),
}

/// A comparison made, in the words and numbers the pages show.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    pub claimed: String,
    pub recorded: String,
    /// The compared recorded figure's id.
    pub recorded_id: i64,
    pub direction: Direction,
    /// "understated by 4.3 percentage points".
    pub summary: String,
    /// The values drawn side by side: the claimed and recorded values, or their rates for a share.
    pub claimed_value: f64,
    pub recorded_value: f64,
    /// What the bars measure ("percent", "USD", "share of the whole, %").
    pub scale: String,
    /// The difference, claimed minus recorded, in the terms that fit.
    pub difference: comparison::Difference,
    /// Half a unit of the claimed figure's last digit: differences within it match.
    pub tolerance: f64,
    /// The rating the default tolerances suggest (editors see it with the server's own).
    pub suggested: Status,
    pub relative_error_percent: Option<f64>,
}

impl FigureCheck {
    /// Assembles the check of `quantity` (the claim's figure) against `recorded`, with
    /// `tolerances` for the suggested rating.
    pub fn assemble(
        quantity: &Quantity,
        period: Option<String>,
        baseline: Option<String>,
        recorded: Vec<RecordedFigure>,
        tolerances: &Tolerances,
    ) -> FigureCheck {
        let outcome = recorded
            .iter()
            .find(|f| f.compared && !f.withdrawn)
            .map(|f| outcome(quantity, period.as_deref(), f, tolerances));
        FigureCheck { period, baseline, recorded, outcome }
    }

    /// Recorded figures readers see.
    pub fn public_figures(&self) -> impl Iterator<Item = &RecordedFigure> {
        self.recorded.iter().filter(|f| !f.withdrawn)
    }

    /// The comparison, when one was made.
    pub fn compared(&self) -> Option<&Compared> {
        match &self.outcome {
            Some(Outcome::Compared(c)) => Some(c),
            _ => None,
        }
    }

    /// The sentence readers read: "Claimed +25% · Recorded +29.3% (China's General
    /// Administration of Customs, 2022 compared with 2021) · understated by 4.3 percentage points".
    pub fn sentence(&self) -> Option<String> {
        let compared = self.compared()?;
        let figure = self.recorded.iter().find(|f| f.id == compared.recorded_id)?;
        let context = match &figure.period {
            Some(period) => format!("{}, {period}", figure.publisher),
            None => figure.publisher.clone(),
        };
        Some(format!(
            "Claimed {} · Recorded {} ({context}) · {}",
            compared.claimed, compared.recorded, compared.summary
        ))
    }
}

fn outcome(
    quantity: &Quantity,
    period: Option<&str>,
    figure: &RecordedFigure,
    tolerances: &Tolerances,
) -> Outcome {
    let claimed = Measure::claimed(quantity, period);
    match comparison::compare(&claimed, &figure.measure(), tolerances) {
        Ok(c) => Outcome::Compared(compared(quantity, figure, c)),
        Err(refusal) => Outcome::Refused(refusal.message()),
    }
}

fn compared(quantity: &Quantity, figure: &RecordedFigure, c: Comparison) -> Compared {
    let (claimed_value, recorded_value, scale) = match (quantity.share_percent(), figure.of) {
        (Some(claimed_rate), Some(of)) if of > 0.0 => {
            (claimed_rate, figure.value / of * 100.0, "share of the whole, %".to_owned())
        }
        _ => (Measure::claimed(quantity, None).value, figure.value, quantity.unit.clone()),
    };
    Compared {
        claimed: quantity.headline(),
        recorded: figure.headline(),
        recorded_id: figure.id,
        direction: c.direction,
        summary: c.summary(),
        claimed_value,
        recorded_value,
        scale,
        difference: c.difference,
        tolerance: c.tolerance,
        suggested: c.suggested,
        relative_error_percent: c.relative_error_percent,
    }
}

/// "±0.5" for a tolerance, as the pages state it.
pub fn tolerance_text(tolerance: f64) -> String {
    format!("±{}", format_number(tolerance))
}
