//! The walk through an article, paragraph by paragraph and sentence by sentence: quotes are
//! credited by a sieve of rules, most specific first (after Muzny et al. 2017, "A Two-stage
//! Sieve Approach for Quote Attribution"); every figure of a sentence becomes a candidate.
//!
//! The sieve for one quote:
//! 1. an attribution in the quote's sentence (`attribution::for_quote`: "…," X said; X said:
//!    "…"; said X; according to X; X, a banker at …, remarked; he said);
//! 2. a transcript label opening the paragraph ("MORALES: …");
//! 3. an attribution where a quote spanning sentences closes;
//! 4. the speaker of the open quote it continues from the paragraph before;
//! 5. the person an earlier sentence of the same paragraph credited or spoke of;
//! 6. for a paragraph that is only a quotation, the person the paragraph before was about, or
//!    the last speaker credited.
//!
//! Each rule has a confidence: the review leaves the least likely candidates unticked.

use crate::attribution::{self, Credit};
use crate::figures;
use crate::quotes::{self, Quoted};
use crate::registry::Registry;
use crate::text::{self, Token};
use crate::{meet, unmarked, Candidate, Kind};
use std::ops::Range;

/// A speaker credited by a rule, with how sure that rule is.
#[derive(Clone, Debug)]
struct Speaker {
    name: String,
    confidence: f64,
}

#[derive(Default)]
pub struct Walk<'a> {
    text: &'a str,
    registry: Registry,
    out: Vec<Candidate>,
    /// The last speaker credited anywhere, with where: a quote-only paragraph may be theirs.
    previous: Option<(usize, String)>,
    /// Who the current paragraph is about: a person its sentences credited or began with.
    in_paragraph: Option<String>,
    /// Who the last sentence of the paragraph credited its figures to: a sentence carrying on
    /// from it ("In addition, 34 schools …") reports for them too.
    reporting: Option<String>,
    /// Where the paragraph before began and whom it was about at its end.
    paragraph_before: Option<(usize, String)>,
    paragraph_start: usize,
    /// The current paragraph's sentences.
    sentences: Vec<Range<usize>>,
    /// The speaker a transcript label gives the current paragraph ("CARTER: …").
    label: Option<String>,
    /// The speaker of the last label in capitals: a transcript's speaker goes on speaking in
    /// the paragraphs after their label until the next label ("Q:", another name).
    transcript: Option<String>,
    /// The last quote's sentence credits it with a verb to someone the sieve may not name
    /// ("the president said"): it is a quotation, not a scare quote, though it has no speaker.
    said_by_someone: bool,
    /// The speaker of a quote left open at a paragraph's end (`Some(None)`: open, unknown).
    open_quote: Option<Option<String>>,
    /// The person the next paragraph signs the current one's quotations with ("—The Honourable
    /// Pablo Rodriguez, Minister of …").
    signed: Option<String>,
    /// Quotations opening a paragraph that nobody was credited with and nobody in reach could
    /// be: the person the next paragraph opens by naming may be their speaker ('"We lost
    /// everything." / Maria Lopez, 62, is one of thousands of farmers …').
    unclaimed: Vec<usize>,
    /// Paragraphs may be a quotation without marks ("X said:" before them): `Some(true)` for
    /// the first after the introduction, `Some(false)` for the next ones.
    unmarked: Option<bool>,
}

impl<'a> Walk<'a> {
    pub fn new(text: &'a str) -> Self {
        Walk { text, ..Walk::default() }
    }

    pub fn run(mut self) -> Vec<Candidate> {
        let paragraphs = text::paragraphs(self.text);
        // The lines above the first sentence: headline, dateline, standfirst without a full stop.
        let lead = paragraphs
            .iter()
            .take(3)
            .take_while(|p| is_headline(&self.text[(*p).clone()]) && !is_list_item(self.text, p))
            .count();
        let lead = if lead == paragraphs.len() { 0 } else { lead };
        if let (Some(first), Some(last)) =
            (paragraphs.first(), lead.checked_sub(1).and_then(|l| paragraphs.get(l)))
        {
            self.registry.headline(&self.text[first.start..last.end]);
        }
        for (p, paragraph) in paragraphs.iter().enumerate() {
            if p < lead {
                continue;
            }
            let next_opens = paragraphs.get(p + 1).is_some_and(|n| {
                let next = &self.text[n.clone()];
                next.starts_with(['“', '"', '‘', '\'', '«', '„']) || quotes::closes_unopened(next)
            });
            self.signed = paragraphs.get(p + 1).and_then(|n| attribution::sign_off(&self.text[n.clone()]));
            self.paragraph(paragraph, next_opens);
        }
        // The fullest form of a name anywhere in the text: "Juncker" quoted before the closing
        // paragraph names Jean-Claude Juncker is Jean-Claude Juncker.
        for c in &mut self.out {
            if let Some(s) = c.speaker.as_mut() {
                *s = self.registry.fullest(s);
            }
        }
        self.out.sort_by_key(|c| c.span.0);
        self.out
    }

    fn paragraph(&mut self, paragraph: &Range<usize>, next_opens: bool) {
        let text = self.text;
        let continues = self.open_quote.is_some();
        let mut quoted = quotes::in_paragraph(text, paragraph.clone(), continues);
        let plain = self.unmarked.take().and_then(|first| unmarked::quotation(text, paragraph, first));
        // An unmarked quotation may hold a phrase in single marks ("what the Bible calls ‘the
        // least of these’"): the paragraph is the quotation, the phrase inside it.
        let nested_only = quoted.iter().all(|q| text[q.outer.start..].starts_with(['‘', '\'']));
        if quoted.is_empty() || plain.is_some() && nested_only {
            quoted = plain.clone().into_iter().collect();
        }
        let para = &text[paragraph.clone()];
        if plain.is_some() || quoted.is_empty() && unmarked::introduces(para) {
            self.unmarked = Some(plain.is_none());
        }
        let mut chain = self.open_quote.take().flatten();
        let mut unclaimed = std::mem::take(&mut self.unclaimed);
        let mut pending: Vec<usize> = Vec::new();
        self.paragraph_before = self.in_paragraph.take().map(|name| (self.paragraph_start, name));
        self.reporting = None;
        self.paragraph_start = paragraph.start;
        let label = attribution::transcript_label(text, paragraph);
        let labelled = label.as_ref().and_then(|(end, name)| self.registry.labelled(*end, name));
        // A transcript's speaker goes on in the unmarked paragraphs after their label; a label
        // before a quotation ('SUSAN TELTSCHER: "…"', as radio scripts print a clip) is that
        // quotation's alone, and the narration after it is the writer's.
        if attribution::opens_with_label(&text[paragraph.clone()]) {
            let clip = label.as_ref().is_some_and(|(end, _)| {
                text[*end..paragraph.end].trim_start().starts_with(['“', '"', '‘', '\'', '«', '„'])
            });
            self.transcript = if clip { None } else { labelled.clone() };
        }
        self.label = labelled.or_else(|| self.transcript.clone());
        self.sentences = text::sentences(text, paragraph.clone());
        for (nth, sentence) in self.sentences.clone().into_iter().enumerate() {
            let tokens = text::tokens(text, sentence.clone());
            let in_sentence: Vec<&Quoted> = quoted.iter().filter(|q| overlaps(&q.outer, &sentence)).collect();
            // Quotes that begin in this sentence (a quote across sentences belongs to its first).
            let starting: Vec<&Quoted> =
                in_sentence.iter().copied().filter(|q| sentence.contains(&q.outer.start)).collect();
            let context = context_tokens(&tokens, &in_sentence);
            self.registry.next_sentence();
            self.meet(&context, &tokens, &in_sentence);
            for q in &starting {
                self.said_by_someone = false;
                let credited =
                    self.credit(q, &context, &in_sentence, paragraph, &sentence, label.as_ref(), &chain);
                let found = or_introduced(credited, || introduced(&tokens, q));
                let quote_only = q.outer.start == sentence.start;
                let waits_for_speaker = found.is_none() && quote_only && (q.open_ended || q.continues);
                if let Some(s) = &found {
                    self.note_speaker(q.outer.start, &s.name);
                    if q.continues || q.open_ended {
                        chain = Some(s.name.clone());
                    }
                }
                let before = self.out.len();
                let unclaimed_here =
                    found.is_none() && q.outer.start == paragraph.start && !self.said_by_someone;
                self.push_quote(q, found, paragraph, &sentence);
                if unclaimed_here && self.out.len() > before {
                    self.unclaimed.push(before);
                }
                // Only a quote actually kept (not dropped as a scare quote) waits for its speaker.
                if waits_for_speaker && self.out.len() > before {
                    pending.push(before);
                }
            }
            if starting.is_empty() && in_sentence.is_empty() {
                // "Toyota cut its forecast, citing tariffs that it said…": the subject is known
                // before the pronouns of its own sentence are read.
                let refs: Vec<&Token<'_>> = context.iter().flatten().copied().collect();
                let _ = attribution::sentence_subject(&refs, &mut self.registry);
            }
            self.figures(&tokens, &context, &quoted, &sentence);
            if starting.is_empty() {
                self.learn_subject(&context);
            }
            if nth == 0 && in_sentence.is_empty() {
                self.claim(&mut unclaimed, &context);
            }
        }
        // "Quotes attributable to Treasurer Jim Chalmers:" on its own line: the quotations under
        // it are theirs.
        if let Some((_, name)) = label.filter(|_| attribution::heads_quotations(&text[paragraph.clone()])) {
            self.in_paragraph = Some(name);
        }
        self.end_paragraph(&quoted, chain, pending, next_opens);
    }

    /// Gives the quotations left unclaimed before this paragraph to the person its first
    /// sentence credits or opens with, named in full ("Maria Lopez, 62, is one of …", "So says
    /// Maria Lopez, a farmer"), least sure of the rules.
    fn claim(&mut self, unclaimed: &mut Vec<usize>, context: &[Option<&Token<'_>>]) {
        if unclaimed.is_empty() {
            return;
        }
        let refs: Vec<&Token<'_>> = context.iter().flatten().copied().collect();
        let credited = attribution::in_sentence(context, &mut self.registry).map(|c| c.name);
        let named = credited.or_else(|| attribution::sentence_subject(&refs, &mut self.registry));
        let person = named.filter(|n| crate::names::is_full_name(n));
        for k in unclaimed.drain(..) {
            if let (Some(name), None) = (&person, &self.out[k].speaker) {
                self.out[k].speaker = Some(name.clone());
                self.out[k].confidence = 0.45;
            }
        }
    }

    /// The names a sentence teaches the registry: those of its narration, and the full names
    /// said inside its quotations (the sentence's own tokens within each, not tokenised again).
    fn meet(&mut self, context: &[Option<&Token<'_>>], tokens: &[Token<'_>], in_sentence: &[&Quoted]) {
        meet::names_in(context, &mut self.registry);
        for q in in_sentence {
            let from = tokens.partition_point(|t| t.start < q.inner.start);
            let to = tokens.partition_point(|t| t.start < q.inner.end);
            meet::names_quoted(&tokens[from..to], &mut self.registry);
        }
    }

    /// After a paragraph: a quote continued from the paragraph before, credited only at its end,
    /// credits the earlier pieces too; a quote left open goes on in the next paragraph.
    fn end_paragraph(
        &mut self,
        quoted: &[Quoted],
        chain: Option<String>,
        pending: Vec<usize>,
        next_opens: bool,
    ) {
        if let Some(s) = &chain {
            for k in pending {
                if self.out[k].speaker.is_none() {
                    self.out[k].speaker = Some(s.clone());
                    self.out[k].confidence = 0.7;
                }
            }
        }
        if quoted.last().is_some_and(|q| q.open_ended) && next_opens {
            self.open_quote = Some(chain);
        } else if quoted.last().is_some_and(|q| q.open_ended) && self.unmarked.is_none() {
            // A quotation left open whose next paragraph opens without a mark (a republisher
            // dropped them): it goes on while the paragraphs speak in the first person.
            self.unmarked = Some(false);
        }
    }

    /// The sieve: the first rule that names a speaker for quote `q`.
    #[allow(clippy::too_many_arguments)]
    fn credit(
        &mut self,
        q: &Quoted,
        context: &[Option<&Token<'_>>],
        in_sentence: &[&Quoted],
        paragraph: &Range<usize>,
        sentence: &Range<usize>,
        label: Option<&(usize, String)>,
        chain: &Option<String>,
    ) -> Option<Speaker> {
        let text = self.text;
        let marker = marker_index(context, in_sentence, q);
        if let Some(c) = marker.and_then(|m| attribution::for_quote(context, m, &mut self.registry)) {
            return Some(from_credit(c, 0.9));
        }
        if marker.is_some_and(|m| attribution::is_attributed(context, m)) {
            self.said_by_someone = true;
            return None;
        }
        // A transcript's speaker, unless the line itself credits someone else ("CARTER: As the
        // president said, …").
        if let Some((end, name)) = label.filter(|(end, _)| *end <= q.outer.start) {
            // "ROBINSON:" after "the BBC's Nick Robinson" is Nick Robinson.
            let name = self.registry.labelled(*end, name).unwrap_or_else(|| name.clone());
            return Some(Speaker { name, confidence: 0.85 });
        }
        if q.outer.end > sentence.end {
            if let Some(c) = closing_sentence(text, &self.sentences, paragraph, q, &mut self.registry) {
                return Some(from_credit(c, 0.85));
            }
        }
        if q.continues {
            if let Some(name) = chain {
                return Some(Speaker { name: name.clone(), confidence: 0.8 });
            }
        }
        if q.outer.start != sentence.start {
            return None;
        }
        if let Some(name) = self.signed.as_ref().filter(|_| q.outer.start == paragraph.start) {
            return Some(Speaker { name: name.clone(), confidence: 0.85 });
        }
        if let Some(name) = &self.in_paragraph {
            return Some(Speaker { name: name.clone(), confidence: 0.65 });
        }
        if q.outer.start != paragraph.start {
            return None;
        }
        let recent = self.previous.as_ref().filter(|(at, _)| paragraph.start.saturating_sub(*at) < 2000);
        // "Anna Keller has lived by the river for 40 years." then "“This is the worst flood.”":
        // the person the paragraph before was about, unless someone spoke since.
        let about =
            self.paragraph_before.as_ref().filter(|(start, _)| recent.is_none_or(|(at, _)| at < start));
        if let Some((_, name)) = about {
            return Some(Speaker { name: name.clone(), confidence: 0.5 });
        }
        recent.map(|(_, s)| Speaker { name: s.clone(), confidence: 0.6 })
    }

    fn push_quote(
        &mut self,
        q: &Quoted,
        speaker: Option<Speaker>,
        paragraph: &Range<usize>,
        sentence: &Range<usize>,
    ) {
        let text = self.text;
        let words = text[q.inner.clone()].split_whitespace().count();
        let whole_sentence = q.outer.start == sentence.start;
        // Unattributed short fragments are scare quotes or titles, not claims.
        if speaker.is_none() && !self.said_by_someone && (words < 5 || !whole_sentence && words < 8) {
            return;
        }
        let end = sentence_end(&self.sentences, paragraph, q.outer.end);
        let sentence_text = text[text::trim(text, sentence.start..end)].to_owned();
        let confidence = speaker.as_ref().map_or(0.3, |s| s.confidence);
        self.out.push(Candidate {
            kind: Kind::Quote,
            text: text[q.inner.clone()].to_owned(),
            span: (q.inner.start, q.inner.end),
            speaker: speaker.map(|s| s.name),
            confidence,
            sentence: Some(sentence_text),
            quantity: None,
            in_quote: None,
        });
    }

    /// One candidate per figure of the sentence, credited to the quote it stands in or to the
    /// sentence's attribution.
    fn figures(
        &mut self,
        tokens: &[Token<'_>],
        context: &[Option<&Token<'_>>],
        quoted: &[Quoted],
        sentence: &Range<usize>,
    ) {
        let found = figures::all(tokens);
        if found.is_empty() {
            return;
        }
        let inside = quoted.iter().any(|q| q.outer.start <= sentence.start && q.outer.end >= sentence.end);
        let credited = if inside { None } else { attribution::in_sentence(context, &mut self.registry) };
        let carried = || {
            let reporting = self.reporting.clone()?;
            continues_the_sentence_before(tokens).then_some(Credit {
                name: reporting,
                by_pronoun: true,
                by_data: false,
            })
        };
        let credited = credited.or_else(|| if inside { None } else { carried() });
        let second = credited
            .as_ref()
            .filter(|_| !inside)
            .and_then(|_| attribution::second_source(context, &mut self.registry));
        self.reporting = credited.as_ref().map(|c| c.name.clone());
        if let Some(credit) = &credited {
            self.note_speaker_unless_data(sentence.start, credit);
        }
        for figure in found {
            // A figure inside a quotation is its speaker's, and is tied to the quote's candidate.
            let at = tokens[figure.start].start;
            let quote = quoted.iter().find(|q| q.inner.contains(&at)).and_then(|q| {
                self.out
                    .iter()
                    .rev()
                    .find(|c| c.kind == Kind::Quote && c.span == (q.inner.start, q.inner.end))
            });
            let in_quote = quote.map(|c| c.span);
            // "Biden, who spent seven hours in Uvalde, said …": a figure in a clause about the
            // speaker is the writer's, not part of what was said.
            let described = quote.is_none() && attribution::in_relative_clause(tokens, figure.start);
            // ("…, while the State Department says 200 diplomats will leave".)
            let later = second.as_ref().filter(|(from, _)| at > *from).map(|(_, name)| name.clone());
            let speaker = quote
                .and_then(|c| c.speaker.clone())
                .or(later)
                .or_else(|| credited.as_ref().filter(|_| !described).map(|c| c.name.clone()))
                .or_else(|| self.label.clone());
            let unsaid = figure.quantity.unit == figures::UNSAID_UNIT;
            self.out.push(Candidate {
                kind: Kind::Numeric,
                text: self.text[sentence.clone()].to_owned(),
                span: (sentence.start, sentence.end),
                speaker,
                sentence: None,
                confidence: if unsaid { 0.5 } else { 0.75 },
                quantity: Some(figure.quantity),
                in_quote,
            });
        }
    }

    /// A sentence without a quote: "X said …" makes X the paragraph's speaker; its subject
    /// becomes who "he" and "she" are ("Dragan, speaking after the debate, said she was…").
    fn learn_subject(&mut self, context: &[Option<&Token<'_>>]) {
        let refs: Vec<&Token<'_>> = context.iter().flatten().copied().collect();
        let at = refs.first().map_or(0, |t| t.start);
        if let Some(credit) = attribution::in_sentence(context, &mut self.registry) {
            self.note_speaker_unless_data(at, &credit);
            return;
        }
        if let Some(author) = attribution::document_author(context, &mut self.registry) {
            self.in_paragraph = Some(author);
            return;
        }
        if let Some(subject) = attribution::sentence_subject(&refs, &mut self.registry) {
            if crate::names::kind_of(&subject) == crate::names::NameKind::Person && subject.contains(' ') {
                self.in_paragraph = Some(subject);
            }
        }
    }

    /// Someone credited in a sentence without marks: who a quotation after it may be — but data
    /// that shows a figure ("International Visitor Survey results show …") speaks no quotation.
    fn note_speaker_unless_data(&mut self, at: usize, credit: &Credit) {
        if !credit.by_data {
            self.note_speaker(at, &credit.name);
        }
    }

    fn note_speaker(&mut self, at: usize, name: &str) {
        self.previous = Some((at, name.to_owned()));
        self.in_paragraph = Some(name.to_owned());
    }
}

/// The speaker credited, unless it is no one named in full and the quotation's first words
/// introduce its speaker ("'I'm Carol Pearson. …,' announces the host").
fn or_introduced(credited: Option<Speaker>, introduced: impl FnOnce() -> Option<Speaker>) -> Option<Speaker> {
    if credited.as_ref().is_some_and(|s| crate::names::is_full_name(&s.name)) {
        return credited;
    }
    introduced().or(credited)
}

/// A quotation whose first words introduce its speaker ("I'm Carol Pearson. …").
fn introduced(tokens: &[Token<'_>], q: &Quoted) -> Option<Speaker> {
    let from = tokens.partition_point(|t| t.start < q.inner.start);
    let to = tokens.partition_point(|t| t.start < q.inner.end);
    let inner: Vec<&Token<'_>> = tokens[from..to].iter().collect();
    let name = attribution::introduced_speaker(&inner, q.inner.end)?;
    Some(Speaker { name, confidence: 0.9 })
}

/// A first line that reads as a headline: one line, no closing punctuation, not a sentence. Its
/// figures and words are the article's own, said again below.
fn is_headline(line: &str) -> bool {
    // ("… not fair.''": two straight single marks close a sentence too.)
    let closes = line.trim_end().ends_with(['.', '!', '?', '"', '”', '’', '»', ':', '\'']);
    !line.contains('\n') && !closes && line.split_whitespace().count() <= 25
}

/// Whether the paragraph at `p` is a list's item ("• 32,695 new homes completed in 2023"): under
/// a headline it states a figure, it is no second headline.
fn is_list_item(text: &str, p: &Range<usize>) -> bool {
    let line_start = text[..p.start].rfind('\n').map_or(0, |n| n + 1);
    text::list_item(&text[line_start..p.end]).is_some()
}

fn from_credit(c: Credit, confidence: f64) -> Speaker {
    let confidence = if c.by_pronoun { confidence - 0.15 } else { confidence };
    Speaker { name: c.name, confidence }
}

/// Whether a sentence opens by carrying on from the one before: "In addition, …", "Of those,
/// …" ("Another 24 people …" may be the writer's own count: not taken).
fn continues_the_sentence_before(tokens: &[Token<'_>]) -> bool {
    let word = |k: usize| tokens.get(k).filter(|t| t.kind == text::Kind::Word).map(|t| t.lower());
    let one = word(0);
    let two = one.as_ref().zip(word(1)).map(|(a, b)| format!("{a} {b}"));
    [one.map(|w| w.to_owned()), two]
        .iter()
        .flatten()
        .any(|w| crate::words::CONTINUATIONS.contains(w.as_str()))
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The sentence's tokens with each quotation replaced by one `None`.
fn context_tokens<'t, 'a>(tokens: &'t [Token<'a>], quoted: &[&Quoted]) -> Vec<Option<&'t Token<'a>>> {
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
fn marker_index(context: &[Option<&Token<'_>>], quoted: &[&Quoted], q: &Quoted) -> Option<usize> {
    let nth = quoted.iter().position(|x| x.outer == q.outer)?;
    context.iter().enumerate().filter(|(_, c)| c.is_none()).nth(nth).map(|(i, _)| i)
}

/// For a quote that runs past its first sentence: the speaker credited where it closes.
fn closing_sentence(
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
fn sentence_end(sentences: &[Range<usize>], paragraph: &Range<usize>, at: usize) -> usize {
    sentences.iter().find(|s| s.end >= at).map_or(paragraph.end, |s| s.end)
}

#[cfg(test)]
mod tests {
    use crate::{extract, Kind};

    /// (quote, speaker) pairs of a text.
    fn credited(text: &str) -> Vec<(String, Option<String>)> {
        let found = extract(text).expect("a valid text");
        found.into_iter().filter(|c| c.kind == Kind::Quote).map(|c| (c.text, c.speaker)).collect()
    }

    fn speaker_of(text: &str, quote: &str) -> Option<String> {
        credited(text).into_iter().find(|(q, _)| q == quote).and_then(|(_, s)| s)
    }

    #[test]
    fn rule_transcript_label() {
        let text = "The senator was asked about the bill.\nMORALES: \"We will not vote for this bill as it stands.\"";
        assert_eq!(
            speaker_of(text, "We will not vote for this bill as it stands.").as_deref(),
            Some("Morales")
        );
    }

    #[test]
    fn rule_transcript_label_names_the_person_in_full() {
        let text = "The BBC's Nick Robinson asked the minister.\nROBINSON: \"Is it true that the lists have grown?\"";
        assert_eq!(
            speaker_of(text, "Is it true that the lists have grown?").as_deref(),
            Some("Nick Robinson")
        );
    }

    #[test]
    fn rule_pronoun_takes_the_nearest_person_not_a_place() {
        let text = "Spokesman William Spindler spoke in Geneva. Africa used to host the most refugees.\n\"But still Africa is hosting a quarter of them,\" he said.";
        assert_eq!(
            speaker_of(text, "But still Africa is hosting a quarter of them").as_deref(),
            Some("William Spindler")
        );
    }

    #[test]
    fn rule_attribution_after_the_quote_and_said_x() {
        let text = "Karin Lindqvist opened the fair. \"This is a day for everyone!\" Lindqvist said. \"We waited ten long years for it,\" said Per Olsson, a banker.";
        assert_eq!(speaker_of(text, "This is a day for everyone!").as_deref(), Some("Karin Lindqvist"));
        assert_eq!(speaker_of(text, "We waited ten long years for it").as_deref(), Some("Per Olsson"));
    }

    #[test]
    fn rule_a_name_and_apposition_after_the_quote() {
        let text = "AEMET said it would last. \"We are seeing more elderly patients every day,\" Dr. Ana García, head of emergency medicine at La Paz hospital, told AP.";
        assert_eq!(
            speaker_of(text, "We are seeing more elderly patients every day").as_deref(),
            Some("Ana García")
        );
    }

    #[test]
    fn rule_long_apposition_before_the_verb() {
        let text = "Cynthia Thompson, curator of exhibits at the University of Arkansas, Fayetteville, said, \"These images document his every day life.\"";
        assert_eq!(
            speaker_of(text, "These images document his every day life.").as_deref(),
            Some("Cynthia Thompson")
        );
    }

    #[test]
    fn rule_a_role_is_the_person_named_with_it_or_the_role_as_written() {
        let text = "After the leak, CEO of the Refugee Council Enver Solomon spoke to reporters. \"The answer is not more hurdles for anyone,\" the CEO said. \"We need a fair and fast process,\" the minister said.";
        assert_eq!(
            speaker_of(text, "The answer is not more hurdles for anyone").as_deref(),
            Some("Enver Solomon")
        );
        // The CEO in view holds another office: "the minister" is someone the text did not name.
        assert_eq!(speaker_of(text, "We need a fair and fast process").as_deref(), Some("the minister"));
        // Named with no office at all, the person in view is the one the title means.
        let text = "Gordon Brown said how grateful he was.\n\nThe PM said:\n\n“Easter is the most important date in the calendar.”";
        assert_eq!(
            speaker_of(text, "Easter is the most important date in the calendar.").as_deref(),
            Some("Gordon Brown")
        );
    }

    #[test]
    fn rule_a_paragraph_that_is_only_a_quote_takes_the_speaker_before() {
        let text = "Biodiversity Minister Lorna Slater said:\n\n“The crises of nature loss and climate change need urgent action.”";
        assert_eq!(
            speaker_of(text, "The crises of nature loss and climate change need urgent action.").as_deref(),
            Some("Lorna Slater")
        );
    }

    #[test]
    fn quotation_paragraphs_after_a_statement_from_someone_are_theirs() {
        let text = "The following is a statement from NASA Administrator Jane Okafor regarding the landing.\n\n\"We are encouraged by the news out of Utah, despite the hard landing.\n\n\"Our re-entry plan was based on safety, and the choice of site was intentional.";
        assert_eq!(
            speaker_of(text, "We are encouraged by the news out of Utah, despite the hard landing.")
                .as_deref(),
            Some("Jane Okafor")
        );
        assert_eq!(
            speaker_of(
                text,
                "Our re-entry plan was based on safety, and the choice of site was intentional."
            )
            .as_deref(),
            Some("Jane Okafor")
        );
        let text = "According to a statement by NASA Associate Administrator for the Office of Communications, Dave Moreau:\n\n\"We respect the contributions the two astronauts have made in service to our country.\"";
        assert_eq!(
            speaker_of(
                text,
                "We respect the contributions the two astronauts have made in service to our country."
            )
            .as_deref(),
            Some("Dave Moreau")
        );
    }

    #[test]
    fn a_quotation_left_open_goes_on_in_unmarked_paragraphs_in_the_first_person() {
        let text = "The Prime Minister Jane Okafor said:\n\n“Easter is the most important date in the calendar for many.\n\nThis year we have particular reason to celebrate, as the Pope will visit.\n\nThe churches are the conscience of our country. I am grateful for what the Bible calls ‘the least of these’.\n\nThe service was attended by hundreds.";
        assert_eq!(
            speaker_of(text, "This year we have particular reason to celebrate, as the Pope will visit.")
                .as_deref(),
            Some("Jane Okafor")
        );
        let quotes: Vec<String> = credited(text).into_iter().map(|(q, _)| q).collect();
        assert!(quotes.iter().any(|q| q.starts_with("The churches are the conscience")));
        assert!(!quotes.iter().any(|q| q.starts_with("The service was attended")));
    }

    #[test]
    fn a_figure_in_a_clause_about_the_speaker_is_the_writers() {
        let text = "Biden, who spent seven hours Sunday in Uvalde visiting with the relatives of the victims and survivors of the attack, said 19 children had died.";
        assert_eq!(figure_speakers(text), [None, Some("Biden".to_owned())]);
        // After the attribution, ending the sentence; not when the clause says something itself.
        let text = "\"Right now I am worried,\" said Stoung town farmer Buth Chorn, who has six children.";
        assert_eq!(figure_speakers(text), [None]);
        let text = "The mayor spoke, said Jane Smith, who added that 40 percent of homes were damaged.";
        assert_eq!(figure_speakers(text), [Some("Jane Smith".to_owned())]);
        let text = "Andrew Constance said the state has committed $90 million to the project, which is expected to create 300 jobs.";
        assert_eq!(
            figure_speakers(text),
            [Some("Andrew Constance".to_owned()), Some("Andrew Constance".to_owned())]
        );
    }

    #[test]
    fn rule_participle_credits_the_phrase_before_it() {
        let text = "It quoted critics, with Boswell stating: \"This latest move is clumsy and unthinking.\"";
        assert_eq!(
            speaker_of(text, "This latest move is clumsy and unthinking.").as_deref(),
            Some("Boswell")
        );
    }

    #[test]
    fn places_nationalities_and_abbreviations_are_not_people() {
        let text = "The Korean Central News Agency (KCNA) reported the attack. \"Provocation deserves harsh punishment,\" said KCNA. \"We are ready for anything at all,\" the Russian said.";
        assert_eq!(
            speaker_of(text, "Provocation deserves harsh punishment").as_deref(),
            Some("Korean Central News Agency")
        );
        assert_eq!(speaker_of(text, "We are ready for anything at all"), None);
    }

    #[test]
    fn rule_in_the_words_of_a_role_then_the_person() {
        let text = "In the words of the Crown prosecutor, Mark Tedeschi, QC, \"Gloria spent her last months crying.\"";
        assert_eq!(
            speaker_of(text, "Gloria spent her last months crying.").as_deref(),
            Some("Mark Tedeschi")
        );
    }

    #[test]
    fn rule_the_person_after_an_owner_is_the_subject() {
        let text = "Labour's Shadow Home Secretary Yvette Cooper said the plan was late, and said it was \"damning that nothing was done\" for years.";
        assert_eq!(speaker_of(text, "damning that nothing was done").as_deref(), Some("Yvette Cooper"));
    }

    /// The speaker of the figures of `text`.
    fn figure_speakers(text: &str) -> Vec<Option<String>> {
        let found = extract(text).expect("a valid text");
        found.into_iter().filter(|c| c.kind == Kind::Numeric).map(|c| c.speaker).collect()
    }

    #[test]
    fn a_label_before_a_quotation_is_that_clips_alone() {
        let text = "Internet report\n\nSUSAN TELTSCHER: \"Only one out of five people is online.\"\n\nThe world has almost seven billion people.";
        let speakers = figure_speakers(text);
        assert_eq!(speakers, [Some("Susan Teltscher".to_owned()), None]);
    }

    #[test]
    fn list_items_under_the_headline_are_no_headlines() {
        let text = "Housing update\n\n• 32,695 new homes completed in 2023\n• construction started on 32,800 new homes\n\nThe number rose.";
        let values: Vec<f64> = extract(text)
            .expect("a valid text")
            .into_iter()
            .filter_map(|c| c.quantity.map(|q| q.value))
            .collect();
        assert_eq!(values, [32_695.0, 32_800.0]);
    }

    #[test]
    fn a_sentence_carrying_on_from_a_report_is_the_same_source() {
        let text = "The government reports at least 90 people have been killed. In addition, 34 schools were closed. The river rose 2 metres.\n\nIn addition, 12 roads were shut.";
        let government = Some("the government".to_owned());
        assert_eq!(figure_speakers(text), [government.clone(), government, None, None]);
    }

    #[test]
    fn figures_are_credited_by_report_verbs_but_not_by_nouns_that_look_like_them() {
        assert_eq!(
            figure_speakers("Figures show 45,756 migrants drove asylum claims over 150,000."),
            [None, None]
        );
        assert_eq!(
            figure_speakers("The agency estimates 40,000 people fled."),
            [Some("the agency".to_owned())]
        );
        assert_eq!(
            figure_speakers(
                "According to Afghan Ambassador to the United States Hamdullah Mohib, 20 teams came."
            ),
            [Some("Hamdullah Mohib".to_owned())]
        );
        assert_eq!(
            figure_speakers("According to figures published today by Eurostat, unemployment was 6.2%."),
            [Some("Eurostat".to_owned())]
        );
    }

    #[test]
    fn a_study_of_people_is_credited_to_the_study_and_an_unnamed_spokesman_as_written() {
        assert_eq!(
            figure_speakers("The survey of 1,000 adults found that two in three backed it."),
            [Some("the survey".to_owned()), Some("the survey".to_owned())]
        );
        let text =
            "\"We are doing everything we can for them,\" said the spokesman, who asked not to be named.";
        assert_eq!(
            speaker_of(text, "We are doing everything we can for them").as_deref(),
            Some("the spokesman")
        );
    }

    #[test]
    fn a_verb_of_speech_with_an_object_is_no_attribution() {
        let text =
            "WASHINGTON — The U.S. economy added 275,000 jobs in February, the Labor Department said Friday.";
        assert_eq!(figure_speakers(text), [Some("the Labor Department".to_owned())]);
        let text = "Smith spoke first. \"Demand was strong everywhere,\" Jane Doe added.";
        assert_eq!(speaker_of(text, "Demand was strong everywhere").as_deref(), Some("Jane Doe"));
    }

    #[test]
    fn it_is_the_organisation_the_sentence_opened_with_after_a_dateline() {
        let text = "TOKYO — Toyota Motor Corp cut its forecast on Thursday, citing tariffs that it said would cost 1.4 trillion yen.";
        assert_eq!(figure_speakers(text), [Some("Toyota Motor Corp".to_owned())]);
        let text = "Honda last week said it expected tariffs to cost 385 billion yen. \"Nobody will escape this at all,\" added KCNA.";
        assert_eq!(figure_speakers(text), [Some("Honda".to_owned())]);
        assert_eq!(speaker_of(text, "Nobody will escape this at all").as_deref(), Some("KCNA"));
    }

    #[test]
    fn according_to_a_document_credits_its_source() {
        assert_eq!(
            figure_speakers("Claims may reach $8 billion, according to a statement from Moody's."),
            [Some("Moody's".to_owned())]
        );
        assert_eq!(
            figure_speakers("Markets see a 70% chance of a cut, according to CME Group's FedWatch tool."),
            [Some("CME Group".to_owned())]
        );
    }

    #[test]
    fn cities_in_titles_parties_and_quoted_as_saying() {
        let text = "London Mayor Sadiq Khan spoke. \"Londoners are resilient and strong,\" Khan said. \"Nothing is decided yet, nothing,\" the Democrat added. Putin was quoted as saying that \"the West wants war with us.\"";
        assert_eq!(speaker_of(text, "Londoners are resilient and strong").as_deref(), Some("Sadiq Khan"));
        assert_eq!(speaker_of(text, "Nothing is decided yet, nothing"), None);
        assert_eq!(speaker_of(text, "the West wants war with us.").as_deref(), Some("Putin"));
    }

    #[test]
    fn figures_in_the_later_sentences_of_a_long_quote_are_the_speakers() {
        let text = "Mayor Anna Berg spoke on Monday. “We were ready. Then 2.3 million of them arrived in one week. Nobody could cope,” Berg said.";
        let found = extract(text).expect("valid");
        let figure = found.iter().find(|c| c.kind == Kind::Numeric).expect("a figure");
        assert_eq!(figure.quantity.as_ref().map(|q| q.value), Some(2.3e6));
        assert_eq!(figure.speaker.as_deref(), Some("Anna Berg"));
        let quote = found.iter().find(|c| c.kind == Kind::Quote).expect("the quote");
        assert_eq!(figure.in_quote, Some(quote.span));
    }

    #[test]
    fn an_abbreviation_in_brackets_and_an_unnamed_witness() {
        let text = "Indonesia's National Disaster Management Agency (BNPB) said at least 38 people were killed. \"There was no warning at all,\" a survivor told local television.";
        assert_eq!(figure_speakers(text), [Some("National Disaster Management Agency".to_owned())]);
        assert_eq!(speaker_of(text, "There was no warning at all").as_deref(), Some("a survivor"));
    }

    #[test]
    fn a_commissioner_by_surname_before_a_long_remit() {
        let text = "Commissioner Thyssen, responsible for Employment, Social Affairs, Skills and Labour Mobility, said: \"This support will help them.\" The Commission proposed €5.2 million to help 1,200 former Ford workers.";
        assert_eq!(speaker_of(text, "This support will help them.").as_deref(), Some("Thyssen"));
        assert_eq!(figure_speakers(text), [None, None]);
    }

    #[test]
    fn job_titles_leave_the_name_and_a_bare_role_finds_its_holder() {
        let text = "Astronauts Doug Hurley and Bob Behnken docked on Sunday. \"It has been a real honor to fly,\" Hurley radioed. NASA Administrator Jim Bridenstine called it \"a new era in human spaceflight.\" Former U.N. Secretary-General Kofi Annan spoke. \"Africa can feed itself, and it will,\" the former U.N. chief said.";
        assert_eq!(speaker_of(text, "It has been a real honor to fly").as_deref(), Some("Doug Hurley"));
        assert_eq!(speaker_of(text, "a new era in human spaceflight.").as_deref(), Some("Jim Bridenstine"));
        // "chief" is any office's word: the former Secretary-General in view.
        assert_eq!(speaker_of(text, "Africa can feed itself, and it will").as_deref(), Some("Kofi Annan"));
    }

    #[test]
    fn a_surname_takes_the_full_name_given_later_in_the_text() {
        let text = "President Juncker said: \"This is a historic day for Europe.\"\n\nBackground: Jean-Claude Juncker took office in 2014.";
        assert_eq!(
            speaker_of(text, "This is a historic day for Europe.").as_deref(),
            Some("Jean-Claude Juncker")
        );
    }

    #[test]
    fn a_transcript_label_credits_its_paragraph_unless_the_line_credits_another() {
        let text = "Secretary of Defense Ash Carter briefed reporters.\n\nSECRETARY OF DEFENSE ASH CARTER: Thank you. As the president said, \"we will destroy them in the end.\" This budget is $582.7 billion.\n\nSEC. CARTER: \"We are investing in the future,\" and that matters.";
        assert_eq!(speaker_of(text, "we will destroy them in the end.").as_deref(), Some("the president"));
        assert_eq!(figure_speakers(text), [Some("Ash Carter".to_owned())]);
        assert_eq!(speaker_of(text, "We are investing in the future").as_deref(), Some("Ash Carter"));
    }

    #[test]
    fn a_transcript_speaker_goes_on_until_the_next_label() {
        let text = "Remarks by the acting secretary\n\nACTING SECRETARY OF DEFENSE PATRICK SHANAHAN: Hi, everybody.\n\nThere is no 10,000 troops figure.\n\nQ: Are 5,000 troops going?\n\nSEC. SHANAHAN: No.\n\nWe have 2,000 there now.";
        let shanahan = Some("Patrick Shanahan".to_owned());
        assert_eq!(figure_speakers(text), [shanahan.clone(), None, shanahan]);
    }

    #[test]
    fn a_label_on_its_own_line_with_an_affiliation_starts_a_speakers_turn() {
        let text = "A World of Refugees\n\nUnidentified Narrator:\n\nStories of 5,000 families.\n\nCAROLYN PRESUTTI, VOA Senior Washington Correspondent:\n\nMore than five million have fled.\n\nAgnieska Kosowicz, Polish Migration Forum:\n\nPoles host 2,000 refugees in their homes.";
        let presutti = Some("Carolyn Presutti".to_owned());
        let kosowicz = Some("Agnieska Kosowicz".to_owned());
        assert_eq!(figure_speakers(text), [None, presutti, kosowicz]);
    }

    #[test]
    fn a_long_title_in_a_label_and_a_kicker_that_names_nobody() {
        let text = "Press Briefing by Secretary Esper\n\nSECRETARY OF DEFENSE DR. MARK T. ESPER: Good morning.\n\nWe are caring for nearly 200 evacuees.\n\nThe Guatemala connection\nVOA EXCLUSIVE: The U.S. sent 300 officers.";
        assert_eq!(figure_speakers(text), [Some("Mark T. Esper".to_owned()), None]);
    }

    #[test]
    fn rule_a_sign_off_line_under_a_quotation_credits_it() {
        // As Government of Canada releases print them: each quotation signed on the line below.
        let text = "The Honourable Filomena Tassi announced today more than $6.7 million in funding.\n\n\
            \"Our government firmly believes that diversity is one of our greatest strengths.\"\n\n\
            —The Honourable Pablo Rodriguez, Minister of Canadian Heritage and Multiculturalism\n\n\
            \"Many Canadians still face barriers, based on their cultural background.\"\n\n\
            —The Honourable Filomena Tassi, Minister of Seniors, and Member of Parliament (Hamilton West)\n\n\
            \"I am proud of our support for these initiatives.\"\n\n– Bardish Chagger";
        let speakers: Vec<Option<String>> = credited(text).into_iter().map(|(_, s)| s).collect();
        let expected = ["Pablo Rodriguez", "Filomena Tassi", "Bardish Chagger"];
        assert_eq!(speakers, expected.map(|s| Some(s.to_owned())));
        // A dash before a sentence or a place signs nothing.
        assert_eq!(crate::attribution::sign_off("- The council voted on Monday."), None);
        assert_eq!(crate::attribution::sign_off("— Ottawa, Ontario"), None);
        assert_eq!(crate::attribution::sign_off("Jane Smith, Mayor"), None);
    }

    #[test]
    fn rule_a_speaker_who_introduces_themself_in_the_quotation() {
        let text = "\"I'm Carol Pearson. Anyone with a sweet tooth knows the name,\" announces Talk to America's host. Mrs. Pearson says she was impressed.\n\n\"I've been inspired by him. You're doing it for you,\" she says.";
        let speakers: Vec<Option<String>> = credited(text).into_iter().map(|(_, s)| s).collect();
        assert_eq!(speakers, [Some("Carol Pearson".to_owned()), Some("Carol Pearson".to_owned())]);
        let text = "We met the host.\n\n\"My name is John Ruiz and I have lived here for thirty years,\" he told us.";
        assert_eq!(
            speaker_of(text, "My name is John Ruiz and I have lived here for thirty years").as_deref(),
            Some("John Ruiz")
        );
        let text =
            "\"This is Jane Doe reporting from the capital, where crowds gathered,\" the correspondent said.";
        assert_eq!(
            speaker_of(text, "This is Jane Doe reporting from the capital, where crowds gathered").as_deref(),
            Some("Jane Doe")
        );
        // Not a name that goes on into the sentence, nor one word.
        let text = "Maria Lopez spoke first.\n\n\"This is Mr Smith's fault and nobody else's,\" she said.";
        assert_eq!(
            speaker_of(text, "This is Mr Smith's fault and nobody else's").as_deref(),
            Some("Maria Lopez")
        );
        let text = "Maria Lopez spoke first.\n\n\"I am Spartacus, like everyone here,\" she said.";
        assert_eq!(speaker_of(text, "I am Spartacus, like everyone here").as_deref(), Some("Maria Lopez"));
    }

    #[test]
    fn a_quotation_alone_after_a_paragraph_about_someone_is_theirs() {
        let text = "Officials said the river rose two metres.\n\nAnna Keller has lived by the river for 40 years.\n\n\"This is the worst flood I have seen.\"";
        assert_eq!(speaker_of(text, "This is the worst flood I have seen.").as_deref(), Some("Anna Keller"));
    }

    #[test]
    fn confidence_follows_the_rule_that_fired() {
        let text = "\"We will win this fight,\" Maria Lopez said. \"We always do.\" \"Nobody can say what comes next for us.\"";
        let found = extract(text).expect("valid");
        assert!(found[0].confidence > found[1].confidence, "{found:?}");
        assert!(found.iter().all(|c| (0.0..=1.0).contains(&c.confidence)));
    }
}
