//! Who stands before a verb of speech: the subject past times, adverbs and abbreviations in
//! brackets ("Honda last week said", "the organization grimly predicts", "HM Revenue and
//! Customs (HMRC) has revealed"), an aside's name, a relative clause's head, the phrase before
//! where the speaker is ("Officials in Florida, Georgia and North Carolina said").

use super::phrases::noun_phrase_ending_at;
use super::subject::opening_apposition;
use super::{is_speech_verb, DETERMINERS};
use crate::names::{is_possessive, name_of_run, run_ending_at, run_starting_at};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;
use std::ops::ControlFlow;

pub(super) enum Subject {
    Named(String),
    /// "… and said": the subject is the sentence's.
    Conjoined,
}

pub(super) fn subject_before(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<Subject> {
    if let Some(name) = subject_of_relative_clause(tokens, v, registry) {
        return Some(Subject::Named(name));
    }
    let mut j = v.checked_sub(1)?;
    loop {
        // "Honda last week said", "the minister on Monday said".
        let when = j >= 1
            && words::is_when(tokens[j].lower())
            && matches!(tokens[j - 1].lower(), "last" | "this" | "on" | "next" | "earlier" | "late");
        // "the National Disaster Management Agency (BNPB) said": the name before its abbreviation.
        let abbreviation =
            j >= 3 && tokens[j].punct(")") && tokens[j - 2].punct("(") && tokens[j - 1].kind == Kind::Word;
        // "A UNICEF report released Monday says": the publication before its release.
        let released = j >= 1
            && words::WEEKDAYS.contains(tokens[j].lower())
            && matches!(tokens[j - 1].lower(), "released" | "published" | "issued" | "out");
        if when || released {
            j = j.checked_sub(2)?;
        } else if abbreviation {
            // "HM Revenue and Customs (HMRC) has revealed": the name the abbreviation was met for.
            let short = tokens[j - 1];
            let full = registry.person(short.start, short.text).filter(|full| full.contains(' '));
            if let Some(full) = full {
                return Some(Subject::Named(full));
            }
            j -= 3;
        } else if words::BETWEEN.contains(tokens[j].lower()) && tokens[j].kind == Kind::Word
            || is_adverb(tokens, j)
            || floats(tokens, j)
        {
            j = j.checked_sub(1)?;
        } else {
            break;
        }
    }
    if tokens[j].is("and") || tokens[j].is("but") {
        return Some(Subject::Conjoined);
    }
    // "including the BBC's Robin Brant, who stated that": the one the clause is about.
    if tokens[j].is_who() && j >= 2 && tokens[j - 1].punct(",") {
        // ("Among the callers was Jane Moyo from Harare, who said": not Harare.)
        return noun_phrase_ending_at(tokens, before_locative(tokens, j - 2), registry).map(Subject::Named);
    }
    // "an estimated", "its earlier forecast": a noun or an adjective, not a verb of speech.
    if DETERMINERS.contains(&tokens[j].lower()) || tokens[j].is("its") {
        return None;
    }
    if tokens[j].punct(",—–") {
        match subject_of_aside(tokens, j, v, registry) {
            ControlFlow::Break(subject) => return subject,
            ControlFlow::Continue(before_aside) => j = before_aside,
        }
    }
    if let Some(name) = unclosed_aside(tokens, v, registry) {
        return Some(Subject::Named(name));
    }
    let j = before_locative(tokens, j);
    if let Some(country) = country_ending_at(tokens, j) {
        return Some(Subject::Named(country));
    }
    noun_phrase_ending_at(tokens, j, registry).map(Subject::Named)
}

/// Who stands before a verb of speech that a comma or dash at `j` precedes: the name an aside
/// gives ("A department spokesperson, Carla Reyes, said"), the name before a relative clause
/// ("Jane Doe, who heads …, said") or before a stray comma ("Prime Minister Qarase, said that");
/// else where the phrase before the aside ends ("Gabuev, a Carnegie expert, said"), to go on
/// from.
fn subject_of_aside(
    tokens: &[&Token<'_>],
    j: usize,
    v: usize,
    registry: &mut Registry,
) -> ControlFlow<Option<Subject>, usize> {
    // "A department spokesperson, Carla Reyes, said", "Commissioner for Employment, Social
    // Affairs, Skills and Labour Mobility, Marianne Thyssen, said": the aside is the name.
    let open = tokens[..j].iter().rposition(|t| t.punct(",—–"));
    // "Jane Doe, who heads the Department of Health and Climate Skills, said": the aside is
    // a relative clause about the name before it, whatever it names.
    if let Some(o) = open.filter(|o| *o > 0 && j - o <= 24 && tokens[o + 1].is_who()) {
        let before = before_locative(tokens, o - 1);
        return ControlFlow::Break(noun_phrase_ending_at(tokens, before, registry).map(Subject::Named));
    }
    if let Some(name) =
        open.filter(|o| *o > 0 && j - o <= 20).and_then(|o| apposed_person(tokens, o, j, registry))
    {
        return ControlFlow::Break(Some(Subject::Named(name)));
    }
    if let Some(name) = opening_apposition(tokens, j, registry) {
        return ControlFlow::Break(Some(Subject::Named(name)));
    }
    // "Prime Minister Qarase, said that …": a stray comma after a name that opens the
    // sentence, with no aside to close — the name is the subject.
    // (Not an inverted aside: "Obama, said one aide, was furious" — the verb's own subject
    // follows it there.)
    let reported = tokens.get(v + 1).is_none_or(|n| n.is("that") || n.punct(":"));
    if open.is_none() && j >= 1 && reported {
        let owned = crate::names::owned_tokens(&tokens[..j]);
        let opening_name = crate::names::name_ending_at(&owned, j - 1).is_some_and(|(first, name)| {
            first == 0 && crate::names::kind_of(&name) == crate::names::NameKind::Person
        });
        if opening_name {
            return ControlFlow::Break(noun_phrase_ending_at(tokens, j - 1, registry).map(Subject::Named));
        }
    }
    // "Gabuev, a Carnegie expert, said": skip the aside between the commas.
    match open {
        Some(open) if open > 0 && j - open <= 20 => ControlFlow::Continue(open - 1),
        _ => ControlFlow::Break(None),
    }
}

/// "Somali pirates who seized a ship bound for east Africa say", "Residents who fled the
/// fighting said": the phrase before a relative clause (no comma around it) speaks, not the
/// clause's last noun.
fn subject_of_relative_clause(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let who =
        (v.saturating_sub(16)..v).rev().find(|k| tokens[*k].is_who() || tokens[*k].kind == Kind::Punct)?;
    if !tokens[who].is_who() || who == 0 || tokens[who - 1].kind == Kind::Punct || who + 2 > v {
        return None;
    }
    noun_phrase_ending_at(tokens, who - 1, registry)
}

/// "Commissioner Breton, responsible for the Internal Market said": an aside after the name the
/// writer did not close with a comma; the person opening the clause speaks, not the aside's end.
fn unclosed_aside(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let comma = (v.saturating_sub(14)..v).rev().find(|k| tokens[*k].kind == Kind::Punct)?;
    // ("Mike Reynolds, Acting Director of the National Park Service pointed out": a title opens
    // it; "Gwenllian Lansdown Davies, Mudiad Meithrin Chief Executive added": a title ends it.)
    let opens = tokens.get(comma + 1).is_some_and(|t| {
        t.is_lowercase_word() && !matches!(t.lower(), "and" | "but" | "or" | "then" | "so")
            || t.is_capitalized() && crate::names::is_title(t.text)
    }) || v > 0 && tokens[v - 1].is_capitalized() && crate::names::is_title(tokens[v - 1].text);
    (tokens[comma].punct(",") && comma + 2 < v && opens)
        .then(|| opening_apposition(tokens, v, registry))
        .flatten()
}

/// "Police in the West Midlands in England said", "the embassy in Kabul said": where the
/// speaker is ("in" a named place) is not who speaks — the phrase before it does.
fn before_locative(tokens: &[&Token<'_>], j: usize) -> usize {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let mut j = j;
    while let Some((first, words)) = run_ending_at(&owned, j) {
        let first = first_place_listed(&owned, first, &words);
        let the = first.checked_sub(1).filter(|p| owned[*p].is("the"));
        let at = the.unwrap_or(first).checked_sub(1).filter(|p| owned[*p].is("in") || owned[*p].is("from"));
        let Some(at) = at else { break };
        let head = at
            .checked_sub(1)
            .filter(|h| owned[*h].kind == Kind::Word && !words::CLAUSE_WORDS.contains(owned[*h].lower()));
        let Some(head) = head else { break };
        // "Jane Moyo from Harare": a person from a place, not "researchers from Harvard" (nor
        // "Figures from the ONS", capitalised only because it opens the sentence).
        if owned[at].is("from") && !(head > 0 && crate::names::is_name_word(&owned[head])) {
            break;
        }
        // "An article in Techli said": the paper an article is in speaks for it.
        if words::DOCUMENT_NOUNS.contains(owned[head].lower()) {
            break;
        }
        j = head;
    }
    j
}

/// Where the places listed before a speech verb begin: "(Officials in) Florida, Georgia and
/// North Carolina", "(in the Indian-controlled section of) divided Kashmir" — a place's part and
/// its description before it too, up to the "in" or "from" that places the speaker.
fn first_place_listed(owned: &[Token<'_>], first: usize, run: &[String]) -> usize {
    let is_place =
        |words: &[String]| crate::names::kind_of(&words.join(" ")) == crate::names::NameKind::Place;
    if !is_place(run) {
        return first;
    }
    // ("in Gaza City and the West Bank": a "the" before a listed place too.)
    let mut first = first;
    loop {
        let lead = if first >= 1 && owned[first - 1].is("the") { first - 1 } else { first };
        if lead < 2 || !(owned[lead - 1].is("and") || owned[lead - 1].punct(",")) {
            break;
        }
        match run_ending_at(owned, lead - 2) {
            Some((earlier, words)) if is_place(&words) => first = earlier,
            _ => break,
        }
    }
    // ("in the Indian-controlled section of divided Kashmir", "in war-torn Syria": words, none a
    // clause's, back to "in" or "in the".)
    let plain = |t: &Token<'_>| {
        t.kind == Kind::Word
            && (!words::CLAUSE_WORDS.contains(t.lower()) || t.is("of"))
            && !is_speech_verb(t)
            && !t.is("in")
            && !t.is("the")
    };
    let described = (first.saturating_sub(6)..first).rev().take_while(|k| plain(&owned[*k])).last();
    let after_in =
        |k: usize| k > 0 && owned[k - 1].is("in") || k > 1 && owned[k - 1].is("the") && owned[k - 2].is("in");
    described.filter(|k| after_in(*k)).unwrap_or(first)
}

/// "BBC, ITV and Sky News all called …", "the ministers both said": a quantifier floating
/// after its subject ("they all said" is whoever "they" are) — not "all" alone.
fn floats(tokens: &[&Token<'_>], j: usize) -> bool {
    let quantifier = tokens[j].is("all") || tokens[j].is("both");
    quantifier && j > 0 && tokens[j - 1].kind == Kind::Word
}

/// "Smith quietly said": a lower-case word in "-ly" between a subject and its verb — not a noun
/// after a determiner or an owner ("the family said", "Smith's family said").
fn is_adverb(tokens: &[&Token<'_>], j: usize) -> bool {
    let t = tokens[j];
    let owned = j.checked_sub(1).is_some_and(|p| {
        DETERMINERS.contains(&tokens[p].lower()) || is_possessive(tokens[p].text) || tokens[p].is("our")
    });
    let noun = words::NOUNS_IN_LY.contains(t.lower()); // ("the national assembly said")
    t.is_lowercase_word() && t.text.len() > 4 && t.text.ends_with("ly") && !owned && !noun
}

/// The full name of a person that is the whole aside between two commas.
fn apposed_person(
    tokens: &[&Token<'_>],
    open: usize,
    close: usize,
    registry: &mut Registry,
) -> Option<String> {
    let aside: Vec<Token<'_>> = tokens[open + 1..close].iter().map(|t| (*t).clone()).collect();
    // "One financial services firm, Moody's Investors Service, says": the organisation named.
    let firm = open >= 1 && words::GROUP_NOUNS.contains(tokens[open - 1].lower());
    let named: Vec<&str> = aside.iter().map(|t| t.text).collect();
    // ("Canada’s second largest airline, WestJet, said": after an organisation's noun, a name
    // of one word is the organisation's too.)
    let kind = crate::names::kind_of(&named.join(" "));
    let organisation =
        kind == crate::names::NameKind::Group || named.len() == 1 && kind != crate::names::NameKind::Place;
    if firm && organisation && aside.iter().all(|t| t.kind == Kind::Word && t.is_capitalized()) {
        return Some(registry.group(aside.first()?.start, &named.join(" ")));
    }
    // "His chief competitor, former foreign minister Abdullah Abdullah, has said", "The head of
    // the meeting, Algerian oil minister Chakib Khelil, said": a role before the name.
    let describes = |t: &Token<'_>| {
        t.is_lowercase_word()
            || t.kind == Kind::Word && crate::names::kind_of(t.text) == crate::names::NameKind::Place
    };
    let is_role_word = |t: &Token<'_>| crate::names::is_role_word(t.text);
    let titled = aside.iter().take_while(|t| describes(t)).count();
    let role = aside[..titled].iter().any(is_role_word);
    // "…, Crime Prevention minister Jeremy Browne, said": a portfolio in capitals before the role.
    let after_portfolio = aside
        .iter()
        .rposition(|t| t.is_lowercase_word() && is_role_word(t))
        .filter(|r| *r > 0 && aside[..*r].iter().all(|t| t.kind == Kind::Word && t.is_capitalized()))
        .map(|r| r + 1);
    let titled = if role { titled } else { after_portfolio.unwrap_or(0) };
    // ("Mykhailo Podoliak, an adviser to Ukrainian President Volodymyr Zelensky, said": the
    // name after a role's "to", "of" or "for" is whom the speaker serves, not the speaker.)
    let last_described = aside[..titled].iter().rev().find(|t| t.is_lowercase_word());
    if last_described.is_some_and(|t| words::SERVING_PREPOSITIONS.contains(t.lower())) {
        return None;
    }
    let (_, words) = run_starting_at(&aside, titled).filter(|(end, _)| *end + 1 == aside.len())?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    // "Her husband, Ali, added": one name is enough after a relative of someone in view.
    let relative = open >= 2
        && matches!(tokens[open - 2].lower(), "his" | "her" | "their")
        && words::PERSON_NOUNS.contains(tokens[open - 1].lower());
    // ("Nick Boles, Minister of State for Skills, said": an office in the aside names no one.)
    let office = crate::names::is_office_alone(&words)
        || words.first().is_some_and(|w| crate::names::is_title(w)) && name == words.join(" ");
    let person = (name.contains(' ') || relative)
        && !office
        && crate::names::kind_of(&name) == crate::names::NameKind::Person;
    person.then(|| registry.person(aside[titled].start, &name)).flatten()
}

/// "North Korea stated", "China said": a country (or capital) right before a verb of speech
/// speaks for its government, as written — unlike a nationality ("the Russian said"), and
/// unlike a place anywhere else in a speaker's phrase ("London Mayor Sadiq Khan").
fn country_ending_at(tokens: &[&Token<'_>], j: usize) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let (first, run) = run_ending_at(&owned, j)?;
    // "the senior U.S. diplomat in Burma said": the place is where, not who.
    let placed = first.checked_sub(1).is_some_and(|p| {
        matches!(
            owned[p].lower(),
            "in" | "at" | "from" | "of" | "to" | "for" | "with" | "on" | "near" | "across"
        )
    });
    if placed {
        return None;
    }
    let name = run.join(" ");
    let the = first > 0 && owned[first - 1].is("the");
    let country = words::PLACES.contains(name.to_lowercase().as_str()) && !is_possessive(&name);
    country.then(|| if the { format!("the {name}") } else { name })
}
