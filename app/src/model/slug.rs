//! Speaker slugs: the readable, stable URL segment of a speaker (`/speakers/vladimir-putin`).

/// Longest accepted slug.
pub const MAX_LEN: usize = 80;

/// Lowercase ASCII letters and digits separated by single hyphens.
pub fn is_valid(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= MAX_LEN
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Words the site's own addresses use beside speakers' (`/speakers/new`, `…/edit`, `…/merge`,
/// `…/feed.atom`) or may use: a speaker named "New" must not take `/speakers/new`.
pub const RESERVED: &[&str] = &[
    "new",
    "edit",
    "merge",
    "feed",
    "feed-atom",
    "atom",
    "embed",
    "desk",
    "import",
    "export",
    "api",
    "admin",
    "login",
    "logout",
    "search",
    "claims",
    "speakers",
    "sources",
    "ruling",
    "retract",
    "reinstate",
    "healthz",
    "readyz",
    "style",
    "assets",
    "favicon",
    "methodology",
    "corrections",
];

/// Whether `slug` is one of the site's own words.
pub fn is_reserved(slug: &str) -> bool {
    RESERVED.contains(&slug)
}

/// A slug made from a name: "Armed Forces of Ukraine" → "armed-forces-of-ukraine".
/// Letters with diacritics lose them where that is a plain ASCII letter; other characters split
/// words. Returns `None` when nothing usable is left. A name that makes a reserved word gets
/// `-speaker` after it ("New" → `new-speaker`).
pub fn from_name(name: &str) -> Option<String> {
    let slug = plain_slug(name)?;
    Some(if is_reserved(&slug) { format!("{slug}-speaker") } else { slug })
}

fn plain_slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let c = fold_diacritic(c);
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_end_matches('-');
    let clipped: String = trimmed.chars().take(MAX_LEN).collect();
    let clipped = clipped.trim_end_matches('-').to_owned();
    (!clipped.is_empty()).then_some(clipped)
}

fn fold_diacritic(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' => 'a',
        'ç' | 'č' | 'ć' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' => 'i',
        'ñ' | 'ń' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' => 'u',
        'ý' | 'ÿ' => 'y',
        'š' | 'ś' => 's',
        'ž' | 'ź' | 'ż' => 'z',
        'ř' => 'r',
        'ł' => 'l',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_become_slugs() {
        assert_eq!(from_name("Vladimir Putin").as_deref(), Some("vladimir-putin"));
        assert_eq!(from_name("Ukraine's air force").as_deref(), Some("ukraine-s-air-force"));
        assert_eq!(from_name("  Zelenskyy, Volodymyr ").as_deref(), Some("zelenskyy-volodymyr"));
        assert_eq!(from_name("Jürgen Öztürk").as_deref(), Some("jurgen-ozturk"));
        assert_eq!(from_name("习近平"), None);
        assert_eq!(from_name("New").as_deref(), Some("new-speaker"));
        assert_eq!(from_name("Edit").as_deref(), Some("edit-speaker"));
    }

    #[test]
    fn slugs_are_validated() {
        assert!(is_valid("xi-jinping"));
        assert!(is_valid("g7"));
        for bad in ["", "-a", "a-", "a--b", "A", "a b", "ä", &"a".repeat(MAX_LEN + 1)] {
            assert!(!is_valid(bad), "{bad:?}");
        }
    }
}
