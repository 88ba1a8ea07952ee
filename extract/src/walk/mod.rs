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
use crate::{meet, names, unmarked, Candidate, Kind};
use sentence::{
    after_dateline, closing_sentence, context_tokens, continues_the_sentence_before, from_credit, introduced,
    is_headline, is_list_item, marker_index, or_introduced, overlaps, sentence_end,
};
use std::ops::Range;

mod sentence;

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
    /// The dollar a bare "$" counts in, when the text is another country's than the US's.
    dollar: Option<&'static str>,
    /// Who gives the statement the release is, by its headline ("Statement from the Minister
    /// of Health on …"): its quotations that no verb credits are theirs.
    statement_author: Option<String>,
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
        self.dollar = figures::local_dollar(self.text);
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
            self.statement_author = names::statement_author(&self.text[first.clone()]);
            if let Some(name) = names::signed_headline(&self.text[first.clone()]) {
                self.registry.meet(first.start, &name);
            }
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
        let label = self.transcript_turn(paragraph);
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
            self.meet_subject_before_pronouns(&context, !starting.is_empty(), !in_sentence.is_empty());
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

    /// The label opening a paragraph ("MORALES: …"), if any, and whose turn the paragraph is: a
    /// transcript's speaker goes on in the unmarked paragraphs after their label; a label before
    /// a quotation ('SUSAN TELTSCHER: "…"', as radio scripts print a clip) is that quotation's
    /// alone, and the narration after it is the writer's.
    fn transcript_turn(&mut self, paragraph: &Range<usize>) -> Option<(usize, String)> {
        let text = self.text;
        let label = attribution::transcript_label(text, paragraph);
        let labelled = label.as_ref().and_then(|(end, name)| self.registry.labelled(*end, name));
        if attribution::opens_with_label(&text[paragraph.clone()]) {
            let clip = label.as_ref().is_some_and(|(end, _)| {
                text[*end..paragraph.end].trim_start().starts_with(['“', '"', '‘', '\'', '«', '„'])
            });
            self.transcript = if clip { None } else { labelled.clone() };
        }
        self.label = labelled.or_else(|| self.transcript.clone());
        label
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
            // ("… and said she would arrive late "I just started my wait. … this morning," she
            // said.": the sentence the quotation closes in may still name its speaker.)
            let closing = (q.outer.end > sentence.end)
                .then(|| closing_sentence(text, &self.sentences, paragraph, q, &mut self.registry))
                .flatten();
            if let Some(c) = closing {
                return Some(from_credit(c, 0.85));
            }
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
            // ('BOSTON-- "New England is the biggest winner …"', under "Statement from …".)
            return self
                .statement_author(context, q)
                .filter(|_| after_dateline(&text[sentence.start..q.outer.start]));
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
        recent
            .map(|(_, s)| Speaker { name: s.clone(), confidence: 0.6 })
            .or_else(|| self.statement_author(context, q))
    }

    /// The statement's author, for a quotation of a sentence or more that nothing else credits.
    fn statement_author(&mut self, context: &[Option<&Token<'_>>], q: &Quoted) -> Option<Speaker> {
        let author = self.statement_author.as_ref()?;
        if self.text[q.inner.clone()].split_whitespace().count() < 8 || context.iter().flatten().count() > 12
        {
            return None;
        }
        // ("Statement by the Prime Minister": the person the release names prime minister.)
        let name = self.registry.holder_of(author).unwrap_or_else(|| author.clone());
        Some(Speaker { name, confidence: 0.6 })
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
        let found = figures::all_in(tokens, self.dollar);
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

    /// Puts a sentence's subject in view before the pronouns of its own clauses are read:
    /// "Toyota cut its forecast, citing tariffs that it said …" (a sentence without a quotation),
    /// "The MPLA declared victory in a poll that it called “free, secret and joyful.”" (a
    /// quotation after an "it"). Only the registry learns; who speaks is found later.
    fn meet_subject_before_pronouns(
        &mut self,
        context: &[Option<&Token<'_>>],
        quotes_start: bool,
        quoted: bool,
    ) {
        let it_in_a_clause = || context.iter().flatten().skip(1).any(|t| t.text == "it");
        if !quotes_start && !quoted || quotes_start && it_in_a_clause() {
            let refs: Vec<&Token<'_>> = context.iter().flatten().copied().collect();
            let _subject = attribution::sentence_subject(&refs, &mut self.registry);
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

#[cfg(test)]
mod tests;
