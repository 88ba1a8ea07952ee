//! The figure parser on arbitrary sentences, and everything shown from what it parses.
#![no_main]

use claimtrack_extract as extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sentence) = std::str::from_utf8(data) else { return };
    if let Some(q) = extract::figure(sentence) {
        assert!(q.value.is_finite() && q.value.abs() < 1e15);
        assert!(!q.unit.is_empty() && q.unit.len() <= 60);
        assert!(q.of.is_none_or(|of| of > 0.0));
        let _ = (q.headline(), q.share_percent(), q.noun());
    }
});
