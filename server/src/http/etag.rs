//! Strong ETags, one scheme for every answer that has one (the JSON API and the page cache): a
//! 64-bit FNV-1a hash of the body, stable across restarts and Rust versions, so a browser's
//! `If-None-Match` still matches after the server restarts.

/// The ETag of `body`, quoted: `"0123456789abcdef"`.
pub fn of(body: &[u8]) -> String {
    format!("\"{:016x}\"", app::fnv1a(body))
}

/// Whether an `If-None-Match` value names `etag` (or is `*`); weak forms (`W/"…"`) match too, as
/// RFC 9110 asks for this comparison.
pub fn matches(if_none_match: &str, etag: &str) -> bool {
    if_none_match
        .split(',')
        .map(str::trim)
        .any(|t| t == "*" || t == etag || t.strip_prefix("W/") == Some(etag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etags_are_stable_and_matched_in_lists_weak_or_strong() {
        assert_eq!(of(b""), "\"cbf29ce484222325\"");
        let tag = of(b"page");
        assert!(matches(&tag, &tag));
        assert!(matches(&format!("\"x\", W/{tag}"), &tag));
        assert!(matches("*", &tag));
        assert!(!matches("\"other\"", &tag));
    }
}
