//! Finding a claim's words again when its source's text changes. A claim's place in a text is its
//! exact words plus a little of what comes before and after — a text-quote selector, as in the W3C
//! Web Annotation model and Hypothesis — taken from the old text; the new text is searched for the
//! words, and among several occurrences the one whose surroundings agree best (then the one
//! nearest the old place) wins. Words no longer in the text have no place: they are reported as
//! lost, never moved to other words.

/// Characters of context on each side that decide between occurrences, and that a lost
/// passage is shown with.
pub const CONTEXT_CHARS: usize = 40;

/// A claim's words as found in a text: exact words, with what precedes and follows them.
#[derive(Clone, Debug, PartialEq)]
pub struct Selector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
    /// Where the words stood, as a share of the text's length (0 to 1): ties go to the nearest.
    pub position: f64,
}

impl Selector {
    /// The selector of `span` in `text`, if the span is a non-empty range of whole characters.
    pub fn of(text: &str, span: (usize, usize)) -> Option<Selector> {
        let (start, end) = span;
        let valid =
            start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end);
        valid.then(|| Selector {
            exact: text[start..end].to_owned(),
            prefix: last_chars(&text[..start], CONTEXT_CHARS).to_owned(),
            suffix: first_chars(&text[end..], CONTEXT_CHARS).to_owned(),
            position: start as f64 / text.len().max(1) as f64,
        })
    }

    /// Where the words are in `text`, if they are there.
    pub fn find_in(&self, text: &str) -> Option<(usize, usize)> {
        let best = text
            .match_indices(self.exact.as_str())
            .map(|(start, _)| {
                let end = start + self.exact.len();
                let agreement =
                    common_suffix(&text[..start], &self.prefix) + common_prefix(&text[end..], &self.suffix);
                let distance = (start as f64 / text.len().max(1) as f64 - self.position).abs();
                (start, agreement, distance)
            })
            .max_by(|a, b| a.1.cmp(&b.1).then(b.2.total_cmp(&a.2)))?;
        Some((best.0, best.0 + self.exact.len()))
    }

    /// The words with their context, as editors are shown a lost passage: "…before [words] after…".
    pub fn passage(&self) -> String {
        format!("…{}{}{}…", self.prefix, self.exact, self.suffix)
    }
}

/// What stands in `text` near where the words were (the same share of its length), for showing
/// beside a lost passage.
pub fn near(text: &str, position: f64, chars: usize) -> String {
    let total = text.chars().count();
    let middle = (position.clamp(0.0, 1.0) * total as f64) as usize;
    let from = middle.saturating_sub(chars / 2);
    let piece: String = text.chars().skip(from).take(chars).collect();
    format!("…{}…", piece.trim())
}

fn last_chars(text: &str, n: usize) -> &str {
    let from = text.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &text[from..]
}

fn first_chars(text: &str, n: usize) -> &str {
    let to = text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    &text[..to]
}

/// Characters `a` and `b` share at their ends.
fn common_suffix(a: &str, b: &str) -> usize {
    a.chars().rev().zip(b.chars().rev()).take_while(|(x, y)| x == y).count()
}

/// Characters `a` and `b` share at their starts.
fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span_of(text: &str, words: &str) -> (usize, usize) {
        let start = text.find(words).unwrap();
        (start, start + words.len())
    }

    fn moved(old: &str, words: &str, new: &str) -> Option<String> {
        let selector = Selector::of(old, span_of(old, words)).unwrap();
        selector.find_in(new).map(|(s, e)| new[s..e].to_owned())
    }

    #[test]
    fn words_are_found_again_after_text_moves_around_them() {
        let old = "Intro.\n“We will not be rushed,” Lopez said.\nMore.";
        let new = "A new first paragraph was added.\n\nIntro, longer now.\n“We will not be rushed,” Lopez said.\nMore.";
        assert_eq!(moved(old, "We will not be rushed", new).as_deref(), Some("We will not be rushed"));
        let selector = Selector::of(old, span_of(old, "We will not be rushed")).unwrap();
        assert_eq!(selector.find_in(new), Some(span_of(new, "We will not be rushed")));
    }

    #[test]
    fn changed_or_deleted_words_are_lost_not_moved_to_other_words() {
        let old = "“We will not be rushed,” Lopez said. Talks go on.";
        assert_eq!(
            moved(old, "We will not be rushed", "“We will not be hurried,” Lopez said. Talks go on."),
            None
        );
        assert_eq!(moved(old, "We will not be rushed", "Talks go on."), None);
    }

    #[test]
    fn among_repeated_words_the_surroundings_decide() {
        let old = "Smith said “no deal”. Later Jones said “no deal” again.";
        let selector =
            Selector::of(old, (old.rfind("no deal").unwrap(), old.rfind("no deal").unwrap() + 7)).unwrap();
        let new = "Brown said “no deal” first. Smith said “no deal”. Later Jones said “no deal” again.";
        assert_eq!(
            selector.find_in(new),
            Some((new.rfind("no deal").unwrap(), new.rfind("no deal").unwrap() + 7))
        );
    }

    #[test]
    fn bad_spans_have_no_selector_and_passages_read_naturally() {
        assert!(Selector::of("é", (0, 1)).is_none());
        assert!(Selector::of("abc", (2, 9)).is_none());
        assert!(Selector::of("abc", (2, 2)).is_none());
        let s = Selector::of("one two three", (4, 7)).unwrap();
        assert_eq!(s.passage(), "…one two three…");
        assert_eq!(near("abcdefghij", 0.5, 4), "…defg…");
        assert_eq!(near("", 0.5, 4), "……");
    }
}
