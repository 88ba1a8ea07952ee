//! Organisations' names as news writes them: an "and" inside one ("the Department of Health and
//! Human Services", "HM Revenue and Customs (HMRC)"), a small word after its word ("the Project
//! on Government Oversight"), a joining word ("Doctors Without Borders") and the people it is of
//! ("the U.N. Children's Fund").

use super::{
    is_abbreviation, is_first_name, is_name_word, is_org_word, is_particle, is_possessive, is_title, kind_of,
    without_possessive, NameKind,
};
use crate::text::Token;
use crate::words;

/// Whether a run of name words names an organisation by what it is "of" or "for" ("Department
/// of Health", "Centers for Disease Control"): an "and" after it goes on inside the name.
fn names_a_remit(run: &[Token<'_>]) -> bool {
    run.windows(2).any(|w| is_org_word(w[0].text) && (w[1].is("of") || w[1].is("for")))
}

/// Where the organisation's name begins whose "and" stands just before token `first`:
/// "Department of Health and | Human Services", not "NASA and | ESA" nor "the Ministry of Defence
/// and | Mr Smith".
pub(super) fn organisation_before_and(tokens: &[Token<'_>], first: usize) -> Option<usize> {
    let and = first.checked_sub(1).filter(|a| tokens[*a].text == "and")?;
    let start = bounded_run_start(tokens, and.checked_sub(1)?)?;
    let rest = tokens[first..].iter().take(8).take_while(|t| is_name_word(t)).count();
    let after: Vec<&str> = tokens[first..first + rest].iter().map(|t| t.text).collect();
    // ("and Mr Smith", "and John Smith": a person joins, not the name's last words.)
    let person = after.first().is_some_and(|w| is_title(w) || is_first_name(w));
    // "Food and Drug Administration", "National Oceanic and Atmospheric Administration": a few
    // words that name no organisation yet, then "and", then a name that ends as an
    // organisation's does (not "the Foreign Office and Home Office", two of them).
    // (Nor "Public Health Scotland and University of Glasgow": a second one opens with its word;
    // nor "Germany and European Union officials": a place before the "and" is a party of its own.)
    let place = tokens[start..and].iter().any(|t| kind_of(t.text) == NameKind::Place);
    let unfinished = and - start <= 3 && !place && !tokens[start..and].iter().any(|t| is_org_word(t.text));
    let goes_on = tokens.get(first + 1).is_some_and(|t| is_particle(t) || is_name_word(t));
    let second = after.first().is_some_and(|w| is_org_word(w)) && goes_on;
    let few_words = unfinished && !second && after.last().is_some_and(|w| is_org_word(w));
    let abbreviated = spelled_by_abbreviation(tokens, start, first + rest);
    ((names_a_remit(&tokens[start..and]) || few_words || abbreviated) && !person).then_some(start)
}

/// Whether the "and" at `k` stands inside an organisation's name ("'…,' the Centers for Disease
/// Control and Prevention said"), so that it ends no attribution.
pub fn and_in_organisation(tokens: &[&Token<'_>], k: usize) -> bool {
    if tokens[k].text != "and" {
        return false;
    }
    // (`organisation_before_and` reads at most eight tokens before the "and" and eight after it:
    // a window of them is all it needs.)
    let from = k.saturating_sub(8);
    let window: Vec<Token<'_>> = tokens[from..tokens.len().min(k + 9)].iter().map(|t| (*t).clone()).collect();
    organisation_before_and(&window, k - from + 1).is_some()
}

/// "HM Revenue and Customs (HMRC)": the abbreviation after the words `start..end` spells their
/// initials (a word in capitals gives all its letters), so they are one name.
fn spelled_by_abbreviation(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let short = match tokens.get(end..end + 3) {
        Some([open, short, close]) if open.punct("(") && close.punct(")") && is_abbreviation(short.text) => {
            short.text
        }
        _ => return false,
    };
    let small = ["and", "of", "for", "the", "&"];
    let initials: String = tokens[start..end]
        .iter()
        .filter(|t| !small.contains(&t.text))
        .map(|t| if is_abbreviation(t.text) { t.text.to_owned() } else { t.text.chars().take(1).collect() })
        .collect();
    initials.to_uppercase() == short.replace('.', "")
}

/// Where the name ending at `end` begins ("Department of Health", "HM Revenue"), looking back at
/// most eight tokens over name words and the "of", "for" and "the" inside them. Bounded and not
/// recursive (unlike `run_ending_at`, which calls `organisation_before_and`), so that a sentence
/// of many "and"s costs no more than a short one.
fn bounded_run_start(tokens: &[Token<'_>], end: usize) -> Option<usize> {
    let inside = |t: &Token<'_>| t.is("of") || t.is("for") || t.text == "the";
    if !tokens.get(end).is_some_and(is_name_word) {
        return None;
    }
    let mut start = end;
    while start > 0 && end - start < 8 {
        let prev = &tokens[start - 1];
        if !(is_name_word(prev) && !is_possessive(prev.text) || inside(prev)) {
            break;
        }
        start -= 1;
    }
    while start < end && inside(&tokens[start]) {
        start += 1;
    }
    Some(start)
}

pub(super) fn organisation_goes_on(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let and_next = tokens.get(end + 1).is_some_and(|t| t.text == "and");
    let name_after = tokens.get(end + 2).is_some_and(|t| is_name_word(t) && !is_title(t.text));
    and_next && name_after && organisation_before_and(tokens, end + 2).is_some_and(|begins| begins == start)
}

/// Whether the word before `first` is the people an organisation is of, inside its name: "the
/// U.N. Children's Fund", "the Women's Institute", "the People's Party" — not "Ukraine's Foreign
/// Ministry", which is Ukraine's.
pub(super) fn group_of_people_in(tokens: &[Token<'_>], first: usize, end: usize) -> bool {
    let owner = without_possessive(tokens[first - 1].text).to_lowercase();
    words::PEOPLE_IN_ORG_NAMES.contains(owner.as_str()) && is_org_word(tokens[end].text)
}

/// Whether the small word at `k` goes on an organisation's name between its word and the
/// capitalised word after ("Project on | Government Oversight", "Committee to | Protect
/// Journalists"): not before a place, an organisation named by one word, a time or a person
/// ("the Commission to Hungary", "the Foundation to Congress", "the Commission on Tuesday").
/// Not "in": "Tyler Walker of Marietta College in Ohio" is placed, not named.
pub(super) fn is_org_particle(tokens: &[Token<'_>], k: usize) -> bool {
    let (Some(particle), Some(next)) = (tokens.get(k), tokens.get(k + 1)) else { return false };
    let small = particle.is_lowercase_word() && words::ORG_PARTICLES.contains(particle.text);
    let one_word_org = is_org_word(next.text) && !tokens.get(k + 2).is_some_and(is_name_word);
    let elsewhere = kind_of(next.text) == NameKind::Place
        || one_word_org
        || words::is_when(next.lower())
        || is_first_name(next.text);
    small && is_name_word(next) && !elsewhere
}

/// "Without" in "Doctors Without Borders": a word that joins an organisation's name, written
/// with its capital.
pub(super) fn is_name_joiner(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && words::NAME_JOINERS.contains(word.to_lowercase().as_str())
}
