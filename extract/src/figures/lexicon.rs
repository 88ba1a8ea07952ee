//! The words of figures: scales, currencies, changes, digits and numbers said in words.

use crate::quantity::Change;
use crate::text::{Kind, Token};
use crate::words;

pub fn scale(word: &str) -> Option<f64> {
    match word.to_lowercase().as_str() {
        "thousand" | "k" => Some(1e3),
        "million" | "m" | "mn" | "mln" => Some(1e6),
        "billion" | "bn" | "b" | "bln" => Some(1e9),
        "trillion" | "tn" | "trn" => Some(1e12),
        "lakh" | "lakhs" => Some(1e5),
        "crore" | "crores" => Some(1e7),
        _ => None,
    }
}

pub fn currency_symbol(symbol: &str) -> Option<&'static str> {
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
pub fn currency_word(word: &str) -> Option<(&'static str, f64)> {
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

pub fn change_word(word: &str) -> Option<Change> {
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
    // ("150,000"; "59 000" as European releases space thousands.)
    let cleaned: String = text.chars().filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}')).collect();
    let cleaned = if dotted_thousands(&cleaned) { cleaned.replace('.', "") } else { cleaned };
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// "110.000 Syrian kids", "1.200.000 people": thousands grouped with full stops, as much of
/// Europe writes them — groups of three digits after the first, and either more than one group
/// or a group of "000" (which no decimal written in news ends with). "3.500" stays 3.5.
fn dotted_thousands(digits: &str) -> bool {
    let mut groups = digits.split('.');
    let lead = groups.next().unwrap_or("");
    let rest: Vec<&str> = groups.collect();
    let grouped = |g: &&str| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit());
    let lead_ok = (1..=3).contains(&lead.len()) && lead.bytes().all(|b| b.is_ascii_digit());
    lead_ok && !rest.is_empty() && rest.iter().all(grouped) && (rest.len() > 1 || rest[0] == "000")
}

/// The first letters of the number words: most words a text holds are turned away by their
/// first byte, before any lookup (this runs at every word).
static NUMBER_INITIALS: std::sync::LazyLock<[bool; 256]> = std::sync::LazyLock::new(|| {
    let mut initials = [false; 256];
    for word in words::NUMBER_WORDS.keys().copied().chain(["one"]) {
        initials[usize::from(word.as_bytes()[0])] = true;
    }
    initials
});

/// The value of one number word ("seven", "thirty-one"); "one" too, which alone is no figure.
pub fn small_number(word: &str) -> Option<f64> {
    if !word.as_bytes().first().is_some_and(|b| NUMBER_INITIALS[usize::from(*b)]) {
        return None;
    }
    if word == "one" {
        return Some(1.0);
    }
    // "dozen" multiplies the number before it ("two dozen"); alone ("several dozen", "a few
    // dozen") it is no number.
    if word == "dozen" {
        return None;
    }
    let mut value = 0.0;
    for part in word.split('-') {
        let v = if part == "one" { 1.0 } else { *words::NUMBER_WORDS.get(part)? };
        if v >= 100.0 {
            return None;
        }
        value += v;
    }
    Some(value)
}

/// A number written as one hyphenated word with a hundred or a scale in it, as broadcast scripts
/// spell them: "two-hundred" (200), "twenty-five-million", "three-hundred-fifty-million".
pub fn compound_number(word: &str) -> Option<f64> {
    if !word.contains('-') || !word.split('-').any(|p| p == "hundred" || scale_word(p).is_some()) {
        return None;
    }
    // ("a quarter-million people", "a half-million".)
    if let Some((part, scale)) = word.split_once('-') {
        let share = words::FRACTIONS.get(part).filter(|_| matches!(part, "quarter" | "half"));
        if let Some(v) = share.zip(scale_word(scale)).map(|(percent, m)| percent / 100.0 * m) {
            return Some(v);
        }
    }
    let (mut total, mut current) = (0.0, 0.0);
    for part in word.split('-') {
        if part == "hundred" && current > 0.0 {
            current *= 100.0;
        } else if let Some(scale) = scale_word(part).filter(|_| current > 0.0) {
            total += current * scale;
            current = 0.0;
        } else {
            let v = small_number(part).filter(|v| *v < 100.0)?;
            // ("twenty-five" after a hundred or alone; not "ninety-ninety".)
            let follows = current % 100.0 == 0.0 || current % 10.0 == 0.0 && v < 10.0;
            if !follows {
                return None;
            }
            current += v;
        }
    }
    Some(total + current).filter(|v| *v > 0.0)
}

/// Scale words said in full ("thousand"; not "k" or "m", which only follow digits).
pub fn scale_word(word: &str) -> Option<f64> {
    matches!(word, "thousand" | "million" | "billion" | "trillion").then(|| scale(word)).flatten()
}

/// The fraction after a whole number, and its last token: "3 1/2%" (3.5), "2 ½ per cent",
/// "1¾ miles".
pub fn fraction_after(tokens: &[Token<'_>], end: usize) -> Option<(f64, usize)> {
    let next = tokens.get(end + 1)?;
    let glyph = words::FRACTION_GLYPHS.get(next.text).copied();
    if let Some(g) = glyph {
        return Some((g, end + 1));
    }
    tokens.get(end + 2).filter(|s| s.punct("/") && s.joined)?;
    let below = tokens.get(end + 3).filter(|d| d.joined && d.kind == Kind::Number)?;
    let (n, d): (f64, f64) = (next.text.parse().ok()?, below.text.parse().ok()?);
    let proper = next.kind == Kind::Number && !next.joined && n >= 1.0 && n < d && d <= 16.0;
    proper.then_some((n / d, end + 3))
}

/// A number said in words from token `i`: "eleven", "thirty-one thousand", "two hundred forty
/// thousand", "two hundred and five", "a million", "a dozen". Its value and last token; a lone
/// "one" or "a" is no number.
pub fn spelled(tokens: &[Token<'_>], i: usize) -> Option<(f64, usize)> {
    let (mut total, mut current, mut end, mut words) = (0.0, 0.0, i, 0);
    let mut last_scale = 0.0;
    let mut k = i;
    let first = tokens.get(i)?;
    if first.is("a") {
        let next = tokens.get(i + 1).map(|t| t.lower()).unwrap_or_default();
        if next == "dozen" {
            return Some((12.0, i + 1));
        }
        if next != "hundred" && scale_word(next).is_none() {
            return None;
        }
        current = 1.0;
        k += 1;
    } else if small_number(first.lower()).is_none() && compound_number(first.lower()).is_none() {
        return None; // "thousand" alone, or "thousands of", is no number.
    }
    while let Some(t) = tokens.get(k).filter(|t| t.kind == Kind::Word) {
        let w = t.lower();
        if let Some(v) = compound_number(w).filter(|_| words == 0) {
            current = v;
        } else if let Some(v) = small_number(w) {
            // "twenty thirty" is two numbers: a small word follows only a hundred or a scale —
            // or a ten, as its units ("forty five", "a hundred and twenty five").
            let units_after_a_ten =
                current % 10.0 == 0.0 && (20.0..100.0).contains(&(current % 100.0)) && v < 10.0;
            if words > 0 && current % 100.0 != 0.0 && !units_after_a_ten {
                break;
            }
            current += v;
        } else if w == "hundred" {
            current = current.max(1.0) * 100.0;
        } else if w == "dozen" && current > 0.0 && current < 100.0 {
            current *= 12.0; // "two dozen"
        } else if w.strip_prefix("dozen-").is_some_and(|rest| rest == "plus" || rest == "odd")
            && current > 0.0
        {
            // "two dozen-plus reports": the figure is the dozens.
            current *= 12.0;
            words += 1;
            end = k;
            break;
        } else if let Some(s) = scale_word(w) {
            // "twelve million million dollars", "a thousand million": a scale of the scale
            // before it (a trillion, a billion), not one more of it.
            if current == 0.0 && last_scale > 0.0 && end + 1 == k && s >= last_scale {
                total *= s;
            } else {
                total += current.max(1.0) * s;
            }
            current = 0.0;
            last_scale = s;
        } else if w == "and"
            && current >= 100.0
            && tokens.get(k + 1).is_some_and(|n| small_number(n.lower()).is_some())
        {
            k += 1;
            continue;
        } else if w == "and" && current > 0.0 && and_a_half_scale(tokens, k) {
            current += 0.5;
            k += 3;
            continue;
        } else {
            break;
        }
        words += 1;
        end = k;
        k += 1;
    }
    if words > 0 && current == 0.0 && end + 1 == k {
        if let Some((rest, rest_end)) = smaller_scale_after_comma(tokens, k, last_scale) {
            total += rest;
            end = rest_end;
        }
    }
    let value = total + current;
    let lone_one = words == 1 && first.is("one");
    (words > 0 && !lone_one && value > 0.0).then_some((value, end))
}

/// "two billion, four hundred million dollars": after a scale and the comma at `comma`, a
/// number with a smaller scale goes on (not "Of those three thousand, nine hundred were
/// rescued", which has none).
fn smaller_scale_after_comma(tokens: &[Token<'_>], comma: usize, last_scale: f64) -> Option<(f64, usize)> {
    if last_scale == 0.0 || !tokens.get(comma)?.punct(",") {
        return None;
    }
    let scaled = |e: usize| tokens[comma + 1..=e].iter().any(|t| scale_word(t.lower()).is_some());
    spelled(tokens, comma + 1).filter(|(v, e)| *v < last_scale && scaled(*e))
}

/// "(three) and a half million": "and" at `k`, then "a half" and a scale.
fn and_a_half_scale(tokens: &[Token<'_>], k: usize) -> bool {
    tokens.get(k + 1).is_some_and(|a| a.is("a"))
        && tokens.get(k + 2).is_some_and(|h| h.is("half"))
        && tokens.get(k + 3).is_some_and(|s| scale_word(s.lower()).is_some())
}

/// Whether the number said from `i` to `end` has a scale or a hundred ("five thousand"): a
/// count as definite as digits.
pub fn spelled_is_large(tokens: &[Token<'_>], i: usize, end: usize) -> bool {
    tokens[i..=end].iter().any(|t| t.is("hundred") || scale_word(t.lower()).is_some())
}
