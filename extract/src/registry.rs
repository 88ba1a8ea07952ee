//! What an article has said so far about who is who: the full names it introduced (so that a
//! later "Smith" is "John Smith"), the people it mentioned sentence by sentence (so that "he said"
//! finds the nearest person, never a place or an organisation), the roles it gave them (so that
//! "the CEO" is the person named as CEO) and its abbreviations ("KCNA").

use crate::names::{kind_of, NameKind};
use std::collections::HashMap;

/// A person mentioned: where, in which sentence, whether as the sentence's subject or speaker.
#[derive(Debug, Clone)]
struct Mention {
    at: usize,
    sentence: usize,
    name: String,
    subject: bool,
}

/// How many of the people named last a misspelt surname is compared with.
const RECENT_PEOPLE: usize = 64;

/// How many of the organisations named last "the ministry" may re-name.
const RECENT_GROUPS: usize = 24;

#[derive(Default, Debug)]
pub struct Registry {
    /// Full names (two words or more) in the order met.
    people: Vec<(usize, String)>,
    /// Each word of each full name → the people (indexes) it is part of, and whether last.
    by_word: HashMap<String, Vec<(usize, bool)>>,
    mentions: Vec<Mention>,
    sentence: usize,
    last_group: Option<(usize, String)>,
    /// Organisations named with an owner ("Ukraine's air force"): "the air force" later.
    owned_groups: Vec<String>,
    /// Role words ("ceo", "spokesman") and the person last named with them.
    roles: Vec<(String, String)>,
    /// Organisations the text named, where ("the Ministry of Health"): "the ministry" later.
    named_groups: Vec<(usize, String)>,
    /// Offices named with their portfolio ("minister for business enterprise and innovation")
    /// and the person last named as holding each.
    offices: Vec<(String, String)>,
    /// "KCNA" → "Korean Central News Agency", from "Korean Central News Agency (KCNA)".
    abbreviations: Vec<(String, String)>,
    /// A pronoun was resolved since the flag was last taken.
    pronoun_used: bool,
    /// People whose titles or roles said whether they are women ("Mrs", "spokeswoman").
    women: HashMap<String, bool>,
    /// The lines above the first sentence (headline, standfirst): a briefing's transcript may
    /// name its speakers in full only there.
    headline: crate::names::Headline,
    /// Transcript labels of initials no one met so far had ("AA:" before "I'm Avi Arditti"), as
    /// read for a surname ("Aa") and as written.
    initials_labels: Vec<(String, String)>,
}

impl Registry {
    /// The next sentence begins: pronouns look back sentence by sentence.
    pub fn next_sentence(&mut self) {
        self.sentence += 1;
    }

    /// Whether a pronoun was resolved since the last call.
    pub fn take_pronoun_used(&mut self) -> bool {
        std::mem::take(&mut self.pronoun_used)
    }

    /// Records a person's full name (two words or more) seen at byte `at`.
    pub fn meet(&mut self, at: usize, name: &str) {
        if let Some(name) = self.know(at, name) {
            self.mention(at, &name, false);
        }
    }

    /// Records a person's full name for completing a surname said later ("Qarase" after
    /// "Laisenia Qarase"), without putting them in view; the name as recorded.
    pub fn know(&mut self, at: usize, name: &str) -> Option<String> {
        if name.split_whitespace().count() < 2 || kind_of(name) != NameKind::Person {
            return None;
        }
        let name = self.unhonoured(at, name).unwrap_or_else(|| self.completed(at, name));
        let known = self.by_word.get(name.rsplit(' ').next().unwrap_or("")).into_iter().flatten();
        if !known.into_iter().any(|(k, _)| self.people[*k].1 == name) {
            let k = self.people.len();
            let parts: Vec<&str> = name.split(' ').collect();
            for (p, part) in parts.iter().enumerate() {
                self.by_word.entry((*part).to_owned()).or_default().push((k, p + 1 == parts.len()));
            }
            self.people.push((at, name.clone()));
        }
        Some(name)
    }

    /// Records a mention of a person by one word ("Thomas' sister"), when it is part of a full
    /// name met before.
    pub fn meet_short(&mut self, at: usize, word: &str) {
        let full = self.resolve(at, word);
        if full.contains(' ') {
            self.mention(at, &full, false);
        }
    }

    /// Records a person named by a title and one name ("President Bush", "Mr. Obama"), in
    /// view for a later "he" or "the president": their full name when the text gave it before,
    /// else the one name. Returns the name recorded.
    pub fn meet_titled(&mut self, at: usize, name: &str) -> String {
        let full = self.resolve(at, name);
        self.mention(at, &full, false);
        full
    }

    fn mention(&mut self, at: usize, name: &str, subject: bool) {
        let m = Mention { at, sentence: self.sentence, name: name.to_owned(), subject };
        self.mentions.push(m);
    }

    /// Records someone named by their role alone ("the launch director of Atlantis"): a "he"
    /// after it is that person, as written.
    pub fn by_role(&mut self, at: usize, phrase: &str) -> String {
        self.mention(at, phrase, true);
        phrase.to_owned()
    }

    /// Records someone named by whose they are ("Anna Keller's neighbor"), in view as a
    /// sentence's subject; `female` when the word tells ("wife", "son").
    pub fn relative(&mut self, at: usize, name: &str, female: Option<bool>) {
        if let Some(female) = female {
            self.women.insert(name.to_owned(), female);
        }
        self.mention(at, name, true);
    }

    /// Whether the current sentence names a person after byte `at` ("a voter who self-identified
    /// as Jamie"): then the role phrase before the name is no one of its own.
    pub fn names_someone_after(&self, at: usize) -> bool {
        self.mentions
            .iter()
            .rev()
            .take_while(|m| m.sentence == self.sentence)
            .any(|m| m.at > at && !m.name.is_empty())
    }

    /// Records someone unnamed in view ("the top U.S. diplomat in Burma says"): a "she" after it
    /// is that person, whom the review cannot name, not someone named before.
    pub fn anonymous(&mut self, at: usize) {
        self.mention(at, "", true);
    }

    /// Records that `person` holds `role` ("CEO", "refugee spokesman").
    pub fn role(&mut self, role: &str, person: &str) {
        let role = crate::words::title_in_full(role);
        // "Mrs Smith", "spokeswoman Jane Doe": a "he" later is not her, whatever her first name.
        if crate::words::FEMALE_ROLES.contains(role.as_str()) {
            self.women.insert(person.to_owned(), true);
        } else if crate::words::MALE_ROLES.contains(role.as_str()) {
            self.women.insert(person.to_owned(), false);
        }
        self.roles.retain(|(r, _)| *r != role);
        self.roles.push((role, person.to_owned()));
    }

    /// Records that `person` holds `role` unless someone else already does ("Deputy Prime Minister
    /// Michael McCormack" is "the minister" only where no other minister was named).
    pub fn role_if_vacant(&mut self, role: &str, person: &str) {
        let full = crate::words::title_in_full(role);
        if !self.roles.iter().any(|(r, _)| *r == full) {
            self.role(role, person);
        }
    }

    /// Records that `person` holds the office `key` (see `names::office_ending_at`).
    pub fn office(&mut self, key: &str, person: &str) {
        self.offices.retain(|(o, _)| o != key);
        self.offices.push((key.to_owned(), person.to_owned()));
    }

    /// The person named as holding the office `key`, if any.
    pub fn office_holder(&self, key: &str) -> Option<String> {
        self.offices.iter().rev().find(|(o, _)| o == key).map(|(_, p)| p.clone())
    }

    /// The person last named with `role`, if any ("the PM": the person named prime minister).
    pub fn holder_of(&self, role: &str) -> Option<String> {
        let role = role.trim_end_matches('.').to_lowercase();
        // (A role written short is recorded in full: "the PM" is the person named minister.)
        let full = crate::words::title_in_full(&role);
        let full = full.as_str();
        let named = |wanted: &str| self.roles.iter().rev().find(|(r, _)| r == wanted).map(|(_, p)| p.clone());
        // ("the Ministers said", after a joint statement of two: one of them.)
        let one_of_them = || role.strip_suffix('s').and_then(named);
        named(&role).or_else(|| named(full)).or_else(one_of_them)
    }

    /// Who "the minister", "the PM" or "the spokesman" (`role`, the head word) before byte `at`
    /// is: the person last named with that role; else, unless the phrase places its holder
    /// elsewhere ("the top diplomat in Burma"), the person in view when the text gave them no
    /// office ("Gordon Brown said … The PM said") or the role is any office's ("Secretary of
    /// State Antony Blinken … the top diplomat"), less sure, like a pronoun — not when they hold
    /// another ("SECRETARY CARTER: As the president said"). `None` when the text named nobody
    /// for it: the role as written speaks.
    pub fn role_holder(&mut self, role: &str, at: usize, placed: bool) -> Option<String> {
        if let Some(holder) = self.holder_of(role) {
            return Some(holder);
        }
        if placed {
            return None;
        }
        let (_, person) = self.nearest_person(at, None)?;
        let any_office = crate::words::OFFICE_WORDS.contains(role.to_lowercase().as_str());
        let holds_another = self.roles.iter().any(|(_, p)| *p == person);
        (any_office || !holds_another).then(|| {
            self.pronoun_used = true;
            person
        })
    }

    /// Records an abbreviation for an organisation's name.
    pub fn abbreviation(&mut self, short: &str, full: &str) {
        if !self.abbreviations.iter().any(|(s, _)| s == short) {
            self.abbreviations.push((short.to_owned(), full.to_owned()));
        }
    }

    /// Records the lines above the first sentence, whose full names complete a surname said
    /// below ("Press Briefing by Press Secretary Jen Psaki" … "MS. PSAKI:").
    pub fn headline(&mut self, lines: &str) {
        self.headline = crate::names::Headline::new(lines);
    }

    /// The full name for a single word ("Putin" → "Vladimir Putin"), else the word itself.
    pub fn resolve(&self, at: usize, word: &str) -> String {
        let seen = |k: &usize| self.people[*k].0 <= at;
        let indexed = self.by_word.get(word).map(Vec::as_slice).unwrap_or_default();
        let by_last = indexed.iter().rev().find(|(k, last)| *last && seen(k));
        let by_any = || indexed.iter().rev().find(|(k, _)| seen(k));
        let by_word = by_last.or_else(by_any).map(|(k, _)| &self.people[*k]);
        // (The people named last: a misspelt surname is someone named nearby, and a transcript of
        // thousands of named questioners must not compare every word with every name.)
        let known = self.people.iter().rev().filter(|(seen, _)| *seen <= at).take(RECENT_PEOPLE);
        // A misspelt surname ("Bauchtman" for Buchtmann, "Water" for Waters): the one known
        // surname a letter or two away.
        let close = || {
            let len = word.chars().count();
            let allowed = if len >= 8 { 2 } else { 1 };
            let mut near = known.clone().filter(|(_, n)| {
                let last = n.rsplit(' ').next().unwrap_or("");
                len >= 5
                    && last.len().abs_diff(word.len()) <= allowed
                    && last.chars().next() == word.chars().next()
                    && edits(last, word) <= allowed
            });
            near.next().filter(|first| near.all(|(_, n)| n == &first.1))
        };
        let in_headline = || self.headline.full_name_ending(word);
        by_word.or_else(close).map(|(_, n)| n.clone()).or_else(in_headline).unwrap_or_else(|| word.to_owned())
    }

    /// Whom a name credits: a person by the fullest form the article gave ("Smith" → "John
    /// Smith"), an organisation as named (an abbreviation spelled out), or nobody for a place
    /// or nationality. A person is remembered as in view, for "he said" later.
    pub fn person(&mut self, at: usize, name: &str) -> Option<String> {
        let full = if name.contains(' ') { self.completed(at, name) } else { self.resolve(at, name) };
        let full = self.unhonoured(at, name).unwrap_or(full);
        match kind_of(&full) {
            NameKind::Place => None,
            NameKind::Group => Some(self.group(at, &full)),
            NameKind::Person => {
                self.meet(at, &full);
                self.mention(at, &full, true);
                Some(full)
            }
        }
    }

    /// "JM" when the text named one person "Jane Marlowe" (or "Jane M. Marlowe") before byte
    /// `at`, and no other with those initials.
    fn with_initials(&self, at: usize, name: &str) -> Option<String> {
        if !crate::attribution::is_initials_label(name) {
            return None;
        }
        let mut matching = self
            .people
            .iter()
            .filter(|(seen, full)| *seen <= at && initials_of(full).contains(&name.to_owned()));
        let (_, first) = matching.next()?;
        matching.all(|(_, other)| other == first).then(|| first.clone())
    }

    /// Whom a transcript's label names: "JM" the one person named with those initials, else
    /// a surname ("NYE" is Bill Nye) unless someone with those initials is named later
    /// (`fullest`); any other label's name as `person` reads it.
    pub fn labelled(&mut self, at: usize, name: &str) -> Option<String> {
        if !crate::attribution::is_initials_label(name) {
            return self.person(at, name);
        }
        if let Some(full) = self.with_initials(at, name) {
            self.mention(at, &full, true);
            return Some(full);
        }
        let surname = crate::attribution::title_case(name);
        if !self.initials_labels.iter().any(|(cased, _)| *cased == surname) {
            self.initials_labels.push((surname.clone(), name.to_owned()));
        }
        self.person(at, &surname)
    }

    /// "Lord Offord" when the text names "Malcolm Offord": the full name (before byte `at`).
    fn unhonoured(&self, at: usize, name: &str) -> Option<String> {
        let (honour, surname) = name.split_once(' ')?;
        let honoured =
            crate::words::HONOURS.contains(honour.to_lowercase().as_str()) && !surname.contains(' ');
        Some(self.resolve(at, surname)).filter(|full| honoured && full.contains(' '))
    }

    /// The fullest form of a person's name anywhere in the text: "Juncker" quoted before the
    /// paragraph naming Jean-Claude Juncker, "Lord Offord" before "Malcolm Offord".
    pub fn fullest(&self, name: &str) -> String {
        // ("AA: I'm Avi Arditti …": a label's initials before the name they stand for.)
        let initials = self.initials_labels.iter().find(|(cased, _)| cased == name);
        if let Some(full) = initials.and_then(|(_, upper)| self.with_initials(usize::MAX, upper)) {
            return full;
        }
        if !name.contains(' ') && kind_of(name) == NameKind::Person {
            return self.resolve(usize::MAX, name);
        }
        self.unhonoured(usize::MAX, name).unwrap_or_else(|| name.to_owned())
    }

    /// A name of two words or more completed to the fuller one met before that ends with it:
    /// "Quiroz Castro" after "Javier Quiroz Castro", "Lopez Obrador" after "Andres Manuel Lopez
    /// Obrador".
    fn completed(&self, at: usize, name: &str) -> String {
        let suffix = format!(" {name}");
        let fuller = self.people.iter().rev().find(|(seen, n)| *seen <= at && n.ends_with(&suffix));
        fuller.map_or_else(|| name.to_owned(), |(_, n)| n.clone())
    }

    /// An organisation; "the air force" after "Ukraine's air force" is the same one, "KCNA" the
    /// name it abbreviates.
    pub fn group(&mut self, at: usize, name: &str) -> String {
        let bare = name.strip_prefix("the ").unwrap_or(name);
        if let Some((_, full)) = self.abbreviations.iter().find(|(s, _)| s == bare) {
            let full = full.clone();
            self.last_group = Some((at, full.clone()));
            return full;
        }
        // (Among the last ones named: a text naming thousands must not scan them all each time.)
        let suffix = format!(" {bare}");
        let recent = self.owned_groups.iter().rev().take(RECENT_GROUPS);
        let earlier = recent.clone().find(|g| g.len() > bare.len() && g.ends_with(&suffix));
        let name = earlier.cloned().unwrap_or_else(|| name.to_owned());
        if kind_of(&name) == NameKind::Place {
            return name; // "the Sudanese" is no one "it" or "they" can be.
        }
        let owned = name.contains(['\'', '’']);
        if owned && !recent.into_iter().any(|g| *g == name) {
            self.owned_groups.push(name.clone());
        }
        self.last_group = Some((at, name.clone()));
        name
    }

    /// Who "he", "she" or "they" before byte `at` most likely is: in the nearest sentence that
    /// mentions a person, its subject or speaker, else the first person it mentions. "It" is
    /// the organisation last credited; "they" that organisation when it came after the person.
    pub fn pronoun(&mut self, word: &str, at: usize) -> Option<String> {
        self.pronoun_used = true;
        let group = self.last_group.as_ref().filter(|(g, _)| *g <= at);
        if word.eq_ignore_ascii_case("it") {
            return group.map(|(_, n)| n.clone());
        }
        let gender = match word.to_lowercase().as_str() {
            "he" | "him" | "his" => Some(false),
            "she" | "her" => Some(true),
            _ => None,
        };
        let person = self.nearest_person(at, gender);
        if word.eq_ignore_ascii_case("they") {
            return match (group, person) {
                (Some(g), Some((p_at, _))) if g.0 > p_at => Some(g.1.clone()),
                (Some(g), None) => Some(g.1.clone()),
                (_, p) => p.map(|(_, n)| n),
            };
        }
        person.map(|(_, n)| n)
    }

    /// A sentence opening with "he" or "she" at byte `at` speaks of the person that pronoun means
    /// there: they stay in view as the sentence's subject, ahead of anyone it names after ("She
    /// questioned chief executive Dave Calhoun. … she said" is still her).
    pub fn pronoun_subject(&mut self, word: &str, at: usize) {
        let was_used = self.pronoun_used;
        if let Some(name) = self.pronoun(word, at) {
            self.mention(at, &name, true);
        }
        self.pronoun_used = was_used;
    }

    /// Who a definite description of a person ("the Houston resident") most likely is: the
    /// person in view, as for "they"; less sure, like a pronoun.
    pub fn described(&mut self, at: usize) -> Option<String> {
        self.pronoun_used = true;
        self.nearest_person(at, None).map(|(_, n)| n)
    }

    /// Records an organisation the text names at byte `at`, credited or not.
    pub fn name_group(&mut self, at: usize, name: &str) {
        self.named_groups.push((at, name.to_owned()));
    }

    /// The organisation "the company" or "the ministry" (`noun`) re-names: the last one named
    /// before byte `at` with that word in its name ("the Ministry of Health") or the one last
    /// credited, whichever came later.
    pub fn renamed_group(&self, at: usize, noun: &str) -> Option<String> {
        let institution = crate::words::INSTITUTION_NOUNS.contains(noun);
        // (Among the last few named: one named long before is not re-named, and an article naming
        // thousands of organisations must not make each lookup read them all.)
        let mut recent = self.named_groups.iter().rev().filter(|(g, _)| *g < at).take(RECENT_GROUPS);
        let synonym = crate::words::INSTITUTION_SYNONYMS.get(noun).copied().unwrap_or(noun);
        let named = |w: &str| w.eq_ignore_ascii_case(noun) || w.eq_ignore_ascii_case(synonym);
        let with_noun = recent.find(|(_, name)| name.split(' ').any(named));
        let credited = self.last_group.as_ref().filter(|(g, _)| *g <= at);
        // ("The ministry says 45 percent …, while the union says 60 percent": a body named by
        // another common noun is not "the union" — a proper name may be: "Toyota … the company".)
        let other_noun = |(_, name): &&(usize, String)| {
            let head = name.rsplit(' ').next().unwrap_or("");
            head.starts_with(char::is_lowercase) && !named(head)
        };
        let credited = credited.filter(|c| !other_noun(c));
        if institution {
            // "the ministry" is the Ministry named with that word, unless another organisation
            // was named or credited after it ("… Japan's trade ministry, METI, warned. The
            // ministry said"): then it stays as written.
            let (named_at, name) = with_noun?;
            let other = |(g, n): &&(usize, String)| *g > *named_at && *g < at && n != name;
            let later_named = self.named_groups.iter().rev().take(RECENT_GROUPS).any(|g| other(&g));
            let later_credited = credited.is_some_and(|g| other(&g));
            return (!later_named && !later_credited).then(|| name.clone());
        }
        let later = match (with_noun, credited) {
            (Some(named), Some(credited)) => Some(if named.0 > credited.0 { named } else { credited }),
            (named, credited) => named.or(credited),
        };
        later.map(|(_, n)| n.clone())
    }

    /// The person "he" (`Some(false)`), "she" (`Some(true)`) or "they" is, before byte `at`.
    fn nearest_person(&self, at: usize, female: Option<bool>) -> Option<(usize, String)> {
        let woman = |name: &str| self.women.get(name).copied().or_else(|| is_female(name));
        let fits = |m: &&Mention| female.is_none_or(|f| woman(&m.name) != Some(!f));
        // Mentions are in text order: walk back from the end, only as far as one sentence.
        let mut before = self.mentions.iter().rev().skip_while(|m| m.at >= at).filter(fits);
        let last = before.next()?;
        let same: Vec<&Mention> =
            std::iter::once(last).chain(before.take_while(|m| m.sentence == last.sentence)).collect();
        let pick = same.iter().find(|m| m.subject).or_else(|| same.last())?;
        (!pick.name.is_empty()).then(|| (pick.at, pick.name.clone()))
    }
}

/// The edit distance between two words (insertions, deletions, substitutions, transpositions).
/// The initials a person's full name may be labelled with: every word's ("JFK" for "John F.
/// Kennedy") and the first and last words' ("JK") — by letters, not bytes ("ÉP" for "Édouard
/// Philippe").
fn initials_of(full: &str) -> [String; 2] {
    let initial = |w: &str| w.chars().next().map(String::from).unwrap_or_default();
    let every_word: String = full.split(' ').map(initial).collect();
    let first = full.split(' ').next().map(initial).unwrap_or_default();
    let last = full.rsplit(' ').next().map(initial).unwrap_or_default();
    [every_word, first + &last]
}

fn edits(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1).min(d[i][j - 1] + 1).min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

/// Whether a person's first name is a woman's (`Some(true)`), a man's, or unknown.
fn is_female(name: &str) -> Option<bool> {
    // ("Anna Keller's neighbor": the first name is the owner's.)
    if name.contains("'s ") || name.contains("’s ") {
        return None;
    }
    let first = name.split(' ').next()?.to_lowercase();
    if crate::words::FEMALE_NAMES.contains(first.as_str()) {
        Some(true)
    } else if crate::words::MALE_NAMES.contains(first.as_str()) {
        Some(false)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_and_pronouns_resolve_to_the_full_name_met_earlier() {
        let mut r = Registry::default();
        r.meet(0, "Vladimir Putin");
        r.meet(10, "Xi Jinping");
        assert_eq!(r.resolve(20, "Putin"), "Vladimir Putin");
        assert_eq!(r.resolve(20, "Xi"), "Xi Jinping");
        assert_eq!(r.resolve(20, "Biden"), "Biden");
        r.meet(25, "Lydia Buchtmann");
        assert_eq!(r.resolve(30, "Bauchtman"), "Lydia Buchtmann", "a misspelt surname");
        assert_eq!(r.resolve(30, "Putnik"), "Putnik", "too far from Putin");
        r.next_sentence();
        assert_eq!(r.person(30, "Putin").as_deref(), Some("Vladimir Putin"));
        assert_eq!(r.pronoun("he", 40).as_deref(), Some("Vladimir Putin"));
    }

    #[test]
    fn an_institution_is_renamed_by_its_word_among_the_last_organisations_named() {
        let mut r = Registry::default();
        r.group(0, "Acme Corporation");
        r.name_group(10, "Ministry of Health");
        assert_eq!(r.renamed_group(20, "ministry").as_deref(), Some("Ministry of Health"));
        // (A company credited is no ministry; "the company" is the one credited.)
        assert_eq!(r.renamed_group(20, "company").as_deref(), Some("Acme Corporation"));
        // Another organisation named or credited after the ministry: "the ministry" stays as
        // written ("… Japan's trade ministry, METI, warned. The ministry said").
        r.group(30, "METI");
        assert_eq!(r.renamed_group(40, "ministry"), None);
        // Only the last few named are looked at, however many the article names.
        let mut r = Registry::default();
        r.name_group(0, "Ministry of Health");
        for k in 0..RECENT_GROUPS {
            r.name_group(100 + k, "Ministry of Health");
        }
        assert_eq!(r.renamed_group(1_000, "ministry").as_deref(), Some("Ministry of Health"));
        let mut r = Registry::default();
        r.name_group(0, "Ministry of Health");
        for k in 0..RECENT_GROUPS {
            r.name_group(100 + k, "Acme Corporation");
        }
        assert_eq!(r.renamed_group(1_000, "ministry"), None);
    }

    #[test]
    fn places_and_nationalities_are_nobody_and_abbreviations_are_organisations() {
        let mut r = Registry::default();
        assert_eq!(r.person(0, "Africa"), None);
        assert_eq!(r.person(0, "the Russian"), None);
        assert_eq!(r.person(0, "Democratic"), None);
        r.abbreviation("KCNA", "Korean Central News Agency");
        assert_eq!(r.person(5, "KCNA").as_deref(), Some("Korean Central News Agency"));
        assert_eq!(r.pronoun("he", 10), None, "an organisation is not a he");
    }

    #[test]
    fn a_pronoun_takes_the_nearest_sentence_with_a_person_and_its_subject_first() {
        let mut r = Registry::default();
        r.meet(0, "Yvette Cooper");
        r.next_sentence();
        assert_eq!(r.person(20, "Kevin Allton").as_deref(), Some("Kevin Allton"));
        r.meet(40, "Andy Warhol");
        r.next_sentence();
        assert_eq!(r.pronoun("he", 60).as_deref(), Some("Kevin Allton"));
        assert_eq!(r.pronoun("she", 60).as_deref(), Some("Yvette Cooper"), "a she is not Kevin");
        r.role("ceo", "Enver Solomon");
        assert_eq!(r.holder_of("CEO").as_deref(), Some("Enver Solomon"));
    }

    #[test]
    fn a_title_or_role_tells_a_woman_from_a_man_whatever_the_first_name() {
        let mut r = Registry::default();
        r.meet(0, "Robin Keller");
        r.role("spokeswoman", "Robin Keller");
        r.next_sentence();
        r.meet(20, "Sam Ortiz");
        r.role("mr", "Sam Ortiz");
        r.next_sentence();
        assert_eq!(r.pronoun("she", 40).as_deref(), Some("Robin Keller"));
        assert_eq!(r.pronoun("he", 40).as_deref(), Some("Sam Ortiz"));
    }
}
