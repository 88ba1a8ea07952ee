//! Validation of what editors submit. Each `parse` takes the submitted form and returns either
//! clean values or every problem at once, each with its field, saying what is accepted.

pub mod account;
pub mod claim;
pub mod desk;
pub mod record;
pub mod ruling;
pub mod source;
pub mod speaker;

use chrono::NaiveDate;

/// `(field, message)` pairs.
pub type Problems = Vec<(String, String)>;

/// The invisible characters that reorder the text around them (embeddings, overrides, isolates):
/// in a name or title they can make it read as something else ("Trojan Source").
pub const BIDI_CONTROLS: &[char] = &[
    '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}',
    '\u{2069}',
];

/// `value` without bidirectional control characters.
pub fn without_bidi_controls(value: &str) -> std::borrow::Cow<'_, str> {
    if value.contains(BIDI_CONTROLS) {
        std::borrow::Cow::Owned(value.chars().filter(|c| !BIDI_CONTROLS.contains(c)).collect())
    } else {
        std::borrow::Cow::Borrowed(value)
    }
}

/// A single line of text of at most `max` characters, trimmed and without bidirectional control
/// characters; an empty one is a problem when `required`.
pub(crate) fn line(
    value: &str,
    field: &str,
    label: &str,
    max: usize,
    required: bool,
    problems: &mut Problems,
) -> String {
    let value = without_bidi_controls(value);
    let value = value.trim();
    if value.is_empty() {
        if required {
            problems.push((field.into(), format!("Enter the {label}.")));
        }
    } else if let Err(m) = bounded(value, max) {
        problems.push((field.into(), m));
    } else if value.contains(['\n', '\r']) {
        problems.push((field.into(), format!("The {label} must be a single line.")));
    }
    value.to_owned()
}

/// Multi-line text of at most `max` characters, trimmed, with CRLF as LF and without
/// bidirectional control characters; an empty one is a problem when `required`, with `missing`
/// as its message.
pub(crate) fn text_block(
    value: &str,
    field: &str,
    max: usize,
    missing: Option<&str>,
    problems: &mut Problems,
) -> String {
    let value = without_bidi_controls(value).trim().replace("\r\n", "\n");
    match (value.is_empty(), missing) {
        (true, Some(message)) => problems.push((field.into(), message.into())),
        _ => {
            if let Err(m) = bounded(&value, max) {
                problems.push((field.into(), m));
            }
        }
    }
    value
}

/// An optional single line of at most `max` characters; `None` when left empty.
pub(crate) fn optional_line(value: &str, field: &str, max: usize, problems: &mut Problems) -> Option<String> {
    let value = line(value, field, field, max, false, problems);
    (!value.is_empty()).then_some(value)
}

/// Text without NUL or other control characters (tabs and newlines aside), of at most `max`.
pub fn bounded(value: &str, max: usize) -> Result<(), String> {
    let count = value.chars().count();
    if count > max {
        return Err(format!("Use at most {max} characters (this has {count})."));
    }
    if value.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        return Err("Remove the control characters (such as NUL) from this text.".into());
    }
    Ok(())
}

/// An http(s) URL of at most 2,048 characters, without bidirectional control characters (which
/// would make it display as another address).
pub(crate) fn web_url(value: &str) -> Result<(), String> {
    if value.chars().count() > 2048 {
        return Err("Use a URL of at most 2,048 characters.".into());
    }
    if value.contains(BIDI_CONTROLS) {
        return Err("Remove the invisible direction-changing characters (U+202A–U+202E, U+2066–U+2069) from this address.".into());
    }
    if !super::markdown::is_web_url(value) {
        return Err("Use a full web address starting with https:// or http://.".into());
    }
    Ok(())
}

/// The earliest date accepted: news claims older than this are not what claimtrack is for, and
/// far-off years (`-262143-01-01`) break date arithmetic elsewhere.
pub const EARLIEST_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1800, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// A date `YYYY-MM-DD` (what `<input type="date">` sends), from [`EARLIEST_DATE`] to tomorrow
/// (today somewhere east of the server).
pub(crate) fn date(
    value: &str,
    field: &str,
    required: bool,
    today: NaiveDate,
    problems: &mut Problems,
) -> Option<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        if required {
            problems.push((field.into(), "Enter the date, as YYYY-MM-DD.".into()));
        }
        return None;
    }
    let tomorrow = today.succ_opt().unwrap_or(today);
    let plain = value.len() == 10
        && value
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) if d < EARLIEST_DATE || !plain => {
            problems.push((
                field.into(),
                format!(
                    "“{}” is out of range: use a date from 1800-01-01 to tomorrow, as YYYY-MM-DD.",
                    clip(value)
                ),
            ));
            None
        }
        Ok(d) if d > tomorrow => {
            problems.push((field.into(), "The date is in the future.".into()));
            None
        }
        Ok(d) => Some(d),
        Err(_) => {
            problems.push((
                field.into(),
                format!("“{}” is not a date. Use YYYY-MM-DD, like 2022-12-30.", clip(value)),
            ));
            None
        }
    }
}

pub(crate) fn clip(value: &str) -> String {
    let short: String = value.chars().take(40).collect();
    if short.len() < value.len() {
        format!("{short}…")
    } else {
        short
    }
}

/// A form's typed struct from `(name, value)` pairs, as the server decodes a submitted body.
#[cfg(test)]
pub(crate) fn form<T: serde::de::DeserializeOwned + Default>(pairs: &[(&str, &str)]) -> T {
    let body = serde_urlencoded::to_string(pairs).unwrap_or_default();
    super::form::decode(body.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_bounded_and_clean() {
        assert!(bounded("ok", 2).is_ok());
        assert_eq!(bounded("abc", 2).unwrap_err(), "Use at most 2 characters (this has 3).");
        assert!(bounded("a\u{0}b", 10).is_err());
        assert!(bounded("line\nline\ttab", 20).is_ok());
    }

    #[test]
    fn urls_must_be_web_addresses() {
        assert!(web_url("https://example.org/x").is_ok());
        for bad in ["javascript:alert(1)", "data:text/html,x", "ftp://x.org", "example.org", "https://a b"] {
            assert!(web_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn dates_are_iso_and_not_in_the_future() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let mut problems = Problems::new();
        assert_eq!(
            date(" 2024-05-31 ", "d", true, today, &mut problems),
            NaiveDate::from_ymd_opt(2024, 5, 31)
        );
        assert!(date("2024-06-02", "d", true, today, &mut problems).is_some(), "tomorrow, somewhere");
        date("31/05/2024", "d", true, today, &mut problems);
        date("2024-06-03", "d", true, today, &mut problems);
        date("", "d", true, today, &mut problems);
        assert!(date("", "d", false, today, &mut problems).is_none());
        let messages: Vec<_> = problems.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(
            messages,
            vec![
                "“31/05/2024” is not a date. Use YYYY-MM-DD, like 2022-12-30.",
                "The date is in the future.",
                "Enter the date, as YYYY-MM-DD.",
            ]
        );
    }

    #[test]
    fn dates_far_outside_any_real_range_are_refused_with_the_range() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        assert!(date("1800-01-01", "d", true, today, &mut Problems::new()).is_some());
        for far in ["-262143-01-01", "0000-01-01", "-0001-12-31", "1799-12-31", "+2024-01-01", "20240-01-01"]
        {
            let mut problems = Problems::new();
            assert!(date(far, "d", true, today, &mut problems).is_none(), "{far}");
            assert_eq!(problems.len(), 1, "{far}");
            assert!(
                problems[0].1.contains("1800-01-01") || problems[0].1.contains("not a date"),
                "{far}: {}",
                problems[0].1
            );
        }
    }

    #[test]
    fn bidirectional_controls_are_removed_from_text_and_refused_in_addresses() {
        let mut problems = Problems::new();
        let name = line("Vladimir\u{202E}nituP\u{202C}", "name", "name", 200, true, &mut problems);
        assert_eq!(name, "VladimirnituP");
        assert!(problems.is_empty());
        assert_eq!(text_block("\u{2067}quote\u{2069}", "t", 100, None, &mut problems), "quote");
        assert!(web_url("https://example.org/\u{202E}fdp.exe").is_err());
    }
}
