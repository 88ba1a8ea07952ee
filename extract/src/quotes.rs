//! Direct quotations: the words between quotation marks, in the styles news copy uses.
//!
//! Pairing works paragraph by paragraph, so that one stray mark cannot flip every quote after it.
//! A paragraph that opens a quote without closing it (the convention for a quote that runs on into
//! the next paragraph) yields its words up to the paragraph's end, and the next paragraph's quote
//! is marked as its continuation: the pieces share one speaker.

use super::text::trim;
use std::ops::Range;

/// One quoted passage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// From the opening mark to just after the closing mark (or the paragraph's end).
    pub outer: Range<usize>,
    /// The quoted words: inside the marks, trimmed, without a trailing comma.
    pub inner: Range<usize>,
    /// The paragraph's quote was left open: the next paragraph's opening quote continues it.
    pub open_ended: bool,
    /// This piece continues an open-ended quote from the paragraph before.
    pub continues: bool,
}

/// Stands for the opening of a quote continued from the paragraph before without a mark.
const NO_MARK: char = '\u{0}';

/// Whether a paragraph closes a quote it never opened: its first quotation mark is a closing one
/// (after a word, before a space or the end) and it ends with a closing mark.
pub fn closes_unopened(para: &str) -> bool {
    // "… and entrepreneurship”.": a full stop after the mark, as British copy sets it.
    let trimmed = para.trim_end().trim_end_matches(['.', ';']);
    if !trimmed.ends_with(['"', '”']) {
        return false;
    }
    let chars: Vec<char> = para.chars().collect();
    let first_mark = chars.iter().position(|c| matches!(c, '"' | '“' | '”' | '«' | '„'));
    first_mark.is_some_and(|k| {
        let before = k.checked_sub(1).map(|p| chars[p]);
        let after = chars.get(k + 1);
        chars[k] != '“'
            && before.is_some_and(|b| !b.is_whitespace())
            && after.is_none_or(|a| a.is_whitespace() || matches!(a, ',' | '.' | ';'))
    })
}

/// The closing marks an opening mark accepts.
fn closers(open: char) -> &'static [char] {
    match open {
        // Copy mixes marks: “like this" closes too.
        '“' => &['”', '"'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '‘' => &['’'],
        '"' | NO_MARK => &['"', '”'],
        '”' => &['”'],
        '\'' => &['\''],
        _ => &[],
    }
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(char::is_alphanumeric)
}

/// Quotations in one paragraph. `continues` says the paragraph before left a quote open.
pub fn in_paragraph(text: &str, paragraph: Range<usize>, continues: bool) -> Vec<Quoted> {
    let para = &text[paragraph.clone()];
    let chars: Vec<(usize, char)> = para.char_indices().collect();
    let mut out = Vec::new();
    // A paragraph that goes on with a quote left open, without a mark of its own, and closes it:
    // the quote runs from the paragraph's start.
    let mut open: Option<(usize, char)> = (continues && closes_unopened(para)).then_some((0, NO_MARK));
    let mut first = true;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let before = k.checked_sub(1).map(|p| chars[p].1);
        let after = chars.get(k + 1).map(|(_, a)| *a);
        match open {
            // ("It's not fair.'': two straight single marks typed for a double one.)
            Some((start, mark)) if doubled_single(&chars, k) && matches!(mark, '"' | '“' | NO_MARK) => {
                push(text, paragraph.start, start, i + 2, true, continues && first, &mut out);
                first = false;
                open = None;
            }
            Some((start, mark)) if closers(mark).contains(&c) => {
                // A closing single mark must end a word: "don’t" is an apostrophe, not a close.
                if matches!(c, '’' | '\'') && (is_word_char(after) || before.is_none_or(char::is_whitespace))
                {
                    continue;
                }
                if c == '"'
                    && before.is_some_and(char::is_whitespace)
                    && after.is_some_and(|a| !a.is_whitespace())
                {
                    // A straight mark after a space opens a new quote: the previous one was unclosed,
                    // and the narration that resumed before the new one is not in it.
                    let end = first_sentence_end(para, start, i);
                    push(text, paragraph.start, start, end, false, continues && first, &mut out);
                    first = false;
                    open = Some((i, c));
                    continue;
                }
                let end = i + c.len_utf8();
                push(text, paragraph.start, start, end, true, continues && first, &mut out);
                first = false;
                open = None;
            }
            Some(_) => {}
            None => {
                let opens = opens_at(&chars, k);
                if opens {
                    open = Some((i, c));
                }
            }
        }
    }
    if let Some((start, _)) = open {
        push(text, paragraph.start, start, para.len(), false, continues && first, &mut out);
        if let Some(last) = out.last_mut() {
            last.open_ended = true;
        }
    }
    out
}

/// Whether the mark at `k` opens a quotation.
fn opens_at(chars: &[(usize, char)], k: usize) -> bool {
    let c = chars[k].1;
    let before = k.checked_sub(1).map(|p| chars[p].1);
    let after = chars.get(k + 1).map(|(_, a)| *a);
    match c {
        '“' | '„' | '«' => true,
        // A straight mark opens before a word ("Yes"), or after a comma or colon
        // with a space inside (said," [Warhol] liked…); never right after a word.
        '"' => {
            let glued = before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | '!' | '?'));
            let before_word = !after.is_none_or(char::is_whitespace);
            !glued
                && (before_word
                    || before.is_some_and(|b| matches!(b, ',' | ':')) && after.is_some()
                    || spaced_opener(chars, k))
        }
        // An opening single mark starts a word and follows a space or a bracket; between
        // letters it is an apostrophe set with the wrong mark ("Spain‘s men’s team").
        '‘' => (is_word_char(after) || after == Some('…')) && !before.is_some_and(char::is_alphabetic),
        // A straight single mark opens only at a word's start after a space; inside
        // words ("don't") and after them ("residents' ") it is an apostrophe.
        '\'' => {
            before.is_none_or(|b| b.is_whitespace() || matches!(b, '(' | '[' | '—' | '–'))
                && after.is_some_and(char::is_alphabetic)
        }
        // Some styles open with a right mark (”Like this”): only after a space.
        '”' => before.is_none_or(|b| b.is_whitespace()) && is_word_char(after),
        _ => false,
    }
}

/// Whether the straight single mark at `k` and the one after it close a double quotation as a
/// typewriter's pair ("It's not fair.'').
fn doubled_single(chars: &[(usize, char)], k: usize) -> bool {
    let at = |n: usize| chars.get(n).map(|(_, c)| *c);
    at(k) == Some('\'')
        && at(k + 1) == Some('\'')
        && at(k + 2).is_none_or(|a| a.is_whitespace() || matches!(a, ',' | ';' | ')'))
}

/// Where the first sentence of an unclosed quote between `start` and `end` ends: after a full
/// stop, question or exclamation mark followed by a space and a capital ("… in the north. The top
/// diplomat also urged …"), else at `end`.
fn first_sentence_end(para: &str, start: usize, end: usize) -> usize {
    let inside = &para[start..end];
    let stops = inside.char_indices().filter(|(_, c)| matches!(c, '.' | '!' | '?'));
    let next_sentence = |k: usize| {
        let rest = &inside[k + 1..];
        rest.starts_with(' ') && rest.trim_start().starts_with(char::is_uppercase)
    };
    let k = stops.map(|(k, _)| k).find(|k| next_sentence(*k) && !crate::text::is_abbreviation(&inside[..*k]));
    k.map_or(end, |k| start + k + 1)
}

/// A straight mark with a space on both sides, as tokenised text prints them (`said , " We are
/// ready . "`): an opener when a closer follows in the paragraph — an odd number of straight
/// marks after it, or none and a curly closer (`said Doyle. " Overall, we are counting …”`, as
/// copy mixing marks prints them).
fn spaced_opener(chars: &[(usize, char)], k: usize) -> bool {
    let spaced = |p: Option<usize>| p.and_then(|p| chars.get(p)).is_none_or(|(_, c)| c.is_whitespace());
    let later = chars[k + 1..].iter().filter(|(_, c)| *c == '"').count();
    // (Not an inch mark: "a 12 \" pipe. “It cost $40,” he said" — a mark right after a number
    // measures it; an opener follows words or a stop, "said Doyle. \" Overall", "Doyle said \" …".)
    let after_a_digit =
        chars[..k].iter().rev().find(|(_, c)| !c.is_whitespace()).is_some_and(|(_, c)| c.is_ascii_digit());
    let curly_closer = || later == 0 && !after_a_digit && chars[k + 1..].iter().any(|(_, c)| *c == '”');
    spaced(k.checked_sub(1))
        && spaced(Some(k + 1))
        && chars.get(k + 1).is_some()
        && (later % 2 == 1 || curly_closer())
}

fn push(
    text: &str,
    base: usize,
    open_at: usize,
    end: usize,
    closed: bool,
    continues: bool,
    out: &mut Vec<Quoted>,
) {
    let first = text[base + open_at..].chars().next();
    let mark_len = first.filter(|c| !closers(*c).is_empty() && *c != NO_MARK).map_or(0, char::len_utf8);
    let inner_start = base + open_at + mark_len;
    // (A typewriter's pair of single marks, "It's not fair.'', closes as one mark of two bytes.)
    let close_len = match text[..base + end].chars().next_back() {
        _ if !closed => 0,
        Some('\'') if text[..base + end].ends_with("''") => 2,
        last => last.map_or(1, char::len_utf8),
    };
    let inner_end = base + end - close_len;
    let mut inner = trim(text, inner_start..inner_end.max(inner_start));
    // "We will not be rushed into a bad deal," he said: the comma belongs to the sentence.
    while text[inner.clone()].ends_with([',', ';', ':']) {
        inner = trim(text, inner.start..inner.end - 1);
    }
    if text[inner.clone()].chars().any(char::is_alphabetic) {
        out.push(Quoted { outer: base + open_at..base + end, inner, open_ended: false, continues });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn quotes(text: &str) -> Vec<&str> {
        in_paragraph(text, 0..text.len(), false).iter().map(|q| &text[q.inner.clone()]).collect()
    }

    #[test]
    fn finds_quotes_in_every_style_of_mark() {
        assert_eq!(quotes("“We will not be rushed,” Lopez said."), ["We will not be rushed"]);
        assert_eq!(quotes("\"Straight,\" he said. \"Again.\""), ["Straight", "Again."]);
        assert_eq!(quotes("She said ‘never again’ twice."), ["never again"]);
        assert_eq!(quotes("'Enough,' she said. 'We don't agree.'"), ["Enough", "We don't agree."]);
        assert_eq!(quotes("Il a dit « jamais » hier."), ["jamais"]);
        assert_eq!(quotes("Er sagte: „Wir schaffen das“."), ["Wir schaffen das"]);
    }

    #[test]
    fn an_opening_single_mark_between_letters_is_an_apostrophe() {
        assert!(quotes("Spain‘s men’s team arrived on Friday. The coach said it was ‘a big day’.")
            .iter()
            .all(|q| *q == "a big day"));
    }

    #[test]
    fn apostrophes_do_not_close_single_quotes() {
        assert_eq!(quotes("He said ‘Ukraine’s army won’t stop’ today."), ["Ukraine’s army won’t stop"]);
    }

    #[test]
    fn an_unclosed_quote_runs_to_the_paragraphs_end() {
        let text = "“We will stay the course. We always have.";
        let q = in_paragraph(text, 0..text.len(), false);
        assert_eq!(q.len(), 1);
        assert!(q[0].open_ended);
        assert_eq!(&text[q[0].inner.clone()], "We will stay the course. We always have.");
    }

    #[test]
    fn an_unclosed_quote_before_another_in_its_paragraph_ends_with_its_first_sentence() {
        let text =
            "“It will help the north. The top diplomat also urged calm. \"The toll is too high,\" he said.";
        let q: Vec<&str> =
            in_paragraph(text, 0..text.len(), false).iter().map(|q| &text[q.inner.clone()]).collect();
        assert_eq!(q, ["It will help the north.", "The toll is too high"]);
    }

    #[test]
    fn mixed_marks_and_a_straight_mark_after_a_comma_still_pair() {
        assert_eq!(quotes("He is “extremely concerned\" by it."), ["extremely concerned"]);
        assert_eq!(
            quotes("Wilkins said,\" [Warhol] liked the flash\". She left."),
            ["[Warhol] liked the flash"]
        );
    }

    #[test]
    fn a_paragraph_that_closes_a_quote_it_never_opened_continues_the_one_before() {
        let text = "It was a very emotional day for all of us. We will be back.\"";
        let q = in_paragraph(text, 0..text.len(), true);
        assert_eq!(&text[q[0].inner.clone()], "It was a very emotional day for all of us. We will be back.");
        assert!(q[0].continues);
        assert!(in_paragraph(text, 0..text.len(), false).is_empty());
        // A full stop after the closing mark, as British copy sets it.
        let text = "They will help enterprises to grow”.";
        let q = in_paragraph(text, 0..text.len(), true);
        assert_eq!(&text[q[0].inner.clone()], "They will help enterprises to grow");
    }

    #[test]
    fn straight_marks_spaced_as_in_tokenised_text_still_pair() {
        assert_eq!(quotes("Bolden said , \" We are ready to fly . \" He left ."), ["We are ready to fly ."]);
        assert_eq!(quotes("\" We are ready , \" Bolden said ."), ["We are ready"]);
        assert_eq!(quotes("A 12 \" pipe burst."), Vec::<&str>::new());
    }

    #[test]
    fn a_spaced_straight_mark_before_a_curly_closer_opens() {
        let text = "“We counted 365 deaths ,\" said Doyle. \" Overall, we are counting 1,000 more deaths.”";
        assert_eq!(quotes(text), ["We counted 365 deaths", "Overall, we are counting 1,000 more deaths."]);
    }

    #[test]
    fn quotes_with_no_words_are_not_quotes() {
        assert!(quotes("a 12\" pipe and “…” here").is_empty());
    }
}
