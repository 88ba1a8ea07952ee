//! A bound on how deeply a page's elements nest, found before it is parsed. HTML parsers and the
//! readability pass walk the tree recursively, and the parser's scope checks walk the stack of
//! open elements for every tag: a page of 100,000 nested `<div>`s would take minutes and then
//! overflow the stack (which aborts the whole server, not one request). Real articles nest a few
//! dozen deep.
//!
//! The scan over-estimates, never under-estimates, the parser's stack: every `<name` counts as
//! an opened element wherever it stands (in a script, a comment, an attribute), but an end tag
//! closes one only in plain content, and only if an element of its name is open.

/// Elements that never have content, so never deepen the tree.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track",
    "wbr", "keygen", "image",
];
/// Elements whose start tag closes an open one of the same name (`<p>` inside a `<p>` is a new
/// paragraph beside it, not inside it).
const SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];
/// Elements whose content is text up to their end tag: end tags inside them close nothing.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Whether the page's elements may nest deeper than `limit`.
pub fn too_deep(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut open: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut depth = 0usize;
    let mut raw_until: Option<String> = None;
    let mut i = 0;
    while let Some(lt) = bytes[i..].iter().position(|b| *b == b'<').map(|p| p + i) {
        i = lt + 1;
        if bytes[i..].starts_with(b"!--") {
            // A comment ends at the first `-->` or `--!>`, counted from its own dashes so that
            // `<!-->` ends at once, as the parser has it. Its end tags close nothing.
            let rest = &html[lt + 2..];
            let end = [rest.find("-->"), rest.find("--!>")].into_iter().flatten().min();
            i = end.map_or(bytes.len(), |e| lt + 2 + e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name: String = bytes[start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric() || **b == b'-')
            .map(|b| b.to_ascii_lowercase() as char)
            .collect();
        if name.is_empty() || !name.as_bytes()[0].is_ascii_alphabetic() {
            continue;
        }
        let (end, self_closing) = tag_end(bytes, start + name.len());
        i = end;
        if closing {
            if raw_until.as_deref() == Some(name.as_str()) {
                raw_until = None;
            } else if raw_until.is_none() {
                if let Some(n) = open.get_mut(&name).filter(|n| **n > 0) {
                    *n -= 1;
                    depth = depth.saturating_sub(1);
                }
            }
            continue;
        }
        if VOID.contains(&name.as_str()) || self_closing {
            continue;
        }
        let count = open.entry(name.clone()).or_insert(0);
        if SIBLINGS.contains(&name.as_str()) && *count > 0 && raw_until.is_none() {
            continue;
        }
        *count += 1;
        depth += 1;
        if depth > limit {
            return true;
        }
        if raw_until.is_none() && RAW_TEXT.contains(&name.as_str()) {
            raw_until = Some(name);
        }
    }
    false
}

/// Where a tag ends (after its `>`), skipping quoted attribute values, and whether it ends `/>`.
fn tag_end(bytes: &[u8], mut i: usize) -> (usize, bool) {
    let mut last = 0u8;
    while i < bytes.len() {
        let b = bytes[i];
        match b {
            b'>' => return (i + 1, last == b'/'),
            b'"' | b'\'' if last == b'=' => {
                i = bytes[i + 1..].iter().position(|c| *c == b).map_or(bytes.len(), |p| i + 1 + p);
            }
            _ => {}
        }
        if !b.is_ascii_whitespace() {
            last = b;
        }
        i += 1;
    }
    (bytes.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_is_measured_as_a_parser_would_build_it() {
        let nested = |n: usize| format!("{}x{}", "<div>".repeat(n), "</div>".repeat(n));
        assert!(!too_deep(&nested(100), 100));
        assert!(too_deep(&nested(101), 100));
        let siblings = "<div>".to_owned() + &"<p>a</p>".repeat(1000) + &"<p>unclosed".repeat(1000) + "</div>";
        assert!(!too_deep(&siblings, 10), "paragraphs beside each other");
        assert!(!too_deep(&"<br><img src=x><meta charset=utf-8><span/>".repeat(1000), 10), "void elements");
    }

    #[test]
    fn end_tags_that_close_nothing_do_not_hide_depth() {
        let hidden = ["<!-- </div> -->", "<script>'</div>'</script>", "<a title=\"</div>\">", "</span>"];
        for trick in hidden {
            let page = format!("<div>{trick}").repeat(200);
            assert!(too_deep(&page, 100), "{trick}");
        }
        // `<!-->` is a whole comment: what follows is parsed, and counted.
        assert!(too_deep(&"<!--><div>".repeat(200), 100));
    }
}
