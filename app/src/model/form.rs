//! A submitted form, for showing it again: what was typed, and what was wrong with it.

use serde::{Deserialize, Serialize};

/// A submitted body (`application/x-www-form-urlencoded`) decoded into a form's typed struct.
/// Repeated fields become a `Vec`; missing fields take their defaults, which the form's `parse`
/// then refuses with its own messages; a body that does not decode is the empty form.
pub fn decode<T: serde::de::DeserializeOwned + Default>(body: &[u8]) -> T {
    serde_html_form::from_bytes(body).unwrap_or_default()
}

/// Provided as context when a form page is rendered in answer to its own submission.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormState {
    /// The submitted `(name, value)` pairs, in order (names may repeat).
    pub values: Vec<(String, String)>,
    /// `(field, message)`; the field `""` is for the form as a whole.
    pub errors: Vec<(String, String)>,
}

impl FormState {
    pub fn new(values: Vec<(String, String)>) -> Self {
        FormState { values, errors: Vec::new() }
    }

    /// A form body as browsers send it (`application/x-www-form-urlencoded`). A body that does
    /// not decode is an empty form, which every form's parser refuses with its own messages.
    pub fn from_urlencoded(body: &[u8]) -> Self {
        FormState::new(serde_urlencoded::from_bytes(body).unwrap_or_default())
    }

    /// The first value submitted for `name`.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.values.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }

    /// Every value submitted for `name`, in order.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.values.iter().filter(|(n, _)| n == name).map(|(_, v)| v.as_str()).collect()
    }

    /// The first value for `name`, trimmed, or "" when missing.
    pub fn text(&self, name: &str) -> String {
        self.value(name).unwrap_or_default().trim().to_owned()
    }

    pub fn error(&self, field: &str) -> Option<&str> {
        self.errors.iter().find(|(f, _)| f == field).map(|(_, m)| m.as_str())
    }

    pub fn add_error(&mut self, field: &str, message: impl Into<String>) {
        if self.error(field).is_none() {
            self.errors.push((field.to_owned(), message.into()));
        }
    }

    pub fn has_errors(&self) -> bool {
        !self.errors.is_empty()
    }

    /// These values as a form's typed struct (see [`decode`]).
    pub fn decode<T: serde::de::DeserializeOwned + Default>(&self) -> T {
        decode(serde_urlencoded::to_string(&self.values).unwrap_or_default().as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_errors_are_looked_up_by_name() {
        let mut form = FormState::new(vec![
            ("url".into(), " https://a ".into()),
            ("url".into(), "https://b".into()),
            ("title".into(), "T".into()),
        ]);
        assert_eq!(form.value("url"), Some(" https://a "));
        assert_eq!(form.text("url"), "https://a");
        assert_eq!(form.all("url"), vec![" https://a ", "https://b"]);
        assert_eq!(form.text("missing"), "");
        form.add_error("title", "Too short.");
        form.add_error("title", "Ignored: one message per field.");
        assert_eq!(form.error("title"), Some("Too short."));
        assert!(form.has_errors());
    }
}
