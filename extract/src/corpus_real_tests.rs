//! The extractor measured on real news it was not written for (`corpus-real/`): freely licensed
//! articles (Wikinews, Voice of America and US government releases, UK and EU government
//! releases…), each with its address and licence in a `MANIFEST-*.json`, annotated by the rules of
//! `corpus_tests.rs`. 55 of the 611 articles are marked `heldout` (a third of the first 47, and
//! two later batches, 701–717 and 801–821), each when annotated, before the extractor ran on it:
//! they are scored only to report, never read while changing rules.
//!
//! `cargo test -p claimtrack-extract corpus_real -- --nocapture` prints both rows (held-out first)
//! and the misses of the tuning part; with `EXTRACT_TUNING_ONLY=1` the tuning part alone. The assertions are floors at the figures measured when the corpus
//! was added, so that a change that makes real text worse fails; the targets are printed
//! beside them.

use super::corpus_tests::{corpus_in, f1, score, Tally};
use super::extract;
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

/// The split each text belongs to, from the manifests.
fn splits() -> HashMap<String, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus-real");
    let mut split = HashMap::new();
    for entry in std::fs::read_dir(&dir).expect("the real corpus directory") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().unwrap_or_default().to_string_lossy().into_owned();
        if !(name.starts_with("MANIFEST") && name.ends_with(".json")) {
            continue;
        }
        let manifest: Value = serde_json::from_str(&std::fs::read_to_string(&path).expect("a manifest"))
            .expect("a manifest is JSON");
        for article in manifest.as_array().expect("a manifest is a list") {
            for field in ["url", "licence", "outlet"] {
                assert!(
                    article[field].as_str().is_some_and(|v| !v.is_empty()),
                    "{name}: {article} lacks {field}"
                );
            }
            let file = article["file"].as_str().expect("a file name").to_owned();
            split.insert(file, article["split"].as_str().expect("a split").to_owned());
        }
    }
    split
}

/// One row of figures.
#[derive(Debug)]
struct Row {
    texts: usize,
    quote_p: f64,
    quote_r: f64,
    quote_f1: f64,
    speaker: f64,
    numeric_p: f64,
    numeric_r: f64,
    numeric_f1: f64,
    numeric_speaker: f64,
    candidates_per_claim: f64,
    /// Wrong speakers of quotations and of figures by kind (nobody, not the writer's, another
    /// form of the name, someone else): printed, not floored.
    misses_by_kind: [[usize; 4]; 2],
}

fn measure(texts: &[&(String, String, Value)], print_misses: bool) -> Row {
    let mut tally = Tally::default();
    let (mut candidates, mut annotated) = (0usize, 0usize);
    for (name, text, annotation) in texts {
        let found = extract(text).expect("corpus texts are valid");
        candidates += found.len();
        for list in ["quotes", "numeric"] {
            annotated += annotation[list]
                .as_array()
                .map_or(0, |a| a.iter().filter(|e| e["optional"].as_bool() != Some(true)).count());
        }
        score(name, text, annotation, &found, &mut tally);
    }
    if print_misses {
        tally.misses.iter().for_each(|miss| println!("  {miss}"));
    }
    let (quote_p, quote_r, quote_f1) = f1(tally.quote_tp, tally.quote_fp, tally.quote_fn);
    let (numeric_p, numeric_r, numeric_f1) = f1(tally.numeric_tp, tally.numeric_fp, tally.numeric_fn);
    Row {
        texts: texts.len(),
        quote_p,
        quote_r,
        quote_f1,
        speaker: tally.speaker_right as f64 / tally.quote_tp.max(1) as f64,
        numeric_p,
        numeric_r,
        numeric_f1,
        numeric_speaker: tally.numeric_speaker_right as f64 / tally.numeric_tp.max(1) as f64,
        candidates_per_claim: candidates as f64 / annotated.max(1) as f64,
        misses_by_kind: [tally.quote_speaker_misses, tally.figure_speaker_misses],
    }
}

/// "nobody 3, the writer's 0, name form 2, someone else 8".
fn by_kind(counts: &[usize; 4]) -> String {
    let [nobody, writers, form, other] = counts;
    format!("nobody {nobody}, the writer's {writers}, name form {form}, someone else {other}")
}

#[test]
fn real_news_is_scored_per_split_and_does_not_get_worse() {
    let split = splits();
    let texts = corpus_in("corpus-real");
    assert!(!texts.is_empty(), "the real corpus has texts");
    for (name, _, _) in &texts {
        assert!(split.contains_key(name), "{name} is in no manifest");
    }
    let part = |which: &str| -> Vec<&(String, String, Value)> {
        texts.iter().filter(|(name, _, _)| split.get(name).map(String::as_str) == Some(which)).collect()
    };
    // While rules change, `EXTRACT_TUNING_ONLY=1` scores the tuning part alone: the held-out part
    // is not even run.
    let tuning_only = std::env::var_os("EXTRACT_TUNING_ONLY").is_some();
    // `EXTRACT_ONLY=4` scores the tuning texts whose names start with "4" alone (a new batch,
    // measured before and after the rules it shows), without the floors; `EXTRACT_ONLY=1,2,3`
    // those starting with any of them.
    if let Some(prefix) = std::env::var("EXTRACT_ONLY").ok().filter(|_| tuning_only) {
        let batch: Vec<_> = part("tune")
            .into_iter()
            .filter(|(name, _, _)| prefix.split(',').any(|p| name.starts_with(p)))
            .collect();
        println!("batch {prefix}*: {:?}", measure(&batch, true));
        return;
    }
    let mut rows = Vec::new();
    if !tuning_only {
        rows.push(("held-out", measure(&part("heldout"), false), &HELDOUT_FLOOR));
    }
    rows.push(("tuning", measure(&part("tune"), true), &TUNE_FLOOR));
    println!("targets (held-out): quote F1 ≥ 0.95, speaker ≥ 0.90, numeric F1 ≥ 0.90, numeric speaker ≥ 0.80, ≤ 1.3 candidates per claim");
    for (label, row, _) in &rows {
        println!(
            "{label}: {} texts | quote P {:.3} R {:.3} F1 {:.3} | speaker {:.3} | numeric P {:.3} R {:.3} F1 {:.3} | numeric speaker {:.3} | {:.2} candidates per annotated claim",
            row.texts,
            row.quote_p,
            row.quote_r,
            row.quote_f1,
            row.speaker,
            row.numeric_p,
            row.numeric_r,
            row.numeric_f1,
            row.numeric_speaker,
            row.candidates_per_claim
        );
        println!(
            "{label}: wrong speakers of quotations: {}; of figures: {}",
            by_kind(&row.misses_by_kind[0]),
            by_kind(&row.misses_by_kind[1])
        );
    }
    for (label, row, floor) in rows {
        let scores = [
            ("quote F1", row.quote_f1, floor.quote_f1),
            ("speaker accuracy", row.speaker, floor.speaker),
            ("numeric F1", row.numeric_f1, floor.numeric_f1),
            ("numeric speaker accuracy", row.numeric_speaker, floor.numeric_speaker),
        ];
        for (what, score, floor) in scores {
            assert!(score >= floor, "{label} {what} {score:.3} fell below {floor}");
        }
        assert_eq!(
            row.texts, floor.texts,
            "{label}: texts in the part (a text added needs its floors measured again)"
        );
        assert!(
            row.candidates_per_claim <= floor.candidates_per_claim,
            "{label}: {:.2} candidates per claim, above {}",
            row.candidates_per_claim,
            floor.candidates_per_claim
        );
    }
}

/// What the extractor scored, rounded down (candidates: up); precision and recall are printed,
/// not floored. Raise them as the extractor improves.
///
/// When the corpus was added (2026-12-06, scored as now: a figure by value and whole, in any
/// order, quotation marks around sentences aside): held-out quote F1 0.958, speaker 0.298,
/// numeric F1 0.600, numeric speaker 0.524, 0.90 candidates per claim; tuning 0.941, 0.540,
/// 0.619, 0.656, 0.78. After issue 13 (every figure, the attribution sieve): held-out 0.975,
/// 0.525, 0.850, 0.508, 1.03; tuning 0.989, 0.915, 0.898, 0.847, 1.00. Numeric speaker accuracy
/// is over the figures found, three halves as many as before, so it is not comparable one to one.
/// With 15 more tuning texts (120–124, 215–221, 315–317, annotated before the extractor ran on
/// them): tuning 0.969, 0.910, 0.916, 0.821, 1.01; five European Commission items more
/// (318–322, likewise annotated first) and the rules of this second round: tuning 0.992,
/// 0.950, 0.912, 0.900, 1.03. Two Wikinews texts more (125–126; speaker 0.935 when first run,
/// before the rules they showed were added); a VOA TV transcript (222; numeric F1 0.926 first).
/// At the end of that second round (53 tuning texts), scored once: held-out 0.975, 0.576, 0.865,
/// 0.522, 1.04; tuning 0.992, 0.951, 0.940, 0.925, 1.03. Third round: 13 texts more (401–413,
/// annotated first; the old rules scored them 0.964, 0.778, 0.901, 0.906, 1.17) and the rules
/// they showed; at its end, scored once: held-out 0.975, 0.627, 0.865, 0.537, 1.04; tuning (66
/// texts) 0.990, 0.954, 0.945, 0.931, 1.06. Fourth round: 10 texts more (501–510, annotated
/// first; the third round's rules scored them 1.000, 0.800, 0.811, 0.533, 1.22) and the rules
/// they and the known open classes showed (the batch then 1.000, 0.800, 0.941, 0.938, 1.09); at
/// its end, scored once: held-out 0.975, 0.627, 0.870, 0.537, 1.04; tuning (76 texts) 0.994,
/// 0.949, 0.945, 0.932, 1.06 (the held-out numeric F1 floor stays 0.86: 0.870 as printed may be
/// just under 0.87). Fifth round: 20 texts more (601–620: VOA, NASA, NOAA, UK Government, No 10,
/// EU Daily News and Audio Wikinews items chosen for pronoun, split, title and quotation-only
/// attributions; annotated first; the fourth round's rules scored them 0.980, 0.714, 0.880,
/// 0.939, 1.01, and 1.000, 0.941, 0.923, 1.000, 1.05 after the rules they showed); at its end,
/// scored once: held-out 0.975, 0.644, 0.870, 0.537, 1.04; tuning (96 texts) 0.995, 0.952,
/// 0.943, 0.939, 1.06.
/// Held-out batch I: 17 texts more (701–717: VOA, Inside VOA, EU Daily News, UK FCDO and No 10,
/// Wikinews, NOAA, State Department, USAID), all held out, annotated and committed before any
/// run, no rule changed; scored once: held-out (34 texts) 0.961, 0.662, 0.885, 0.538, 1.02;
/// tuning (96) unchanged, 0.995, 0.952, 0.943, 0.939, 1.06.
/// Held-out batch J: 21 texts more (801–821: VOA feed items, digests and stories, Inside VOA,
/// DHSC, MOD, EU Commission, USDA, White House archive, DoD transcripts, Wikinews), all held
/// out, annotated and committed before any run, no rule changed; scored once: held-out (55
/// texts) 0.951, 0.644, 0.899, 0.638, 1.03; tuning (96) unchanged.
/// Sixth round (2026-12-07): six fresh tuning batches of 15–18 texts, each annotated and committed
/// before the extractor ran on it — K and L (901–938), scored before and after rules drawn from
/// patterns, then M and N (941–978) and last O and P (1501–1538), each pair scored with the rules
/// the session began with and with the rules at that point before any rule it showed: M and N
/// 0.946 / 0.693 / 0.918 / 0.792 / 0.99 → 0.946 / 0.739 / 0.913 / 0.792 / 1.00; O and P 0.994 /
/// 0.735 / 0.900 / 0.799 / 1.02 → 0.994 / 0.783 / 0.916 / 0.803 / 1.04. The scorer now counts a
/// fraction written either way ("two-thirds": 2 of 3 or 66.67 percent). At the round's end,
/// scored once: held-out (55) 0.951, 0.678, 0.909 (0.903 without the fraction rule), 0.652, 1.04;
/// tuning (201 texts) 0.991, 0.941, 0.934, 0.923, 1.04. Seventh round: batches Q and R
/// (1541–1578, annotated first), scored with the rules the session began with and with the sixth
/// round's: 0.967 / 0.899 / 0.892 / 0.813 / 0.97 → 0.973 / 0.922 / 0.916 / 0.843 / 0.97; the
/// rules they showed added; at its end, scored once: held-out unchanged (0.951, 0.678, 0.909,
/// 0.652, 1.04); tuning (237 texts) 0.992, 0.942, 0.932, 0.924, 1.03. Eighth round: six fresh
/// batches (S–X, 1581–1698), each scored with the rules the session began with and with the
/// rules of that point before any rule it showed — speaker accuracy S 0.867 → 0.867, T 0.826 →
/// 0.826, U 0.714 → 0.714, V 0.833 → 0.833, W+X 0.778 → 0.778; numeric speaker S 0.939 → 0.951,
/// T 0.844 → 0.844, U 0.816 → 0.844, V 0.866 → 0.849 (mended after), W+X 0.754 → 0.783 — and a
/// second annotator's speakers for 32 tuning and the 55 held-out texts
/// (`second-annotator/`: agreement 0.926–0.968 on quotes, 0.851–0.909 on figures on the held-out
/// part, by which side's lists judge). At the round's end, scored once: held-out 0.951, 0.713,
/// 0.913, 0.694, 1.05; tuning (345 texts) 0.981, 0.957, 0.948, 0.933, 1.03. Ninth round: fresh
/// batches Y (VOA and Wikinews stories, 1701–1716) and Z (public bodies' releases, 1721–1734),
/// annotated and committed first, scored with the eighth round's rules: 0.985 / 0.922 / 0.881 /
/// 0.860 / 1.02 (Y 1.000 / 0.969 / 0.859 / 0.922; Z 0.970 / 0.875 / 0.915 / 0.767); with them,
/// tuning (375 texts) 0.981, 0.955, 0.944, 0.928, 1.03. Batch AA (interviews, briefings and
/// features, 1741–1758), likewise: 0.984 / 0.721 / 0.944 / 0.831 / 1.05 (its odd-numbered
/// texts 0.786 speaker, its even-numbered 0.667 — the even half kept unread as a check); with it,
/// tuning (393 texts) 0.981, 0.941, 0.944, 0.924, 1.03. Batch AB (interviews, briefings and
/// releases, 1761–1778), annotated while rules were drawn from Y, Z and AA's odd half, scored
/// with the rules the round began with and with those of that point: 0.941 / 0.563 / 0.900 /
/// 0.833 / 1.00 both times — the rules drawn so far did not move it; with it, tuning (411 texts)
/// 0.980, 0.935, 0.945, 0.923, 1.03. Four more (annotated while rules were drawn from AB), each
/// scored with the rules the round began with and with those of that point — identical both
/// times: AC (VOA stories, 1781–1798) 1.000 / 1.000 / 0.902 / 0.855 / 0.99; AD (Wikinews,
/// 1801–1813) 0.987 / 0.615 / 0.857 / 0.833 / 1.07; AE (UK, Irish, Scottish, Welsh, NI,
/// Australian, NZ, Canadian and EU releases, 1821–1838) 0.988 / 0.750 / 0.947 / 0.822 / 1.07;
/// AF (VOA, Wikinews and US federal releases, 1841–1856, kept unread) 1.000 / 0.971 / 0.901 /
/// 0.922 / 1.00. With them, tuning (476 texts) 0.982, 0.929, 0.940, 0.915, 1.03. At the round's
/// end, after the rules drawn from Y, Z, AA's odd half, AB, AD and AE and an outside review's
/// mends, AF and AA's even half scored as before (0.971 and 0.667 speaker), and the held-out part,
/// scored once: 0.951, 0.701, 0.913, 0.688, 1.05 — one quotation and one figure fewer credited
/// rightly than at the eighth round's end; tuning (476) 0.982, 0.938, 0.940, 0.916, 1.03.
/// Tenth round (2026-12-07): rules written from paradigms (`paradigms/`) rather than from misses,
/// then from batch AG's misses and an outside review. Batches AG (VOA and Wikinews stories,
/// 1861–1876) and AH (government releases, 1881–1896, kept unread), annotated during the round,
/// scored with the round's starting rules and its rules of that point: identical (AG 1.000 /
/// 0.857 / 0.829 / 0.868 / 0.99; AH 0.962 / 0.922 / 0.957 / 0.843 / 0.99). At the round's end AG
/// 1.000 / 0.929 / 0.861 / 0.915, AH 0.962 / 0.922 / 0.957 / 0.865, AF 1.000 / 0.971 / 0.958 /
/// 0.912, AA's even half unchanged; the held-out part, scored once: 0.962, 0.705, 0.913, 0.688,
/// 1.05; tuning (508) 0.986, 0.946, 0.943, 0.919, 1.03. Eleventh round: batches AI (VOA stories,
/// 1901–1916) and AJ (statistics releases, 1921–1936), annotated during the round, scored with
/// the round's starting rules and its rules of that point: identical (AI 1.000 / 0.947 / 0.936
/// / 0.912 / 1.01; AJ 0.936 / 0.977 / 0.979 / 0.966 / 1.02), then read. At the round's end AF,
/// AH and AA's even half unchanged; the held-out part, scored once: 0.962, 0.705, 0.913, 0.694,
/// 1.05 (wrong speakers: of quotations 12 nobody, 5 another form of the name, 9 someone else; of
/// figures 27 nobody, 3 where the writer's own, 7 another form, 11 someone else); tuning (540)
/// 0.985, 0.952, 0.946, 0.925, 1.03. Batch AK (interviews, briefings and transcripts,
/// 1941–1956), annotated at the round's end and kept unread, scored with the round's starting
/// rules (1.000 / 0.842 / 0.862 / 0.480 / 0.94) and its end rules (1.000 / 0.868 / 0.862 / 0.480);
/// with it, tuning (556) 0.985, 0.949, 0.944, 0.916, 1.02. Twelfth round: rules for
/// transcripts' names (a label's surname is the full name a headline gives, initials the person
/// named with them), then rules from batches AL, AN and AO's misses (each scored first with the
/// round's starting rules and its rules of that point, then read), an outside review's mends and
/// a narrowing of announcing verbs reverted when this test's held-out floor failed on it. AK
/// (kept unread) speaker 0.868 → 0.895, numeric speaker 0.480 → 0.740; AM (kept unread) 1.000 /
/// 0.864 / 0.883 / 0.831 at first contact with the rules of that point (0.795 speaker with the
/// round's starting rules); AF numeric speaker 0.912 → 0.926, AA's even half 0.679 → 0.786, AH
/// unchanged; the held-out part, scored once: unchanged (0.962, 0.705, 0.913, 0.694, 1.05, and
/// the same wrong speakers by kind); tuning (611) 0.985, 0.948, 0.942, 0.922, 1.02.
const HELDOUT_FLOOR: Row = Row {
    texts: 55,
    quote_p: 0.0,
    quote_r: 0.0,
    numeric_p: 0.0,
    numeric_r: 0.0,
    quote_f1: 0.96,
    speaker: 0.70,
    numeric_f1: 0.91,
    numeric_speaker: 0.69,
    candidates_per_claim: 1.06,
    misses_by_kind: [[0; 4]; 2],
};
const TUNE_FLOOR: Row = Row {
    texts: 869,
    quote_p: 0.0,
    quote_r: 0.0,
    numeric_p: 0.0,
    numeric_r: 0.0,
    quote_f1: 0.98,
    speaker: 0.94,
    numeric_f1: 0.94,
    numeric_speaker: 0.92,
    candidates_per_claim: 1.08,
    misses_by_kind: [[0; 4]; 2],
};
