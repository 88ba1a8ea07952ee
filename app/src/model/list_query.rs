//! The claim list's filters, as they travel in a URL query string.
//!
//! Every view of the list is a shareable URL: `/?status=false&status=misleading&kind=numeric&
//! speaker=vladimir-putin&source=k3m9x2qa&q=trade&after=x7p2k9qa`. Parsing is strict
//! about values (an unknown status is an error that names the accepted ones) and lenient about
//! presence (empty parameters, as sent by a form with nothing chosen, mean "no filter").

use super::{public_id, search, slug, ClaimKind, Status};
use serde::{Deserialize, Serialize};

/// Claims per page of the list.
pub const PAGE_SIZE: usize = 20;

/// A position in the list. Published claims are listed newest fact-check first by their place
/// in the list (`claims.list_seq`, given when a claim is published or its first ruling is).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    pub seq: i64,
}

impl Cursor {
    /// Eight letters and digits, like a public id, so that a position does not tell how many
    /// claims were published.
    pub fn encode(&self) -> String {
        public_id::encode(self.seq)
    }

    pub fn parse(text: &str) -> Option<Cursor> {
        public_id::decode(text).map(|seq| Cursor { seq })
    }
}

/// Which way to page from a cursor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Page {
    /// The newest claims.
    First,
    /// Claims older than the cursor (`after=`).
    After(Cursor),
    /// Claims newer than the cursor (`before=`), i.e. the previous page.
    Before(Cursor),
}

/// The filters of the claim list. The default is the unfiltered first page: the newest
/// fact-checks (claims being checked are a status of their own, asked for by name).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListQuery {
    pub statuses: Vec<Status>,
    pub kind: Option<ClaimKind>,
    pub speaker: Option<String>,
    /// A source's public id.
    pub source: Option<String>,
    pub q: Option<String>,
    pub page: Page,
}

impl Default for ListQuery {
    fn default() -> Self {
        ListQuery {
            statuses: Vec::new(),
            kind: None,
            speaker: None,
            source: None,
            q: None,
            page: Page::First,
        }
    }
}

/// A query parameter with a value that is not accepted, and what is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueryError {
    pub param: String,
    pub message: String,
}

impl QueryError {
    fn new(param: &str, message: impl Into<String>) -> Self {
        QueryError { param: param.to_owned(), message: message.into() }
    }
}

impl ListQuery {
    /// Parses the `(name, value)` pairs of a query string. Unknown parameters are ignored.
    pub fn parse<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<ListQuery, QueryError> {
        let mut query = ListQuery::default();
        for (name, value) in pairs {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match name {
                "status" => {
                    let status = Status::parse(value).ok_or_else(|| {
                        QueryError::new(
                            "status",
                            format!(
                                "“{}” is not a status. Use one of: {}.",
                                clip(value),
                                Status::accepted_values()
                            ),
                        )
                    })?;
                    if !query.statuses.contains(&status) {
                        query.statuses.push(status);
                    }
                }
                "kind" => {
                    query.kind = Some(ClaimKind::parse(value).ok_or_else(|| {
                        QueryError::new(
                            "kind",
                            format!("“{}” is not a kind of claim. Use quote or numeric.", clip(value)),
                        )
                    })?)
                }
                "speaker" => {
                    if !slug::is_valid(value) {
                        return Err(QueryError::new(
                            "speaker",
                            format!("“{}” is not a speaker id. Speaker ids are lowercase letters, digits and hyphens, like vladimir-putin.", clip(value)),
                        ));
                    }
                    query.speaker = Some(value.to_owned());
                }
                "source" => {
                    if public_id::decode(value).is_none() {
                        return Err(QueryError::new(
                            "source",
                            format!("“{}” is not a source id. Source ids are 8 letters and digits, as in the source's address /sources/….", clip(value)),
                        ));
                    }
                    query.source = Some(value.to_owned());
                }
                "q" => {
                    if value.chars().count() > search::MAX_QUERY_CHARS {
                        return Err(QueryError::new(
                            "q",
                            format!(
                                "The search is too long. Use at most {} characters.",
                                search::MAX_QUERY_CHARS
                            ),
                        ));
                    }
                    // Invisible direction controls would make the echoed search read as another.
                    let q = super::forms::without_bidi_controls(value).trim().to_owned();
                    query.q = (!q.is_empty()).then_some(q);
                }
                "after" | "before" => {
                    let cursor = Cursor::parse(value).ok_or_else(|| {
                        QueryError::new(
                            name,
                            format!("“{}” is not a page position. Use the Older and Newer links, or leave {name} out to start from the newest claims.", clip(value)),
                        )
                    })?;
                    query.page = if name == "after" { Page::After(cursor) } else { Page::Before(cursor) };
                }
                _ => {}
            }
        }
        // One canonical order, so that equal filters make equal URLs.
        query.statuses.sort();
        Ok(query)
    }

    /// The statuses listed: those asked for, or every ruling's (the fact-checks) when none is.
    pub fn listed_statuses(&self) -> &[Status] {
        if self.statuses.is_empty() {
            Status::RATINGS
        } else {
            &self.statuses
        }
    }

    /// Whether any filter (not counting the page) is set.
    pub fn is_filtered(&self) -> bool {
        !self.statuses.is_empty()
            || self.kind.is_some()
            || self.speaker.is_some()
            || self.source.is_some()
            || !self.search_terms().is_empty()
    }

    /// Whether a filter other than the speaker is set (the speaker page's own filter).
    pub fn is_filtered_beyond_speaker(&self) -> bool {
        ListQuery { speaker: None, ..self.clone() }.is_filtered()
    }

    /// The words searched for, if any.
    pub fn search_terms(&self) -> Vec<String> {
        self.q.as_deref().map(search::terms).unwrap_or_default()
    }

    /// The same filters on another page.
    pub fn with_page(&self, page: Page) -> ListQuery {
        ListQuery { page, ..self.clone() }
    }

    /// The same filters with the statuses replaced, from the first page.
    pub fn with_statuses(&self, statuses: Vec<Status>) -> ListQuery {
        ListQuery { statuses, page: Page::First, ..self.clone() }
    }

    /// The query string for these filters, starting with `?`, or empty for the plain list.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if let Some(q) = &self.q {
            pairs.push(("q", q.clone()));
        }
        for status in &self.statuses {
            pairs.push(("status", status.as_str().to_owned()));
        }
        if let Some(kind) = self.kind {
            pairs.push(("kind", kind.as_str().to_owned()));
        }
        if let Some(speaker) = &self.speaker {
            pairs.push(("speaker", speaker.clone()));
        }
        if let Some(source) = &self.source {
            pairs.push(("source", source.clone()));
        }
        match self.page {
            Page::First => {}
            Page::After(c) => pairs.push(("after", c.encode())),
            Page::Before(c) => pairs.push(("before", c.encode())),
        }
        if pairs.is_empty() {
            return String::new();
        }
        let encoded: Vec<String> =
            pairs.iter().map(|(k, v)| format!("{k}={}", encode_component(v))).collect();
        format!("?{}", encoded.join("&"))
    }
}

/// Shortens a rejected value so that an error message stays readable.
fn clip(value: &str) -> String {
    const MAX: usize = 40;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        format!("{}…", value.chars().take(MAX).collect::<String>())
    }
}

/// Percent-encodes a query component (RFC 3986 unreserved characters stay as they are).
pub fn encode_component(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => out.push(byte as char),
            b' ' => out.push('+'),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(pairs: &[(&str, &str)]) -> Result<ListQuery, QueryError> {
        ListQuery::parse(pairs.iter().copied())
    }

    #[test]
    fn an_empty_query_is_the_first_unfiltered_page() {
        assert_eq!(parse(&[]).unwrap(), ListQuery::default());
        assert_eq!(parse(&[("kind", ""), ("q", "  "), ("utm_source", "x")]).unwrap(), ListQuery::default());
    }

    #[test]
    fn filters_combine_and_statuses_repeat() {
        let cursor = Cursor { seq: 7 };
        let encoded = cursor.encode();
        let query = parse(&[
            ("status", "false"),
            ("status", "misleading"),
            ("status", "false"),
            ("kind", "numeric"),
            ("speaker", "vladimir-putin"),
            ("q", "trade"),
            ("after", &encoded),
        ])
        .unwrap();
        assert_eq!(query.statuses, vec![Status::Misleading, Status::False], "in canonical order");
        assert_eq!(query.kind, Some(ClaimKind::Numeric));
        assert_eq!(query.speaker.as_deref(), Some("vladimir-putin"));
        assert_eq!(query.page, Page::After(cursor));
        assert!(query.is_filtered());
    }

    #[test]
    fn a_bogus_status_names_the_accepted_values() {
        let err = parse(&[("status", "bogus")]).unwrap_err();
        assert_eq!(err.param, "status");
        assert!(err.message.contains("“bogus” is not a status"), "{}", err.message);
        assert!(err.message.contains("mostly_true"), "{}", err.message);
    }

    #[test]
    fn garbage_cursors_and_ids_are_refused() {
        assert_eq!(parse(&[("after", "garbage")]).unwrap_err().param, "after");
        assert_eq!(parse(&[("before", "2022-13-01.abcdefgh")]).unwrap_err().param, "before");
        assert_eq!(parse(&[("before", "abc")]).unwrap_err().param, "before");
        assert_eq!(parse(&[("source", "1")]).unwrap_err().param, "source");
        assert_eq!(parse(&[("speaker", "Bad Slug")]).unwrap_err().param, "speaker");
        assert_eq!(parse(&[("kind", "opinion")]).unwrap_err().param, "kind");
    }

    #[test]
    fn overlong_searches_are_refused_and_long_values_clipped_in_messages() {
        let long = "x".repeat(search::MAX_QUERY_CHARS + 1);
        assert_eq!(parse(&[("q", &long)]).unwrap_err().param, "q");
        let err = parse(&[("kind", &long)]).unwrap_err();
        assert!(err.message.len() < 200);
    }

    #[test]
    fn the_query_string_round_trips() {
        let cursor = Cursor { seq: 3 };
        let query = ListQuery {
            statuses: vec![Status::BeingChecked, Status::True],
            kind: Some(ClaimKind::Quote),
            speaker: Some("xi-jinping".into()),
            source: Some(public_id::encode(2)),
            q: Some("trade & “war”".into()),
            page: Page::Before(cursor),
        };
        let qs = query.to_query_string();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&qs[1..]).unwrap();
        let back = ListQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).unwrap();
        assert_eq!(back, query);
        assert_eq!(ListQuery::default().to_query_string(), "");
    }
}
