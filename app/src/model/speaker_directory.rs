//! The readers' directory of speakers (`/speakers`): every speaker with published claims, A–Z,
//! narrowed by a search or a first letter, a page at a time.

use super::list_query::encode_component;
use super::SpeakerKind;
use serde::{Deserialize, Serialize};

/// Speakers per page of the directory.
pub const DIRECTORY_PAGE_SIZE: usize = 100;
/// The longest search accepted, in characters (a name is at most 200; nobody types that).
pub const MAX_SEARCH_CHARS: usize = 100;

/// What the directory shows: its query string, parsed. Unknown parameters are ignored.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryQuery {
    /// Words of a name or alias ("" for every speaker).
    pub q: String,
    /// Only names starting with this letter (A–Z).
    pub letter: Option<char>,
    /// The page after the speaker with this slug.
    pub after: Option<String>,
}

/// A query parameter the directory cannot use, with what it accepts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirectoryQueryError {
    pub field: &'static str,
    pub message: String,
}

impl DirectoryQuery {
    pub fn parse<'a>(pairs: impl Iterator<Item = (&'a str, &'a str)>) -> Result<Self, DirectoryQueryError> {
        let mut query = DirectoryQuery::default();
        for (key, value) in pairs {
            let value = value.trim();
            match key {
                "q" if value.chars().count() > MAX_SEARCH_CHARS => {
                    return Err(DirectoryQueryError {
                        field: "q",
                        message: format!("A search is at most {MAX_SEARCH_CHARS} characters."),
                    })
                }
                "q" => query.q = value.split_whitespace().collect::<Vec<_>>().join(" "),
                "letter" if value.is_empty() => {}
                "letter" => query.letter = Some(parse_letter(value)?),
                "after" if value.is_empty() => {}
                "after" if super::slug::is_valid(value) => query.after = Some(value.to_owned()),
                "after" => {
                    return Err(DirectoryQueryError {
                        field: "after",
                        message: "“after” is a page position from the directory's “Next” link.".into(),
                    })
                }
                _ => {}
            }
        }
        Ok(query)
    }

    /// The canonical query string ("" or "?…"), parameters in one order, without empty ones.
    pub fn to_query_string(&self) -> String {
        let mut parts = Vec::new();
        if !self.q.is_empty() {
            parts.push(format!("q={}", encode_component(&self.q)));
        }
        if let Some(letter) = self.letter {
            parts.push(format!("letter={letter}"));
        }
        if let Some(after) = &self.after {
            parts.push(format!("after={after}"));
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Checks a query that did not come through [`DirectoryQuery::parse`] (a server function's
    /// JSON argument) against the same rules.
    pub fn validate(&self) -> Result<(), DirectoryQueryError> {
        let letter = self.letter.map(String::from).unwrap_or_default();
        let pairs = [
            ("q", self.q.as_str()),
            ("letter", letter.as_str()),
            ("after", self.after.as_deref().unwrap_or("")),
        ];
        match DirectoryQuery::parse(pairs.into_iter()) {
            Ok(parsed) if parsed == *self => Ok(()),
            Ok(_) => Err(DirectoryQueryError {
                field: "query",
                message: "The query is not in its canonical form.".into(),
            }),
            Err(err) => Err(err),
        }
    }

    /// The same query from its first page.
    pub fn first_page(&self) -> DirectoryQuery {
        DirectoryQuery { after: None, ..self.clone() }
    }
}

fn parse_letter(value: &str) -> Result<char, DirectoryQueryError> {
    let mut chars = value.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => Ok(c.to_ascii_uppercase()),
        _ => Err(DirectoryQueryError {
            field: "letter", message: "“letter” is one letter, A to Z.".into()
        }),
    }
}

/// One speaker in the directory, with how many of their claims readers can see.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryEntry {
    pub slug: String,
    pub name: String,
    pub description: String,
    pub kind: SpeakerKind,
    /// Published claims.
    pub claims: i64,
    /// Published claims with a ruling (not "being checked").
    pub fact_checks: i64,
}

/// A page of the directory.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectoryPage {
    pub speakers: Vec<DirectoryEntry>,
    /// The query of the next page, if there is one.
    pub next: Option<DirectoryQuery>,
    /// Speakers matching the search and letter, on every page.
    pub matching: i64,
}

#[cfg(test)]
#[path = "speaker_directory_tests.rs"]
mod tests;
