//! The phrases that name a speaker around a verb of speech: a pronoun, a person's name (without
//! titles, in its fullest form), an organisation, a role ("the CEO"), a common noun phrase ("the
//! ministry", "Observers from the regional security body"), a sentence's subject.

use super::{is_pronoun, DETERMINERS};
use crate::names::{
    is_name_word, is_org_word, is_possessive, is_role, is_title, kind_of, name_of_run, run_ending_at,
    without_possessive, NameKind,
};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// The speaker whose phrase ends at token `j`: a pronoun, a name, or a common noun phrase.
pub(super) fn noun_phrase_ending_at(
    tokens: &[&Token<'_>],
    j: usize,
    registry: &mut Registry,
) -> Option<String> {
    let t = tokens[j];
    if is_pronoun(t) {
        return registry.pronoun(t.lower(), t.start);
    }
    // "Someone said", "many said": said by someone the text does not name; "as I've said": the
    // first person, whom the narration cannot name.
    let first_person = t.is("i") || t.is("we") || t.lower().starts_with("i'") || t.lower().starts_with("i’");
    if words::INDEFINITES.contains(t.lower()) || first_person {
        return None;
    }
    // "Figures show …", "Data show …": a publication nobody is said to have published.
    let alone = j == 0 || tokens[j - 1].kind != Kind::Word;
    if alone && words::REPORT_NOUNS.contains(t.lower()) {
        return None;
    }
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    if is_name_word(t) && !is_possessive(t.text) {
        if let Some(head) = head_before_a_place(&owned, j) {
            return common_noun_ending_at(&owned, head, registry);
        }
        return name_ending_at(tokens, &owned, j, registry);
    }
    if t.kind != Kind::Word || words::CLAUSE_WORDS.contains(t.lower()) {
        return None;
    }
    // "However, this was no standard exercise, said Lt. Col. X": a sentence adverb is nobody.
    let lower = t.lower();
    if t.kind == Kind::Word
        && (words::BETWEEN.contains(lower)
            || words::CONTINUATIONS.contains(lower)
            || words::SENTENCE_ADVERBS.contains(lower))
    {
        return None;
    }
    // "… in January, May and September, to select candidates, said X": a time is nobody.
    if crate::names::kind_of(t.text) == NameKind::Place && t.is_capitalized() {
        return None;
    }
    // "60 percent claimed", "eight percent, …, declared": a share is no one.
    if matches!(t.lower(), "percent" | "cent" | "%") {
        return None;
    }
    // "the 45-year-old said": someone by their age is the person in view.
    if t.lower().ends_with("year-old") {
        return registry.described(t.start);
    }
    // "The survey of 1,000 adults found", "the world's biggest carmaker by sales said": the head
    // before the preposition speaks.
    let start = phrase_start(&owned, j);
    if let Some(source) = source_close_to(&owned, start, j, registry) {
        return Some(source);
    }
    if let Some(person) = unnamed_member(&owned, start, j, registry) {
        return Some(person);
    }
    let bare = !DETERMINERS.contains(&owned[start].lower());
    let preposition = |p: &usize| is_preposition(&owned[*p]);
    let number_between = |p: &usize| preposition(p) && owned[p + 1].kind == Kind::Number;
    let of_at = start
        .checked_sub(1)
        .filter(|p| bare && preposition(p))
        .or_else(|| start.checked_sub(2).filter(number_between));
    if let Some(of_at) = of_at.filter(|p| *p > 0 && owned[p - 1].is_lowercase_word()) {
        let head_start = phrase_start(&owned, of_at - 1);
        if DETERMINERS.contains(&owned[head_start].lower()) {
            return common_noun_ending_at(&owned, of_at - 1, registry);
        }
    }
    common_noun_ending_at(&owned, j, registry)
}

/// "Residents of Paris said", "Organisers of the Davis Cup said": a place or an event never
/// speaks — the people of it before "of", "in" or "from" do. Where their noun ends.
fn head_before_a_place(owned: &[Token<'_>], j: usize) -> Option<usize> {
    let (first, words) = run_ending_at(owned, j)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if crate::names::kind_of(&crate::names::name_of_run(&words)) != NameKind::Place {
        return None;
    }
    let before = first.checked_sub(usize::from(first > 0 && owned[first - 1].is("the")))?;
    let head = before.checked_sub(2)?;
    let linked = matches!(owned[head + 1].lower(), "of" | "in" | "from");
    let noun = owned[head].kind == Kind::Word && owned[head].lower().ends_with('s');
    (linked && noun).then_some(head)
}

/// "An organizer of the demonstrations criticized", "a member of the council said": someone
/// unnamed, by role, speaks — not what they belong to. The whole phrase, as "an officer" is.
fn unnamed_member(owned: &[Token<'_>], start: usize, j: usize, registry: &mut Registry) -> Option<String> {
    // ("A spokesperson for the store, MediaMarktSaturn, said": "for" places them as "of" does.)
    let of = start.checked_sub(1).filter(|of| *of >= 2 && (owned[*of].is("of") || owned[*of].is("for")))?;
    let head = &owned[of - 1];
    let noun = head.lower();
    let person = words::ROLE_NOUNS.contains(noun) || words::PERSON_NOUNS.contains(noun);
    let thing = words::REPORT_NOUNS.contains(noun) || words::DOCUMENT_NOUNS.contains(noun);
    let article = &owned[of - 2];
    if !(head.is_lowercase_word() && person && !thing && (article.is("a") || article.is("an"))) {
        return None;
    }
    let words: Vec<&str> =
        owned[of - 1..=j].iter().filter(|t| t.kind == Kind::Word).map(|t| t.text).collect();
    Some(registry.group(article.start, &format!("{} {}", article.lower(), words.join(" "))))
}

/// "A source close to the talks told AFP", "people familiar with the matter said": someone
/// unnamed near the thing, not the thing — the whole phrase, as "an official" is.
fn source_close_to(owned: &[Token<'_>], start: usize, j: usize, registry: &mut Registry) -> Option<String> {
    let near = start.checked_sub(2).filter(|k| {
        owned[*k].is("close") && owned[k + 1].is("to") || owned[*k].is("familiar") && owned[k + 1].is("with")
    })?;
    // The head may open the sentence ("People familiar with …").
    let head = near
        .checked_sub(1)
        .filter(|h| owned[*h].is_lowercase_word() || *h == 0 && owned[0].kind == Kind::Word)?;
    let first = phrase_start(owned, head);
    let words: Vec<String> = owned[first..=j]
        .iter()
        .enumerate()
        .map(|(k, t)| if k == 0 { t.lower().to_owned() } else { t.text.to_owned() })
        .collect();
    Some(registry.group(owned[first].start, &words.join(" ")))
}

/// "Lopez", "President Anton Varga", "the Alpine Initiative", "the CEO", "the Russian".
pub(super) fn name_ending_at(
    tokens: &[&Token<'_>],
    owned: &[Token<'_>],
    j: usize,
    registry: &mut Registry,
) -> Option<String> {
    let at = owned[j].start;
    let (first, words) = run_ending_at(owned, j)?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    // ("the Health and Social Care Secretary said": an office's name, then its title.)
    // ("the Health and Social Care Secretary said": an office's name, then its title — whoever
    // the text named as holding that office, else the office as written.)
    let office = words.len() >= 4 && words.contains(&"and") && words.last().is_some_and(|w| is_title(w));
    if office && first > 0 && owned[first - 1].is("the") {
        let key = words.join(" ").to_lowercase();
        return registry.office_holder(&key).or_else(|| Some(format!("the {}", words.join(" "))));
    }
    // ("the High Representative said", after "High Representative Federica Mogherini": an
    // office whose first word is no title, recorded in full for its holder.)
    let titled_office = words.len() > 1 && words.last().is_some_and(|w| is_role(w));
    if titled_office && first > 0 && owned[first - 1].is("the") {
        if let Some(holder) = registry.holder_of(&words.join(" ")) {
            return Some(holder);
        }
    }
    if words.iter().all(|w| is_role(w)) {
        // "the CEO said", "the Minister said": the person named so earlier, or nobody; "the
        // Treasury said": the institution.
        let last = words.last()?;
        if is_org_word(last) {
            return Some(registry.group(at, &format!("the {}", words.join(" "))));
        }
        // "the Pope said", with no pope named before: the one the title means, as written.
        let the = first > 0 && owned[first - 1].is("the");
        // ("the Deputy Prime Minister said": the office in full first.)
        let office = (words.len() > 1).then(|| registry.holder_of(&words.join(" "))).flatten();
        return office
            .or_else(|| registry.role_holder(last, at, false))
            .or_else(|| the.then(|| format!("the {}", words.join(" "))));
    }
    if let Some(holder) = office_holder(owned, j, registry) {
        return Some(holder);
    }
    if let Some(role) = role_placed_in(owned, first, j, registry) {
        return Some(role);
    }
    // "the Ministers said" after two ministers named: one of them.
    if let [plural] = words.as_slice() {
        if let Some(holder) =
            (is_title(plural) && !is_role(plural)).then(|| registry.holder_of(plural)).flatten()
        {
            return Some(holder);
        }
    }
    let name = name_of_run(&words);
    if let Some(joint) = joint_organisations(owned, first, &name, registry) {
        return Some(joint);
    }
    if first == 0 || !owned[first - 1].is("the") {
        return registry.person(at, &name);
    }
    if name.split(' ').count() < words.len() && kind_of(&name) == NameKind::Person {
        // "CEO of the Refugee Council Enver Solomon told…": the person after the organisation.
        return registry.person(at, &name);
    }
    if kind_of(&words.join(" ")) == NameKind::Place {
        return None; // "the Sudanese", "the Russian": nobody in particular.
    }
    // "Anna Keller of the Alpine Initiative said": the person speaks.
    if first >= 3 && matches!(owned[first - 2].lower(), "of" | "at" | "from") {
        if let Some(person) = person_ending_at(tokens, first - 3, registry) {
            return Some(person);
        }
    }
    Some(registry.group(at, &format!("the {}", words.join(" "))))
}

/// "NASA and ESA have said": a joint statement of two organisations is both's, as written.
fn joint_organisations(
    owned: &[Token<'_>],
    first: usize,
    name: &str,
    registry: &mut Registry,
) -> Option<String> {
    let and = first.checked_sub(1).filter(|a| owned[*a].is("and"))?;
    let (other_first, other) = run_ending_at(owned, and.checked_sub(1)?)?;
    let other: Vec<&str> = other.iter().map(String::as_str).collect();
    let other = name_of_run(&other);
    let opens = other_first == 0
        || owned[other_first - 1].kind == Kind::Punct
        || owned[other_first - 1].is_lowercase_word() && !is_preposition(&owned[other_first - 1]);
    let groups = kind_of(name) == NameKind::Group && kind_of(&other) == NameKind::Group;
    (groups && opens).then(|| registry.group(owned[other_first].start, &format!("{other} and {name}")))
}

/// "The launch director of Atlantis said", "the programme manager for the International Space
/// Station said": a role placed in what it serves speaks — its holder if the text named one, else
/// the phrase as written — not the name that places it.
fn role_placed_in(owned: &[Token<'_>], first: usize, j: usize, registry: &mut Registry) -> Option<String> {
    let the = usize::from(first >= 1 && owned[first - 1].is("the"));
    let via = first.checked_sub(1 + the)?;
    let role_at = via.checked_sub(1)?;
    let role = &owned[role_at];
    // ("The Chancellor of the Exchequer wrote": a title in capitals is placed as one in lower case.)
    let is_role_word = role.is_lowercase_word()
        && (is_role(role.text) || words::ROLE_NOUNS.contains(role.lower()))
        || role.is_capitalized() && is_title(role.text) && role_at > 0 && owned[role_at - 1].is("the");
    if !matches!(owned[via].lower(), "of" | "for" | "at") || !is_role_word {
        return None;
    }
    if let Some(holder) = registry.holder_of(role.text) {
        return Some(holder);
    }
    let start = phrase_start(owned, role_at);
    Some(registry.by_role(owned[start].start, &as_written(&owned[start..=j])))
}

/// A phrase as the text writes it ("U.S." kept whole), but for a determiner opening it in lower
/// case ("The launch director …" → "the launch director …").
pub(super) fn as_written(phrase: &[Token<'_>]) -> String {
    let mut out = String::new();
    for (k, t) in phrase.iter().enumerate() {
        if k > 0 && !t.joined {
            out.push(' ');
        }
        let lower = t.lower();
        let determiner = k == 0 && DETERMINERS.contains(&lower);
        out.push_str(if determiner { lower } else { t.text });
    }
    out
}

/// A common noun walked back to its determiner or owner: "the ministry", "Ukraine's air force",
/// "Observers from the regional security body", "a spokesman"; "the spokesman" is the person.
pub(super) fn common_noun_ending_at(
    owned: &[Token<'_>],
    j: usize,
    registry: &mut Registry,
) -> Option<String> {
    // "Two out of three respondents said": the respondents.
    let first = phrase_start(owned, j);
    let first = (first..j).find(|k| !is_count(&owned[*k])).unwrap_or(j);
    let words: Vec<String> = as_written(&owned[first..=j]).split(' ').map(str::to_owned).collect();
    let starts_with_article = words.first().is_some_and(|w| w == "a" || w == "an");
    let head = words.last().map(|w| w.to_lowercase()).unwrap_or_default();
    // "a spokesman said", "a sheriff said": someone unnamed by role — not "a statement said".
    let role_head = words::ROLE_NOUNS.contains(head.as_str()) || is_role(&head);
    // "A UNICEF report says": a publication by someone named is theirs.
    if starts_with_article && words::REPORT_NOUNS.contains(head.as_str()) {
        if let Some(publisher) = publisher_of(owned, first, j, registry) {
            return Some(publisher);
        }
    }
    if starts_with_article && (words.len() == 1 || !role_head) {
        return None;
    }
    if DETERMINERS.contains(&head.as_str()) {
        return None;
    }
    if words::DOCUMENT_NOUNS.contains(head.as_str()) {
        return issuer_of(&words, owned, first, registry);
    }
    // "a United Nations report warned" is that report, as written.
    if words::REPORT_NOUNS.contains(head.as_str()) && !starts_with_article {
        if let Some(publisher) = publisher_of(owned, first, j, registry) {
            return Some(publisher);
        }
    }
    // "the refugee spokesman said", "the former U.N. chief said": a role is the person named
    // with it earlier, or nobody.
    let bare_title = words.len() == 1 && is_role(&head) && owned[first].is_lowercase_word();
    // "the CEO", "her lawyer": a role, of someone in view.
    let definite =
        words.first().is_some_and(|w| matches!(w.as_str(), "the" | "his" | "her" | "their" | "its"));
    if (definite && is_role(&head) && words.len() <= 4) || bare_title {
        // ("The senator said … He added": the title as written is who "he" is; "the top U.S.
        // diplomat in Burma" stays someone the review cannot name.)
        let as_written = (!bare_title).then(|| words.join(" "));
        let at = owned[first].start;
        let title_alone = words.len() == 2;
        return registry.role_holder(&head, owned[j].start, false).or_else(|| {
            as_written.map(|phrase| if title_alone { registry.by_role(at, &phrase) } else { phrase })
        });
    }
    let plain: Vec<&str> = words.iter().map(String::as_str).collect();
    if let Some(person) = described_person(&plain, owned[j].start, registry) {
        return Some(person);
    }
    let phrase = words.join(" ");
    // A lone capitalised common noun at a sentence's start ("Officials said") reads as written.
    let phrase = if first == 0 && words.len() == 1 { phrase.to_lowercase() } else { phrase };
    // "A local resident said …" then "“…,” he said": someone unnamed, by a role, is who a later
    // "he" or "she" means — as written, the fullest name the text gives them.
    let singular = !head.ends_with('s') || head.ends_with("ss");
    let one_person =
        starts_with_article && role_head && singular && !registry.names_someone_after(owned[first].start);
    if one_person {
        return Some(registry.by_role(owned[first].start, &phrase));
    }
    Some(registry.group(owned[j].start, &phrase))
}

/// "the Minister for Business, Enterprise and Innovation said": whoever the text named as
/// holding that office; else the office as written (not whoever holds some office of the same
/// title, nor the person in view, as for "the Minister said": "The Secretary of Defense said"
/// after "Secretary of State Antony Blinken" is not Blinken).
pub(super) fn office_holder(owned: &[Token<'_>], j: usize, registry: &mut Registry) -> Option<String> {
    let (title, key) = crate::names::office_ending_at(owned, j)?;
    if let Some(holder) = registry.office_holder(&key) {
        return Some(holder);
    }
    let the = title > 0 && owned[title - 1].is("the");
    let written = owned[title..=j].iter().fold(String::new(), |mut out, t| {
        if !out.is_empty() && !t.punct(",") {
            out.push(' ');
        }
        out.push_str(t.text);
        out
    });
    let written = if the { format!("the {written}") } else { written };
    Some(written)
}

/// "the Houston resident", "the retired nurse": a definite description of a person is the
/// person in view (named before), when there is one.
/// "The company said" after "Microsoft", "the Washington-based agency" after "the IMF": a lone
/// noun for an organisation is the one in view.
pub(super) fn described_person(words: &[&str], at: usize, registry: &mut Registry) -> Option<String> {
    // ("said the father of four": the noun before "of" is the head.)
    let words = &words[..words.iter().position(|w| *w == "of").unwrap_or(words.len())];
    let head = words.last()?.to_lowercase();
    let definite = words.first().is_some_and(|w| w.eq_ignore_ascii_case("the"));
    // ("the Washington-based agency": where it is based does not make it another.)
    let based = words.len() == 3 && words[1].ends_with("-based");
    let group_noun =
        words::GROUP_NOUNS.contains(head.as_str()) || words::INSTITUTION_NOUNS.contains(head.as_str());
    if definite && (words.len() == 2 || based) && group_noun {
        if let Some(group) = registry.renamed_group(at, &head) {
            return Some(group);
        }
    }
    (definite && words::PERSON_NOUNS.contains(head.as_str())).then(|| registry.described(at)).flatten()
}

/// The organisation named among a publication's modifiers: "Wednesday's Labor Department
/// report" → the Labor Department, "new ONS data" → the ONS (spelled out when the text did).
/// "a U.S. Department of Labor investigation found": the whole name, though the noun phrase
/// (`owned[first..j]`, the words before the publication's noun) began after its "of".
fn publisher_of(owned: &[Token<'_>], first: usize, j: usize, registry: &mut Registry) -> Option<String> {
    let end = (first..j).rev().find(|k| is_name_word(&owned[*k]))?;
    let (start, run) = run_ending_at(owned, end)?;
    let run: Vec<&str> = run
        .iter()
        .map(|w| without_possessive(w))
        .skip_while(|w| words::REPORT_ADJECTIVES.contains(w.to_lowercase().as_str()))
        .collect();
    if run.is_empty() {
        return None;
    }
    let name = name_of_run(&run);
    let the = start > 0 && owned[start - 1].is("the");
    let name = if the || kind_of(&name) == NameKind::Group && !name.contains(['.']) && run.len() > 1 {
        format!("the {name}")
    } else {
        name
    };
    registry.person(owned[start].start, &name)
}

/// A document that speaks ("the statement read", "the Home Office letter said") speaks for
/// whoever issued it: the name before it, else the person or organisation last in view; "a
/// statement" is nobody's in particular.
fn issuer_of(words: &[String], owned: &[Token<'_>], first: usize, registry: &mut Registry) -> Option<String> {
    // "the Scottish Government press release", "its written statement": the issuer before them.
    let kinds = ["press", "news", "written", "joint", "official", "brief"];
    let first_word = words.first()?;
    // The words between the determiner and the document's noun (none for "statement" alone).
    let mut modifiers: &[String] = words.get(1..words.len().saturating_sub(1)).unwrap_or_default();
    while let Some((_, rest)) = modifiers.split_last().filter(|(l, _)| kinds.contains(&l.as_str())) {
        modifiers = rest;
    }
    if modifiers.is_empty() {
        let definite = DETERMINERS.contains(&first_word.as_str()) && first_word != "a" && first_word != "an";
        return definite.then(|| registry.pronoun("they", owned[first].start)).flatten();
    }
    let owner = modifiers.join(" ");
    let owner = without_possessive(&owner).to_owned();
    let name = if first_word == "the" { format!("the {owner}") } else { owner };
    registry.person(owned[first].start, &name)
}

/// Where the noun phrase ending at `j` begins: at its determiner, after an owner, or (for
/// "Observers from the …") at the people before "from".
pub(super) fn phrase_start(owned: &[Token<'_>], j: usize) -> usize {
    let mut first = j;
    let mut taken = 1;
    while first > 0 && taken < 5 {
        let prev = &owned[first - 1];
        let lower = prev.lower();
        if DETERMINERS.contains(&lower) {
            first -= 1;
            let via = first.checked_sub(1).map(|p| owned[p].lower());
            if matches!(via, Some("from" | "at" | "of" | "for" | "in")) && first >= 2 {
                let who = &owned[first - 2];
                // ("Police in the capital said": a collective noun is plural without its "s".)
                let collective = words::COLLECTIVE_NOUNS.contains(who.lower());
                let plural_people = who.kind == Kind::Word
                    && (who.text.ends_with('s') || collective)
                    && !words::CLAUSE_WORDS.contains(who.lower());
                if plural_people && (first == 2 || owned[first - 3].kind != Kind::Word) {
                    first -= 2;
                }
            }
            break;
        }
        // ("the 45-year-old father": a hyphen inside a word joins it.)
        if prev.punct("-") && prev.joined && owned[first].joined && first >= 2 {
            first -= 2;
            continue;
        }
        // ("a Department of Health spokesperson": the small word inside an organisation's name.)
        let inside_name = crate::names::is_connector(lower)
            && lower != "the"
            && first >= 2
            && owned[first - 2].is_capitalized()
            && owned[first].is_capitalized();
        if inside_name {
            first -= 1;
            continue;
        }
        if prev.kind != Kind::Word || words::CLAUSE_WORDS.contains(lower) && !prev.is_acronym() {
            break;
        }
        first -= 1;
        taken += 1;
        if is_possessive(prev.text) && prev.is_capitalized() {
            // "North Korea's KCNA news agency": the owner's whole name.
            while first > 0 && owned[first - 1].is_capitalized() && !is_possessive(owned[first - 1].text) {
                first -= 1;
            }
            break;
        }
    }
    first
}

/// A person's name ending at token `j`, if there is one there.
pub(super) fn person_ending_at(tokens: &[&Token<'_>], j: usize, registry: &mut Registry) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let (first, words) = run_ending_at(&owned, j)?;
    if first > 0 && owned[first - 1].is("the") {
        return None;
    }
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    if words.iter().all(|w| is_title(w)) {
        return registry.holder_of(words.last()?);
    }
    // "Data from the Office for National Statistics showed": a publication, capitalised only
    // because it opens the sentence, is no one — its publisher after "from" is.
    let publication = |w: &&str| {
        let w = w.to_lowercase();
        words::REPORT_NOUNS.contains(w.as_str()) || words::DOCUMENT_NOUNS.contains(w.as_str())
    };
    if words.len() == 1 && words.first().is_some_and(publication) {
        return None;
    }
    registry.person(owned[j].start, &name_of_run(&words))
}

/// A number in digits or words ("three", "1,000").
pub(super) fn is_count(t: &Token<'_>) -> bool {
    t.kind == Kind::Number || words::NUMBER_WORDS.contains_key(t.lower())
}

pub(super) fn is_preposition(t: &Token<'_>) -> bool {
    matches!(t.lower(), "of" | "by" | "in" | "at" | "for" | "from" | "with" | "on")
}

/// Whether the run at `start` is what a title before it is of or for: "(Secretary of the) Air
/// Force".
pub(super) fn of_an_office(phrase: &[Token<'_>], start: usize) -> bool {
    let of = start.checked_sub(1 + usize::from(start >= 1 && phrase[start - 1].is("the")));
    of.filter(|of| *of >= 1 && (phrase[*of].is("of") || phrase[*of].is("for")))
        .is_some_and(|of| is_title(phrase[of - 1].text) && phrase[of - 1].is_capitalized())
}
