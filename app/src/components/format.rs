//! How dates and times read on the pages.

use chrono::{DateTime, NaiveDate, Utc};

/// "Dec 30, 2022"
pub fn date(d: NaiveDate) -> String {
    d.format("%b %-d, %Y").to_string()
}

/// "2022-12-30", for `<time datetime>`.
pub fn iso_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// "Dec 30, 2022, 13:00 UTC"
pub fn date_time(t: DateTime<Utc>) -> String {
    t.format("%b %-d, %Y, %H:%M UTC").to_string()
}

/// RFC 3339, for `<time datetime>`.
pub fn iso_date_time(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// "1 claim", "3 claims"
pub fn count(n: i64, one: &str, many: &str) -> String {
    format!("{} {}", crate::model::quantity::format_number(n as f64), if n == 1 { one } else { many })
}

/// Escapes text for HTML, for the few places where markup is written as a string.
pub fn escape_html(text: &str) -> String {
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
    use super::*;

    #[test]
    fn markup_is_escaped() {
        assert_eq!(
            escape_html(r#"</title><a href="x">'&"#),
            "&lt;/title&gt;&lt;a href=&quot;x&quot;&gt;&#39;&amp;"
        );
    }

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2022, 12, 3).unwrap();
        assert_eq!(date(d), "Dec 3, 2022");
        assert_eq!(iso_date(d), "2022-12-03");
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        assert_eq!(count(12_000, "claim", "claims"), "12,000 claims");
    }
}
