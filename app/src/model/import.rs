//! Importing an article: the candidates an editor accepts, how a pasted text is normalised, how
//! the review form is read back, and how a source's text is cut into highlighted segments.

use super::forms::{claim::ClaimForm, source::SourceForm, source::SourceInput, Problems};
use super::{ClaimKind, FormState, Quantity, Status};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The most candidates one review page offers (a long article may have more).
pub const MAX_CANDIDATES: usize = 400;

/// A candidate the editor accepted (or the command line accepted for them).
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub kind: ClaimKind,
    pub text: String,
    pub speaker: String,
    pub said_on: NaiveDate,
    pub quantity: Option<Quantity>,
    /// Where it stands in the article's text (byte offsets), when still known.
    pub span: Option<(usize, usize)>,
    /// How sure the extractor was of it (0 to 1), when it said.
    pub confidence: Option<f64>,
    /// The existing claim (public id) the editor said this repeats: it becomes an appearance of
    /// that claim, with its own speaker, date and words, instead of a new claim.
    pub repeat_of: Option<String>,
}

impl Accepted {
    /// What the repeats matcher looks for, as `ClaimForm::probe` for a claim being added.
    pub fn probe(&self) -> crate::model::repeats::Probe {
        crate::model::repeats::Probe {
            kind: self.kind,
            text: self.text.clone(),
            quantity: self.quantity.clone(),
            said_on: Some(self.said_on),
        }
    }
}

/// Below this confidence, a candidate starts unticked in the review and is marked for checking.
pub const LOW_CONFIDENCE: f64 = 0.6;

/// What an import did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    pub source_public_id: String,
    /// New claims.
    pub added: usize,
    /// Existing claims (same speaker, same words) now also appearing in this source.
    pub linked: usize,
    /// Existing claims that already appeared in this source.
    pub already: usize,
    /// Speakers that did not exist and were added.
    pub new_speakers: Vec<String>,
}

/// The text as stored and as extracted from: Windows line ends folded, outer white space trimmed.
/// Browsers submit every line end as CRLF, so this is applied to both steps of the form alike.
pub fn normalise_article(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned()
}

/// A claim's words for comparison: lower case, letters and digits, single spaces, curly and
/// straight apostrophes alike. "We will NOT be rushed…" and "we will not be rushed" are equal.
pub fn normalised_words(text: &str) -> String {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
        .map(|w| w.replace('’', "'").trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a speaker name reads as an organisation ("the ministry", "Ukraine's air force").
pub fn reads_as_organisation(name: &str) -> bool {
    const WORDS: &[&str] = &[
        "ministry",
        "department",
        "force",
        "council",
        "office",
        "university",
        "company",
        "group",
        "institute",
        "organization",
        "organisation",
        "agency",
        "commission",
        "police",
        "government",
        "report",
        "survey",
        "board",
        "bank",
        "committee",
        "court",
        "party",
        "union",
        "association",
        "administration",
        "kremlin",
        "army",
        "navy",
        "service",
        "authority",
        "nations",
        "foundation",
        "operator",
        "data",
        "study",
        "poll",
        "officials",
        "inc",
        "ltd",
        "corp",
        "resources",
        "foods",
        "treasury",
        "parliament",
        "senate",
        "house",
    ];
    let lower = name.to_lowercase();
    lower.starts_with("the ")
        || lower.contains("'s ")
        || lower.contains("’s ")
        || lower.split(|c: char| !c.is_alphanumeric()).any(|w| WORDS.contains(&w))
}

/// The review form's field for candidate `i`.
pub fn field(i: usize, name: &str) -> String {
    format!("c{i}_{name}")
}

/// The indexes of the candidates on a review form.
pub fn candidate_count(form: &FormState) -> usize {
    form.text("candidates").parse::<usize>().unwrap_or(0).min(MAX_CANDIDATES)
}

/// The quote candidate whose words hold numeric candidate `i`'s figure (its `in` field), if it
/// names one that is on the form and is a quote. The review shows the figure inside that quote's
/// box, and the figure is credited to the quote's speaker.
pub fn holding_quote(form: &FormState, i: usize) -> Option<usize> {
    let kind = |k: usize| ClaimKind::parse(form.value(&field(k, "kind")).unwrap_or_default());
    let quote = form.text(&field(i, "in")).parse::<usize>().ok()?;
    (quote != i
        && quote < candidate_count(form)
        && kind(quote) == Some(ClaimKind::Quote)
        && kind(i) == Some(ClaimKind::Numeric))
    .then_some(quote)
}

/// Reads the review form: the source, and every ticked candidate validated like the claim form.
/// Problems name the candidate's own fields (`c3_speaker`), so they show beside them.
pub fn parse_review(form: &FormState, today: NaiveDate) -> Result<(SourceInput, Vec<Accepted>), Problems> {
    let mut problems = Problems::new();
    let text = normalise_article(form.value("text").unwrap_or_default());
    let source_form = SourceForm { body: text.clone(), ..form.decode::<SourceForm>() };
    let source = match source_form.parse(today) {
        Ok(source) => Some(source),
        Err(p) => {
            problems.extend(p);
            None
        }
    };
    let said_on = source.as_ref().and_then(|s| s.published_on);
    if source.is_some() && said_on.is_none() {
        problems.push((
            "published_on".into(),
            "Give the article's date: imported claims are dated by it.".into(),
        ));
    }
    let picked: Vec<usize> = form.all("pick").iter().filter_map(|v| v.parse().ok()).collect();
    if picked.is_empty() {
        problems.push(("".into(), "Tick at least one candidate to add, or leave the page.".into()));
    }
    let mut accepted = Vec::new();
    for i in picked.into_iter().filter(|i| *i < candidate_count(form)) {
        // A candidate's fields are numbered (`c3_text`): read by name, checked as the claim form.
        let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
        // A figure inside a quote is credited to whoever the editor says spoke the quote.
        let speaker_field = field(holding_quote(form, i).unwrap_or(i), "speaker");
        let candidate = ClaimForm {
            kind: value("kind"),
            text: value("text"),
            speaker: form.value(&speaker_field).unwrap_or_default().to_owned(),
            said_on: said_on.unwrap_or(today).to_string(),
            quantity_value: value("quantity_value"),
            quantity_unit: value("quantity_unit"),
            quantity_of: value("quantity_of"),
            quantity_change: value("quantity_change"),
            quantity_qualifier: value("quantity_qualifier"),
            ..ClaimForm::default()
        };
        match candidate.parse(today) {
            Ok(claim) => {
                let span = span(form, i, &text);
                let confidence = form
                    .value(&field(i, "confidence"))
                    .and_then(|v| v.parse::<f64>().ok())
                    .filter(|c| (0.0..=1.0).contains(c));
                accepted.push(Accepted {
                    kind: claim.kind,
                    text: claim.text,
                    speaker: claim.speaker,
                    said_on: claim.said_on,
                    quantity: claim.quantity,
                    span,
                    confidence,
                    repeat_of: Some(value("repeat_of")).filter(|id| !id.is_empty()),
                });
            }
            Err(p) => problems.extend(p.into_iter().map(|(f, m)| (field(i, &f), m))),
        }
    }
    match source {
        Some(source) if problems.is_empty() => Ok((source, accepted)),
        _ => Err(problems),
    }
}

/// A candidate's byte range, if it is a valid range of `text`.
fn span(form: &FormState, i: usize, text: &str) -> Option<(usize, usize)> {
    let start = form.text(&field(i, "start")).parse::<usize>().ok()?;
    let end = form.text(&field(i, "end")).parse::<usize>().ok()?;
    (start < end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end))
        .then_some((start, end))
}

/// A claim's place in its source's text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// The claim's permalink id (empty on the review page, where claims do not exist yet).
    pub public_id: String,
    pub kind: ClaimKind,
    pub status: Option<Status>,
    /// The number shown beside it ("[3]").
    pub number: usize,
}

/// A piece of one paragraph: plain text, or text inside one or more marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Segment {
    pub text: String,
    /// Indexes into the marks this text lies inside (outermost first).
    pub inside: Vec<usize>,
    /// Marks that end right after this text: their reference numbers go here.
    pub ends: Vec<usize>,
}

/// The text cut into paragraphs of segments. Marks that cross another partially are dropped
/// (their claims are still listed); nested marks (a quote in a numeric sentence) are kept.
pub fn segments(text: &str, marks: &[Mark]) -> Vec<Vec<Segment>> {
    let mut kept: Vec<usize> = Vec::new();
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by_key(|&i| (marks[i].start, std::cmp::Reverse(marks[i].end)));
    for i in order {
        let m = &marks[i];
        let valid = m.start < m.end
            && m.end <= text.len()
            && text.is_char_boundary(m.start)
            && text.is_char_boundary(m.end);
        let crosses = kept.iter().any(|&k| {
            let o = &marks[k];
            m.start < o.end && o.start < m.end && !(o.start <= m.start && m.end <= o.end)
        });
        if valid && !crosses {
            kept.push(i);
        }
    }
    let mut cuts: Vec<usize> = kept.iter().flat_map(|&k| [marks[k].start, marks[k].end]).collect();
    let mut paragraphs = Vec::new();
    let mut offset = 0;
    for line in text.split('\n') {
        let (start, end) = (offset, offset + line.len());
        offset = end + 1;
        if line.trim().is_empty() {
            continue;
        }
        cuts.push(start);
        cuts.push(end);
        let mut points: Vec<usize> = cuts.iter().copied().filter(|c| *c >= start && *c <= end).collect();
        points.sort_unstable();
        points.dedup();
        let mut paragraph = Vec::new();
        for pair in points.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let inside: Vec<usize> =
                kept.iter().copied().filter(|&k| marks[k].start <= a && b <= marks[k].end).collect();
            let ends: Vec<usize> = inside.iter().copied().filter(|&k| marks[k].end == b).rev().collect();
            paragraph.push(Segment { text: text[a..b].to_owned(), inside, ends });
        }
        paragraphs.push(paragraph);
    }
    paragraphs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, number: usize) -> Mark {
        Mark { start, end, public_id: String::new(), kind: ClaimKind::Quote, status: None, number }
    }

    #[test]
    fn words_compare_without_case_punctuation_or_curly_apostrophes() {
        assert_eq!(normalised_words("“We WON’T be rushed,” —"), normalised_words("we won't be rushed"));
        assert_ne!(normalised_words("We will win"), normalised_words("We will not win"));
    }

    #[test]
    fn pasted_text_is_normalised_the_same_way_on_both_steps() {
        assert_eq!(normalise_article("  One.\r\nTwo.\r\n"), "One.\nTwo.");
        assert_eq!(normalise_article(&normalise_article("a\r\nb")), "a\nb");
    }

    #[test]
    fn organisations_are_told_from_people() {
        assert!(reads_as_organisation("the ministry"));
        assert!(reads_as_organisation("Ukraine's air force"));
        assert!(!reads_as_organisation("Maria Lopez"));
    }

    #[test]
    fn segments_nest_marks_and_split_paragraphs() {
        let text = "He said “no” twice.\nNext line.";
        let marks = [mark(0, 23, 1), mark(11, 13, 2)];
        let p = segments(text, &marks);
        assert_eq!(p.len(), 2);
        let pieces: Vec<(&str, usize)> = p[0].iter().map(|s| (s.text.as_str(), s.inside.len())).collect();
        assert_eq!(pieces, [("He said “", 1), ("no", 2), ("” twice.", 1)]);
        assert_eq!(p[0][1].ends, vec![1]);
        assert_eq!(p[0][2].ends, vec![0]);
        assert_eq!(p[1][0].text, "Next line.");
    }

    #[test]
    fn crossing_or_invalid_marks_are_dropped() {
        let text = "abcdefghij";
        let p = segments(text, &[mark(0, 5, 1), mark(3, 8, 2), mark(9, 99, 3)]);
        let inside: Vec<usize> = p[0].iter().map(|s| s.inside.len()).collect();
        assert_eq!(inside, [1, 0]);
    }

    #[test]
    fn the_review_form_is_read_with_problems_beside_each_candidate() {
        let text = "“We will win,” Lopez said. Prices rose 25 percent.";
        let mut values: Vec<(String, String)> = [
            ("url", "https://example.org/a"),
            ("title", "T"),
            ("outlet", "O"),
            ("published_on", "2024-05-01"),
            ("text", text),
            ("candidates", "2"),
            ("pick", "0"),
            ("pick", "1"),
            ("c0_kind", "quote"),
            ("c0_text", "We will win"),
            ("c0_speaker", "Maria Lopez"),
            ("c0_start", "3"),
            ("c0_end", "14"),
            ("c1_kind", "numeric"),
            ("c1_text", "Prices rose 25 percent."),
            ("c1_speaker", ""),
            ("c1_quantity_value", "25"),
            ("c1_quantity_unit", "percent"),
        ]
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let problems = parse_review(&FormState::new(values.clone()), today).unwrap_err();
        assert!(problems.iter().any(|(f, _)| f == "c1_speaker"), "{problems:?}");
        values.retain(|(n, v)| !(n == "pick" && v == "1"));
        let (source, accepted) = parse_review(&FormState::new(values), today).unwrap();
        assert_eq!(source.body.as_deref(), Some(text));
        assert_eq!(accepted.len(), 1);
        assert_eq!(accepted[0].span, Some((3, 14)));
        assert_eq!(&text[3..14], "We will win");
        assert_eq!(accepted[0].said_on, NaiveDate::from_ymd_opt(2024, 5, 1).unwrap());
    }
}
