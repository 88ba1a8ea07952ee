//! The subject of a sentence ("Labour's Shadow Home Secretary Yvette Cooper said…", after a
//! dateline or an opening phrase) and the person who opens a clause before a long apposition.

use super::{is_pronoun, is_speech_verb};
use crate::names::{is_possessive, kind_of, name_of_run, run_starting_at, NameKind};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// The subject of a sentence: its first name, pronoun or noun phrase, after an opening phrase
/// such as "On Friday," or "In a statement,".
pub fn sentence_subject(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    // A dateline: "TOKYO —", "KYIV, Ukraine (Reuters) -", "July 1, 2023 – Toronto, ON —" (to its
    // last dash).
    let in_dateline = |t: &&Token<'_>| t.kind == Kind::Punct || t.is_capitalized() || t.kind == Kind::Number;
    // (Up to 16 tokens: "OTTAWA, ON, Aug. 7, 2020 /CNW/ -" is 13.)
    let dateline = (0..sentence.len().min(16)).rev().find(|d| {
        sentence[*d].punct("—–-") && !sentence[*d].joined && sentence[..*d].iter().all(in_dateline)
    });
    let mut start = dateline.map_or(0, |d| d + 1);
    let opens_with_phrase = sentence.get(start).is_some_and(|t| words::PHRASE_OPENERS.contains(t.lower()));
    if opens_with_phrase {
        if let Some(comma) = sentence[start..].iter().take(12).position(|t| t.punct(",")) {
            start += comma + 1;
        }
    }
    let owned: Vec<Token<'_>> = sentence[start..].iter().map(|t| (*t).clone()).collect();
    let first = owned.first()?;
    if is_pronoun(first) {
        return registry.pronoun(first.lower(), first.start);
    }
    if let Some(relative) = someones_relative(&owned, registry) {
        return Some(relative);
    }
    if let Some((end, words)) = run_starting_at(&owned, 0) {
        if let Some(holder) = holder_after_its_office(&owned, end, &words, registry) {
            return Some(holder);
        }
        if let Some(holder) = holder_after_listed_portfolio(&owned, end, registry) {
            return Some(holder);
        }
        return named_subject(&owned, end, &words, registry);
    }
    if first.is("the") {
        return definite_subject(&owned, registry);
    }
    None
}

/// "EU Research, Science and Innovation Commissioner Carlos Moedas has acknowledged …": a
/// portfolio listed with commas, then its title and the holder, opens the sentence — the holder,
/// not the portfolio's first part.
fn holder_after_listed_portfolio(owned: &[Token<'_>], end: usize, registry: &mut Registry) -> Option<String> {
    // (Not "Dr. Theresa Tam, Chief Public Health Officer of Canada, …": a person opens that.)
    let opening: Vec<&str> = owned[..=end].iter().filter(|t| t.kind == Kind::Word).map(|t| t.text).collect();
    if !owned.get(end + 1)?.punct(",") || opening.iter().any(|w| crate::names::is_first_name(w)) {
        return None;
    }
    let listed = |t: &Token<'_>| t.kind == Kind::Word && t.is_capitalized() || t.is("and") || t.punct(",");
    let last = (end + 2..owned.len()).take_while(|k| listed(&owned[*k])).last()?;
    let (first, words) = crate::names::run_ending_at(owned, last)?;
    let titled = words.iter().any(|w| crate::names::is_title(w));
    let name = name_of_run(&words.iter().map(String::as_str).collect::<Vec<_>>());
    let named = name.split(' ').any(|w| !crate::names::is_title(w) && !crate::names::is_role_word(w));
    let person = titled && named && name.contains(' ') && kind_of(&name) == NameKind::Person;
    person.then(|| registry.person(owned[first].start, &name)).flatten()
}

/// "Her neighbor agreed.", "His wife was in tears.": a sentence opening with someone named by
/// whose they are is about them — "Anna Keller's neighbor", whom a later "he said" means, not
/// Anna Keller. Their name is the owner's when the pronoun resolves, else the phrase as written.
fn someones_relative(owned: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    let (owner, noun, verb) = (owned.first()?, owned.get(1)?, owned.get(2)?);
    // ("His father was a miner.": only about him — not who speaks next.)
    let takes_part = is_speech_verb(verb) || words::REACTION_VERBS.contains(verb.lower());
    if !matches!(owner.lower(), "his" | "her" | "their") || !verb.is_lowercase_word() || !takes_part {
        return None;
    }
    let female = match *words::KIN_NOUNS.get(noun.lower())? {
        "f" => Some(true),
        "m" => Some(false),
        _ => None,
    };
    let name = match registry.pronoun(owner.lower(), owner.start) {
        Some(person) if person.contains(' ') => format!("{person}'s {}", noun.text),
        _ => format!("{} {}", owner.lower(), noun.text),
    };
    registry.relative(owner.start, &name, female);
    Some(name)
}

/// "Secretary of the Air Force James Roche defended the deal": a sentence opening with a title,
/// what it is of, and then the holder's name — the holder, not the title.
fn holder_after_its_office(
    owned: &[Token<'_>],
    end: usize,
    words: &[String],
    registry: &mut Registry,
) -> Option<String> {
    let titles_only = words.iter().all(|w| crate::names::is_title(w));
    let of = owned.get(end + 1).is_some_and(|t| t.is("of") || t.is("for"));
    if !titles_only || !of {
        return None;
    }
    // The office's words, then the name, up to the verb.
    let office = |t: &Token<'_>| t.is_capitalized() || crate::names::is_connector(t.text);
    let last = end + 1 + owned[end + 1..].iter().take(16).take_while(|t| office(t)).count() - 1;
    let whole: Vec<&str> = owned[..=last].iter().map(|t| t.text).collect();
    let name = name_of_run(&whole);
    let given = name.split(' ').next().unwrap_or_default();
    let at = owned[..=last].iter().rfind(|t| t.text == given).map_or(owned[0].start, |t| t.start);
    crate::names::is_full_name(&name).then(|| registry.person(at, &name)).flatten()
}

/// A sentence opening with a name: the person after an owner ("Labour's Shadow Home Secretary
/// Yvette Cooper"), after a lower-case title, or the name itself.
fn named_subject(
    owned: &[Token<'_>],
    end: usize,
    words: &[String],
    registry: &mut Registry,
) -> Option<String> {
    let first = &owned[0];
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if let Some(people) = people_described(owned, end, registry) {
        return Some(people);
    }
    if is_possessive(owned[end].text) {
        // "Labour's Shadow Home Secretary Yvette Cooper said": the person after the owner.
        let (_, after) = run_starting_at(owned, end + 1)?;
        let after: Vec<&str> = after.iter().map(String::as_str).collect();
        let name = name_of_run(&after);
        let person = name.contains(' ') && kind_of(&name) == NameKind::Person;
        return person.then(|| registry.person(owned[end + 1].start, &name)).flatten();
    }
    if let Some(person) = person_after_title(owned, end + 1, registry) {
        return Some(person);
    }
    if let Some(holder) = crate::names::holder_after_office(owned, 0, end) {
        return registry.person(owned[end + 2].start, &holder);
    }
    let name = name_of_run(&words);
    // A lone capitalised word opening a sentence ("Earnings of 85 cents beat forecasts",
    // "Microsoft launched a website") is a person only when the article named them in full
    // before or the word speaks; else it is taken as an organisation, which "it" and "its
    // website" may mean but a later "she said" may not.
    let known = registry.resolve(first.start, &name).contains(' ');
    // ("Putin said", "Putin was quoted as saying", "Obama also told".)
    // ("Facing the United States was daunting": "States" is no verb.)
    let speaks = owned
        .iter()
        .skip(end + 1)
        .take(4)
        .any(|t| t.is_lowercase_word() && (is_speech_verb(t) || super::is_participle(t)));
    // ("Asked whether she would run again, Clinton smiled.": only a person smiles.)
    let human = owned.get(end + 1).is_some_and(|t| words::HUMAN_VERBS.contains(t.lower()));
    if words.len() == 1 && !known && !speaks && !human && kind_of(&name) == NameKind::Person {
        // Only before a verb: "Microsoft launched", not "Thank you" or "Earnings of".
        let verb = owned.get(end + 1).is_some_and(|t| {
            let w = t.lower();
            t.is_lowercase_word()
                && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") || words::BETWEEN.contains(w))
        });
        return verb.then(|| registry.group(first.start, &name));
    }
    registry.person(first.start, &name)
}

/// "International aid groups in the region estimated", "Local health officials said", "according
/// to OPEC ministers": one
/// capitalised word describing people or groups named by the plural noun after it — the phrase,
/// not the word.
pub(super) fn people_described(owned: &[Token<'_>], end: usize, registry: &mut Registry) -> Option<String> {
    if end != 0 {
        return None;
    }
    // ("Government officials condemned …": the plural noun ends the phrase, not the verb after.)
    let people = |t: &Token<'_>| {
        let lower = t.lower();
        let singular = lower.strip_suffix('s').unwrap_or_default();
        // ("Early reports indicate": a publication described the same way.)
        let role = words::ROLE_NOUNS.contains(singular)
            || crate::names::is_role(singular)
            || words::REPORT_NOUNS.contains(lower);
        t.is_lowercase_word() && (role || words::GROUP_NOUNS.contains(singular))
    };
    let lower_words = owned[1..].iter().take(2).take_while(|t| t.is_lowercase_word()).count();
    let head = (1..=lower_words).find(|k| people(&owned[*k]))?;
    // ("Starmer told reporters, adding:": a verb, then its object, is no description.)
    let verb = |t: &Token<'_>| is_speech_verb(t) || t.lower().ends_with("ed");
    if owned[1..head].iter().any(verb) {
        return None;
    }
    let phrase: Vec<&str> = owned[..=head].iter().map(|t| t.text).collect();
    Some(registry.group(owned[0].start, &phrase.join(" ")))
}

/// A sentence opening with "the": an organisation's name, an owner's noun ("The hospital's
/// board"), or a person by role.
fn definite_subject(owned: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    let first = &owned[0];
    if let Some((_, words)) = owned.get(1).and_then(|_| run_starting_at(owned, 1)) {
        // "The Honourable Sean Fraser, Minister of …": a title, then the person.
        let run: Vec<&str> = words.iter().map(String::as_str).collect();
        let name = name_of_run(&run);
        if name.contains(' ') && name.split(' ').count() < run.len() && kind_of(&name) == NameKind::Person {
            return registry.person(owned[1].start, &name);
        }
        // "The Prime Minister, Justin Trudeau, today issued …": a title, then the person in
        // apposition.
        if run.last().is_some_and(|w| crate::names::is_title(w)) {
            if let Some(person) = apposed_after_subject(owned, registry) {
                registry.role(&run.join(" ").to_lowercase(), &person);
                return Some(person);
            }
        }
        return Some(registry.group(first.start, &format!("the {}", words.join(" "))));
    }
    // "The hospital's board disputes…": up to three words, ending after an owner's noun;
    // "The top U.S. diplomat in Burma says": an abbreviation may stand among them.
    let mut phrase: Vec<&str> = Vec::new();
    for t in owned.iter().skip(1).take(6) {
        if t.punct(".") && t.joined {
            continue;
        }
        let lower = t.lower();
        // ("The organization grimly predicts": an adverb ends the phrase as its verb would.)
        let verb_like = !phrase.is_empty()
            && !t.is_capitalized()
            && (lower.ends_with("ed")
                || lower.ends_with('s') && !is_possessive(t.text)
                || lower.len() > 4 && lower.ends_with("ly") && !words::NOUNS_IN_LY.contains(lower));
        if t.kind != Kind::Word
            || is_speech_verb(t)
            || words::BETWEEN.contains(lower)
            || words::CLAUSE_WORDS.contains(lower) && !t.is_acronym()
            || verb_like
            || phrase.len() == 4
        {
            break;
        }
        phrase.push(t.text);
        if phrase.len() >= 2 && is_possessive(phrase[phrase.len() - 2]) {
            break;
        }
    }
    // "The head of news for the county station, …, saying", "the top U.S. diplomat in Burma
    // says": a person by role is the one named with it earlier, or someone unnamed — whom a
    // "she says" in the next sentence means too, rather than anyone named before.
    if let Some(role) = phrase.last().filter(|w| is_person_role(w)) {
        // "The agency's head, Charles Bolden, was upbeat": the person in apposition.
        if let Some(person) = apposed_after_subject(owned, registry) {
            registry.role(role, &person);
            return Some(person);
        }
        // "Secretary of State Antony Blinken … The top diplomat also urged": another role for
        // the office-holder in view — unless the phrase places its holder elsewhere ("the top
        // U.S. diplomat in Burma" is someone else).
        let after = owned.get(1 + phrase.len() + usize::from(phrase.iter().any(|w| w.ends_with('.'))));
        let placed = phrase.iter().any(|w| w.starts_with(char::is_uppercase))
            || after.is_some_and(|t| matches!(t.lower(), "in" | "at" | "for" | "from" | "of"));
        // Nobody the text named: the role as written, someone a later "she says" means too.
        // ("the vice president said": the office in full first.)
        let office = (phrase.len() > 1).then(|| registry.holder_of(&phrase.join(" "))).flatten();
        if let Some(holder) = office {
            return Some(holder);
        }
        return registry.role_holder(role, first.start, placed).or_else(|| {
            registry.anonymous(first.start);
            Some(role_as_written(owned))
        });
    }
    if !phrase.is_empty() {
        return Some(registry.group(first.start, &format!("the {}", phrase.join(" "))));
    }

    None
}

/// A sentence's opening role phrase as written, with what places its holder: "the head of news
/// for the county station", "the top U.S. diplomat in Burma" — up to the verb or a comma.
fn role_as_written(owned: &[Token<'_>]) -> String {
    const PLACING: &[&str] = &["of", "for", "at", "in", "from", "the", "a", "an", "and"];
    let verb = |t: &Token<'_>| {
        let lower = t.lower();
        t.is_lowercase_word()
            && !PLACING.contains(&lower)
            && (is_speech_verb(t)
                || super::is_participle(t)
                || words::BETWEEN.contains(lower)
                || words::CLAUSE_WORDS.contains(lower)
                || lower.ends_with("ed")
                || matches!(lower, "spoke" | "says" | "wrote"))
    };
    let stop = |t: &Token<'_>| t.kind == Kind::Punct && !(t.punct(".") && t.joined);
    let mut end = (1..owned.len().min(14))
        .find(|k| verb(&owned[*k]) || stop(&owned[*k]))
        .unwrap_or(owned.len().min(14));
    while end > 1 && PLACING.contains(&owned[end - 1].lower()) {
        end -= 1;
    }
    super::phrases::as_written(&owned[..end])
}

/// The full name of a person between the commas after a sentence's opening noun phrase.
fn apposed_after_subject(owned: &[Token<'_>], registry: &mut Registry) -> Option<String> {
    // ("The head of the 14th Maidan Self Defense group, Volodymir Pak, …": a long role.)
    let comma = owned.iter().take(14).position(|t| t.punct(","))?;
    let (end, words) = run_starting_at(owned, comma + 1)?;
    if !owned.get(end + 1).is_some_and(|t| t.punct(",")) {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let person = name.contains(' ') && kind_of(&name) == NameKind::Person;
    person.then(|| registry.person(owned[comma + 1].start, &name)).flatten()
}

/// "Cynthia Thompson, curator and director of exhibits at the University of Arkansas,
/// Fayetteville, said": the person who opens the clause, however long the apposition after them.
pub(super) fn opening_apposition(
    tokens: &[&Token<'_>],
    comma: usize,
    registry: &mut Registry,
) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..comma].iter().map(|t| (*t).clone()).collect();
    let (end, words) = run_starting_at(&owned, 0)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // "Rail Minister, Lord Hendy, who attended the event, said": a role, then its holder.
    if words.last().is_some_and(|w| crate::names::is_role(w))
        && owned.get(end + 1).is_some_and(|t| t.punct(","))
    {
        if let Some((holder_end, holder)) = run_starting_at(&owned, end + 2) {
            let holder: Vec<&str> = holder.iter().map(String::as_str).collect();
            let name = name_of_run(&holder);
            let closed = owned.get(holder_end + 1).is_none_or(|t| t.punct(","));
            if closed && name.contains(' ') && kind_of(&name) == NameKind::Person {
                return registry.person(owned[end + 2].start, &name);
            }
        }
    }
    let name = name_of_run(&words);
    let apposition = &tokens[end + 1..comma];
    let plain = apposition.first().is_some_and(|t| t.punct(","))
        && comma - end <= 30
        && apposition.iter().all(|t| !is_speech_verb(t) && !t.punct(";:") && !is_pronoun(t));
    // "Commissioner Thyssen, responsible for …, said": a title and a surname name someone too;
    // so does a surname alone before an age and a role ("Johnson, 45, a teacher from Leeds,
    // described …"), unless it is a place.
    let titled = name.split(' ').count() < words.len() && !name.is_empty();
    let surname = !name.is_empty() && kind_of(&name) != NameKind::Place && !words::is_sentence_adverb(&name);
    (plain && (name.contains(' ') || titled || surname))
        .then(|| registry.person(owned[0].start, &name))
        .flatten()
}

/// "Trade envoy Maria Lopez arrived", "Defence minister John Smith said", "New Zealand batsman
/// Scott Styris went further": capitalised words before a lower-case title or occupation name
/// the post or the place, not the person; the person is the name after it.
fn person_after_title(owned: &[Token<'_>], from: usize, registry: &mut Registry) -> Option<String> {
    let is_lower_title =
        |t: &Token<'_>| t.kind == Kind::Word && !t.is_capitalized() && crate::names::is_false_title(t.text);
    let after = from + owned[from..].iter().take_while(|t| is_lower_title(t)).count();
    if after == from {
        return None;
    }
    let (_, words) = run_starting_at(owned, after)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    (kind_of(&name) == NameKind::Person).then(|| registry.person(owned[after].start, &name)).flatten()
}

/// A noun for one person by what they do: "the diplomat", "the spokeswoman", "the official" (not
/// "the report" or "the survey", which speak for themselves).
fn is_person_role(word: &str) -> bool {
    let lower = word.to_lowercase();
    crate::names::is_role(&lower)
        || words::ROLE_NOUNS.contains(lower.as_str())
            && !words::REPORT_NOUNS.contains(lower.as_str())
            && !words::DOCUMENT_NOUNS.contains(lower.as_str())
            && !matches!(lower.as_str(), "source" | "study" | "survey" | "poll")
}
