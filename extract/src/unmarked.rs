//! Quotations set without marks: government releases print a minister's words as plain
//! paragraphs after "Minister for Exports Lord Offord said:". The paragraph that introduces them
//! ends in a verb of speech and a colon; the first paragraph after it is the quotation, and so is
//! each next one that still speaks in the first person ("we", "our", "I"), points at what was
//! just said ("This package provides …", "It is …") or closes the quotation with a mark the
//! writer never opened ("… in the right direction.”").

use crate::quotes::Quoted;
use crate::text::{self, Kind};
use crate::words;
use std::ops::Range;

/// Whether a paragraph ends by introducing a quotation: "… Gillian Keegan, said:".
pub fn introduces(paragraph: &str) -> bool {
    let Some(before) = paragraph.trim_end().strip_suffix(':') else { return false };
    let last = before.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    words::SPEECH_VERBS.contains(last.to_lowercase().as_str())
}

/// The paragraph as an unmarked quotation, if it reads as one: `first` for the paragraph right
/// after the introduction, which needs no first person.
pub fn quotation(text: &str, paragraph: &Range<usize>, first: bool) -> Option<Quoted> {
    let range = text::trim(text, paragraph.clone());
    // "‘These figures make a compelling case …": a release opening each paragraph of the
    // statement with a single mark it closes only at the end.
    let opened = text[range.clone()].starts_with('‘');
    let outer_start = range.start;
    let range = if opened { range.start + '‘'.len_utf8()..range.end } else { range };
    let para = &text[range.clone()];
    let marks = ['"', '“', '”', '«', '»', '„'];
    // "… in the right direction.”": the mark closing the whole quotation, never opened.
    // ("… this summer”.": the full stop set after the closing mark.)
    let closing = para
        .strip_suffix(['”', '"'])
        .or_else(|| para.strip_suffix("”.").or_else(|| para.strip_suffix("\".")))
        .or_else(|| para.strip_suffix('’').filter(|_| opened));
    // (Single marks inside the body are a phrase quoted within it: "let’s ‘Bring on the Great’".)
    let closing = closing.filter(|body| !body.contains(marks));
    let (range, para) = match closing {
        Some(body) => (range.start..range.start + body.len(), body),
        None => (range, para),
    };
    let stop_outside = text[..paragraph.end].trim_end().ends_with(['.', '!', '?']) && closing.is_some();
    let sentence = para.ends_with(['.', '!', '?', '…']) || stop_outside;
    if para.contains(marks) || !sentence || introduces(para) {
        return None;
    }
    let tokens = text::tokens(text, range.clone());
    // "This package provides …", "It is …": what was just said, pointed at.
    let points_back = tokens.first().is_some_and(|t| {
        matches!(
            t.lower(),
            "this"
                | "these"
                | "that"
                | "it"
                | "it's"
                | "it’s"
                | "today"
                | "today's"
                | "today’s"
                | "now"
                | "together"
        )
    });
    // "He added that …", "The minister said": the writer's narration again.
    let narrated = tokens.iter().any(|t| crate::attribution::is_speech_verb(t) && t.is_lowercase_word());
    let first_person = || {
        tokens.iter().any(|t| {
            t.kind == Kind::Word
                && matches!(
                    t.lower(),
                    "i" | "we"
                        | "our"
                        | "us"
                        | "my"
                        | "me"
                        | "i'm"
                        | "we're"
                        | "we've"
                        | "we’re"
                        | "we’ve"
                        | "i’m"
                )
        })
    };
    let goes_on = closing.is_some() || first_person() || points_back && !narrated;
    (first || goes_on).then_some(Quoted {
        outer: outer_start..range.end,
        inner: range,
        open_ended: false,
        continues: false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colon_after_a_verb_of_speech_introduces_a_quotation() {
        assert!(introduces("Speaking in Guildford today, Education Secretary, Gillian Keegan, said:"));
        assert!(introduces("Minister for Exports Lord Offord said: "));
        assert!(!introduces("It will improve:"));
        assert!(!introduces("Lord Offord said the figures were good."));
    }

    #[test]
    fn the_first_paragraph_is_the_quotation_and_later_ones_while_they_say_we() {
        let text = "This is fantastic news.\n\nThe UK is a services superpower, and we want more.\n\nThe ONS revised the figures.\n\nHe said “yes”.";
        let paragraphs = text::paragraphs(text);
        let q = quotation(text, &paragraphs[0], true).expect("the first paragraph");
        assert_eq!(&text[q.inner], "This is fantastic news.");
        assert!(quotation(text, &paragraphs[1], false).is_some());
        assert!(quotation(text, &paragraphs[2], false).is_none());
        assert!(quotation(text, &paragraphs[3], true).is_none());
    }

    #[test]
    fn a_paragraph_pointing_back_or_closing_the_quotation_goes_on() {
        let text = "This package provides solutions.\n\nThe ONS said the figures were revised.\n\nThere is a long way to go.”";
        let paragraphs = text::paragraphs(text);
        assert!(quotation(text, &paragraphs[0], false).is_some());
        assert!(quotation(text, &paragraphs[1], false).is_none());
        let q = quotation(text, &paragraphs[2], false).expect("the closing paragraph");
        assert_eq!(&text[q.inner], "There is a long way to go.");
    }
}
