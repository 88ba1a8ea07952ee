//! Names of people and organisations: runs of capitalised words, stripped of titles, and the
//! full names an article introduces, so that a later "Putin" or "he" finds "Vladimir Putin".

use super::text::Token;
use crate::words;

mod headline;
mod organisations;
mod runs;
pub use headline::{signed_headline, statement_author, Headline};
pub use organisations::and_in_organisation;
use organisations::{is_name_joiner, is_org_particle};
use runs::is_particle;
pub use runs::{
    gives_a_name, holder_after_office, in_portfolio, is_and_in_office, is_and_in_portfolio, name_ending_at,
    name_starting_at, office_ending_at, owned_tokens, run_ending_at, run_starting_at,
};

/// A title or role before a name: "President", "Gen.", "Director-General", "CEO".
pub fn is_title(word: &str) -> bool {
    let lower = word.trim_end_matches('.').to_lowercase();
    // "Astronauts Doug Hurley and Bob Behnken": a plural title too.
    let singular = lower.strip_suffix('s').filter(|s| s.len() > 3).unwrap_or(&lower);
    is_singular_title(&lower) || words::TITLES.contains(singular)
}

/// A title in lower case, as written: "minister", "director-general", "co-founder".
fn is_singular_title(lower: &str) -> bool {
    words::TITLES.contains(lower)
        || lower.contains('-') && lower.split('-').all(|part| words::TITLES.contains(part))
        || is_co_title(lower)
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
    is_singular_title(&word.trim_end_matches('.').to_lowercase())
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
    // ("the Wheelchair Basketball Championships", "the Rugby World Cup": an event is nobody.)
    // (Not "Mike Derby": a first name before it makes a person.)
    let event = parts.len() > 1 && words::EVENT_WORDS.contains(last.as_str()) && !is_first_name(parts[0]);
    let place = parts.len() > 1 && words::PLACE_WORDS.contains(last.as_str());
    if month || parts.len() == 1 && weekday || holiday || place || event {
        return NameKind::Place;
    }
    // "Environment Canada", "Air France": a name ending in a country is an organisation's.
    // ("Housing New Zealand", "Sport Northern Ireland": a place of two words ends it too.)
    let last_two =
        parts.len() > 2 && words::PLACES.contains(parts[parts.len() - 2..].join(" ").to_lowercase().as_str());
    let last_is_place = parts.len() > 1
        && parts.last().is_some_and(|p| words::PLACES.contains(p.to_lowercase().as_str()))
        || last_two;
    // ("the Euros 315 Investment Plan", "the Paris Agreement": a plan or a law is no person.)
    // (Not "Economist David Charter": a first name before it makes a person.)
    let plan = parts.len() > 1 && words::PLAN_WORDS.contains(last.as_str()) && !is_first_name(parts[0]);
    if parts.iter().any(|p| is_org_word(p)) || last_is_place || plan {
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
    // ("Recently Stanford found …": a sentence adverb in -ly opening it is no part of a name.)
    let adverb = |lower: &str| lower.ends_with("ly") && words::SENTENCE_ADVERBS.contains(lower);
    token.is_capitalized()
        && (token.is_acronym() || !words::NOT_NAMES.contains(token.lower()) && !adverb(token.lower()))
}

/// "Six", "Forty-four": a number in words.
pub fn is_number_word(lower: &str) -> bool {
    lower.split('-').all(|part| words::NUMBER_WORDS.contains_key(part))
}

/// A word without its possessive ending: "Ukraine's" → "Ukraine".
pub fn without_possessive(word: &str) -> &str {
    word.strip_suffix("'s").or_else(|| word.strip_suffix("’s")).unwrap_or(plural_stripped(word))
}

/// "teachers'" → "teachers".
fn plural_stripped(word: &str) -> &str {
    match word.strip_suffix(['\'', '’']) {
        Some(plural) if plural.ends_with(['s', 'S']) => plural,
        _ => word,
    }
}

pub fn is_possessive(word: &str) -> bool {
    word.ends_with("'s") || word.ends_with("’s") || plural_stripped(word).len() < word.len()
}

/// The name in a run of capitalised words, without the titles before it:
/// ["Russian", "President", "Vladimir", "Putin"] → "Vladimir Putin".
pub fn name_of_run(words: &[&str]) -> String {
    let words = without_postnominals(words);
    // "First Lady Laura Bush": an office, not the honour "Lady" before a name.
    let first_lady = words.len() > 2 && words[0] == "First" && words[1] == "Lady";
    let words = if first_lady { &words[2..] } else { words };
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
    // ("Minister for International Development Humza Yousaf": "International" is the
    // portfolio's, not an organisation's.)
    let portfolio = words[..after_org].windows(2).any(|w| is_title(w[0]) && matches!(w[1], "for" | "of"));
    let tail_is_person = words.len() >= after_org + 2
        && after_org > 1
        && !portfolio
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
pub(super) fn is_plural_word(word: &str) -> bool {
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

/// The small words inside an office's or an organisation's name: "Secretary of the Air Force",
/// "Minister for Health and Aged Care", "Special Asst. to the Secretary".
pub fn is_connector(word: &str) -> bool {
    words::CONNECTORS.contains(word)
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
        assert_eq!(run("Minister for International Development Humza Yousaf"), "Humza Yousaf");
        assert_eq!(run("Minister for Europe and International Development Humza Yousaf"), "Humza Yousaf");
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
