//! The figure parser on arbitrary sentences, and everything shown from what it parses.
#![no_main]

use app::ssr::extract;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(sentence) = std::str::from_utf8(data) else { return };
    if let Some(q) = extract::figure(sentence) {
        assert!(q.value.is_finite());
        assert!(!q.unit.is_empty());
        let _ = (q.headline(), q.consequences(), q.share_percent(), q.noun());
    }
});
