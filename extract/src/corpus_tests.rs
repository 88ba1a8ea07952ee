//! The extractor measured against an annotated corpus of news-style texts (`corpus/`): precision
//! and recall of quotes, speaker accuracy, precision and recall of numeric claims. The texts were
//! written for claimtrack (people and places are invented) in the styles the extractor must
//! read: wire copy, interviews, business, courts, elections, science; British and American
//! spelling; straight, curly, single, guillemet and German marks.
//!
//! Scoring rules: a quote matches when its words are exactly the annotated words; an annotated
//! quote marked `optional` (a scare quote) counts neither way. A numeric claim matches when its
//! sentence is the annotated sentence and its figure has the annotated value and whole ("of"),
//! a fraction counting as its part of a whole or as its percentage ("two-thirds": 2 of 3, 66.67%);
//! a sentence may hold several, matched in any order; quotation marks around a sentence do not
//! count. The unit (a counted noun matches on its
//! last word: "cruise missiles" ~ "missiles"), change and qualifier are reported. Speakers
//! compare without case and without a leading "the"; an annotation may list several acceptable
//! speakers. Run `cargo test -p claimtrack-extract corpus -- --nocapture` to see the figures and every miss.

use super::{extract, Candidate};
use crate::Kind;
use serde_json::Value;
use std::path::PathBuf;

pub const QUOTE_F1_MIN: f64 = 0.90;
pub const SPEAKER_ACCURACY_MIN: f64 = 0.85;
pub const NUMERIC_F1_MIN: f64 = 0.90;

#[derive(Default, Debug)]
pub(super) struct Tally {
    pub(super) quote_tp: usize,
    pub(super) quote_fp: usize,
    pub(super) quote_fn: usize,
    pub(super) speaker_right: usize,
    pub(super) numeric_tp: usize,
    pub(super) numeric_fp: usize,
    pub(super) numeric_fn: usize,
    pub(super) numeric_speaker_right: usize,
    pub(super) numeric_details_right: usize,
    /// Quotations credited wrongly, by kind of miss (`MissKind` as index).
    pub(super) quote_speaker_misses: [usize; 4],
    /// Figures credited wrongly, by kind of miss.
    pub(super) figure_speaker_misses: [usize; 4],
    pub(super) misses: Vec<String>,
}

/// How a speaker is wrong, counted so that a part can be described without reading its texts.
#[derive(Clone, Copy)]
pub(super) enum MissKind {
    /// Nobody credited, someone expected.
    Nobody = 0,
    /// Someone credited where the annotation has the writer's own (null).
    NotTheWriter = 1,
    /// Another form of an expected name: one holds the other ("Kane" for "Harry Kane", "the
    /// Government Oversight" for "Project on Government Oversight") or they share a word.
    NameForm = 2,
    /// Someone else.
    SomeoneElse = 3,
}

pub(super) fn miss_kind(expected: &Value, found: Option<&str>) -> MissKind {
    let accepted = accepted_speakers(expected);
    let Some(found) = found.map(normalise_speaker) else { return MissKind::Nobody };
    let names: Vec<&String> = accepted.iter().flatten().collect();
    if names.is_empty() {
        return MissKind::NotTheWriter;
    }
    let words = |s: &str| s.split(' ').map(|w| w.trim_matches(['.', ',']).to_owned()).collect::<Vec<_>>();
    let shares = |name: &String| {
        name.contains(found.as_str())
            || found.contains(name.as_str())
            || words(name).iter().any(|w| words(&found).contains(w) && w.len() > 3)
    };
    if names.into_iter().any(shares) {
        MissKind::NameForm
    } else {
        MissKind::SomeoneElse
    }
}

pub(super) fn f1(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 { 1.0 } else { tp as f64 / (tp + fp) as f64 };
    let r = if tp + fn_ == 0 { 1.0 } else { tp as f64 / (tp + fn_) as f64 };
    let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
    (p, r, f)
}

fn normalise_speaker(s: &str) -> String {
    let lower = s.to_lowercase().replace('’', "'");
    lower.strip_prefix("the ").unwrap_or(&lower).trim().to_owned()
}

/// The speakers an annotation accepts, normalised (`None`: the writer's own).
fn accepted_speakers(expected: &Value) -> Vec<Option<String>> {
    match expected {
        Value::Array(list) => list.iter().map(|v| v.as_str().map(normalise_speaker)).collect(),
        Value::String(s) => vec![Some(normalise_speaker(s))],
        _ => vec![None],
    }
}

fn speaker_ok(expected: &Value, found: Option<&str>) -> bool {
    accepted_speakers(expected).contains(&found.map(normalise_speaker))
}

fn unit_ok(expected: &str, found: &str) -> bool {
    let last = |s: &str| s.rsplit(' ').next().unwrap_or("").to_lowercase();
    expected.eq_ignore_ascii_case(found) || last(expected) == last(found)
}

/// Sentences compare without the quotation marks around them: annotators cut a sentence of a
/// quotation with or without its marks.
fn same_sentence(annotated: Option<&str>, found: &str) -> bool {
    let marks = ['"', '“', '”', '‘', '’', '\'', '«', '»', '.', ' ', '\n'];
    let bare = |s: &str| s.trim_matches(marks).to_owned();
    annotated.is_some_and(|a| bare(a) == bare(found))
}

/// A figure counts when its value and, for "X of Y", its whole are the annotated ones (the unit
/// is reported beside, as change and qualifier are). A proportion said as a fraction counts
/// either way it is written down: "two-thirds" as 2 of 3 or as 66.67 percent.
fn figure_right(e: &Value, q: &crate::Quantity) -> bool {
    let value = number(&e["value"]);
    let same = value.is_some_and(|v| close(v, q.value))
        && match (number(&e["of"]), q.of) {
            (Some(a), Some(b)) => close(a, b),
            (None, None) => true,
            _ => false,
        };
    let as_share =
        |part: f64, whole: f64, percent: f64| whole > 0.0 && (100.0 * part / whole - percent).abs() < 0.01;
    let proportion = match (value, number(&e["of"]), q.of) {
        (Some(v), Some(of), None) => q.unit == "percent" && as_share(v, of, q.value),
        (Some(v), None, Some(of)) => e["unit"].as_str() == Some("percent") && as_share(q.value, of, v),
        _ => false,
    };
    same || proportion
}

fn number(v: &Value) -> Option<f64> {
    v.as_f64()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(1.0)
}

pub(super) fn score(name: &str, text: &str, annotation: &Value, found: &[Candidate], tally: &mut Tally) {
    score_quotes(name, text, annotation, found, tally);
    score_figures(name, text, annotation, found, tally);
}

fn score_quotes(name: &str, text: &str, annotation: &Value, found: &[Candidate], tally: &mut Tally) {
    let expected: Vec<&Value> =
        annotation["quotes"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    let mut used = vec![false; expected.len()];
    for c in found.iter().filter(|c| c.kind == Kind::Quote) {
        assert_eq!(&text[c.span.0..c.span.1], c.text, "{name}: a span must cut out the text exactly");
        let hit = expected
            .iter()
            .enumerate()
            .find(|(k, e)| !used[*k] && e["text"].as_str().map(str::trim) == Some(c.text.trim()));
        match hit {
            Some((k, e)) => {
                used[k] = true;
                if e["optional"].as_bool() == Some(true) {
                    continue;
                }
                tally.quote_tp += 1;
                if speaker_ok(&e["speaker"], c.speaker.as_deref()) {
                    tally.speaker_right += 1;
                } else {
                    tally.quote_speaker_misses[miss_kind(&e["speaker"], c.speaker.as_deref()) as usize] += 1;
                    tally.misses.push(format!(
                        "{name}: speaker of “{}”: found {:?}, expected {}",
                        c.text, c.speaker, e["speaker"]
                    ));
                }
            }
            None => {
                tally.quote_fp += 1;
                tally.misses.push(format!("{name}: extra quote “{}” ({:?})", c.text, c.speaker));
            }
        }
    }
    for (k, e) in expected.iter().enumerate() {
        if !used[k] && e["optional"].as_bool() != Some(true) {
            tally.quote_fn += 1;
            tally.misses.push(format!("{name}: missed quote “{}”", e["text"].as_str().unwrap_or("")));
        }
    }
}

fn score_figures(name: &str, text: &str, annotation: &Value, found: &[Candidate], tally: &mut Tally) {
    let expected: Vec<&Value> =
        annotation["numeric"].as_array().map(|a| a.iter().collect()).unwrap_or_default();
    let mut used = vec![false; expected.len()];
    let numeric: Vec<&Candidate> = found.iter().filter(|c| c.kind == Kind::Numeric).collect();
    // A sentence may state several figures: first every candidate takes the annotation it
    // matches exactly, in any order; the rest take what is left of their sentence.
    let mut pairing: Vec<Option<usize>> = vec![None; numeric.len()];
    for exact in [true, false] {
        for (n, c) in numeric.iter().enumerate() {
            if pairing[n].is_some() {
                continue;
            }
            let q = c.quantity.as_ref().expect("a numeric candidate has a quantity");
            let k = expected.iter().enumerate().position(|(k, e)| {
                !used[k] && same_sentence(e["sentence"].as_str(), &c.text) && (!exact || figure_right(e, q))
            });
            if let Some(k) = k {
                used[k] = true;
                pairing[n] = Some(k);
            }
        }
    }
    for (c, k) in numeric.iter().zip(pairing) {
        assert_eq!(&text[c.span.0..c.span.1], c.text, "{name}: a span must cut out the text exactly");
        let q = c.quantity.as_ref().expect("a numeric candidate has a quantity");
        let Some(k) = k else {
            tally.numeric_fp += 1;
            tally.misses.push(format!("{name}: extra numeric “{}” → {q:?}", c.text));
            continue;
        };
        let e = expected[k];
        let optional = e["optional"].as_bool() == Some(true);
        if !figure_right(e, q) {
            if !optional {
                tally.numeric_fp += 1;
                tally.numeric_fn += 1;
            }
            tally.misses.push(format!(
                "{name}: wrong figure in “{}”: {q:?}, expected {} {} of {}",
                c.text, e["value"], e["unit"], e["of"]
            ));
            continue;
        }
        if optional {
            continue;
        }
        tally.numeric_tp += 1;
        if speaker_ok(&e["speaker"], c.speaker.as_deref()) {
            tally.numeric_speaker_right += 1;
        } else {
            tally.figure_speaker_misses[miss_kind(&e["speaker"], c.speaker.as_deref()) as usize] += 1;
            tally.misses.push(format!(
                "{name}: (info) numeric speaker in “{}”: {:?}, expected {}",
                c.text, c.speaker, e["speaker"]
            ));
        }
        if !e["unit"].as_str().is_some_and(|u| unit_ok(u, &q.unit)) {
            tally
                .misses
                .push(format!("{name}: (info) unit in “{}”: {:?}, expected {}", c.text, q.unit, e["unit"]));
        }
        let change = q.change.map(|c| c.as_str());
        let qualifier = q.qualifier.map(|q| q.as_str());
        if e["change"].as_str() == change && e["qualifier"].as_str() == qualifier {
            tally.numeric_details_right += 1;
        } else {
            tally.misses.push(format!(
                "{name}: (info) change/qualifier in “{}”: {change:?}/{qualifier:?}, expected {}/{}",
                c.text, e["change"], e["qualifier"]
            ));
        }
    }
    for (k, e) in expected.iter().enumerate() {
        if !used[k] && e["optional"].as_bool() != Some(true) {
            tally.numeric_fn += 1;
            tally.misses.push(format!("{name}: missed numeric “{}”", e["sentence"].as_str().unwrap_or("")));
        }
    }
}

fn corpus() -> Vec<(String, String, Value)> {
    corpus_in("corpus")
}

/// The texts of `dir` (under `extract/`) and their annotations, by file name.
pub(super) fn corpus_in(dir: &str) -> Vec<(String, String, Value)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the corpus directory")
        .map(|e| e.expect("a corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|txt| {
            let text = std::fs::read_to_string(&txt).expect("a corpus text");
            let json = std::fs::read_to_string(txt.with_extension("json")).expect("its annotation");
            let annotation: Value = serde_json::from_str(&json).expect("the annotation is JSON");
            (txt.file_stem().unwrap_or_default().to_string_lossy().into_owned(), text, annotation)
        })
        .collect()
}

#[test]
fn the_extractor_meets_its_quality_targets_on_the_annotated_corpus() {
    let texts = corpus();
    assert!(texts.len() >= 12, "the corpus has at least 12 texts");
    let mut tally = Tally::default();
    for (name, text, annotation) in &texts {
        let found = extract(text).expect("corpus texts are valid");
        score(name, text, annotation, &found, &mut tally);
    }
    let (qp, qr, qf) = f1(tally.quote_tp, tally.quote_fp, tally.quote_fn);
    let (np, nr, nf) = f1(tally.numeric_tp, tally.numeric_fp, tally.numeric_fn);
    let speaker = tally.speaker_right as f64 / tally.quote_tp.max(1) as f64;
    let numeric_speaker = tally.numeric_speaker_right as f64 / tally.numeric_tp.max(1) as f64;
    let details = tally.numeric_details_right as f64 / tally.numeric_tp.max(1) as f64;
    for miss in &tally.misses {
        println!("  {miss}");
    }
    println!(
        "corpus: {} texts | quotes P {qp:.3} R {qr:.3} F1 {qf:.3} ({} found right, {} extra, {} missed) | \
         speaker accuracy {speaker:.3} | numeric P {np:.3} R {nr:.3} F1 {nf:.3} ({} right, {} wrong or extra, {} missed) | \
         numeric speaker {numeric_speaker:.3} | change+qualifier {details:.3}",
        texts.len(),
        tally.quote_tp,
        tally.quote_fp,
        tally.quote_fn,
        tally.numeric_tp,
        tally.numeric_fp,
        tally.numeric_fn
    );
    assert!(qf >= QUOTE_F1_MIN, "quote F1 {qf:.3} is below {QUOTE_F1_MIN}");
    assert!(speaker >= SPEAKER_ACCURACY_MIN, "speaker accuracy {speaker:.3} is below {SPEAKER_ACCURACY_MIN}");
    assert!(nf >= NUMERIC_F1_MIN, "numeric F1 {nf:.3} is below {NUMERIC_F1_MIN}");
}
