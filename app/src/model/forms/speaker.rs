//! Adding or editing a speaker.

use super::{bounded, clip, optional_text, required_text, Problems};
use crate::model::{slug, FormState, SpeakerKind};

pub const ALIASES_MAX: usize = 30;

#[derive(Clone, Debug, PartialEq)]
pub struct SpeakerInput {
    pub name: String,
    /// The URL segment: given, or made from the name.
    pub slug: String,
    pub description: String,
    pub kind: SpeakerKind,
    pub aliases: Vec<String>,
    pub version: Option<i64>,
}

impl SpeakerInput {
    pub fn parse(form: &FormState) -> Result<SpeakerInput, Problems> {
        let mut problems = Problems::new();
        let name = required_text(form, "name", "name", 200, &mut problems);
        let given = form.text("slug");
        let slug = if given.is_empty() {
            slug::from_name(&name).unwrap_or_default()
        } else {
            if !slug::is_valid(&given) {
                problems.push((
                    "slug".into(),
                    "Use lowercase letters, digits and single hyphens, like vladimir-putin.".into(),
                ));
            }
            given
        };
        if slug.is_empty() && !name.is_empty() {
            problems.push((
                "slug".into(),
                "The name has no letters a–z to make an address from; give one here.".into(),
            ));
        }
        let description = optional_text(form, "description", 300, &mut problems).unwrap_or_default();
        let kind = SpeakerKind::parse(&form.text("kind"));
        if kind.is_none() {
            problems.push(("kind".into(), "Choose person or organization.".into()));
        }
        let mut aliases: Vec<String> = Vec::new();
        for alias in
            form.value("aliases").unwrap_or_default().lines().map(str::trim).filter(|a| !a.is_empty())
        {
            if let Err(m) = bounded(alias, 200) {
                problems.push(("aliases".into(), format!("“{}”: {m}", clip(alias))));
            } else if alias != name && !aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
                aliases.push(alias.to_owned());
            }
        }
        if aliases.len() > ALIASES_MAX {
            problems.push(("aliases".into(), format!("Give at most {ALIASES_MAX} other names.")));
        }
        let version = form.value("version").and_then(|v| v.trim().parse::<i64>().ok());
        match (kind, problems.is_empty()) {
            (Some(kind), true) => Ok(SpeakerInput { name, slug, description, kind, aliases, version }),
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::form;
    use super::*;

    #[test]
    fn the_slug_comes_from_the_name_and_aliases_are_deduplicated() {
        let input = SpeakerInput::parse(&form(&[
            ("name", "Vladimir Putin"),
            ("kind", "person"),
            ("aliases", "Putin\nputin\r\n\nVladimir Putin\nRussian President Vladimir Putin"),
        ]))
        .unwrap();
        assert_eq!(input.slug, "vladimir-putin");
        assert_eq!(input.aliases, vec!["Putin", "Russian President Vladimir Putin"]);
    }

    #[test]
    fn bad_slugs_and_kinds_are_refused() {
        let problems =
            SpeakerInput::parse(&form(&[("name", "X"), ("slug", "Not A Slug"), ("kind", "robot")]))
                .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["slug", "kind"]);
        let problems = SpeakerInput::parse(&form(&[("name", "习近平"), ("kind", "person")])).unwrap_err();
        assert_eq!(problems[0].0, "slug");
    }
}
