//! Quotations that name their own speaker: a sign-off line under a quotation ("—The Honourable
//! Pablo Rodriguez, Minister of Canadian Heritage", as Government of Canada releases print
//! them), and a speaker introducing themself in its first words ("I'm Carol Pearson.", "My name
//! is John Ruiz", "This is Jane Doe reporting from …").

use crate::names::{is_full_name, is_role_word, name_of_run, run_starting_at};
use crate::text::{self, Kind, Token};

/// The person a paragraph signs a quotation with: a short line opening with a dash, then a name,
/// then perhaps a comma and their office ("— Jane Smith, Mayor of Kingston"). Not a dash before
/// a sentence ("- The council voted …"), a line holding a quotation of its own, nor a reporter's
/// byline ("— Jane Doe, The Canadian Press": no office after the name).
pub fn sign_off(paragraph: &str) -> Option<String> {
    let rest = paragraph.strip_prefix(['—', '–', '―', '-'])?.trim_start_matches(['—', '–', '-', ' ']);
    if paragraph.len() > 300 || rest.contains(['“', '"', '«', '„']) {
        return None;
    }
    // ("The Honourable …": the titles go with the name's run and are left out of the name.)
    let rest = rest.strip_prefix("The ").unwrap_or(rest);
    let (name_part, office) = rest.split_once([',', '(']).unwrap_or((rest, ""));
    let name_part = name_part.trim();
    let holds_office = office.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic());
        is_role_word(w)
    });
    if !office.is_empty() && !holds_office {
        return None;
    }
    let tokens = text::tokens(name_part, 0..name_part.len());
    let (end, words) = run_starting_at(&tokens, 0)?;
    // The whole part before the comma is the name: "— Jane Smith" but not "- The council voted".
    if end + 1 != tokens.len() {
        return None;
    }
    full_name(&words)
}

/// The person a quotation's first words introduce as its speaker: "I'm Carol Pearson.", "I am
/// Jane Doe,", "My name is John Ruiz and …", "This is Jane Doe reporting from …" — a full name of
/// two words or more, ended by punctuation or by a word that goes on introducing them; not a
/// title in quotation marks ("This Is Spinal Tap", "I'm Alan Partridge": nothing after the name).
pub fn introduced_speaker(inner: &[&Token<'_>], quote_end: usize) -> Option<String> {
    let lower: Vec<_> = inner.iter().take(4).map(|t| t.lower()).collect();
    let starts = |words: &[&str]| words.iter().zip(&lower).all(|(w, t)| t == w) && lower.len() >= words.len();
    let (at, goes_on): (usize, &[&str]) = if starts(&["i'm"]) || starts(&["i’m"]) {
        (1, &["and", "from", "reporting", "for"])
    } else if starts(&["i", "am"]) || starts(&["my", "name", "is"]) {
        (if lower[0] == "i" { 2 } else { 3 }, &["and", "from", "reporting", "for"])
    } else if starts(&["this", "is"]) {
        (2, &["reporting", "for"])
    } else {
        return None;
    };
    let owned: Vec<Token<'_>> = inner[at..].iter().take(8).map(|t| (*t).clone()).collect();
    let (end, words) = run_starting_at(&owned, 0)?;
    let after = owned.get(end + 1)?;
    let ended = after.kind == Kind::Punct && !after.punct("'’") || goes_on.contains(&after.lower());
    // Words after the introduction (to the quotation's end, past this sentence): it goes on.
    let goes_on_after = quote_end > after.start + after.text.len() + 1;
    if words.len() < 2 || !ended || !goes_on_after {
        return None;
    }
    full_name(&words)
}

/// A person's full name of two words or more, without titles, from a run of name words.
fn full_name(words: &[String]) -> Option<String> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    is_full_name(&name).then_some(name)
}
