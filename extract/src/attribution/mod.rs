//! Who is credited with a quote or a figure: "X said", "said X", "X told reporters", "according
//! to X", "X, a Carnegie expert, said", "calling them …" (the sentence's subject), "he said".

mod after_verb;
mod before_verb;
mod labels;
mod phrases;
mod signed;
#[cfg(test)]
mod source_tests;
mod sources;
mod subject;
#[cfg(test)]
mod tests;
mod verbs;

use crate::names::is_possessive;
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;
use after_verb::subject_after;
use before_verb::{subject_before, Subject};
use labels::inline_label;
pub use labels::{heads_quotations, is_initials_label, opens_with_label, title_case, transcript_label};
use phrases::noun_phrase_ending_at;
pub use signed::{introduced_speaker, sign_off};
use sources::{announced_by, forecast_of, participle_after_a_noun, put_at};
pub use sources::{in_relative_clause, second_source};
pub use subject::sentence_subject;
pub use verbs::is_speech_verb;
use verbs::{is_be, is_participle, is_pronoun, speaks};

pub(super) const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her"];

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
    if let Some(name) = inline_label(&before, registry) {
        return Some(name);
    }
    // ('Biden replied simply, "No." Iranian Supreme Leader Ali Khamenei said …': a verb of
    // speech and a comma or colon right before the quotation introduce it, whatever follows.)
    if introduces_directly(&before) {
        if let Some(name) = before_quote(&before, &sentence, registry) {
            return Some(name);
        }
    }
    after_quote(&after, &sentence, registry)
        .or_else(|| before_quote(&before, &sentence, registry))
        .or_else(|| (prev_quote > 0).then(|| before_quote(&all_before, &sentence, registry)).flatten())
}

/// Whether the words before a quotation end in a verb of speech (and perhaps an adverb in -ly)
/// with a comma or colon: "Biden replied simply, …", "she said: …".
fn introduces_directly(before: &[&Token<'_>]) -> bool {
    let n = before.len();
    if n < 2 || !before[n - 1].punct(",:") {
        return false;
    }
    let adverb = before[n - 2].is_lowercase_word() && before[n - 2].text.ends_with("ly");
    let v = if adverb { n.saturating_sub(3) } else { n - 2 };
    // (Not a clause that sets the scene: "After the minister testified, “…,” Warren said", "As
    // Churchill said, “…,” Johnson told the crowd" — the speaker follows the quotation there.)
    let clause = before[..v].iter().rposition(|t| t.punct(",;:")).map_or(0, |c| c + 1);
    // (A colon introduces whatever came before it: "After the vote Smith said: …".)
    let subordinate = before[n - 1].punct(",")
        && before.get(clause).is_some_and(|t| words::SUBORDINATORS.contains(t.lower()));
    v + 1 < n && !subordinate && speaks(before, v) && !words::NOUN_VERBS.contains(before[v].lower())
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
    if let Some(name) = named_before_asides(after, first_word, clause_end, registry) {
        return Some(name);
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

/// '…," Cpl. Victor Thibault, 38, of Digby, Nova Scotia said': a person's full name right after
/// the quotation, then asides (an age, a home town, a role) up to the verb of speech — the name
/// speaks, not the asides' last words.
fn named_before_asides(
    after: &[&Token<'_>],
    first_word: usize,
    clause_end: usize,
    registry: &mut Registry,
) -> Option<String> {
    let owned = crate::names::owned_tokens(after);
    let (end, name) = crate::names::name_starting_at(&owned, first_word)?;
    if !crate::names::is_full_name(&name) || !after.get(end + 1).is_some_and(|t| t.punct(",")) {
        return None;
    }
    let window = &after[..clause_end.min(end + 30)];
    let relative = |v: usize| window[v.saturating_sub(2)..v].iter().any(|t| t.is_who());
    (end + 2..window.len()).find(|v| speaks(window, *v) && !relative(*v))?;
    registry.person(after[first_word].start, &name)
}

/// "The measures were presented to the Council by Commissioner for Agriculture and Rural
/// Development, Phil Hogan: “…”": the agent of a passive clause ending in a colon introduces
/// the quotation.
fn passive_agent_before_colon(clause: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let by = clause.iter().rposition(|t| t.is("by"))?;
    let passive = clause[..by].windows(2).any(|w| is_be(w[0]) && w[1].lower().ends_with("ed"));
    let named = clause.get(by + 1).is_some_and(|t| t.is_capitalized() || t.is("the"));
    // (Not "The prize was awarded by the jury to Maria Ressa:": who it went to is talked about.)
    let to_someone = clause[by + 1..].iter().any(|t| t.is("to") || t.is("with"));
    if !passive || !named || to_someone || clause.len() - by > 16 {
        return None;
    }
    // ("… by Commissioner for Agriculture and Rural Development, Phil Hogan": the name after
    // the office's comma.)
    let comma = clause.iter().rposition(|t| t.punct(",")).filter(|c| *c > by);
    let apposed = comma.and_then(|c| {
        let owned = crate::names::owned_tokens(&clause[c + 1..]);
        let (end, name) = crate::names::name_starting_at(&owned, 0)?;
        (end + 1 == owned.len() && crate::names::is_full_name(&name)).then_some((owned[0].start, name))
    });
    match apposed {
        Some((at, name)) => registry.person(at, &name),
        None => subject_after(clause, by, registry),
    }
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
    if let Some(agent) = passive_agent_before_colon(clause, registry) {
        return Some(agent);
    }
    // "He also called on Member States to respect their commitments: …": a person's pronoun
    // opening the clause — not someone passing on words that are another's or remembered ("She
    // read out the union's demand:", "a letter from the strikers:", "He remembers his father's
    // words:").
    let relayed = clause.iter().any(|t| {
        words::RELAYED_WORDS.contains(t.lower())
            || t.is("from")
            || is_possessive(t.text) && t.is_lowercase_word()
    });
    if let Some(pronoun) = clause.first().filter(|t| (t.is("he") || t.is("she")) && !relayed) {
        return registry.pronoun(pronoun.lower(), pronoun.start);
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
    if let Some((k, name)) = person {
        return registry.person(owned[k].start, &name);
    }
    // "On the situation in Poland, the President called for dialogue and saw a way forward: …":
    // a role opening the clause, its holder.
    let after_opening_phrase = |k: usize| k == 0 || owned[k - 1].punct(",");
    let role = (0..owned.len().min(12)).filter(|k| after_opening_phrase(*k)).find_map(|k| {
        let title = owned.get(k + 1).filter(|t| owned[k].is("the") && crate::names::is_role(t.text))?;
        owned.get(k + 2).filter(|v| v.is_lowercase_word())?;
        Some(title)
    });
    role.filter(|_| !relayed).and_then(|title| registry.role_holder(title.text, title.start, false))
}

/// "President Campaore appeared on television to say he was …", "he refused to say": "to say"
/// after a verb of the subject's own, whose words they are — not "The minister asked the mayor
/// to say" (data/asking_verbs.txt: someone else is to speak) nor "refused to say how the money
/// was spent" (a question no one answered).
fn says_in_own_words(tokens: &[&Token<'_>], v: usize) -> bool {
    let to_say = v > 0
        && tokens[v - 1].is("to")
        && matches!(tokens[v].lower(), "say" | "tell" | "declare" | "announce");
    // (The cheap test first: this runs at every verb of speech.)
    if !to_say {
        return false;
    }
    let question = tokens.get(v + 1).is_some_and(|n| words::QUESTION_WORDS.contains(n.lower()));
    let asked = tokens[..v].iter().any(|t| words::ASKING_VERBS.contains(t.lower()));
    !question && !asked
}

/// Who speaks by a participle ("saying", "adding", "stating") at `v`.
fn participle_speaker(
    tokens: &[&Token<'_>],
    v: usize,
    sentence: &[&Token<'_>],
    registry: &mut Registry,
) -> Option<String> {
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
    // "Six others were wounded, Polyovy said in Kyiv, adding: …", "But he insisted that …,
    // saying …": after a comma, the one whose verb of speech came before.
    if let Some(name) = v.checked_sub(1).filter(|c| tokens[*c].punct(",")).and_then(|c| {
        let said = (0..c).rev().find(|k| speaks(tokens, *k) && !is_participle(tokens[*k]))?;
        credited_by(tokens, said, sentence, registry)
    }) {
        return Some(name);
    }
    sentence_subject(sentence, registry)
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
    if says_in_own_words(tokens, v) {
        if let Some(subject) = sentence_subject(sentence, registry) {
            return Some(subject);
        }
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
        return participle_speaker(tokens, v, sentence, registry);
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
