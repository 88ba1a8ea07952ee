//! Escaping text for HTML, for the few places where markup is written as a string.

/// Escapes `&`, `<`, `>`, `"` and `'`, so the text is safe in element content and quoted
/// attributes alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            super::escape(r#"</title><a href="x">'&"#),
            "&lt;/title&gt;&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }
}
