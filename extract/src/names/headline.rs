//! The full names a headline gives: a briefing's transcript says "MS. PSAKI:" and "MR. PRICE:"
//! below a headline that alone names "Press Secretary Jen Psaki" or "Department Press Briefing –
//! Ned Price, Department Spokesperson". Headlines are often set in title case ("Biden Taps
//! Yellen"), where a capital does not make a name: a word before the surname counts only when
//! it is a known first name or an initial, or follows something that ends a phrase (a title,
//! a dash or comma, "by", "with") — never a verb that only looks like a name.

use super::{is_first_name, is_org_word, is_title, kind_of, NameKind};
use crate::words;

/// The lines above an article's first sentence, split into words once when the walk meets them
/// (a surname is looked up in them at every name the article resolves).
#[derive(Debug, Default)]
pub struct Headline {
    words: Vec<String>,
    sentence_case: bool,
}

impl Headline {
    pub fn new(lines: &str) -> Self {
        let words: Vec<&str> = lines.split_whitespace().collect();
        let sentence_case = is_sentence_case(&words);
        Headline { words: words.into_iter().map(str::to_owned).collect(), sentence_case }
    }

    /// The full name the headline gives that ends with `surname` ("Psaki" → "Jen Psaki").
    pub fn full_name_ending(&self, surname: &str) -> Option<String> {
        if !self.words.iter().any(|w| bare(w) == surname) {
            return None; // (Most surnames: no word to borrow.)
        }
        let words: Vec<&str> = self.words.iter().map(String::as_str).collect();
        let mut names = words.iter().enumerate().filter(|(_, w)| bare(w) == surname).filter_map(|(at, _)| {
            let first = first_name_word(&words, at, self.sentence_case)?;
            let name: Vec<&str> = words[first..=at].iter().map(|w| bare(w)).collect();
            let name = name.join(" ");
            (kind_of(&name) == NameKind::Person).then_some(name)
        });
        // ("Interview With Andrew Cuomo And Chris Cuomo": two people, and "CUOMO:" is neither.)
        let name = names.next()?;
        names.all(|other| other == name).then_some(name)
    }
}

/// Who a statement's headline says gives it ("Statement from the Minister of Families on …" →
/// "Minister of Families"; "STATEMENT FROM JOHN P. DeVILLARS REGARDING …" → "John P.
/// Devillars"): a release that is the statement alone, a dateline then quoted paragraphs with no
/// verb of saying, is theirs. A joint statement has several authors and names none.
pub fn statement_author(headline: &str) -> Option<String> {
    let line = headline.lines().next()?.trim();
    let opener = words::STATEMENT_OPENERS.iter().find(|o| {
        line.get(..o.len()).is_some_and(|p| p.eq_ignore_ascii_case(o)) && line[o.len()..].starts_with(' ')
    })?;
    let rest = line[opener.len()..].trim_start();
    let rest = rest.strip_prefix("the ").or_else(|| rest.strip_prefix("THE ")).unwrap_or(rest);
    let author: Vec<&str> = rest
        .split_whitespace()
        .take_while(|w| !words::STATEMENT_TOPICS.contains(w.to_lowercase().as_str()))
        .collect();
    if author.is_empty() || author.len() > 10 || !author[0].starts_with(char::is_uppercase) {
        return None;
    }
    let author = author.join(" ");
    let shouted = author.chars().filter(|c| c.is_lowercase()).count() * 4 < author.len();
    Some(if shouted { crate::attribution::title_case(&author) } else { author })
}

/// The person a headline ends by naming after a dash, as a release signs a quotation in its
/// headline ("“The World can follow Wales’ example …” – Eluned Morgan"): someone a later "the
/// minister" or "she" may mean.
pub fn signed_headline(headline: &str) -> Option<String> {
    let line = headline.lines().next()?.trim();
    let (before, after) = line.rsplit_once(['–', '—'])?;
    // (A quotation signed, not a byline: "Election 2024 – live updates – Anna Keller".)
    if !before.trim_end().ends_with(['”', '"', '’', '\'']) {
        return None;
    }
    let name = after.trim();
    let words: Vec<&str> = name.split_whitespace().collect();
    let plain = (2..=4).contains(&words.len()) && words.iter().all(|w| is_name_part(w));
    (plain && kind_of(name) == NameKind::Person && super::is_full_name(name)).then(|| name.to_owned())
}

/// Where the name ending at word `at` begins: up to three name words before it, the first a
/// known first name or an initial, or set after a phrase's end.
fn first_name_word(words: &[&str], at: usize, sentence_case: bool) -> Option<usize> {
    let mut first = at;
    while first > 0 && at - first < 3 && is_name_part(words[first - 1]) {
        first -= 1;
    }
    // ("Obama Meets Mark Milley", "Senators Grill Grant Shapps": the words before a known first
    // name are not the name's, even after a title.)
    if let Some(known) = (first..at).find(|&k| is_first_name(bare(words[k]))) {
        return Some(known);
    }
    // Else one given name (and its initials: "Antony J. Blinken") right after a phrase's end —
    // "Press Secretary Jen Psaki", not "Senators Grill Grant Shapps".
    let initials = words[first..at].iter().rev().take_while(|w| is_initial(w)).count();
    let given = (at - initials).checked_sub(1).filter(|k| *k >= first)?;
    let after_phrase = match given.checked_sub(1) {
        Some(before) => ends_a_phrase(words[before]),
        None => sentence_case,
    };
    after_phrase.then_some(given)
}

/// A word that may be part of a person's name: capitalised, not a title or an organisation's
/// word, with nothing after it that ends a phrase ("Price," ends one).
fn is_name_part(word: &str) -> bool {
    if is_initial(word) {
        return true;
    }
    let lower = word.to_lowercase();
    word == bare(word)
        && word.starts_with(char::is_uppercase)
        && word.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !is_title(word)
        && !is_org_word(word)
        && !words::NOT_NAMES.contains(lower.as_str())
        && !words::PLACES.contains(lower.as_str())
        && !words::NATIONALITIES.contains(lower.as_str())
}

/// A word after which a name may begin: a title ("Secretary"), a small word ("by", "with"), a
/// dash, or a word closed by a comma or colon.
fn ends_a_phrase(word: &str) -> bool {
    let lower = word.to_lowercase();
    is_title(word)
        || word.chars().all(|c| !c.is_alphanumeric())
        || word.ends_with([',', ':', ';', '|'])
        || words::NAME_OPENERS.contains(lower.as_str())
}

/// "J." in "Antony J. Blinken".
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase) && chars.next() == Some('.') && chars.next().is_none()
}

/// Whether a headline is set in sentence case: a word of four letters or more in lower case
/// after its first ("Jen Psaki holds a briefing", not "Press Briefing by Jen Psaki").
fn is_sentence_case(words: &[&str]) -> bool {
    words.iter().skip(1).any(|w| w.chars().count() >= 4 && w.chars().all(|c| c.is_lowercase()))
}

/// A word without the punctuation around it ("Price," → "Price").
fn bare(word: &str) -> &str {
    word.trim_matches(|c: char| !c.is_alphanumeric() && c != '.' || c == '.' && word.len() > 2)
}

#[cfg(test)]
mod tests {
    use super::Headline;

    fn full_name_ending(headline: &str, surname: &str) -> Option<String> {
        Headline::new(headline).full_name_ending(surname)
    }

    #[test]
    fn a_surname_takes_the_first_names_a_headline_gives_it() {
        let name = |headline, surname| full_name_ending(headline, surname);
        assert_eq!(
            name("Press Briefing by Press Secretary Jen Psaki", "Psaki").as_deref(),
            Some("Jen Psaki")
        );
        assert_eq!(
            name("Secretary Antony J. Blinken at a Press Availability", "Blinken").as_deref(),
            Some("Antony J. Blinken")
        );
        assert_eq!(
            name("Department Press Briefing – Ned Price, Department Spokesperson", "Price").as_deref(),
            Some("Ned Price")
        );
        assert_eq!(
            name("Pentagon Press Secretary John Kirby Holds a Press Briefing", "Kirby").as_deref(),
            Some("John Kirby")
        );
        assert_eq!(name("Jen Psaki holds a briefing", "Psaki").as_deref(), Some("Jen Psaki"));
        assert_eq!(name("Obama Meets Mark Milley", "Milley").as_deref(), Some("Mark Milley"));
        // A verb before an unknown given name names no one.
        assert_eq!(name("Senators Grill Grant Shapps Over Rail Strike", "Shapps"), None);
    }

    #[test]
    fn a_headline_signed_after_a_dash_names_its_speaker() {
        use super::signed_headline as signed;
        assert_eq!(
            signed("“The World can follow Wales’ example” – Eluned Morgan").as_deref(),
            Some("Eluned Morgan")
        );
        assert_eq!(signed("“Floods will come again” — Jane Doe"), Some("Jane Doe".to_owned()));
        assert_eq!(signed("Election 2024 – live updates – Anna Keller"), None);
        // A dash that joins, or a place or a thing after it: nobody.
        assert_eq!(signed("Talks resume – Geneva"), None);
        assert_eq!(signed("Budget 2020 – Pacific Package"), None);
        assert_eq!(signed("Ministers meet in Cardiff"), None);
    }

    #[test]
    fn a_statement_headline_names_who_gives_it() {
        use super::statement_author as author;
        assert_eq!(
            author(
                "Statement from the Minister of Families, Children and Social Development on the situation"
            )
            .as_deref(),
            Some("Minister of Families, Children and Social Development")
        );
        assert_eq!(
            author("STATEMENT FROM JOHN P. DeVILLARS REGARDING NEW EPA RULES").as_deref(),
            Some("John P. Devillars")
        );
        assert_eq!(author("Statement by Minister Fraser on Canada Day").as_deref(), Some("Minister Fraser"));
        assert_eq!(author("Statement by the Prime Minister on Ridván").as_deref(), Some("Prime Minister"));
        // Several authors, or no statement: nobody.
        assert_eq!(author("Joint statement from Minister Qualtrough, Minister Hussen"), None);
        assert_eq!(author("Statements from the floor of the House"), None);
        assert_eq!(author("Statement on the budget"), None);
        assert_eq!(author("Minister welcomes statement by the union"), None);
    }

    #[test]
    fn a_capital_in_a_title_case_headline_makes_no_name() {
        let name = |headline, surname| full_name_ending(headline, surname);
        // A verb, a first word, an office, a place: none begins a name.
        assert_eq!(name("Biden Taps Yellen for Treasury", "Yellen"), None);
        assert_eq!(name("Obama Biden Debate Plan", "Biden"), None);
        assert_eq!(name("Remarks by President Biden on the Economy", "Biden"), None);
        assert_eq!(name("Kenya Police Chief Quits", "Quits"), None);
        assert_eq!(name("Talks With Russian Ambassador Antonov", "Antonov"), None);
        assert_eq!(name("Press Briefing by Jen Psaki", "Smith"), None);
        // Two people of one surname: neither.
        assert_eq!(name("Interview With Governor Andrew Cuomo And Chris Cuomo", "Cuomo"), None);
    }
}
