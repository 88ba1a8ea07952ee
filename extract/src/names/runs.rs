//! Runs of name words in a sentence's tokens: where a name begins and ends ("Secretary of State
//! for Health and Social Care Wes Streeting", "K.C. Maurer", "Jean-Claude Juncker"), an office's
//! chain of portfolios and the holder after it, the particles inside a name ("van", "de la").

use super::organisations::{group_of_people_in, organisation_before_and, organisation_goes_on};
use super::{
    is_first_name, is_full_name, is_name_joiner, is_name_word, is_org_particle, is_org_word, is_plural_word,
    is_possessive, is_role_word, is_title, name_of_run,
};
use crate::text::{Kind, Token};
use crate::words;

/// The run of name words that ends at token `end` (inclusive), as (first index, words).
pub fn run_ending_at(tokens: &[Token<'_>], end: usize) -> Option<(usize, Vec<String>)> {
    if !tokens
        .get(end)
        .is_some_and(|t| is_name_word(t) || is_initial(tokens, end) || month_as_surname(tokens, end))
    {
        return None;
    }
    let mut first = end;
    while first > 0 {
        let prev = &tokens[first - 1];
        let joins_by_dot = prev.punct(".") && first >= 2 && is_initial(tokens, first - 2);
        if (is_name_word(prev) && (!is_possessive(prev.text) || group_of_people_in(tokens, first, end)))
            || joins_by_dot
            || month_as_first_name(tokens, first - 1)
        {
            first -= if joins_by_dot { 2 } else { 1 };
        } else if first >= 4 && given_name_in_brackets(tokens, first - 4) {
            first -= 4; // "Lord (Tariq) Ahmad"
        } else if let Some(k) = particles_after_name(tokens, first) {
            first -= k + 1;
        } else if first >= 2
            && is_and_in_office(&tokens[first - 2], prev, tokens[first..=end].iter())
            && tokens[..first - 1].iter().all(|t| t.text != "and")
        {
            first -= 2; // "the Health and Social Care Secretary"
        } else if let Some(start) = organisation_before_and(tokens, first) {
            first = start; // "the Department of Health and Human Services"
        } else if prev.punct(".")
            && first >= 2
            && is_title(tokens[first - 2].text)
            && tokens[first - 2].is_capitalized()
        {
            first -= 2; // "Gen. Valery Gerasimov"
        } else {
            break;
        }
    }
    let first = after_portfolio(tokens, first, end);
    Some((first, run_words(tokens, first, end)))
}

/// Whether `and` joins a portfolio before a title and the person holding it: "Social Development
/// and Employment Minister Louise Upston" (a title, then a name, in the capitalised words after
/// it) — not "Smith and Jones", nor "Health and Social Care Secretary" naming nobody.
pub fn is_and_in_portfolio<'t, 'a: 't>(
    before: &Token<'_>,
    and: &Token<'_>,
    after: impl Iterator<Item = &'t Token<'a>>,
) -> bool {
    let capital = |t: &Token<'_>| t.kind == Kind::Word && t.is_capitalized();
    // (The cheap checks first, and a few words at most: this runs at every name's start.)
    if and.text != "and" || !capital(before) || is_title(before.text) {
        return false;
    }
    // A title, then a word that is none: the person holding it.
    let mut titled = false;
    for t in after.take(8).take_while(|t| capital(t)) {
        if is_title(t.text) {
            titled = true;
        } else if titled {
            return true;
        }
    }
    false
}

/// Whether `and` is inside the name of an office or an institution before its title or role:
/// "the Health and Social Care Secretary said", "a Work and Pensions spokesperson said" — not
/// "Smith and Jones said".
pub fn is_and_in_office<'t, 'a: 't>(
    before: &Token<'_>,
    and: &Token<'_>,
    mut after: impl Iterator<Item = &'t Token<'a>>,
) -> bool {
    let capital = |t: &Token<'_>| t.kind == Kind::Word && t.is_capitalized();
    // (The word before may be a portfolio's, itself a title: "Health".)
    if and.text != "and" || !capital(before) {
        return false;
    }
    let mut capitals = 0;
    for t in after.by_ref().take(5) {
        if capital(t) && !is_title(t.text) {
            capitals += 1;
        } else {
            // (Its title ends the office: "… and German Chancellor Angela Merkel" names someone;
            // "Israel and Hamas officials" are people of two sides, no office.)
            let named_after = after.next().is_some_and(&capital);
            let one_holder = !is_plural_word(t.text);
            return capitals > 0
                && t.kind == Kind::Word
                && is_role_word(t.text)
                && one_holder
                && !named_after;
        }
    }
    false
}

/// The office a portfolio's chain ending at token `end` names, when the chain opens with a
/// title and "for" or "of" and names nobody: "Minister for Business, Enterprise and Innovation" →
/// the title's index and "minister for business enterprise and innovation", the office's key.
pub fn office_ending_at(tokens: &[Token<'_>], end: usize) -> Option<(usize, String)> {
    let reach = tokens[..=end].iter().rev().take(16).take_while(|t| in_portfolio(t)).count();
    let from = end + 1 - reach;
    let title = (from..end).find(|k| {
        let t = &tokens[*k];
        t.is_capitalized() && !is_plural_word(t.text) && opens_a_portfolio(t, &tokens[k + 1])
    })?;
    let office = &tokens[title..=end];
    // ("Minister for Welsh Language and Lifelong Learning, Eluned Morgan": a list of portfolios
    // ends with "and"; words after the last comma without one are the holder.)
    let last_part = office.iter().rposition(|t| t.punct(",")).map_or(&office[..0], |c| &office[c..]);
    if !last_part.is_empty() && !last_part.iter().any(|t| t.text == "and") {
        return None;
    }
    // ("Secretary of State Antony Blinken", "Minister of Finance Ahmed Ali": someone named.)
    let titled_name =
        |w: &[Token<'_>]| is_title(w[0].text) && w[1].kind == Kind::Word && w[1].is_capitalized();
    // ("Secretary of Commerce Wilbur Ross": a person's two names end the chain, known first name
    // or not.)
    let words: Vec<&str> = office.iter().filter(|t| t.kind == Kind::Word).map(|t| t.text).collect();
    let person = name_of_run(&words);
    let capitalised = person.split(' ').all(|w| w.starts_with(char::is_uppercase));
    let person_inside = person.split(' ').count() < words.len() && capitalised && is_full_name(&person);
    let named = office[2..].iter().any(|t| is_first_name(t.text))
        || office[2..].windows(2).any(titled_name)
        || person_inside;
    let key: Vec<String> =
        office.iter().filter(|t| t.kind == Kind::Word).map(|t| t.lower().to_owned()).collect();
    (!named && !tokens[end].punct(",")).then(|| (title, key.join(" ")))
}

/// "Minister for Welsh Language and Lifelong Learning, Eluned Morgan": a run from `start` to
/// `end` that is a title and its portfolio, then its holder in apposition — the holder's name;
/// the run is the office, not a person "Lifelong Learning".
pub fn holder_after_office(tokens: &[Token<'_>], start: usize, end: usize) -> Option<String> {
    let titled =
        tokens[start..end].iter().zip(&tokens[start + 1..=end]).any(|(t, next)| opens_a_portfolio(t, next));
    if !titled || !tokens.get(end + 1).is_some_and(|t| t.punct(",")) {
        return None;
    }
    let (after, words) = run_starting_at(tokens, end + 2)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    let closed = tokens.get(after + 1).is_none_or(|t| t.kind != Kind::Word);
    (closed && is_full_name(&name)).then_some(name)
}

/// Whether a title is followed by what it is for or of: "Minister | for", "Secretary | of".
pub(super) fn opens_a_portfolio(title: &Token<'_>, next: &Token<'_>) -> bool {
    is_title(title.text) && (next.is("for") || next.is("of"))
}

/// A token of a portfolio's chain of offices: "Minister for Infrastructure, Transport and
/// Regional Development" (name words, commas, "and", "for", "of").
pub fn in_portfolio(t: &Token<'_>) -> bool {
    is_name_word(t) || t.punct(",") || t.text == "and" || t.is("for") || t.is("of")
}

/// Whether token `k` is a name someone is given in the text: "a lawyer named Samantha", "a man
/// called Ahmed", "a voter who self-identified as Jamie", "who gave her name only as Maria".
/// Used both to meet such a person and to credit them after a verb of speech.
pub fn gives_a_name(tokens: &[Token<'_>], k: usize) -> bool {
    let before = |back: usize| k.checked_sub(back).map(|b| &tokens[b]);
    let named = before(1).is_some_and(|t| t.is("named") || t.is("called"));
    let given = |t: &Token<'_>| t.lower().ends_with("identified") || t.is("name");
    let as_given =
        before(1).is_some_and(|t| t.is("as")) && tokens[k.saturating_sub(5)..k - 1].iter().any(given);
    tokens.get(k).is_some_and(|t| t.is_capitalized()) && (named || as_given)
}

/// Where the person begins in a run after a portfolio's "and": "Minister for Infrastructure,
/// Transport and | Regional Development Barnaby Joyce", "Minister for Transport and | Roads Andrew
/// Constance" — the two names at the run's end (and any initial between); else `start`.
pub(super) fn after_portfolio(tokens: &[Token<'_>], start: usize, end: usize) -> usize {
    let and = start.checked_sub(1).filter(|a| tokens[*a].text == "and");
    let Some(and) = and.filter(|_| end >= start + 2) else {
        return start;
    };
    let reach = tokens[..and].iter().rev().take(12).take_while(|t| in_portfolio(t)).count();
    let portfolio =
        (and - reach..and.saturating_sub(1)).any(|k| opens_a_portfolio(&tokens[k], &tokens[k + 1]));
    if !portfolio {
        return start;
    }
    // The person begins at their first name if it is a known one ("… and Innovation Mary Mitchell
    // O'Connor"), else at the last two words.
    if let Some(first) = (start..end).find(|k| is_first_name(tokens[*k].text)) {
        return first;
    }
    let mut given = end - 1;
    while given > start && (tokens[given].punct(".") || tokens[given].text.chars().count() == 1) {
        given -= 1;
    }
    given
}

/// Whether token `k` is a month that is someone's first name: "Jan Egeland", "June Sarpong",
/// "April Ryan" — a month before a surname, not after a preposition ("in May Smith said") nor
/// before a number.
pub(super) fn month_as_first_name(tokens: &[Token<'_>], k: usize) -> bool {
    let t = &tokens[k];
    let month = t.kind == Kind::Word && t.is_capitalized() && words::MONTHS.contains(t.lower());
    if !month {
        return false; // (Most words: the checks below are for the few that are.)
    }
    let surname = tokens.get(k + 1).is_some_and(|n| {
        let lower = n.lower();
        is_name_word(n)
            && !n.is_acronym()
            && !words::MONTHS.contains(lower)
            && !words::WEEKDAYS.contains(lower)
    });
    let prev = k.checked_sub(1).map(|p| &tokens[p]);
    let dated = prev.is_some_and(|p| p.kind == Kind::Number || words::BEFORE_A_DATE.contains(p.lower()));
    // ("May God bless you": "May" opening a sentence or a quotation is the verb.)
    let modal = t.is("may") && prev.is_none_or(|p| p.kind == Kind::Punct);
    surname && !dated && !modal
}

/// Whether token `k` is a month that is someone's surname: "Theresa May said", "Brian May" — a
/// month after a first name, not before a number ("Friday May 5"); or a month that speaks
/// ("May said:", once the text has named her).
pub(super) fn month_as_surname(tokens: &[Token<'_>], k: usize) -> bool {
    let t = &tokens[k];
    if !(t.kind == Kind::Word && t.is_capitalized() && words::MONTHS.contains(t.lower())) {
        return false;
    }
    let dated = tokens.get(k + 1).is_some_and(|n| n.kind == Kind::Number);
    let after_first_name = k > 0 && is_first_name(tokens[k - 1].text) && tokens[k - 1].is_capitalized();
    let speaks = tokens.get(k + 1).is_some_and(|n| words::SPEECH_VERBS.contains(n.lower()));
    !dated && (after_first_name || speaks)
}

/// The run of name words that starts at token `start`.
pub fn run_starting_at(tokens: &[Token<'_>], start: usize) -> Option<(usize, Vec<String>)> {
    let mut end = start;
    let begins = tokens.get(start).is_some_and(is_name_word)
        || start < tokens.len() && (month_as_first_name(tokens, start) || month_as_surname(tokens, start));
    if !begins {
        return None;
    }
    // ("Six others were wounded", "Forty-four Canadian soldiers": a number opening a sentence
    // names no one — "Seven West Media" does.)
    let counted = super::is_number_word(tokens[start].lower())
        && !tokens.get(start + 1).is_some_and(|n| {
            is_name_word(n) && !words::NATIONALITIES.contains(n.lower()) && !n.lower().ends_with('s')
        });
    if counted {
        return None;
    }
    while end + 1 < tokens.len() {
        let next = &tokens[end + 1];
        // ("Kenya's President": a possessive ends a name, unless a plural's opens an
        // organisation's: "the Teachers' Union of Kenya".)
        let plural_owner = tokens[end].text.ends_with(['\'', '’']) && is_org_word(next.text);
        if is_possessive(tokens[end].text) && !(plural_owner && is_name_word(next)) {
            break;
        }
        let name_goes_on = is_name_word(next) || month_as_surname(tokens, end + 1);
        if name_goes_on || (next.punct(".") && (is_initial(tokens, end) || is_title(tokens[end].text))) {
            end += 1;
        } else if given_name_in_brackets(tokens, end) {
            end += 3; // "Lord (Tariq) Ahmad of Wimbledon" is Lord Ahmad.
        } else if let Some(k) = particles_then_name(tokens, end + 1) {
            end += k + 1;
        } else if tokens[start..=end].iter().all(|t| !is_title(t.text))
            && is_and_in_portfolio(&tokens[end], next, tokens[end + 2..].iter())
        {
            end += 1; // "Social Development and Employment Minister Louise Upston"
        } else if is_and_in_office(&tokens[end], next, tokens[end + 2..].iter()) {
            end += 1; // "the Health and Social Care Secretary"
        } else if portfolio_goes_on(tokens, start, end) {
            end += 2;
        } else if organisation_goes_on(tokens, start, end) {
            end += 1; // "the Department of Health and Human Services"
        } else {
            break;
        }
    }
    while end > start && tokens[end].punct(".") {
        end -= 1;
    }
    Some((end, run_words(tokens, after_portfolio(tokens, start, end), end)))
}

/// "Minister for Education and Youth Helen McEntee": a portfolio's "and", after a title and its
/// "for" or "of", with a portfolio word and a person's two names after it.
pub(super) fn portfolio_goes_on(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let run = &tokens[start..=end];
    let titled = run.iter().position(|t| is_title(t.text));
    let portfolio = titled.is_some_and(|t| run[t..].iter().any(|w| w.is("for") || w.is("of")));
    let names_after = (end + 2..end + 5).all(|k| tokens.get(k).is_some_and(is_name_word));
    portfolio && tokens[end + 1].is("and") && names_after
}

pub(super) fn is_particle(token: &Token<'_>) -> bool {
    token.is_lowercase_word() && words::PARTICLES.contains(token.text)
}

/// How many particles start at `from` when a name word follows them ("von der Leyen").
pub(super) fn particles_then_name(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let org_before = from > 0 && is_org_word(tokens[from - 1].text);
    if org_before && is_org_particle(tokens, from) {
        return Some(1);
    }
    let mut k = tokens[from..].iter().take(3).take_while(|t| is_particle(t)).count();
    // "Institute for the Study of War", "Bank of the West" (not "Anna Keller of the …").
    if k > 0 && org_before && tokens.get(from + k).is_some_and(|t| t.is_lowercase_word() && t.text == "the") {
        k += 1;
    }
    (k > 0 && tokens.get(from + k).is_some_and(is_name_word)).then_some(k)
}

/// How many particles end just before `before` when a name word precedes them.
pub(super) fn particles_after_name(tokens: &[Token<'_>], before: usize) -> Option<usize> {
    // "Doctors Without | Borders", "Reporters Without | Borders".
    let joiner = before >= 2 && is_name_joiner(tokens[before - 1].text);
    if joiner && is_name_word(&tokens[before - 2]) {
        return Some(1);
    }
    // "Project on | Government Oversight", "Committee to | Protect Journalists": a small word
    // after an organisation's word.
    let org = before >= 2 && is_org_particle(tokens, before - 1) && tokens[before - 2].is_capitalized();
    if org && is_org_word(tokens[before - 2].text) {
        return Some(1);
    }
    // "… of the West": "the" right after a particle belongs to the name.
    let the =
        usize::from(before >= 2 && tokens[before - 1].text == "the" && is_particle(&tokens[before - 2]));
    let k = the + tokens[..before - the].iter().rev().take(3).take_while(|t| is_particle(t)).count();
    let owner_ok = the == 0 || before > k && is_org_word(tokens[before - k - 1].text);
    (k > the && before > k && is_name_word(&tokens[before - k - 1]) && owner_ok).then_some(k)
}

/// "F" in "John F. Kennedy", "K.C" in "K.C. Maurer", "U.S" in "U.S. Department": capitals
/// between full stops.
pub(super) fn is_initial(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    let initials =
        t.text.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    initials && tokens.get(i + 1).is_some_and(|n| n.punct(".") && n.joined)
}

/// A peer's given name in brackets after their honour: "Lord (Tariq) Ahmad", as British
/// releases print it; the peer is named by honour and surname.
fn given_name_in_brackets(tokens: &[Token<'_>], end: usize) -> bool {
    let honour = words::HONOURS.contains(tokens[end].lower());
    let bracketed = tokens.get(end + 1).is_some_and(|t| t.punct("("))
        && tokens.get(end + 2).is_some_and(is_name_word)
        && tokens.get(end + 3).is_some_and(|t| t.punct(")"));
    honour && bracketed && tokens.get(end + 4).is_some_and(is_name_word)
}

/// The words of tokens `from..=to`, an initial with its full stop ("K.C.", "F."), without a
/// bracketed given name inside ("Lord (Tariq) Ahmad").
pub(super) fn run_words(tokens: &[Token<'_>], from: usize, to: usize) -> Vec<String> {
    let bracketed = |i: usize| i > from && i < to && tokens[i - 1].punct("(") && tokens[i + 1].punct(")");
    (from..=to)
        .filter(|i| tokens[*i].kind != Kind::Punct && !bracketed(*i))
        .map(
            |i| {
                if is_initial(tokens, i) {
                    format!("{}.", tokens[i].text)
                } else {
                    tokens[i].text.to_owned()
                }
            },
        )
        .collect()
}

/// The name the run starting at token `start` gives ("Prime Minister Scott Morrison" → "Scott
/// Morrison"), with the run's last token.
pub fn name_starting_at(tokens: &[Token<'_>], start: usize) -> Option<(usize, String)> {
    let (end, words) = run_starting_at(tokens, start)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    Some((end, name_of_run(&words)))
}

/// The name the run ending at token `end` gives, with the run's first token.
pub fn name_ending_at(tokens: &[Token<'_>], end: usize) -> Option<(usize, String)> {
    let (first, words) = run_ending_at(tokens, end)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    Some((first, name_of_run(&words)))
}

/// Token references as the owned tokens the name runs read.
pub fn owned_tokens<'a>(tokens: &[&Token<'a>]) -> Vec<Token<'a>> {
    tokens.iter().map(|t| (*t).clone()).collect()
}
