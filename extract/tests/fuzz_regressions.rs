//! Inputs on which the extractor once broke (`extract/fuzz-regressions/`, named for the bug): a
//! panic the fuzz target `extract` found, or a text that took minutes (an "and" inside an
//! organisation's name, repeated 2,000 times, made the name search cubic). Each is extracted
//! again and checked as the fuzz target checks.

#![allow(clippy::unwrap_used)] // A panic is a failed test.

use claimtrack_extract as extract;

#[test]
fn every_input_the_fuzzer_once_broke_extracts_with_valid_spans() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fuzz-regressions");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let found = extract::extract(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        for c in &found {
            assert!(c.span.0 < c.span.1 && c.span.1 <= text.len(), "{}", path.display());
            assert_eq!(&text[c.span.0..c.span.1], c.text, "{}", path.display());
        }
        seen += 1;
    }
    assert!(seen >= 2, "the regression inputs are there");
}
