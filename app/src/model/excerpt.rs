//! What readers see of a source's text: each published claim's words with a little of the text
//! around them, never the whole article (republishing it would be a copyright problem for any
//! newsroom; editors keep the full text).

use super::import::Mark;
use serde::{Deserialize, Serialize};

/// How much text around a claim's words an excerpt shows at most, on each side, in characters:
/// the rest of the sentence, or about two lines of it.
pub const CONTEXT_CHARS: usize = 160;

/// A claim's words in their context: `text` holds the excerpt (with "…" where it was cut), and
/// `mark` where the claim's words are in it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Excerpt {
    pub text: String,
    pub mark: Mark,
}

/// The excerpt of each mark that lies within `text`, in the order given. The context is the rest
/// of the sentences the words are in, within their paragraph, cut after [`CONTEXT_CHARS`] at a
/// word boundary.
pub fn excerpts(text: &str, marks: &[Mark]) -> Vec<Excerpt> {
    marks.iter().filter_map(|mark| excerpt(text, mark)).collect()
}

fn excerpt(text: &str, mark: &Mark) -> Option<Excerpt> {
    let inside = mark.start < mark.end
        && mark.end <= text.len()
        && text.is_char_boundary(mark.start)
        && text.is_char_boundary(mark.end);
    if !inside {
        return None;
    }
    let before = context_before(&text[..mark.start]);
    let after = context_after(&text[mark.end..]);
    let lead = if before.cut { "… " } else { "" };
    let tail = if after.cut { " …" } else { "" };
    let excerpt = format!("{lead}{}{}{}{tail}", before.text, &text[mark.start..mark.end], after.text);
    let start = lead.len() + before.text.len();
    let end = start + (mark.end - mark.start);
    Some(Excerpt { text: excerpt, mark: Mark { start, end, ..mark.clone() } })
}

/// Context on one side of the claim's words, and whether it stops short of a sentence boundary.
struct Context<'a> {
    text: &'a str,
    cut: bool,
}

/// The start of the sentence `before` ends in (within its paragraph), at most CONTEXT_CHARS back.
fn context_before(before: &str) -> Context<'_> {
    let paragraph = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let sentence = match sentence_ends(paragraph).last() {
        Some(end) => paragraph[*end..].trim_start(),
        None => paragraph.trim_start(),
    };
    if sentence.chars().count() <= CONTEXT_CHARS {
        return Context { text: sentence, cut: false };
    }
    let from = char_index_from_end(sentence, CONTEXT_CHARS);
    // Start at the next word, not inside one.
    let rest = &sentence[from..];
    let word = rest.find(char::is_whitespace).map_or(rest, |i| rest[i..].trim_start());
    Context { text: word, cut: true }
}

/// The rest of the sentence `after` begins in (within its paragraph), at most CONTEXT_CHARS on.
fn context_after(after: &str) -> Context<'_> {
    let paragraph = after.find('\n').map_or(after, |i| &after[..i]);
    let sentence = match sentence_ends(paragraph).first() {
        Some(end) => paragraph[..*end].trim_end(),
        None => paragraph.trim_end(),
    };
    if sentence.chars().count() <= CONTEXT_CHARS {
        return Context { text: sentence, cut: false };
    }
    let to = sentence.char_indices().nth(CONTEXT_CHARS).map_or(sentence.len(), |(i, _)| i);
    // End after a whole word.
    let upto = &sentence[..to];
    let word = upto.rfind(char::is_whitespace).map_or(upto, |i| upto[..i].trim_end());
    Context { text: word, cut: true }
}

/// Byte offsets just after each sentence end in `text`: `.`, `!` or `?` (and any closing quotes
/// or brackets after it) followed by white space.
fn sentence_ends(text: &str) -> Vec<usize> {
    let mut ends = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((_, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?') {
            continue;
        }
        while let Some(&(_, closing)) = chars.peek() {
            if !matches!(closing, '"' | '\'' | '”' | '’' | ')' | ']') {
                break;
            }
            chars.next();
        }
        if let Some(&(i, next)) = chars.peek() {
            if next.is_whitespace() {
                ends.push(i);
            }
        }
    }
    ends
}

/// The byte index `n` characters before the end of `text`.
fn char_index_from_end(text: &str, n: usize) -> usize {
    text.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ClaimKind;

    fn mark_of(text: &str, words: &str) -> Mark {
        let start = text.find(words).unwrap();
        Mark {
            start,
            end: start + words.len(),
            public_id: "abcdefgh".into(),
            kind: ClaimKind::Quote,
            status: None,
            number: 1,
        }
    }

    fn shown(text: &str, words: &str) -> (String, String) {
        let found = excerpts(text, &[mark_of(text, words)]);
        let e = &found[0];
        (e.text.clone(), e.text[e.mark.start..e.mark.end].to_owned())
    }

    #[test]
    fn an_excerpt_is_the_claims_sentence_and_no_more() {
        let text =
            "Headline here\n\nThe envoy arrived on Monday. “We will not be rushed,” Okonjo told reporters. \
                    Talks resume in May.\n\nA later paragraph.";
        let (excerpt, marked) = shown(text, "We will not be rushed");
        assert_eq!(excerpt, "“We will not be rushed,” Okonjo told reporters.");
        assert_eq!(marked, "We will not be rushed");
    }

    #[test]
    fn long_sentences_are_cut_at_words_and_say_so() {
        let long = "word ".repeat(100);
        let text = format!("{long}the figure was 54 of 69 drones {long}end.");
        let (excerpt, marked) = shown(&text, "54 of 69 drones");
        assert_eq!(marked, "54 of 69 drones");
        assert!(excerpt.starts_with("… word ") && excerpt.ends_with(" word …"), "{excerpt}");
        assert!(excerpt.chars().count() <= "54 of 69 drones".len() + 2 * CONTEXT_CHARS + 4);
        assert!(!text.contains(&excerpt), "shorter than the text");
    }

    #[test]
    fn context_stays_in_the_paragraph_and_handles_any_text() {
        let text = "First paragraph ends here\nThe ministry said 54 of 69 drones were shot down\nNext one.";
        let (excerpt, _) = shown(text, "54 of 69");
        assert_eq!(excerpt, "The ministry said 54 of 69 drones were shot down");
        // Marks outside the text or inside a character are skipped, never a panic.
        let bad = Mark { start: 1, end: 2, ..mark_of("é and", "and") };
        assert!(excerpts("é and", &[bad]).is_empty());
        let beyond = Mark { start: 3, end: 99, ..mark_of("abc def", "def") };
        assert!(excerpts("abc def", &[beyond]).is_empty());
        let accented = "Ça coûte « 3 milliards » d’euros, a-t-il dit. Fin.";
        assert_eq!(shown(accented, "3 milliards").0, "Ça coûte « 3 milliards » d’euros, a-t-il dit.");
    }
}
