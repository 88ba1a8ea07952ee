//! Paragraphs, sentences and word tokens of an article, all as byte ranges into the input so that
//! every span the extractor reports can be cut from the text exactly.

use crate::words;
use std::ops::Range;

/// The paragraphs of `text`. Text with blank lines is taken as hard-wrapped: paragraphs end at a
/// blank line. Otherwise every line is a paragraph, as text pasted from a web page usually is.
pub fn paragraphs(text: &str) -> Vec<Range<usize>> {
    let blank_lines = text.contains("\n\n") || text.contains("\n\r\n");
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\n' {
            // A list item is a paragraph of its own, even where blank lines part the others; so is
            // a run-in heading ("From the Feds") on its own line above its paragraph.
            let ends_paragraph = !blank_lines
                || next_line_is_blank(bytes, i + 1)
                || list_item(&text[i + 1..]).is_some()
                || is_heading(&text[line_start..i], &text[i + 1..]);
            line_start = i + 1;
            if ends_paragraph {
                push_trimmed(text, start..i, &mut out);
                start = i + 1;
            }
        }
        i += 1;
    }
    push_trimmed(text, start..text.len(), &mut out);
    out
}

/// A short line without closing punctuation before a line that opens with a capital: a heading,
/// not a hard-wrapped line of prose (those run to 60 characters or more, or go on in lower case).
fn is_heading(line: &str, rest: &str) -> bool {
    if !rest.trim_start_matches([' ', '\t']).starts_with(char::is_uppercase) {
        return false;
    }
    let line = line.trim();
    let words = line.split_whitespace().count();
    let open = line.chars().last().is_some_and(|c| c.is_alphanumeric());
    let capital = line.chars().next().is_some_and(char::is_uppercase);
    (1..=8).contains(&words) && line.len() < 60 && open && capital
}

fn next_line_is_blank(bytes: &[u8], from: usize) -> bool {
    bytes[from..].iter().take_while(|b| **b != b'\n').all(|b| b.is_ascii_whitespace())
        && bytes[from..].contains(&b'\n')
}

/// The length of the marker opening a list item ("• ", "- ", "* "), if `line` opens one.
pub fn list_item(line: &str) -> Option<usize> {
    let body = line.trim_start_matches([' ', '\t']);
    let mut chars = body.chars();
    chars.next().filter(|c| matches!(c, '•' | '◦' | '▪' | '‣' | '*' | '-'))?;
    let rest = chars.as_str();
    let item = rest.trim_start_matches([' ', '\t']);
    let spaced = item.len() < rest.len() && item.starts_with(|c: char| !c.is_whitespace());
    spaced.then(|| line.len() - item.len())
}

fn push_trimmed(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut range = range;
    // A list item's marker is no part of its sentence.
    if let Some(marker) = list_item(&text[range.clone()]) {
        range.start += marker;
    }
    let trimmed = trim(text, range);
    if !trimmed.is_empty() {
        out.push(trimmed);
    }
}

/// `range` without surrounding white space.
pub fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.end - (slice.len() - slice.trim_end().len());
    start..end.max(start)
}

/// Characters that may close a sentence after its full stop: quotation marks and brackets.
fn is_closer(c: char) -> bool {
    matches!(c, '”' | '"' | '’' | '\'' | ')' | ']' | '»' | '“')
}

/// "U.S", "U.N", "E.U": single capitals joined by full stops.
fn is_initials(word: &str) -> bool {
    let mut parts = word.split('.');
    let initial = |p: &str| {
        let mut c = p.chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_none()
    };
    word.contains('.') && parts.all(initial)
}

/// The sentences of one paragraph.
pub fn sentences(text: &str, paragraph: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let para = &text[paragraph.clone()];
    let mut start = 0;
    let mut chars = para.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let mut end = i + c.len_utf8();
        while let Some(&(j, next)) = chars.peek() {
            if is_closer(next) || matches!(next, '.' | '!' | '?') {
                end = j + next.len_utf8();
                chars.next();
            } else {
                break;
            }
        }
        // `ready . " He left`: a closing mark spaced off, as tokenised text prints it.
        let open_quote = para[start..end].matches('"').count() % 2 == 1;
        if open_quote
            && para[end..].starts_with(" \"")
            && para[end + 2..].chars().next().is_none_or(char::is_whitespace)
        {
            end += 2;
            while chars.peek().is_some_and(|(j, _)| *j < end) {
                chars.next();
            }
        }
        let rest = &para[end..];
        let after_space = rest.trim_start();
        if rest.len() == after_space.len() && !rest.is_empty() {
            continue; // "U.S.-led", "3.5": no space, no sentence end.
        }
        let starts_sentence = after_space.chars().next().is_none_or(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '“' | '"' | '‘' | '\'' | '«' | '„' | '(')
        });
        let closes_quote = para[i..end].chars().any(is_closer);
        if !starts_sentence
            || (c == '.' && is_abbreviation(&para[start..i]) && !ends_anyway(&para[start..i], after_space))
            || (c != '.' && closes_quote && attribution_follows(after_space))
        {
            continue;
        }
        out.push(trim(text, paragraph.start + start..paragraph.start + end));
        start = end;
    }
    if start < para.len() {
        let last = trim(text, paragraph.start + start..paragraph.end);
        if !last.is_empty() {
            out.push(last);
        }
    }
    out.into_iter().flat_map(|s| bounded(text, s)).collect()
}

/// The longest stretch of text read as one sentence. The longest sentence in the real-news corpus
/// is about 1,000 bytes; a run of text with no sentence end at all (a pasted table, a list of
/// thousands of figures) is cut into pieces of at most this length at spaces, because every
/// figure's candidate carries its sentence, and copying one enormous "sentence" per figure made
/// extraction quadratic in time and memory.
pub const MAX_SENTENCE_BYTES: usize = 4_000;

/// A sentence range cut at spaces into pieces no longer than [`MAX_SENTENCE_BYTES`] (a piece with
/// no space in reach is cut at a character boundary).
fn bounded(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    let mut pieces = Vec::new();
    let mut start = sentence.start;
    while sentence.end - start > MAX_SENTENCE_BYTES {
        let mut limit = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let cut = text[start..limit].rfind(char::is_whitespace).map_or(limit, |i| start + i);
        let cut = if cut > start { cut } else { limit };
        pieces.push(trim(text, start..cut));
        start = cut;
    }
    pieces.push(trim(text, start..sentence.end));
    pieces.retain(|p| !p.is_empty());
    pieces
}

/// `"…for everyone!" Lindqvist said.`: after a quote closing on "!" or "?", an attribution
/// ("Lindqvist said", "said Anna Keller", "he asked") goes on with the same sentence.
fn attribution_follows(after: &str) -> bool {
    let words: Vec<String> = after
        .split_whitespace()
        .take(4)
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
        .collect();
    let verb =
        |w: &String| words::SPEECH_VERBS.contains(w.as_str()) && !words::NOUN_VERBS.contains(w.as_str());
    words.first().is_some_and(verb) || words.iter().skip(1).take(2).any(verb)
}

/// "… to the U.S. The next day": an abbreviation that is not a title, followed by a word that
/// starts sentences and never follows a title or initial ("The", "He", "In"), ends the sentence.
fn ends_anyway(before: &str, after: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let next: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
    let title = crate::names::is_title(word) || word.chars().count() == 1;
    !title && !next.is_empty() && words::NOT_NAMES.contains(next.to_lowercase().as_str())
}

/// Whether the word before a full stop is an abbreviation or an initial ("John F. Kennedy").
pub fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace() || c == '(').next().unwrap_or("");
    let word = word.trim_start_matches(['“', '"', '‘']);
    let mut letters = word.chars();
    if let (Some(first), None) = (letters.next(), letters.next()) {
        return first.is_uppercase();
    }
    // Initials: "K.C. Maurer", "J.R.R. Tolkien".
    let initials =
        word.split('.').all(|part| part.chars().count() == 1 && part.chars().all(char::is_uppercase));
    if initials && word.contains('.') {
        return true;
    }
    words::ABBREVIATIONS.contains(word.to_lowercase().as_str())
}

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    Word,
    Number,
    Punct,
}

/// One word, number or punctuation mark, as a byte range of the text.
#[derive(Clone, Debug)]
pub struct Token<'a> {
    pub start: usize,
    pub text: &'a str,
    pub kind: Kind,
    /// No white space between this token and the one before ("G20", "$5", "6pm").
    pub joined: bool,
    /// The word in lower case when it has a capital, made once: the rules ask for it of the same
    /// token many times (shared, so that a copied token costs no new string).
    lowered: Option<std::rc::Rc<str>>,
}

impl<'a> Token<'a> {
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// The relative pronoun "who", not the World Health Organization ("the WHO chief said").
    pub fn is_who(&self) -> bool {
        self.is("who") && self.text != "WHO"
    }

    /// An abbreviation in capitals ("WHO", "US", "UNHCR"): a name, even where its letters spell
    /// a function word.
    pub fn is_acronym(&self) -> bool {
        self.kind == Kind::Word
            && (2..=6).contains(&self.text.chars().count())
            && self.text.chars().all(|c| c.is_ascii_uppercase())
    }

    /// The token in lower case, borrowed when it already is (most words are).
    pub fn lower(&self) -> &str {
        self.lowered.as_deref().unwrap_or(self.text)
    }

    /// A token of `text` at byte `start`.
    pub fn new(start: usize, text: &'a str, kind: Kind, joined: bool) -> Self {
        let lowered = text.chars().any(char::is_uppercase).then(|| std::rc::Rc::from(text.to_lowercase()));
        Token { start, text, kind, joined, lowered }
    }

    /// A word with a capital: "Putin", and surnames behind a short lower-case particle joined
    /// by a hyphen or an apostrophe ("al-Sayed", "el-Sisi", "d'Alema"), which are name words too.
    /// (A word without a capital has no lower-case form of its own: the test is skipped.)
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word
            && self.lowered.is_some()
            && (self.text.chars().next().is_some_and(char::is_uppercase) || prefixed_capital(self.text))
    }

    pub fn is_lowercase_word(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().next().is_some_and(char::is_lowercase)
            && (self.lowered.is_none() || !prefixed_capital(self.text))
    }

    pub fn punct(&self, marks: &str) -> bool {
        self.kind == Kind::Punct && marks.contains(self.text)
    }
}

/// "al-Sayed", "d'Alema": one to three lower-case letters, a hyphen or apostrophe, a capital.
fn prefixed_capital(word: &str) -> bool {
    // ("FEMA Region 8 Administrator Lee dePalo", "Neil deGrasse Tyson": a surname's particle
    // joined to it.)
    let joined = crate::words::JOINED_PARTICLES
        .iter()
        .any(|p| word.starts_with(p) && word[p.len()..].starts_with(|c: char| c.is_ascii_uppercase()));
    if joined && word.len() > 4 && word[1..].chars().filter(|c| c.is_uppercase()).count() == 1 {
        return true;
    }
    let Some(cut) = word.find(['-', '\'', '’']) else { return false };
    let (prefix, rest) = word.split_at(cut);
    (1..=3).contains(&prefix.len())
        && prefix.chars().all(|c| c.is_ascii_lowercase())
        && rest.chars().nth(1).is_some_and(char::is_uppercase)
}

/// ".06 degrees": a decimal written without its leading zero, the point after a space or an
/// opening bracket and before digits (not the full stop of "in 2019.5 people": none is spaced so).
fn leading_point(chars: &[(usize, char)], i: usize) -> bool {
    let spaced = i == 0 || chars[i - 1].1.is_whitespace() || matches!(chars[i - 1].1, '(' | '~');
    chars[i].1 == '.' && spaced && chars.get(i + 1).is_some_and(|(_, c)| c.is_ascii_digit())
}

/// Tokens of `range`: words keep inner apostrophes, hyphens and dots ("Ukraine's", "Jean-Pierre",
/// "U.S"); numbers keep inner commas and dots ("150,000", "16.7").
pub fn tokens(text: &str, range: Range<usize>) -> Vec<Token<'_>> {
    let slice = &text[range.clone()];
    let chars: Vec<(usize, char)> = slice.char_indices().collect();
    let mut out: Vec<Token<'_>> = Vec::new();
    let mut i = 0;
    let mut last_end = usize::MAX;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        let next_is = |k: usize, f: fn(char) -> bool| chars.get(k).is_some_and(|(_, n)| f(*n));
        let start = i;
        let kind = if c.is_alphabetic() {
            i += 1;
            while i < chars.len() {
                let ch = chars[i].1;
                if ch.is_alphanumeric() {
                    i += 1;
                } else if matches!(ch, '\'' | '’' | '-' | '.' | '‐') && next_is(i + 1, char::is_alphabetic)
                {
                    i += 2;
                } else {
                    break;
                }
            }
            if plural_possessive(&chars, start, i) {
                i += 1;
            }
            // "U.S.", "U.N.": an abbreviation of initials keeps its last full stop.
            let word = || chars[start..i].iter().map(|(_, ch)| *ch).collect::<String>();
            if chars.get(i).is_some_and(|(_, ch)| *ch == '.') && is_initials(&word()) {
                i += 1;
            }
            Kind::Word
        } else if c.is_ascii_digit() || leading_point(&chars, i) {
            i += 1;
            while i < chars.len() {
                let ch = chars[i].1;
                if ch.is_ascii_digit() {
                    i += 1;
                } else if matches!(ch, ',' | '.') && next_is(i + 1, |n| n.is_ascii_digit()) {
                    i += 2;
                } else {
                    break;
                }
            }
            i = spaced_thousands_end(&chars, start, i);
            Kind::Number
        } else {
            i += 1;
            Kind::Punct
        };
        let end = chars.get(i).map_or(slice.len(), |(e, _)| *e);
        let abs_start = range.start + chars[start].0;
        out.push(Token::new(abs_start, &slice[chars[start].0..end], kind, last_end == abs_start));
        last_end = range.start + end;
    }
    out
}

/// Where the number `chars[start..end]` ends when it goes on in groups of thousands after
/// spaces, as European releases write them ("decreased by 59 000 in the EU28", "1 234 567"): one
/// to three digits first, then groups of exactly three. After a plain space only when the last
/// group is "000" ("On May 5 100 protesters gathered", "Of the 12 countries, 7 250 people" are
/// two numbers); after a no-break or thin space always.
fn spaced_thousands_end(chars: &[(usize, char)], start: usize, end: usize) -> usize {
    let first = chars[start..end].iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    if !(1..=3).contains(&first) || first != end - start {
        return end;
    }
    let digit = |k: usize| chars.get(k).is_some_and(|(_, c)| c.is_ascii_digit());
    let (mut at, mut plain, mut last_zeros) = (end, false, false);
    while let Some(&(_, sep)) = chars.get(at).filter(|(_, c)| matches!(c, ' ' | '\u{a0}' | '\u{202f}')) {
        // (Not "12 200-metre races", nor a decimal after it: "1 234,5".)
        let ends = match chars.get(at + 4).map(|(_, c)| *c) {
            None => true,
            Some('.' | ',') => !digit(at + 5),
            Some(c) => !c.is_alphanumeric() && c != '-',
        };
        if !(1..=3).all(|k| digit(at + k)) || !ends {
            break;
        }
        plain |= sep == ' ';
        last_zeros = (1..=3).all(|k| chars[at + k].1 == '0');
        at += 4;
    }
    if at == end || plain && !last_zeros {
        return end;
    }
    at
}

/// Whether the word `chars[start..end]` takes the apostrophe after it as a plural's possessive
/// ("the teachers' union", "the farmers’ association") — not when it closes a quotation in
/// single marks opened before it ("the word 'teachers' appears").
fn plural_possessive(chars: &[(usize, char)], start: usize, end: usize) -> bool {
    let mark = chars.get(end).map(|(_, c)| *c);
    if !matches!(mark, Some('\'' | '’')) || !matches!(chars[end - 1].1, 's' | 'S') || end - start < 3 {
        return false;
    }
    let noun_follows = chars.get(end + 1).is_some_and(|(_, c)| *c == ' ')
        && chars.get(end + 2).is_some_and(|(_, c)| c.is_alphabetic());
    let opener = |k: usize| match chars[k].1 {
        '‘' => true,
        '\'' => k == 0 || !chars[k - 1].1.is_alphanumeric(),
        _ => false,
    };
    noun_follows && !(0..start).any(opener)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_owned()).collect()
    }

    #[test]
    fn a_plurals_possessive_keeps_its_apostrophe_but_a_closing_single_mark_does_not() {
        let words = |t: &str| tokens(t, 0..t.len()).iter().map(|t| t.text.to_owned()).collect::<Vec<_>>();
        assert_eq!(words("the teachers' union"), ["the", "teachers'", "union"]);
        assert_eq!(words("the farmers’ federation"), ["the", "farmers’", "federation"]);
        assert_eq!(words("the word 'teachers' twice"), ["the", "word", "'", "teachers", "'", "twice"]);
        assert_eq!(words("the word ‘teachers’ twice"), ["the", "word", "‘", "teachers", "’", "twice"]);
        assert_eq!(words("they are 'ours'."), ["they", "are", "'", "ours", "'", "."]);
    }

    #[test]
    fn a_run_without_a_sentence_end_is_cut_at_spaces_into_bounded_pieces() {
        let text = "sales rose 3% and ".repeat(1_000);
        let pieces = sentences(&text, 0..text.len());
        assert!(pieces.len() > 3, "{} pieces", pieces.len());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES));
        assert!(pieces
            .windows(2)
            .all(|w| w[0].end < w[1].start && text[w[0].end..w[1].start].trim().is_empty()));
        assert_eq!(pieces.iter().map(|p| text[p.clone()].split_whitespace().count()).sum::<usize>(), 4_000);
        let unspaced = "é".repeat(5_000);
        let pieces = sentences(&unspaced, 0..unspaced.len());
        assert_eq!(pieces.iter().map(|p| p.len()).sum::<usize>(), unspaced.len());
    }

    #[test]
    fn initials_keep_their_last_full_stop_but_still_end_a_sentence() {
        let text = "The U.N. said so. He moved to the U.S. The next day he died.";
        let words: Vec<&str> = tokens(text, 0..text.len()).into_iter().map(|t| t.text).collect();
        assert_eq!(&words[..3], ["The", "U.N.", "said"]);
        assert_eq!(texts(text, &sentences(text, 0..text.len())).len(), 3);
    }

    #[test]
    fn a_spaced_closing_mark_stays_with_its_sentence() {
        let text = "Bolden said , \" We are ready . \" He left .";
        assert_eq!(
            texts(text, &sentences(text, 0..text.len())),
            ["Bolden said , \" We are ready . \"", "He left ."]
        );
    }

    #[test]
    fn a_list_item_is_a_paragraph_of_its_own_without_its_marker() {
        let text =
            "Funding was awarded.\n\n• 26 projects awarded funding\n• a share of £4.1 million\n\nThe end.";
        let found: Vec<&str> = paragraphs(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            found,
            ["Funding was awarded.", "26 projects awarded funding", "a share of £4.1 million", "The end."]
        );
        assert_eq!(texts("- \n-", &paragraphs("- \n-")), ["-", "-"]);
    }

    #[test]
    fn a_heading_line_is_a_paragraph_even_in_hard_wrapped_text() {
        let text = "Title\n\nFrom the Feds\nBorder agents found 10 people.\n\nA long line of prose that its sender wrapped at sixty-five or so\ncharacters, as mail programs do.";
        assert_eq!(
            texts(text, &paragraphs(text)),
            [
                "Title",
                "From the Feds",
                "Border agents found 10 people.",
                "A long line of prose that its sender wrapped at sixty-five or so\ncharacters, as mail programs do."
            ]
        );
    }

    #[test]
    fn lines_are_paragraphs_unless_the_text_has_blank_lines() {
        assert_eq!(texts("One.\nTwo.\n", &paragraphs("One.\nTwo.\n")), ["One.", "Two."]);
        let wrapped = "One line\ncontinued.\n\nTwo.";
        assert_eq!(texts(wrapped, &paragraphs(wrapped)), ["One line\ncontinued.", "Two."]);
    }

    #[test]
    fn sentences_end_after_closing_quotes_but_not_after_abbreviations() {
        let text =
            "“We won,” he said. Gen. Valery Gerasimov spoke on Dec. 30 in the U.S. Capitol. “Yes.” No.";
        let s = sentences(text, 0..text.len());
        assert_eq!(
            texts(text, &s),
            [
                "“We won,” he said.",
                "Gen. Valery Gerasimov spoke on Dec. 30 in the U.S. Capitol.",
                "“Yes.”",
                "No."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_word_that_starts_one() {
        let text = "Muslims travelling to the U.S. They were denied visas. K.C. Maurer spoke to Mr. Smith.";
        let s = sentences(text, 0..text.len());
        assert_eq!(
            texts(text, &s),
            ["Muslims travelling to the U.S.", "They were denied visas.", "K.C. Maurer spoke to Mr. Smith."]
        );
    }

    #[test]
    fn a_quote_closing_on_an_exclamation_keeps_its_attribution() {
        let text = "\"This is a day for everyone!\" Lindqvist said. \"Why?\" Next.";
        let s = sentences(text, 0..text.len());
        assert_eq!(texts(text, &s), ["\"This is a day for everyone!\" Lindqvist said.", "\"Why?\"", "Next."]);
    }

    #[test]
    fn surnames_behind_a_particle_are_capitalised() {
        let text = "al-Sayed el-Sisi d'Alema e-mail well-Known";
        let t = tokens(text, 0..text.len());
        let capital: Vec<bool> = t.iter().map(Token::is_capitalized).collect();
        assert_eq!(capital, [true, true, true, false, false]);
    }

    #[test]
    fn tokens_keep_numbers_and_names_whole() {
        let text = "Ukraine's $1,234.5 G20 Jean-Pierre 6pm";
        let t = tokens(text, 0..text.len());
        let words: Vec<&str> = t.iter().map(|t| t.text).collect();
        assert_eq!(words, ["Ukraine's", "$", "1,234.5", "G20", "Jean-Pierre", "6", "pm"]);
        assert!(t[2].joined && t[6].joined && !t[3].joined);
    }
}
