//! Scores each candidate crate's main text against the expected text of each saved page. Two
//! sets: Mozilla Readability's own test pages (`expected.html`; the Readability ports are tested
//! on these upstream, so they measure fidelity to Readability.js more than quality), and pages
//! from Scrapinghub's article-extraction benchmark (`sh-*`, `expected.txt`), which no candidate
//! is tuned on: the held-out set that decides.

use std::collections::HashMap;
use std::path::Path;

/// Phrases of page furniture: one that appears in the extracted text but not in the expected
/// text is navigation, sharing or related-article text that leaked into the article.
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

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../server/tests/fixtures/articles");
    let mut pages: Vec<_> = std::fs::read_dir(&root)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("source.html").exists())
        .collect();
    pages.sort();
    let crates: &[(&str, fn(&str) -> String)] = &[
        ("dom_smoothie (formatted text)", dom_smoothie_text),
        ("dom_smoothie (html)", dom_smoothie_html),
        ("legible", legible_html),
        ("readability", readability_html),
        ("llm_readability", llm_readability_html),
    ];
    println!("{:<32} {:>10} {:>10} {:>8}  per page", "crate", "F1 mozilla", "F1 bench", "leaks");
    for (name, run) in crates {
        let mut scores = Vec::new();
        let mut leaks = 0;
        let mut detail = Vec::new();
        for page in &pages {
            let source = std::fs::read_to_string(page.join("source.html"))?;
            let expected = match std::fs::read_to_string(page.join("expected.txt")) {
                Ok(text) => text,
                Err(_) => strip_tags(&std::fs::read_to_string(page.join("expected.html"))?),
            };
            let got = std::panic::catch_unwind(|| run(&source)).unwrap_or_default();
            let f1 = f1(&words(&expected), &words(&got));
            let leaked: Vec<&str> = FURNITURE
                .iter()
                .copied()
                .filter(|p| got.to_lowercase().contains(p) && !expected.to_lowercase().contains(p))
                .collect();
            leaks += leaked.len();
            if std::env::var("DUMP").is_ok_and(|d| {
                d == format!("{name}/{}", page.file_name().unwrap_or_default().to_string_lossy())
            }) {
                eprintln!("{got}");
            }
            let stem = page.file_name().unwrap_or_default().to_string_lossy().into_owned();
            detail.push(format!(
                "{stem}={f1:.2}{}",
                if leaked.is_empty() { String::new() } else { format!("{leaked:?}") }
            ));
            scores.push((stem.starts_with("sh-"), f1));
        }
        let mean = |bench: bool| {
            let s: Vec<f64> = scores.iter().filter(|(b, _)| *b == bench).map(|(_, f)| *f).collect();
            s.iter().sum::<f64>() / s.len().max(1) as f64
        };
        println!("{name:<32} {:>10.3} {:>10.3} {leaks:>8}  {}", mean(false), mean(true), detail.join(" "));
    }
    Ok(())
}

const BASE: &str = "http://fakehost/test/page.html";

fn dom_smoothie_text(html: &str) -> String {
    let config = dom_smoothie::Config { text_mode: dom_smoothie::TextMode::Formatted, ..Default::default() };
    dom_smoothie::Readability::new(html, Some(BASE), Some(config))
        .and_then(|mut r| r.parse())
        .map(|a| a.text_content.to_string())
        .unwrap_or_default()
}

fn dom_smoothie_html(html: &str) -> String {
    dom_smoothie::Readability::new(html, Some(BASE), None)
        .and_then(|mut r| r.parse())
        .map(|a| strip_tags(&a.content))
        .unwrap_or_default()
}

fn legible_html(html: &str) -> String {
    legible::parse(html, Some(BASE), None).map(|a| strip_tags(&a.content)).unwrap_or_default()
}

fn readability_html(html: &str) -> String {
    let Ok(url) = url::Url::parse(BASE) else { return String::new() };
    readability::extractor::extract(&mut html.as_bytes(), &url)
        .map(|p| strip_tags(&p.content))
        .unwrap_or_default()
}

fn llm_readability_html(html: &str) -> String {
    let Ok(url) = url::Url::parse(BASE) else { return String::new() };
    llm_readability::extractor::extract(&mut html.as_bytes(), &url)
        .map(|p| strip_tags(&p.content))
        .unwrap_or_default()
}

/// The text of an HTML fragment: tags become spaces, scripts and styles are dropped, the common
/// entities decoded. The same function reads every crate's HTML and the expected HTML.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        out.push(' ');
        rest = &rest[open..];
        let lower: String = rest.chars().take(8).collect::<String>().to_lowercase();
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
        let end = rest.find(';').filter(|e| *e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
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
            c.map(|c| (c, e + 1))
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
