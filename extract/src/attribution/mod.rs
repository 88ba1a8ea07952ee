//! Who is credited with a quote or a figure: "X said", "said X", "X told reporters", "according
//! to X", "X, a Carnegie expert, said", "calling them …" (the sentence's subject), "he said".

mod labels;
mod phrases;
mod signed;
#[cfg(test)]
mod source_tests;
mod sources;
mod subject;
#[cfg(test)]
mod tests;

use crate::names::{is_possessive, name_of_run, run_ending_at, run_starting_at};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;
use labels::inline_label;
pub use labels::{heads_quotations, is_initials, opens_with_label, title_case, transcript_label};
use phrases::{noun_phrase_ending_at, subject_after};
pub use signed::{introduced_speaker, sign_off};
use sources::{announced_by, forecast_of, participle_after_a_noun, put_at};
pub use sources::{in_relative_clause, second_source};
use subject::opening_apposition;
pub use subject::sentence_subject;

pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

/// Whether token `v` of `tokens` is a verb of speech here: "claims" in "asylum claims over
/// 150,000" is a noun, in "the minister claims that" a verb.
fn speaks(tokens: &[&Token<'_>], v: usize) -> bool {
    /// What follows a verb of speech that is also a noun, when it is the verb.
    const OBJECTS: &[&str] = &[
        "that", "the", "a", "an", "it", "he", "she", "they", "we", "there", "its", "their", "his", "her",
        "some", "about", "at", "only", "just", "more", "nearly", "almost", "up",
    ];
    let t = tokens[v];
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
    // "The disease has claimed more than 4,000 victims", "Michael claimed at least 11 lives":
    // what a storm or a disease claims, it takes.
    let takes_lives = || {
        let object = tokens[v + 1..].iter().take(6).take_while(|n| n.kind != Kind::Punct || n.text == ",");
        object.filter(|n| n.kind == Kind::Word).any(|n| words::LIVES_TAKEN.contains(n.lower()))
    };
    if t.lower().starts_with("claim") && takes_lives() {
        return false;
    }
    if !words::NOUN_VERBS.contains(t.lower()) {
        return true;
    }
    // "farmland in four states", "the reports": after a count or a determiner, a noun.
    let prev = v.checked_sub(1).map(|p| tokens[p]);
    let counted = prev.is_some_and(|p| {
        let lower = p.lower();
        let number_word =
            lower.split('-').all(|part| words::NUMBER_WORDS.contains_key(part) || part == "one");
        p.kind == Kind::Number || number_word || DETERMINERS.contains(&lower)
    });
    if counted {
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
    next.is_none_or(|n| n.kind != Kind::Word || n.is_capitalized() || OBJECTS.contains(&n.lower()))
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

/// "The Census Bureau counted two million farms", "NOAA measured 2022's average as 14.76
/// degrees": a name right before a verb of counting, a figure in the clause after it — not "the
/// hospital recorded", nor "Smith recorded a song".
fn counted_by_name(tokens: &[&Token<'_>], v: usize) -> bool {
    // ("… Administration (NOAA) measured": past the abbreviation in brackets.)
    let bracketed = v >= 4 && tokens[v - 1].punct(")") && tokens[v - 3].punct("(");
    let subject = if bracketed { v - 3 } else { v };
    let named = subject.checked_sub(1).map(|p| tokens[p]).is_some_and(|p| {
        crate::names::is_name_word(p)
            && !crate::names::is_possessive(p.text)
            && crate::names::kind_of(p.text) != crate::names::NameKind::Place
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
fn figure_object(tokens: &[&Token<'_>], v: usize) -> bool {
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
    let bracketed = v >= 4 && tokens[v - 1].punct(")") && tokens[v - 3].punct("(");
    let before = if bracketed { v - 3 } else { v };
    let Some(prev) = before.checked_sub(1).map(|p| tokens[p]).filter(|p| p.kind == Kind::Word) else {
        return false;
    };
    publication(prev) && named || prev.is_capitalized() && !is_possessive(prev.text) && published
}

pub fn is_speech_verb(t: &Token<'_>) -> bool {
    let lower = t.lower();
    t.kind == Kind::Word && (words::SPEECH_VERBS.contains(lower) || words::OPINION_VERBS.contains(lower))
}

fn is_participle(t: &Token<'_>) -> bool {
    t.kind == Kind::Word && words::PARTICIPLES.contains(t.lower())
}

/// A form of "be" before a participle: a passive ("was told") or a progressive ("is predicting").
pub(super) fn is_be(t: &Token<'_>) -> bool {
    matches!(t.lower(), "is" | "are" | "was" | "were" | "been" | "be")
}

pub(super) fn is_pronoun(t: &Token<'_>) -> bool {
    matches!(t.lower(), "he" | "she" | "they" | "it")
}

/// A span of tokens to look in: a slice of one sentence's tokens with the quotes left out.
/// `None` entries stand where a quotation was.
pub type Context<'t, 'a> = &'t [Option<&'t Token<'a>>];

/// Who a rule credited, whether through a pronoun (less sure), and whether through a verb of
/// showing ("ABS data reveals", "figures from the ONS show"): a source of figures, not a speaker.
#[derive(Clone, Debug, PartialEq)]
pub struct Credit {
    pub name: String,
    pub by_pronoun: bool,
    pub by_data: bool,
}

fn credit(name: Option<String>, registry: &mut Registry) -> Option<Credit> {
    let by_pronoun = registry.take_pronoun_used();
    name.map(|name| Credit { name, by_pronoun, by_data: false })
}

/// The speaker credited for the quote at `quote` (an index of a `None` in `ctx`), looking first
/// after it (", he said"), then before it ("X said: …").
pub fn for_quote(ctx: Context<'_, '_>, quote: usize, registry: &mut Registry) -> Option<Credit> {
    let _ = registry.take_pronoun_used();
    let name = quote_speaker(ctx, quote, registry);
    credit(name, registry)
}

fn quote_speaker(ctx: Context<'_, '_>, quote: usize, registry: &mut Registry) -> Option<String> {
    let next_quote = ctx[quote + 1..].iter().position(Option::is_none).map_or(ctx.len(), |p| quote + 1 + p);
    let prev_quote = ctx[..quote].iter().rposition(Option::is_none).map_or(0, |p| p + 1);
    let after: Vec<&Token<'_>> = ctx[quote + 1..next_quote].iter().flatten().copied().collect();
    let before: Vec<&Token<'_>> = ctx[prev_quote..quote].iter().flatten().copied().collect();
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    let all_before: Vec<&Token<'_>> = ctx[..quote].iter().flatten().copied().collect();
    inline_label(&before, registry)
        .or_else(|| after_quote(&after, &sentence, registry))
        .or_else(|| before_quote(&before, &sentence, registry))
        .or_else(|| (prev_quote > 0).then(|| before_quote(&all_before, &sentence, registry)).flatten())
}

/// Whether the quote's sentence credits it with a verb of speech at all ("…," the Russian said),
/// even when the one credited is nobody the sieve may name: then later rules must not guess.
pub fn is_attributed(ctx: Context<'_, '_>, quote: usize) -> bool {
    let next_quote = ctx[quote + 1..].iter().position(Option::is_none).map_or(ctx.len(), |p| quote + 1 + p);
    let after = ctx[quote + 1..next_quote].iter().flatten().take(8);
    let before = ctx[..quote].iter().flatten();
    // (Not the verbs of opinion, which count only where `speaks` reads them as verbs: "Many of
    // us expect …" in a label's line attributes nothing.)
    after.chain(before).any(|t| {
        words::SPEECH_VERBS.contains(t.lower()) && !words::NOUN_VERBS.contains(t.lower())
            || is_participle(t)
            || t.is("according")
    })
}

/// The speaker credited anywhere in a sentence (for a numeric claim).
pub fn in_sentence(ctx: Context<'_, '_>, registry: &mut Registry) -> Option<Credit> {
    let _ = registry.take_pronoun_used();
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    // "in what Amnesty International called a deep crackdown": that phrase is theirs, not the
    // sentence's figures.
    // ("That's what Wilberforce Onyango believes.": what ends the sentence names nothing.)
    let names_a_phrase = |v: usize| {
        sentence[v.saturating_sub(4)..v].iter().any(|t| t.is("what"))
            && sentence.get(v + 1).is_some_and(|t| t.kind == Kind::Word)
    };
    // "The IMF is predicting 3.3 percent growth": a verb of speech in its progressive form.
    let progressive = |v: usize| is_participle(sentence[v]) && v > 0 && is_be(sentence[v - 1]);
    let mut verbs: Vec<usize> = (0..sentence.len())
        .filter(|v| (speaks(&sentence, *v) || progressive(*v)) && !names_a_phrase(*v))
        .collect();
    // "this year the city expects about 6 million visitors according to the event website": the
    // source a sentence names comes before whoever else speaks in it.
    verbs.sort_by_key(|v| !sentence[*v].is("according"));
    for v in verbs {
        if let Some(name) = credited_by(&sentence, v, &sentence, registry) {
            // (Data shows a figure; a person who "revealed" or "found" it may speak on.)
            let by_data = words::DATA_VERBS.contains(sentence[v].lower())
                && crate::names::kind_of(&name) != crate::names::NameKind::Person;
            return credit(Some(name), registry).map(|c| Credit { by_data, ..c });
        }
    }
    let name = announced_by(&sentence, registry)
        .or_else(|| forecast_of(&sentence, registry))
        .or_else(|| put_at(&sentence, registry));
    name.and_then(|name| credit(Some(name), registry))
}

/// "The following is a statement from NASA Administrator Sean O'Keefe", "Here is a letter by
/// …", "SBA issued the following statement today from Administrator Karen Mills", "Sean Fraser,
/// Minister of Immigration, issued the following statement:": the person a document is from, who
/// speaks in the quotation paragraphs after it.
pub fn document_author(ctx: Context<'_, '_>, registry: &mut Registry) -> Option<String> {
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    let document = |k: usize| words::DOCUMENT_NOUNS.contains(sentence[k].lower());
    // ("statement today from": a time word may stand between.)
    let from = (1..sentence.len()).find(|k| {
        let by = sentence[*k].is("from") || sentence[*k].is("by");
        let when = |d: usize| words::BETWEEN.contains(sentence[d].lower());
        by && (document(k - 1) || *k >= 2 && when(k - 1) && document(k - 2))
    });
    let name = match from {
        Some(from) => subject_after(&sentence, from, registry)?,
        None => issuer_of_the_following(&sentence, registry)?,
    };
    let person = name.contains(' ') && crate::names::kind_of(&name) == crate::names::NameKind::Person;
    person.then_some(name)
}

/// "Sean Fraser, Minister of Immigration, issued the following statement today:": the subject of
/// a sentence that issues or releases "the following" document.
fn issuer_of_the_following(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let v = sentence.iter().position(|t| matches!(t.lower(), "issued" | "released" | "made" | "gave"))?;
    let following = sentence.get(v + 1).is_some_and(|t| t.is("the"))
        && sentence.get(v + 2).is_some_and(|t| t.is("following"));
    following.then(|| sentence_subject(sentence, registry)).flatten()
}

/// ", he said", " Lopez told reporters", ", said Alexander Gabuev, a Carnegie expert".
fn after_quote(after: &[&Token<'_>], sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    // '…," Tyler Walker (@tbawalker) of Marietta College tweeted': a short aside in brackets
    // (a handle, an age, a party) stands outside the attribution.
    let after = without_brackets(after);
    let after = after.as_slice();
    let first_word = after.iter().position(|t| t.kind != Kind::Punct)?;
    // "…," Stephen J. Adler, president and editor in chief of Reuters, said: an "and" inside
    // the aside (nor one in a role before the name) does not end the attribution.
    let aside = aside_before_verb(after, first_word);
    let clause_end = (first_word..after.len()).find(|k| {
        words::CLAUSE_BREAKS.contains(after[*k].lower())
            && !aside.as_ref().is_some_and(|a| a.contains(k))
            && !and_in_portfolio(after, *k)
            && !and_in_office(after, *k)
            && !crate::names::and_in_organisation(after, *k)
    });
    let clause_end = clause_end.unwrap_or(after.len());
    // "…," Dr. Ana García, head of emergency medicine at La Paz hospital, told AP: a name and
    // an apposition between commas may stand before the verb.
    // A role before the name may be long: "the U.N.'s high commissioner for human rights,
    // Volker Turk, told…".
    // ('…," read a statement from Hamas': what a document reads, its issuer says.)
    let reads = after[first_word].is("read") || after[first_word].is("reads");
    let document = after[first_word + 1..].iter().take(3).any(|t| words::DOCUMENT_NOUNS.contains(t.lower()));
    if reads && document {
        return subject_after(after, first_word, registry);
    }
    let apposition = after.iter().skip(first_word).take(12).position(|t| t.punct(","));
    let reach = if apposition.is_some() { 30 } else { 10 };
    let window = &after[..clause_end.min(first_word + reach)];
    // ("…," the official, who asked not to be named, told AFP: the aside's verb speaks of nothing.)
    let relative = |v: usize| window[v.saturating_sub(2)..v].iter().any(|t| t.is_who());
    let v = (0..window.len()).find(|v| speaks(window, *v) && !relative(*v))?;
    if v > first_word + 10 && !window[v - 1].punct(",") {
        return None;
    }
    // ('…," according to Smith': the source after "to".)
    if v == first_word && !after[v].is("according") {
        return subject_after(after, v, registry);
    }
    credited_by(after, v, sentence, registry)
}

/// Whether token `k` is the "and" of a portfolio before a title and a name ("Social Development
/// and Employment Minister Louise Upston says"), which ends no attribution.
fn and_in_portfolio(tokens: &[&Token<'_>], k: usize) -> bool {
    k > 0 && crate::names::is_and_in_portfolio(tokens[k - 1], tokens[k], tokens[k + 1..].iter().copied())
}

/// Whether token `k` is the "and" inside an office's name before its title ("the Health and
/// Social Care Secretary said"), which ends no attribution.
fn and_in_office(tokens: &[&Token<'_>], k: usize) -> bool {
    k > 0 && crate::names::is_and_in_office(tokens[k - 1], tokens[k], tokens[k + 1..].iter().copied())
}

/// The tokens without any short aside in brackets ("(@tbawalker)", "(D-Mass.)").
fn without_brackets<'t, 'a>(tokens: &[&'t Token<'a>]) -> Vec<&'t Token<'a>> {
    let mut kept = Vec::with_capacity(tokens.len());
    let mut k = 0;
    while k < tokens.len() {
        let close = tokens[k]
            .punct("(")
            .then(|| (k + 1..tokens.len().min(k + 7)).find(|c| tokens[*c].punct(")")))
            .flatten();
        match close {
            Some(close) => k = close + 1,
            None => {
                kept.push(tokens[k]);
                k += 1;
            }
        }
    }
    kept
}

/// The aside between the two commas after a quote's speaker, when a verb of speech follows it
/// ("Jane Doe, head of research and policy at the bank, said").
/// An aside may list ("Katainen, responsible for Jobs, Growth, Investment and Competitiveness,
/// said"): its end is the comma a verb of speech follows; a role before the name may hold an
/// "and" too ("Sudan's Minister of Labor and Social Development, Lena el-Sheikh, told").
fn aside_before_verb(after: &[&Token<'_>], first_word: usize) -> Option<std::ops::Range<usize>> {
    let open = first_word + after.iter().skip(first_word).take(12).position(|t| t.punct(","))?;
    let close = (open + 1..after.len().min(open + 26))
        .find(|c| after[*c].punct(",") && (c + 1..after.len().min(c + 3)).any(|v| speaks(after, v)))?;
    Some(first_word..close)
}

/// "Putin said: …", "according to the ministry, …", "Gabuev described them as …".
fn before_quote(before: &[&Token<'_>], sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    // "in the words of the Crown prosecutor, Mark Tedeschi, QC, …".
    let words_of = before.windows(2).rposition(|w| w[0].is("words") && w[1].is("of"));
    if let Some(k) = words_of {
        return subject_after(before, k + 1, registry);
    }
    let v = (0..before.len())
        .rev()
        .find(|v| speaks(before, *v) || is_participle(before[*v]) || quotes_as_object(before, *v));
    match v {
        Some(v) => credited_by(before, v, sentence, registry),
        None => introduced_by_colon(before, registry),
    }
}

/// Whether the verb at `v` takes the quotation right after `before` as its object or its
/// complement, within a few words and the same clause: "declared highway deaths a “national
/// tragedy”", "The Nobel committee cited “…”", "They call for “…”".
fn quotes_as_object(before: &[&Token<'_>], v: usize) -> bool {
    let between = &before[v + 1..];
    words::QUOTING_VERBS.contains(before[v].lower())
        && between.len() <= 8
        && !between.iter().any(|t| t.punct(".;:") || t.is_who() || t.is("that"))
}

/// "The minister, Jane Smith, was blunt: …", "Jane Smith's message was clear: …", "For Jane
/// Smith, the answer is simple: …": a clause without a verb of speech that ends in a colon
/// before the quotation introduces its speaker — the person it is about.
fn introduced_by_colon(before: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    if !before.last().is_some_and(|t| t.punct(":")) {
        return None;
    }
    let clause = &before[..before.len() - 1];
    // ("TREANOR:", "Anna Keller:", "Secretary of the Air Force James Roche:": a transcript's
    // label, read as one elsewhere.)
    let label_word = |t: &&Token<'_>| {
        t.kind == Kind::Word && (t.is_capitalized() || crate::names::is_connector(t.text)) || t.punct(".")
    };
    if !clause.iter().any(|t| t.is_lowercase_word()) || clause.iter().all(label_word) {
        return None;
    }
    let owned: Vec<Token<'_>> = clause.iter().map(|t| (*t).clone()).collect();
    // The clause's subject, named: at its start ("Jane Smith's message was clear:"), after an
    // opening "For" ("For Jane Smith, the answer is simple:"), or in apposition to an opening
    // role ("The minister, Jane Smith, was blunt:") — not a name further in ("The letter to
    // Prime Minister Boris Johnson from 40 doctors was clear:" is not his).
    // After an opening "As" only with a verb of speech in the clause ("As Walter Radermacher,
    // Director-General of Eurostat, states in the foreword:"; not "As Obama arrived, the crowd
    // chanted:").
    let speech = clause.iter().any(|t| words::SPEECH_VERBS.contains(t.lower()));
    let opener = |t: &Token<'_>| t.is("for") || t.is("as") && speech;
    let subject_at = |k: usize| k == 0 || k == 1 && opener(&owned[0]) || k <= 4 && owned[k - 1].punct(",");
    let person = (0..owned.len().min(6)).filter(|k| subject_at(*k)).find_map(|k| {
        let (_, words) = crate::names::run_starting_at(&owned, k)?;
        let words: Vec<&str> = words.iter().map(|w| crate::names::without_possessive(w)).collect();
        let name = crate::names::name_of_run(&words);
        // ("Supporters of Donald Trump carried …": the name after "of" is not the subject.)
        let first = name.split(' ').next().unwrap_or_default();
        let placed = words.iter().take_while(|w| **w != first).any(|w| *w == "of" || *w == "for");
        let person = name.contains(' ') && crate::names::kind_of(&name) == crate::names::NameKind::Person;
        (person && !placed).then_some((k, name))
    });
    person.and_then(|(k, name)| registry.person(owned[k].start, &name))
}

/// Whoever the verb at `v` credits.
fn credited_by(
    tokens: &[&Token<'_>],
    v: usize,
    sentence: &[&Token<'_>],
    registry: &mut Registry,
) -> Option<String> {
    let verb = tokens[v];
    if verb.is("according") {
        return tokens.get(v + 1).filter(|t| t.is("to")).and_then(|_| subject_after(tokens, v + 1, registry));
    }
    if let Some(agent) = passive_agent(tokens, v, registry) {
        return Some(agent);
    }
    if let Some(agent) = participle_after_a_noun(tokens, v, registry) {
        return agent;
    }
    // "the document was found by a passerby", "he was told": the one spoken to or of (not "is
    // predicting", a progressive).
    let passive = !is_participle(verb) && v.checked_sub(1).is_some_and(|p| is_be(tokens[p]));
    if passive && !tokens.get(v + 1).is_some_and(|t| t.is("as")) {
        return None;
    }
    if is_participle(verb) {
        // "Zapatero continued by saying that …", "he responded by stating": the subject of the
        // verb before "by".
        let by = v.checked_sub(3).filter(|k| tokens[k + 2].is("by") && tokens[k + 1].is_lowercase_word());
        if let Some(name) = by.and_then(|k| noun_phrase_ending_at(tokens, k, registry)) {
            return Some(name);
        }
        // "But the Washington-based agency is projecting …": a progressive's subject is found as a
        // finite verb's is, before its "is".
        let be = v.checked_sub(1).filter(|p| is_be(tokens[*p]));
        if let Some(Subject::Named(name)) = be.and_then(|be| subject_before(tokens, be, registry)) {
            return Some(name);
        }
        // "with Boswell stating:", "the government recommending …": the phrase just before.
        let before = v.checked_sub(1).map(|p| tokens[p]);
        if before.is_some_and(|t| t.kind == Kind::Word && !words::CLAUSE_WORDS.contains(t.lower())) {
            if let Some(name) = noun_phrase_ending_at(tokens, v - 1, registry) {
                return Some(name);
            }
        }
        if let Some(name) = quoted_as_saying(tokens, v, registry) {
            return Some(name);
        }
        return sentence_subject(sentence, registry);
    }
    // "… because, says Amtrak's Steve Kulm, those states …": a verb after a comma with a name
    // after it is an inverted aside; the name speaks.
    let says = matches!(tokens[v].lower(), "says" | "said");
    let inverted =
        says && v > 0 && tokens[v - 1].punct(",") && tokens.get(v + 1).is_some_and(|t| t.is_capitalized());
    if let Some(name) = inverted.then(|| subject_after(tokens, v, registry)).flatten() {
        return Some(name);
    }
    match subject_before(tokens, v, registry) {
        Some(Subject::Named(name)) => Some(name),
        Some(Subject::Conjoined) => sentence_subject(sentence, registry),
        // "…, said Jane Doe, an analyst": the speaker follows the verb.
        // (Not "The statement, signed by 40 economists, said the plan was …": a clause follows.)
        None if (v == 0 || tokens[..v].iter().all(|t| t.kind == Kind::Punct) || tokens[v - 1].punct(","))
            && !clause_follows(tokens, v) =>
        {
            subject_after(tokens, v, registry)
        }
        None => None,
    }
}

/// Whether a clause, not a speaker, follows the verb at `v`: a finite verb among the next few
/// words ("said the plan was flawed", "said prices had risen").
fn clause_follows(tokens: &[&Token<'_>], v: usize) -> bool {
    // (Up to a relative pronoun: "said union boss Sharon Graham who has led Unite" names her.)
    let relative = |t: &&&Token<'_>| t.is_who() || t.is("whose") || t.is("which") || t.is("that");
    let words = tokens[v + 1..].iter().take(6).take_while(|t| t.kind == Kind::Word && !relative(t));
    words.skip(1).any(|t| words::FINITE_VERBS.contains(t.lower()))
}

/// "is being described by EU officials as possibly …", "was called … by the minister": the agent
/// after "by" speaks; the phrase ends at "as" (what it was called follows).
fn passive_agent(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    if !tokens.get(v + 1).is_some_and(|t| t.is("by")) || is_participle(tokens[v]) {
        return None;
    }
    let end = (v + 2..tokens.len().min(v + 8)).find(|k| tokens[*k].is("as"))?;
    let agent = &tokens[..end];
    let plural = agent.last().is_some_and(|t| {
        t.is_lowercase_word() && words::ROLE_NOUNS.contains(t.lower().trim_end_matches('s'))
    });
    if plural {
        // "by EU officials": the officials, with whom they serve.
        let words: Vec<&str> = agent[v + 2..].iter().map(|t| t.text).collect();
        return Some(registry.group(agent[v + 2].start, &words.join(" ")));
    }
    subject_after(agent, v + 1, registry)
}

/// "…, and local official, Huang Limin was quoted by the Xinhua news service as saying:": the
/// one quoted is the phrase before "was quoted", wherever the sentence began; "The Times quoted
/// John Smith as saying": the phrase after "quoted".
fn quoted_as_saying(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    if !v.checked_sub(1).is_some_and(|p| tokens[p].is("as")) {
        return None;
    }
    let quoted = (v.saturating_sub(10)..v).rev().find(|k| tokens[*k].is("quoted"))?;
    let be = quoted.checked_sub(1).filter(|b| matches!(tokens[*b].lower(), "was" | "were" | "is" | "been"));
    match be {
        Some(be) => noun_phrase_ending_at(tokens, be.checked_sub(1)?, registry),
        // "The Times quoted John Smith as saying": the one between "quoted" and "as".
        None => (v - 2 > quoted).then(|| noun_phrase_ending_at(tokens, v - 2, registry)).flatten(),
    }
}

enum Subject {
    Named(String),
    /// "… and said": the subject is the sentence's.
    Conjoined,
}

fn subject_before(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<Subject> {
    if let Some(name) = subject_of_relative_clause(tokens, v, registry) {
        return Some(Subject::Named(name));
    }
    let mut j = v.checked_sub(1)?;
    loop {
        // "Honda last week said", "the minister on Monday said".
        let when = j >= 1
            && words::is_when(tokens[j].lower())
            && matches!(tokens[j - 1].lower(), "last" | "this" | "on" | "next" | "earlier" | "late");
        // "the National Disaster Management Agency (BNPB) said": the name before its abbreviation.
        let abbreviation =
            j >= 3 && tokens[j].punct(")") && tokens[j - 2].punct("(") && tokens[j - 1].kind == Kind::Word;
        // "A UNICEF report released Monday says": the publication before its release.
        let released = j >= 1
            && words::WEEKDAYS.contains(tokens[j].lower())
            && matches!(tokens[j - 1].lower(), "released" | "published" | "issued" | "out");
        if when || released {
            j = j.checked_sub(2)?;
        } else if abbreviation {
            // "HM Revenue and Customs (HMRC) has revealed": the name the abbreviation was met for.
            let short = tokens[j - 1];
            let full = registry.person(short.start, short.text).filter(|full| full.contains(' '));
            if let Some(full) = full {
                return Some(Subject::Named(full));
            }
            j -= 3;
        } else if words::BETWEEN.contains(tokens[j].lower()) && tokens[j].kind == Kind::Word
            || is_adverb(tokens, j)
        {
            j = j.checked_sub(1)?;
        } else {
            break;
        }
    }
    if tokens[j].is("and") || tokens[j].is("but") {
        return Some(Subject::Conjoined);
    }
    // "including the BBC's Robin Brant, who stated that": the one the clause is about.
    if tokens[j].is_who() && j >= 2 && tokens[j - 1].punct(",") {
        // ("Among the callers was Jane Moyo from Harare, who said": not Harare.)
        return noun_phrase_ending_at(tokens, before_locative(tokens, j - 2), registry).map(Subject::Named);
    }
    // "an estimated", "its earlier forecast": a noun or an adjective, not a verb of speech.
    if DETERMINERS.contains(&tokens[j].lower()) || tokens[j].is("its") {
        return None;
    }
    if tokens[j].punct(",—–") {
        // "A department spokesperson, Carla Reyes, said", "Commissioner for Employment, Social
        // Affairs, Skills and Labour Mobility, Marianne Thyssen, said": the aside is the name.
        let open = tokens[..j].iter().rposition(|t| t.punct(",—–"));
        if let Some(name) =
            open.filter(|o| *o > 0 && j - o <= 20).and_then(|o| apposed_person(tokens, o, j, registry))
        {
            return Some(Subject::Named(name));
        }
        if let Some(name) = opening_apposition(tokens, j, registry) {
            return Some(Subject::Named(name));
        }
        // "Gabuev, a Carnegie expert, said": skip the aside between the commas.
        let open = open?;
        if open == 0 || j - open > 20 {
            return None;
        }
        j = open - 1;
    }
    if let Some(name) = unclosed_aside(tokens, v, registry) {
        return Some(Subject::Named(name));
    }
    let j = before_locative(tokens, j);
    if let Some(country) = country_ending_at(tokens, j) {
        return Some(Subject::Named(country));
    }
    noun_phrase_ending_at(tokens, j, registry).map(Subject::Named)
}

/// "Somali pirates who seized a ship bound for east Africa say", "Residents who fled the
/// fighting said": the phrase before a relative clause (no comma around it) speaks, not the
/// clause's last noun.
fn subject_of_relative_clause(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let who =
        (v.saturating_sub(16)..v).rev().find(|k| tokens[*k].is_who() || tokens[*k].kind == Kind::Punct)?;
    if !tokens[who].is_who() || who == 0 || tokens[who - 1].kind == Kind::Punct || who + 2 > v {
        return None;
    }
    noun_phrase_ending_at(tokens, who - 1, registry)
}

/// "Commissioner Breton, responsible for the Internal Market said": an aside after the name the
/// writer did not close with a comma; the person opening the clause speaks, not the aside's end.
fn unclosed_aside(tokens: &[&Token<'_>], v: usize, registry: &mut Registry) -> Option<String> {
    let comma = (v.saturating_sub(14)..v).rev().find(|k| tokens[*k].kind == Kind::Punct)?;
    // ("Mike Reynolds, Acting Director of the National Park Service pointed out": a title opens
    // it; "Gwenllian Lansdown Davies, Mudiad Meithrin Chief Executive added": a title ends it.)
    let opens = tokens.get(comma + 1).is_some_and(|t| {
        t.is_lowercase_word() && !matches!(t.lower(), "and" | "but" | "or" | "then" | "so")
            || t.is_capitalized() && crate::names::is_title(t.text)
    }) || v > 0 && tokens[v - 1].is_capitalized() && crate::names::is_title(tokens[v - 1].text);
    (tokens[comma].punct(",") && comma + 2 < v && opens)
        .then(|| opening_apposition(tokens, v, registry))
        .flatten()
}

/// "Police in the West Midlands in England said", "the embassy in Kabul said": where the
/// speaker is ("in" a named place) is not who speaks — the phrase before it does.
fn before_locative(tokens: &[&Token<'_>], j: usize) -> usize {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let mut j = j;
    while let Some((first, words)) = run_ending_at(&owned, j) {
        let first = first_place_listed(&owned, first, &words);
        let the = first.checked_sub(1).filter(|p| owned[*p].is("the"));
        let at = the.unwrap_or(first).checked_sub(1).filter(|p| owned[*p].is("in") || owned[*p].is("from"));
        let Some(at) = at else { break };
        let head = at
            .checked_sub(1)
            .filter(|h| owned[*h].kind == Kind::Word && !words::CLAUSE_WORDS.contains(owned[*h].lower()));
        let Some(head) = head else { break };
        // "Jane Moyo from Harare": a person from a place, not "researchers from Harvard" (nor
        // "Figures from the ONS", capitalised only because it opens the sentence).
        if owned[at].is("from") && !(head > 0 && crate::names::is_name_word(&owned[head])) {
            break;
        }
        // "An article in Techli said": the paper an article is in speaks for it.
        if words::DOCUMENT_NOUNS.contains(owned[head].lower()) {
            break;
        }
        j = head;
    }
    j
}

/// Where the places listed before a speech verb begin: "(Officials in) Florida, Georgia and
/// North Carolina", "(in the Indian-controlled section of) divided Kashmir" — a place's part and
/// its description before it too, up to the "in" or "from" that places the speaker.
fn first_place_listed(owned: &[Token<'_>], first: usize, run: &[String]) -> usize {
    let is_place =
        |words: &[String]| crate::names::kind_of(&words.join(" ")) == crate::names::NameKind::Place;
    if !is_place(run) {
        return first;
    }
    let mut first = first;
    while first >= 2 && (owned[first - 1].is("and") || owned[first - 1].punct(",")) {
        match run_ending_at(owned, first - 2) {
            Some((earlier, words)) if is_place(&words) => first = earlier,
            _ => break,
        }
    }
    // ("in the Indian-controlled section of divided Kashmir", "in war-torn Syria": words, none a
    // clause's, back to "in" or "in the".)
    let plain = |t: &Token<'_>| {
        t.kind == Kind::Word
            && (!words::CLAUSE_WORDS.contains(t.lower()) || t.is("of"))
            && !is_speech_verb(t)
            && !t.is("in")
            && !t.is("the")
    };
    let described = (first.saturating_sub(6)..first).rev().take_while(|k| plain(&owned[*k])).last();
    let after_in =
        |k: usize| k > 0 && owned[k - 1].is("in") || k > 1 && owned[k - 1].is("the") && owned[k - 2].is("in");
    described.filter(|k| after_in(*k)).unwrap_or(first)
}

/// "Smith quietly said": a lower-case word in "-ly" between a subject and its verb — not a noun
/// after a determiner or an owner ("the family said", "Smith's family said").
fn is_adverb(tokens: &[&Token<'_>], j: usize) -> bool {
    let t = tokens[j];
    let owned = j.checked_sub(1).is_some_and(|p| {
        DETERMINERS.contains(&tokens[p].lower()) || is_possessive(tokens[p].text) || tokens[p].is("our")
    });
    let noun = words::NOUNS_IN_LY.contains(t.lower()); // ("the national assembly said")
    t.is_lowercase_word() && t.text.len() > 4 && t.text.ends_with("ly") && !owned && !noun
}

/// The full name of a person that is the whole aside between two commas.
fn apposed_person(
    tokens: &[&Token<'_>],
    open: usize,
    close: usize,
    registry: &mut Registry,
) -> Option<String> {
    let aside: Vec<Token<'_>> = tokens[open + 1..close].iter().map(|t| (*t).clone()).collect();
    // "One financial services firm, Moody's Investors Service, says": the organisation named.
    let firm = open >= 1 && words::GROUP_NOUNS.contains(tokens[open - 1].lower());
    let named: Vec<&str> = aside.iter().map(|t| t.text).collect();
    let organisation = crate::names::kind_of(&named.join(" ")) == crate::names::NameKind::Group;
    if firm && organisation && aside.iter().all(|t| t.kind == Kind::Word && t.is_capitalized()) {
        return Some(registry.group(aside.first()?.start, &named.join(" ")));
    }
    // "His chief competitor, former foreign minister Abdullah Abdullah, has said", "The head of
    // the meeting, Algerian oil minister Chakib Khelil, said": a role before the name.
    let describes = |t: &Token<'_>| {
        t.is_lowercase_word()
            || t.kind == Kind::Word && crate::names::kind_of(t.text) == crate::names::NameKind::Place
    };
    let is_role_word = |t: &Token<'_>| crate::names::is_role_word(t.text);
    let titled = aside.iter().take_while(|t| describes(t)).count();
    let role = aside[..titled].iter().any(is_role_word);
    // "…, Crime Prevention minister Jeremy Browne, said": a portfolio in capitals before the role.
    let after_portfolio = aside
        .iter()
        .rposition(|t| t.is_lowercase_word() && is_role_word(t))
        .filter(|r| *r > 0 && aside[..*r].iter().all(|t| t.kind == Kind::Word && t.is_capitalized()))
        .map(|r| r + 1);
    let titled = if role { titled } else { after_portfolio.unwrap_or(0) };
    let (_, words) = run_starting_at(&aside, titled).filter(|(end, _)| *end + 1 == aside.len())?;
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let name = name_of_run(&words);
    // "Her husband, Ali, added": one name is enough after a relative of someone in view.
    let relative = open >= 2
        && matches!(tokens[open - 2].lower(), "his" | "her" | "their")
        && words::PERSON_NOUNS.contains(tokens[open - 1].lower());
    let person =
        (name.contains(' ') || relative) && crate::names::kind_of(&name) == crate::names::NameKind::Person;
    person.then(|| registry.person(aside[titled].start, &name)).flatten()
}

/// "North Korea stated", "China said": a country (or capital) right before a verb of speech
/// speaks for its government, as written — unlike a nationality ("the Russian said"), and
/// unlike a place anywhere else in a speaker's phrase ("London Mayor Sadiq Khan").
fn country_ending_at(tokens: &[&Token<'_>], j: usize) -> Option<String> {
    let owned: Vec<Token<'_>> = tokens[..=j].iter().map(|t| (*t).clone()).collect();
    let (first, run) = run_ending_at(&owned, j)?;
    // "the senior U.S. diplomat in Burma said": the place is where, not who.
    let placed = first.checked_sub(1).is_some_and(|p| {
        matches!(
            owned[p].lower(),
            "in" | "at" | "from" | "of" | "to" | "for" | "with" | "on" | "near" | "across"
        )
    });
    if placed {
        return None;
    }
    let name = run.join(" ");
    let the = first > 0 && owned[first - 1].is("the");
    let country = words::PLACES.contains(name.to_lowercase().as_str()) && !is_possessive(&name);
    country.then(|| if the { format!("the {name}") } else { name })
}
