//! The word lists the rules consult, kept in `extract/data/*.txt` (one entry a line, `#` starts a
//! comment) so that a list grows without touching code. Each is parsed once, on first use.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

/// FNV-1a: the lists are fixed short words the extractor itself loads, so a fast hash serves
/// (SipHash's protection against chosen keys buys nothing here and cost a tenth of the time).
#[derive(Default, Clone, Copy)]
pub struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type Build = std::hash::BuildHasherDefault<Fnv>;

/// A set of lower-case words.
pub type Words = LazyLock<HashSet<&'static str, Build>>;
/// Words with another word each ("gen general").
pub type Paired = LazyLock<HashMap<&'static str, &'static str, Build>>;
/// Words with a number each ("dozen 12").
pub type Valued = LazyLock<HashMap<&'static str, f64, Build>>;

/// The entries of a data file: trimmed lines, without blank lines and comments.
pub fn entries(file: &'static str) -> impl Iterator<Item = &'static str> {
    file.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

fn set(file: &'static str) -> HashSet<&'static str, Build> {
    entries(file).collect()
}

fn valued(file: &'static str) -> HashMap<&'static str, f64, Build> {
    entries(file)
        .filter_map(|l| {
            let (word, value) = l.rsplit_once(char::is_whitespace)?;
            Some((word.trim(), value.parse().ok()?))
        })
        .collect()
}

/// The entries of a data file of pairs: each line's first word and the rest.
fn paired(file: &'static str) -> HashMap<&'static str, &'static str, Build> {
    entries(file).filter_map(|l| l.split_once(char::is_whitespace)).map(|(a, b)| (a, b.trim())).collect()
}

macro_rules! word_list {
    ($($name:ident: $kind:ident = $file:literal;)*) => {
        $(pub static $name: $kind = LazyLock::new(|| word_list!(@parse $kind, include_str!(concat!("../data/", $file))));)*
    };
    (@parse Words, $text:expr) => { set($text) };
    (@parse Valued, $text:expr) => { valued($text) };
    (@parse Paired, $text:expr) => { paired($text) };
}

word_list! {
    ABBREVIATIONS: Words = "abbreviations.txt";
    SPEECH_VERBS: Words = "speech_verbs.txt";
    OPINION_VERBS: Words = "opinion_verbs.txt";
    MEDIA_NOUNS: Words = "media_nouns.txt";
    SENTENCE_ADVERBS: Words = "sentence_adverbs.txt";
    ADVERB_ENDINGS: Words = "adverb_endings.txt";
    OCCUPATIONS: Words = "occupations.txt";
    QUOTING_VERBS: Words = "quoting_verbs.txt";
    DATA_VERBS: Words = "data_verbs.txt";
    PUBLICATION_VERBS: Words = "publication_verbs.txt";
    ORG_PARTICLES: Words = "org_particles.txt";
    NAME_JOINERS: Words = "name_joiners.txt";
    PARENT_WORDS: Words = "parent_words.txt";
    PEOPLE_IN_ORG_NAMES: Words = "people_in_org_names.txt";
    FIGURE_REPORT_VERBS: Words = "figure_report_verbs.txt";
    SINGULAR_NOUNS_IN_S: Words = "singular_nouns_in_s.txt";
    FORECAST_NOUNS: Words = "forecast_nouns.txt";
    COLLECTIVE_NOUNS: Words = "collective_nouns.txt";
    ANNOUNCED_SUMS: Words = "announced_sums.txt";
    NOUN_VERBS: Words = "noun_verbs.txt";
    OBJECT_VERBS: Words = "object_verbs.txt";
    PLURAL_SPEECH_VERBS: Words = "plural_speech_verbs.txt";
    PARTICIPLES: Words = "participles.txt";
    ANNOUNCE_VERBS: Words = "announce_verbs.txt";
    BETWEEN: Words = "between.txt";
    CLAUSE_WORDS: Words = "clause_words.txt";
    ROLE_NOUNS: Words = "role_nouns.txt";
    PERSON_NOUNS: Words = "person_nouns.txt";
    GROUP_NOUNS: Words = "group_nouns.txt";
    INSTITUTION_NOUNS: Words = "institution_nouns.txt";
    INSTITUTION_SYNONYMS: Paired = "institution_synonyms.txt";
    SCENE_PARTICIPLES: Words = "scene_participles.txt";
    FIRST_PERSON: Words = "first_person.txt";
    FINITE_VERBS: Words = "finite_verbs.txt";
    SUBORDINATORS: Words = "subordinators.txt";
    CHILD_NOUNS: Words = "child_nouns.txt";
    STATE_BODIES: Words = "state_bodies.txt";
    BEFORE_A_KIND: Words = "before_a_kind.txt";
    BODY_MEASURES: Words = "body_measures.txt";
    DECADE_WORDS: Words = "decade_words.txt";
    BEFORE_A_YEAR: Words = "before_a_year.txt";
    INVARIANT_PEOPLES: Words = "invariant_peoples.txt";
    SERVING_PREPOSITIONS: Words = "serving_prepositions.txt";
    CONNECTORS: Words = "connectors.txt";
    SPAN_WORDS: Words = "span_words.txt";
    CENTURY_WORDS: Words = "century_words.txt";
    HEDGES: Words = "hedges.txt";
    CLAUSE_BREAKS: Words = "clause_breaks.txt";
    TITLES: Words = "titles.txt";
    HONOURS: Words = "honours.txt";
    REGNAL_TITLES: Words = "regnal_titles.txt";
    ANONYMOUS_LABELS: Words = "anonymous_labels.txt";
    NOT_NAMES: Words = "not_names.txt";
    INDEFINITES: Words = "indefinites.txt";
    DOCUMENT_NOUNS: Words = "document_nouns.txt";
    REPORT_NOUNS: Words = "report_nouns.txt";
    REPORT_ADJECTIVES: Words = "report_adjectives.txt";
    PARTICLES: Words = "particles.txt";
    MONTHS: Words = "months.txt";
    WEEKDAYS: Words = "weekdays.txt";
    WHEN_WORDS: Words = "when_words.txt";
    BEFORE_A_DATE: Words = "before_a_date.txt";
    LABELS: Words = "labels.txt";
    TIME_WORDS: Words = "time_words.txt";
    NOT_NOUNS: Words = "not_nouns.txt";
    MEASURED: Words = "measured.txt";
    IRREGULAR_PLURALS: Words = "irregular_plurals.txt";
    PHRASAL: Words = "phrasal.txt";
    RISE_WORDS: Words = "rise_words.txt";
    FALL_WORDS: Words = "fall_words.txt";
    PLACES: Words = "places.txt";
    NATIONALITIES: Words = "nationalities.txt";
    ORG_WORDS: Words = "org_words.txt";
    FEMALE_NAMES: Words = "female_names.txt";
    MALE_NAMES: Words = "male_names.txt";
    FEMALE_ROLES: Words = "female_roles.txt";
    OFFICE_WORDS: Words = "office_words.txt";
    POSTNOMINALS: Words = "postnominals.txt";
    TOLL_WORDS: Words = "toll_words.txt";
    LIVES_TAKEN: Words = "lives_taken.txt";
    NOUNS_IN_LY: Words = "nouns_in_ly.txt";
    COUNT_VERBS: Words = "count_verbs.txt";
    PLAN_WORDS: Words = "plan_words.txt";
    NAME_OPENERS: Words = "name_openers.txt";
    MORE_OF_A_COUNT: Words = "more_of_a_count.txt";
    TALLY_WORDS: Words = "tally_words.txt";
    RELAYED_WORDS: Words = "relayed_words.txt";
    STATEMENT_OPENERS: Words = "statement_openers.txt";
    EVENT_WORDS: Words = "event_words.txt";
    QUESTION_WORDS: Words = "question_words.txt";
    FORMER_WORDS: Words = "former_words.txt";
    REACTION_VERBS: Words = "reaction_verbs.txt";
    RANK_QUALIFIERS: Words = "rank_qualifiers.txt";
    HUMAN_VERBS: Words = "human_verbs.txt";
    VERB_OBJECTS: Words = "verb_objects.txt";
    JOINED_PARTICLES: Words = "joined_particles.txt";
    AGE_GROUP_WORDS: Words = "age_group_words.txt";
    KIN_NOUNS: Paired = "kin_nouns.txt";
    FOUND_STATES: Words = "found_states.txt";
    ASKING_VERBS: Words = "asking_verbs.txt";
    PHRASE_OPENERS: Words = "phrase_openers.txt";
    FUTURE_SPEECH_VERBS: Words = "future_speech_verbs.txt";
    STATEMENT_TOPICS: Words = "statement_topics.txt";
    LIVES_VERBS: Words = "lives_verbs.txt";
    CONTINUATIONS: Words = "continuations.txt";
    PLACE_WORDS: Words = "place_words.txt";
    MALE_ROLES: Words = "male_roles.txt";
    NUMBER_WORDS: Valued = "number_words.txt";
    FRACTIONS: Valued = "fractions.txt";
    FRACTION_GLYPHS: Valued = "fraction_glyphs.txt";
    SHORT_TITLES: Paired = "short_titles.txt";
}

/// A title in full: "Gen." → "general", "Sen" → "senator"; any other word in lower case.
pub fn title_in_full(word: &str) -> String {
    let lower = word.trim_end_matches('.').to_lowercase();
    SHORT_TITLES.get(lower.as_str()).map_or(lower, |full| (*full).to_owned())
}

/// A word of a time said between a verb and its clause or a subject and its verb ("reported last
/// week that", "announced Monday", "Honda last week said").
pub fn is_when(word: &str) -> bool {
    WHEN_WORDS.contains(word) || WEEKDAYS.contains(word)
}

/// Whether a word opening a sentence before a comma is an adverb, not a name: "However",
/// "Sadly", "Encouragingly", "Separately" — not "Kelly" or "Emily".
pub fn is_sentence_adverb(word: &str) -> bool {
    let lower = word.to_lowercase();
    SENTENCE_ADVERBS.contains(lower.as_str()) || ADVERB_ENDINGS.iter().any(|ending| lower.ends_with(ending))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_skip_comments_and_blank_lines_and_read_values() {
        let parsed: Vec<&str> = entries("# heading\nsaid\n\n  told  # past tense\n").collect();
        assert_eq!(parsed, ["said", "told"]);
        assert!(SPEECH_VERBS.contains("said"));
        assert_eq!(NUMBER_WORDS.get("dozen"), Some(&12.0));
        assert!(FRACTIONS.get("quarter").is_some_and(|v| (*v - 25.0).abs() < 1e-9));
    }
}
