//! What a sentence teaches the registry, outside its quotes: the full names it mentions, the
//! roles it gives them ("CEO of the Refugee Council Enver Solomon", "spokesman William Spindler")
//! and the abbreviations it introduces ("Korean Central News Agency (KCNA)").

use crate::names::{self, is_title, kind_of, NameKind};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// Registers the names, roles and abbreviations of a sentence (its tokens, quotes as `None`).
pub fn names_in(context: &[Option<&Token<'_>>], registry: &mut Registry) {
    let owned: Vec<Token<'_>> = context.iter().flatten().map(|t| (*t).clone()).collect();
    // "She questioned …": the sentence is about whoever "she" is, before anyone it names.
    let opening = context.first().copied().flatten().filter(|t| t.is("he") || t.is("she"));
    if let Some(pronoun) = opening {
        registry.pronoun_subject(pronoun.lower(), pronoun.start);
    }
    let mut k = 0;
    while k < owned.len() {
        let Some((end, words)) = names::run_starting_at(&owned, k) else {
            k += 1;
            continue;
        };
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let name = names::name_of_run(&words);
        let name = names::without_possessive(&name).to_owned();
        // ("the Rt Hon Gordon Brown MP", "the Honourable Pablo Rodriguez": a person all the same.)
        let honoured = matches!(
            words[0].to_lowercase().trim_end_matches('.'),
            "rt" | "hon" | "honourable" | "honorable" | "right"
        );
        let preceded_by_the = k > 0 && owned[k - 1].is("the") && !honoured;
        if let Some(short) = abbreviation_after(&owned, end) {
            registry.abbreviation(short, &words.join(" "));
        }
        // "the Refugee Council Enver Solomon": an organisation's words, then a person.
        let person_after_org = name.split(' ').count() < words.len();
        let person = name.split(' ').count() >= 2
            && kind_of(&name) == NameKind::Person
            && !names::is_office_alone(&words)
            && names::holder_after_office(&owned, k, end).is_none();
        if name.split(' ').count() == 1 && !preceded_by_the {
            registry.meet_short(owned[k].start, &name);
        }
        // ("former President Obama", "Former President Carter": the role is no longer theirs.)
        let former = k > 0 && words::FORMER_WORDS.contains(owned[k - 1].lower())
            || words.first().is_some_and(|w| words::FORMER_WORDS.contains(w.to_lowercase().as_str()));
        if !preceded_by_the {
            meet_titled_surname(&owned, k, &words, &name, former, registry);
        }
        if name.split(' ').count() == 1
            && introduced_by_first_name(&owned, k)
            && kind_of(&name) == NameKind::Person
        {
            registry.person(owned[k].start, &name);
        }
        // "The director of the relief group is Reverend Steven Mbogo.": who the sentence is about.
        let identified = k > 0 && (owned[k - 1].is("is") || owned[k - 1].is("was")) && end + 2 >= owned.len();
        if person && identified {
            registry.person(owned[k].start, &name);
            // (The role the sentence opens with is theirs.)
            let role = owned.iter().take(4).find(|t| t.is_lowercase_word() && names::is_role_word(t.text));
            if let Some(role) = role {
                registry.role(role.lower(), &name);
            }
        }
        // ("The Ministry of Health issued guidance. … the ministry said".)
        let whole = words.join(" ");
        if words.len() >= 2 && kind_of(&whole) == NameKind::Group && !person_after_org {
            registry.name_group(owned[k].start, &whole);
        }
        if person && (!preceded_by_the || person_after_org) {
            registry.meet(owned[k].start, &name);
            if !former {
                record_roles(registry, roles_before(&owned, k, &words), &name);
            }
            for role in roles_after(&owned, end) {
                registry.role(&role, &name);
            }
            let in_run = office_in_run(&owned, k, &words, &name);
            let offices = office_before_name(&owned, k, end, &name).into_iter().chain(in_run);
            for key in offices.chain(office_in_apposition(&owned, end)) {
                registry.office(&key, &name);
            }
        }
        k = end + 1;
    }
}

/// "President Bush, his wife and their daughters voted …": a surname after a title is a person
/// in view (a later "he", "the president"), named as the text names him; a former holder keeps
/// no role.
fn meet_titled_surname(
    owned: &[Token<'_>],
    k: usize,
    words: &[&str],
    name: &str,
    former: bool,
    registry: &mut Registry,
) {
    let titled = words.len() >= 2 && words[..words.len() - 1].iter().all(|w| is_title(w));
    if !titled || name.split(' ').count() != 1 || kind_of(name) != NameKind::Person {
        return;
    }
    let known = registry.meet_titled(owned[k].start, name);
    if !former {
        record_roles(registry, roles_before(owned, k, words), &known);
    }
}

/// Whether a role recorded for someone is theirs outright, or only while nobody else holds it: a
/// deputy is "the minister" of a text that names no other minister, never the minister's rival.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Hold {
    Outright,
    IfVacant,
}

fn record_roles(registry: &mut Registry, roles: Vec<(String, Hold)>, name: &str) {
    for (role, hold) in roles {
        match hold {
            Hold::Outright => registry.role(&role, name),
            Hold::IfVacant => registry.role_if_vacant(&role, name),
        }
    }
}

/// Full names said inside a quotation ("Prime Minister Laisenia Qarase was no longer in
/// control"): known for completing a surname credited later ("Qarase"), but not put in view for
/// "he" or "she" — who is talked about in a quotation is not who speaks after it.
pub fn names_quoted(tokens: &[Token<'_>], registry: &mut Registry) {
    let mut k = 0;
    while k < tokens.len() {
        let Some((end, words)) = names::run_starting_at(tokens, k) else {
            k += 1;
            continue;
        };
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let name = names::name_of_run(&words);
        registry.know(tokens[k].start, names::without_possessive(&name));
        k = end + 1;
    }
}

/// "A lawyer named Samantha", "a voter who self-identified as Jamie", "Cohen's mother, Ruth,":
/// someone the text names by one name only, as a person — a "she" after it is her.
fn introduced_by_first_name(tokens: &[Token<'_>], k: usize) -> bool {
    let before = |back: usize| k.checked_sub(back).map(|b| &tokens[b]);
    let relative = before(1).is_some_and(|t| t.punct(","))
        && before(2).is_some_and(|t| crate::words::PERSON_NOUNS.contains(t.lower()))
        && before(3)
            .is_some_and(|t| names::is_possessive(t.text) || t.is("his") || t.is("her") || t.is("their"));
    names::gives_a_name(tokens, k) || relative
}

/// "(KCNA)" right after a name.
fn abbreviation_after<'a>(tokens: &[Token<'a>], end: usize) -> Option<&'a str> {
    let (open, short, close) = (tokens.get(end + 1)?, tokens.get(end + 2)?, tokens.get(end + 3)?);
    let caps = short.kind == Kind::Word
        && short.text.len() >= 2
        && short.text.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    (open.punct("(") && close.punct(")") && caps).then_some(short.text)
}

/// The role words of a name: titles inside its run ("CEO", "Home Secretary") and lower-case
/// ones just before it ("refugee spokesman").
fn roles_before(tokens: &[Token<'_>], start: usize, run: &[&str]) -> Vec<(String, Hold)> {
    let outright = |roles: Vec<String>| roles.into_iter().map(|r| (r, Hold::Outright)).collect::<Vec<_>>();
    let mut roles: Vec<String> = run.iter().filter(|w| is_title(w)).map(|w| w.to_lowercase()).collect();
    // ("Prime Minister Scott Morrison": the office in full as well, whom "the Prime Minister"
    // means.)
    let name_words = names::name_of_run(run).split(' ').count();
    let office = &run[..run.len().saturating_sub(name_words)];
    if office.len() >= 2 && office.iter().any(|w| is_title(w)) {
        roles.push(office.join(" ").to_lowercase());
    }
    // ("Deputy Prime Minister Michael McCormack": "the Deputy Prime Minister" outright, but "the
    // minister" only in a text that names no other — never Scott Morrison's.)
    if let Some(rank) = roles.iter().position(|r| words::RANK_QUALIFIERS.contains(r.as_str())) {
        let qualifier = roles.remove(rank);
        let (full, plain): (Vec<String>, Vec<String>) = roles.into_iter().partition(|r| r.contains(' '));
        let qualified = plain.iter().map(|r| format!("{qualifier} {r}"));
        let mut held = outright(full.into_iter().chain(qualified).collect());
        held.extend(plain.into_iter().map(|r| (r, Hold::IfVacant)));
        held.extend(outright(roles_in_context(tokens, start)));
        return held;
    }
    roles.extend(roles_in_context(tokens, start));
    outright(roles)
}

/// The roles the words around a name give it: a lower-case title just before it, a role in
/// apposition before a comma, a portfolio's chain before an "and", "CEO of the …".
fn roles_in_context(tokens: &[Token<'_>], start: usize) -> Vec<String> {
    let mut roles: Vec<String> = Vec::new();
    let before = tokens[start.saturating_sub(3)..start].iter().rev();
    roles.extend(
        before
            .take_while(|t| t.is_lowercase_word())
            .filter(|t| is_title(t.text))
            .map(|t| t.lower().to_owned()),
    );
    // "Savchenko's lawyer, Mark Feygin", "The Prime Minister, Rishi Sunak,": a role in apposition.
    let role_word = |t: &Token<'_>| t.kind == Kind::Word && names::is_role_word(t.text);
    // ("The Chancellor of the Exchequer, the Rt Hon Gordon Brown MP,": the role before what it is
    // of, and an article before the name.)
    let comma = start.checked_sub(1 + usize::from(start >= 1 && tokens[start - 1].is("the")));
    if let Some(comma) = comma.filter(|c| *c >= 1 && tokens[*c].punct(",")) {
        // (Right before the comma, or with what it is "of": not "President Obama, Angela Merkel".)
        let complement = |t: &Token<'_>| {
            t.is("of") || t.is("the") || t.is("for") || t.kind == Kind::Word && t.is_capitalized()
        };
        // ("The Minister of State for Higher Education, Mary Mitchell O'Connor,": each title of
        // the chain, the first as well as "State".)
        let chained = |r: &usize| {
            *r + 1 == comma
                || (tokens[r + 1].is("of") || tokens[r + 1].is("for"))
                    && tokens[r + 1..comma].iter().all(complement)
        };
        let window = comma.saturating_sub(8)..comma;
        for role in window.rev().filter(|k| role_word(&tokens[*k])).filter(chained) {
            roles.push(tokens[role].lower().to_owned());
        }
    }
    // "Deputy Prime Minister and Minister for Infrastructure, Transport and Regional Development
    // Barnaby Joyce": the titles of the portfolio chain before the run are the person's.
    if start >= 2 && tokens[start - 1].text == "and" {
        let chain: Vec<&Token<'_>> =
            tokens[..start].iter().rev().take(16).take_while(|t| names::in_portfolio(t)).collect();
        // Only a portfolio's chain ("Minister for …"), with nobody named in it: "President Barack
        // Obama and German Chancellor Angela Merkel" gives Merkel no "president".
        let portfolio = chain.windows(2).any(|w| (w[0].is("for") || w[0].is("of")) && is_title(w[1].text));
        let someone = chain.iter().any(|t| names::is_first_name(t.text));
        if portfolio && !someone {
            roles.extend(chain.iter().filter(|t| is_title(t.text)).map(|t| t.lower().to_owned()));
        }
    }
    // "CEO of the Refugee Council Enver Solomon".
    if start >= 3
        && tokens[start - 1].is("the")
        && tokens[start - 2].is("of")
        && is_title(tokens[start - 3].text)
    {
        roles.push(tokens[start - 3].lower().to_owned());
    }
    roles
}

/// "Minister for Business, Enterprise and Innovation Frances Fitzgerald TD": the office whose
/// chain ends right before the name, found inside the run from `start` to `end` or before it.
fn office_before_name(tokens: &[Token<'_>], start: usize, end: usize, name: &str) -> Option<String> {
    let first_word = name.split(' ').next()?;
    let at = (start..=end).find(|p| tokens[*p].text == first_word)?;
    names::office_ending_at(tokens, at.checked_sub(1)?).map(|(_, key)| key)
}

/// "Health and Social Care Secretary Wes Streeting": an office's name with "and" in it and its
/// title, before the name in the run starting at `start` (or a word and "and" before the run) —
/// the office's key, in lower case.
fn office_in_run(tokens: &[Token<'_>], start: usize, words: &[&str], name: &str) -> Option<String> {
    let given = name.split(' ').next()?;
    let mut office: Vec<&str> = words[..words.iter().position(|w| *w == given)?].to_vec();
    let and_before = start >= 2 && tokens[start - 1].text == "and" && tokens[start - 2].is_capitalized();
    if and_before && !office.contains(&"and") {
        office.splice(0..0, [tokens[start - 2].text, "and"]);
    }
    let titled = office.last().is_some_and(|w| is_title(w));
    (titled && office.contains(&"and")).then(|| office.join(" ").to_lowercase())
}

/// "Wes Streeting, the Health and Social Care Secretary,": the office in apposition after a
/// name, up to its last title — the office's key, in lower case, when it has words before the
/// title.
fn office_in_apposition(tokens: &[Token<'_>], end: usize) -> Option<String> {
    if !tokens.get(end + 1).is_some_and(|t| t.punct(",")) {
        return None;
    }
    let phrase: Vec<&Token<'_>> =
        tokens[end + 2..].iter().take(8).take_while(|t| t.kind == Kind::Word).collect();
    let from = usize::from(phrase.first().is_some_and(|t| t.is("the")));
    let last_title = phrase.iter().rposition(|t| is_title(t.text) && t.is_capitalized())?;
    let office = phrase.get(from..=last_title)?;
    let capitals = office.iter().all(|t| t.is_capitalized() || names::is_connector(t.text));
    (office.len() >= 2 && capitals).then(|| office.iter().map(|t| t.lower()).collect::<Vec<_>>().join(" "))
}

/// "Dame Diana Johnson, Minister of State for Police": the titles of an apposition after a name.
fn roles_after(tokens: &[Token<'_>], end: usize) -> Vec<String> {
    if !tokens.get(end + 1).is_some_and(|t| t.punct(",")) {
        return Vec::new();
    }
    // ("Wes Streeting, the Health and Social Care Secretary,": the title may come sixth.)
    let phrase: Vec<&Token<'_>> =
        tokens[end + 2..].iter().take(7).take_while(|t| t.kind == Kind::Word).collect();
    // (Capitalised words of an office's name before its title: "Health and Social Care".)
    let office_before_title = |k: usize| {
        phrase[k..].iter().take_while(|t| t.is_capitalized() || t.text == "and").any(|t| is_title(t.text))
    };
    // ("Premier Gladys Berejiklian, Deputy Prime Minister Michael McCormack and …": the titles
    // of the next person in a list, whose name follows them, are not hers.)
    let next = &tokens[end + 2..];
    let next_person = next.first().is_some_and(|t| t.is_capitalized())
        && names::name_starting_at(next, 0).is_some_and(|(_, name)| names::is_full_name(&name));
    if next_person {
        return Vec::new();
    }
    let mut roles = Vec::new();
    for (k, t) in phrase.iter().enumerate() {
        if is_title(t.text) {
            roles.push(t.lower().to_owned());
        } else if !(k == 0 && (t.is("the") || t.is("a"))) && t.is_capitalized() && !office_before_title(k) {
            break;
        } else if k >= 4 && !t.is_capitalized() && !names::is_connector(t.lower()) {
            break; // ("Jane Doe, who met the president": no title of hers.)
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokens;

    fn learn(text: &str) -> Registry {
        let t = tokens(text, 0..text.len());
        let context: Vec<Option<&Token<'_>>> = t.iter().map(Some).collect();
        let mut r = Registry::default();
        names_in(&context, &mut r);
        r
    }

    #[test]
    fn roles_and_abbreviations_are_learned_with_the_name() {
        let r = learn("After the leak, CEO of the Refugee Council Enver Solomon told Sky News.");
        assert_eq!(r.holder_of("ceo").as_deref(), Some("Enver Solomon"));
        let r = learn("U.N. refugee spokesman William Spindler says so.");
        assert_eq!(r.holder_of("spokesman").as_deref(), Some("William Spindler"));
        let r = learn("It was said by Dame Diana Johnson, Minister of State for Police.");
        assert_eq!(r.holder_of("minister").as_deref(), Some("Dame Diana Johnson"));
        let mut r = learn("The Korean Central News Agency (KCNA) said so.");
        assert_eq!(r.person(80, "KCNA").as_deref(), Some("Korean Central News Agency"));
    }
}
