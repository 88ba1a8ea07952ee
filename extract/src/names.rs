//! Names of people and organisations: runs of capitalised words, stripped of titles, and the
//! full names an article introduces, so that a later "Putin" or "he" finds "Vladimir Putin".

use super::text::{Kind, Token};
use crate::words;

mod headline;
mod organisations;
pub use headline::full_name_ending;
pub use organisations::and_in_organisation;
use organisations::{
    group_of_people_in, is_name_joiner, is_org_particle, organisation_before_and, organisation_goes_on,
};

/// A title or role before a name: "President", "Gen.", "Director-General", "CEO".
pub fn is_title(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    // "Astronauts Doug Hurley and Bob Behnken": a plural title too.
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(&lower);
    words::TITLES.contains(lower.as_str())
        || words::TITLES.contains(singular)
        || lower.contains('-') && lower.split('-').all(|part| words::TITLES.contains(part))
        || is_co_title(&lower)
}

/// "co-coordinator", "co-chairs": a title shared, as "co-founder" is.
fn is_co_title(lower: &str) -> bool {
    let shared = lower.strip_prefix("co-").or_else(|| lower.strip_prefix("co‑"));
    shared.is_some_and(|t| {
        words::TITLES.contains(t) || words::TITLES.contains(t.strip_suffix('s').unwrap_or(t))
    })
}

/// A word written before a name as if it were a title: a title, or an occupation ("Sculptor
/// Jane Doe", "Ex-footballer Ian Wright", "Mother-of-three Ann Lee") — which, unlike a title,
/// names no one alone ("Teacher" is no role to find a holder of).
pub fn is_false_title(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    let title_or_job = |w: &str| words::OCCUPATIONS.contains(w) || words::TITLES.contains(w);
    // "Ex-footballer Ian Wright": a title or a job after "ex-"; "Mother-of-three Ann Lee": a
    // parent of a number of children.
    let parent = lower.split_once("-of-").is_some_and(|(who, _)| words::PARENT_WORDS.contains(who));
    is_title(word) || title_or_job(&lower) || lower.strip_prefix("ex-").is_some_and(title_or_job) || parent
}

/// A title or a role noun: "Minister", "spokesman", "farmer" — what a person is called by their
/// office or work.
pub fn is_role_word(word: &str) -> bool {
    is_title(word) || words::ROLE_NOUNS.contains(word.trim_end_matches('.').to_lowercase().as_str())
}

/// A title naming one person ("the spokesman", not "the researchers").
pub fn is_role(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    words::TITLES.contains(lower.as_str())
        || lower.contains('-') && lower.split('-').all(|part| words::TITLES.contains(part))
        || is_co_title(&lower)
}

/// A word that makes a name an organisation: "Council", "Office", "Agency".
pub fn is_org_word(word: &str) -> bool {
    words::ORG_WORDS.contains(without_possessive(word).trim_end_matches('.').to_lowercase().as_str())
}

/// What a name names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameKind {
    Person,
    Group,
    /// A place, nationality or party adjective, or a time ("September", "Memorial Day"): never a
    /// speaker.
    Place,
}

/// Whether `name` is a person, an organisation, or a place ("Africa", "the Russian", "U.N" is a
/// group; "KCNA", an abbreviation, too).
pub fn kind_of(name: &str) -> NameKind {
    let bare = name.strip_prefix("the ").unwrap_or(name);
    let lower = without_possessive(bare).to_lowercase();
    let singular = lower.strip_suffix('s').unwrap_or(&lower);
    if words::PLACES.contains(lower.as_str())
        || words::NATIONALITIES.contains(lower.as_str())
        || words::NATIONALITIES.contains(singular)
    {
        return NameKind::Place;
    }
    let parts: Vec<&str> = bare.split(' ').collect();
    // "September", "Memorial Day", "Election Day": a time is nobody.
    let last = parts.last().map(|p| p.to_lowercase()).unwrap_or_default();
    let weekday = words::WEEKDAYS.contains(last.as_str());
    // (Not "Theresa May", nor a "May" or "June" met alone: those are names too.)
    let month = parts.len() == 1 && words::MONTHS.contains(last.as_str()) && !is_first_name(&last);
    let holiday = parts.len() > 1 && matches!(last.as_str(), "day" | "eve");
    let place = parts.len() > 1 && words::PLACE_WORDS.contains(last.as_str());
    if month || parts.len() == 1 && weekday || holiday || place {
        return NameKind::Place;
    }
    // "Environment Canada", "Air France": a name ending in a country is an organisation's.
    let last_is_place =
        parts.len() > 1 && parts.last().is_some_and(|p| words::PLACES.contains(p.to_lowercase().as_str()));
    if parts.iter().any(|p| is_org_word(p)) || last_is_place {
        return NameKind::Group;
    }
    let all_places = parts.iter().all(|p| {
        let p = p.to_lowercase();
        words::PLACES.contains(p.as_str()) || words::NATIONALITIES.contains(p.as_str())
    });
    if all_places {
        return NameKind::Place;
    }
    // "KCNA", "U.N", "NASA": letters in capitals are an abbreviation, an organisation's; so is
    // a name with one inside ("New ONS", "the WHO Foundation") — not a person's "Aquino III".
    if parts.len() == 1 && is_abbreviation(bare)
        || parts.len() > 1 && parts.iter().any(|p| is_acronym_word(p))
    {
        return NameKind::Group;
    }
    // "Warrant of Fitness", "Festival of Lights": a small word inside, with no first name or
    // title before it, makes a thing's name ("Anna of Cleves" is a person).
    let inner =
        parts.len() > 2 && parts[1..parts.len() - 1].iter().any(|p| matches!(*p, "of" | "for" | "on"));
    if inner && !is_first_name(parts[0]) && !is_title(parts[0]) {
        return NameKind::Group;
    }
    NameKind::Person
}

/// Whether `name` is a person's name of two words or more ("Justin Trudeau", not "the Prime
/// Minister" nor "Warrant of Fitness").
pub fn is_full_name(name: &str) -> bool {
    name.contains(' ') && !name.to_lowercase().starts_with("the ") && kind_of(name) == NameKind::Person
}

/// An organisation's abbreviation in capitals ("VOA", "UNICEF"), not a numeral ("III").
fn is_acronym_word(word: &str) -> bool {
    !word.contains('.') && is_abbreviation(word)
}

/// Letters in capitals, dotted or not ("KCNA", "U.N"), that are no numeral — counted as letters,
/// not bytes: the "Ó" of "Máirtín Ó Muilleoir" is one.
fn is_abbreviation(word: &str) -> bool {
    let letters: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    letters.chars().count() >= 2
        && letters.chars().all(char::is_uppercase)
        && !ROMAN.contains(&letters.as_str())
}

/// A numeral after a name ("III", "Jr."), dot or not.
fn is_numeral(word: &str) -> bool {
    ROMAN.contains(&word.trim_end_matches('.').to_uppercase().as_str())
}

/// Numerals after a name ("Benigno Aquino III"), which are not abbreviations.
const ROMAN: &[&str] = &["II", "III", "IV", "VI", "VII", "VIII", "JR", "SR"];

pub fn is_name_word(token: &Token<'_>) -> bool {
    token.is_capitalized() && (token.is_acronym() || !words::NOT_NAMES.contains(token.lower()))
}

/// A word without its possessive ending: "Ukraine's" → "Ukraine".
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(word)
}

pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s")
}

/// The name in a run of capitalised words, without the titles before it:
/// ["Russian", "President", "Vladimir", "Putin"] → "Vladimir Putin".
pub fn name_of_run(words: &[&str]) -> String {
    let words = without_postnominals(words);
    let whole_run = words.len();
    let (words, organisation) = person_after_organisation(words);
    let after_an_organisation = words.len() < whole_run;
    let words = without_origin(words);
    let (mut kept, after_title) = after_titles(words, organisation);
    // (The office is read from what this function has worked out already: it runs at every name.)
    if is_portfolio(words, &kept, after_title) || is_office_by_its_name(words) {
        return words.join(" ");
    }
    without_portfolio(&mut kept, words, after_title);
    // "(… of the Air Force) for Acquisition Marvin Sambur": a portfolio's word after "for", then
    // a known first name.
    // (So after an organisation's words: "(Air Force) Communications Bill Bodie".)
    let for_a_portfolio = words.first().is_some_and(|w| matches!(*w, "for" | "of")) || after_an_organisation;
    if for_a_portfolio && kept.len() >= 3 && !is_first_name(kept[0]) && is_first_name(kept[1]) {
        kept.remove(0);
    }
    // "(U.S. Ambassador to the) United Nations Linda Thomas-Greenfield": a known first name after
    // two words or more of something else begins the person (after one, it may be a middle name:
    // "Ellis Richard Salvia").
    if after_title == 0 && kept.len() >= 4 {
        let first = (2..kept.len() - 1).find(|p| is_first_name(kept[*p]) && !is_first_name(kept[p - 1]));
        if let Some(first) = first {
            kept.drain(..first);
        }
    }
    // "President Anton Varga of Meridia" and "Lydia Buchtmann for Food Standards Australia" are
    // the person; "Ministry of Defence" and "Institute for the Study of War" stay whole.
    let of = kept.iter().position(|w| *w == "of" || *w == "for").filter(|of| *of >= 2);
    if let Some(of) = of {
        let person = kind_of(&kept[..of].join(" ")) == NameKind::Person;
        if after_title > 0 || person {
            kept.truncate(of);
        }
    }
    kept.join(" ")
}

/// "the Rt Hon Chris Heaton-Harris MP": letters after the name are no part of it.
fn without_postnominals<'a, 'w>(words: &'a [&'w str]) -> &'a [&'w str] {
    let postnominal = |w: &&&str| words::POSTNOMINALS.contains(w.replace('.', "").to_lowercase().as_str());
    let kept_end = words.len() - words.iter().rev().take_while(postnominal).count();
    if kept_end >= 2 {
        &words[..kept_end]
    } else {
        words
    }
}

/// "CEO of the Refugee Council Enver Solomon": the person named after an organisation's words;
/// else the run, and whether it names an organisation ("Ministry of Foreign Affairs").
fn person_after_organisation<'a, 'w>(words: &'a [&'w str]) -> (&'a [&'w str], bool) {
    let after_org = words.iter().rposition(|w| is_org_word(w)).map_or(0, |p| p + 1);
    // ("International Space Station": an organisation's word opening the run only describes it.)
    let tail_is_person = words.len() >= after_org + 2
        && after_org > 1
        && words[after_org..].iter().all(|w| !words::PARTICLES.contains(*w));
    if tail_is_person {
        (&words[after_org..], false)
    } else {
        (words, after_org > 0)
    }
}

/// Where a person comes from or works, before their name: "United States Hamdullah Mohib", "U.S.
/// President Joe Biden", "Saudi-born Zahraa Alakashi", "VOA Scott Bobb".
fn without_origin<'a, 'w>(words: &'a [&'w str]) -> &'a [&'w str] {
    let words = &words[place_prefix(words)..];
    // ("Saudi-born …", "Thirty-one-year-old Soledad Bustos".)
    let origin = words.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        // ("Canadian-American Kristin Clay": nationalities joined.)
        let nationalities = lower.contains('-') && lower.split('-').all(|p| words::NATIONALITIES.contains(p));
        lower.ends_with("-born") || lower.ends_with("-based") || lower.ends_with("-year-old") || nationalities
    });
    // "Driver Igor Bordnarch says", "Farmer Ivan Semenyuk": an occupation opening a sentence.
    // (A title such as "Director" is left to the titles' step: "Director of National
    // Intelligence Avril Haines".)
    let occupation = words.first().is_some_and(|w| {
        let lower = w.to_lowercase();
        let noun = words::ROLE_NOUNS.contains(lower.as_str()) || words::PERSON_NOUNS.contains(lower.as_str());
        noun && !is_title(w)
    }) && words.get(1).is_some_and(|w| w.starts_with(char::is_uppercase));
    let employer = words.first().is_some_and(|w| is_acronym_word(w))
        && words.len() >= 3
        && kind_of(&words[1..].join(" ")) == NameKind::Person;
    if (origin || employer || occupation) && words.len() >= 3 {
        &words[1..]
    } else {
        words
    }
}

/// The words after the last title, and where they begin. "Dame Diana Johnson", "Sir Robert
/// Chote", "Lord Hendy": an honour stays with the name (the registry takes "Lord Offord" for the
/// "Malcolm Offord" the text named in full); a title word inside an organisation's name ("Ministry
/// of Foreign Affairs") leaves it whole; a portfolio's "for" goes, while "President von der Leyen"
/// and "President de Gaulle" keep the particles of the surname.
fn after_titles<'w>(words: &[&'w str], organisation: bool) -> (Vec<&'w str>, usize) {
    // ("General Shaukat Sultan", "Archbishop Desmond Tutu … Bishop": a title word last, after a
    // name word, is a surname.)
    // ("Martin Luther King Jr.": so with a numeral after it.)
    let numerals = words.iter().rev().take_while(|w| is_numeral(w)).count();
    let n = words.len() - numerals;
    let surname_last = n >= 3 && is_title(words[n - 1]) && !is_title(words[n - 2]);
    let searched = if surname_last { &words[..n - 1] } else { &words[..n] };
    // ("Doctors Without Borders": an organisation whose name joins its parts, not doctors.)
    if words.get(1).is_some_and(|w| is_name_joiner(w)) {
        return (words.to_vec(), 0);
    }
    let mut after_title = searched.iter().rposition(|w| is_false_title(w)).map_or(0, |p| p + 1);
    // ("TEACHER AND STUDENTS:": people joined to an occupation, not a name after it; "Athlete
    // Ally": an occupation names a person only before a name of two words or more.)
    let joined = words.get(after_title).is_some_and(|w| w.eq_ignore_ascii_case("and"));
    let occupation_only = after_title > 0 && !is_title(searched[after_title - 1]);
    if joined || occupation_only && n - after_title < 2 {
        after_title = searched.iter().rposition(|w| is_title(w)).map_or(0, |p| p + 1);
    }
    // "Pope Francis", "Queen Elizabeth II": a sovereign's or a pope's title stays with a name of
    // one word, which it is part of.
    let regnal = after_title
        .checked_sub(1)
        .is_some_and(|t| words::REGNAL_TITLES.contains(words[t].to_lowercase().as_str()));
    if regnal && n == after_title + 1 {
        after_title -= 1;
    }
    let honour =
        after_title.checked_sub(1).is_some_and(|h| words::HONOURS.contains(words[h].to_lowercase().as_str()));
    if honour && words.len() > after_title {
        after_title -= 1;
    }
    let inside_org = organisation && after_title + 1 == words.len();
    let kept = if after_title < words.len() && !inside_org { &words[after_title..] } else { words };
    (kept.iter().skip_while(|w| matches!(**w, "of" | "for")).copied().collect(), after_title)
}

/// "Minister of State for Higher Education": a title and what it is for, with no one named —
/// the office, which the run names whole, not a person called "Higher Education".
fn is_portfolio(words: &[&str], kept: &[&str], after_title: usize) -> bool {
    let marked = after_title > 0 && words.get(after_title).is_some_and(|w| matches!(*w, "of" | "for"));
    // ("Lawyers for Bsaiss": people of a profession, for someone named.)
    let plural = after_title > 0 && is_plural_word(words[after_title - 1]);
    marked && !plural && kept.len() <= 2 && !kept.iter().any(|w| is_first_name(w))
}

/// A plural by its ending ("Lawyers", "officials"; not "Ross", "boss"): titles of several people
/// hold no one office.
fn is_plural_word(word: &str) -> bool {
    word.ends_with('s') && !word.ends_with("ss")
}

/// Whether a run of capitalised words is a title with its portfolio and nobody in it.
pub fn is_office_alone(words: &[&str]) -> bool {
    // (The cheap test first: this runs at every name met.)
    if !words.iter().any(|w| matches!(*w, "of" | "for" | "and")) {
        return false;
    }
    let words = without_postnominals(words);
    if is_office_by_its_name(words) {
        return true;
    }
    let (kept, after_title) = after_titles(words, false);
    is_portfolio(words, &kept, after_title)
}

/// "Health and Social Care Secretary": an office's name with "and" in it, then its title, and
/// no one named.
fn is_office_by_its_name(words: &[&str]) -> bool {
    let and_then_title = words.contains(&"and") && words.last().is_some_and(|w| is_title(w));
    and_then_title && !words.iter().any(|w| is_first_name(w))
}

/// A portfolio between the title and the person: "Commissioner for Employment Marianne Thyssen"
/// (the person begins at a known first name); "Secretary of Commerce Wilbur Ross", "Minister for
/// Defence Procurement Alex Chalk" (after a title and "of" or "for", the person ends the run,
/// though no first name the lists know marks where).
fn without_portfolio(kept: &mut Vec<&str>, words: &[&str], after_title: usize) {
    let honoured = kept.first().is_some_and(|w| words::HONOURS.contains(w.to_lowercase().as_str()));
    if after_title == 0 || kept.len() < 3 || is_first_name(kept[0]) || honoured {
        return;
    }
    let portfolio = words[..(after_title + 1).min(words.len())].iter().any(|w| *w == "of" || *w == "for");
    match kept.iter().skip(1).position(|w| is_first_name(w)).filter(|p| p + 2 < kept.len()) {
        Some(first) => drop(kept.drain(..=first)),
        None if portfolio && !kept.contains(&"of") && !kept.contains(&"for") => {
            *kept = person_after_portfolio(kept).to_vec();
        }
        // "(Secretary of) the Air Force for Acquisition Marvin Sambur": the last portfolio's word,
        // then the person.
        None if portfolio => {
            let last_of = kept.iter().rposition(|w| *w == "of" || *w == "for").unwrap_or(0);
            if kept.len() >= last_of + 4 {
                *kept = person_after_portfolio(&kept[last_of + 1..]).to_vec();
            }
        }
        None => {}
    }
}

/// The person at the end of "Commerce Wilbur Ross", "Defense Mark T. Esper", "Energy Jennifer
/// M. Granholm Jr.": a given name and a surname, with any initial or numeral between or after.
fn person_after_portfolio<'a, 'w>(kept: &'a [&'w str]) -> &'a [&'w str] {
    let numeral =
        kept.last().is_some_and(|w| ROMAN.contains(&w.trim_end_matches('.').to_uppercase().as_str()));
    let mut start = kept.len().saturating_sub(2 + usize::from(numeral));
    while start > 0 && kept[start].len() <= 2 && kept[start].ends_with('.') {
        start -= 1;
    }
    &kept[start..]
}

pub fn is_first_name(word: &str) -> bool {
    let w = word.to_lowercase();
    words::FEMALE_NAMES.contains(w.as_str()) || words::MALE_NAMES.contains(w.as_str())
}

/// How many leading words of a run name a place or nationality, leaving at least two words.
fn place_prefix(run: &[&str]) -> usize {
    let place = |ws: &[&str]| {
        let joined = ws.join(" ").trim_end_matches('.').to_lowercase();
        words::PLACES.contains(joined.as_str()) || words::NATIONALITIES.contains(joined.as_str())
    };
    if run.iter().any(|w| is_org_word(w)) {
        return 0; // "Sydney Morning Herald" is the paper's whole name.
    }
    // "Americans Kay and Larry Day": a people (plural, so no part of a name) before a given name.
    let people = |w: &str| {
        w.strip_suffix('s').is_some_and(|one| words::NATIONALITIES.contains(one.to_lowercase().as_str()))
    };
    if run.len() == 2 && people(run[0]) {
        return 1;
    }
    (1..=run.len().saturating_sub(2).min(3)).rev().find(|k| place(&run[..*k])).unwrap_or(0)
}

/// Whether a run names a person or organisation rather than only a role or a place
/// ("Afghan Ambassador", "the Minister").
pub fn names_someone(run: &[&str]) -> bool {
    let name = name_of_run(run);
    let last = name.rsplit(' ').next().unwrap_or("");
    !is_title(last) && kind_of(&name) != NameKind::Place
}

/// The run of name words that ends at token `end` (inclusive), as (first index, words).
pub fn run_ending_at(tokens: &[Token<'_>], end: usize) -> Option<(usize, Vec<String>)> {
    if !tokens.get(end).is_some_and(|t| is_name_word(t) || is_initial(tokens, end)) {
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
fn opens_a_portfolio(title: &Token<'_>, next: &Token<'_>) -> bool {
    is_title(title.text) && (next.is("for") || next.is("of"))
}

/// The small words inside an office's or an organisation's name: "Secretary of the Air Force",
/// "Minister for Health and Aged Care", "Special Asst. to the Secretary".
pub fn is_connector(word: &str) -> bool {
    words::CONNECTORS.contains(word)
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
fn after_portfolio(tokens: &[Token<'_>], start: usize, end: usize) -> usize {
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
fn month_as_first_name(tokens: &[Token<'_>], k: usize) -> bool {
    let t = &tokens[k];
    let month = t.kind == Kind::Word && t.is_capitalized() && words::MONTHS.contains(t.lower());
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
    month && surname && !dated && !modal
}

/// The run of name words that starts at token `start`.
pub fn run_starting_at(tokens: &[Token<'_>], start: usize) -> Option<(usize, Vec<String>)> {
    let mut end = start;
    let begins = tokens.get(start).is_some_and(is_name_word)
        || start < tokens.len() && month_as_first_name(tokens, start);
    if !begins {
        return None;
    }
    while end + 1 < tokens.len() {
        let next = &tokens[end + 1];
        if is_possessive(tokens[end].text) {
            break;
        }
        if is_name_word(next) || (next.punct(".") && (is_initial(tokens, end) || is_title(tokens[end].text)))
        {
            end += 1;
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
fn portfolio_goes_on(tokens: &[Token<'_>], start: usize, end: usize) -> bool {
    let run = &tokens[start..=end];
    let titled = run.iter().position(|t| is_title(t.text));
    let portfolio = titled.is_some_and(|t| run[t..].iter().any(|w| w.is("for") || w.is("of")));
    let names_after = (end + 2..end + 5).all(|k| tokens.get(k).is_some_and(is_name_word));
    portfolio && tokens[end + 1].is("and") && names_after
}

fn is_particle(token: &Token<'_>) -> bool {
    token.is_lowercase_word() && words::PARTICLES.contains(token.text)
}

/// How many particles start at `from` when a name word follows them ("von der Leyen").
fn particles_then_name(tokens: &[Token<'_>], from: usize) -> Option<usize> {
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
fn particles_after_name(tokens: &[Token<'_>], before: usize) -> Option<usize> {
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
fn is_initial(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    let initials =
        t.text.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    initials && tokens.get(i + 1).is_some_and(|n| n.punct(".") && n.joined)
}

/// The words of tokens `from..=to`, an initial with its full stop ("K.C.", "F.").
fn run_words(tokens: &[Token<'_>], from: usize, to: usize) -> Vec<String> {
    (from..=to)
        .filter(|i| tokens[*i].kind != super::text::Kind::Punct)
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

#[cfg(test)]
mod tests {
    use super::super::text::tokens;
    use super::*;

    #[test]
    fn a_small_word_inside_a_name_without_a_first_name_or_title_makes_a_things_name() {
        assert_eq!(kind_of("Warrant of Fitness"), NameKind::Group);
        assert_eq!(kind_of("Festival of Lights"), NameKind::Group);
        assert_eq!(kind_of("Anna of Cleves"), NameKind::Person);
        assert_eq!(kind_of("Secretary of State Antony Blinken"), NameKind::Person);
    }

    #[test]
    fn a_name_with_an_abbreviation_in_it_is_an_organisation() {
        assert_eq!(kind_of("New ONS"), NameKind::Group);
        assert_eq!(kind_of("NASA"), NameKind::Group);
        assert_eq!(kind_of("Benigno Aquino III"), NameKind::Person);
        assert_eq!(kind_of("James N. Mattis"), NameKind::Person);
        assert_eq!(kind_of("September"), NameKind::Place);
        assert_eq!(kind_of("Memorial Day"), NameKind::Place);
        assert_eq!(kind_of("Theresa May"), NameKind::Person);
        assert_eq!(kind_of("Arlington National Cemetery"), NameKind::Place);
    }

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(name_of_run(&["Russian", "President", "Vladimir", "Putin"]), "Vladimir Putin");
        assert_eq!(name_of_run(&["Gen", "Valery", "Gerasimov"]), "Valery Gerasimov");
        assert_eq!(name_of_run(&["Xi", "Jinping"]), "Xi Jinping");
        // An honour stays with a first name and surname, not with a surname alone.
        assert_eq!(name_of_run(&["Minister", "Dame", "Diana", "Johnson"]), "Dame Diana Johnson");
        assert_eq!(name_of_run(&["Minister", "Lord", "Offord"]), "Lord Offord");
        // Nor are "Rt Hon" before it and letters after it.
        assert_eq!(name_of_run(&["Rt", "Hon", "Chris", "Heaton-Harris", "MP"]), "Chris Heaton-Harris");
        assert_eq!(name_of_run(&["Charles", "Hay", "MVO"]), "Charles Hay");
    }

    #[test]
    fn a_portfolio_after_a_title_and_of_is_not_part_of_the_name() {
        let run = |s: &str| name_of_run(&s.split(' ').collect::<Vec<_>>());
        assert_eq!(run("Secretary of Commerce Wilbur Ross"), "Wilbur Ross");
        assert_eq!(run("UN High Commissioner for Refugees Filippo Grandi"), "Filippo Grandi");
        assert_eq!(run("Director of National Intelligence Avril Haines"), "Avril Haines");
        assert_eq!(run("Secretary of Defense Mark T. Esper"), "Mark T. Esper");
        // Without a title, or with the person first, the run stays as it is.
        assert_eq!(run("Institute for the Study of War"), "Institute for the Study of War");
        assert_eq!(run("President Anton Varga of Meridia"), "Anton Varga");
        assert_eq!(run("Minister for Defence Procurement Alex Chalk"), "Alex Chalk");
        assert_eq!(run("President von der Leyen"), "von der Leyen");
        assert_eq!(run("United Nations Linda Thomas-Greenfield"), "Linda Thomas-Greenfield");
        assert_eq!(run("Saudi-born Zahraa Alakashi"), "Zahraa Alakashi");
        assert_eq!(run("VOA Scott Bobb"), "Scott Bobb");
        assert_eq!(run("Jose Luis Rodriguez Zapatero"), "Jose Luis Rodriguez Zapatero");
        // A title word inside an organisation's name is part of it.
        assert_eq!(run("Ministry of Foreign Affairs"), "Ministry of Foreign Affairs");
        assert_eq!(run("Foreign Ministry Spokesman Wang Wenbin"), "Wang Wenbin");
    }

    #[test]
    fn runs_take_initials_particles_and_abbreviated_titles() {
        let text = "said Gen. Valery Gerasimov and John F. Kennedy met Ursula von der Leyen";
        let t = tokens(text, 0..text.len());
        let (_, words) = run_ending_at(&t, 4).unwrap();
        assert_eq!(words, ["Gen", "Valery", "Gerasimov"]);
        let (_, words) = run_ending_at(&t, 9).unwrap();
        assert_eq!(words, ["John", "F.", "Kennedy"]);
        let (end, words) = run_starting_at(&t, 11).unwrap();
        assert_eq!((end, words.join(" ").as_str()), (14, "Ursula von der Leyen"));
    }
}
