//! Names of people and organisations: runs of capitalised words, stripped of titles, and the
//! full names an article introduces, so that a later "Putin" or "he" finds "Vladimir Putin".

use super::text::Token;
use crate::words;

pub fn is_title(word: &str) -> bool {
    words::TITLES.contains(word.trim_end_matches('.').to_lowercase().as_str())
}

pub fn is_name_word(token: &Token<'_>) -> bool {
    token.is_capitalized() && !words::NOT_NAMES.contains(token.lower().as_str())
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
    let after_title = words.iter().rposition(|w| is_title(w)).map_or(0, |p| p + 1);
    let kept = if after_title < words.len() { &words[after_title..] } else { words };
    let mut kept: Vec<&str> = kept.iter().skip_while(|w| words::PARTICLES.contains(**w)).copied().collect();
    // "President Anton Varga of Meridia" is Anton Varga; "Ministry of Defence" stays whole.
    if let Some(of) = kept.iter().position(|w| *w == "of").filter(|of| *of >= 2 && after_title > 0) {
        kept.truncate(of);
    }
    kept.join(" ")
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
        if (is_name_word(prev) && !is_possessive(prev.text)) || joins_by_dot {
            first -= if joins_by_dot { 2 } else { 1 };
        } else if let Some(k) = particles_after_name(tokens, first) {
            first -= k + 1;
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
    let words = (first..=end)
        .filter(|i| tokens[*i].kind != super::text::Kind::Punct)
        .map(|i| tokens[i].text.to_owned());
    Some((first, words.collect()))
}

/// The run of name words that starts at token `start`.
pub fn run_starting_at(tokens: &[Token<'_>], start: usize) -> Option<(usize, Vec<String>)> {
    let mut end = start;
    if !tokens.get(start).is_some_and(is_name_word) {
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
        } else {
            break;
        }
    }
    while end > start && tokens[end].punct(".") {
        end -= 1;
    }
    let words = (start..=end)
        .filter(|i| tokens[*i].kind != super::text::Kind::Punct)
        .map(|i| tokens[i].text.to_owned());
    Some((end, words.collect()))
}

fn is_particle(token: &Token<'_>) -> bool {
    token.is_lowercase_word() && words::PARTICLES.contains(token.text)
}

/// How many particles start at `from` when a name word follows them ("von der Leyen").
fn particles_then_name(tokens: &[Token<'_>], from: usize) -> Option<usize> {
    let k = tokens[from..].iter().take(3).take_while(|t| is_particle(t)).count();
    (k > 0 && tokens.get(from + k).is_some_and(is_name_word)).then_some(k)
}

/// How many particles end just before `before` when a name word precedes them.
fn particles_after_name(tokens: &[Token<'_>], before: usize) -> Option<usize> {
    let k = tokens[..before].iter().rev().take(3).take_while(|t| is_particle(t)).count();
    (k > 0 && before > k && is_name_word(&tokens[before - k - 1])).then_some(k)
}

fn is_initial(tokens: &[Token<'_>], i: usize) -> bool {
    let t = &tokens[i];
    t.text.chars().count() == 1 && t.is_capitalized() && tokens.get(i + 1).is_some_and(|n| n.punct("."))
}

/// Full names met so far, in order, to resolve surnames and pronouns.
#[derive(Default, Debug)]
pub struct Registry {
    people: Vec<(usize, String)>,
    /// The most recent speaker or sentence subject who is a person.
    last_person: Option<(usize, String)>,
    /// The most recent organisation credited with something.
    last_group: Option<(usize, String)>,
    groups: Vec<String>,
}

impl Registry {
    /// Records a full name (two words or more) seen at byte `at`.
    pub fn meet(&mut self, at: usize, name: &str) {
        if name.split_whitespace().count() >= 2 && !self.people.iter().any(|(_, n)| n == name) {
            self.people.push((at, name.to_owned()));
        }
    }

    /// The full name for a single word ("Putin" → "Vladimir Putin"), else the word itself.
    pub fn resolve(&self, at: usize, word: &str) -> String {
        let known = self.people.iter().rev().filter(|(seen, _)| *seen <= at);
        let by_last = known.clone().find(|(_, n)| n.rsplit(' ').next() == Some(word));
        let by_any = || known.clone().find(|(_, n)| n.split(' ').any(|part| part == word));
        by_last.or_else(by_any).map_or_else(|| word.to_owned(), |(_, n)| n.clone())
    }

    /// A full name if `name` is one word, else the name as given; also remembered as the person
    /// most recently in view (for "he said" later).
    pub fn person(&mut self, at: usize, name: &str) -> String {
        let full = if name.contains(' ') { name.to_owned() } else { self.resolve(at, name) };
        self.meet(at, &full);
        self.last_person = Some((at, full.clone()));
        full
    }

    /// An organisation; "the air force" after "Ukraine's air force" is the same one.
    pub fn group(&mut self, at: usize, name: &str) -> String {
        let bare = name.strip_prefix("the ").unwrap_or(name);
        let earlier =
            self.groups.iter().rev().find(|g| {
                g.len() > bare.len() && g.ends_with(&format!(" {bare}")) && g.contains(['\'', '’'])
            });
        let name = earlier.cloned().unwrap_or_else(|| name.to_owned());
        if !self.groups.contains(&name) {
            self.groups.push(name.clone());
        }
        self.last_group = Some((at, name.clone()));
        name
    }

    /// Who "he", "she" or "they" most likely is.
    pub fn pronoun(&self, word: &str) -> Option<String> {
        let person = self.last_person.as_ref();
        let group = self.last_group.as_ref();
        if word.eq_ignore_ascii_case("it") {
            return group.map(|(_, n)| n.clone());
        }
        let pick = if word.eq_ignore_ascii_case("they") {
            match (group, person) {
                (Some(g), Some(p)) if g.0 > p.0 => Some(g),
                (Some(g), None) => Some(g),
                (_, p) => p,
            }
        } else {
            person
        };
        pick.map(|(_, n)| n.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::super::text::tokens;
    use super::*;

    #[test]
    fn titles_are_not_part_of_the_name() {
        assert_eq!(name_of_run(&["Russian", "President", "Vladimir", "Putin"]), "Vladimir Putin");
        assert_eq!(name_of_run(&["Gen", "Valery", "Gerasimov"]), "Valery Gerasimov");
        assert_eq!(name_of_run(&["Xi", "Jinping"]), "Xi Jinping");
    }

    #[test]
    fn runs_take_initials_particles_and_abbreviated_titles() {
        let text = "said Gen. Valery Gerasimov and John F. Kennedy met Ursula von der Leyen";
        let t = tokens(text, 0..text.len());
        let (_, words) = run_ending_at(&t, 4).unwrap();
        assert_eq!(words, ["Gen", "Valery", "Gerasimov"]);
        let (_, words) = run_ending_at(&t, 9).unwrap();
        assert_eq!(words, ["John", "F", "Kennedy"]);
        let (end, words) = run_starting_at(&t, 11).unwrap();
        assert_eq!((end, words.join(" ").as_str()), (14, "Ursula von der Leyen"));
    }

    #[test]
    fn surnames_and_pronouns_resolve_to_the_full_name_met_earlier() {
        let mut r = Registry::default();
        r.meet(0, "Vladimir Putin");
        r.meet(10, "Xi Jinping");
        assert_eq!(r.resolve(20, "Putin"), "Vladimir Putin");
        assert_eq!(r.resolve(20, "Xi"), "Xi Jinping");
        assert_eq!(r.resolve(20, "Biden"), "Biden");
        assert_eq!(r.person(30, "Putin"), "Vladimir Putin");
        assert_eq!(r.pronoun("he").as_deref(), Some("Vladimir Putin"));
    }
}
