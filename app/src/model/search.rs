//! Turning what a reader typed into search terms, and marking those terms in results.
//!
//! The terms are plain words (letters and digits), so no input can inject search syntax into the
//! database's query language. A term of three or more characters also matches longer words that
//! start with it ("missile" finds "missiles"); shorter terms match whole words only.

/// At most this many words of a query are used; the rest are ignored.
pub const MAX_TERMS: usize = 8;
/// Queries longer than this many characters are refused.
pub const MAX_QUERY_CHARS: usize = 200;
/// Terms this long or longer match as prefixes.
pub const PREFIX_MIN_CHARS: usize = 3;

/// The lowercase words of `query`, without duplicates, at most [`MAX_TERMS`].
pub fn terms(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in query.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        let word = word.to_lowercase();
        if !out.contains(&word) {
            out.push(word);
        }
        if out.len() == MAX_TERMS {
            break;
        }
    }
    out
}

/// Whether `term` matches `word` under the rules above (both lowercase).
pub fn term_matches(term: &str, word: &str) -> bool {
    if term.chars().count() >= PREFIX_MIN_CHARS {
        word.starts_with(term)
    } else {
        word == term
    }
}

/// A piece of text, marked when it is a word that matched the search.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment<'a> {
    pub text: &'a str,
    pub matched: bool,
}

/// Splits `text` into segments, marking the words that match any of `terms`.
pub fn highlight<'a>(text: &'a str, terms: &[String]) -> Vec<Segment<'a>> {
    if terms.is_empty() {
        return vec![Segment { text, matched: false }];
    }
    let mut segments = Vec::new();
    let mut plain_start = 0;
    let mut word_start = None;
    let push_word = |start: usize, end: usize, plain_start: &mut usize, segs: &mut Vec<Segment<'a>>| {
        let word = &text[start..end];
        let lower = word.to_lowercase();
        if terms.iter().any(|t| term_matches(t, &lower)) {
            if *plain_start < start {
                segs.push(Segment { text: &text[*plain_start..start], matched: false });
            }
            segs.push(Segment { text: word, matched: true });
            *plain_start = end;
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                push_word(start, i, &mut plain_start, &mut segments);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = word_start {
        push_word(start, text.len(), &mut plain_start, &mut segments);
    }
    if plain_start < text.len() {
        segments.push(Segment { text: &text[plain_start..], matched: false });
    }
    segments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, query: &str) -> Vec<String> {
        highlight(text, &terms(query)).into_iter().filter(|s| s.matched).map(|s| s.text.to_owned()).collect()
    }

    #[test]
    fn terms_are_lowercase_words_without_syntax() {
        assert_eq!(terms("  Putin  \"trade\" OR NEAR(x*) "), vec!["putin", "trade", "or", "near", "x"]);
        assert_eq!(terms("Sino-Russian"), vec!["sino", "russian"]);
        assert!(terms("*** \" ( )").is_empty());
    }

    #[test]
    fn terms_are_deduplicated_and_capped() {
        assert_eq!(terms("a A a b"), vec!["a", "b"]);
        assert_eq!(terms("a b c d e f g h i j k").len(), MAX_TERMS);
    }

    #[test]
    fn long_terms_match_as_prefixes_short_ones_whole() {
        assert_eq!(marked("54 of 69 cruise missiles", "missile"), vec!["missiles"]);
        assert_eq!(marked("U.S. is us", "us"), vec!["us"]);
        assert_eq!(marked("trade TRADE trader", "trade"), vec!["trade", "TRADE", "trader"]);
    }

    #[test]
    fn highlight_keeps_every_byte_of_the_text() {
        let text = "Moscow is a much needier partner — than China is.";
        let joined: String = highlight(text, &terms("needier china")).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
        assert_eq!(marked(text, "needier china"), vec!["needier", "China"]);
    }

    #[test]
    fn no_terms_means_one_plain_segment() {
        assert_eq!(highlight("abc", &[]), vec![Segment { text: "abc", matched: false }]);
    }

    #[test]
    fn non_ascii_words_are_matched_on_char_boundaries() {
        assert_eq!(marked("Zürich und Köln", "köln"), vec!["Köln"]);
    }
}
