//! The pieces of a sentence the walk looks at: its words outside its quotations, where a
//! quotation stands among them, the sentence a long quotation closes in, a headline above the
//! first sentence, a quotation that introduces its own speaker.

use super::Speaker;
use crate::attribution::{self, Credit};
use crate::quotes::Quoted;
use crate::registry::Registry;
use crate::text::{self, Token};
use std::ops::Range;

/// The speaker credited, unless it is no one named in full and the quotation's first words
/// introduce its speaker ("'I'm Carol Pearson. …,' announces the host").
pub(super) fn or_introduced(
    credited: Option<Speaker>,
    introduced: impl FnOnce() -> Option<Speaker>,
) -> Option<Speaker> {
    if credited.as_ref().is_some_and(|s| crate::names::is_full_name(&s.name)) {
        return credited;
    }
    introduced().or(credited)
}

/// A quotation whose first words introduce its speaker ("I'm Carol Pearson. …").
pub(super) fn introduced(tokens: &[Token<'_>], q: &Quoted) -> Option<Speaker> {
    let from = tokens.partition_point(|t| t.start < q.inner.start);
    let to = tokens.partition_point(|t| t.start < q.inner.end);
    let inner: Vec<&Token<'_>> = tokens[from..to].iter().collect();
    let name = attribution::introduced_speaker(&inner, q.inner.end)?;
    Some(Speaker { name, confidence: 0.9 })
}

/// A first line that reads as a headline: one line, no closing punctuation, not a sentence. Its
/// figures and words are the article's own, said again below.
pub(super) fn is_headline(line: &str) -> bool {
    // ("… not fair.''": two straight single marks close a sentence too.)
    let closes = line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '»', ':', '\'']);
    !line.contains('\n') && !closes && line.split_whitespace().count() <= 25
}

/// Whether the paragraph at `p` is a list's item ("• 32,695 new homes completed in 2023"): under
/// a headline it states a figure, it is no second headline.
pub(super) fn is_list_item(text: &str, p: &Range<usize>) -> bool {
    let line_start = text[..p.start].rfind('\n').map_or(0, |n| n + 1);
    text::list_item(&text[line_start..p.end]).is_some()
}

pub(super) fn from_credit(c: Credit, confidence: f64) -> Speaker {
    let confidence = if c.by_pronoun { confidence - 0.15 } else { confidence };
    Speaker { name: c.name, confidence }
}

/// Whether a sentence opens by carrying on from the one before: "In addition, …", "Of those,
/// …" ("Another 24 people …" may be the writer's own count: not taken).
pub(super) fn continues_the_sentence_before(tokens: &[Token<'_>]) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == text::Kind::Word).map(|t| t.lower());
    let one = word(0);
    let two = one.as_ref().zip(word(1)).map(|(a, b)| format!("{a} {b}"));
    [one.map(|w| w.to_owned()), two]
        .iter()
        .flatten()
        .any(|w| crate::words::CONTINUATIONS.contains(w.as_str()))
}

pub(super) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentence's tokens with each quotation replaced by one `None`.
pub(super) fn context_tokens<'t, 'a>(
    tokens: &'t [Token<'a>],
    quoted: &[&Quoted],
) -> Vec<Option<&'t Token<'a>>> {
    let mut out = Vec::new();
    let mut inside: Option<usize> = None;
    for t in tokens {
        let q = quoted.iter().position(|q| q.outer.contains(&t.start));
        match (q, inside) {
            (Some(k), Some(j)) if k == j => {}
            (Some(k), _) => {
                out.push(None);
                inside = Some(k);
            }
            (None, _) => {
                out.push(Some(t));
                inside = None;
            }
        }
    }
    out
}

/// Where quote `q` stands in the context.
pub(super) fn marker_index(context: &[Option<&Token<'_>>], quoted: &[&Quoted], q: &Quoted) -> Option<usize> {
    let nth = quoted.iter().position(|x| x.outer == q.outer)?;
    context.iter().enumerate().filter(|(_, c)| c.is_none()).nth(nth).map(|(i, _)| i)
}

/// For a quote that runs past its first sentence: the speaker credited where it closes.
pub(super) fn closing_sentence(
    text: &str,
    sentences: &[Range<usize>],
    paragraph: &Range<usize>,
    q: &Quoted,
    registry: &mut Registry,
) -> Option<Credit> {
    let end = sentence_end(sentences, paragraph, q.outer.end);
    let tokens = text::tokens(text, q.outer.end..end);
    let mut context: Vec<Option<&Token<'_>>> = vec![None];
    context.extend(tokens.iter().map(Some));
    attribution::for_quote(&context, 0, registry)
}

/// The end of the sentence that contains byte `at` of the paragraph.
pub(super) fn sentence_end(sentences: &[Range<usize>], paragraph: &Range<usize>, at: usize) -> usize {
    sentences.iter().find(|s| s.end >= at).map_or(paragraph.end, |s| s.end)
}

/// Whether the words before a quotation are only a dateline ("BOSTON--", "GATINEAU, QC, June
/// 15, 2017 /CNW/ -"): no word in lower case, nothing that could say who speaks.
pub(super) fn after_dateline(before: &str) -> bool {
    !before.trim().is_empty()
        && before.len() < 80
        && before
            .split_whitespace()
            .all(|w| !w.trim_start_matches(|c: char| !c.is_alphanumeric()).starts_with(char::is_lowercase))
}
