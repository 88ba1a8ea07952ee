//! Adding or editing a source.

use super::{bounded, date, line, optional_line, web_url, Problems};
use chrono::NaiveDate;
use serde::Deserialize;

pub const BODY_MAX: usize = 1_000_000;

/// The source form as submitted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SourceForm {
    pub url: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub published_on: String,
    pub body: String,
    pub version: String,
}

/// A source, validated.
#[derive(Clone, Debug, PartialEq)]
pub struct SourceInput {
    pub url: String,
    pub title: String,
    pub outlet: String,
    pub author: Option<String>,
    pub published_on: Option<NaiveDate>,
    /// The document's text, kept so that claims can be shown where they stand.
    pub body: Option<String>,
    pub version: Option<i64>,
}

impl SourceForm {
    pub fn parse(&self, today: NaiveDate) -> Result<SourceInput, Problems> {
        let mut problems = Problems::new();
        let url = self.url.trim().to_owned();
        if url.is_empty() {
            problems.push(("url".into(), "Enter the source's address (its canonical URL).".into()));
        } else if let Err(m) = web_url(&url) {
            problems.push(("url".into(), m));
        }
        let title = line(&self.title, "title", "title", 500, true, &mut problems);
        let outlet =
            line(&self.outlet, "outlet", "outlet (publication or organisation)", 200, true, &mut problems);
        let author = optional_line(&self.author, "author", 200, &mut problems);
        let published_on = date(&self.published_on, "published_on", false, today, &mut problems);
        let body = Some(self.body.trim().replace("\r\n", "\n")).filter(|b| !b.is_empty());
        if let Some(body) = &body {
            if let Err(m) = bounded(body, BODY_MAX) {
                problems.push(("body".into(), m));
            }
        }
        let version = self.version.trim().parse::<i64>().ok();
        if problems.is_empty() {
            Ok(SourceInput { url, title, outlet, author, published_on, body, version })
        } else {
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::form;
    use super::*;

    #[test]
    fn sources_need_a_web_url_title_and_outlet() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 1).unwrap();
        let ok = form::<SourceForm>(&[
            ("url", "https://example.org/x"),
            ("title", "T"),
            ("outlet", "O"),
            ("author", ""),
            ("published_on", "2024-05-01"),
        ])
        .parse(today)
        .unwrap();
        assert_eq!(ok.author, None);
        assert_eq!(ok.published_on, NaiveDate::from_ymd_opt(2024, 5, 1));
        let problems = form::<SourceForm>(&[("url", "data:text/html,x"), ("title", ""), ("outlet", "")])
            .parse(today)
            .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["url", "title", "outlet"]);
    }
}
