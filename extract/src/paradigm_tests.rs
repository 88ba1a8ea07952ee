//! The speaker paradigms of `paradigms/speakers.txt`: one small text per construction, each
//! quotation's speaker as expected.

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

#[test]
fn every_paradigm_credits_its_speakers() {
    let file = include_str!("../paradigms/speakers.txt");
    let cases = cases(file);
    assert!(cases.len() >= 40, "the paradigm file has its cases");
    let mut wrong = Vec::new();
    for (text, expected) in &cases {
        let found = extract(text).expect("a valid text");
        let speakers: Vec<Option<String>> =
            found.into_iter().filter(|c| c.kind == Kind::Quote).map(|c| c.speaker).collect();
        if &speakers != expected {
            wrong.push(format!("{text}\n  found {speakers:?}, expected {expected:?}"));
        }
    }
    assert!(wrong.is_empty(), "{} of {} paradigms wrong:\n{}", wrong.len(), cases.len(), wrong.join("\n"));
}
