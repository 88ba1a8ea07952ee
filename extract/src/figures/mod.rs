//! The figures a sentence states, each parsed into a `Quantity`: percentages, parts of a whole,
//! money with scale words, counts with their noun, ranges, changes, qualifiers, numbers in digits
//! and in words — and not the numbers that are not claims (dates, years, times, reading times,
//! ordinals, ages, identifiers such as "G20", "F-16", "DAX 40" or "Article 5").

mod context;
mod dollars;
mod lexicon;
mod not_claims;
mod nouns;
mod spoken;
mod wholes;

use crate::quantity::{Change, Qualifier, Quantity};
use crate::text::{Kind, Token};
use crate::words;
use context::{change_near, qualifier_before};
pub use dollars::local_dollar;
pub use lexicon::digits_value;
use lexicon::{currency_symbol, currency_word, scale};
use not_claims::is_not_a_claim;
pub use nouns::plural;
use nouns::{
    compared_with, compound_noun, counted_noun, in_toll, looks_plural, noun_after_of, time_follows,
    unsaid_unit,
};

/// The unit of a figure whose counted noun the sentence does not say ("fell by 747,000", "(+49,000)").
pub const UNSAID_UNIT: &str = "count";

/// One figure of a sentence: what it says and where (token indexes, inclusive).
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub quantity: Quantity,
    pub start: usize,
    pub end: usize,
}

/// What a matched figure looks like before it becomes a `Quantity`.
struct Found {
    /// A range ("4 to 6 percent"): the value is its lower bound, and the upper bound is this
    /// many times it.
    range: Option<f64>,
    value: f64,
    unit: String,
    of: Option<f64>,
    start: usize,
    end: usize,
    /// A sign written before it: "(+49,000)".
    sign: Option<Change>,
}

/// Every figure that is a claim in `tokens` (one sentence, quotes included), in order.
pub fn all(tokens: &[Token<'_>]) -> Vec<Figure> {
    all_in(tokens, None)
}

/// `all`, with a bare "$" in the text's `dollar` when it is not the US's (see `local_dollar`).
pub fn all_in(tokens: &[Token<'_>], dollar: Option<&str>) -> Vec<Figure> {
    let mut out: Vec<Figure> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match figure_at(tokens, i) {
            Some((f, upper)) => {
                i = f.end + 1;
                out.push(f);
                out.extend(upper);
            }
            None => i += 1,
        }
    }
    context::share_changes(tokens, &mut out);
    wholes::including(tokens, &mut out);
    wholes::of_which(tokens, &mut out);
    wholes::of_the_whole(tokens, &mut out);
    wholes::for_every(tokens, &mut out);
    if let Some(dollar) = dollar {
        dollars::in_local_dollar(tokens, &mut out, dollar);
    }
    out
}

/// The first figure that is a claim in `tokens`.
pub fn first_quantity(tokens: &[Token<'_>]) -> Option<Quantity> {
    all(tokens).into_iter().next().map(|f| f.quantity)
}

/// The figure starting at token `i`, and for a range its upper bound ("10 to 16 named storms":
/// at least 10 and at most 16, two figures as annotators count them).
fn figure_at(tokens: &[Token<'_>], i: usize) -> Option<(Figure, Option<Figure>)> {
    let found = match tokens[i].kind {
        Kind::Number => digits_figure(tokens, i)?,
        Kind::Word => spoken::words_figure(tokens, i)?,
        Kind::Punct => return None,
    };
    if not_claims::is_a_record_span(tokens, found.start, &found.unit)
        || not_claims::is_a_childs_age(tokens, found.start, found.value)
        || not_claims::is_a_year_in_words(tokens, found.start, found.end, found.value, &found.unit)
        || not_claims::is_a_time_reference(tokens, found.start, found.end, &found.unit, found.value)
    {
        return None;
    }
    let qualifier = qualifier_before(tokens, found.start).or(found.range.map(|_| Qualifier::AtLeast));
    let change = found.sign.or_else(|| change_near(tokens, found.start, found.end));
    // Figures are bounded like the claim form's (under 10^15): a run of hundreds of digits is
    // not a claim, and its float would overflow to infinity.
    if found.unit.is_empty() || found.unit.len() > 60 || !found.value.is_finite() || found.value.abs() >= 1e15
    {
        return None;
    }
    let of = found.of.filter(|of| *of > 0.0 && of.is_finite() && *of < 1e15);
    let quantity = Quantity { value: round(found.value), unit: found.unit, of, change, qualifier };
    let upper = found
        .range
        .filter(|ratio| (found.value * ratio).is_finite() && found.value * ratio < 1e15)
        .map(|ratio| {
            let quantity = Quantity {
                value: round(found.value * ratio),
                qualifier: Some(Qualifier::AtMost),
                ..quantity.clone()
            };
            Figure { quantity, start: found.start, end: found.end }
        });
    Some((Figure { quantity, start: found.start, end: found.end }, upper))
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

/// A currency written before an amount: "$1.14", "US$5", "A$3", "€2bn", "USD 5".
fn currency_before(tokens: &[Token<'_>], i: usize) -> Option<String> {
    let p = &tokens[i.checked_sub(1)?];
    if let Some(code) = currency_symbol(p.text) {
        let before = i.checked_sub(2).map(|k| &tokens[k]).filter(|_| p.joined);
        let code = match before.map(|w| w.text.to_uppercase()).as_deref() {
            Some("A" | "AU") => "AUD",
            Some("C" | "CA") => "CAD",
            Some("HK") => "HKD",
            Some("NZ") => "NZD",
            Some("S") => "SGD",
            _ => code,
        };
        return Some(code.to_owned());
    }
    if p.kind == Kind::Word && matches!(p.text, "Rs" | "INR") {
        return Some("INR".to_owned());
    }
    let is_code = p.kind == Kind::Word
        && matches!(
            p.text,
            "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "CHF" | "INR" | "AUD" | "CAD"
        );
    is_code.then(|| p.text.to_owned())
}

/// A sign glued to a number: "(+49,000)", "(-227,000)" — not the hyphen of "F-16".
fn sign_before(tokens: &[Token<'_>], i: usize) -> Option<Change> {
    let p = &tokens[i.checked_sub(1)?];
    let glued_to_word = i >= 2 && p.joined && tokens[i - 2].kind != Kind::Punct;
    if !tokens[i].joined || glued_to_word {
        return None;
    }
    match p.text {
        "+" => Some(Change::Increase),
        "-" | "−" => Some(Change::Decrease),
        _ => None,
    }
}

/// The scale after a number ending at `end` — "565 million", "2bn", "3.5m", "13-million
/// Ukrainians" as some outlets hyphenate it — and its last token (`end` and 1.0 when none).
fn scale_after(tokens: &[Token<'_>], end: usize) -> (f64, usize) {
    let Some(n) = tokens.get(end + 1) else { return (1.0, end) };
    if let Some(s) = scale(n.text).filter(|_| n.kind == Kind::Word && (n.joined || n.text.len() > 2)) {
        return (s, end + 1);
    }
    let hyphenated = n.punct("-") && n.joined && tokens.get(end + 2).is_some_and(|w| w.joined);
    // ("231-million-dollar": the scale, with a currency joined after it — not
    // "3-million-year-old", "2-million-square-foot".)
    let scale_of = |w: &Token<'_>| {
        let lower = w.lower();
        let bare_or_currency = !lower.contains('-') || joined_currency(lower).is_some();
        lexicon::scale_word(lower.split('-').next().unwrap_or_default()).filter(|_| bare_or_currency)
    };
    match tokens.get(end + 2).filter(|_| hyphenated).and_then(scale_of) {
        Some(s) => (s, end + 2),
        None => (1.0, end),
    }
}

fn digits_figure(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &tokens[i];
    let mut value = digits_value(t.text)?;
    if is_not_a_claim(tokens, i, value) {
        return None;
    }
    let sign = sign_before(tokens, i);
    let mut unit = currency_before(tokens, i);
    let start = if unit.is_some() || sign.is_some() { i - 1 } else { i };
    // "3 1/2 million": the whole number's fraction, then its scale.
    let (fraction, mut end) = lexicon::fraction_after(tokens, i).unwrap_or((0.0, i));
    value += fraction;
    let (factor, scaled_to) = scale_after(tokens, end);
    value *= factor;
    let scaled = scaled_to > end;
    end = scaled_to;
    // "a 231-million-dollar effort": the currency joined to its scale.
    if let Some((code, currency_factor)) =
        joined_currency(tokens[end].lower()).filter(|_| unit.is_none() && scaled)
    {
        unit = Some(code.to_owned());
        value *= currency_factor;
    }
    let (range, range_end) = range_after(tokens, i, end)?;
    // The upper bound as a multiple of the lower, both as written: "10 to 15 million" is 1.5.
    let range = range.then(|| {
        value *= range_end.1;
        end = range_end.0;
        upper_over_lower(tokens, i, range_end.0)
    });
    let mut of = None;
    if unit.is_none() {
        if let Some((u, factor, e)) = unit_after(tokens, end) {
            unit = Some(u);
            value *= factor;
            end = e;
        }
    }
    if unit.is_none() {
        // ("killing all 118 people on board": a count, not 118 of 118 — as every annotator of
        // the corpus reads it.)
        if let Some((whole, e)) = whole_after(tokens, end, value) {
            of = Some(whole);
            end = e;
        }
    }
    // "a magnitude 7.4 earthquake", "its magnitude at 7.1", "a magnitude of 6.9".
    if unit.is_none() && tokens[i.saturating_sub(2)..i].iter().any(|t| t.is("magnitude")) {
        unit = Some("magnitude".to_owned());
    }
    let unit = match unit {
        Some(u) => u,
        // ("compared with just 600,000 eight years ago": a time after it, not its noun.)
        None if compared_with(tokens, i) && time_follows(tokens, end + 1) => {
            unsaid_unit(tokens, i, end, sign.is_some() || scaled || of.is_some())?
        }
        None => match counted_noun(tokens, end + 1).or_else(|| compound_noun(tokens, end)) {
            Some((noun, noun_end)) => {
                end = noun_end;
                if let Some((whole, e)) = whole_after_noun(tokens, end, value).filter(|_| of.is_none()) {
                    of = Some(whole);
                    end = e;
                }
                noun
            }
            None => match noun_after_of(tokens, end) {
                Some(noun) => noun,
                // "used 150 times since 2007", "3 times higher": how often, or how many fold.
                None if tokens.get(end + 1).is_some_and(|t| t.is("times")) => {
                    end += 1;
                    "times".to_owned()
                }
                None => unsaid_unit(tokens, i, end, sign.is_some() || scaled || of.is_some())?,
            },
        },
    };
    Some(Found { range, value, unit, of, start, end, sign })
}

/// "10 to 15 percent", "10-15%", "between 10 and 15 million": (is a range, (its last token, the
/// scale after it)). `None` for a score or a season ("3-1", "2022-23"). "from 9 to 10" is two
/// levels, not a range.
fn range_after(tokens: &[Token<'_>], i: usize, end: usize) -> Option<(bool, (usize, f64))> {
    // "10-to-15 people", as some outlets hyphenate a range: read from its last hyphen.
    let glued = |k: usize, is: &dyn Fn(&Token<'_>) -> bool| tokens.get(k).is_some_and(|t| t.joined && is(t));
    let hyphenated_to = glued(end + 1, &|t| t.punct("-"))
        && glued(end + 2, &|t| t.is("to"))
        && glued(end + 3, &|t| t.punct("-"));
    let k = if hyphenated_to { end + 2 } else { end };
    let (Some(join), Some(mut upper)) = (tokens.get(k + 1), tokens.get(k + 2)) else {
        return Some((false, (end, 1.0)));
    };
    // "$10–$15 billion": the currency written again before the range's end.
    let mut upper_at = k + 2;
    if upper.kind == Kind::Punct && i > 0 && upper.text == tokens[i - 1].text {
        if let Some(after) = tokens.get(k + 3).filter(|t| t.kind == Kind::Number) {
            upper = after;
            upper_at = k + 3;
        }
    }
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    if prev.is_some_and(|p| p.is("from")) {
        return Some((false, (end, 1.0)));
    }
    // ("30 or 40 new cases": a range said with "or" — not "$9.7 billion or 86 per cent", the
    // same amount said again another way.)
    let joins = join.is("to")
        || join.is("or") && end == i
        || join.punct("-–")
        || (join.is("and") && prev.is_some_and(|p| p.is("between")));
    let low = digits_value(tokens[i].text).unwrap_or(0.0);
    // "reduced by 1,232 to 148,536": a change and the level it reached, not a range.
    let by = prev.is_some_and(|p| p.is("by")) && join.is("to");
    let bounds = |u: f64| u > low && !(by && u > 3.0 * low);
    // "15-100ths of a second": a fraction's denominator, not a range's end.
    let ordinal = tokens
        .get(upper_at + 1)
        .is_some_and(|n| n.joined && matches!(n.lower(), "ths" | "th" | "st" | "nd" | "rd"));
    if joins && upper.kind == Kind::Number && digits_value(upper.text).is_some_and(bounds) && !ordinal {
        let scale_after = tokens.get(upper_at + 1).and_then(|n| scale(n.text)).filter(|_| end == i);
        return Some((true, (upper_at + usize::from(scale_after.is_some()), scale_after.unwrap_or(1.0))));
    }
    if join.punct("-–") && join.joined && upper.kind == Kind::Number && upper.joined {
        return None;
    }
    Some((false, (end, 1.0)))
}

/// The unit said right after an amount: percent, percentage points, a currency word. Returns the
/// unit, the factor it applies ("77 cents"), and its last token. "from 100.6 to 96.9 per cent":
/// the first level takes the second's unit.
fn unit_after(tokens: &[Token<'_>], end: usize) -> Option<(String, f64, usize)> {
    let a = tokens.get(end + 1)?;
    let b = tokens.get(end + 2);
    let unit = |u: &str, factor: f64, e: usize| Some((u.to_owned(), factor, e));
    if a.punct("%") || a.is("percent") || a.is("pct") || a.is("pc") && a.joined {
        return unit("percent", 1.0, end + 1);
    }
    if a.is("per") && b.is_some_and(|c| c.is("cent")) {
        return unit("percent", 1.0, end + 2);
    }
    if a.is("percentage") && b.is_some_and(|c| c.is("points") || c.is("point")) {
        return unit("percentage points", 1.0, end + 2);
    }
    if let Some((code, factor)) = currency_word(a.text).filter(|_| a.kind == Kind::Word) {
        return unit(code, factor, end + 1);
    }
    // "from 100.6 to 96.9 per cent": the unit of the level after.
    if (a.is("to") || a.is("and")) && b.is_some_and(|n| n.kind == Kind::Number) {
        let (u, _, _) = unit_after(tokens, end + 2)?;
        return Some((u, 1.0, end));
    }
    None
}

/// Determiners between "of" and a whole: "54 of the 69", "54 of its 69".
const OWNERS: &[&str] = &["the", "its", "their", "his", "her", "our", "these", "those"];

/// "54 of 69", "54 of the 69", "54 out of 69", "one in 5": the whole and its last token.
fn whole_after(tokens: &[Token<'_>], end: usize, value: f64) -> Option<(f64, usize)> {
    let at = |k: usize| tokens.get(end + k);
    let number = |k: usize| at(k).is_some_and(|t| t.kind == Kind::Number);
    // "33,000 of more than 1.6 million kids": a qualified whole.
    let qualified = at(1).filter(|a| a.is("of")).and_then(|_| qualified_number(tokens, end + 2));
    let whole_at = match (at(1), at(2)) {
        (Some(a), _) if a.is("of") && number(2) => end + 2,
        // "54 of the 69", "54 of its 69 stores", "12 of their 40 staff".
        (Some(a), Some(b)) if a.is("of") && OWNERS.contains(&b.lower()) && number(3) => end + 3,
        (Some(a), Some(b)) if a.is("out") && b.is("of") && number(3) => end + 3,
        // "4 out of every 5 jobs", "10 of the past 12 months".
        (Some(a), Some(b))
            if a.is("out") && b.is("of") && at(3).is_some_and(|e| e.is("every")) && number(4) =>
        {
            end + 4
        }
        (Some(a), Some(b)) if a.is("of") && b.is("the") && at(3).is_some_and(is_a_span_word) && number(4) => {
            end + 4
        }
        (Some(a), _) if a.is("in") && number(2) && value < 100.0 => end + 2,
        _ if qualified.is_some() => qualified?,
        // "35 of the country's 75 districts", "2,800 of West Africa's 5,165 deaths".
        (Some(a), Some(_)) if a.is("of") => end + owner_then_number(tokens, end + 2)?,
        _ => return None,
    };
    // ("a low of 1.44 in 2004": a year is when, not a whole.)
    let year =
        |w: f64| (1900.0..2100.0).contains(&w) && w.fract() == 0.0 && !tokens[whole_at].text.contains(',');
    // ("of 1.6 million": the whole's scale after it.)
    let scaled = tokens.get(whole_at + 1).and_then(|t| lexicon::scale_word(t.lower()));
    let whole = digits_value(tokens[whole_at].text).map(|w| w * scaled.unwrap_or(1.0));
    let whole = whole.filter(|w| *w >= value && *w > 0.0 && !year(*w))?;
    Some((whole, whole_at + usize::from(scaled.is_some())))
}

/// The number a qualifier of two words at most leads to from token `from` ("more than 1.6
/// million", "nearly 4,000"), when the words are a qualifier of it.
fn qualified_number(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let number = (from + 1..tokens.len().min(from + 3)).find(|k| tokens[*k].kind == Kind::Number)?;
    let words = tokens[from..number].iter().all(|t| t.is_lowercase_word());
    (words && context::qualifier_before(tokens, number).is_some()).then_some(number)
}

/// A range's upper bound as a multiple of its lower, both as written ("10 to 15 million" is
/// 1.5): the lower at token `i`, the upper at or just before `upper_end`.
fn upper_over_lower(tokens: &[Token<'_>], i: usize, upper_end: usize) -> f64 {
    let written = |k: usize| digits_value(tokens[k].text);
    let upper = written(upper_end).or_else(|| upper_end.checked_sub(1).and_then(written));
    upper.zip(written(i)).filter(|(_, low)| *low > 0.0).map_or(1.0, |(upper, low)| upper / low)
}

/// "million-dollar", "million-pound": the currency joined after a scale word, and its factor.
fn joined_currency(word: &str) -> Option<(&'static str, f64)> {
    let (_, currency) = word.split_once('-')?;
    currency_word(currency).or_else(|| currency_word(&format!("{currency}s")))
}

/// "45 pupils out of 80,000": the whole after a figure's noun (ending at `end`), after "of" or
/// "out of" only — "5 stores in 20 countries" has none.
fn whole_after_noun(tokens: &[Token<'_>], end: usize, value: f64) -> Option<(f64, usize)> {
    let out_of = tokens.get(end + 1).is_some_and(|t| t.is("out") || t.is("of"));
    whole_after(tokens, end, value).filter(|_| out_of)
}

/// "past", "last", "first", "next": a span's word between "of the" and its count ("10 of the past
/// 12 months").
pub(super) fn is_a_span_word(t: &Token<'_>) -> bool {
    words::SPAN_WORDS.contains(t.lower())
}

/// After "X of": an owner ("the country's", "West Africa's", "the agency's") and the whole's
/// number; how many tokens after "of" the number stands.
fn owner_then_number(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let owner_end = (from..tokens.len().min(from + 4))
        .find(|k| tokens[*k].kind == Kind::Word && crate::names::is_possessive(tokens[*k].text))?;
    let words_only = tokens[from..owner_end].iter().all(|t| t.kind == Kind::Word);
    let number = tokens.get(owner_end + 1).is_some_and(|t| t.kind == Kind::Number);
    (words_only && number).then_some(owner_end + 1 - (from - 2))
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod words_tests;
