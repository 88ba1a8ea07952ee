//! Numbers that are not amounts: dates, years, times, ordinals, ages, labels, codes.

use super::lexicon::{currency_symbol, currency_word, scale};
use crate::text::{Kind, Token};
use crate::words;

/// Numbers that are not amounts.
pub fn is_not_a_claim(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let integer = !tokens[i].text.contains('.') && value.fract() == 0.0;
    is_glued(tokens, i)
        || is_a_time(tokens, i)
        || integer
            && (is_a_date(tokens, i, value) || is_a_year(tokens, i, value) || is_an_age(tokens, i, value))
        || is_a_label(tokens, i)
        || is_a_code(tokens, i)
        || is_a_range_end(tokens, i)
        || is_a_denominator(tokens, i)
}

/// The number after the slash of "24/7", "9/11" or "3 1/2" (read with its whole number): no
/// figure of its own.
fn is_a_denominator(tokens: &[Token<'_>], i: usize) -> bool {
    let (prev, prev2, _) = around(tokens, i);
    tokens[i].joined
        && prev.is_some_and(|p| p.punct("/") && p.joined)
        && prev2.is_some_and(|p| p.kind == Kind::Number)
}

/// The upper end of a range whose lower end was no figure: "aged 8–10 years".
fn is_a_range_end(tokens: &[Token<'_>], i: usize) -> bool {
    let (prev, prev2, _) = around(tokens, i);
    prev.is_some_and(|p| p.punct("-–")) && prev2.is_some_and(|p| p.kind == Kind::Number)
}

fn around<'t, 'a>(
    tokens: &'t [Token<'a>],
    i: usize,
) -> (Option<&'t Token<'a>>, Option<&'t Token<'a>>, Option<&'t Token<'a>>) {
    (i.checked_sub(1).map(|p| &tokens[p]), i.checked_sub(2).map(|p| &tokens[p]), tokens.get(i + 1))
}

/// Letters glued on: "21st", "2nd", "1990s", "6pm"; glued after letters: "G20", "F-16", "COVID-19".
fn is_glued(tokens: &[Token<'_>], i: usize) -> bool {
    let (prev, prev2, next) = around(tokens, i);
    let t = &tokens[i];
    let suffix = next.filter(|n| n.joined && n.kind == Kind::Word).is_some_and(|n| {
        matches!(n.lower(), "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "a.m" | "p.m" | "h" | "min")
    });
    // "4chan", "3com", "9gag": a longer word glued after the number makes a name, unless it is
    // a scale or a unit ("5million", "20mins").
    let name_after = next.filter(|n| n.joined && n.is_lowercase_word()).is_some_and(|n| {
        let w = n.lower();
        w.len() >= 4
            && scale(w).is_none()
            && currency_word(w).is_none()
            && !words::MEASURED.contains(w)
            && !matches!(w, "mins" | "secs" | "hrs" | "kmph" | "kmh" | "sq")
    });
    let glued_to_word = prev.is_some_and(|p| p.kind == Kind::Word) && t.joined;
    let glued_by_hyphen = prev.is_some_and(|p| p.punct("-/#") && p.joined)
        && t.joined
        && prev2.is_some_and(|p2| p2.kind == Kind::Word);
    suffix || name_after || glued_to_word || glued_by_hyphen
}

/// Times of day: "10:30", "6 p.m.", reading times "6 min read".
fn is_a_time(tokens: &[Token<'_>], i: usize) -> bool {
    let (prev, _, next) = around(tokens, i);
    let number_at = |k: usize| tokens.get(k).is_some_and(|m| m.kind == Kind::Number);
    let clock = next.is_some_and(|n| n.punct(":") && n.joined) && number_at(i + 2)
        || prev.is_some_and(|p| p.punct(":") && tokens[i].joined)
            && i >= 2
            && tokens[i - 2].kind == Kind::Number;
    // "at 07.49 local time".
    let local_time = next.is_some_and(|n| n.is("local")) && tokens.get(i + 2).is_some_and(|t| t.is("time"));
    let time_word =
        local_time || next.is_some_and(|n| words::TIME_WORDS.contains(n.lower().trim_end_matches('.')));
    let reading = next.is_some_and(|n| n.is("minute") || n.is("min"))
        && tokens.get(i + 2).is_some_and(|r| r.is("read"));
    clock || time_word || reading
}

/// Dates: "Dec. 30", "30 December", "the 3rd of March", "March 3, 2022".
fn is_a_date(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let (prev, prev2, next) = around(tokens, i);
    let is_month = |tok: Option<&Token<'_>>| {
        tok.is_some_and(|m| m.kind == Kind::Word && words::MONTHS.contains(m.lower()))
    };
    let month_before = is_month(prev) || (prev.is_some_and(|p| p.punct(".")) && is_month(prev2));
    let month_after = is_month(next) || next.is_some_and(|n| n.is("of")) && is_month(tokens.get(i + 2));
    value <= 31.0 && (month_before || month_after)
}

/// Years: a four-digit whole number from 1800 to 2100 with no comma, unless money or a share;
/// two digits after an apostrophe ("F.Y. '18", "the class of ’09").
fn is_a_year(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let (prev, _, next) = around(tokens, i);
    let apostrophe = prev.is_some_and(|p| p.punct("'’") && !p.joined) && tokens[i].joined;
    if apostrophe && tokens[i].text.len() == 2 {
        return true;
    }
    let is_year = tokens[i].text.len() == 4 && (1800.0..=2100.0).contains(&value);
    let money_or_share = prev.is_some_and(|p| currency_symbol(p.text).is_some())
        || next.is_some_and(|n| {
            n.punct("%") || n.is("percent") || scale(n.text).is_some() || currency_word(n.text).is_some()
        });
    is_year && !money_or_share
}

/// A year or a decade in words, as VOA Special English writes them: "reported in Two-Thousand",
/// "between Nineteen-Sixty-Five and Two-Thousand", "since the nineteen thirties".
pub fn is_a_year_in_words(tokens: &[Token<'_>], start: usize, end: usize, value: f64, unit: &str) -> bool {
    let spelled = tokens[start..=end].iter().all(|t| t.kind != Kind::Number);
    let decade = words::DECADE_WORDS.contains(unit)
        || tokens.get(end + 1).is_some_and(|n| words::DECADE_WORDS.contains(n.lower()));
    // ("between Nineteen-Sixty-Five and Two-Thousand": "and" dates a year only after "between";
    // "300 people, and two thousand were wounded" counts.)
    let between = start > 0
        && tokens[start - 1].is("and")
        && tokens[start.saturating_sub(8)..start].iter().any(|t| t.is("between"));
    let dated = start > 0 && words::BEFORE_A_YEAR.contains(tokens[start - 1].lower()) || between;
    let year = (1800.0..=2100.0).contains(&value) && value.fract() == 0.0;
    // ("in two thousand people": a noun after it makes a count.)
    let counted = tokens.get(end + 1).is_some_and(|n| n.is_lowercase_word() && n.text.ends_with('s'));
    spelled && (decade || year && dated && !counted)
}

/// Ages: "Putin, 70, said", "aged 45", "45-year-old".
fn is_an_age(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let (prev, prev2, next) = around(tokens, i);
    let aged = prev.is_some_and(|p| p.is("aged") || p.is("age"));
    let year_old = next.is_some_and(|n| n.punct("-"))
        && tokens.get(i + 2).is_some_and(|w| w.lower().starts_with("year") && w.lower().ends_with("-old"));
    let after_name = prev.is_some_and(|p| p.punct(","))
        && next.is_some_and(|n| n.punct(","))
        && value < 120.0
        && prev2.is_some_and(|n| n.is_capitalized());
    // "34 years old".
    let years_old =
        next.is_some_and(|n| n.is("years") || n.is("year")) && tokens.get(i + 2).is_some_and(|o| o.is("old"));
    aged || year_old || after_name || years_old || is_a_childs_age(tokens, i, value)
}

/// "children under five", "kids under 12", "under five years of age": the children's ages, in
/// digits or words, not a count of them.
pub fn is_a_childs_age(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let (prev, prev2, next) = around(tokens, i);
    let years = next.is_some_and(|n| n.is("years") || n.is("year"));
    let of_age = years
        && tokens.get(i + 2).is_some_and(|o| o.is("of"))
        && tokens.get(i + 3).is_some_and(|a| a.is("age"));
    let child = |t: &Token<'_>| words::CHILD_NOUNS.contains(t.lower());
    // ("40 babies under 1.5 kilograms": a weight, not an age.)
    let measured = next.is_some_and(|n| words::BODY_MEASURES.contains(n.lower()));
    let under_an_age = prev.is_some_and(|p| p.is("under")) && prev2.is_some_and(child) && !measured;
    // ("Anyone 16 years of age can vote": only children's ages.)
    let of_a_childs_age = of_age && tokens[i.saturating_sub(8)..i].iter().any(child);
    value < 19.0 && value.fract() == 0.0 && (of_a_childs_age || under_an_age)
}

/// Labels: "Article 5", "Flight 17", "No. 2"; and a number inside a name mid-sentence: "the
/// DAX 40", "the Fortune 500 companies", "the S&P 500 index".
fn is_a_label(tokens: &[Token<'_>], i: usize) -> bool {
    let (prev, prev2, next) = around(tokens, i);
    let mid_sentence_name = i >= 2
        && prev.is_some_and(|p| {
            let currency = matches!(
                p.text,
                "Rs" | "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "CHF" | "INR" | "AUD" | "CAD"
            );
            // ("Apple's 42 stores": an owner's count, not a name's number.)
            let owner = crate::names::is_possessive(p.text);
            p.is_capitalized() && !currency && !owner && !words::NOT_NAMES.contains(p.lower())
        })
        && !next.is_some_and(|n| n.punct("%") || n.is("percent") || n.is("per"));
    if mid_sentence_name && !tokens[i].text.contains(',') {
        return true;
    }
    // "coach of the Under 23 Men's team", "the Under 20 World Cup": an age group's name.
    let age_group = i >= 2
        && prev.is_some_and(|p| p.text == "Under")
        && next.is_some_and(|n| words::AGE_GROUP_WORDS.contains(crate::names::without_possessive(n.lower())));
    if age_group {
        return true;
    }
    // "type 2 diabetes", "Type 1": a kind's number, where "type" is a noun — capitalised, or after
    // a word that takes a noun ("has type 2 diabetes"), not the verb of "users can type 280".
    let kind = prev.is_some_and(|p| p.text == "Type")
        || prev.is_some_and(|p| p.text == "type")
            && prev2.is_some_and(|b| words::BEFORE_A_KIND.contains(b.lower()));
    if kind {
        return true;
    }
    let label = |tok: Option<&Token<'_>>| {
        tok.is_some_and(|p| words::LABELS.contains(p.lower()) && p.is_capitalized())
    };
    label(prev) || (prev.is_some_and(|p| p.punct(".")) && label(prev2))
}

/// Numbers inside phone numbers or codes: "555-0123" (not "10-15%" or "3-1 win").
fn is_a_code(tokens: &[Token<'_>], i: usize) -> bool {
    let next = tokens.get(i + 1);
    let coded = next.is_some_and(|n| n.punct("-/") && n.joined)
        && tokens.get(i + 2).is_some_and(|m| m.kind == Kind::Number && m.joined);
    let percent_after = tokens.get(i + 3).is_some_and(|p| p.punct("%") || p.is("percent"));
    let word_after = tokens.get(i + 3).is_some_and(|w| w.kind == Kind::Word && !w.is_capitalized());
    coded && !percent_after && !word_after
}

/// "the highest level in 100 years", "the smallest increase in three years": the span of a
/// record, not an amount claimed.
pub fn is_a_record_span(tokens: &[Token<'_>], start: usize, unit: &str) -> bool {
    if !matches!(unit, "years" | "decades" | "months" | "weeks" | "centuries") || start == 0 {
        return false;
    }
    let before = &tokens[start.saturating_sub(3)..start];
    let in_at = before.iter().rposition(|t| t.is("in") || t.is("for"));
    let Some(in_at) = in_at.map(|p| start.saturating_sub(3) + p) else { return false };
    let gap_ok = tokens[in_at + 1..start].iter().all(|t| {
        t.is("the") || t.is("past") || t.is("last") || t.is("almost") || t.is("nearly") || t.is("over")
    });
    let window = &tokens[in_at.saturating_sub(3)..in_at];
    let record = window.iter().any(|t| {
        let w = t.lower();
        w == "record"
            || w == "first"
            || w == "worst"
            || w == "best"
            || w == "most"
            || w == "least"
            || w.ends_with("est") && w.len() > 5
    });
    gap_ok && record
}

/// "six minutes later", "seventeen years ago", "every ten years", "at the age of four months":
/// when something happened, how often, or how old someone was — not an amount claimed.
pub fn is_a_time_reference(tokens: &[Token<'_>], start: usize, end: usize, unit: &str, value: f64) -> bool {
    let time =
        matches!(unit, "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades");
    if !time {
        return false;
    }
    let next = tokens.get(end + 1).map(|t| t.lower().to_owned()).unwrap_or_default();
    let before = |k: usize| start.checked_sub(k).map(|p| tokens[p].lower().to_owned()).unwrap_or_default();
    // "two minutes in the second half" (not "four months in advance").
    let in_the = next == "in" && tokens.get(end + 2).is_some_and(|t| t.is("the"));
    // "six minutes later", "two days after an agreement", "less than two weeks before the vote"
    // — but "130 hours after the first tremor" is how long a rescue took, a figure to check.
    let after_the = matches!(&*next, "after" | "before")
        && value <= 12.0
        && tokens
            .get(end + 2)
            .is_some_and(|t| matches!(t.lower(), "the" | "a" | "an" | "his" | "her" | "their" | "its"));
    let later =
        after_the || matches!(&*next, "later" | "earlier" | "ago" | "afterwards" | "beforehand" | "into");
    let relative = (in_the || later) && !matches!(before(1).as_str(), "for" | "within" | "over");
    let every = before(1) == "every";
    let age = before(1) == "of" && before(2) == "age";
    relative || every || age
}
