//! How dates and times read on the pages.

use chrono::{DateTime, Datelike, NaiveDate, Utc};

/// Month abbreviations as chrono's `%b` writes them.
const MONTHS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// "Dec 30, 2022". Written out rather than through `strftime`, which parses its format string
/// for each of the dozens of dates on a list page.
pub fn date(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

/// "2022-12-30", for `<time datetime>` (years 1800 to next year: four digits).
pub fn iso_date(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
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

/// A bare count with thousands separators: "1,234".
pub fn number(n: i64) -> String {
    crate::model::quantity::format_number(n as f64)
}

/// Like [`count`], for a count that may have stopped at a cap: "1,000+ claims".
pub fn count_at_least(n: i64, at_least: bool, one: &str, many: &str) -> String {
    format!("{} {}", number_at_least(n, at_least), if n == 1 && !at_least { one } else { many })
}

/// A bare count, "1,000+" when counting stopped there.
pub fn number_at_least(n: i64, at_least: bool) -> String {
    let digits = crate::model::quantity::format_number(n as f64);
    if at_least {
        digits + "+"
    } else {
        digits
    }
}

/// HTML escaping, shared with the model (markdown) and the server (embed card, error pages).
pub use crate::model::html::escape as escape_html;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_naturally() {
        let d = NaiveDate::from_ymd_opt(2022, 12, 3).unwrap();
        assert_eq!(date(d), "Dec 3, 2022");
        assert_eq!(iso_date(d), "2022-12-03");
        assert_eq!(count(1, "claim", "claims"), "1 claim");
        // The same as chrono's formats, for every day of a leap year and a few far years.
        let far = [1800, 1999, 2024, 2100].map(|y| NaiveDate::from_ymd_opt(y, 1, 1).unwrap());
        let days = (0..366).map(|n| NaiveDate::from_ymd_opt(2024, 1, 1).unwrap() + chrono::Days::new(n));
        for d in days.chain(far) {
            assert_eq!(date(d), d.format("%b %-d, %Y").to_string());
            assert_eq!(iso_date(d), d.format("%Y-%m-%d").to_string());
        }
        assert_eq!(count(12_000, "claim", "claims"), "12,000 claims");
    }

    #[test]
    fn capped_counts_read_as_at_least() {
        assert_eq!(count_at_least(1, false, "claim", "claims"), "1 claim");
        assert_eq!(count_at_least(7_000, true, "claim", "claims"), "7,000+ claims");
        assert_eq!(number_at_least(1_000, true), "1,000+");
        assert_eq!(number_at_least(12, false), "12");
    }
}
