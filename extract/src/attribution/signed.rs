//! Quotations that name their own speaker: a sign-off line under a quotation ("—The Honourable
//! Pablo Rodriguez, Minister of Canadian Heritage", as Government of Canada releases print
//! them), and a speaker introducing themself in its first words ("I'm Carol Pearson.", "My name
//! is John Ruiz", "This is Jane Doe reporting from …").

use crate::names::{kind_of, name_of_run, run_starting_at, NameKind};
use crate::text::{self, Token};

/// Honorifics a sign-off line gives before the name.
const HONORIFICS: &[&str] =
    &["the honourable", "the honorable", "the hon.", "hon.", "the rt. hon.", "the right honourable"];

/// Words after a self-introduction's name that end it: "This is Jane Doe reporting from …".
const AFTER_INTRODUCTION: &[&str] = &["reporting", "for", "in", "from", "with", "and", "at", "here"];

/// The person a paragraph signs a quotation with: a short line opening with a dash, then a name,
/// then perhaps a comma and their office ("— Jane Smith, Mayor of Kingston"). Not a dash before
/// a sentence ("- The council voted …"), nor a line holding a quotation of its own.
pub fn sign_off(paragraph: &str) -> Option<String> {
    let rest = paragraph.strip_prefix(['—', '–', '―', '-'])?.trim_start_matches(['—', '–', '-', ' ']);
    if paragraph.len() > 300 || rest.contains(['“', '"', '«', '„']) {
        return None;
    }
    let lower = rest.to_lowercase();
    let skip = HONORIFICS.iter().find(|h| lower.starts_with(*h)).map_or(0, |h| h.len());
    let name_part = rest[skip..].split([',', '(']).next()?.trim();
    let tokens = text::tokens(name_part, 0..name_part.len());
    let (end, words) = run_starting_at(&tokens, 0)?;
    // The whole part before the comma is the name: "— Jane Smith" but not "- The council voted".
    if end + 1 != tokens.len() {
        return None;
    }
    person(&words)
}

/// The person a quotation's first words introduce as its speaker: "I'm Carol Pearson.", "I am
/// Jane Doe,", "My name is John Ruiz and …", "This is Jane Doe reporting from …" — a full name of
/// two words or more, ended by punctuation or a word that goes on the introduction.
pub fn introduced_speaker(inner: &[&Token<'_>]) -> Option<String> {
    let lower: Vec<_> = inner.iter().take(4).map(|t| t.lower()).collect();
    let starts = |words: &[&str]| words.iter().zip(&lower).all(|(w, t)| t == w) && lower.len() >= words.len();
    let at = if starts(&["i'm"]) || starts(&["i’m"]) {
        1
    } else if starts(&["i", "am"]) || starts(&["this", "is"]) {
        2
    } else if starts(&["my", "name", "is"]) {
        3
    } else {
        return None;
    };
    let owned: Vec<Token<'_>> = inner[at..].iter().take(8).map(|t| (*t).clone()).collect();
    let (end, words) = run_starting_at(&owned, 0)?;
    let ended = owned.get(end + 1).is_none_or(|t| {
        t.kind == text::Kind::Punct && !t.punct("'’") || AFTER_INTRODUCTION.contains(&t.lower().as_ref())
    });
    if words.len() < 2 || !ended {
        return None;
    }
    person(&words)
}

fn person(words: &[String]) -> Option<String> {
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    (name.contains(' ') && kind_of(&name) == NameKind::Person).then_some(name)
}
