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
mod unmarked;
mod walk;
mod words;

#[cfg(test)]
mod corpus_real_tests;
#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod paradigm_tests;
#[cfg(test)]
mod test_rng;

pub use output::{json, listing};
pub use quantity::{Change, Kind, Qualifier, Quantity};

use serde::Serialize;

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
    /// For a figure stated inside a quotation: the quotation's span (its candidate's `span`), so
    /// that the figure and the quote it stands in can be shown together. A quote has no figure of
    /// its own in the claim model; each figure it holds is its own numeric candidate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub in_quote: Option<(usize, usize)>,
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
    Ok(walk::Walk::new(text).run())
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
    fn a_capitalised_post_before_a_title_is_not_the_person() {
        let text = "Trade envoy Maria Lopez arrived in Geneva on Monday. She met officials.\n\n“We will not be rushed,” she said.";
        assert_eq!(quotes(text), [pair("We will not be rushed", "Maria Lopez")]);
        let text = "Defence minister John Smith spoke first.\n\n“We are ready,” he said.";
        assert_eq!(quotes(text), [pair("We are ready", "John Smith")]);
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
    fn thousands_of_figures_without_a_full_stop_each_carry_a_bounded_sentence() {
        // 10,000 figures in 240 KB with no sentence end: each candidate once copied the whole run.
        let text = "Exports rose 12% and ".repeat(10_000);
        let found = extract(&text).unwrap();
        assert_eq!(found.iter().filter(|c| c.kind == Kind::Numeric).count(), 10_000);
        assert!(found.iter().all(|c| c.text.len() <= text::MAX_SENTENCE_BYTES));
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
            "•",
            "* ",
            " \" ",
            "U.S.",
            "U.N",
            "WHO",
            "company",
            "resident",
            "instead",
            "quietly",
            "Microsoft's",
            "injured",
            "missing",
            "reported",
            "-year-old",
        ];
        let mut rng = Rng(0x5eed_2022);
        let cases = std::env::var("EXTRACT_PROPERTY_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(3000);
        for _ in 0..cases {
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
