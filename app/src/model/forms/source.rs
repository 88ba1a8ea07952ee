//! Adding or editing a source.

use super::{bounded, date, optional_text, required_text, web_url, Problems};
use crate::model::FormState;
use chrono::NaiveDate;

pub const BODY_MAX: usize = 1_000_000;

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

impl SourceInput {
    pub fn parse(form: &FormState, today: NaiveDate) -> Result<SourceInput, Problems> {
        let mut problems = Problems::new();
        let url = form.text("url");
        if url.is_empty() {
            problems.push(("url".into(), "Enter the source's address (its canonical URL).".into()));
        } else if let Err(m) = web_url(&url) {
            problems.push(("url".into(), m));
        }
        let title = required_text(form, "title", "title", 500, &mut problems);
        let outlet =
            required_text(form, "outlet", "outlet (publication or organisation)", 200, &mut problems);
        let author = optional_text(form, "author", 200, &mut problems);
        let published_on = date(form, "published_on", false, today, &mut problems);
        let body = form.value("body").map(|b| b.trim().replace("\r\n", "\n")).filter(|b| !b.is_empty());
        if let Some(body) = &body {
            if let Err(m) = bounded(body, BODY_MAX) {
                problems.push(("body".into(), m));
            }
        }
        let version = form.value("version").and_then(|v| v.trim().parse::<i64>().ok());
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
        let ok = SourceInput::parse(
            &form(&[
                ("url", "https://example.org/x"),
                ("title", "T"),
                ("outlet", "O"),
                ("author", ""),
                ("published_on", "2024-05-01"),
            ]),
            today,
        )
        .unwrap();
        assert_eq!(ok.author, None);
        assert_eq!(ok.published_on, NaiveDate::from_ymd_opt(2024, 5, 1));
        let problems =
            SourceInput::parse(&form(&[("url", "data:text/html,x"), ("title", ""), ("outlet", "")]), today)
                .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["url", "title", "outlet"]);
    }
}
