//! Telling whether an existing claim says what a new one says: the repeats matcher's words and
//! score. The database finds the few claims worth scoring (`ssr::db::repeats`); this decides.
//!
//! Two claims are compared by the words that carry meaning (function words dropped, plurals and
//! verb endings folded, numbers read as values, "%" as "percent"), each word weighted by how rare
//! it is in the archive, so that sharing "Sudan" and "floods" counts for more than sharing
//! "people". Then what a fact-checker would notice first: a different figure, or one saying
//! "not", makes it another claim however many words they share; the same figure and unit, in
//! other words, makes a repetition likelier.

use super::{ClaimKind, ClaimSummary, Quantity};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

/// An existing claim offered as the one a new claim repeats.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Suggestion {
    pub claim: ClaimSummary,
    /// How alike they are, 0 to 1 (see [`score`]).
    pub score: f64,
    /// Whether both state the same figure and unit.
    pub same_figure: bool,
}

impl Suggestion {
    /// Whether the review ticks it for the editor: as good as the same claim.
    pub fn is_near_certain(&self) -> bool {
        self.score >= PRESELECT_FROM
    }
}

/// What is looked for: a candidate in an import's review, or a claim being added.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Probe {
    pub kind: ClaimKind,
    pub text: String,
    pub quantity: Option<Quantity>,
    /// When it was said, if known.
    pub said_on: Option<NaiveDate>,
}

/// An existing claim as the matcher sees it.
#[derive(Clone, Debug, PartialEq)]
pub struct Known {
    pub kind: ClaimKind,
    pub text: String,
    pub quantity: Option<Quantity>,
    pub said_on: Option<NaiveDate>,
}

/// Scores from this up are shown as suggestions: on the labelled pairs from real reporting
/// (`server/tests/fixtures/repeats/`), the threshold of best precision at recall ≥ 0.8 on the half
/// used for choosing it.
pub const SUGGEST_FROM: f64 = 0.6;
/// Scores from this up are preselected in the review: the same claim, as good as certain (on the
/// labelled pairs, 97% of top suggestions this alike were right).
pub const PRESELECT_FROM: f64 = 0.9;
/// The most probes one request may ask about (an import review's candidates).
pub const MAX_PROBES: usize = super::import::MAX_CANDIDATES;

/// At most this many words of a claim are looked up in the index.
pub const MAX_LOOKUPS: usize = 12;

static STOP_WORDS: std::sync::LazyLock<HashSet<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../../fixtures/repeat-stop-words.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

static RELATIVE_PERIODS: std::sync::LazyLock<Vec<&'static str>> = std::sync::LazyLock::new(|| {
    include_str!("../../fixtures/repeat-relative-periods.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
});

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Words that turn a statement into its opposite.
const NEGATIONS: &[&str] = &["not", "no", "never", "nor", "none", "nobody", "nothing", "neither", "without"];

/// Multipliers written as words after a number: "2.3 million".
const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("trillion", 1e12),
];

/// A claim's text read for comparison.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Reading {
    /// Folded content words, without duplicates, in order of first appearance.
    pub words: Vec<String>,
    /// Each word as first written (lowercase): `written[i]` folds to `words[i]`.
    pub written: Vec<String>,
    /// The values of the numbers it states, years aside.
    pub numbers: Vec<f64>,
    /// The months and years it names ("july", "2008").
    pub periods: Vec<String>,
    /// Whether it names a period counted from the day it was said ("over the past year").
    pub relative: bool,
    pub negated: bool,
}

/// Reads a text: its content words, numbers and whether it negates.
pub fn read(text: &str) -> Reading {
    let tokens = tokens(text);
    let lower = text.to_lowercase();
    let mut reading =
        Reading { relative: RELATIVE_PERIODS.iter().any(|p| lower.contains(p)), ..Reading::default() };
    let mut i = 0;
    while i < tokens.len() {
        let token = &tokens[i];
        if is_year(token) || MONTHS.contains(&token.as_str()) {
            reading.periods.push(token.clone());
            reading.push(token.clone(), token);
        } else if let Some(mut value) = number(token) {
            if let Some((_, scale)) =
                tokens.get(i + 1).and_then(|next| SCALES.iter().find(|(w, _)| w == next))
            {
                value *= scale;
                i += 1;
            }
            reading.numbers.push(value);
            reading.push(number_word(value), token);
        } else if NEGATIONS.contains(&token.as_str()) || token.ends_with("n't") {
            reading.negated = true;
        } else if !STOP_WORDS.contains(token.as_str()) && token.chars().count() > 1 {
            reading.push(fold(token), token);
        }
        i += 1;
    }
    reading
}

impl Reading {
    fn push(&mut self, word: String, written: &str) {
        if !self.words.contains(&word) {
            self.words.push(word);
            self.written.push(written.to_owned());
        }
    }
}

/// A year as written in news: four digits from 1900 to 2100.
fn is_year(token: &str) -> bool {
    token.len() == 4 && token.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// Lowercase words and numbers: "250,000" and "2.5" stay whole, "%" becomes "percent", "per
/// cent" one word, apostrophes inside words kept ("didn't").
fn tokens(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = |c: char| {
            matches!(c, ',' | '.')
                && i > 0
                && chars[i - 1].is_ascii_digit()
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
        };
        let inside_word = (c == '\'' || c == '’')
            && !current.is_empty()
            && chars.get(i + 1).is_some_and(|n| n.is_alphabetic());
        if c.is_alphanumeric() || between_digits(c) || inside_word {
            current.extend(c.to_lowercase().map(|c| if c == '’' { '\'' } else { c }));
            continue;
        }
        if !current.is_empty() {
            out.push(std::mem::take(&mut current));
        }
        if c == '%' {
            out.push("percent".to_owned());
        }
    }
    if !current.is_empty() {
        out.push(current);
    }
    // "per cent" and "percentage" read as "percent".
    let mut merged: Vec<String> = Vec::with_capacity(out.len());
    for token in out {
        if token == "cent" && merged.last().is_some_and(|w| w == "per") {
            merged.pop();
            merged.push("percent".to_owned());
        } else {
            merged.push(token);
        }
    }
    merged
}

/// The value of a number token ("250,000", "2.5", "12"); `None` for words.
fn number(token: &str) -> Option<f64> {
    if !token.starts_with(|c: char| c.is_ascii_digit())
        || !token.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    {
        return None;
    }
    // A comma before three digits separates thousands; elsewhere ("2,5") it is a decimal comma.
    let groups_of_three =
        token.split(',').skip(1).all(|g| g.len() == 3 || (g.len() > 3 && g.as_bytes()[3] == b'.'));
    let plain = if groups_of_three { token.replace(',', "") } else { token.replacen(',', ".", 1) };
    plain.parse().ok()
}

/// A number as a comparable word: "62", "2300000", "2.5".
fn number_word(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        format!("{}", (value * 1e6).round() / 1e6)
    }
}

/// A word with its plural and verb endings folded: "deaths" → "death", "rising" → "ris",
/// "rises" → "ris", "countries" → "country". Crude, but the same on both sides.
pub fn fold(word: &str) -> String {
    let word = word.trim_end_matches("'s").trim_end_matches('\'');
    let n = word.chars().count();
    let cut = |suffix: &str| &word[..word.len() - suffix.len()];
    let stem = if n > 4 && word.ends_with("ies") {
        return format!("{}y", cut("ies"));
    } else if n >= 6 && word.ends_with("ing") {
        cut("ing")
    } else if n >= 5 && word.ends_with("ed") {
        cut("ed")
    } else if n >= 5 && ["sses", "xes", "zes", "ches", "shes"].iter().any(|s| word.ends_with(s)) {
        cut("es")
    } else if n >= 4 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|s| word.ends_with(s)) {
        cut("s")
    } else {
        word
    };
    // "rise", "rises", "rising" and "risen" meet at "ris".
    match stem.strip_suffix('e') {
        Some(without) if without.chars().count() >= 3 => without.to_owned(),
        _ => stem.to_owned(),
    }
}

/// The word forms to look up in the index for a folded word: as written, and the forms that fold
/// to it ("ris" → "rise", "rises", "ris"; "country" → "countries").
pub fn index_forms(word: &str, written: &str) -> Vec<String> {
    let mut forms = vec![written.to_owned()];
    let mut add = |form: String| {
        if !forms.contains(&form) {
            forms.push(form);
        }
    };
    add(word.to_owned());
    match word.strip_suffix('y') {
        Some(stem) if word.len() > 2 => add(format!("{stem}ies")),
        _ => {}
    }
    for ending in ["s", "e", "es"] {
        add(format!("{word}{ending}"));
    }
    forms
}

/// How rare each of a probe's words is: `ln(N / documents holding it)`, where a count at or
/// above the lookup cap stands for "at least that many".
#[derive(Clone, Debug)]
pub struct Weights {
    of_word: HashMap<String, f64>,
    /// For a known claim's words the probe does not have (only their number matters).
    other: f64,
}

impl Default for Weights {
    /// Every word alike.
    fn default() -> Self {
        Weights { of_word: HashMap::new(), other: 1.0 }
    }
}

impl Weights {
    /// From each looked-up word's document count, in an archive of `archive` claims.
    pub fn from_counts(counts: &[(String, usize)], archive: usize) -> Self {
        let n = archive.max(1) as f64;
        let of_word: HashMap<String, f64> = counts
            .iter()
            .map(|(w, df)| (w.clone(), ((n + 1.0) / (*df as f64 + 1.0)).ln().max(0.05) + 0.05))
            .collect();
        let other =
            if of_word.is_empty() { 1.0 } else { of_word.values().sum::<f64>() / of_word.len() as f64 };
        Weights { of_word, other }
    }

    pub fn of(&self, word: &str) -> f64 {
        self.of_word.get(word).copied().unwrap_or(self.other)
    }
}

/// How alike a known claim is to the probe, from 0 (nothing in common) to 1 (the same words).
pub fn score(probe: &Probe, probe_reading: &Reading, weights: &Weights, known: &Known) -> f64 {
    score_read(probe, probe_reading, weights, known, &read(&known.text))
}

/// [`score`], with the known claim already read (the matcher reads the intake once for many
/// probes).
pub fn score_read(
    probe: &Probe,
    probe_reading: &Reading,
    weights: &Weights,
    known: &Known,
    reading: &Reading,
) -> f64 {
    let mine: HashSet<&str> = probe_reading.words.iter().map(String::as_str).collect();
    let theirs: HashSet<&str> = reading.words.iter().map(String::as_str).collect();
    let shared: f64 = mine.intersection(&theirs).map(|w| weights.of(w)).sum();
    let total_mine: f64 = mine.iter().map(|w| weights.of(w)).sum();
    let total_theirs = shared + theirs.difference(&mine).count() as f64 * weights.other;
    if shared == 0.0 || total_mine == 0.0 {
        return 0.0;
    }
    let dice = 2.0 * shared / (total_mine + total_theirs);
    // A quote cut shorter: the new words all in the existing claim. Not the other way round: a
    // longer sentence around the existing claim's words usually asserts something more ("At
    // 6.7%, the rate is lower than in the first five years of…").
    let contained = shared / total_mine;
    let mut score = 0.6 * dice + 0.4 * contained;
    if probe_reading.negated != reading.negated {
        score *= 0.4;
    }
    score *= figure_factor(probe, probe_reading, known, reading);
    if let Some(q) =
        probe.quantity.as_ref().filter(|_| same_figure(probe.quantity.as_ref(), known.quantity.as_ref()))
    {
        // The same figure and unit in other words ("added 245,000 jobs" / "payrolls rose by
        // 245,000"): the more distinctive the figure, the likelier the same claim.
        score += (1.0 - score) * (0.25 + 0.25 * distinctiveness(q.value));
    }
    if probe.kind != known.kind {
        score *= 0.95;
    }
    // Last, and on the capped score: the same figure never outweighs another period.
    score.clamp(0.0, 1.0) * period_factor(probe, probe_reading, known, reading)
}

/// Days apart beyond which a claim about a period counted from its day is about another period.
const SAME_PERIOD_DAYS: i64 = 7;

/// How the periods bear on it. Another claim, however alike the words: naming another month or
/// year first ("in August, the same as in July" against "in July"); naming a month far from the
/// other's day (a release of early September speaks of August, not October); a period counted
/// from the day it was said ("over the past year") said on another day. And of two alike claims,
/// the one said nearer in time is likelier the same.
fn period_factor(probe: &Probe, mine: &Reading, known: &Known, theirs: &Reading) -> f64 {
    let mut factor = 1.0;
    let first = |r: &Reading, months: bool| {
        r.periods.iter().find(|p| MONTHS.contains(&p.as_str()) == months).cloned()
    };
    for months in [true, false] {
        if let (Some(a), Some(b)) = (first(mine, months), first(theirs, months)) {
            if a != b {
                factor *= 0.45;
            }
        }
    }
    let month_far_from = |r: &Reading, day: Option<NaiveDate>| -> bool {
        let (Some(month), Some(day)) = (first(r, true), day) else { return false };
        let named = MONTHS.iter().position(|m| *m == month).unwrap_or(0) as i32;
        let said = day.month0() as i32;
        // The month it was said in, or the one before (12 months wrap).
        ![said, (said + 11) % 12].contains(&named)
    };
    if (first(theirs, true).is_none() && month_far_from(mine, known.said_on))
        || (first(mine, true).is_none() && month_far_from(theirs, probe.said_on))
    {
        factor *= 0.6;
    }
    let days_apart = probe.said_on.zip(known.said_on).map(|(a, b)| (a - b).num_days().abs());
    if (mine.relative || theirs.relative) && days_apart.is_some_and(|d| d > SAME_PERIOD_DAYS) {
        factor *= 0.45;
    }
    if let Some(days) = days_apart {
        factor *= 1.0 - 0.08 * (days as f64 / 180.0).min(1.0);
    }
    factor
}

/// How the figures bear on it: the same figure and unit raise the score (towards 1), another
/// figure for the same thing lowers it sharply — 62 dead is not 78 dead.
fn figure_factor(probe: &Probe, mine: &Reading, known: &Known, theirs: &Reading) -> f64 {
    if let (Some(a), Some(b)) = (&probe.quantity, &known.quantity) {
        return match (same_value(a.value, b.value), same_unit(&a.unit, &b.unit)) {
            (true, true) if a.of.zip(b.of).is_none_or(|(x, y)| same_value(x, y)) => 1.0,
            (true, _) => 0.9,
            (false, true) => 0.45,
            (false, false) => 0.7,
        };
    }
    let numbers = |r: &Reading, q: &Option<Quantity>| -> Vec<f64> {
        r.numbers.iter().copied().chain(q.iter().map(|q| q.value)).collect()
    };
    let (a, b) = (numbers(mine, &probe.quantity), numbers(theirs, &known.quantity));
    let unmatched = |x: &[f64], y: &[f64]| x.iter().any(|v| !y.iter().any(|w| same_value(*v, *w)));
    // Each states a figure the other does not: other figures, another claim.
    if !a.is_empty() && !b.is_empty() && unmatched(&a, &b) && unmatched(&b, &a) {
        0.5
    } else {
        1.0
    }
}

/// How distinctive a figure is, 0 to 1, by its significant digits: 0.1 or 2 percent are said of
/// many things (0), 6.7 less so (0.5), 245,000 or 20.8 million rarely (1).
fn distinctiveness(value: f64) -> f64 {
    let digits = format!("{}", value.abs()).trim_start_matches(['0', '.']).replace('.', "");
    let significant = digits.trim_end_matches('0').len();
    ((significant as f64 - 1.0) / 2.0).clamp(0.0, 1.0)
}

/// Whether both state the same figure (value and unit).
pub fn same_figure(a: Option<&Quantity>, b: Option<&Quantity>) -> bool {
    a.zip(b).is_some_and(|(a, b)| same_value(a.value, b.value) && same_unit(&a.unit, &b.unit))
}

/// Equal within rounding (0.2%): "2.3 million" and "2,300,000", 33.3 and 33.33 — but not 20.7
/// and 20.8 million.
pub fn same_value(a: f64, b: f64) -> bool {
    let scale = a.abs().max(b.abs());
    scale == 0.0 || (a - b).abs() <= scale * 0.002
}

/// Units that name the same thing: case, plurals and "%" aside.
pub fn same_unit(a: &str, b: &str) -> bool {
    let norm = |u: &str| {
        let u = u.trim().to_lowercase();
        match u.as_str() {
            "%" | "per cent" | "percentage" | "percentage points" | "points" => "percent".to_owned(),
            _ => fold(&u),
        }
    };
    norm(a) == norm(b)
}

/// The words of a reading worth looking up in the index, longest (likely rarest) first, at most
/// [`MAX_LOOKUPS`]. Numbers are left to the figure lookup: the index splits "250,000" at its
/// comma, and "2.3 million" is not written as the value it means.
pub fn lookup_words(reading: &Reading) -> Vec<(String, String)> {
    let mut words: Vec<(String, String)> = reading
        .words
        .iter()
        .zip(&reading.written)
        .filter(|(w, _)| !w.starts_with(|c: char| c.is_ascii_digit()))
        .map(|(w, x)| (w.clone(), x.clone()))
        .collect();
    words.sort_by_key(|(w, _)| std::cmp::Reverse(w.chars().count()));
    words.truncate(MAX_LOOKUPS);
    words
}

#[cfg(test)]
#[path = "repeats_tests.rs"]
mod tests;
