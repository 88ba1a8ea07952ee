//! Article text → candidate claims: direct quotations with their speakers, and sentences that
//! state a figure with the figure parsed. Pure functions, no network, no model: an editor reviews
//! every candidate before it becomes a claim.
//!
//! Every span is a byte range into the input, on character boundaries, so `&text[span]` is the
//! candidate's text exactly.

mod attribution;
mod figures;
mod meet;
mod names;
mod output;
mod quantity;
mod quotes;
mod registry;
mod text;
mod words;

#[cfg(test)]
mod corpus_real_tests;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod test_rng;

pub use output::{json, listing};
pub use quantity::{Change, Kind, Qualifier, Quantity};

use registry::Registry;
use serde::Serialize;
use std::ops::Range;
use text::Token;

/// Longest article the extractor accepts: about 150,000 words.
pub const MAX_INPUT_BYTES: usize = 1_000_000;

/// One candidate claim found in an article.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Candidate {
    pub kind: Kind,
    /// For a quote, the words inside the quotation marks; for a numeric claim, its sentence.
    pub text: String,
    /// UTF-8 byte offsets of `text` in the input.
    pub span: (usize, usize),
    /// Who is credited: a person's full name, or an organisation as the article names it.
    pub speaker: Option<String>,
    /// The sentence the quote stands in (absent for a numeric claim, whose text is its sentence).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sentence: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<Quantity>,
    /// How likely the candidate is right (0 to 1), from the rules that found it: the review
    /// leaves the least likely unticked.
    pub confidence: f64,
}

/// Why a text could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ExtractError {
    Empty,
    TooLong(usize),
}

impl std::fmt::Display for ExtractError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExtractError::Empty => f.write_str("the text is empty: paste or pass an article's text"),
            ExtractError::TooLong(n) => write!(
                f,
                "the text is {n} bytes; the most accepted is {MAX_INPUT_BYTES} (about 150,000 words)"
            ),
        }
    }
}

impl std::error::Error for ExtractError {}

/// Checks an input before extraction: not blank, not over the size bound.
pub fn check(text: &str) -> Result<(), ExtractError> {
    if text.trim().is_empty() {
        Err(ExtractError::Empty)
    } else if text.len() > MAX_INPUT_BYTES {
        Err(ExtractError::TooLong(text.len()))
    } else {
        Ok(())
    }
}

/// The first figure stated in one sentence, parsed (what a numeric candidate's quantity is).
pub fn figure(sentence: &str) -> Option<Quantity> {
    figures::first_quantity(&text::tokens(sentence, 0..sentence.len()))
}

/// The quotes and numeric claims in `text`, in the order they appear.
pub fn extract(text: &str) -> Result<Vec<Candidate>, ExtractError> {
    check(text)?;
    let mut registry = Registry::default();
    let mut out = Vec::new();
    let mut open_quote_speaker: Option<Option<String>> = None;
    let mut previous_speaker: Option<(usize, String)> = None;
    let paragraphs = text::paragraphs(text);
    for (p, paragraph) in paragraphs.iter().enumerate() {
        let continues = open_quote_speaker.is_some();
        let quoted = quotes::in_paragraph(text, paragraph.clone(), continues);
        let mut chain_speaker = open_quote_speaker.take().flatten();
        let mut pending_chain: Vec<usize> = Vec::new();
        for sentence in text::sentences(text, paragraph.clone()) {
            let tokens = text::tokens(text, sentence.clone());
            let in_sentence: Vec<&quotes::Quoted> =
                quoted.iter().filter(|q| overlaps(&q.outer, &sentence)).collect();
            // Quotes that begin in this sentence (a quote across sentences belongs to its first).
            let starting: Vec<&quotes::Quoted> =
                in_sentence.iter().copied().filter(|q| sentence.contains(&q.outer.start)).collect();
            let context = context_tokens(&tokens, &in_sentence);
            registry.next_sentence();
            meet::names_in(&context, &mut registry);
            for q in &starting {
                let marker = marker_index(&context, &in_sentence, q);
                // The attribution may sit in the sentence where the quote ends.
                let span_sentence = sentence.start..q.outer.end.max(sentence.end);
                let mut speaker = marker.and_then(|m| attribution::for_quote(&context, m, &mut registry));
                if speaker.is_none() && q.outer.end > sentence.end {
                    speaker = speaker_in_closing_sentence(text, paragraph, q, &mut registry);
                }
                if speaker.is_none() && q.continues {
                    speaker = chain_speaker.clone();
                }
                let whole_sentence = q.outer.start == sentence.start;
                if speaker.is_none() && whole_sentence {
                    speaker = previous_speaker
                        .as_ref()
                        .filter(|(at, _)| paragraph.start.saturating_sub(*at) < 2000)
                        .map(|(_, s)| s.clone());
                    if q.open_ended || q.continues {
                        pending_chain.push(out.len());
                    }
                }
                if let Some(s) = &speaker {
                    previous_speaker = Some((q.outer.start, s.clone()));
                    if q.continues || q.open_ended {
                        chain_speaker = Some(s.clone());
                    }
                }
                let words = text[q.inner.clone()].split_whitespace().count();
                // Unattributed short fragments are scare quotes or titles, not claims.
                if speaker.is_none() && (words < 5 || !whole_sentence && words < 8) {
                    continue;
                }
                let sentence_text = text
                    [text::trim(text, span_sentence.start..sentence_end(text, paragraph, q.outer.end))]
                .to_owned();
                let confidence = if speaker.is_some() { 0.8 } else { 0.4 };
                out.push(Candidate {
                    kind: Kind::Quote,
                    text: text[q.inner.clone()].to_owned(),
                    span: (q.inner.start, q.inner.end),
                    speaker,
                    confidence,
                    sentence: Some(sentence_text),
                    quantity: None,
                });
            }
            let found = figures::all(&tokens);
            if !found.is_empty() {
                let inside =
                    quoted.iter().find(|q| q.outer.start <= sentence.start && q.outer.end >= sentence.end);
                let quoted_speaker = inside.and_then(|q| {
                    out.iter()
                        .rev()
                        .find(|c| {
                            c.kind == Kind::Quote
                                && c.span.0 <= q.inner.start + 1
                                && c.span.1 >= q.inner.start
                        })
                        .and_then(|c| c.speaker.clone())
                });
                let speaker = quoted_speaker.or_else(|| attribution::in_sentence(&context, &mut registry));
                for figure in found {
                    out.push(Candidate {
                        kind: Kind::Numeric,
                        text: text[sentence.clone()].to_owned(),
                        span: (sentence.start, sentence.end),
                        speaker: speaker.clone(),
                        sentence: None,
                        confidence: if figure.quantity.unit == figures::UNSAID_UNIT { 0.5 } else { 0.7 },
                        quantity: Some(figure.quantity),
                    });
                }
            }
            // A sentence without a quote moves "he" and "she" to its subject ("Dragan, speaking
            // after the debate, said she was confident…").
            if starting.is_empty() {
                let refs: Vec<&Token<'_>> = context.iter().flatten().copied().collect();
                let _ = attribution::sentence_subject(&refs, &mut registry);
            }
        }
        // A quote continued from the paragraph before, credited only at its end, credits the
        // earlier pieces too.
        if let Some(s) = &chain_speaker {
            for k in pending_chain {
                if out[k].speaker.is_none() {
                    out[k].speaker = Some(s.clone());
                }
            }
        }
        let open = quoted.last().filter(|q| q.open_ended);
        let next_opens = paragraphs
            .get(p + 1)
            .is_some_and(|n| text[n.clone()].starts_with(['“', '"', '‘', '\'', '«', '„']));
        if open.is_some() && next_opens {
            open_quote_speaker = Some(chain_speaker.clone());
        }
    }
    out.sort_by_key(|c| c.span.0);
    Ok(out)
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentence's tokens with each quotation replaced by one `None`.
fn context_tokens<'t, 'a>(tokens: &'t [Token<'a>], quoted: &[&quotes::Quoted]) -> Vec<Option<&'t Token<'a>>> {
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
fn marker_index(
    context: &[Option<&Token<'_>>],
    quoted: &[&quotes::Quoted],
    q: &quotes::Quoted,
) -> Option<usize> {
    let nth = quoted.iter().position(|x| x.outer == q.outer)?;
    context.iter().enumerate().filter(|(_, c)| c.is_none()).nth(nth).map(|(i, _)| i)
}

/// For a quote that runs past its first sentence: the speaker credited where it closes.
fn speaker_in_closing_sentence(
    text: &str,
    paragraph: &Range<usize>,
    q: &quotes::Quoted,
    registry: &mut Registry,
) -> Option<String> {
    let end = sentence_end(text, paragraph, q.outer.end);
    let tokens = text::tokens(text, q.outer.end..end);
    let mut context: Vec<Option<&Token<'_>>> = vec![None];
    context.extend(tokens.iter().map(Some));
    attribution::for_quote(&context, 0, registry)
}

/// The end of the sentence that contains byte `at` of the paragraph.
fn sentence_end(text: &str, paragraph: &Range<usize>, at: usize) -> usize {
    text::sentences(text, paragraph.clone())
        .into_iter()
        .find(|s| s.end >= at)
        .map_or(paragraph.end, |s| s.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;

    fn quotes(text: &str) -> Vec<(String, Option<String>)> {
        extract(text)
            .unwrap()
            .into_iter()
            .filter(|c| c.kind == Kind::Quote)
            .map(|c| (c.text, c.speaker))
            .collect()
    }

    fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
        (text.to_owned(), Some(speaker.to_owned()))
    }

    #[test]
    fn a_surname_resolves_to_the_full_name_and_the_sentence_is_kept() {
        let text = "Trade envoy Maria Lopez arrived on Monday.\n“We will not be rushed into a bad deal,” Lopez told reporters.";
        let found = extract(text).unwrap();
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].speaker.as_deref(), Some("Maria Lopez"));
        assert_eq!(
            found[0].sentence.as_deref(),
            Some("“We will not be rushed into a bad deal,” Lopez told reporters.")
        );
        assert_eq!(&text[found[0].span.0..found[0].span.1], "We will not be rushed into a bad deal");
    }

    #[test]
    fn a_quote_split_around_its_attribution_gives_both_halves_the_speaker() {
        let text = "Russian President Vladimir Putin spoke first. “We are ready,” he said. “We have always been ready.”";
        assert_eq!(
            quotes(text),
            [pair("We are ready", "Vladimir Putin"), pair("We have always been ready.", "Vladimir Putin")]
        );
    }

    #[test]
    fn a_name_inside_the_quote_is_not_its_speaker() {
        let text = "“Putin will not win this war,” said Kaja Ilves, a Carnegie expert.";
        assert_eq!(quotes(text), [pair("Putin will not win this war", "Kaja Ilves")]);
    }

    #[test]
    fn a_quote_across_paragraphs_is_credited_where_it_is_attributed() {
        let text = "Gabuev said the call mattered. \"This is a partnership,\" Alexander Gabuev said. \"It is deep.\n\"And it will last.\"";
        let found = quotes(text);
        assert_eq!(found.last().unwrap(), &pair("And it will last.", "Alexander Gabuev"));
    }

    /// Found by `cargo fuzz` (target `extract`): an empty aside between two commas before a
    /// speech verb indexed past the end of the aside's tokens.
    #[test]
    fn an_empty_aside_before_the_verb_is_not_a_crash() {
        let found = quotes("A spokesperson, , said “We will not stop now, not ever.”");
        assert_eq!(found.len(), 1);
    }

    #[test]
    fn scare_quotes_without_a_speaker_are_left_out() {
        assert!(quotes("The so-called “peace plan” was published.").is_empty());
    }

    #[test]
    fn empty_or_oversized_input_is_refused_with_a_reason() {
        assert_eq!(extract("  \n "), Err(ExtractError::Empty));
        let long = "a".repeat(MAX_INPUT_BYTES + 1);
        assert_eq!(extract(&long), Err(ExtractError::TooLong(MAX_INPUT_BYTES + 1)));
    }

    #[test]
    fn arbitrary_text_never_panics_and_every_span_is_on_character_boundaries() {
        const PIECES: &[&str] = &[
            "“",
            "”",
            "\"",
            "‘",
            "’",
            "'",
            "«",
            "»",
            "„",
            ",",
            ".",
            " ",
            "\n",
            "\n\n",
            "said",
            "he",
            "Putin",
            "Vladimir",
            "the",
            "ministry",
            "54",
            "of",
            "69",
            "$",
            "€",
            "%",
            "percent",
            "million",
            "2bn",
            "Dec.",
            "1,234.5",
            "-",
            "—",
            "according",
            "to",
            "é",
            "日本",
            "🙂",
            "\u{0}",
            "\t",
            "X",
            "all",
            "16",
            "a",
            "quarter",
            "by",
            "rose",
            "fell",
            "between",
            "and",
            "at",
            "least",
            "one",
            "in",
            "five",
            ":",
            "(",
            ")",
        ];
        let mut rng = Rng(0x5eed_2022);
        for _ in 0..3000 {
            let len = (rng.next() % 60) as usize;
            let text: String =
                (0..len).map(|_| PIECES[(rng.next() % PIECES.len() as u64) as usize]).collect();
            let Ok(found) = extract(&text) else { continue };
            for c in found {
                assert!(text.is_char_boundary(c.span.0) && text.is_char_boundary(c.span.1), "{text:?}");
                assert!(c.span.0 < c.span.1, "{text:?}");
                assert_eq!(&text[c.span.0..c.span.1], c.text, "{text:?}");
            }
        }
    }
}
