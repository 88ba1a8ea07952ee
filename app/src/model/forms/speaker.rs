//! Adding or editing a speaker.

use super::{bounded, clip, line, Problems};
use crate::model::{slug, SpeakerKind};
use serde::Deserialize;

pub const ALIASES_MAX: usize = 30;

/// The speaker form as submitted.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SpeakerForm {
    pub name: String,
    pub slug: String,
    pub description: String,
    pub kind: String,
    /// One per line.
    pub aliases: String,
    pub version: String,
}

/// A speaker, validated.
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

impl SpeakerForm {
    pub fn parse(&self) -> Result<SpeakerInput, Problems> {
        let mut problems = Problems::new();
        let name = line(&self.name, "name", "name", 200, true, &mut problems);
        let given = self.slug.trim().to_owned();
        let slug = if given.is_empty() {
            slug::from_name(&name).unwrap_or_default()
        } else {
            if !slug::is_valid(&given) {
                problems.push((
                    "slug".into(),
                    "Use lowercase letters, digits and single hyphens, like vladimir-putin.".into(),
                ));
            } else if slug::is_reserved(&given) {
                problems.push((
                    "slug".into(),
                    format!("“{given}” is a word the site uses for its own pages; choose another address, like {given}-speaker."),
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
        let description = line(&self.description, "description", "description", 300, false, &mut problems);
        let kind = SpeakerKind::parse(self.kind.trim());
        if kind.is_none() {
            problems.push(("kind".into(), "Choose person or organization.".into()));
        }
        let mut aliases: Vec<String> = Vec::new();
        for alias in self.aliases.lines().map(str::trim).filter(|a| !a.is_empty()) {
            if let Err(m) = bounded(alias, 200) {
                problems.push(("aliases".into(), format!("“{}”: {m}", clip(alias))));
            } else if alias != name && !aliases.iter().any(|a| a.eq_ignore_ascii_case(alias)) {
                aliases.push(alias.to_owned());
            }
        }
        if aliases.len() > ALIASES_MAX {
            problems.push(("aliases".into(), format!("Give at most {ALIASES_MAX} other names.")));
        }
        let version = self.version.trim().parse::<i64>().ok();
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
        let input = form::<SpeakerForm>(&[
            ("name", "Vladimir Putin"),
            ("kind", "person"),
            ("aliases", "Putin\nputin\r\n\nVladimir Putin\nRussian President Vladimir Putin"),
        ])
        .parse()
        .unwrap();
        assert_eq!(input.slug, "vladimir-putin");
        assert_eq!(input.aliases, vec!["Putin", "Russian President Vladimir Putin"]);
    }

    #[test]
    fn bad_slugs_and_kinds_are_refused() {
        let problems = form::<SpeakerForm>(&[("name", "X"), ("slug", "Not A Slug"), ("kind", "robot")])
            .parse()
            .unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(fields, vec!["slug", "kind"]);
        for reserved in ["new", "edit", "feed", "merge"] {
            let problems = form::<SpeakerForm>(&[("name", "New"), ("slug", reserved), ("kind", "person")])
                .parse()
                .unwrap_err();
            assert_eq!(problems[0].0, "slug", "{reserved}");
            assert!(problems[0].1.contains("uses for its own pages"), "{}", problems[0].1);
        }
        let problems = form::<SpeakerForm>(&[("name", "习近平"), ("kind", "person")]).parse().unwrap_err();
        assert_eq!(problems[0].0, "slug");
    }
}
