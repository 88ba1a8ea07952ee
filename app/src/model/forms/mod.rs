//! Validation of what editors submit. Each `parse` takes the submitted form and returns either
//! clean values or every problem at once, each with its field, saying what is accepted.

pub mod account;
pub mod claim;
pub mod desk;
pub mod ruling;
pub mod source;
pub mod speaker;

use chrono::NaiveDate;

/// `(field, message)` pairs.
pub type Problems = Vec<(String, String)>;

/// A single line of text of at most `max` characters, trimmed; an empty one is a problem when
/// `required`.
pub(crate) fn line(
    value: &str,
    field: &str,
    label: &str,
    max: usize,
    required: bool,
    problems: &mut Problems,
) -> String {
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

/// Multi-line text of at most `max` characters, trimmed, with CRLF as LF; an empty one is a
/// problem when `required`, with `missing` as its message.
pub(crate) fn text_block(
    value: &str,
    field: &str,
    max: usize,
    missing: Option<&str>,
    problems: &mut Problems,
) -> String {
    let value = value.trim().replace("\r\n", "\n");
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

/// An http(s) URL of at most 2,048 characters.
pub(crate) fn web_url(value: &str) -> Result<(), String> {
    if value.chars().count() > 2048 {
        return Err("Use a URL of at most 2,048 characters.".into());
    }
    if !super::markdown::is_web_url(value) {
        return Err("Use a full web address starting with https:// or http://.".into());
    }
    Ok(())
}

/// A date `YYYY-MM-DD` (what `<input type="date">` sends), not in the future.
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
    match NaiveDate::parse_from_str(value, "%Y-%m-%d") {
        Ok(d) if d > today => {
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
        date("31/05/2024", "d", true, today, &mut problems);
        date("2024-06-02", "d", true, today, &mut problems);
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
}
