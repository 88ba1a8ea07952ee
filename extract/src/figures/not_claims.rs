//! Numbers that are not amounts: dates, years, times, ordinals, ages, labels, codes.

use super::lexicon::{currency_symbol, currency_word, scale};
use crate::text::{Kind, Token};
use crate::words;

/// Numbers that are not amounts.
pub fn is_not_a_claim(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
    let t = &tokens[i];
    let prev = i.checked_sub(1).map(|p| &tokens[p]);
    let prev2 = i.checked_sub(2).map(|p| &tokens[p]);
    let next = tokens.get(i + 1);
    let integer = !t.text.contains('.') && value.fract() == 0.0;
    // Letters glued on: "21st", "2nd", "1990s", "6pm"; glued after letters: "G20", "F-16", "COVID-19".
    if let Some(n) = next.filter(|n| n.joined && n.kind == Kind::Word) {
        let w = n.lower();
        if matches!(w.as_str(), "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "a.m" | "p.m" | "h" | "min") {
            return true;
        }
    }
    let glued_to_word = prev.is_some_and(|p| p.kind == Kind::Word) && t.joined;
    let glued_by_hyphen = prev.is_some_and(|p| p.punct("-/#") && p.joined)
        && t.joined
        && prev2.is_some_and(|p2| p2.kind == Kind::Word);
    if glued_to_word || glued_by_hyphen {
        return true;
    }
    // Times of day: "10:30", "6 p.m.", reading times "6 min read".
    if next.is_some_and(|n| n.punct(":") && n.joined)
        && tokens.get(i + 2).is_some_and(|m| m.kind == Kind::Number)
    {
        return true;
    }
    if prev.is_some_and(|p| p.punct(":") && t.joined) && i >= 2 && tokens[i - 2].kind == Kind::Number {
        return true;
    }
    if next.is_some_and(|n| words::TIME_WORDS.contains(n.lower().trim_end_matches('.'))) {
        return true;
    }
    if next.is_some_and(|n| n.is("minute") || n.is("min")) && tokens.get(i + 2).is_some_and(|r| r.is("read"))
    {
        return true;
    }
    // Dates: "Dec. 30", "30 December", "March 3, 2022".
    let is_month = |tok: Option<&Token<'_>>| {
        tok.is_some_and(|m| m.kind == Kind::Word && words::MONTHS.contains(m.lower().as_str()))
    };
    if integer && value <= 31.0 {
        let month_before = is_month(prev) || (prev.is_some_and(|p| p.punct(".")) && is_month(prev2));
        if month_before || is_month(next) || next.is_some_and(|n| n.is("of")) && is_month(tokens.get(i + 2)) {
            return true;
        }
    }
    // Years: a four-digit whole number from 1800 to 2100 with no comma, unless money or percent.
    let is_year = integer && t.text.len() == 4 && (1800.0..=2100.0).contains(&value);
    let money_or_share = prev.is_some_and(|p| currency_symbol(p.text).is_some())
        || next.is_some_and(|n| {
            n.punct("%") || n.is("percent") || scale(n.text).is_some() || currency_word(n.text).is_some()
        });
    if is_year && !money_or_share {
        return true;
    }
    // Ages: "Putin, 70, said", "aged 45", "45-year-old".
    if prev.is_some_and(|p| p.is("aged") || p.is("age")) {
        return true;
    }
    if next.is_some_and(|n| n.punct("-"))
        && tokens.get(i + 2).is_some_and(|w| w.lower().starts_with("year") && w.lower().ends_with("-old"))
    {
        return true;
    }
    if prev.is_some_and(|p| p.punct(","))
        && next.is_some_and(|n| n.punct(","))
        && value < 120.0
        && integer
        && prev2.is_some_and(|n| n.is_capitalized())
    {
        return true;
    }
    // Labels: "Article 5", "Flight 17", "No. 2".
    let label_before = |tok: Option<&Token<'_>>| {
        tok.is_some_and(|p| words::LABELS.contains(p.lower().as_str()) && p.is_capitalized())
    };
    if label_before(prev) || (prev.is_some_and(|p| p.punct(".")) && label_before(prev2)) {
        return true;
    }
    // Numbers inside phone numbers or codes: "555-0123".
    if next.is_some_and(|n| n.punct("-/") && n.joined)
        && tokens.get(i + 2).is_some_and(|m| m.kind == Kind::Number && m.joined)
    {
        let percent_after = tokens.get(i + 3).is_some_and(|p| p.punct("%") || p.is("percent"));
        return !percent_after
            && !tokens.get(i + 3).is_some_and(|w| w.kind == Kind::Word && !w.is_capitalized());
    }
    false
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
pub fn is_a_time_reference(tokens: &[Token<'_>], start: usize, end: usize, unit: &str) -> bool {
    let time =
        matches!(unit, "seconds" | "minutes" | "hours" | "days" | "weeks" | "months" | "years" | "decades");
    if !time {
        return false;
    }
    let next = tokens.get(end + 1).map(|t| t.lower()).unwrap_or_default();
    let before = |k: usize| start.checked_sub(k).map(|p| tokens[p].lower()).unwrap_or_default();
    // "two minutes in the second half" (not "four months in advance").
    let in_the = next == "in" && tokens.get(end + 2).is_some_and(|t| t.is("the"));
    let later = matches!(next.as_str(), "later" | "earlier" | "ago" | "afterwards" | "beforehand" | "into");
    let relative = (in_the || later) && !matches!(before(1).as_str(), "for" | "within" | "over");
    let every = before(1) == "every";
    let age = before(1) == "of" && before(2) == "age";
    relative || every || age
}
