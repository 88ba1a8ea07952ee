//! Whether a word is a verb of speech where it stands: "claims" in "asylum claims over 150,000"
//! is a noun, in "the minister claims that" a verb; "the economy added 275,000 jobs" says
//! nothing, "…, she added" does; what a storm "claimed" it took.

use super::DETERMINERS;
use crate::names::is_possessive;
use crate::text::{Kind, Token};
use crate::words;

/// Whether token `v` of `tokens` is a verb of speech here: "claims" in "asylum claims over
/// 150,000" is a noun, in "the minister claims that" a verb.
pub(super) fn speaks(tokens: &[&Token<'_>], v: usize) -> bool {
    let t = tokens[v];
    // "Secretary Shirley-Anne Somerville will tell MSPs today", "the Minister will set out".
    // (Someone will: not "making sure students are vaccinated will tell the town".)
    if v > 1 && tokens[v - 1].is("will") && words::FUTURE_SPEECH_VERBS.contains(t.lower()) {
        return someone_before_will(tokens, v - 2)
            && (!t.is("set") || tokens.get(v + 1).is_some_and(|n| n.is("out")));
    }
    if t.is("according") {
        return tokens.get(v + 1).is_some_and(|n| n.is("to"));
    }
    if words::PLURAL_SPEECH_VERBS.contains(t.lower()) {
        return plural_present_speaks(tokens, v);
    }
    if words::COUNT_VERBS.contains(t.lower()) {
        return counted_by_name(tokens, v);
    }
    // A capital mid-sentence makes a name, not a verb: "the United States said".
    if !is_speech_verb(t) || v > 0 && t.is_capitalized() {
        return false;
    }
    let next = tokens.get(v + 1);
    if words::PUBLICATION_VERBS.contains(t.lower()) {
        return shows(tokens, v);
    }
    // "As Smith put it, …".
    if t.is("put") {
        return next.is_some_and(|n| n.is("it"));
    }
    // "X pointed out, …" — not "pointed to the map".
    if t.is("pointed") {
        return next.is_some_and(|n| n.is("out"));
    }
    // "called on Myanmar to release", "called for calm": an appeal, not words reported.
    if t.is("called") && next.is_some_and(|n| matches!(n.lower(), "on" | "for" | "off" | "in" | "up")) {
        return false;
    }
    // "she outlined the benefits of a market worth €129 billion", "the Chancellor outlined": a
    // person outlines — not "the plan outlined last week", a participle after a thing.
    if t.is("outlined") || t.is("outlines") {
        let person = v.checked_sub(1).map(|p| tokens[p]).is_some_and(|p| {
            is_pronoun(p) || crate::names::is_name_word(p) || crate::names::is_role_word(p.text)
        });
        return person;
    }
    // "four police officers accused of beating a motorist": a charge they face, not words said
    // (unlike "accused the rebels of violating it").
    if t.is("accused") && next.is_some_and(|n| n.is("of")) {
        return false;
    }
    // "the conditions agreed upon by the Euro Summit", "they agreed to pay": no one speaks.
    if t.is("agreed") && next.is_some_and(|n| n.is("upon") || n.is("on") || n.is("to")) {
        return false;
    }
    if words::OBJECT_VERBS.contains(t.lower()) {
        return object_verb_speaks(tokens, v);
    }
    if t.is("claims") && claims_to_have(tokens, v) {
        return true;
    }
    if takes_lives(tokens, v) || found_in_a_search(tokens, v) {
        return false;
    }
    !words::NOUN_VERBS.contains(t.lower()) || noun_verb_speaks(tokens, v)
}

/// Whether the word at `k`, before "will" and a verb of speech, ends a person or their role:
/// "Secretary Shirley-Anne Somerville will tell", "Ms Somerville will confirm", "the minister
/// will say", "she will announce" — not "Time will tell", "Doctors will tell you", "The Online
/// Safety Bill will set out".
fn someone_before_will(tokens: &[&Token<'_>], k: usize) -> bool {
    let word = tokens[k];
    if matches!(word.lower(), "he" | "she" | "they" | "we") {
        return true;
    }
    if word.is_lowercase_word() {
        return crate::names::is_role_word(word.text);
    }
    let owned = crate::names::owned_tokens(&tokens[..=k]);
    let Some((first, name)) = crate::names::name_ending_at(&owned, k) else { return false };
    k > first && crate::names::kind_of(&name) == crate::names::NameKind::Person
}

/// "Workers at the school have found 25 people dead", "rescuers found two survivors alive": a
/// search's finding, not a study's.
fn found_in_a_search(tokens: &[&Token<'_>], v: usize) -> bool {
    if !matches!(tokens[v].lower(), "found" | "find" | "finds") {
        return false;
    }
    // ("A study found 25 percent of patients injured …": a study's finding is its own.)
    let study = v.checked_sub(1).is_some_and(|p| words::REPORT_NOUNS.contains(tokens[p].lower()));
    let number = (v + 1..tokens.len().min(v + 3))
        .find(|k| tokens[*k].kind == Kind::Number || words::NUMBER_WORDS.contains_key(tokens[*k].lower()));
    // The state right after the count or its noun: "25 people dead", "two dead".
    let state = |k: usize| tokens.get(k).is_some_and(|t| words::FOUND_STATES.contains(t.lower()));
    !study && number.is_some_and(|n| state(n + 1) || state(n + 2))
}

/// Whether a verb of speech that is also a noun ("claims", "reports", "estimates") is the verb
/// here: not after a count or a determiner, but after a name or before "that" or an object.
fn noun_verb_speaks(tokens: &[&Token<'_>], v: usize) -> bool {
    let next = tokens.get(v + 1);
    // "farmland in four states", "the reports": after a count or a determiner, a noun.
    let prev = v.checked_sub(1).map(|p| tokens[p]);
    let counted = prev.is_some_and(|p| {
        let lower = p.lower();
        let number_word =
            lower.split('-').all(|part| words::NUMBER_WORDS.contains_key(part) || part == "one");
        p.kind == Kind::Number || number_word || DETERMINERS.contains(&lower) || is_possessive(p.text)
    });
    // ("the EU's 27 member states", "in three northeastern states": a count, a word or two,
    // then the plural is their noun.)
    // (Not a year: "The 2022 annual report states that …".)
    let year = |t: &Token<'_>| t.text.len() == 4 && t.text.starts_with(['1', '2']);
    let is_count =
        |t: &Token<'_>| t.kind == Kind::Number && !year(t) || crate::names::is_number_word(t.lower());
    let counted = counted
        || (2..=3).any(|back| {
            v >= back
                && is_count(tokens[v - back])
                && tokens[v - back + 1..v].iter().all(|t| t.is_lowercase_word())
        });
    // ("the bank's initial estimate", "the new estimate means": after an adjective that dates a
    // report, a noun — while "Economists now estimate", "The police estimate" are verbs.)
    let dated_report =
        prev.is_some_and(|p| p.is_lowercase_word() && words::REPORT_ADJECTIVES.contains(p.lower()));
    // "It notes more than one half of all IDPs …", "She claims": after a pronoun, the verb.
    if prev.is_some_and(is_pronoun) {
        return true;
    }
    // ("Estimates around 9,000 are too low": opening the sentence, a noun.)
    if counted || dated_report || v == 0 && tokens[v].is_capitalized() {
        return false;
    }
    // "The World Bank forecasts growth of 2.4 percent": after a name mid-sentence, the verb.
    // (Not after a month, a weekday, a nationality or "I": "In March estimates …".)
    let name_before = prev.is_some_and(|p| {
        crate::names::is_name_word(p)
            && !p.is("i")
            && crate::names::kind_of(p.text) != crate::names::NameKind::Place
    });
    if v >= 2 && name_before {
        return true;
    }
    // "UNHCR reports one in every eight people …": opening the sentence, a name, then a figure.
    let figure_next = next.is_some_and(|n| {
        n.kind == Kind::Number || words::NUMBER_WORDS.contains_key(n.lower()) || n.is("one")
    });
    if v == 1 && name_before && figure_next {
        return true;
    }
    next.is_none_or(|n| n.kind != Kind::Word || n.is_capitalized() || words::VERB_OBJECTS.contains(n.lower()))
}

/// A verb of speech in the plain present, which is mostly a noun or an infinitive too ("stress",
/// "note", "to note"): a verb only with a subject right before it — a pronoun, a name or a plural
/// — and "that", a colon or the sentence's end after it ("The IMF note that", "Experts predict
/// that", '…," analysts warn.'), not "Under stress, workers …" or "Toyota's recall, …".
fn plural_present_speaks(tokens: &[&Token<'_>], v: usize) -> bool {
    let Some(prev) = v.checked_sub(1).map(|p| tokens[p]) else { return false };
    let lower = prev.lower();
    let pronoun = matches!(lower, "they" | "we" | "you" | "i");
    let name = v >= 2 && crate::names::is_name_word(prev) && !crate::names::is_possessive(prev.text);
    // ("Experts predict that": a plural opening the sentence is capitalised.)
    // (Not a singular in -s: "a news report that", "the progress report", "a status report".)
    let singular_in_s =
        lower.ends_with("ss") || lower.ends_with("us") || words::SINGULAR_NOUNS_IN_S.contains(lower);
    let after_a = v >= 2 && matches!(tokens[v - 2].lower(), "a" | "an");
    let plural = (prev.is_lowercase_word() || v == 1 && prev.kind == Kind::Word)
        && lower.ends_with('s')
        && !singular_in_s
        && !after_a
        && !crate::names::is_possessive(prev.text);
    let next = tokens.get(v + 1);
    // ("The numbers report 300 deaths": figures report nothing.)
    let reports_figure = figure_object(tokens, v) && !words::REPORT_NOUNS.contains(lower);
    let then = next.is_none_or(|n| n.is("that") || n.punct(":.!?")) || reports_figure;
    (pronoun || name || plural) && then
}

/// "The disease has claimed more than 4,000 victims", "Michael claimed at least 11 lives", "the
/// virus has claimed nearly 3,000 American lives": what a storm or a disease claims, it takes —
/// not "He claimed 300 people lost their lives" nor "The mayor claimed 40 victims had been
/// ignored", where a clause follows (a verb before the lives word, or one right after it).
fn takes_lives(tokens: &[&Token<'_>], v: usize) -> bool {
    if !tokens[v].lower().starts_with("claim") {
        return false;
    }
    let object: Vec<&&Token<'_>> =
        tokens[v + 1..].iter().take(6).take_while(|n| n.kind != Kind::Punct || n.text == ",").collect();
    let Some(lives) = object.iter().position(|n| words::LIVES_TAKEN.contains(n.lower())) else {
        return false;
    };
    let verb =
        |n: &&&Token<'_>| words::FINITE_VERBS.contains(n.lower()) || words::TOLL_WORDS.contains(n.lower());
    let verb_before = object[..lives].iter().any(|n| verb(n) || words::LIVES_VERBS.contains(n.lower()));
    let verb_after = tokens.get(v + 2 + lives).is_some_and(|n| verb(&n) || is_be(n));
    !verb_before && !verb_after
}

/// "The Census Bureau counted two million farms", "NOAA measured 2022's average as 14.76
/// degrees": an organisation's name right before a verb of counting, a figure in the clause after
/// it — not "the hospital recorded", nor "Smith measured 6 feet".
fn counted_by_name(tokens: &[&Token<'_>], v: usize) -> bool {
    // ("… Administration (NOAA) measured": past the abbreviation in brackets.)
    let subject = past_abbreviation(tokens, v);
    // (An organisation's name: "Smith measured 6 feet", "Lombardy counted 300 new cases" and
    // "Hurricane Ian measured 150 miles across" are the writer's narration.)
    let named = subject.checked_sub(1).map(|p| tokens[p]).is_some_and(|p| {
        crate::names::is_name_word(p)
            && !crate::names::is_possessive(p.text)
            && crate::names::kind_of(p.text) == crate::names::NameKind::Group
    });
    let clause = tokens[v + 1..].iter().take(10).take_while(|t| t.kind != Kind::Punct || t.text == "'");
    named && clause.into_iter().any(|t| t.kind == Kind::Number || t.lower() == "million")
}

/// "The organization claims to have planted …": a singular subject with its determiner, then
/// "to have" and a participle — not "asylum claims to be processed" nor "The compensation
/// claims to have been settled", which are claims made, not someone claiming.
fn claims_to_have(tokens: &[&Token<'_>], v: usize) -> bool {
    let infinitive = tokens.get(v + 1).is_some_and(|t| t.is("to"))
        && tokens.get(v + 2).is_some_and(|t| t.is("have"))
        && tokens.get(v + 3).is_some_and(|t| t.is_lowercase_word() && !t.is("been"));
    let subject = v >= 2
        && tokens[v - 1].is_lowercase_word()
        && !tokens[v - 1].lower().ends_with('s')
        && DETERMINERS.contains(&tokens[v - 2].lower());
    infinitive && subject
}

/// Whether a figure is the object of the verb at `v`, a verb that reports one, within two plain
/// words of it ("Local authorities report 300 deaths", "Officials confirm more than 2,000") —
/// not "Tariffs add 25 percent to the price".
pub(super) fn figure_object(tokens: &[&Token<'_>], v: usize) -> bool {
    if !words::FIGURE_REPORT_VERBS.contains(tokens[v].lower()) {
        return false;
    }
    let mut after = tokens[v + 1..].iter().take(3);
    after.find(|t| !t.is_lowercase_word()).is_some_and(|t| t.kind == Kind::Number)
}

/// Whether a verb that also takes an object ("added", "noted", "estimated") is a verb of speech
/// here: "He added: …", "…," she added, "they estimated that", "Officials reported last week
/// that", "…," Smith added in an email' — not "the economy added 275,000 jobs" or "it noted a
/// rise".
fn object_verb_speaks(tokens: &[&Token<'_>], v: usize) -> bool {
    let next = tokens.get(v + 1);
    // "They estimated by 2050, …": a year after "by" or "in" opens a clause, not an object.
    let year_after = |n: &Token<'_>| {
        (n.is("by") || n.is("in"))
            && tokens.get(v + 2).is_some_and(|y| y.kind == Kind::Number && y.text.len() == 4)
    };
    // '…," added KCNA': the verb first, then its subject.
    let inverted = v == 0 || tokens[v - 1].kind == Kind::Punct;
    let when = |t: &Token<'_>| words::is_when(t.lower());
    let after_time = tokens[v + 1..].iter().take(3).find(|t| !when(t));
    if next.is_some_and(|n| when(n)) && after_time.is_some_and(|t| t.is("that")) {
        return true;
    }
    // "…, the Labor Department reported Friday.", "reported on Monday.": a time, then the end.
    let on_a_day = next.is_some_and(|n| n.is("on")) && tokens.get(v + 2).is_some_and(|d| when(d));
    let dated = next.is_some_and(|n| when(n)) || on_a_day;
    let ends = tokens[v + 1..].iter().skip(usize::from(on_a_day)).find(|t| !when(t));
    if dated && ends.is_none_or(|t| t.punct(".") || t.punct(",")) {
        return true;
    }
    let medium = tokens[v + 1..].iter().skip(1).take(3).any(|t| words::MEDIA_NOUNS.contains(t.lower()));
    if next.is_some_and(|n| matches!(n.lower(), "in" | "on" | "during")) && medium {
        return true;
    }
    // '"…," added the FDIC.', '"…," added the minister.': the subject after the verb, to the
    // sentence's end.
    // (Its head a name or a role: not '"…," added the ticket price for children'.)
    let subject_to_the_end = || {
        let phrase: Vec<&&Token<'_>> = tokens[v + 2..].iter().take_while(|t| t.kind != Kind::Punct).collect();
        let plain = |t: &&&Token<'_>| !words::CLAUSE_WORDS.contains(t.lower()) || t.is("of") || t.is("for");
        let head = phrase.iter().take_while(|t| !t.is("of") && !t.is("for")).last();
        let someone = head.is_some_and(|h| h.is_capitalized() || crate::names::is_role_word(h.text));
        (1..=5).contains(&phrase.len())
            && phrase.iter().all(plain)
            && someone
            && tokens.get(v + 2 + phrase.len()).is_none_or(|t| t.punct(".,"))
    };
    if inverted && next.is_some_and(|n| n.is("the")) && subject_to_the_end() {
        return true;
    }
    next.is_none_or(|n| {
        n.kind == Kind::Punct && !matches!(n.text, "$" | "€" | "£" | "¥" | "₹" | "(")
            || inverted && n.is_capitalized()
            || n.is("that")
            || year_after(n)
            || matches!(n.lower(), "it" | "he" | "she" | "they" | "we" | "there")
    })
}

/// "Figures from the ONS show", "polls show", "The agency's data show" — not "the show", "a TV
/// show", "Jimmy Fallon's show", "The Rolling Stones show in Paris", nor "he noted the findings
/// show" (his words) or "The figures show" (no publisher named: the release's own voice).
fn shows(tokens: &[&Token<'_>], v: usize) -> bool {
    let publication = |p: &Token<'_>| {
        let lower = p.lower();
        words::REPORT_NOUNS.contains(lower)
            || lower.strip_suffix('s').is_some_and(|one| words::REPORT_NOUNS.contains(one))
    };
    let name = |t: &Token<'_>| {
        t.is_capitalized() && crate::names::kind_of(t.text) != crate::names::NameKind::Place
            || is_possessive(t.text)
    };
    let named = (v.saturating_sub(6).max(1)..v).any(|k| name(tokens[k]));
    // ("Figures from the Scottish Funding Council show": the publication opens the phrase.)
    let published = (v.saturating_sub(10)..v).any(|k| publication(tokens[k]));
    // ("Figures published by the Office for National Statistics (ONS) show": past the
    // abbreviation in brackets.)
    let before = past_abbreviation(tokens, v);
    let Some(prev) = before.checked_sub(1).map(|p| tokens[p]).filter(|p| p.kind == Kind::Word) else {
        return false;
    };
    publication(prev) && named || prev.is_capitalized() && !is_possessive(prev.text) && published
}

pub fn is_speech_verb(t: &Token<'_>) -> bool {
    let lower = t.lower();
    t.kind == Kind::Word && (words::SPEECH_VERBS.contains(lower) || words::OPINION_VERBS.contains(lower))
}

pub(super) fn is_participle(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && words::PARTICIPLES.contains(t.lower())
}

/// A form of "be" before a participle: a passive ("was told") or a progressive ("is predicting").
pub(super) fn is_be(t: &Token<'_>) -> bool {
    matches!(t.lower(), "is" | "are" | "was" | "were" | "been" | "be")
}

pub(super) fn is_pronoun(t: &Token<'_>) -> bool {
    matches!(t.lower(), "he" | "she" | "they" | "it")
}

/// Where the words before token `v` end once an abbreviation in brackets right before it is
/// passed ("… Administration (NOAA) measured", "the Office for National Statistics (ONS) show"):
/// the bracket's opening, else `v`.
fn past_abbreviation(tokens: &[&Token<'_>], v: usize) -> usize {
    let bracketed = v >= 4 && tokens[v - 1].punct(")") && tokens[v - 3].punct("(");
    if bracketed {
        v - 3
    } else {
        v
    }
}
