//! Sitemaps (sitemaps.org 0.9): the addresses search engines should crawl, with when each last
//! changed. The protocol allows 50,000 addresses a file; claimtrack's files hold at most
//! [`MAX_URLS`] (about 1 MB), so that each stays in the page cache. Past that, `/sitemap.xml` is
//! an index of parts.

use super::atom::escape;

/// Addresses per file at most, and keys per part (the protocol's limit is 50,000).
pub const MAX_URLS: usize = 10_000;

/// One address and when what it shows last changed (`YYYY-MM-DD` or a full W3C datetime).
#[derive(Clone, Debug, PartialEq)]
pub struct SitemapUrl {
    pub loc: String,
    pub lastmod: Option<String>,
}

/// A `<urlset>` of `urls` (at most [`MAX_URLS`]; the caller splits).
pub fn urlset(urls: &[SitemapUrl]) -> String {
    let mut xml = String::with_capacity(64 + urls.len() * 90);
    xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for url in urls {
        xml.push_str("<url><loc>");
        xml.push_str(&escape(&url.loc));
        xml.push_str("</loc>");
        if let Some(lastmod) = &url.lastmod {
            xml.push_str("<lastmod>");
            xml.push_str(&escape(lastmod));
            xml.push_str("</lastmod>");
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// A `<sitemapindex>` naming each part's address.
pub fn index(parts: &[String]) -> String {
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    xml.push_str("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for part in parts {
        xml.push_str("<sitemap><loc>");
        xml.push_str(&escape(part));
        xml.push_str("</loc></sitemap>\n");
    }
    xml.push_str("</sitemapindex>\n");
    xml
}

/// What a part of a split sitemap lists: `pages.xml`, `claims-3.xml`, `speakers-1.xml`…
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// The site's own pages (home, directory, methodology…).
    Pages,
    /// Claims whose place in the list is in the part's range.
    Claims(i64),
    /// Speakers whose id is in the part's range.
    Speakers(i64),
    /// Sources whose id is in the part's range.
    Sources(i64),
}

impl Part {
    pub fn parse(file: &str) -> Option<Part> {
        let stem = file.strip_suffix(".xml")?;
        if stem == "pages" {
            return Some(Part::Pages);
        }
        let (kind, n) = stem.rsplit_once('-')?;
        // Digits only: "+1" or "01" would name the same part twice.
        if n.is_empty()
            || n.len() > 9
            || !n.bytes().all(|b| b.is_ascii_digit())
            || (n.len() > 1 && n.starts_with('0'))
        {
            return None;
        }
        let n: i64 = n.parse().ok()?;
        match kind {
            "claims" => Some(Part::Claims(n)),
            "speakers" => Some(Part::Speakers(n)),
            "sources" => Some(Part::Sources(n)),
            _ => None,
        }
    }

    pub fn file_name(self) -> String {
        match self {
            Part::Pages => "pages.xml".to_owned(),
            Part::Claims(n) => format!("claims-{n}.xml"),
            Part::Speakers(n) => format!("speakers-{n}.xml"),
            Part::Sources(n) => format!("sources-{n}.xml"),
        }
    }
}

/// The parts needed to cover keys `1..=max_key` in ranges of [`MAX_URLS`]: part `n` holds keys
/// `n * MAX_URLS + 1 ..= (n + 1) * MAX_URLS`.
pub fn parts_for(max_key: i64) -> impl Iterator<Item = i64> {
    let parts = if max_key <= 0 { 0 } else { (max_key - 1) / MAX_URLS as i64 + 1 };
    0..parts
}

/// The key range of part `n` (inclusive).
pub fn key_range(n: i64) -> (i64, i64) {
    let size = MAX_URLS as i64;
    (n * size + 1, (n + 1) * size)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_well_formed_and_escaped() {
        let xml = urlset(&[
            SitemapUrl { loc: "https://x.example/?a=1&b=2".into(), lastmod: Some("2024-03-01".into()) },
            SitemapUrl { loc: "https://x.example/m".into(), lastmod: None },
        ]);
        assert!(
            xml.contains("<url><loc>https://x.example/?a=1&amp;b=2</loc><lastmod>2024-03-01</lastmod></url>")
        );
        assert!(xml.contains("<url><loc>https://x.example/m</loc></url>"));
        assert!(index(&["https://x.example/sitemaps/claims-0.xml".into()]).contains("<sitemapindex"));
    }

    #[test]
    fn part_names_round_trip_and_nothing_else_parses() {
        for part in [Part::Pages, Part::Claims(0), Part::Speakers(12), Part::Sources(3)] {
            assert_eq!(Part::parse(&part.file_name()), Some(part));
        }
        for bad in
            ["claims-01.xml", "claims-+1.xml", "claims-.xml", "claims-1", "users-1.xml", "claims-1.xml.gz"]
        {
            assert_eq!(Part::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn parts_cover_every_key_once() {
        assert_eq!(parts_for(0).count(), 0);
        assert_eq!(parts_for(1).collect::<Vec<_>>(), vec![0]);
        assert_eq!(parts_for(10_000).count(), 1);
        assert_eq!(parts_for(10_001).count(), 2);
        assert_eq!(key_range(0), (1, 10_000));
        assert_eq!(key_range(1), (10_001, 20_000));
    }
}
