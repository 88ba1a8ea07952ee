//! Who is credited with a quote or a figure: "X said", "said X", "X told reporters", "according
//! to X", "X, a Carnegie expert, said", "calling them …" (the sentence's subject), "he said".

use super::names::{
    is_name_word, is_possessive, is_title, kind_of, name_of_run, run_ending_at, run_starting_at, NameKind,
};
use super::registry::Registry;
use super::text::{Kind, Token};
use crate::words;

const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

pub fn is_speech_verb(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && words::SPEECH_VERBS.contains(t.lower().as_str())
}

fn is_participle(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && words::PARTICIPLES.contains(t.lower().as_str())
}

fn is_pronoun(t: &Token<'_>) -> bool {
    matches!(t.lower().as_str(), "he" | "she" | "they" | "it")
}

/// A span of tokens to look in: a slice of one sentence's tokens with the quotes left out.
/// `None` entries stand where a quotation was.
pub type Context<'t, 'a> = &'t [Option<&'t Token<'a>>];

/// Who a rule credited, and whether through a pronoun (less sure).
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    pub name: String,
    pub by_pronoun: bool,
}

fn credit(name: Option<String>, registry: &mut Registry) -> Option<Credit> {
    let by_pronoun = registry.take_pronoun_used();
    name.map(|name| Credit { name, by_pronoun })
}

/// The speaker credited for the quote at `quote` (an index of a `None` in `ctx`), looking first
/// after it (", he said"), then before it ("X said: …").
pub fn for_quote(ctx: Context<'_, '_>, quote: usize, registry: &mut Registry) -> Option<Credit> {
    let _ = registry.take_pronoun_used();
    let name = quote_speaker(ctx, quote, registry);
    credit(name, registry)
}

fn quote_speaker(ctx: Context<'_, '_>, quote: usize, registry: &mut Registry) -> Option<String> {
    let next_quote = ctx[quote + 1..].iter().position(Option::is_none).map_or(ctx.len(), |p| quote + 1 + p);
    let prev_quote = ctx[..quote].iter().rposition(Option::is_none).map_or(0, |p| p + 1);
    let after: Vec<&Token<'_>> = ctx[quote + 1..next_quote].iter().flatten().copied().collect();
    let before: Vec<&Token<'_>> = ctx[prev_quote..quote].iter().flatten().copied().collect();
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    let all_before: Vec<&Token<'_>> = ctx[..quote].iter().flatten().copied().collect();
    after_quote(&after, &sentence, registry)
        .or_else(|| before_quote(&before, &sentence, registry))
        .or_else(|| (prev_quote > 0).then(|| before_quote(&all_before, &sentence, registry)).flatten())
}

/// Whether the quote's sentence credits it with a verb of speech at all ("…," the Russian said),
/// even when the one credited is nobody the sieve may name: then later rules must not guess.
pub fn is_attributed(ctx: Context<'_, '_>, quote: usize) -> bool {
    let next_quote = ctx[quote + 1..].iter().position(Option::is_none).map_or(ctx.len(), |p| quote + 1 + p);
    let after = ctx[quote + 1..next_quote].iter().flatten().take(8);
    let before = ctx[..quote].iter().flatten();
    after.chain(before).any(|t| is_speech_verb(t) || is_participle(t) || t.is("according"))
}

/// The speaker credited anywhere in a sentence (for a numeric claim).
pub fn in_sentence(ctx: Context<'_, '_>, registry: &mut Registry) -> Option<Credit> {
    let _ = registry.take_pronoun_used();
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    let verbs = sentence.iter().enumerate().filter(|(_, t)| is_speech_verb(t) || t.is("according"));
    for (v, _) in verbs {
        if let Some(name) = credited_by(&sentence, v, &sentence, registry) {
            return credit(Some(name), registry);
        }
    }
    None
}

/// A transcript label opening a paragraph: "MORALES: …", "Anna Keller: …". Its end and the
/// person it names.
pub fn transcript_label(text: &str, paragraph: &std::ops::Range<usize>) -> Option<(usize, String)> {
    let para = &text[paragraph.clone()];
    let colon = para.find(':').filter(|c| *c <= 40)?;
    let label = para[..colon].trim();
    let words: Vec<&str> = label.split_whitespace().collect();
    let named = !words.is_empty()
        && words.len() <= 4
        && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase))
        && words.iter().all(|w| w.chars().all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\'' | '’')));
    let shouting = label.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let quote_follows = para[colon + 1..].trim_start().starts_with(['“', '"', '‘', '\'', '«', '„']);
    if !named
        || !(shouting || quote_follows)
        || words.iter().any(|w| words::NOT_NAMES.contains(w.to_lowercase().as_str()))
    {
        return None;
    }
    let name = crate::names::name_of_run(&words);
    let name = if shouting { title_case(&name) } else { name };
    (crate::names::kind_of(&name) == crate::names::NameKind::Person)
        .then_some((paragraph.start + colon + 1, name))
}

/// "MORALES" → "Morales".
fn title_case(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// ", he said", " Lopez told reporters", ", said Alexander Gabuev, a Carnegie expert".
fn after_quote(after: &[&Token<'_>], sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let first_word = after.iter().position(|t| t.kind != Kind::Punct)?;
    let clause_end =
        after.iter().skip(first_word).position(|t| words::CLAUSE_BREAKS.contains(t.lower().as_str()));
    let clause_end = clause_end.map_or(after.len(), |c| first_word + c);
    let window = &after[..clause_end.min(first_word + 10)];
    let v = window.iter().position(|t| is_speech_verb(t) || t.is("according"))?;
    if v == first_word {
        return subject_after(after, v, registry);
    }
    credited_by(after, v, sentence, registry)
}

/// "Putin said: …", "according to the ministry, …", "Gabuev described them as …".
fn before_quote(before: &[&Token<'_>], sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let v = before.iter().rposition(|t| is_speech_verb(t) || is_participle(t) || t.is("according"))?;
    credited_by(before, v, sentence, registry)
}

/// Whoever the verb at `v` credits.
fn credited_by(
    tokens: &[&Token<'_>],
    v: usize,
    sentence: &[&Token<'_>],
    registry: &mut Registry,
) -> Option<String> {
    let verb = tokens[v];
    if verb.is("according") {
        return tokens.get(v + 1).filter(|t| t.is("to")).and_then(|_| subject_after(tokens, v + 1, registry));
    }
    // "the document was found by a passerby", "he was told": the one spoken to or of.
    let passive = v
        .checked_sub(1)
        .is_some_and(|p| matches!(tokens[p].lower().as_str(), "was" | "were" | "been" | "be" | "is" | "are"));
    if passive && !tokens.get(v + 1).is_some_and(|t| t.is("as")) {
        return None;
    }
    if is_participle(verb) {
        // "with Boswell stating:", "the government recommending …": the phrase just before.
        let before = v.checked_sub(1).map(|p| tokens[p]);
        if before.is_some_and(|t| t.kind == Kind::Word && !words::CLAUSE_WORDS.contains(t.lower().as_str())) {
            if let Some(name) = noun_phrase_ending_at(tokens, v - 1, registry) {
                return Some(name);
            }
        }
        return sentence_subject(sentence, registry);
    }
    match subject_before(tokens, v, registry) {
        Some(Subject::Named(name)) => Some(name),
        Some(Subject::Conjoined) => sentence_subject(sentence, registry),
        None if v == 0 || tokens[..v].iter().all(|t| t.kind == Kind::Punct) => {
            subject_after(tokens, v, registry)
        }
        None => None,
    }
}

enum Subject {
    Named(String),
    /// "… and said": the subject is the sentence's.
    Conjoined,
}

fn subject_before(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<Subject> {
    let mut j = v.checked_sub(1)?;
    while words::BETWEEN.contains(tokens[j].lower().as_str()) && tokens[j].kind == Kind::Word {
        j = j.checked_sub(1)?;
    }
    if tokens[j].is("and") || tokens[j].is("but") {
        return Some(Subject::Conjoined);
    }
    // "an estimated", "its earlier forecast": a noun or an adjective, not a verb of speech.
    if DETERMINERS.contains(&tokens[j].lower().as_str()) || tokens[j].is("its") {
        return None;
    }
    if tokens[j].punct(",—–") {
        if let Some(name) = opening_apposition(tokens, j, registry) {
            return Some(Subject::Named(name));
        }
        // "Gabuev, a Carnegie expert, said": skip the aside between the commas — unless the
        // aside is the name ("A department spokesperson, Carla Reyes, said").
        let open = tokens[..j].iter().rposition(|t| t.punct(",—–"))?;
        if open == 0 || j - open > 20 {
            return None;
        }
        let aside: Vec<Token<'_>> = tokens[open + 1..j].iter().map(|t| (*t).clone()).collect();
        if let Some((end, words)) = run_starting_at(&aside, 0).filter(|(end, _)| *end + 1 == aside.len()) {
            let words: Vec<&str> = words.iter().map(String::as_str).collect();
            let name = name_of_run(&words);
            if name.contains(' ') {
                let _ = end;
                return registry.person(aside[0].start, &name).map(Subject::Named);
            }
        }
        j = open - 1;
    }
    noun_phrase_ending_at(tokens, j, registry).map(Subject::Named)
}

/// "Cynthia Thompson, curator and director of exhibits at the University of Arkansas,
/// Fayetteville, said": the person who opens the clause, however long the apposition after them.
fn opening_apposition(tokens: &[&Token<'_>], comma: usize, registry: &mut Registry) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..comma].iter().map(|t| (*t).clone()).collect();
    let (end, words) = run_starting_at(&owned, 0)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let apposition = &tokens[end + 1..comma];
    let plain = apposition.first().is_some_and(|t| t.punct(","))
        && comma - end <= 30
        && apposition.iter().all(|t| !is_speech_verb(t) && !t.punct(";:") && !is_pronoun(t));
    (plain && name.contains(' ')).then(|| registry.person(owned[0].start, &name)).flatten()
}

/// The speaker whose phrase ends at token `j`.
fn noun_phrase_ending_at(tokens: &[&Token<'_>], j: usize, registry: &mut Registry) -> Option<String> {
    let t = tokens[j];
    let at = t.start;
    if is_pronoun(t) {
        return registry.pronoun(&t.lower(), t.start);
    }
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    if is_name_word(t) && !is_possessive(t.text) {
        let (first, words) = run_ending_at(&owned, j)?;
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if words.iter().all(|w| is_title(w)) {
            // "the CEO said", "the Minister said": the person named so earlier, or nobody.
            return registry.holder_of(words.last()?);
        }
        let name = name_of_run(&words);
        if first > 0
            && owned[first - 1].is("the")
            && name.split(' ').count() < words.len()
            && kind_of(&name) == NameKind::Person
        {
            // "CEO of the Refugee Council Enver Solomon told…": the person after the organisation.
            return registry.person(at, &name);
        }
        if first > 0 && owned[first - 1].is("the") && kind_of(&words.join(" ")) == NameKind::Place {
            return None; // "the Sudanese", "the Russian": nobody in particular.
        }
        if first > 0 && owned[first - 1].is("the") {
            // "Anna Keller of the Alpine Initiative said": the person speaks.
            if first >= 3 && matches!(owned[first - 2].lower().as_str(), "of" | "at" | "from") {
                if let Some(person) = person_ending_at(tokens, first - 3, registry) {
                    return Some(person);
                }
            }
            return Some(registry.group(at, &format!("the {}", words.join(" "))));
        }
        return registry.person(at, &name);
    }
    if t.kind != Kind::Word || words::CLAUSE_WORDS.contains(t.lower().as_str()) {
        return None;
    }
    // A common noun: walk back to its determiner or owner ("the ministry", "Ukraine's air force").
    let mut first = j;
    let mut taken = 1;
    while first > 0 && taken < 5 {
        let prev = &owned[first - 1];
        let lower = prev.lower();
        if DETERMINERS.contains(&lower.as_str()) {
            first -= 1;
            // "Observers from the regional security body": the people from it speak.
            let via = first.checked_sub(1).map(|p| owned[p].lower());
            if matches!(via.as_deref(), Some("from" | "at" | "of" | "for")) && first >= 2 {
                let who = &owned[first - 2];
                let plural_people = who.kind == Kind::Word
                    && who.text.ends_with('s')
                    && !words::CLAUSE_WORDS.contains(who.lower().as_str());
                if plural_people && (first == 2 || owned[first - 3].kind != Kind::Word) {
                    first -= 2;
                }
            }
            break;
        }
        if prev.kind != Kind::Word || words::CLAUSE_WORDS.contains(lower.as_str()) {
            break;
        }
        first -= 1;
        taken += 1;
        if is_possessive(prev.text) && prev.is_capitalized() {
            break;
        }
    }
    let words: Vec<String> =
        owned[first..=j]
            .iter()
            .enumerate()
            .map(|(k, w)| {
                if k == 0 && DETERMINERS.contains(&w.lower().as_str()) {
                    w.lower()
                } else {
                    w.text.to_owned()
                }
            })
            .collect();
    let starts_with_article = words.first().is_some_and(|w| w == "a" || w == "an");
    let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    if starts_with_article && (words.len() == 1 || !words::ROLE_NOUNS.contains(head.as_str())) {
        return None;
    }
    if DETERMINERS.contains(&head.as_str()) {
        return None;
    }
    // "the refugee spokesman said": a role is the person named with it earlier, or nobody.
    if words.first().is_some_and(|w| w == "the") && is_title(&head) && words.len() <= 3 {
        return registry.holder_of(&head);
    }
    let phrase = words.join(" ");
    // A lone capitalised common noun at a sentence's start ("Officials said") reads as written.
    let phrase = if first == 0 && words.len() == 1 { phrase.to_lowercase() } else { phrase };
    Some(registry.group(at, &phrase))
}

/// A person's name ending at token `j`, if there is one there.
fn person_ending_at(tokens: &[&Token<'_>], j: usize, registry: &mut Registry) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let (first, words) = run_ending_at(&owned, j)?;
    if first > 0 && owned[first - 1].is("the") {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.iter().all(|w| is_title(w)) {
        return registry.holder_of(words.last()?);
    }
    registry.person(owned[j].start, &name_of_run(&words))
}

/// "said X", "according to X": the speaker after the verb, up to the next punctuation.
fn subject_after(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let end = tokens[v + 1..]
        .iter()
        .position(|t| t.kind == Kind::Punct && !t.punct("."))
        .map_or(tokens.len(), |p| v + 1 + p);
    let phrase: Vec<Token<'_>> = tokens[v + 1..end].iter().take(10).map(|t| (*t).clone()).collect();
    let first = phrase.first()?;
    if is_pronoun(first) {
        return registry.pronoun(&first.lower(), first.start);
    }
    // Name runs in the phrase: prefer a full name ("Kremlin spokesman Dmitry Peskov").
    let mut runs = Vec::new();
    let mut k = 0;
    while k < phrase.len() {
        if let Some((end, words)) = run_starting_at(&phrase, k) {
            runs.push((k, words));
            k = end + 1;
        } else {
            k += 1;
        }
    }
    let at = first.start;
    let is_full =
        |w: &Vec<String>| name_of_run(&w.iter().map(String::as_str).collect::<Vec<_>>()).contains(' ');
    // "said Tom Rhys of the group Fair Fares Now": the first full name; "said Kremlin spokesman
    // Dmitry Peskov": past a lone capitalised word to the full name.
    let full = runs
        .iter()
        .find(|(start, w)| *start == 0 && is_full(w))
        .or_else(|| runs.iter().rev().find(|(_, w)| is_full(w)));
    if let Some((start, words)) = full.or(runs.first()) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if *start > 0 && phrase[start - 1].is("the") {
            return Some(registry.group(at, &format!("the {}", words.join(" "))));
        }
        if *start == 0 || full.is_some() {
            return registry.person(at, &name_of_run(&words));
        }
    }
    let words: Vec<&str> =
        phrase.iter().take(5).take_while(|t| t.kind == Kind::Word).map(|t| t.text).collect();
    if DETERMINERS.contains(&first.lower().as_str()) {
        let phrase = format!("{} {}", first.lower(), words[1..].join(" "));
        return (words.len() > 1).then(|| registry.group(at, phrase.trim()));
    }
    // "according to customs data"
    (first.is_lowercase_word() && words.len() <= 3).then(|| registry.group(at, &words.join(" ")))
}

/// The subject of a sentence: its first name, pronoun or noun phrase, after an opening phrase
/// such as "On Friday," or "In a statement,".
pub fn sentence_subject(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let mut start = 0;
    let opens_with_phrase = sentence.first().is_some_and(|t| {
        matches!(
            t.lower().as_str(),
            "on" | "in"
                | "after"
                | "before"
                | "speaking"
                | "asked"
                | "meanwhile"
                | "later"
                | "earlier"
                | "at"
                | "during"
                | "however"
                | "last"
                | "this"
                | "since"
                | "while"
                | "for"
                | "separately"
                | "still"
        )
    });
    if opens_with_phrase {
        if let Some(comma) = sentence.iter().take(12).position(|t| t.punct(",")) {
            start = comma + 1;
        }
    }
    let owned: Vec<Token<'_>> = sentence[start..].iter().map(|t| (*t).clone()).collect();
    let first = owned.first()?;
    if is_pronoun(first) {
        return registry.pronoun(&first.lower(), first.start);
    }
    if let Some((end, words)) = run_starting_at(&owned, 0) {
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        if is_possessive(owned[end].text) {
            return None;
        }
        return registry.person(first.start, &name_of_run(&words));
    }
    if first.is("the") {
        if let Some((_, words)) = owned.get(1).and_then(|_| run_starting_at(&owned, 1)) {
            return Some(registry.group(first.start, &format!("the {}", words.join(" "))));
        }
        // "The hospital's board disputes…": up to three words, ending after an owner's noun.
        let mut phrase: Vec<&str> = Vec::new();
        for t in owned.iter().skip(1).take(3) {
            let lower = t.lower();
            let verb_like = !phrase.is_empty()
                && (lower.ends_with("ed") || lower.ends_with('s') && !is_possessive(t.text));
            if t.kind != Kind::Word
                || is_speech_verb(t)
                || words::BETWEEN.contains(lower.as_str())
                || words::CLAUSE_WORDS.contains(lower.as_str())
                || verb_like
            {
                break;
            }
            phrase.push(t.text);
            if phrase.len() >= 2 && is_possessive(phrase[phrase.len() - 2]) {
                break;
            }
        }
        if !phrase.is_empty() {
            return Some(registry.group(first.start, &format!("the {}", phrase.join(" "))));
        }
    }
    None
}
