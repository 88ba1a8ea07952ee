//! The main text and metadata of saved real-world article pages (Mozilla Readability's test
//! pages and Scrapinghub's article-extraction benchmark: see `fixtures/articles/README.md`), read
//! as an import by address reads them. Each page's text is scored against the text its curators
//! expect (word-level F1), and no navigation, sharing or related-article text may appear in it.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Phrases of page furniture: one in the extracted text but not in the expected text is
/// navigation, sharing or related-article text that leaked into the article.
const FURNITURE: &[&str] = &[
    "share on facebook",
    "share on twitter",
    "share this",
    "related articles",
    "related stories",
    "related content",
    "most popular",
    "most read",
    "sign up",
    "subscribe",
    "newsletter",
    "advertisement",
    "follow us",
    "skip to",
    "log in",
    "sign in",
    "you may also like",
    "recommended",
    "more stories",
    "trending",
    "comments",
    "privacy policy",
    "terms of use",
    "all rights reserved",
    "copyright",
];

fn pages() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/articles");
    let mut pages: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    pages
}

fn read(page: &Path) -> (server::fetch::article::Article, String, serde_json::Value) {
    let source = std::fs::read_to_string(page.join("source.html")).unwrap();
    let base = url::Url::parse("http://fakehost/test/page.html").unwrap();
    let article = server::fetch::article::read_html(&source, &base);
    let expected = match std::fs::read_to_string(page.join("expected.txt")) {
        Ok(text) => text,
        Err(_) => strip_tags(&std::fs::read_to_string(page.join("expected.html")).unwrap()),
    };
    // Only Mozilla's pages come with the metadata expected.
    let metadata = std::fs::read_to_string(page.join("expected-metadata.json"))
        .map(|json| serde_json::from_str(&json).unwrap())
        .unwrap_or(serde_json::Value::Null);
    (article, expected, metadata)
}

#[test]
fn the_main_text_of_each_saved_page_matches_the_expected_text() {
    let mut scores = Vec::new();
    let mut report = String::new();
    for page in pages() {
        let (article, expected, _) = read(&page);
        let score = f1(&words(&expected), &words(&article.text));
        report.push_str(&format!("{} {score:.3}\n", page.file_name().unwrap().to_string_lossy()));
        scores.push(score);
    }
    eprintln!("main text, word-level F1 per page:\n{report}");
    assert!(scores.len() >= 20, "the saved pages are there");
    let mean = scores.iter().sum::<f64>() / scores.len() as f64;
    let worst = scores.iter().copied().fold(1.0, f64::min);
    // Measured 2026-12-06: mean 0.970, worst 0.813 (sh-thehill, where every candidate crate
    // keeps a block of the page's promotions).
    assert!(mean >= 0.95 && worst >= 0.80, "mean {mean:.3}, worst {worst:.3}:\n{report}");
}

/// The depth scan that refuses hostile pages lets every real one through, with room to spare.
#[test]
fn every_saved_page_nests_well_within_the_depth_limit() {
    use server::fetch::{article::MAX_DEPTH, depth::too_deep};
    for page in pages() {
        let source = std::fs::read_to_string(page.join("source.html")).unwrap();
        let depth = (1..=MAX_DEPTH).find(|d| !too_deep(&source, *d)).unwrap_or(usize::MAX);
        eprintln!("{} nests {depth} deep (scan)", page.display());
        assert!(depth <= MAX_DEPTH / 2, "{}: {depth}", page.display());
    }
}

#[test]
fn no_navigation_share_or_related_text_is_in_the_main_text() {
    for page in pages() {
        let (article, expected, _) = read(&page);
        let (got, expected) = (article.text.to_lowercase(), expected.to_lowercase());
        for phrase in FURNITURE {
            assert!(
                !got.contains(phrase) || expected.contains(phrase),
                "{}: “{phrase}” leaked into the text",
                page.display()
            );
        }
    }
}

#[test]
fn the_text_reads_as_pasted_text_headline_first_then_paragraphs() {
    for page in pages() {
        let (article, _, _) = read(&page);
        let first = article.text.split("\n\n").next().unwrap_or_default();
        assert_eq!(first, article.title, "{}: the headline is the first line", page.display());
        assert!(article.text.matches("\n\n").count() >= 3, "{}: paragraphs are kept", page.display());
        assert!(
            !article.text.contains("\n\n\n") && article.text == article.text.trim(),
            "{}",
            page.display()
        );
    }
}

#[test]
fn the_metadata_of_each_saved_page_matches_what_readability_expects() {
    for page in pages() {
        let (article, _, expected) = read(&page);
        if expected.is_null() {
            continue;
        }
        let name = page.display();
        let same = |a: &str, b: &str| a.split_whitespace().eq(b.split_whitespace());
        assert!(
            same(&article.title, expected["title"].as_str().unwrap()),
            "{name}: title {:?}",
            article.title
        );
        if let Some(site) = expected["siteName"].as_str() {
            assert!(same(&article.outlet, site), "{name}: outlet {:?} not {site:?}", article.outlet);
        }
        if let Some(time) = expected["publishedTime"].as_str() {
            assert_eq!(
                article.published_on.map(|d| d.to_string()).as_deref(),
                time.get(..10),
                "{name}: date"
            );
        }
        // The Herald Sun page's meta tags and byline name its columnist, Laurie Oakes; Readability's
        // test expects a name from a sidebar instead.
        let byline = expected["byline"].as_str().filter(|_| !name.to_string().ends_with("herald-sun-1"));
        if let Some(byline) = byline {
            let byline = byline.trim();
            let byline = byline.strip_prefix("By ").or_else(|| byline.strip_prefix("by ")).unwrap_or(byline);
            assert!(same(&article.author, byline), "{name}: author {:?} not {byline:?}", article.author);
        }
    }
}

/// The text of an HTML fragment: tags become spaces, scripts and styles are dropped, the common
/// entities decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open..];
        let lower = rest.get(..8).unwrap_or(rest).to_lowercase();
        let close = if lower.starts_with("<script") {
            rest.to_lowercase().find("</script>").map(|i| i + 9)
        } else if lower.starts_with("<style") {
            rest.to_lowercase().find("</style>").map(|i| i + 8)
        } else {
            rest.find('>').map(|i| i + 1)
        };
        rest = &rest[close.unwrap_or(rest.len())..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let decoded = rest.find(';').filter(|e| *e <= 12).and_then(|end| {
            let name = &rest[1..end];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some(' '),
                _ if name.starts_with("#x") || name.starts_with("#X") => {
                    u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
                }
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, end + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn words(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        *bag.entry(w.to_lowercase()).or_insert(0) += 1;
    }
    bag
}

/// Word-level F1 of two bags of words.
fn f1(expected: &HashMap<String, usize>, got: &HashMap<String, usize>) -> f64 {
    let common: usize = got.iter().map(|(w, n)| (*n).min(*expected.get(w).unwrap_or(&0))).sum();
    let (g, e) = (got.values().sum::<usize>(), expected.values().sum::<usize>());
    if common == 0 {
        return 0.0;
    }
    let (p, r) = (common as f64 / g as f64, common as f64 / e as f64);
    2.0 * p * r / (p + r)
}
