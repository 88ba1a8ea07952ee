//! The figure parser's first step: text into numbers, signs, symbols and words, and the word
//! tables it reads them with (scales, units, currencies, fractions).

use super::{Problem, Sign};

#[derive(Clone, Debug, PartialEq)]
pub(super) enum Token {
    /// Digits with at most one decimal point, separators removed: "1234.5", ".5".
    Number(String),
    Sign(Sign),
    /// A currency symbol, with the code it stands for.
    Symbol(char, &'static str),
    Percent,
    Slash,
    /// Letters, with hyphens inside, as typed.
    Word(String),
}

impl Token {
    pub(super) fn text(&self) -> String {
        match self {
            Token::Number(digits) => digits.clone(),
            Token::Sign(Sign::Plus) => "+".to_owned(),
            Token::Sign(Sign::Minus) => "-".to_owned(),
            Token::Symbol(symbol, _) => symbol.to_string(),
            Token::Percent => "%".to_owned(),
            Token::Slash => "/".to_owned(),
            Token::Word(word) => word.clone(),
        }
    }

    pub(super) fn lower_word(&self) -> Option<String> {
        match self {
            Token::Word(word) => Some(word.to_lowercase()),
            _ => None,
        }
    }
}

/// Splits text into numbers, signs, symbols and words.
pub(super) fn tokens(text: &str) -> Result<Vec<Token>, Problem> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        if c.is_whitespace() {
            at += 1;
            continue;
        }
        let starts_number =
            c.is_ascii_digit() || (c == '.' && chars.get(at + 1).is_some_and(char::is_ascii_digit));
        let (token, next) = if starts_number {
            number(&chars, at)?
        } else if c.is_alphabetic() {
            word(&chars, at)
        } else {
            (symbol(c).ok_or_else(|| Problem::NotUnderstood(c.to_string()))?, at + 1)
        };
        tokens.push(token);
        at = next;
    }
    Ok(tokens)
}

fn symbol(c: char) -> Option<Token> {
    Some(match c {
        '+' => Token::Sign(Sign::Plus),
        '-' | '−' | '–' => Token::Sign(Sign::Minus),
        '$' => Token::Symbol(c, "USD"),
        '€' => Token::Symbol(c, "EUR"),
        '£' => Token::Symbol(c, "GBP"),
        '¥' => Token::Symbol(c, "JPY"),
        '%' => Token::Percent,
        '/' => Token::Slash,
        _ => return None,
    })
}

/// Letters, and hyphens between letters ("two-thirds", "cruise-missiles").
fn word(chars: &[char], start: usize) -> (Token, usize) {
    let mut end = start;
    while let Some(&c) = chars.get(end) {
        let inner_hyphen = c == '-' && end > start && chars.get(end + 1).is_some_and(|n| n.is_alphabetic());
        if !(c.is_alphabetic() || inner_hyphen) {
            break;
        }
        end += 1;
    }
    (Token::Word(chars.get(start..end).unwrap_or_default().iter().collect()), end)
}

/// Spaces that may group thousands: "146 887", with a no-break or narrow no-break space too.
const GROUP_SPACES: [char; 4] = [' ', '\u{a0}', '\u{202f}', '\u{2009}'];

/// Digits, thousands grouped by commas or spaces after a first group of one to three digits,
/// decimals after a point. A space joins only a group of exactly three ("146 887", not "54 69").
fn number(chars: &[char], start: usize) -> Result<(Token, usize), Problem> {
    let mut text = String::new();
    let mut at = start;
    let first_group = take_digits(chars, &mut at, &mut text);
    let leads = (1..=3).contains(&first_group);
    loop {
        let group_follows = is_group(chars, at + 1);
        match chars.get(at) {
            Some(',') if group_follows && leads => {}
            Some(',') => return Err(Problem::Malformed),
            Some(c) if GROUP_SPACES.contains(c) && group_follows && leads => {}
            _ => break,
        }
        at += 1;
        take_digits(chars, &mut at, &mut text);
    }
    if chars.get(at) == Some(&'.') {
        at += 1;
        text.push('.');
        if take_digits(chars, &mut at, &mut text) == 0 {
            return Err(Problem::Malformed);
        }
    }
    let digit = |i: usize| chars.get(i).is_some_and(char::is_ascii_digit);
    match chars.get(at) {
        Some('.' | ',') if digit(at + 1) => Err(Problem::Malformed),
        Some('e' | 'E')
            if digit(at + 1) || (matches!(chars.get(at + 1), Some('+' | '-')) && digit(at + 2)) =>
        {
            Err(Problem::Exponent)
        }
        _ => Ok((Token::Number(text), at)),
    }
}

fn take_digits(chars: &[char], at: &mut usize, text: &mut String) -> usize {
    let mut count = 0;
    while let Some(&c) = chars.get(*at).filter(|c| c.is_ascii_digit()) {
        text.push(c);
        *at += 1;
        count += 1;
    }
    count
}

/// Exactly three digits at `at`, and no fourth.
fn is_group(chars: &[char], at: usize) -> bool {
    (at..at + 3).all(|i| chars.get(i).is_some_and(char::is_ascii_digit))
        && !chars.get(at + 3).is_some_and(char::is_ascii_digit)
}

/// The power of ten a scale word stands for.
pub(super) fn scale(lower: &str) -> Option<i32> {
    match lower {
        "k" | "thousand" => Some(3),
        "m" | "mn" | "mln" | "million" => Some(6),
        "b" | "bn" | "billion" => Some(9),
        "tn" | "trn" | "trillion" => Some(12),
        _ => None,
    }
}

/// The unit a phrase of one or two words names, and how many words it takes.
pub(super) fn unit_phrase(first: &str, second: Option<&str>) -> Option<(&'static str, usize)> {
    let two = match (first, second) {
        ("per", Some("cent")) => Some("percent"),
        ("percentage", Some("point" | "points")) => Some("pp"),
        ("us", Some("dollar" | "dollars")) => Some("USD"),
        _ => None,
    };
    if let Some(unit) = two {
        return Some((unit, 2));
    }
    let one = match first {
        "percent" | "per-cent" | "pct" => "percent",
        "pp" | "ppt" | "ppts" | "pts" | "percentage-point" | "percentage-points" => "pp",
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "ruble" | "rubles" | "rouble" | "roubles" => "RUB",
        _ => return None,
    };
    Some((one, 1))
}

/// Codes also read in small letters: the currencies claims are most often about.
const SMALL_LETTER_CODES: &[&str] =
    &["usd", "eur", "gbp", "jpy", "cny", "rub", "uah", "chf", "cad", "aud", "inr", "pln", "brl", "krw"];

/// A currency code: three capital letters ("CNY"), or a common code in small letters ("usd").
/// Scale words and "OUT" (of "54 OUT OF 69") are not codes even in capitals.
pub(super) fn currency_code(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    if scale(&lower).is_some() || lower == "out" {
        return None;
    }
    let capitals = word.len() == 3 && word.bytes().all(|b| b.is_ascii_uppercase());
    (capitals || SMALL_LETTER_CODES.contains(&lower.as_str())).then(|| word.to_ascii_uppercase())
}

const NUMBER_WORDS: [&str; 10] = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const ORDINALS: [&str; 11] =
    ["", "", "half", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

/// "a", "an" and "one" are 1, up to "nine".
pub(super) fn numerator(word: &str) -> Option<u8> {
    let word = if matches!(word, "a" | "an") { "one" } else { word };
    NUMBER_WORDS.iter().position(|n| *n == word).filter(|n| *n > 0).and_then(|n| u8::try_from(n).ok())
}

/// "third" and "thirds" are 3; "half" and "halves" 2; "quarter" and "fourth" 4; up to "tenth".
pub(super) fn denominator(word: &str) -> Option<u8> {
    let singular = match word.strip_suffix('s').unwrap_or(word) {
        "halve" => "half",
        "fourth" => "quarter",
        other => other,
    };
    ORDINALS.iter().position(|o| *o == singular).filter(|d| *d > 1).and_then(|d| u8::try_from(d).ok())
}
