//! Transcript and release labels: "MORALES: …", "CAROLYN PRESUTTI, VOA Senior Washington
//! Correspondent:" on its own line, a label in capitals inside a paragraph, and "Quotes
//! attributable to Treasurer Jim Chalmers:" heading the quotations under it.

use crate::names::name_of_run;
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// A transcript label opening a paragraph: "MORALES: …", "Anna Keller: “…”", or a line of
/// its own naming the speaker and their affiliation ("CAROLYN PRESUTTI, VOA Senior Washington
/// Correspondent:", "Agnieska Kosowicz, Polish Migration Forum:"). Its end and the person it names.
pub fn transcript_label(text: &str, paragraph: &std::ops::Range<usize>) -> Option<(usize, String)> {
    let para = &text[paragraph.clone()];
    let label = Label::of(para)?;
    let quote_follows = para[label.colon + 1..].trim_start().starts_with(['“', '"', '‘', '\'', '«', '„']);
    let name = crate::names::name_of_run(&label.words);
    // "Press Secretary Jen Psaki: We are sending …", "Secretary of the Air Force James Roche:":
    // a title and a full name, in plain case, label a transcript's turn as surely as capitals.
    // (Only before speech — a quotation, or someone saying "I" or "we" — not a subhead's figures:
    // "Defence Secretary John Healey: 2,500 troops to be sent to Estonia".)
    let speaks = quote_follows || first_person(&para[label.colon + 1..]);
    let titled_name = speaks
        && crate::names::is_full_name(&name)
        && (name.split(' ').count() < label.words.len()
            || name.split(' ').next().is_some_and(crate::names::is_first_name));
    if !names_someone_by_label(&label.words)
        || !(label.shouting || quote_follows || label.own_line || titled_name)
    {
        return None;
    }
    // "JM: Taxes will fall": an interview's turn labelled with the initials of someone named
    // in full, kept as written for the registry to match.
    if label.shouting && label.words.len() == 1 && is_initials_label(label.words[0]) {
        return Some((paragraph.start + label.colon + 1, label.words[0].to_owned()));
    }
    let name = if label.shouting { title_case(&name) } else { name };
    (crate::names::kind_of(&name) == crate::names::NameKind::Person)
        .then_some((paragraph.start + label.colon + 1, name))
}

/// A label of two or three capitals: a person's initials ("JM:"), or an organisation's ("UN:").
pub fn is_initials_label(word: &str) -> bool {
    (2..=3).contains(&word.chars().count()) && word.chars().all(char::is_uppercase)
}

/// Whether the first words after a label speak in the first or second person ("We are sending
/// …", "I think …", "Thank you").
fn first_person(turn: &str) -> bool {
    turn.split_whitespace().take(12).any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphabetic() && c != '\'' && c != '’').to_lowercase();
        words::FIRST_PERSON.contains(w.as_str())
    })
}

/// Whether a label's words may name someone: not "Unidentified Narrator", not "Teacher and
/// students" (an "and" may only join titles: "Special Asst. to the Secretary and Director of …").
fn names_someone_by_label(words: &[&str]) -> bool {
    // ("A:" answers; the "A." of "GENERAL MARK A. MILLEY" is an initial — not a label's last
    // word: "MARK A.:".)
    let last = words.len().saturating_sub(1);
    let initial = |k: usize, w: &str| k < last && w.chars().count() == 2 && w.ends_with('.');
    let anonymous = words.iter().enumerate().any(|(k, w)| {
        !initial(k, w) && words::ANONYMOUS_LABELS.contains(w.to_lowercase().trim_end_matches('.'))
    });
    let not_name = words.iter().enumerate().any(|(k, w)| {
        let w = w.to_lowercase();
        let joins_titles = w == "and" && words.get(k + 1).is_some_and(|n| crate::names::is_title(n));
        let small = matches!(w.as_str(), "of" | "for" | "the" | "to") || joins_titles;
        words::NOT_NAMES.contains(w.as_str()) && !small
    });
    !anonymous && !not_name
}

/// Whether a paragraph is a label alone on its line ("Quotes attributable to X:", "Name,
/// affiliation:") that heads the quotations after it.
pub fn heads_quotations(paragraph: &str) -> bool {
    Label::of(paragraph).is_some_and(|l| l.own_line)
}

/// Whether a paragraph opens with a transcript's label ("SEC. SHANAHAN:", "Q:", "PRESS
/// SECRETARY JOHN F. KIRBY:", "GREG FLAKUS, Reporting for VOA:"), whoever it names.
pub fn opens_with_label(paragraph: &str) -> bool {
    Label::of(paragraph).is_some_and(|l| l.shouting || l.own_line)
}

/// The parts of a label before a colon: the name (before any comma) and how it is set.
struct Label<'a> {
    colon: usize,
    words: Vec<&'a str>,
    /// The name in capitals, as transcripts print it.
    shouting: bool,
    /// "Name, affiliation:" alone on its line.
    own_line: bool,
}

impl<'a> Label<'a> {
    fn of(para: &'a str) -> Option<Label<'a>> {
        let colon = para.find(':').filter(|c| (1..=120).contains(c))?;
        let label = para[..colon].trim();
        if let Some(words) = attributable_to(label).filter(|_| para[colon + 1..].trim().is_empty()) {
            return Some(Label { colon, words, shouting: false, own_line: true });
        }
        if colon > 90 {
            return None;
        }
        // ("The Prime Minister, Justin Trudeau, today issued the following statement:" is a
        // sentence, "Jane Smith, chief executive of Acme:" a label: an affiliation has no verb.)
        let affiliation_only = |a: &str| {
            !a.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphabetic());
                w.starts_with(char::is_lowercase)
                    && (w.ends_with("ed")
                        || words::SPEECH_VERBS.contains(w)
                        || words::ANNOUNCE_VERBS.contains(w)
                        || words::WHEN_WORDS.contains(w))
            })
        };
        let (name, affiliation) =
            label.split_once(',').map_or((label, false), |(n, a)| (n.trim(), affiliation_only(a)));
        let words: Vec<&str> = name.split_whitespace().collect();
        // ("Secretary of the Air Force James Roche": the small words of an office.)
        let connector = |w: &&str| crate::names::is_connector(w);
        let named = !words.is_empty()
            // "SECRETARY OF DEFENSE DR. MARK T. ESPER": a long title before the name.
            && words.len() <= 16
            && words.first().is_some_and(|w| !connector(w))
            && words.iter().all(|w| connector(w) || w.chars().next().is_some_and(char::is_uppercase))
            && words
                .iter()
                .all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')));
        let shouting = name.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let own_line = affiliation && para[colon + 1..].trim().is_empty();
        named.then_some(Label { colon, words, shouting, own_line })
    }
}

/// "Quotes attributable to Minister for Employment and Workplace Relations Amanda Rishworth:", a
/// release's heading for the quotations under it: the name's words (after the portfolio's last
/// word in lower case).
fn attributable_to(label: &str) -> Option<Vec<&str>> {
    const HEADINGS: &[&str] =
        &["quotes attributable to ", "quote attributable to ", "comments attributable to "];
    let heading =
        HEADINGS.iter().find(|h| label.get(..h.len()).is_some_and(|p| p.eq_ignore_ascii_case(h)))?;
    let words: Vec<&str> = label[heading.len()..].split_whitespace().collect();
    let after_lower = words.iter().rposition(|w| w.starts_with(char::is_lowercase)).map_or(0, |p| p + 1);
    Some(words[after_lower..].to_vec()).filter(|w| !w.is_empty())
}

/// "MORALES" → "Morales", "THOMAS-GREENFIELD" → "Thomas-Greenfield", "O'BRIEN" → "O'Brien".
pub fn title_case(name: &str) -> String {
    let mut cased = String::with_capacity(name.len());
    let mut starts_word = true;
    for c in name.chars() {
        if starts_word {
            cased.extend(c.to_uppercase());
        } else {
            cased.extend(c.to_lowercase());
        }
        // (After "O'" or "D'" a name begins again; after "DON'T" nothing does.)
        let mut before = cased.chars().rev().skip(1);
        let one_letter_before = before.next().is_some_and(char::is_alphabetic)
            && before.next().is_none_or(|b| !b.is_alphabetic());
        starts_word = matches!(c, ' ' | '-') || matches!(c, '\'' | '’') && one_letter_before;
    }
    cased
}

/// "… in Medford, Oregon. CARLY IRVINE: "Since China …"": a transcript's label in capitals
/// right before a quote, where a copy ran the transcript's lines into one paragraph.
pub(super) fn inline_label(before: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let (colon, label) = before.split_last().filter(|(c, _)| c.punct(":"))?;
    let shouting = |t: &&&Token<'_>| {
        t.kind == Kind::Word
            && t.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    let words: Vec<&str> = label.iter().rev().take_while(shouting).map(|t| t.text).collect();
    let whole_label = words.len() == label.len() || label[label.len() - words.len() - 1].kind == Kind::Punct;
    if !(2..=5).contains(&words.len()) || !whole_label || !names_someone_by_label(&words) {
        return None;
    }
    let name = title_case(&words.into_iter().rev().collect::<Vec<_>>().join(" "));
    let words: Vec<&str> = name.split(' ').collect();
    let name = name_of_run(&words);
    let person = name.contains(' ') && crate::names::kind_of(&name) == crate::names::NameKind::Person;
    person.then(|| registry.person(colon.start, &name)).flatten()
}
