//! Figures said in words: "eleven", "thirty-one thousand", "a quarter of a million", "a third",
//! "two-tenths of a percent", "a two-percent rate", "one in five", "two out of three".

use super::lexicon::{scale_word, small_number, spelled, spelled_is_large};
use super::{counted_noun, in_toll, looks_plural, qualifier_before, unit_after, Found};
use crate::text::{Kind, Token};
use crate::words;

/// A fraction word's share: "quarter" 1/4, "tenths" 1/10, "thirds" 1/3; "half" 1/2.
fn fraction(word: &str) -> Option<f64> {
    let singular = word.strip_suffix('s').unwrap_or(word);
    words::FRACTIONS.get(word).or_else(|| words::FRACTIONS.get(singular)).map(|pct| pct / 100.0)
}

fn found(value: f64, unit: &str, of: Option<f64>, start: usize, end: usize) -> Option<Found> {
    Some(Found { range: None, value, unit: unit.to_owned(), of, start, end, sign: None })
}

/// A percentage point said without a digit: "fell by a full percentage point" (1), "rose half a
/// percentage point" (0.5), "a quarter of a percentage point" (0.25).
fn percentage_point_said(tokens: &[Token<'_>], i: usize, lower: &str) -> Option<Found> {
    let at = |k: usize| tokens.get(k).map(|t| t.lower());
    let is = |k: usize, word: &str| at(k).is_some_and(|w| w == word);
    // The share, and where the words before "percentage point" begin.
    let (value, from) = if lower == "a" {
        match at(i + 1).and_then(fraction) {
            Some(share) if is(i + 2, "of") && is(i + 3, "a") => (share, i + 4),
            Some(_) => return None,
            None => (1.0, i + 1 + usize::from(is(i + 1, "full"))),
        }
    } else {
        let share = fraction(lower)?;
        let of_a = is(i + 1, "of") && is(i + 2, "a");
        (
            share,
            if of_a {
                i + 3
            } else if is(i + 1, "a") {
                i + 2
            } else {
                return None;
            },
        )
    };
    (is(from, "percentage") && (is(from + 1, "point") || is(from + 1, "points")))
        .then(|| found(value, "percentage points", None, i, from + 1))
        .flatten()
}

/// A decimal said as a broadcast script writes it: "seven point one", "four-point-four percent".
/// Taken with a percent after it or a magnitude before it; else its noun must be plural.
fn spoken_decimal(tokens: &[Token<'_>], i: usize, lower: &str) -> Option<Found> {
    let digit =
        |w: &str| if w == "zero" || w == "oh" { Some(0.0) } else { small_number(w).filter(|v| *v < 10.0) };
    let (whole, digits, end) = if let Some((whole, digits)) = lower.split_once("-point-") {
        (small_number(whole)?, digits.split('-').map(digit).collect::<Option<Vec<f64>>>()?, i)
    } else {
        let (whole, end) = spelled(tokens, i)?;
        tokens.get(end + 1).filter(|t| t.is("point"))?;
        let digits: Vec<f64> = tokens[end + 2..]
            .iter()
            .map_while(|t| (t.kind == Kind::Word).then(|| digit(t.lower())).flatten())
            .collect();
        (whole, digits.clone(), end + 1 + digits.len())
    };
    if digits.is_empty() {
        return None;
    }
    let mut value = whole + digits.iter().rev().fold(0.0, |acc, d| (acc + d) / 10.0);
    // ("one-point-five million people".)
    let scaled = tokens.get(end + 1).and_then(|t| scale_word(t.lower()));
    let end = if let Some(scale) = scaled {
        value *= scale;
        end + 1
    } else {
        end
    };
    if let Some((unit, factor, e)) = unit_after(tokens, end) {
        return found(value * factor, &unit, None, i, e);
    }
    if tokens[i.saturating_sub(2)..i].iter().any(|t| t.is("magnitude")) {
        return found(value, "magnitude", None, i, end);
    }
    let (noun, noun_end) = counted_noun(tokens, end + 1)?;
    looks_plural(noun.rsplit(' ').next().unwrap_or(""))
        .then(|| found(value, &noun, None, i, noun_end))
        .flatten()
}

/// "the Four Presidencies initiative", "the Big Four", "Group of Seven": a number word
/// capitalised mid-sentence next to another capital is part of a name — after a word only, not
/// "‘Three Britons were killed’" nor "(Two Americans and a Briton)".
fn in_a_name(tokens: &[Token<'_>], i: usize) -> bool {
    let capital = |k: usize| tokens.get(k).is_some_and(|n| n.kind == Kind::Word && n.is_capitalized());
    i > 0
        && tokens[i].is_capitalized()
        && tokens[i - 1].kind == Kind::Word
        && (capital(i + 1) || capital(i - 1))
}

/// "in two thousand five", as broadcast scripts spell a year: when, not how many.
fn is_a_year_said(tokens: &[Token<'_>], i: usize, end: usize, value: f64) -> bool {
    // ("from nineteen ninety-one to two thousand two": after "from" or "to", a year said as one —
    // not "rose to one thousand nine hundred and twelve" nor "from two thousand to three thousand".)
    let before = i.checked_sub(1).map(|b| tokens[b].lower());
    let said_as_a_year =
        tokens[i].is("two") && tokens.get(i + 1).is_some_and(|t| t.is("thousand")) && end == i + 2;
    let from_or_to = matches!(before, Some("from" | "to")) && said_as_a_year;
    // ("after two thousand nine", but "After two thousand workers walked out": a count.)
    let around_a_time = matches!(before, Some("after" | "before" | "during" | "through")) && said_as_a_year;
    (1900.0..2100.0).contains(&value)
        && (matches!(before, Some("in" | "since" | "until" | "by" | "of")) || around_a_time || from_or_to)
}

/// Whether a year spelled as broadcast scripts say it starts at token `i`: "nineteen
/// ninety-one", "nineteen-fifty", "eighteen sixty-five" — a century's number, then its year.
fn spoken_year(tokens: &[Token<'_>], i: usize) -> bool {
    let century = |w: &str| words::CENTURY_WORDS.contains(w);
    let year = |w: &str| small_number(w).is_some_and(|v| (10.0..100.0).contains(&v));
    let lower = tokens[i].lower();
    if let Some((first, rest)) = lower.split_once('-') {
        return century(first) && year(rest);
    }
    let next = tokens.get(i + 1).map(|t| t.lower());
    let after = tokens.get(i + 2).map(|t| t.lower());
    let scaled = after.is_some_and(|a| a == "hundred" || scale_word(a).is_some());
    century(lower) && next.is_some_and(year) && !scaled
}

/// "a six-member team": a count joined to its noun.
fn hyphenated_count(lower: &str, i: usize, after_the: bool) -> Option<Found> {
    // ("two-hundred percent" is a number, not two hundreds.)
    if super::lexicon::compound_number(lower).is_some() {
        return None;
    }
    let (number, noun) = lower.split_once('-')?;
    let value = small_number(number)?;
    // ("twenty-first ranked Germany", "thirty-fifth": an ordinal, not twenty firsts.)
    // ("a thirty-second ad" is a duration; "the forty-second president" an ordinal.)
    let ordinal = noun.ends_with("th") || matches!(noun, "first" | "third") || noun == "second" && after_the;
    let not_a_count = noun.contains('-') || noun == "old" || ordinal;
    if not_a_count || value < 2.0 || small_number(noun).is_some() || fraction(noun).is_some() {
        return None;
    }
    found(value, &super::plural(noun), None, i, i)
}

/// Number words, fractions and "two out of three" starting at token `i`.
pub(super) fn words_figure(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &tokens[i];
    if t.kind != Kind::Word {
        return None;
    }
    if in_a_name(tokens, i) {
        return None;
    }
    let lower = t.lower();
    if let Some(f) = percentage_point_said(tokens, i, lower) {
        return Some(f);
    }
    if let Some(f) = fraction_figure(tokens, i, lower) {
        return Some(f);
    }
    if let Some(f) = spoken_decimal(tokens, i, lower) {
        return Some(f);
    }
    // "a two-percent rate".
    if let Some(number) = lower.strip_suffix("-percent") {
        let (value, _) = spelled(&[Token::new(t.start, number, t.kind, t.joined)], 0)?;
        return found(value, "percent", None, i, i);
    }
    if let Some(f) = word_forms(tokens, i, lower) {
        return Some(f);
    }
    let after_the = i > 0 && (tokens[i - 1].is("the") || crate::names::is_possessive(tokens[i - 1].text));
    if let Some(f) = hyphenated_count(lower, i, after_the) {
        return Some(f);
    }
    if lower == "one" {
        if let Some(f) = one_of_a_whole(tokens, i) {
            return Some(f);
        }
    }
    // The number must start here: "hundred" inside "two hundred" is not a second figure.
    if i > 0 && spelled(tokens, i - 1).is_some_and(|(_, e)| e >= i) && !tokens[i - 1].is("a") {
        return None;
    }
    let (value, end) = spelled(tokens, i)?;
    // "nineteen ninety-one", "nineteen-fifty": a year as broadcast scripts spell it (checked
    // only once a number is read: this runs at every word).
    if spoken_year(tokens, i) || i > 0 && spoken_year(tokens, i - 1) && !tokens[i - 1].text.contains('-') {
        return None;
    }
    if let Some(share) = share_of(tokens, i, end, value) {
        return Some(share);
    }
    if let Some(range) = spelled_range(tokens, i, end, value) {
        return Some(range);
    }
    if is_a_year_said(tokens, i, end, value) {
        return None;
    }
    if let Some((unit, factor, e)) = unit_after(tokens, end) {
        return found(value * factor, &unit, None, i, e);
    }
    // "over one million times".
    if value >= 100.0 && tokens.get(end + 1).is_some_and(|t| t.is("times")) {
        return found(value, "times", None, i, end + 1);
    }
    let large = spelled_is_large(tokens, i, end);
    let Some((noun, noun_end)) = counted_noun(tokens, end + 1) else {
        // "Thirty-one thousand more were expected": as definite as digits, its noun unsaid.
        let unsaid =
            tokens.get(end + 1).is_none_or(|n| n.kind == Kind::Punct || words::NOT_NOUNS.contains(n.lower()));
        // "killing six and wounding 40", "Five were killed": casualties, their noun unsaid.
        let toll = in_toll(tokens, i, end) && !is_determined(tokens, i, "", value);
        return ((large || toll) && unsaid).then(|| found(value, super::UNSAID_UNIT, None, i, end)).flatten();
    };
    let head = noun.rsplit(' ').next().unwrap_or("");
    let measured = words::MEASURED.contains(head);
    let qualified = qualifier_before(tokens, i).is_some();
    let determined = is_determined(tokens, i, head, value);
    let plural_count = value >= 2.0 && looks_plural(head);
    if determined && !large || !(measured || large || qualified && value >= 2.0 || plural_count) {
        return None;
    }
    found(value, &noun, None, i, noun_end)
}

/// Numbers in words of a shape the main path does not read: a scale joined to its number
/// ("Five-thousand more came"), "one percent" and "nearly zero percent" (a number too small to
/// count alone, with its unit), and counts of times ("accused two times", "three times higher").
fn word_forms(tokens: &[Token<'_>], i: usize, lower: &str) -> Option<Found> {
    // "Five-thousand more came": a scale joined to its number.
    if let Some((number, scale)) = lower.split_once('-') {
        if let (Some(value), Some(scale)) = (small_number(number), super::lexicon::scale_word(scale)) {
            let (noun, noun_end) = counted_noun(tokens, i + 1).unwrap_or((super::UNSAID_UNIT.to_owned(), i));
            return found(value * scale, &noun, None, i, noun_end);
        }
    }
    // "one percent", "nearly zero percent": a number too small to count alone, with its unit.
    if matches!(lower, "one" | "zero") {
        if let Some((unit, factor, e)) =
            unit_after(tokens, i).filter(|(unit, _, _)| unit.starts_with("percent"))
        {
            let value = if lower == "one" { 1.0 } else { 0.0 };
            return found(value * factor, &unit, None, i, e);
        }
    }
    // "accused two times", "about three times higher": how many times.
    times_figure(tokens, i, lower)
}

/// "two times", "three times higher": a count of times, in words ("twice" alone is as often a
/// manner of speaking as a count, and annotators leave it).
fn times_figure(tokens: &[Token<'_>], i: usize, lower: &str) -> Option<Found> {
    let value = small_number(lower).filter(|v| *v >= 2.0)?;
    tokens.get(i + 1).filter(|t| t.is("times"))?;
    found(value, "times", None, i, i + 1)
}

/// "a jail term of six to ten months", "between five and nine hurricanes": both bounds said in
/// words, the counted noun after the second.
fn spelled_range(tokens: &[Token<'_>], i: usize, end: usize, low: f64) -> Option<Found> {
    let join = tokens.get(end + 1)?;
    let between = i > 0 && tokens[i - 1].is("between");
    if !(join.is("to") || join.is("and") && between) || low <= 0.0 {
        return None;
    }
    let (high, high_end) = spelled(tokens, end + 2).filter(|(high, _)| *high > low)?;
    let (noun, noun_end) = unit_after(tokens, high_end)
        .map(|(unit, _, e)| (unit, e))
        .or_else(|| counted_noun(tokens, high_end + 1))?;
    let mut range = found(low, &noun, None, i, noun_end)?;
    range.range = Some(high / low);
    Some(range)
}

/// "the two leaders", "their three children": a determiner makes a small number a reference, not
/// a count; "the previous two months", "the next three years": a period referred to. ("the
/// first five most promising therapeutics" is a count: its noun is no span of time; so is "the
/// three U.S. crew members", "the four Iranian-Americans detained": after "the", three or more
/// is how many, as news states it — "the two" is nearly always the pair already named.)
fn is_determined(tokens: &[Token<'_>], i: usize, head: &str, value: f64) -> bool {
    let time_noun = matches!(
        head,
        "days"
            | "weeks"
            | "months"
            | "years"
            | "quarters"
            | "decades"
            | "hours"
            | "minutes"
            | "seasons"
            | "games"
            | "rounds"
            | "matches"
    );
    let period = i > 1
        && time_noun
        && matches!(tokens[i - 1].lower(), "previous" | "next" | "first" | "following" | "coming")
        && matches!(tokens[i - 2].lower(), "the" | "its" | "their" | "his" | "her" | "our");
    let stated = value >= 3.0 && !time_noun && i > 0 && tokens[i - 1].is("the");
    period
        || !stated
            && i > 0
            && matches!(
                tokens[i - 1].lower(),
                "the" | "these" | "those" | "his" | "her" | "their" | "its" | "our" | "both" | "my" | "your"
            )
}

/// "a quarter of", "half of", "two-thirds of", "cut by a third", "two-tenths of a percent",
/// "a quarter of a million people".
fn fraction_figure(tokens: &[Token<'_>], i: usize, lower: &str) -> Option<Found> {
    let (numerator, denominator_word) = match lower.split_once('-') {
        Some((n, d)) => (small_number(n)?, d),
        None => (1.0, lower),
    };
    let share = numerator * fraction(denominator_word)?;
    let prev = i.checked_sub(1).map(|p| tokens[p].lower()).unwrap_or_default();
    // "the first half of the year" is a period, not a share.
    if matches!(prev, "first" | "second" | "last" | "latter" | "other" | "the" | "third" | "fourth") {
        return None;
    }
    let article = matches!(prev, "a" | "one") || lower.contains('-') || lower == "half";
    let start = if prev == "a" { i - 1 } else { i };
    let next = |k: usize| tokens.get(i + k);
    let of = next(1).is_some_and(|n| n.is("of"));
    // "… of a percent", "… of a percentage point", "… of a million"; "seven-tenths of one
    // percent", as broadcast scripts say it.
    let one_percent = next(2).is_some_and(|a| a.is("one")) && next(3).is_some_and(|p| p.is("percent"));
    if of && one_percent {
        return found(share, "percent", None, start, i + 3);
    }
    if of && next(2).is_some_and(|a| a.is("a")) {
        let what = next(3)?.lower();
        if what == "percent" {
            return found(share, "percent", None, start, i + 3);
        }
        if what == "percentage" && next(4).is_some_and(|p| p.is("point") || p.is("points")) {
            return found(share, "percentage points", None, start, i + 4);
        }
        if let Some((scale, scale_end)) = spelled(tokens, i + 2) {
            let (noun, noun_end) = counted_noun(tokens, scale_end + 1)?;
            return found(share * scale, &noun, None, start, noun_end);
        }
    }
    // "about half as much as they need".
    if lower == "half"
        && next(1).is_some_and(|a| a.is("as"))
        && next(2).is_some_and(|m| m.is("much") || m.is("many"))
    {
        return found(50.0, "percent", None, i, i + 2);
    }
    // "a half million acres".
    if let Some(scale) =
        next(1).filter(|_| lower == "half").and_then(|s| super::lexicon::scale_word(s.lower()))
    {
        let (noun, noun_end) = counted_noun(tokens, i + 2).unwrap_or((super::UNSAID_UNIT.to_owned(), i + 1));
        return found(0.5 * scale, &noun, None, start, noun_end);
    }
    // "half a million".
    if lower == "half" && next(1).is_some_and(|a| a.is("a")) {
        if let Some((scale, scale_end)) = spelled(tokens, i + 1) {
            let (noun, noun_end) = counted_noun(tokens, scale_end + 1)?;
            return found(0.5 * scale, &noun, None, i, noun_end);
        }
    }
    // "cut by almost half", "fell by a third": a share without "of".
    let by_at =
        tokens[i.saturating_sub(3)..i].iter().rposition(|t| t.is("by")).map(|p| i.saturating_sub(3) + p);
    let after_by = by_at.is_some_and(|b| {
        tokens[b + 1..i].iter().all(|t| {
            matches!(
                t.lower(),
                "a" | "one" | "almost" | "nearly" | "about" | "roughly" | "more" | "than" | "over"
            )
        })
    });
    // "a third are retired", "half say they cannot afford rent": a share as the subject.
    let verb_after = next(1).is_some_and(|v| SHARE_VERBS.contains(&v.lower()));
    // "only half the trains", "nearly half the market": "of" left out.
    let the_after = lower == "half" && next(1).is_some_and(|n| n.is("the") || n.is("its") || n.is("their"));
    (article && (of || after_by || verb_after || the_after))
        .then(|| found(share * 100.0, "percent", None, start, i))
        .flatten()
}

/// Verbs after a share that is the subject of its sentence: "a third are retired".
const SHARE_VERBS: &[&str] = &[
    "are", "were", "is", "was", "say", "said", "have", "had", "will", "would", "do", "did", "believe",
    "think", "support", "oppose", "back", "backed", "want", "live", "lived", "work", "died",
];

/// "two in three adults", "two out of three voters", "two thirds of the ballots": a part of a
/// whole said in words.
fn share_of(tokens: &[Token<'_>], i: usize, end: usize, value: f64) -> Option<Found> {
    // "more than two thirds of the ballots": a share said as a count of parts.
    let parts = tokens.get(end + 1).and_then(|t| fraction(t.lower()).filter(|_| t.lower().ends_with('s')));
    if let Some(part) = parts.filter(|_| (2.0..10.0).contains(&value)) {
        return found(value * part * 100.0, "percent", None, i, end + 1);
    }
    let at = |k: usize| tokens.get(end + k);
    let counted = |k: usize| {
        at(k).is_some_and(|t| t.kind == Kind::Number || small_number(t.lower()).is_some_and(|v| v >= 2.0))
    };
    let whole_from = match (at(1), at(2)) {
        (Some(a), _) if a.is("in") => end + 2,
        // "four out of every five jobs".
        (Some(a), Some(b)) if a.is("out") && b.is("of") && at(3).is_some_and(|e| e.is("every")) => end + 4,
        // "three out of the four vehicles".
        (Some(a), Some(b)) if a.is("out") && b.is("of") && at(3).is_some_and(|t| t.is("the")) => end + 4,
        (Some(a), Some(b)) if a.is("out") && b.is("of") => end + 3,
        // "five of the last six months".
        (Some(a), Some(b)) if a.is("of") && b.is("the") && at(3).is_some_and(super::is_a_span_word) => {
            end + 4
        }
        // "three of the six components", "two of its four plants": a part of a whole said.
        (Some(a), Some(b))
            if a.is("of") && matches!(b.lower(), "the" | "its" | "their" | "his" | "her" | "our") =>
        {
            end + 3
        }
        // "two of five submarines".
        (Some(a), _) if a.is("of") && counted(2) => end + 2,
        _ => return None,
    };
    let whole = spelled(tokens, whole_from).or_else(|| {
        let n = tokens.get(whole_from).filter(|n| n.kind == Kind::Number)?;
        super::digits_value(n.text).map(|v| (v, whole_from))
    });
    // ("day five of the 2018 World Cup": a year is no whole.)
    let year = |w: f64| (1900.0..2100.0).contains(&w) && w.fract() == 0.0;
    let whole = whole.filter(|(w, _)| *w > value && (*w <= 100.0 || whole_from == end + 3) && !year(*w));
    let Some((whole, whole_end)) = whole else {
        // "Six of the festivals", "Seventeen of the counts": a part of a whole left uncounted.
        let (noun, noun_end) =
            counted_noun(tokens, whole_from).filter(|_| whole_from == end + 3 && value >= 2.0)?;
        let plural = looks_plural(noun.rsplit(' ').next().unwrap_or(""));
        return plural.then(|| found(value, &noun, None, i, noun_end)).flatten();
    };
    let (noun, noun_end) = counted_noun(tokens, whole_end + 1).unwrap_or(("people".into(), whole_end));
    found(value, &noun, Some(whole), i, noun_end)
}

/// "one in five adults", "one out of every 10", "one young person in every six": one of a whole.
fn one_of_a_whole(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let out_of =
        tokens.get(i + 1).is_some_and(|n| n.is("out")) && tokens.get(i + 2).is_some_and(|n| n.is("of"));
    if tokens.get(i + 1).is_some_and(|n| n.is("in")) || out_of {
        return one_in(tokens, i);
    }
    one_noun_in(tokens, i)
}

/// "one young person in every six", "one adult in 10": one of a whole, its noun before "in".
fn one_noun_in(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    // ("one million homes in three and a half years": a scale makes a count, not one of them.)
    if tokens.get(i + 1).is_some_and(|t| super::lexicon::scale_word(t.lower()).is_some()) {
        return None;
    }
    let words = tokens[i + 1..].iter().take(3).take_while(|t| t.is_lowercase_word() && !t.is("in")).count();
    let at_in = i + 1 + words;
    if words == 0 || !tokens.get(at_in).is_some_and(|t| t.is("in")) {
        return None;
    }
    let from = if tokens.get(at_in + 1).is_some_and(|e| e.is("every")) { at_in + 2 } else { at_in + 1 };
    let whole = spelled(tokens, from).or_else(|| {
        let n = tokens.get(from).filter(|n| n.kind == Kind::Number)?;
        super::digits_value(n.text).map(|v| (v, from))
    });
    // (Not "one woman in 2019", a year, nor "one player in 20 years", a time, unless "every".)
    let every = from == at_in + 2;
    let year = |w: f64| (1900.0..2100.0).contains(&w) && w.fract() == 0.0;
    let (whole, whole_end) = whole.filter(|(w, _)| *w >= 2.0 && !year(*w))?;
    let time_after = tokens.get(whole_end + 1).is_some_and(|t| {
        let lower = t.lower();
        words::WHEN_WORDS.contains(lower) || words::WHEN_WORDS.contains(lower.trim_end_matches('s'))
    });
    if time_after && !every {
        return None;
    }
    let noun: Vec<&str> = tokens[i + 1..at_in].iter().map(|t| t.text).collect();
    found(1.0, &noun.join(" "), Some(whole), i, whole_end)
}

/// "one in five adults", "one in 10", "one out of five people".
fn one_in(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let from = if tokens.get(i + 1).is_some_and(|n| n.is("out")) { i + 3 } else { i + 2 };
    // ("one out of every 10 inhabitants".)
    let from = if tokens.get(from).is_some_and(|e| e.is("every")) { from + 1 } else { from };
    let whole = spelled(tokens, from).or_else(|| {
        tokens
            .get(from)
            .filter(|n| n.kind == Kind::Number)
            .and_then(|n| super::digits_value(n.text).map(|v| (v, from)))
    });
    let (whole, whole_end) = whole?;
    let (noun, noun_end) =
        counted_noun(tokens, whole_end + 1).unwrap_or_else(|| ("people".to_owned(), whole_end));
    found(1.0, &noun, Some(whole), i, noun_end)
}
