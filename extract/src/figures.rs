//! The figure a sentence states, parsed into a `Quantity`: percentages, parts of a whole, money
//! with scale words, counts with their noun, ranges, changes, qualifiers and number words — and
//! not the numbers that are not claims (dates, years, times, reading times, ordinals, ages,
//! identifiers such as "G20", "F-16" or "Article 5").

use super::text::{Kind, Token};
use crate::quantity::{Change, Qualifier, Quantity};
use crate::words;

fn scale(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "b" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

fn currency_symbol(symbol: &str) -> Option<&'static str> {
    match symbol {
        "$" => Some("USD"),
        "€" => Some("EUR"),
        "£" => Some("GBP"),
        "¥" => Some("JPY"),
        "₹" => Some("INR"),
        "₽" => Some("RUB"),
        "₴" => Some("UAH"),
        _ => None,
    }
}

/// Currency named after the amount ("5 euros"), with the fraction for cents and pence.
fn currency_word(word: &str) -> Option<(&'static str, f64)> {
    Some(match word.to_lowercase().as_str() {
        "dollar" | "dollars" | "usd" => ("USD", 1.0),
        "euro" | "euros" | "eur" => ("EUR", 1.0),
        "pound" | "pounds" | "gbp" | "sterling" => ("GBP", 1.0),
        "yen" | "jpy" => ("JPY", 1.0),
        "yuan" | "renminbi" | "cny" => ("CNY", 1.0),
        "rouble" | "roubles" | "ruble" | "rubles" | "rub" => ("RUB", 1.0),
        "rupee" | "rupees" | "inr" => ("INR", 1.0),
        "hryvnia" | "hryvnias" | "uah" => ("UAH", 1.0),
        "franc" | "francs" | "chf" => ("CHF", 1.0),
        "cents" | "cent" => ("USD", 0.01),
        "pence" | "p" => ("GBP", 0.01),
        _ => return None,
    })
}

fn change_word(word: &str) -> Option<Change> {
    let w = word.to_lowercase();
    if words::RISE_WORDS.contains(w.as_str()) {
        Some(Change::Increase)
    } else if words::FALL_WORDS.contains(w.as_str()) {
        Some(Change::Decrease)
    } else {
        None
    }
}

/// A number written in digits: "150,000", "16.7" (a comma before three digits groups thousands).
pub fn digits_value(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| *c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn word_number(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let w = tokens.get(i)?.lower();
    let mut parts = w.split('-');
    let mut value = 0.0;
    for part in parts.by_ref() {
        let v = *words::NUMBER_WORDS.get(part)?;
        value += v;
    }
    // "a dozen": the article is part of the number; "two hundred": multiply.
    let mut end = i;
    if let Some(next) = tokens.get(i + 1) {
        if next.is("hundred") && value < 10.0 {
            value *= 100.0;
            end += 1;
        }
    }
    Some((value, end))
}

/// What a matched figure looks like before it becomes a `Quantity`.
struct Found {
    /// A range ("4 to 6 percent"): the value is its lower bound.
    range: bool,
    value: f64,
    unit: String,
    of: Option<f64>,
    start: usize,
    end: usize,
}

/// The first figure that is a claim in `tokens` (one sentence, quotes included).
pub fn first_quantity(tokens: &[Token<'_>]) -> Option<Quantity> {
    // Digits first: "nine surgeons for 400,000 people" is about the 400,000.
    let digits =
        (0..tokens.len()).filter(|i| tokens[*i].kind == Kind::Number).find_map(|i| figure_at(tokens, i));
    digits.or_else(|| {
        (0..tokens.len()).filter(|i| tokens[*i].kind == Kind::Word).find_map(|i| figure_at(tokens, i))
    })
}

fn figure_at(tokens: &[Token<'_>], i: usize) -> Option<Quantity> {
    let found =
        if tokens[i].kind == Kind::Number { digits_figure(tokens, i)? } else { words_figure(tokens, i)? };
    let qualifier = qualifier_before(tokens, found.start).or(found.range.then_some(Qualifier::AtLeast));
    let change = change_near(tokens, found.start, found.end);
    // Figures are bounded like the claim form's (under 10^15): a run of hundreds of digits is
    // not a claim, and its float would overflow to infinity.
    if found.unit.is_empty() || found.unit.len() > 60 || !found.value.is_finite() || found.value.abs() >= 1e15
    {
        return None;
    }
    Some(Quantity { value: round(found.value), unit: found.unit, of: found.of, change, qualifier })
}

fn round(v: f64) -> f64 {
    (v * 1e6).round() / 1e6
}

fn digits_figure(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &tokens[i];
    let mut value = digits_value(t.text)?;
    let prev = |k: usize| i.checked_sub(k).map(|p| &tokens[p]);
    let next = |k: usize| tokens.get(i + k);
    if is_not_a_claim(tokens, i, value) {
        return None;
    }
    let mut start = i;
    let mut end = i;
    let mut unit: Option<String> = None;
    // Currency before: "$1.14", "$ 565 million", "US$5", "€2bn".
    if let Some(p) = prev(1) {
        if let Some(code) = currency_symbol(p.text) {
            let code = match prev(2).filter(|_| p.joined).map(|w| w.text.to_uppercase()) {
                Some(ref w) if w == "A" => "AUD",
                Some(ref w) if w == "C" || w == "CA" => "CAD",
                Some(ref w) if w == "HK" => "HKD",
                _ => code,
            };
            unit = Some(code.to_owned());
            start = i - 1;
        } else if p.kind == Kind::Word
            && p.text.len() == 3
            && p.text.chars().all(|c| c.is_ascii_uppercase())
            && matches!(p.text, "USD" | "EUR" | "GBP" | "JPY" | "CNY" | "RUB" | "UAH" | "CHF" | "INR")
        {
            unit = Some(p.text.to_owned());
            start = i - 1;
        }
    }
    // Scale: "565 million", "2bn", "3.5m".
    if let Some(n) = next(1) {
        if let Some(s) = scale(n.text).filter(|_| n.kind == Kind::Word && (n.joined || n.text.len() > 2)) {
            value *= s;
            end += 1;
        }
    }
    // A range: "10 to 15 percent", "10-15%", "between 10 and 15 percent" keep the lower bound.
    let mut range_low = false;
    if let (Some(join), Some(upper)) = (tokens.get(end + 1), tokens.get(end + 2)) {
        let joins =
            join.is("to") || join.punct("-–") || (join.is("and") && prev(1).is_some_and(|p| p.is("between")));
        if joins
            && upper.kind == Kind::Number
            && digits_value(upper.text).is_some_and(|u| u > digits_value(t.text).unwrap_or(0.0))
        {
            end += 2;
            range_low = true;
            // "between 10 and 15 million": the scale after the range applies to both ends.
            if let Some(s) = tokens.get(end + 1).and_then(|n| scale(n.text)) {
                value *= s;
                end += 1;
            }
        } else if join.punct("-–") && upper.kind == Kind::Number {
            return None; // a score or a season: "3-1", "2022-23".
        }
    }

    let mut of = None;
    if unit.is_none() {
        if let Some(a) = tokens.get(end + 1) {
            if a.punct("%") || a.is("percent") || a.is("pct") {
                unit = Some("percent".into());
                end += 1;
            } else if a.is("per") && tokens.get(end + 2).is_some_and(|c| c.is("cent")) {
                unit = Some("percent".into());
                end += 2;
            } else if a.is("percentage")
                && tokens.get(end + 2).is_some_and(|c| c.is("points") || c.is("point"))
            {
                unit = Some("percentage points".into());
                end += 2;
            } else if let Some((code, factor)) = currency_word(a.text).filter(|_| a.kind == Kind::Word) {
                unit = Some(code.to_owned());
                value *= factor;
                end += 1;
            }
        }
    }
    // Part of a whole: "54 of 69 drones", "54 out of 69", "one in five", "all 16 missiles".
    if unit.is_none() {
        let (joiner_len, whole_at) = match (tokens.get(end + 1), tokens.get(end + 2), tokens.get(end + 3)) {
            (Some(a), Some(b), _) if a.is("of") && b.kind == Kind::Number => (1, end + 2),
            (Some(a), Some(b), Some(c)) if a.is("of") && b.is("the") && c.kind == Kind::Number => {
                (2, end + 3)
            }
            (Some(a), Some(b), Some(c)) if a.is("out") && b.is("of") && c.kind == Kind::Number => {
                (2, end + 3)
            }
            (Some(a), Some(b), _) if a.is("in") && b.kind == Kind::Number && value < 100.0 => (1, end + 2),
            _ => (0, 0),
        };
        if joiner_len > 0 {
            of = digits_value(tokens[whole_at].text).filter(|w| *w >= value && *w > 0.0);
            if of.is_some() {
                end = whole_at;
            }
        } else if prev(1).is_some_and(|p| p.is("all")) {
            of = Some(value);
        }
    }
    let unit = match unit {
        Some(u) => u,
        None => {
            let (noun, noun_end) = counted_noun(tokens, end + 1)?;
            end = noun_end;
            noun
        }
    };
    Some(Found { range: range_low, value, unit, of, start, end })
}

/// The counted noun after a figure: "150,000 people", "16 cruise missiles", "eight years".
fn counted_noun(tokens: &[Token<'_>], from: usize) -> Option<(String, usize)> {
    let mut words = Vec::new();
    let mut end = from;
    for (k, t) in tokens.iter().enumerate().skip(from).take(3) {
        let lower = t.lower();
        if t.kind != Kind::Word || words::NOT_NOUNS.contains(lower.as_str()) || t.is_capitalized() && k > from
        {
            break;
        }
        let plural = looks_plural(&lower);
        words.push(lower);
        end = k;
        // A plural noun ends the phrase: "16 cruise missiles were…", "150,000 people fled".
        if plural {
            break;
        }
    }
    // Without a plural head, only the first word: "a 10-year deal" counts years, not deals.
    if !words.last().is_some_and(|w| looks_plural(w)) && words.len() > 1 {
        words.truncate(1);
        end = from;
    }
    // "a 25-year-old" and "6-month-old" are ages.
    if words.first().is_some_and(|w| w.ends_with("-old")) {
        return None;
    }
    let last = words.last()?;
    if last.ends_with("ly")
        || last.ends_with("ing") && words.len() == 1
        || last.ends_with("ed") && words.len() == 1
    {
        return None;
    }
    Some((words.join(" "), end))
}

fn looks_plural(word: &str) -> bool {
    words::IRREGULAR_PLURALS.contains(word) || word.len() > 3 && word.ends_with('s') && !word.ends_with("ss")
}

/// Numbers that are not amounts.
fn is_not_a_claim(tokens: &[Token<'_>], i: usize, value: f64) -> bool {
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

/// Number words, fractions and "two out of three".
fn words_figure(tokens: &[Token<'_>], i: usize) -> Option<Found> {
    let t = &tokens[i];
    if t.kind != Kind::Word {
        return None;
    }
    let lower = t.lower();
    // "a quarter of", "half of", "two-thirds of".
    if let Some(pct) = words::FRACTIONS.get(lower.as_str()) {
        let article = i > 0 && (tokens[i - 1].is("a") || tokens[i - 1].is("one"))
            || lower.contains('-')
            || lower == "half";
        // "cut by almost half", "fell by a third": a share without "of".
        let by_at =
            tokens[i.saturating_sub(3)..i].iter().rposition(|t| t.is("by")).map(|p| i.saturating_sub(3) + p);
        let after_by = by_at.is_some_and(|b| {
            tokens[b + 1..i].iter().all(|t| {
                matches!(
                    t.lower().as_str(),
                    "a" | "almost" | "nearly" | "about" | "roughly" | "more" | "than" | "over"
                )
            })
        });
        if article && (tokens.get(i + 1).is_some_and(|n| n.is("of")) || after_by) {
            let start = if i > 0 && tokens[i - 1].is("a") { i - 1 } else { i };
            return Some(Found {
                range: false,
                value: *pct,
                unit: "percent".into(),
                of: None,
                start,
                end: i + 1,
            });
        }
        return None;
    }
    // "one in five adults"
    if lower == "one" && tokens.get(i + 1).is_some_and(|n| n.is("in")) {
        let (whole, whole_end) = word_number(tokens, i + 2).or_else(|| {
            tokens
                .get(i + 2)
                .filter(|n| n.kind == Kind::Number)
                .and_then(|n| digits_value(n.text).map(|v| (v, i + 2)))
        })?;
        let (noun, noun_end) =
            counted_noun(tokens, whole_end + 1).unwrap_or_else(|| ("people".to_owned(), whole_end));
        return Some(Found {
            range: false,
            value: 1.0,
            unit: noun,
            of: Some(whole),
            start: i,
            end: noun_end,
        });
    }
    let (value, end) =
        if lower == "dozen" && i > 0 && tokens[i - 1].is("a") { (12.0, i) } else { word_number(tokens, i)? };
    if lower == "dozen" && !(i > 0 && tokens[i - 1].is("a")) {
        return None;
    }
    let start = if lower == "dozen" { i - 1 } else { i };
    // "two out of three", "one in five" (one is only a number in these).
    if let (Some(a), Some(b)) = (tokens.get(end + 1), tokens.get(end + 2)) {
        if a.is("out") && b.is("of") {
            if let Some((whole, whole_end)) = word_number(tokens, end + 3) {
                let (noun, noun_end) =
                    counted_noun(tokens, whole_end + 1).unwrap_or_else(|| (String::new(), whole_end));
                let unit = if noun.is_empty() { "people".to_owned() } else { noun };
                return Some(Found { range: false, value, unit, of: Some(whole), start, end: noun_end });
            }
        }
    }
    let qualified = qualifier_before(tokens, start).is_some() || change_near(tokens, start, end).is_some();
    let (noun, noun_end) = counted_noun(tokens, end + 1)?;
    let measured = words::MEASURED.contains(noun.rsplit(' ').next().unwrap_or(""));
    let plural_count = value >= 3.0 && looks_plural(noun.rsplit(' ').next().unwrap_or(""));
    if !(measured || qualified && value >= 3.0 || plural_count) {
        return None;
    }
    if let Some(s) = scale(&noun) {
        let (noun2, end2) = counted_noun(tokens, noun_end + 1)?;
        return Some(Found { range: false, value: value * s, unit: noun2, of: None, start, end: end2 });
    }
    Some(Found { range: false, value, unit: noun, of: None, start, end: noun_end })
}

/// "more than", "at least", "about", "nearly", "under", "up to" just before the figure.
fn qualifier_before(tokens: &[Token<'_>], start: usize) -> Option<Qualifier> {
    let w = |k: usize| start.checked_sub(k).map(|p| tokens[p].lower()).unwrap_or_default();
    let (one, two, three) = (w(1), w(2), w(3));
    let pair = format!("{two} {one}");
    let triple = format!("{three} {two} {one}");
    Some(match () {
        _ if matches!(
            triple.as_str(),
            "in excess of" | "no fewer than" | "no less than" | "a minimum of"
        ) =>
        {
            if triple.starts_with("in") {
                Qualifier::Over
            } else {
                Qualifier::AtLeast
            }
        }
        _ if matches!(triple.as_str(), "no more than" | "as many as" | "a maximum of") => Qualifier::AtMost,
        _ if pair == "at least" => Qualifier::AtLeast,
        _ if matches!(pair.as_str(), "more than" | "upwards of") => Qualifier::Over,
        _ if matches!(pair.as_str(), "less than" | "fewer than" | "just under") => Qualifier::Under,
        _ if matches!(pair.as_str(), "up to" | "at most") => Qualifier::AtMost,
        _ if matches!(pair.as_str(), "close to" | "just over") => {
            if pair == "close to" {
                Qualifier::Nearly
            } else {
                Qualifier::Over
            }
        }
        _ if pair == "an estimated" => Qualifier::About,
        _ if matches!(one.as_str(), "over" | "above" | "exceeding" | "topping") => Qualifier::Over,
        _ if matches!(
            one.as_str(),
            "about" | "around" | "roughly" | "approximately" | "some" | "estimated" | "approx"
        ) =>
        {
            Qualifier::About
        }
        _ if matches!(one.as_str(), "nearly" | "almost") => Qualifier::Nearly,
        _ if matches!(one.as_str(), "under" | "below") => Qualifier::Under,
        _ if matches!(one.as_str(), "between") => Qualifier::AtLeast,
        _ => return None,
    })
}

/// "increase by 25 percent", "fell 16.7 percent", "up 3%", "a 25 percent rise".
fn change_near(tokens: &[Token<'_>], start: usize, end: usize) -> Option<Change> {
    let mut k = start;
    let mut saw_by = false;
    // Skip a qualifier and "by": "rose by more than 5%".
    for _ in 0..5 {
        let Some(p) = k.checked_sub(1) else { break };
        let w = tokens[p].lower();
        if matches!(
            w.as_str(),
            "by" | "more"
                | "than"
                | "nearly"
                | "almost"
                | "about"
                | "some"
                | "roughly"
                | "around"
                | "over"
                | "least"
                | "at"
                | "a"
                | "an"
                | "another"
                | "further"
                | "just"
                | "under"
                | "only"
                | "between"
        ) {
            saw_by |= w == "by";
            k = p;
            continue;
        }
        let particle = matches!(w.as_str(), "up" | "down")
            && p.checked_sub(1).is_some_and(|pp| {
                let v = tokens[pp].lower();
                words::PHRASAL.contains(v.as_str()) || v.ends_with("ed")
            });
        if let Some(c) = change_word(&w).filter(|_| !particle) {
            // "rose to 5%" is a level, not a change; "rose by 5%" and "rose 5%" are changes.
            return Some(c);
        }
        // "cut its aid to cities by 12 percent": the verb may stand a few words before "by".
        if saw_by {
            let window = tokens[k.saturating_sub(6)..k].iter().rev().take_while(|t| t.kind == Kind::Word);
            if let Some(c) = window.filter_map(|t| change_word(&t.lower())).next() {
                return Some(c);
            }
        }
        break;
    }
    // "a 25 percent increase", "a 3% fall in prices".
    tokens.get(end + 1).filter(|n| n.kind == Kind::Word).and_then(|n| {
        let w = n.lower();
        matches!(
            w.as_str(),
            "increase"
                | "rise"
                | "jump"
                | "gain"
                | "growth"
                | "hike"
                | "surge"
                | "boost"
                | "decrease"
                | "drop"
                | "decline"
                | "fall"
                | "cut"
                | "reduction"
                | "dip"
                | "slump"
                | "plunge"
        )
        .then(|| change_word(&w))
        .flatten()
    })
}

#[cfg(test)]
#[path = "figures_tests.rs"]
mod tests;
