//! The phrase after a verb of speech that names its speaker: "…, said Jane Doe, an analyst",
//! "according to the ministry's spokesman", "said the man who has led the group" — a name, its
//! owner's person ("Amtrak's Steve Kulm"), a source ("a source close to the talks") or a common
//! noun phrase, up to the next punctuation.

use super::phrases::{described_person, of_an_office, office_holder};
use super::{is_pronoun, DETERMINERS};
use crate::names::{
    is_possessive, is_role, is_title, kind_of, name_of_run, names_someone, run_starting_at,
    without_possessive, NameKind,
};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// "said one resident, who gave her name only as Maria", "said a woman who identified herself as
/// Fatima": the name someone gave, a few words after the verb, is who speaks.
fn named_only_as(tokens: &[&Token<'_>], from: usize, registry: &mut Registry) -> Option<String> {
    let window = &tokens[from..tokens.len().min(from + 14)];
    let owned: Vec<Token<'_>> = window.iter().map(|t| (*t).clone()).collect();
    let at = (0..owned.len()).find(|k| crate::names::gives_a_name(&owned, *k))?;
    let (_, words) = run_starting_at(&owned, at)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    (kind_of(&name) == NameKind::Person).then(|| registry.person(owned[at].start, &name)).flatten()
}

/// The run of a phrase after a verb of speech that names its speaker in full, if any (its start
/// in the phrase and its words).
fn full_name_run<'r>(
    phrase: &[Token<'_>],
    runs: &'r [(usize, Vec<String>)],
) -> Option<&'r (usize, Vec<String>)> {
    let is_full = |w: &Vec<String>| {
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        // ("said the President of Peru, Alan Garcia": an office alone names nobody yet.)
        name_of_run(&w).contains(' ') && names_someone(&w) && !crate::names::is_office_alone(&w)
    };
    // "said Tom Rhys of the group Fair Fares Now": the first full name; "said Kremlin spokesman
    // Dmitry Peskov": past a lone capitalised word to the full name.
    // "says Cornell University economist Chris Barrett": the person the organisation employs.
    let is_person = |w: &Vec<String>| {
        let w: Vec<&str> = w.iter().map(String::as_str).collect();
        kind_of(&name_of_run(&w)) == NameKind::Person
    };
    let employed = runs.iter().skip(1).find(|(_, w)| is_full(w) && is_person(w));
    match runs.iter().find(|(start, w)| *start == 0 && is_full(w)) {
        Some(org) if !is_person(&org.1) && employed.is_some() => employed,
        Some(first) => Some(first),
        // ("said the Secretary of the Air Force, James Roche": what an office is of is no one.)
        None => runs.iter().rev().find(|(start, w)| {
            let someone = w.iter().any(|w| crate::names::is_first_name(w)) || w.len() > 2;
            is_full(w) && (someone || !of_an_office(phrase, *start))
        }),
    }
}

/// "said the U.S. military", "said the British army": the body of the country named by the run
/// starting at `start` (a lower-case noun right after it), which speaks rather than the country.
fn state_body<'t>(phrase: &'t [Token<'_>], start: usize, name: &str) -> Option<&'t str> {
    // ("U.S." as written with its full stops is the country too.)
    let country = kind_of(name) == NameKind::Place || name.replace('.', "").eq_ignore_ascii_case("us");
    let after_run = phrase[start..].iter().position(|t| t.kind == Kind::Word && !t.is_capitalized())?;
    let run_ends = phrase[start..start + after_run].iter().all(|t| t.is_capitalized() || t.punct("."));
    let body = &phrase[start + after_run];
    (country && run_ends && words::STATE_BODIES.contains(body.lower())).then_some(body.text)
}

/// "said X", "according to X": the speaker after the verb, up to the next punctuation.
pub(super) fn subject_after(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    // "said 34-year-old Ahmed Ali": a hyphen inside a word ends nothing.
    let end = tokens[v + 1..]
        .iter()
        .enumerate()
        .position(|(k, t)| {
            let inside_word = t.punct("-") && t.joined && tokens.get(v + 2 + k).is_some_and(|n| n.joined);
            // ("said the man who has led the group": the relative clause is about him.)
            t.kind == Kind::Punct && !t.punct(".") && !inside_word || t.is_who() || t.is("whose")
        })
        .map_or(tokens.len(), |p| v + 1 + p);
    let phrase: Vec<Token<'_>> = tokens[v + 1..end].iter().take(10).map(|t| (*t).clone()).collect();
    let first = phrase.first()?;
    if let Some(name) = named_only_as(tokens, v + 1, registry) {
        return Some(name);
    }
    if is_pronoun(first) {
        return registry.pronoun(first.lower(), first.start);
    }
    if let Some(holder) = office_after(tokens, v, registry) {
        return Some(holder);
    }
    if let Some(people) = run_starting_at(&phrase, 0)
        .and_then(|(end, _)| super::subject::people_described(&phrase, end, registry))
    {
        return Some(people);
    }
    let runs = name_runs(&phrase);
    let at = first.start;
    let full = full_name_run(&phrase, &runs);
    // "said Doe's spokesman, Tim Lee", "said the spokeswoman for the ministry, Anna Berg", "said
    // one, Peter Hall": the person in apposition speaks, not the owner or the ministry.
    let role_owned = phrase.iter().any(|t| t.is_lowercase_word() && is_role(t.text))
        || phrase.len() == 1 && (first.is("one") || first.is("another"));
    if role_owned {
        if let Some(name) = apposed_name(tokens, v, end, registry) {
            return Some(name);
        }
    }
    // "wrote Microsoft's Roger Capriotti": the person the owner employs; else the owner.
    if let Some(who) = owned_person(&phrase, registry).or_else(|| owner_of(&phrase, registry)) {
        return Some(who);
    }
    if full.is_none() {
        // "the Crown prosecutor, Mark Tedeschi, QC,": a role, then the person in apposition.
        if let Some(name) = apposed_name(tokens, v, end, registry) {
            return Some(name);
        }
    }
    if let Some((start, words)) = full.or(runs.first()) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let name = name_of_run(&words);
        let person_inside = name.split(' ').count() < words.len() && kind_of(&name) == NameKind::Person;
        let qualifies = qualifies_a_person(phrase.get(start + words.len()));
        if let Some(body) =
            state_body(&phrase, *start, &name).filter(|_| *start > 0 && phrase[start - 1].is("the"))
        {
            return Some(registry.group(at, &format!("the {} {body}", words.join(" "))));
        }
        if *start > 0 && phrase[start - 1].is("the") && !person_inside && !qualifies {
            return Some(registry.group(at, &format!("the {}", words.join(" "))));
        }
        if *start == 0 || full.is_some() {
            return registry.person(at, &name_of_run(&words));
        }
    }
    if let Some(source) = source_of(&phrase, registry) {
        return Some(source);
    }
    common_phrase_after(&phrase, registry)
}

/// The common noun phrase after a verb of speech: "said the spokesman" (the person named with
/// that role, or the role as written), "said the Houston resident" (the person in view),
/// "according to customs data", "said officials" — not "said that 107 people…", where the clause
/// after the verb is what was said, not who said it.
fn common_phrase_after(phrase: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    let first = phrase.first()?;
    let at = first.start;
    let words: Vec<&str> =
        phrase.iter().take(8).take_while(|t| t.kind == Kind::Word).map(|t| t.text).collect();
    if DETERMINERS.contains(&first.lower()) {
        let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
        if first.is("the") && is_role(&head) && words.len() <= 4 {
            let as_written = format!("the {}", words[1..].join(" "));
            return registry.role_holder(&head, at, false).or(Some(as_written));
        }
        if let Some(person) = described_person(&words, at, registry) {
            return Some(person);
        }
        let phrase = format!("{} {}", first.lower(), words[1..].join(" "));
        return (words.len() > 1).then(|| registry.group(at, phrase.trim()));
    }
    let clause = words::CLAUSE_WORDS.contains(first.lower());
    (first.is_lowercase_word() && !clause && words.len() <= 3).then(|| registry.group(at, &words.join(" ")))
}

/// The runs of name words in a phrase, with where each starts; an owner's possessive is
/// dropped when the owned thing follows ("CME Group's FedWatch tool"; "Moody's" stays whole).
fn name_runs(phrase: &[Token<'_>]) -> Vec<(usize, Vec<String>)> {
    let mut runs = Vec::new();
    let mut k = 0;
    while k < phrase.len() {
        if let Some((end, mut words)) = run_starting_at(phrase, k) {
            if is_possessive(phrase[end].text) && phrase.get(end + 1).is_some_and(|t| t.kind == Kind::Word) {
                if let Some(last) = words.last_mut() {
                    *last = without_possessive(last).to_owned();
                }
            }
            runs.push((k, words));
            k = end + 1;
        } else {
            k += 1;
        }
    }
    runs
}

/// "according to the Commission's Autumn 2017 Economic Forecast": the owner.
/// "said the Houston resident": a name before a noun for a person only qualifies it.
fn qualifies_a_person(next: Option<&Token<'_>>) -> bool {
    next.is_some_and(|t| {
        let w = t.lower();
        t.is_lowercase_word() && (words::PERSON_NOUNS.contains(w) || words::ROLE_NOUNS.contains(w))
    })
}

fn owned_person(phrase: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    let owner_at = usize::from(phrase.first()?.is("the"));
    let (end, _) = run_starting_at(phrase, owner_at).filter(|(end, _)| is_possessive(phrase[*end].text))?;
    let (_, words) = run_starting_at(phrase, end + 1)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let person = name.contains(' ') && kind_of(&name) == NameKind::Person;
    person.then(|| registry.person(phrase[end + 1].start, &name)).flatten()
}

fn owner_of(phrase: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    let owner_at = usize::from(phrase.first()?.is("the"));
    let (end, words) =
        run_starting_at(phrase, owner_at).filter(|(end, _)| is_possessive(phrase[*end].text))?;
    if !phrase.get(end + 1).is_some_and(|t| t.kind != Kind::Punct) {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = without_possessive(&name_of_run(&words)).to_owned();
    let name = if owner_at == 1 { format!("the {name}") } else { name };
    registry.person(phrase[owner_at].start, &name)
}

/// "according to figures published today by Eurostat", "according to a statement from
/// Moody's": the source, not its document.
fn source_of(phrase: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    const DOCUMENTS: &[&str] = &[
        "statement",
        "report",
        "data",
        "figures",
        "study",
        "survey",
        "analysis",
        "filing",
        "release",
        "letter",
        "estimates",
    ];
    let document = phrase.iter().any(|t| DOCUMENTS.contains(&t.lower()));
    let by = phrase.iter().position(|t| t.is("by") || t.is("from") && document)?;
    let the = usize::from(phrase.get(by + 1).is_some_and(|t| t.is("the")));
    let (_, words) = run_starting_at(phrase, by + 1 + the)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let name = if the == 1 { format!("the {name}") } else { name };
    registry.person(phrase[by + 1].start, &name)
}

/// A role phrase ending in a title ("the Crown prosecutor") and then, between commas, a full
/// name: the person.
fn apposed_name(tokens: &[&Token<'_>], v: usize, end: usize, registry: &mut Registry) -> Option<String> {
    // "the Crown prosecutor, Mark Tedeschi", "one resident, Fatima Bello, 45".
    let role = |w: &str| {
        crate::names::is_role_word(w) || w.eq_ignore_ascii_case("one") || w.eq_ignore_ascii_case("another")
    };
    // "a statement by NASA Associate Administrator for the Office of Communications, David
    // Weaver": a title with its office after it, then the holder; "the spokeswoman for the
    // ministry, Anna Berg": a role placed in its office.
    let titled = tokens[v + 1..end].iter().any(|t| is_title(t.text) && !t.is("former"));
    let role_ends_in_title = end > v + 1 && (role(tokens[end - 1].text) || titled);
    if !role_ends_in_title || !tokens.get(end).is_some_and(|t| t.punct(",")) {
        return None;
    }
    // ("said the Minister for Enterprise, Trade and Employment, Mary Coughlan": past the rest of
    // a list of portfolios.)
    let listed = tokens[end + 1..].iter().take(12).take_while(|t| titled && crate::names::in_portfolio(t));
    let skip = listed
        .enumerate()
        .filter(|(_, t)| t.punct(","))
        .last()
        .filter(|_| tokens[end + 1..].iter().take(12).any(|t| t.text == "and"))
        .map_or(0, |(k, _)| k + 1);
    let rest: Vec<Token<'_>> = tokens[end + 1 + skip..].iter().take(6).map(|t| (*t).clone()).collect();
    let (run_end, words) = run_starting_at(&rest, 0)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let closed = rest.get(run_end + 1).is_none_or(|t| t.kind == Kind::Punct);
    (closed && name.contains(' ') && kind_of(&name) == NameKind::Person)
        .then(|| registry.person(rest[0].start, &name))
        .flatten()
}

/// "said the Minister for Business, Enterprise and Innovation.": an office after the verb of
/// speech, commas and all, with nobody named in it.
fn office_after(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[v + 1..].iter().take(20).map(|t| (*t).clone()).collect();
    let opens = usize::from(owned.first()?.is("the"));
    let reach = owned[opens..].iter().take_while(|t| crate::names::in_portfolio(t)).count();
    let end = (opens..opens + reach).rev().find(|k| owned[*k].kind == Kind::Word)?;
    let ends_there = owned.get(end + 1).is_none_or(|t| t.kind == Kind::Punct);
    let (title, _) = crate::names::office_ending_at(&owned, end)?;
    (title == opens && ends_there).then(|| office_holder(&owned, end, registry)).flatten()
}
