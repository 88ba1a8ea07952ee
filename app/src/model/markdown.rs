//! The small, safe Markdown of a verification's rationale: paragraphs, emphasis, links (http and
//! https only) and lists. The HTML is written here from a whitelist of parser events, never passed
//! through: raw HTML in the input comes out as text, other constructs keep their text and lose
//! their markup, and every piece of text and every attribute is escaped.

use super::html::escape;
use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

/// Rationale text as safe HTML.
pub fn to_safe_html(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + markdown.len() / 4);
    // Whether each open link was written as <a> (a refused link keeps only its text).
    let mut links: Vec<bool> = Vec::new();
    for event in Parser::new_ext(markdown, Options::empty()) {
        match event {
            Event::Start(tag) => match tag {
                Tag::Paragraph | Tag::Heading { .. } | Tag::BlockQuote(_) | Tag::CodeBlock(_) => {
                    out.push_str("<p>")
                }
                Tag::Emphasis => out.push_str("<em>"),
                Tag::Strong => out.push_str("<strong>"),
                Tag::List(None) => out.push_str("<ul>"),
                Tag::List(Some(1)) => out.push_str("<ol>"),
                Tag::List(Some(start)) => out.push_str(&format!("<ol start=\"{start}\">")),
                Tag::Item => out.push_str("<li>"),
                Tag::Link { link_type, dest_url, .. } => {
                    let allowed = is_web_url(&dest_url) && link_type != LinkType::Email;
                    if allowed {
                        out.push_str("<a href=\"");
                        out.push_str(&escape(&dest_url));
                        out.push_str("\" rel=\"nofollow ugc\">");
                    }
                    links.push(allowed);
                }
                _ => {}
            },
            Event::End(tag) => match tag {
                TagEnd::Paragraph | TagEnd::Heading(_) | TagEnd::BlockQuote(_) | TagEnd::CodeBlock => {
                    out.push_str("</p>")
                }
                TagEnd::Emphasis => out.push_str("</em>"),
                TagEnd::Strong => out.push_str("</strong>"),
                TagEnd::List(ordered) => out.push_str(if ordered { "</ol>" } else { "</ul>" }),
                TagEnd::Item => out.push_str("</li>"),
                TagEnd::Link if links.pop() == Some(true) => out.push_str("</a>"),
                _ => {}
            },
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                out.push_str(&escape(&text))
            }
            Event::SoftBreak => out.push('\n'),
            Event::HardBreak => out.push_str("<br>"),
            _ => {}
        }
    }
    out
}

/// Only absolute http and https URLs become links, and only ones without characters that a URL
/// must percent-encode (quotes, angle brackets, spaces…), which have no business in an address.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && lower.len() > 8
        && !url.chars().any(|c| c.is_control() || c.is_whitespace() || "\"'<>`{}|\\^".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_supported_subset_renders() {
        assert_eq!(
            to_safe_html(
                "Two *outlets* agree.\n\n- **one**\n- [two](https://example.org/a?b=1&c=2)\n\n3. three"
            ),
            "<p>Two <em>outlets</em> agree.</p><ul><li><strong>one</strong></li><li>\
             <a href=\"https://example.org/a?b=1&amp;c=2\" rel=\"nofollow ugc\">two</a></li></ul>\
             <ol start=\"3\"><li>three</li></ol>"
        );
    }

    #[test]
    fn raw_html_and_script_come_out_as_text() {
        let html = to_safe_html("<script>alert(1)</script>\n\nHi <img src=x onerror=alert(2)> there");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "{html}");
    }

    #[test]
    fn only_web_links_become_links() {
        for bad in [
            "[x](javascript:alert(1))",
            "[x](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "[x](vbscript:msgbox)",
            "[x](/relative)",
            "<javascript:alert(1)>",
            "[x](mailto:a@b.c)",
        ] {
            let html = to_safe_html(bad);
            assert!(!html.contains("<a "), "{bad} -> {html}");
        }
        assert!(to_safe_html("<https://example.org>").contains("<a href=\"https://example.org\""));
        for bad in ["https://e.org/\"x", "https://e.org/<x>", "https://e.org/a b", "https://e.org/`"] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn attributes_cannot_be_broken_out_of() {
        let html = to_safe_html("[x](https://e.org/\"onmouseover=\"alert(1))");
        assert!(!html.contains("\"onmouseover"), "{html}");
    }

    #[test]
    fn other_constructs_keep_their_text_only() {
        assert_eq!(to_safe_html("# Title"), "<p>Title</p>");
        assert_eq!(to_safe_html("![alt](https://e.org/i.png)"), "<p>alt</p>");
        assert_eq!(to_safe_html("`code`"), "<p>code</p>");
    }
}
