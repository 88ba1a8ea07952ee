//! The extractor on arbitrary text: never a panic; every span a valid range on character
//! boundaries whose text is the candidate's; a confidence between 0 and 1; both output formats
//! written.
#![no_main]

use claimtrack_extract as extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(found) = extract::extract(text) else { return };
    for c in &found {
        assert!(c.span.0 < c.span.1 && c.span.1 <= text.len());
        assert!(text.is_char_boundary(c.span.0) && text.is_char_boundary(c.span.1));
        assert_eq!(&text[c.span.0..c.span.1], c.text);
        assert_eq!(c.quantity.is_some(), c.kind == extract::Kind::Numeric);
        assert!((0.0..=1.0).contains(&c.confidence));
    }
    let json = extract::json(&found);
    assert!(json.starts_with("{\"claims\": ["));
    let _ = extract::listing(&found);
});
