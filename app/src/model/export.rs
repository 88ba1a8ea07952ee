//! Exports: one row per claim, as CSV (RFC 4180) or JSON lines, with the same field names.
//!
//! One vocabulary with the API: a column is the API field's name, prefixed with the object it
//! belongs to (`first_source_title` is the API's `first_source.title`). `url` is always the thing's
//! page on this site; an address elsewhere is named for what it is (`source_url`, the source
//! document's own address). The API-and-export test walks both and compares every claim.

use serde::{Deserialize, Serialize};

/// A claim as exported: one CSV row or JSON line (`/export/claims.csv`, `/export/claims.jsonl`).
/// Its schema is in the API's OpenAPI document (`ExportRow`), generated from this type.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ExportRow {
    /// The claim's permanent public id (API: `id`).
    pub id: String,
    /// Its permalink on this site (API: `url`).
    pub url: String,
    /// `quote` or `numeric` (API: `kind`).
    pub kind: String,
    /// The words, exactly as said or reported (API: `text`).
    pub text: String,
    /// The speaker's name and slug (API: `speaker.name`, `speaker.slug`).
    pub speaker: String,
    pub speaker_slug: String,
    /// The date it was said, YYYY-MM-DD (API: `said_on`).
    pub said_on: String,
    /// The public status: `being_checked` or the published ruling's rating.
    pub status: String,
    /// The published ruling's attribution (quotes): did they say it?
    pub attribution: Option<String>,
    /// The published ruling's one-line verdict (API: `verdict`).
    pub verdict: Option<String>,
    /// When the current ruling was published (API: `ruling.published_at`).
    pub ruled_at: Option<String>,
    /// The figure of a numeric claim (API: `quantity.value`, `.unit`, `.of`, `.change`, `.qualifier`).
    pub quantity_value: Option<f64>,
    pub quantity_unit: Option<String>,
    pub quantity_of: Option<f64>,
    pub quantity_change: Option<String>,
    pub quantity_qualifier: Option<String>,
    /// The first source's id and its page here (the API's `first_source.id` and `.url`).
    pub first_source_id: Option<String>,
    pub first_source_url: Option<String>,
    /// The first source document's own address (the API's `source_url` of a source).
    pub first_source_source_url: Option<String>,
    /// The first source's title, outlet and date (API: `first_source.title`, `.outlet`, `.published_on`).
    pub first_source_title: Option<String>,
    pub first_source_outlet: Option<String>,
    pub first_source_published_on: Option<String>,
    /// Whether the claim was retracted (API: `retracted`).
    pub retracted: bool,
    /// A numeric claim's period or reference, and the recorded figure its ruling compares with.
    pub figure_period: Option<String>,
    pub recorded_value: Option<f64>,
    pub recorded_unit: Option<String>,
    pub recorded_of: Option<f64>,
    pub recorded_period: Option<String>,
    pub recorded_source_url: Option<String>,
    pub recorded_publisher: Option<String>,
    /// `overstated`, `understated`, `matches`, `opposite`, or `refused` (not comparable).
    pub comparison: Option<String>,
    /// "understated by 4.3 percentage points", or why the figures were not compared.
    pub comparison_summary: Option<String>,
}

pub const COLUMNS: [&str; 32] = [
    "id",
    "url",
    "kind",
    "text",
    "speaker",
    "speaker_slug",
    "said_on",
    "status",
    "attribution",
    "verdict",
    "ruled_at",
    "quantity_value",
    "quantity_unit",
    "quantity_of",
    "quantity_change",
    "quantity_qualifier",
    "first_source_id",
    "first_source_url",
    "first_source_source_url",
    "first_source_title",
    "first_source_outlet",
    "first_source_published_on",
    "retracted",
    "figure_period",
    "recorded_value",
    "recorded_unit",
    "recorded_of",
    "recorded_period",
    "recorded_source_url",
    "recorded_publisher",
    "comparison",
    "comparison_summary",
];

impl ExportRow {
    /// The claim's figure, read back from its columns.
    pub fn quantity(&self) -> Option<super::Quantity> {
        Some(super::Quantity {
            value: self.quantity_value?,
            unit: self.quantity_unit.clone()?,
            of: self.quantity_of,
            change: self.quantity_change.as_deref().and_then(super::Change::parse),
            qualifier: self.quantity_qualifier.as_deref().and_then(super::Qualifier::parse),
        })
    }
}

/// The CSV header line.
pub fn csv_header() -> String {
    format!("{}\r\n", COLUMNS.join(","))
}

/// One CSV record (CRLF-terminated). Text that a spreadsheet would read as a formula (starting
/// with `=`, `+`, `-`, `@`, tab or CR) is prefixed with `'`, so that opening the file never runs
/// anything; numbers are written as numbers.
pub fn csv_line(row: &ExportRow) -> String {
    let text = |v: &str| field(&defuse(v));
    let opt = |v: &Option<String>| v.as_deref().map(text).unwrap_or_default();
    let num = |v: Option<f64>| v.map(|n| n.to_string()).unwrap_or_default();
    let fields = [
        text(&row.id),
        text(&row.url),
        text(&row.kind),
        text(&row.text),
        text(&row.speaker),
        text(&row.speaker_slug),
        text(&row.said_on),
        text(&row.status),
        opt(&row.attribution),
        opt(&row.verdict),
        opt(&row.ruled_at),
        num(row.quantity_value),
        opt(&row.quantity_unit),
        num(row.quantity_of),
        opt(&row.quantity_change),
        opt(&row.quantity_qualifier),
        opt(&row.first_source_id),
        opt(&row.first_source_url),
        opt(&row.first_source_source_url),
        opt(&row.first_source_title),
        opt(&row.first_source_outlet),
        opt(&row.first_source_published_on),
        row.retracted.to_string(),
        opt(&row.figure_period),
        num(row.recorded_value),
        opt(&row.recorded_unit),
        num(row.recorded_of),
        opt(&row.recorded_period),
        opt(&row.recorded_source_url),
        opt(&row.recorded_publisher),
        opt(&row.comparison),
        opt(&row.comparison_summary),
    ];
    format!("{}\r\n", fields.join(","))
}

/// One JSON line.
pub fn json_line(row: &ExportRow) -> String {
    let mut line = serde_json::to_string(row).unwrap_or_default();
    line.push('\n');
    line
}

fn defuse(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Quotes a field when it holds a comma, quote, CR or LF (RFC 4180), doubling inner quotes.
fn field(value: &str) -> String {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(text: &str) -> ExportRow {
        ExportRow {
            id: "k3m9x2qa".into(),
            url: "https://x/claims/k3m9x2qa".into(),
            kind: "numeric".into(),
            text: text.into(),
            speaker: "A, B".into(),
            speaker_slug: "a-b".into(),
            said_on: "2024-01-01".into(),
            status: "false".into(),
            attribution: None,
            verdict: Some("=HYPERLINK(\"evil\")".into()),
            ruled_at: None,
            quantity_value: Some(-25.0),
            quantity_unit: Some("percent".into()),
            quantity_of: None,
            quantity_change: Some("decrease".into()),
            quantity_qualifier: None,
            first_source_id: None,
            first_source_url: None,
            first_source_source_url: None,
            first_source_title: None,
            first_source_outlet: None,
            first_source_published_on: None,
            retracted: false,
            figure_period: Some("2022 compared with 2021".into()),
            recorded_value: Some(-29.3),
            recorded_unit: Some("percent".into()),
            recorded_of: None,
            recorded_period: None,
            recorded_source_url: Some("https://customs.example/".into()),
            recorded_publisher: Some("Customs".into()),
            comparison: Some("understated".into()),
            comparison_summary: Some("understated by 4.3 percentage points".into()),
        }
    }

    #[test]
    fn csv_quotes_and_defuses_but_keeps_numbers() {
        let line = csv_line(&row("He said \"no\",\nthen left"));
        assert!(line.contains("\"He said \"\"no\"\",\nthen left\""), "{line}");
        assert!(line.contains("\"A, B\""));
        assert!(line.contains("\"'=HYPERLINK(\"\"evil\"\")\""), "{line}");
        assert!(line.contains(",-25,percent,"), "{line}");
        assert!(line.contains(",false,2022 compared with 2021,-29.3,percent,,,"), "{line}");
        assert!(line.ends_with(",understated,understated by 4.3 percentage points\r\n"), "{line}");
        assert_eq!(csv_header().split(',').count(), COLUMNS.len());
    }

    #[test]
    fn json_lines_are_one_line_each() {
        let line = json_line(&row("multi\nline </script>"));
        assert_eq!(line.matches('\n').count(), 1);
        let back: ExportRow = serde_json::from_str(line.trim_end()).unwrap();
        assert_eq!(back.text, "multi\nline </script>");
    }
}
