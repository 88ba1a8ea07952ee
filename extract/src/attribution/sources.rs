//! Who a figure comes from when no quotation holds it: a release's subject that announces it, a
//! forecast its subject holds, whoever "puts" a toll "at" a number, a second clause with a verb of
//! speech of its own — and the participles and relative clauses that only look like sources.

use super::{is_be, sentence_subject, speaks, subject_after, subject_before, Context, Subject, DETERMINERS};
use crate::registry::Registry;
use crate::text::{Kind, Token};
use crate::words;

/// "The ministry put the death toll at 45", "Authorities in Lagos put the number of dead at
/// 45": whoever puts a figure at a number gives it (not "the toll was put at 45").
pub(super) fn put_at(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let v = (0..sentence.len()).find(|v| puts_at(sentence, *v))?;
    let passive = v.checked_sub(1).is_some_and(|p| is_be(sentence[p]));
    match subject_before(sentence, v, registry) {
        Some(Subject::Named(name)) if !passive => Some(name),
        _ => None,
    }
}

/// Whether the verb at `v` puts a figure at a number ("put the toll at 300").
fn puts_at(sentence: &[&Token<'_>], v: usize) -> bool {
    if !matches!(sentence[v].lower(), "put" | "puts" | "placed" | "places") {
        return false;
    }
    let Some(at) = sentence[v + 1..].iter().take(8).position(|t| t.is("at")).map(|p| v + 1 + p) else {
        return false;
    };
    sentence.iter().skip(at + 1).take(3).any(|t| t.kind == Kind::Number)
}

/// "The Pentagon says 3,000 troops will deploy, while the State Department says 200 diplomats
/// will leave": a second clause with a verb of speech of its own gives the figures after its
/// start (a byte offset) to its own source.
pub fn second_source(ctx: Context<'_, '_>, registry: &mut Registry) -> Option<(usize, String)> {
    let sentence: Vec<&Token<'_>> = ctx.iter().flatten().copied().collect();
    let break_at = (1..sentence.len())
        .find(|k| matches!(sentence[*k].lower(), "while" | "whereas" | "but") || sentence[*k].punct(";"))?;
    let clause = &sentence[break_at + 1..];
    // ("…, the health ministry said, while aid groups put the toll at more than 500".)
    let v = (1..clause.len().min(8)).find(|v| speaks(clause, *v) || puts_at(clause, *v))?;
    match subject_before(clause, v, registry)? {
        Subject::Named(name) => Some((sentence[break_at].start, name)),
        Subject::Conjoined => None,
    }
}

/// "The IMF kept its forecast for Chinese growth unchanged at 6.8 percent", "the bank cut its
/// growth forecast to 2.1 percent": a forecast its subject holds makes the figures theirs.
pub(super) fn forecast_of(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    let owner = sentence.iter().position(|t| t.is("its") || t.is("their"))?;
    let held = sentence[owner + 1..].iter().take(3).any(|t| words::FORECAST_NOUNS.contains(t.lower()));
    let verb = owner.checked_sub(1).is_some_and(|v| sentence[v].is_lowercase_word());
    (held && verb).then(|| sentence_subject(sentence, registry)).flatten()
}

/// Whether token `at` stands in a relative clause set off by commas before a verb of speech
/// ("Smith, who has led the firm for 12 years, said …"), or in a participle's opening the
/// sentence: it describes the speaker or the scene.
pub fn in_relative_clause(tokens: &[Token<'_>], at: usize) -> bool {
    let refs: Vec<&Token<'_>> = tokens.iter().collect();
    if in_opening_participle(tokens, &refs, at) || in_subjects_apposition(tokens, &refs, at) {
        return true;
    }
    // ("The company, which employs 5,000 people, said …" is about the speaker too, and so is
    // "Smith, whose company employs 400 people, said …".)
    let relative = |t: &Token<'_>| t.is_who() || t.is("which") || t.is("whose");
    let who =
        (at.saturating_sub(12)..at).rev().find(|k| tokens[*k].kind == Kind::Punct || relative(&tokens[*k]));
    let opened = who.is_some_and(|w| relative(&tokens[w]) && w > 0 && tokens[w - 1].punct(","));
    let close = (at + 1..tokens.len().min(at + 30)).find(|k| tokens[*k].kind == Kind::Punct);
    let before_verb = opened
        && close.is_some_and(|c| {
            tokens[c].punct(",") && (c + 1..refs.len().min(c + 3)).any(|v| speaks(&refs, v))
        });
    // '"Right now I am worried," said farmer Buth Chorn, who has six children.': a clause about
    // the speaker after the attribution, ending the sentence (not "…, who added that 40 percent").
    let Some(w) = who.filter(|w| opened && tokens[*w].is_who()) else { return before_verb };
    let last = close.is_none_or(|c| tokens[c + 1..].iter().all(|t| t.kind == Kind::Punct));
    // The verb of speech, then only the speaker's name and role before ", who".
    let said = (w.saturating_sub(9)..w - 1).rev().find(|v| speaks(&refs, *v));
    // (Not "officials said the winner was Jane Smith, who won 52 percent": what was said.)
    let named_after = said.is_some_and(|v| {
        tokens[v + 1..w - 1]
            .iter()
            .all(|t| t.kind == Kind::Word && !t.is("that") && !is_be(t) && !t.is("has") && !t.is("had"))
    });
    let says_inside = (w + 1..at).any(|v| speaks(&refs, v));
    before_verb || last && named_after && !says_inside
}

/// How far apart, in tokens, a figure and the name or verb it is read against may stand: the
/// checks stay bounded, whatever the sentence.
const APPOSITION_REACH: usize = 30;

/// Whether token `at` stands in an apposition to the person named first in the sentence, before
/// the verb of speech ("Abdulai Bangurah, an observer for the Group of Seven Plus, an
/// organization of 20 nations, said …"): it describes the speaker. Not "Revenue, up 12 percent,
/// reached $5 billion, Acme said": the name must be a person's in full, and nothing between it
/// and the figure may speak.
fn in_subjects_apposition(tokens: &[Token<'_>], refs: &[&Token<'_>], at: usize) -> bool {
    let Some((name_end, words)) = crate::names::run_starting_at(tokens, 0) else { return false };
    let words: Vec<&str> = words.iter().map(String::as_str).collect();
    let person = crate::names::is_full_name(&crate::names::name_of_run(&words));
    let opened = tokens.get(name_end + 1).is_some_and(|t| t.punct(","));
    if !person || !opened || at <= name_end + 1 || at - name_end > APPOSITION_REACH {
        return false;
    }
    let said_before = (name_end + 2..at).any(|v| speaks(refs, v));
    let close = (at + 1..tokens.len().min(at + APPOSITION_REACH)).find(|c| tokens[*c].punct(","));
    let verb_after = close.is_some_and(|c| (c + 1..refs.len().min(c + 3)).any(|v| speaks(refs, v)));
    !said_before && verb_after
}

/// Whether token `at` stands in a participle's clause opening the sentence before its speaker
/// ("Speaking to 200 supporters in Leeds, Jane Doe said …"): the scene, set by the writer. Only
/// participles that set a scene (`scene_participles.txt`), not "Announcing £40 million, the
/// minister said", whose figures are the minister's.
fn in_opening_participle(tokens: &[Token<'_>], refs: &[&Token<'_>], at: usize) -> bool {
    let opens = tokens.first().is_some_and(|t| words::SCENE_PARTICIPLES.contains(t.lower()));
    let Some(comma) = tokens.iter().take(20).position(|t| t.punct(",")).filter(|c| *c > at) else {
        return false;
    };
    opens && (comma + 1..refs.len().min(comma + 8)).any(|v| speaks(refs, v))
}

/// "The European Commission has adopted … €920.4 million", "the Government is building …, today
/// announcing an investment of $3.3 billion": a release's figures are its subject's when a verb
/// of announcing says so (not "the storm was announced").
pub(super) fn announced_by(sentence: &[&Token<'_>], registry: &mut Registry) -> Option<String> {
    // ("The awards announced today": after a determiner, "awards" is a noun.)
    let noun = |k: usize| k > 0 && DETERMINERS.contains(&sentence[k - 1].lower());
    let v = (0..sentence.len()).find(|k| {
        sentence[*k].kind == Kind::Word && words::ANNOUNCE_VERBS.contains(sentence[*k].lower()) && !noun(*k)
    })?;
    let passive = v.checked_sub(1).is_some_and(|p| is_be(sentence[p]));
    // ("Cynthia Friedman had invested 40 years of savings": the story's past, not a release.)
    let story = v.checked_sub(1).is_some_and(|p| sentence[p].is("had"));
    if passive || story {
        return None;
    }
    if let Some(agent) = participle_after_a_noun(sentence, v, registry) {
        return agent;
    }
    let subject = sentence_subject(sentence, registry)?;
    (crate::names::kind_of(&subject) != crate::names::NameKind::Place).then_some(subject)
}

/// "a £50 million package announced last month", "The awards announced today are for …",
/// "£1.5 million announced by the Welsh Government": a participle after the sum or thing
/// announced, not the sentence's verb — credited to its agent after "by", else to nobody
/// (`Some(None)`); `None` when the verb is the sentence's own.
pub(super) fn participle_after_a_noun(
    tokens: &[&Token<'_>],
    v: usize,
    registry: &mut Registry,
) -> Option<Option<String>> {
    if !tokens[v].lower().ends_with("ed") {
        return None;
    }
    let by = tokens.get(v + 1).is_some_and(|t| t.is("by"));
    // "calls answered by NHS 111": a participle after a plural noun; only what is announced has
    // its agent for a source.
    let announced = words::ANNOUNCE_VERBS.contains(tokens[v].lower());
    let plural_noun = |t: &Token<'_>| {
        let lower = t.lower();
        t.is_lowercase_word()
            && lower.ends_with('s')
            && !lower.ends_with("ss")
            && !words::BETWEEN.contains(lower)
            && !words::CLAUSE_WORDS.contains(lower)
    };
    // ("the cases reported by the WHO": what is reported has its agent for a source.)
    if by && v > 0 && plural_noun(tokens[v - 1]) {
        return Some(if announced { subject_after(tokens, v + 1, registry) } else { None });
    }
    let after_noun = modifies_a_noun(tokens, v);
    match (after_noun, by) {
        (true, true) => Some(subject_after(tokens, v + 1, registry)),
        (true, false) => Some(None),
        _ => None,
    }
}

fn modifies_a_noun(sentence: &[&Token<'_>], v: usize) -> bool {
    let Some(before) = v.checked_sub(1).map(|p| sentence[p]) else {
        return false;
    };
    let sum = words::ANNOUNCED_SUMS.contains(before.lower()) || before.kind == Kind::Number;
    let time = |t: &Token<'_>| words::is_when(t.lower());
    let after_time = sentence[v + 1..].iter().find(|t| !time(t));
    let verb_follows = after_time
        .is_some_and(|t| matches!(t.lower(), "is" | "are" | "was" | "were" | "will" | "has" | "have"));
    sum || before.is_lowercase_word() && verb_follows
}
