//! Atom 1.0 feeds (RFC 4287), written as text: a handful of elements, every value escaped.

use chrono::{DateTime, SecondsFormat, Utc};

pub struct Feed<'a> {
    pub id: &'a str,
    pub title: &'a str,
    /// The feed's own address (`rel="self"`).
    pub self_url: &'a str,
    /// The page the feed follows (`rel="alternate"`).
    pub page_url: &'a str,
    pub author: &'a str,
    pub updated: DateTime<Utc>,
}

pub struct Entry {
    pub id: String,
    pub title: String,
    pub url: String,
    pub updated: DateTime<Utc>,
    pub author: String,
    /// Plain text; escaped here.
    pub summary: String,
}

pub fn write(feed: &Feed<'_>, entries: &[Entry]) -> String {
    let mut out = String::with_capacity(1024 + entries.len() * 600);
    out.push_str(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    element(&mut out, 1, "id", feed.id);
    element(&mut out, 1, "title", feed.title);
    element(&mut out, 1, "updated", &time(feed.updated));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{}\"/>\n",
        escape(feed.self_url)
    ));
    out.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(feed.page_url)
    ));
    out.push_str("  <author>\n");
    element(&mut out, 2, "name", feed.author);
    out.push_str("  </author>\n");
    for entry in entries {
        out.push_str("  <entry>\n");
        element(&mut out, 2, "id", &entry.id);
        element(&mut out, 2, "title", &entry.title);
        element(&mut out, 2, "updated", &time(entry.updated));
        out.push_str(&format!(
            "    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
            escape(&entry.url)
        ));
        out.push_str("    <author>\n");
        element(&mut out, 3, "name", &entry.author);
        out.push_str("    </author>\n");
        element(&mut out, 2, "summary", &entry.summary);
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

fn element(out: &mut String, depth: usize, name: &str, text: &str) {
    out.push_str(&"  ".repeat(depth));
    out.push_str(&format!("<{name}>{}</{name}>\n", escape(text)));
}

fn time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// XML text and attribute escaping; characters XML 1.0 forbids (most control characters) are
/// dropped rather than making the feed unreadable.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_forbidden_characters_dropped() {
        assert_eq!(escape("a < b & \"c\" </script>\u{0}"), "a &lt; b &amp; &quot;c&quot; &lt;/script&gt;");
    }
}
