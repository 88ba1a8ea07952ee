//! A claimed figure against a recorded one: whether they can be compared, by how much they differ,
//! in which direction, and the rating the difference suggests.
//!
//! The rules, as the methodology page publishes them:
//!
//! 1. **Only like with like.** Both figures must be of the same kind: a level ("$190 billion"), a
//!    change ("+25%", "−0.5 pp") or a part of a whole ("54 of 69"). Their units must agree,
//!    ignoring capitals, and a counted noun matches its plural ("missile", "missiles"); a change in
//!    percent is relative and one in percentage points is not, so they never match. When both
//!    figures name their period, the periods must be the same (ignoring capitals, spacing and
//!    trailing punctuation); when either names none, they are compared. A part must be between
//!    zero and its whole, and the whole above zero.
//! 2. **The claim is allowed its own rounding.** A figure stated as 25 could be anything from 24.5
//!    to 25.5: the tolerance is half a unit of the claimed figure's last significant digit.
//!    Below 1,000 every digit of a whole number counts (25 and 20 are ±0.5); from 1,000 trailing
//!    zeros do not (1,100,000,000 is ±50,000,000; 146,887 is ±0.5); decimals count to their last
//!    (29.3 is ±0.05). "About" or "nearly" widens it to at least 5% of the claimed figure. A part
//!    of a whole is compared as a rate, read to the whole percent: ±0.5 percentage points.
//! 3. **Direction.** Within the tolerance the claim matches the record (the edge included).
//!    A change claimed one way and recorded the other (both non-zero) is the opposite. "Over" and
//!    "at least" make the claim a lower bound on the figure's size: it matches when the record is
//!    at least as large, less the tolerance, and is otherwise overstated; "under" and "at most"
//!    make it an upper bound the same way. Otherwise a claim larger in size than the record is
//!    overstated and a smaller one understated: "fell 10%" against a fall of 20% is understated.
//! 4. **Suggested rating.** A match suggests True and an opposite False. Otherwise the relative
//!    error, |claimed − recorded| ÷ |recorded| (of the rates, for a part of a whole), suggests
//!    Mostly true up to 20%, Misleading up to 50%, and False beyond, or when the record is zero.
//!    The suggestion is for the editor: the ruling's rating is theirs to give.

use super::figure::{self, Figure};
use super::quantity::{format_money, format_number, format_percent};
use super::{Change, Qualifier, Quantity, Status};
use serde::{Deserialize, Serialize};

crate::text_enum! {
    /// What a figure measures.
    pub enum Shape {
        /// An amount at a time: "$190.27 billion", "150,000 people".
        Level = ("level", "Level"),
        /// A change between two times: "+25%", "−0.5 pp".
        Change = ("change", "Change"),
        /// A part of a whole: "54 of 69".
        Share = ("share", "Part of a whole"),
    }
}

impl Shape {
    /// The shape in a sentence: "The claim is {a change}".
    fn described(self) -> &'static str {
        match self {
            Shape::Level => "a level",
            Shape::Change => "a change",
            Shape::Share => "a part of a whole",
        }
    }
}

crate::text_enum! {
    /// How the claimed figure stands against the record.
    pub enum Direction {
        Overstated = ("overstated", "Overstated"),
        Understated = ("understated", "Understated"),
        Matches = ("matches", "Matches"),
        /// A change claimed one way and recorded the other.
        Opposite = ("opposite", "Opposite"),
    }
}

/// A figure ready to compare: a claimed one (with the speaker's qualifier) or a recorded one.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub shape: Shape,
    /// Signed: a decrease is negative. For a share, the part.
    pub value: f64,
    /// For a share, the whole.
    pub of: Option<f64>,
    pub unit: String,
    /// What the figure refers to: "2022 compared with 2021".
    pub period: Option<String>,
    /// How exact the speaker said it was; recorded figures have none.
    pub qualifier: Option<Qualifier>,
}

impl Measure {
    /// The claim's figure. A change's direction gives its sign, the value its size (an editor may
    /// have typed "-5" and "decrease"); a figure with a whole is a share; anything else a level.
    pub fn claimed(q: &Quantity, period: Option<&str>) -> Measure {
        let (shape, value) = match (q.change, q.of) {
            (Some(Change::Increase), _) => (Shape::Change, q.value.abs()),
            (Some(Change::Decrease), _) => (Shape::Change, -q.value.abs()),
            (None, Some(_)) => (Shape::Share, q.value),
            (None, None) => (Shape::Level, q.value),
        };
        let of = if shape == Shape::Share { q.of } else { None };
        Measure {
            shape,
            value,
            of,
            unit: q.unit.clone(),
            period: period_text(period),
            qualifier: q.qualifier,
        }
    }

    /// A recorded figure as parsed, read as `shape` (the level-or-change choice a sign alone cannot
    /// make: "-3" may be a deficit or a fall). A figure with a whole ("54 of 69") is always a
    /// share, so that comparing it with a level is refused rather than made on its part alone.
    /// The figure's own unit wins; without one, `unit_fallback` (the claim's) applies.
    pub fn recorded(figure: &Figure, shape: Shape, unit_fallback: &str, period: Option<&str>) -> Measure {
        let shape = if figure.of.is_some() { Shape::Share } else { shape };
        Measure {
            shape,
            value: figure.signed_value(),
            of: figure.of,
            unit: figure.unit.clone().unwrap_or_else(|| unit_fallback.to_owned()),
            period: period_text(period),
            qualifier: None,
        }
    }
}

fn period_text(period: Option<&str>) -> Option<String> {
    period.map(str::trim).filter(|p| !p.is_empty()).map(str::to_owned)
}

/// Relative errors, in percent, up to which a difference suggests Mostly true and Misleading.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tolerances {
    pub mostly_true_percent: f64,
    pub misleading_percent: f64,
}

impl Default for Tolerances {
    fn default() -> Self {
        Tolerances { mostly_true_percent: 20.0, misleading_percent: 50.0 }
    }
}

impl Tolerances {
    /// "20,50" (a percent sign after either is allowed): two numbers, 0 < first < second ≤ 1000.
    pub fn parse(text: &str) -> Result<Tolerances, String> {
        let numbers: Vec<Option<f64>> = text.split(',').map(tolerance_number).collect();
        match numbers.as_slice() {
            [Some(first), Some(second)] if 0.0 < *first && first < second && *second <= 1000.0 => {
                Ok(Tolerances { mostly_true_percent: *first, misleading_percent: *second })
            }
            _ => Err(format!(
                "“{}” is not a pair of tolerances. Give two percentages separated by a comma, like 20,50: the \
                 largest relative error still rated mostly true, then the largest rated misleading; the first \
                 above 0 and below the second, the second at most 1000.",
                super::forms::clip(text.trim())
            )),
        }
    }
}

fn tolerance_number(text: &str) -> Option<f64> {
    let text = text.trim();
    let number = text.strip_suffix('%').unwrap_or(text).trim();
    number.parse::<f64>().ok().filter(|n| n.is_finite())
}

/// The claimed figure minus the recorded one, in the terms that fit the shape.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub enum Difference {
    /// In the unit; relative to the recorded size, in percent (none when the record is zero).
    Level { absolute: f64, relative_percent: Option<f64> },
    /// In the unit's points: percentage points for changes in percent or in points.
    Points { points: f64 },
    /// Rates in percent of the whole, and the claimed rate minus the recorded one.
    Share { claimed_rate: f64, recorded_rate: f64, points: f64 },
}

impl Difference {
    fn claimed_minus_recorded(&self) -> f64 {
        match *self {
            Difference::Level { absolute, .. } => absolute,
            Difference::Points { points } | Difference::Share { points, .. } => points,
        }
    }
}

/// The outcome of a comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub direction: Direction,
    pub difference: Difference,
    /// Half a unit of the claimed figure's last digit, or wider (see the module's rules); in the
    /// unit, or in percentage points for a share. Never negative.
    pub tolerance: f64,
    pub suggested: Status,
    /// |claimed − recorded| ÷ |recorded|, in percent; none when the record is zero.
    pub relative_error_percent: Option<f64>,
    /// The unit differences are stated in (the claim's).
    pub unit: String,
}

/// Why two figures were not compared.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    Shape {
        claimed: Shape,
        recorded: Shape,
    },
    Unit {
        claimed: String,
        recorded: String,
    },
    Period {
        claimed: String,
        recorded: String,
    },
    /// A part outside zero to its whole, a whole not above zero, or a share without its whole.
    PartExceedsWhole {
        part: f64,
        whole: Option<f64>,
    },
}

impl Refusal {
    /// What is wrong, and what to do about it, for the editor.
    pub fn message(&self) -> String {
        match self {
            Refusal::Shape { claimed, recorded } => format!(
                "The claim is {}, the record {}: record a figure of the same kind.",
                claimed.described(),
                recorded.described()
            ),
            Refusal::Unit { claimed, recorded } => {
                let why = if is_points_pair(claimed, recorded) {
                    " (a change in percent is relative, one in percentage points is not)"
                } else {
                    ""
                };
                format!(
                    "The claim is in {}, the record in {}{why}: convert one or record a figure in the claim's unit.",
                    unit_words(claimed),
                    unit_words(recorded)
                )
            }
            Refusal::Period { claimed, recorded } => format!(
                "The claim is about “{claimed}”, the record about “{recorded}”: record a figure for the claim's period."
            ),
            Refusal::PartExceedsWhole { part, whole } => match *whole {
                None => "A part of a whole needs its whole, like 69 in 54 of 69.".to_owned(),
                Some(whole) if whole <= 0.0 => {
                    format!("A whole must be above zero: {} of {}.", figure::exact(*part), figure::exact(whole))
                }
                Some(whole) if *part < 0.0 => {
                    format!("A part cannot be below zero: {} of {}.", figure::exact(*part), figure::exact(whole))
                }
                Some(whole) => {
                    format!("A part cannot exceed its whole: {} of {}.", figure::exact(*part), figure::exact(whole))
                }
            },
        }
    }
}

fn unit_words(unit: &str) -> &str {
    if unit.trim().eq_ignore_ascii_case("pp") {
        "percentage points"
    } else {
        unit
    }
}

/// Compares the claimed figure with the recorded one (see the module's rules).
pub fn compare(
    claimed: &Measure,
    recorded: &Measure,
    tolerances: &Tolerances,
) -> Result<Comparison, Refusal> {
    comparable(claimed, recorded)?;
    let (c, r) = match claimed.shape {
        Shape::Share => (rate(claimed), rate(recorded)),
        Shape::Level | Shape::Change => (claimed.value, recorded.value),
    };
    let tolerance = tolerance(claimed.shape, c, claimed.qualifier);
    let direction = direction(claimed.shape, c, r, tolerance, claimed.qualifier);
    let relative_error_percent = (r != 0.0).then(|| (c - r).abs() / r.abs() * 100.0);
    let difference = match claimed.shape {
        Shape::Level => Difference::Level {
            absolute: c - r,
            relative_percent: (r != 0.0).then(|| (c - r) / r.abs() * 100.0),
        },
        Shape::Change => Difference::Points { points: c - r },
        Shape::Share => Difference::Share { claimed_rate: c, recorded_rate: r, points: c - r },
    };
    Ok(Comparison {
        direction,
        difference,
        tolerance,
        suggested: suggestion(direction, relative_error_percent, tolerances),
        relative_error_percent,
        unit: claimed.unit.clone(),
    })
}

fn comparable(claimed: &Measure, recorded: &Measure) -> Result<(), Refusal> {
    if claimed.shape != recorded.shape {
        return Err(Refusal::Shape { claimed: claimed.shape, recorded: recorded.shape });
    }
    if !same_unit(&claimed.unit, &recorded.unit) {
        return Err(Refusal::Unit { claimed: claimed.unit.clone(), recorded: recorded.unit.clone() });
    }
    if let (Some(a), Some(b)) = (&claimed.period, &recorded.period) {
        let (na, nb) = (normal_period(a), normal_period(b));
        if !na.is_empty() && !nb.is_empty() && na != nb {
            return Err(Refusal::Period { claimed: a.trim().to_owned(), recorded: b.trim().to_owned() });
        }
    }
    if claimed.shape == Shape::Share {
        for side in [claimed, recorded] {
            let fits = side.of.is_some_and(|whole| whole > 0.0 && side.value >= 0.0 && side.value <= whole);
            if !fits {
                return Err(Refusal::PartExceedsWhole { part: side.value, whole: side.of });
            }
        }
    }
    Ok(())
}

/// Units agree ignoring capitals and spacing; a counted noun also matches its plural in "s"
/// (not percent or points: "pps" is no plural of "pp").
fn same_unit(a: &str, b: &str) -> bool {
    let (a, b) = (normal_text(a), normal_text(b));
    if a == b {
        return true;
    }
    if [&a, &b].iter().any(|u| matches!(u.as_str(), "percent" | "pp")) {
        return false;
    }
    a.strip_suffix('s') == Some(b.as_str()) || b.strip_suffix('s') == Some(a.as_str())
}

fn is_points_pair(a: &str, b: &str) -> bool {
    let mut pair = [normal_text(a), normal_text(b)];
    pair.sort();
    pair == ["percent", "pp"]
}

/// Small letters, single spaces.
fn normal_text(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// A period as compared: small letters, single spaces, no trailing punctuation.
fn normal_period(period: &str) -> String {
    normal_text(period).trim_end_matches(['.', ',', ';', ':', '!', '?']).trim_end().to_owned()
}

/// A share's rate, in percent of its whole (checked above zero before this is called).
fn rate(share: &Measure) -> f64 {
    share.of.map_or(f64::NAN, |whole| share.value / whole * 100.0)
}

/// A rate read to the whole percent: the share's tolerance, in percentage points.
const SHARE_TOLERANCE_POINTS: f64 = 0.5;

/// The share of the claimed size that "about" and "nearly" allow at least.
const ABOUT_SHARE: f64 = 0.05;

fn tolerance(shape: Shape, claimed: f64, qualifier: Option<Qualifier>) -> f64 {
    let rounding = match shape {
        Shape::Share => SHARE_TOLERANCE_POINTS,
        Shape::Level | Shape::Change => rounding_tolerance(claimed),
    };
    match qualifier {
        // `max` ignores NaN, so the tolerance is never NaN or negative.
        Some(Qualifier::About | Qualifier::Nearly) => rounding.max(ABOUT_SHARE * claimed.abs()),
        _ => rounding,
    }
}

/// Half a unit of the last significant digit of `x` as written shortest (see rule 2).
pub(crate) fn rounding_tolerance(x: f64) -> f64 {
    if !x.is_finite() {
        return 0.0;
    }
    let text = x.abs().to_string();
    let places = match text.split_once('.') {
        Some((_, decimals)) => -(decimals.len() as i32),
        None if x.abs() < 1000.0 => 0,
        None => (text.len() - text.trim_end_matches('0').len()) as i32,
    };
    // Dividing by an exact power of ten keeps 29.3's tolerance the nearest float to 0.05.
    if places < 0 {
        0.5 / 10f64.powi(-places)
    } else {
        0.5 * 10f64.powi(places)
    }
}

/// The direction of claimed `c` against recorded `r` (see rule 3).
fn direction(shape: Shape, c: f64, r: f64, tolerance: f64, qualifier: Option<Qualifier>) -> Direction {
    let opposite = c != 0.0 && r != 0.0 && c.signum() != r.signum();
    if shape == Shape::Change && opposite {
        return Direction::Opposite;
    }
    // Float error must not turn a difference at the edge of the tolerance into a mismatch.
    let within = tolerance + 1e-9 * c.abs().max(r.abs()).max(1.0);
    let (size_c, size_r) = (c.abs(), r.abs());
    // A bound speaks of the figure's size; for levels of opposite signs it says nothing.
    let bound = if opposite { None } else { qualifier };
    match bound {
        Some(Qualifier::Over | Qualifier::AtLeast) if size_r >= size_c - within => Direction::Matches,
        Some(Qualifier::Over | Qualifier::AtLeast) => Direction::Overstated,
        Some(Qualifier::Under | Qualifier::AtMost) if size_r <= size_c + within => Direction::Matches,
        Some(Qualifier::Under | Qualifier::AtMost) => Direction::Understated,
        _ if (c - r).abs() <= within => Direction::Matches,
        _ if size_c > size_r => Direction::Overstated,
        _ => Direction::Understated,
    }
}

/// The rating a direction and relative error suggest (see rule 4).
fn suggestion(direction: Direction, relative_error: Option<f64>, tolerances: &Tolerances) -> Status {
    match (direction, relative_error) {
        (Direction::Matches, _) => Status::True,
        (Direction::Opposite, _) => Status::False,
        (_, Some(e)) if e <= tolerances.mostly_true_percent => Status::MostlyTrue,
        (_, Some(e)) if e <= tolerances.misleading_percent => Status::Misleading,
        _ => Status::False,
    }
}

impl Comparison {
    /// The outcome in words: "understated by 4.3 percentage points", "overstated by $12 million
    /// (8.1%)", "matches (within ±0.5 percentage points)", "overstated: 78.3% against 62% (16.3
    /// percentage points)", "the record shows a decrease, not an increase".
    pub fn summary(&self) -> String {
        let is_share = matches!(self.difference, Difference::Share { .. });
        let amount = |x: f64| if is_share { points_words(x) } else { amount_in(x, &self.unit) };
        let verb = self.direction.as_str();
        match (self.direction, self.difference) {
            (Direction::Matches, _) => format!("matches (within ±{})", amount(self.tolerance)),
            (Direction::Opposite, d) if d.claimed_minus_recorded() > 0.0 => {
                "the record shows a decrease, not an increase".to_owned()
            }
            (Direction::Opposite, _) => "the record shows an increase, not a decrease".to_owned(),
            (_, Difference::Level { absolute, relative_percent }) => {
                let relative =
                    relative_percent.map(|p| format!(" ({})", format_percent(p.abs()))).unwrap_or_default();
                format!("{verb} by {}{relative}", amount(absolute.abs()))
            }
            (_, Difference::Points { points }) => format!("{verb} by {}", amount(points.abs())),
            // Rates are read to a tenth of a percent, and so is the gap between them.
            (_, Difference::Share { claimed_rate, recorded_rate, points }) => format!(
                "{verb}: {} against {} ({})",
                format_percent(claimed_rate),
                format_percent(recorded_rate),
                points_words((points.abs() * 10.0).round() / 10.0)
            ),
        }
    }
}

/// A difference in the claim's unit: percentage points for percent and points, money as a
/// headline writes it, a count with its noun.
fn amount_in(x: f64, unit: &str) -> String {
    let normal = normal_text(unit);
    if matches!(normal.as_str(), "percent" | "pp") {
        return points_words(x);
    }
    if let Some(money) = format_money(x, unit.trim()) {
        return money;
    }
    match unit.trim() {
        "" => number(x),
        noun => format!("{} {noun}", number(x)),
    }
}

fn points_words(x: f64) -> String {
    match number(x).as_str() {
        "1" => "1 percentage point".to_owned(),
        n => format!("{n} percentage points"),
    }
}

/// `format_number`, except that a figure below 0.01 keeps two significant digits rather than
/// reading as 0 (the tolerance of 2.345 is 0.0005).
fn number(x: f64) -> String {
    if x == 0.0 || !x.is_finite() || x.abs() >= 0.01 {
        return format_number(x);
    }
    let places = (-x.abs().log10()).ceil().clamp(0.0, 20.0) as usize + 1;
    let text = format!("{x:.places$}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
#[path = "comparison_tests.rs"]
mod tests;
