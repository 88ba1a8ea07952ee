//! Figures as people type them: "25%", "$1.1 billion", "1.1bn", "54 of 69", "a third", "-0.5 pp".
//!
//! [`parse`] reads what an editor types into a figure field, so nobody has to count the zeros of
//! 190.27 billion; [`Figure::canonical`] writes it back exactly (grouped digits, no rounding, no
//! scale words) so the form can show what was understood. `parse(&f.canonical())` gives back the
//! same figure, bit for bit, for every figure `parse` returns.
//!
//! What is read, case-insensitively, surrounding spaces ignored:
//! - digits, thousands grouped by commas or (non-breaking) spaces, decimals after a point:
//!   `1,234.5`, `146 887`, `.5`. Exponents (`1e6`) are refused: nobody writes figures that way;
//! - a scale after the number: `k`/`thousand`, `m`/`mn`/`mln`/`million`, `b`/`bn`/`billion`,
//!   `tn`/`trn`/`trillion` (so `5 m` is five million, never five metres);
//! - one unit, before or after the number: `%`, `percent`, `per cent`, `pct`; percentage points
//!   (`pp`, `ppt`, `pts`, `percentage points`); `$` `€` `£` `¥` (USD, EUR, GBP, JPY); a currency
//!   word (`dollars`, `euros`, `pounds`, `yen`, `yuan`, `renminbi`, `rubles`, `roubles`); or a
//!   currency code: any three capital letters (`CNY`), or a common code in small letters (`usd`);
//! - a leading sign: `+`, `-`, `−` or `–`;
//! - a part of a whole: `54 of 69`, `54 out of 69`, `54/69`, or in words (`half`, `a third`,
//!   `two-thirds`, `three quarters`, `a tenth`); a part takes no sign, percent or currency;
//! - what is counted, after the number: `150,000 people`, `54 of 69 missiles` (letters, spaces
//!   and hyphens, at most 60 characters).

use super::forms::claim::{LARGEST_FIGURE, SMALLEST_FIGURE};
use super::forms::clip;
use std::fmt;

#[path = "figure_lexer.rs"]
mod lexer;
use lexer::{currency_code, denominator, numerator, scale, tokens, unit_phrase, Token};

/// The longest text read as a figure. Long enough for the canonical form of any figure `parse`
/// returns (two 24-character numbers, " of " and a 60-character noun make 113), which is what
/// keeps the round trip whole; anything longer is not a figure anyone types.
pub const MAX_CHARS: usize = 120;

/// The longest counted noun, as for a claim's unit.
pub const NOUN_MAX: usize = 60;

/// The minus sign `canonical` writes (U+2212, as headlines do); `parse` also reads `-` and `–`.
pub const MINUS: char = '−';

/// What the forms say a figure looks like, at the end of every refusal.
const ACCEPTED: &str = "Type it as people write it: 25%, $1.1 billion, 1.1bn, 54 of 69, a third, -0.5 pp.";

/// An explicit leading sign: "+29.3%" says a rise as plainly as "-0.5 pp" says a fall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    Plus,
    Minus,
}

/// A figure as typed, understood.
///
/// `value` is never negative in a figure `parse` returns: the sign is kept apart, because "+25%"
/// (a change said to be a rise) and "25%" (a level) mean different things. `unit` is `percent`,
/// `pp` (percentage points), a currency code in capitals, or the counted noun as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub value: f64,
    pub unit: Option<String>,
    /// The whole of a part of a whole: 69 in "54 of 69".
    pub of: Option<f64>,
    pub sign: Option<Sign>,
}

impl Figure {
    /// The value with its sign: -3 for "-3". With an explicit sign the value is read as a size,
    /// so a hand-built `Figure { value: -3.0, sign: Some(Sign::Plus), .. }` is +3, not -3.
    pub fn signed_value(&self) -> f64 {
        match self.sign {
            Some(Sign::Plus) => self.value.abs(),
            Some(Sign::Minus) => -self.value.abs(),
            None => self.value,
        }
    }

    /// The figure written exactly: "$1,100,000,000", "+29.3%", "−0.5 pp", "54 of 69 missiles",
    /// "190,270,000,000 CNY". Digits are the shortest that read back as the same number, so
    /// nothing is rounded; a negative value without a sign is written with a minus.
    pub fn canonical(&self) -> String {
        let sign = match self.sign {
            Some(Sign::Plus) => "+".to_owned(),
            Some(Sign::Minus) => MINUS.to_string(),
            None if self.value < 0.0 => MINUS.to_string(),
            None => String::new(),
        };
        let number = digits(self.value.abs());
        let of = self.of.map(|of| format!(" of {}", exact(of))).unwrap_or_default();
        match self.unit.as_deref() {
            None => format!("{sign}{number}{of}"),
            Some("percent") => format!("{sign}{number}%{of}"),
            Some("pp") => format!("{sign}{number} pp{of}"),
            Some(unit) => match currency_symbol(unit) {
                Some(symbol) => format!("{sign}{symbol}{number}{of}"),
                None if is_currency_code(unit) => format!("{sign}{number} {unit}{of}"),
                None => format!("{sign}{number}{of} {unit}"),
            },
        }
    }
}

/// A number in full with thousands grouped: 1,100,000,000; 0.000001; 146,887.25. Rust prints
/// floats as the shortest decimal that reads back as the same number, and never with an exponent.
pub(crate) fn digits(x: f64) -> String {
    let text = x.to_string();
    let (whole, fraction) = match text.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (text.as_str(), None),
    };
    let mut out = String::new();
    let count = whole.chars().count();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && c.is_ascii_digit() && (count - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(fraction) = fraction {
        out.push('.');
        out.push_str(fraction);
    }
    out
}

/// `digits` with a minus for a negative number: "−5".
pub(crate) fn exact(x: f64) -> String {
    if x < 0.0 {
        format!("{MINUS}{}", digits(-x))
    } else {
        digits(x)
    }
}

fn currency_symbol(code: &str) -> Option<char> {
    match code {
        "USD" => Some('$'),
        "EUR" => Some('€'),
        "GBP" => Some('£'),
        "JPY" => Some('¥'),
        _ => None,
    }
}

fn is_currency_code(unit: &str) -> bool {
    unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase())
}

/// Why text was not read as a figure: the text as typed and what was wrong with it.
#[derive(Clone, Debug, PartialEq)]
pub struct FigureError {
    pub typed: String,
    pub problem: Problem,
}

/// What was wrong with a figure as typed.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    Empty,
    /// Its length in characters.
    TooLong(usize),
    /// A word or sign that has no place in a figure.
    NotUnderstood(String),
    NoNumber,
    /// Digits that are not one number: "1,23", "1.2.3", "5.".
    Malformed,
    Exponent,
    OutOfRange,
    TwoNumbers,
    TwoUnits(String, String),
    /// The 69 in "54 of 69" is zero or below.
    WholeNotAboveZero,
    /// A part of a whole with a sign, percent or currency: "+54 of 69", "25% of 50".
    PartNotCounted,
    NounTooLong,
}

impl FigureError {
    /// What was wrong and what is read instead, in words for the editor who typed it.
    pub fn message(&self) -> String {
        let typed = clip(&self.typed);
        let problem = match &self.problem {
            Problem::Empty => "Enter the figure.".to_owned(),
            Problem::TooLong(n) => format!("“{typed}” is {n} characters long; a figure has at most {MAX_CHARS}."),
            Problem::NotUnderstood(word) if word.trim() == self.typed.trim() => {
                format!("“{typed}” is not a figure claimtrack reads.")
            }
            Problem::NotUnderstood(word) => {
                format!("“{typed}” is not a figure claimtrack reads: it did not understand “{}”.", clip(word))
            }
            Problem::NoNumber => format!("“{typed}” has no number."),
            Problem::Malformed => format!(
                "“{typed}” is not a number claimtrack reads: group thousands with commas or spaces \
                 (1,234,567) and mark decimals with a point (16.7)."
            ),
            Problem::Exponent => {
                format!("“{typed}” uses exponent notation: write the digits, or a scale word (5m, 1.1 billion).")
            }
            Problem::OutOfRange => format!(
                "“{typed}” is out of range: a figure is zero, or from 0.000001 to 999 trillion either side of zero."
            ),
            Problem::TwoNumbers => {
                format!("“{typed}” has more than one number; only a part of a whole, like 54 of 69, has two.")
            }
            Problem::TwoUnits(first, second) => format!("“{typed}” has two units, {first} and {second}: keep one."),
            Problem::WholeNotAboveZero => {
                format!("“{typed}”: the whole of a part of a whole (the 69 in 54 of 69) must be above zero.")
            }
            Problem::PartNotCounted => format!(
                "“{typed}”: a part of a whole takes no sign, percent or currency, only what is counted \
                 (54 of 69 missiles)."
            ),
            Problem::NounTooLong => format!("“{typed}”: what is counted has at most {NOUN_MAX} characters."),
        };
        format!("{problem} {ACCEPTED}")
    }
}

impl fmt::Display for FigureError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for FigureError {}

/// Reads a figure as people type it (see the module's documentation for what is read).
pub fn parse(text: &str) -> Result<Figure, FigureError> {
    let typed = text.trim();
    let fail = |problem| FigureError { typed: typed.to_owned(), problem };
    let length = typed.chars().count();
    if length == 0 {
        return Err(fail(Problem::Empty));
    }
    if length > MAX_CHARS {
        return Err(fail(Problem::TooLong(length)));
    }
    let tokens = tokens(typed).map_err(fail)?;
    if let Some(figure) = fraction(&tokens) {
        return Ok(figure);
    }
    read(&tokens).map_err(fail)
}

/// sign? unit* sign? amount unit* (of amount)? noun?
fn read(tokens: &[Token]) -> Result<Figure, Problem> {
    let mut reader = Reader { tokens, at: 0 };
    let mut sign = reader.sign();
    let mut units = reader.units();
    if sign.is_none() {
        sign = reader.sign();
    }
    let value = reader.amount()?;
    units.extend(reader.units());
    let mut unit = one_unit(units)?;
    let of = reader.whole(sign.is_some() || unit.is_some())?;
    if let Some(noun) = reader.noun(unit.is_some())? {
        unit = Some(noun);
    }
    Ok(Figure { value, unit, of, sign })
}

fn one_unit(units: Vec<String>) -> Result<Option<String>, Problem> {
    let mut units = units.into_iter();
    let first = units.next();
    if let Some(first) = &first {
        if let Some(other) = units.find(|u| u != first) {
            return Err(Problem::TwoUnits(first.clone(), other));
        }
    }
    Ok(first)
}

struct Reader<'a> {
    tokens: &'a [Token],
    at: usize,
}

impl Reader<'_> {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.at)
    }

    fn word(&self, offset: usize) -> Option<String> {
        self.tokens.get(self.at + offset).and_then(Token::lower_word)
    }

    fn sign(&mut self) -> Option<Sign> {
        let Some(Token::Sign(sign)) = self.peek() else { return None };
        let sign = *sign;
        self.at += 1;
        Some(sign)
    }

    /// Units in a row ("$", "USD", "percent"), as the codes or names a figure stores.
    fn units(&mut self) -> Vec<String> {
        let mut units = Vec::new();
        while let Some((unit, length)) = self.unit() {
            units.push(unit);
            self.at += length;
        }
        units
    }

    fn unit(&self) -> Option<(String, usize)> {
        match self.peek()? {
            Token::Percent => Some(("percent".to_owned(), 1)),
            Token::Symbol(_, code) => Some(((*code).to_owned(), 1)),
            Token::Word(word) => {
                let named = unit_phrase(&word.to_lowercase(), self.word(1).as_deref());
                named
                    .map(|(unit, length)| (unit.to_owned(), length))
                    .or_else(|| currency_code(word).map(|c| (c, 1)))
            }
            _ => None,
        }
    }

    /// A number and its scale ("1.1" "bn"), bounded like every figure.
    fn amount(&mut self) -> Result<f64, Problem> {
        let digits = match self.peek() {
            Some(Token::Number(digits)) => digits.clone(),
            Some(other) => return Err(Problem::NotUnderstood(other.text())),
            None => return Err(Problem::NoNumber),
        };
        self.at += 1;
        let exponent = self.word(0).and_then(|w| scale(&w));
        self.at += usize::from(exponent.is_some());
        let exponent = exponent.unwrap_or(0);
        // Scaling the decimal text rather than the float keeps "1.1bn" exactly 1,100,000,000.
        let value: f64 = format!("0{digits}e{exponent}").parse().map_err(|_| Problem::Malformed)?;
        if value != 0.0 && !(SMALLEST_FIGURE..LARGEST_FIGURE).contains(&value) {
            return Err(Problem::OutOfRange);
        }
        Ok(value)
    }

    /// The whole after "of", "out of" or "/", when one follows.
    fn whole(&mut self, signed_or_measured: bool) -> Result<Option<f64>, Problem> {
        let length = match (self.peek(), self.word(0).as_deref(), self.word(1).as_deref()) {
            (Some(Token::Slash), _, _) => 1,
            (_, Some("of"), _) => 1,
            (_, Some("out"), Some("of")) => 2,
            _ => return Ok(None),
        };
        let number_follows =
            matches!(self.tokens.get(self.at + length), Some(Token::Number(_) | Token::Sign(_)));
        if !number_follows && !matches!(self.peek(), Some(Token::Slash)) {
            return Ok(None);
        }
        if signed_or_measured {
            return Err(Problem::PartNotCounted);
        }
        self.at += length;
        if let Some(Token::Sign(Sign::Minus)) = self.peek() {
            return Err(Problem::WholeNotAboveZero);
        }
        let whole = self.amount()?;
        if whole <= 0.0 {
            return Err(Problem::WholeNotAboveZero);
        }
        if self.unit().is_some() {
            return Err(Problem::PartNotCounted);
        }
        Ok(Some(whole))
    }

    /// What is counted: the words left, when the figure has no other unit.
    fn noun(&mut self, has_unit: bool) -> Result<Option<String>, Problem> {
        let rest = self.tokens.get(self.at..).unwrap_or_default();
        let Some(first) = rest.first() else { return Ok(None) };
        let mut nouns = Vec::with_capacity(rest.len());
        for token in rest {
            match token {
                Token::Word(word) => nouns.push(word.as_str()),
                Token::Number(_) => return Err(Problem::TwoNumbers),
                other => return Err(Problem::NotUnderstood(other.text())),
            }
        }
        // A second scale or "of" would read differently once written back; a unit is one too many.
        let lower = first.lower_word().unwrap_or_default();
        if has_unit || scale(&lower).is_some() || lower == "of" {
            return Err(Problem::NotUnderstood(first.text()));
        }
        let noun = nouns.join(" ");
        if noun.chars().count() > NOUN_MAX {
            return Err(Problem::NounTooLong);
        }
        Ok(Some(noun))
    }
}

/// A fraction in words, read as a part of a whole: "a third" is 1 of 3, "two-thirds" 2 of 3.
fn fraction(tokens: &[Token]) -> Option<Figure> {
    let mut words = Vec::new();
    for token in tokens {
        words.extend(token.lower_word()?.split('-').map(str::to_owned));
    }
    let (numerator, denominator) = match words.as_slice() {
        [half] if half == "half" => (1, 2),
        [part, whole] => (numerator(part)?, denominator(whole)?),
        _ => return None,
    };
    (numerator < denominator).then(|| Figure {
        value: f64::from(numerator),
        unit: None,
        of: Some(f64::from(denominator)),
        sign: None,
    })
}

#[cfg(test)]
#[path = "figure_tests.rs"]
mod tests;
