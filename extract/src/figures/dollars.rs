//! Which dollar a text counts in: "$65 billion" in an Australian minister's release is 65
//! billion Australian dollars, though "$" alone is read as the US dollar everywhere else.

use crate::text::Token;
use crate::words;
use std::sync::LazyLock;

/// How much of a text's start is read for its country.
const HEAD: usize = 6_000;

/// The lines of `data/dollar_countries.txt`: a currency and a phrase placing a text in its country.
static COUNTRY_WORDS: LazyLock<Vec<(&'static str, &'static str)>> = LazyLock::new(|| {
    words::entries(include_str!("../../data/dollar_countries.txt"))
        .filter_map(|l| l.split_once(char::is_whitespace))
        .map(|(code, phrase)| (code, phrase.trim()))
        .collect()
});

/// The currency a bare "$" or "dollars" stands for in `text`, when it is not the US dollar: the
/// country of `data/dollar_countries.txt` its first paragraphs name at least twice and more often
/// than the United States.
pub fn local_dollar(text: &str) -> Option<&'static str> {
    if !text.contains('$') && !text.contains("ollar") {
        return None;
    }
    // (A text says where it is in its first paragraphs: they are read, not the whole of a
    // long text at every extraction.)
    let mut head = text.len().min(HEAD);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    let lower = text[..head].to_lowercase();
    let mut counts: Vec<(&'static str, usize)> = Vec::new();
    for &(code, phrase) in COUNTRY_WORDS.iter() {
        let n = mentions(&lower, phrase);
        match counts.iter_mut().find(|(c, _)| *c == code) {
            Some((_, total)) => *total += n,
            None => counts.push((code, n)),
        }
    }
    // ("the US tariffs": "US" in capitals, which lower case would make the pronoun "us".)
    let us_in_capitals = text[..head].match_indices("US").filter(|(at, _)| {
        let bytes = text.as_bytes();
        let before = at.checked_sub(1).map(|b| bytes[b]);
        before.is_none_or(|b| !b.is_ascii_alphanumeric())
            && bytes.get(at + 2).is_none_or(|a| !a.is_ascii_alphanumeric())
    });
    let us = counts.iter().find(|(c, _)| *c == "USD").map_or(0, |(_, n)| *n) + us_in_capitals.count();
    counts
        .into_iter()
        .filter(|(c, n)| *c != "USD" && *n >= 2 && *n > us)
        .max_by_key(|(_, n)| *n)
        .map(|(c, _)| c)
}

/// How often `phrase` stands in `lower` as whole words.
fn mentions(lower: &str, phrase: &str) -> usize {
    let bytes = lower.as_bytes();
    lower
        .match_indices(phrase)
        .filter(|(at, _)| {
            let before = at.checked_sub(1).map(|b| bytes[b]);
            let after = bytes.get(at + phrase.len());
            before.is_none_or(|b| !b.is_ascii_alphanumeric())
                && after.is_none_or(|a| !a.is_ascii_alphanumeric())
        })
        .count()
}

/// Puts the figures of a sentence read in US dollars from a bare "$" or "dollars" into the text's
/// own dollar (`local_dollar`), unless the words around one say the US dollar: in the figure
/// ("US$5", "5 U.S. dollars"), just before it ("US $5") or just after it ("$400 billion (U.S.)",
/// "$5 billion in US dollars").
pub fn in_local_dollar(tokens: &[Token<'_>], figures: &mut [super::Figure], dollar: &str) {
    let us = |t: &Token<'_>| matches!(t.text, "US" | "U.S." | "U.S" | "American");
    for figure in figures.iter_mut().filter(|f| f.quantity.unit == "USD") {
        let around = &tokens[figure.start.saturating_sub(2)..tokens.len().min(figure.end + 5)];
        if !around.iter().any(us) {
            figure.quantity.unit = dollar.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::local_dollar;

    #[test]
    fn a_text_counts_in_the_dollar_of_the_country_it_names_most() {
        let au = "Minister Watt visited farms in Queensland. Australian exports will hit $65 billion, \
                  the best year Australia has had.";
        assert_eq!(local_dollar(au), Some("AUD"));
        let us = "The Australian envoy met U.S. officials. The United States pledged $5 million, \
                  American aid officials said.";
        assert_eq!(local_dollar(us), None);
        let us_in_capitals = "OTTAWA - Canada and Canadian officials criticised the US tariffs. The US \
                              Commerce Department said the US would collect $2 billion.";
        assert_eq!(local_dollar(us_in_capitals), None);
        // Named once: no country's dollar is sure.
        assert_eq!(local_dollar("Canada's share rose. It cost $5."), None);
        // No dollars at all.
        assert_eq!(local_dollar("Canada and Canadians."), None);
    }
}
