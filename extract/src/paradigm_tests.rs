//! The paradigms of `paradigms/`: one small text per construction, each quotation's speaker
//! (`speakers.txt`) or each figure's (`figure_speakers.txt`) as expected.

use super::{extract, Kind};

/// The cases of a paradigm file: each text, and the speakers expected of its quotations.
fn cases(file: &str) -> Vec<(String, Vec<Option<String>>)> {
    let without_comments: Vec<&str> = file.lines().filter(|l| !l.starts_with('#')).collect();
    let joined = without_comments.join("\n");
    joined
        .split("\n---\n")
        .map(|case| {
            let (text, expected) = case.trim().rsplit_once("\n=> ").expect("a case ends with its speakers");
            let speakers =
                expected.split(" | ").map(|s| (s.trim() != "-").then(|| s.trim().to_owned())).collect();
            (text.trim().to_owned(), speakers)
        })
        .collect()
}

/// The paradigms of `file` whose candidates of `kind` are not credited as expected.
fn wrong_in(file: &str, kind: Kind) -> (usize, Vec<String>) {
    let cases = cases(file);
    let mut wrong = Vec::new();
    for (text, expected) in &cases {
        let found = extract(text).expect("a valid text");
        let speakers: Vec<Option<String>> =
            found.into_iter().filter(|c| c.kind == kind).map(|c| c.speaker).collect();
        if &speakers != expected {
            wrong.push(format!("{text}\n  found {speakers:?}, expected {expected:?}"));
        }
    }
    (cases.len(), wrong)
}

#[test]
fn every_paradigm_credits_its_speakers() {
    let (count, wrong) = wrong_in(include_str!("../paradigms/speakers.txt"), Kind::Quote);
    assert!(count >= 40, "the paradigm file has its cases");
    assert!(wrong.is_empty(), "{} of {count} paradigms wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn every_paradigm_credits_its_figures() {
    let (count, wrong) = wrong_in(include_str!("../paradigms/figure_speakers.txt"), Kind::Numeric);
    assert!(count >= 20, "the paradigm file has its cases");
    assert!(wrong.is_empty(), "{} of {count} paradigms wrong:\n{}", wrong.len(), wrong.join("\n"));
}

#[test]
fn quotation_marks_typed_as_pairs_or_opening_each_paragraph_are_no_part_of_the_words() {
    let text = "Farm\n\nAcosta spoke on Monday. \"We are badly treated here,\" Acosta explained. \"It is not fair.''\n\nHe left.";
    let quotes: Vec<String> =
        extract(text).expect("valid").into_iter().filter(|c| c.kind == Kind::Quote).map(|c| c.text).collect();
    assert_eq!(quotes, ["We are badly treated here", "It is not fair."]);
    let text = "Figures\n\nChris Grayling said:\n\n\u{2018}These figures make a case for reform.\n\n\u{2018}We will roll it out.\u{2019}";
    let quotes: Vec<String> =
        extract(text).expect("valid").into_iter().filter(|c| c.kind == Kind::Quote).map(|c| c.text).collect();
    assert_eq!(quotes, ["These figures make a case for reform.", "We will roll it out."]);
}
