//! An article page read as the import expects it: the main text (headline first, paragraphs
//! separated by blank lines) without navigation, share buttons or related links, and the
//! metadata an editor would otherwise type. The main text is found by `dom_smoothie`, a port of
//! Mozilla's Readability chosen on measured quality over saved pages of many publishers (see
//! `server/tests/fixtures/articles/README.md`); it also reads the page's meta tags and its
//! schema.org `NewsArticle`/`Article` JSON-LD, preferring the JSON-LD as Readability does.
//! Before it, blocks named as page furniture are removed (see [`FURNITURE`]).

use super::{FetchError, Fetched};
use chrono::NaiveDate;
use dom_smoothie::{Config, Readability, TextMode};
use url::Url;

/// What a page gave: each field empty when the page did not say.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    pub text: String,
    pub title: String,
    pub outlet: String,
    pub author: String,
    pub published_on: Option<NaiveDate>,
    /// The page's canonical address (`<link rel="canonical">`, then `og:url`), resolved against
    /// the address it was fetched from; that address when the page names none.
    pub url: String,
}

/// Words of the class and id names of page furniture that Readability's own cleaning keeps on
/// some layouts: a "Trending" list after the article, a newsletter box inside it (measured on
/// the saved pages: `tests/fixtures/articles/README.md`). A name matches when one of its words
/// starts with one of these.
const FURNITURE: &[&str] = &[
    "trending",
    "newsletter",
    "signup",
    "related",
    "share",
    "sharing",
    "social",
    "promo",
    "recirc",
    "outbrain",
    "taboola",
];
/// A block with more text than this is never taken for furniture: it may be the article itself
/// inside a badly named wrapper.
const MAX_FURNITURE_BYTES: usize = 1500;

/// Elements parsed at most: a bound on the work one page can cause (a long article has a few
/// thousand).
const MAX_ELEMENTS: usize = 200_000;

/// The deepest nesting read (see `depth`): real articles nest a few dozen deep.
pub const MAX_DEPTH: usize = 512;
/// The stack of the thread that reads a page: the parser and the readability pass recurse once
/// per level, and the depth scan may under-count a hostile page by a small factor. Reserved, not
/// committed: only what a page uses is ever touched.
const READ_STACK_BYTES: usize = 256 << 20;

/// Reads a fetched page on a thread of its own, with room for the deepest page let through; a
/// deeper page is refused before it is parsed, and a panic in the parser is an error, not a
/// crash.
pub async fn read_safely(page: Fetched) -> Result<Article, FetchError> {
    if page.html && super::depth::too_deep(&page.text, MAX_DEPTH) {
        return Err(FetchError::TooDeep);
    }
    on_reader_thread(page).await
}

async fn on_reader_thread(page: Fetched) -> Result<Article, FetchError> {
    let (tx, rx) = tokio::sync::oneshot::channel();
    std::thread::Builder::new()
        .name("article-reader".into())
        .stack_size(READ_STACK_BYTES)
        .spawn(move || {
            let _ = tx.send(read(&page));
        })
        .map_err(|_| FetchError::Unreadable)?;
    rx.await.map_err(|_| FetchError::Unreadable)
}

/// Reads a fetched page: HTML through the readability pass, plain text as it is. Call it on a
/// page `read_safely` would let through.
pub fn read(page: &Fetched) -> Article {
    if !page.html {
        let text = tidy(&page.text);
        let title = text.lines().next().unwrap_or_default().chars().take(500).collect();
        return Article { text, title, url: page.final_url.to_string(), ..Article::default() };
    }
    read_html(&page.text, &page.final_url)
}

/// Reads an HTML page fetched from `base`.
pub fn read_html(html: &str, base: &Url) -> Article {
    let doc = dom_query::Document::from(html);
    let url = canonical(&doc, base).unwrap_or_else(|| base.to_string());
    remove_furniture(&doc);
    let config =
        Config { text_mode: TextMode::Formatted, max_elements_to_parse: MAX_ELEMENTS, ..Config::default() };
    let parsed =
        Readability::with_document(doc, Some(base.as_str()), Some(config)).and_then(|mut r| r.parse());
    let Ok(found) = parsed else {
        return Article { url, ..Article::default() };
    };
    let title = line(&found.title, 500);
    let body = tidy(&found.text_content);
    // The headline is the first line, as a pasted article has it; Readability leaves it out
    // of the body unless the page repeats it there.
    let repeated = body.split("\n\n").next() == Some(title.as_str());
    let text =
        if title.is_empty() || repeated || body.is_empty() { body } else { format!("{title}\n\n{body}") };
    Article {
        text,
        title,
        outlet: found.site_name.as_deref().map(|s| line(s, 200)).unwrap_or_default(),
        author: found.byline.as_deref().map(|s| line(author(s), 200)).unwrap_or_default(),
        published_on: found.published_time.as_deref().and_then(date),
        url,
    }
}

/// Removes the short blocks whose class or id names them as furniture.
fn remove_furniture(doc: &dom_query::Document) {
    for node in doc.select("body [class], body [id]").nodes() {
        let names =
            format!("{} {}", node.attr("class").unwrap_or_default(), node.attr("id").unwrap_or_default());
        let furniture = names
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|word| FURNITURE.iter().any(|f| word.to_ascii_lowercase().starts_with(f)));
        if furniture && node.text().len() <= MAX_FURNITURE_BYTES {
            node.remove_from_parent();
        }
    }
}

/// `<link rel="canonical">`, else `og:url`, as an absolute http(s) address.
fn canonical(doc: &dom_query::Document, base: &Url) -> Option<String> {
    let candidates = [
        doc.select(r#"link[rel~="canonical"]"#).attr("href"),
        doc.select(r#"meta[property="og:url"]"#).attr("content"),
    ];
    candidates.into_iter().flatten().find_map(|href| {
        let url = base.join(href.trim()).ok()?;
        (matches!(url.scheme(), "http" | "https") && url.as_str().len() <= super::MAX_URL_LEN)
            .then(|| url.to_string())
    })
}

/// A byline without its "By ".
fn author(byline: &str) -> &str {
    let trimmed = byline.trim();
    ["By ", "by ", "BY "].iter().find_map(|p| trimmed.strip_prefix(p)).unwrap_or(trimmed)
}

/// The date of a published time: ISO 8601 (`2015-07-24T05:36:09+01:00`, or the date alone, as
/// meta tags and JSON-LD give it), else RFC 2822.
fn date(published: &str) -> Option<NaiveDate> {
    let published = published.trim();
    if let Some(day) = published.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()) {
        return Some(day);
    }
    chrono::DateTime::parse_from_rfc2822(published).ok().map(|d| d.date_naive())
}

/// One line of at most `max` characters, white space folded.
fn line(s: &str, max: usize) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(max).collect()
}

/// Paragraphs as the paste import takes them: each line's white space folded, one blank line
/// between paragraphs.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for paragraph in text.split('\n').map(|l| line(l, usize::MAX)).filter(|l| !l.is_empty()) {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&paragraph);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Url {
        Url::parse("https://news.example/politics/story?utm_source=x").expect("a URL")
    }

    #[test]
    fn metadata_comes_from_json_ld_first_then_meta_tags() {
        let html = r#"<html><head><title>Ignored | Site</title>
            <meta property="og:site_name" content="The Example Times">
            <meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2024-03-01T10:00:00Z">
            <link rel="canonical" href="/politics/story">
            <script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
              "headline":"Minister defends budget","datePublished":"2024-03-02T08:00:00+01:00",
              "author":{"@type":"Person","name":"Jane Reporter"},
              "publisher":{"@type":"Organization","name":"Example Times"}}</script>
            </head><body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <article><h1>Minister defends budget</h1>
            <p>The finance minister said on Tuesday that the budget would cut the deficit by 2 per cent, a claim economists questioned at length.</p>
            <p>“We have made the hard choices,” she told parliament, adding that 40,000 jobs would follow within two years of the measures.</p>
            <p>Opposition members said the figures did not add up and asked the independent office to examine the forecasts in detail.</p>
            </article></body></html>"#;
        let article = read_html(html, &base());
        assert_eq!(article.title, "Minister defends budget");
        assert_eq!(article.author, "Jane Reporter");
        assert_eq!(article.outlet, "Example Times");
        assert_eq!(article.published_on, NaiveDate::from_ymd_opt(2024, 3, 2));
        assert_eq!(article.url, "https://news.example/politics/story");
        assert!(
            article.text.starts_with("Minister defends budget\n\nThe finance minister said"),
            "{}",
            article.text
        );
        assert!(article.text.contains("\n\n“We have made the hard choices,”"), "{}", article.text);
        assert!(!article.text.contains("World"), "{}", article.text);
    }

    fn page(html: String) -> Fetched {
        Fetched { final_url: base(), html: true, text: html }
    }

    /// A hostile page of deeply nested elements is refused before it is parsed (parsing it would
    /// take minutes, then overflow the stack and abort the server); the deepest page let through,
    /// and pages three times as deep (the scan's worst under-count), are read on the reader's
    /// own stack.
    #[tokio::test]
    async fn deeply_nested_markup_is_refused_or_read_never_a_crash() {
        let nested = |n: usize| format!("<html><body>{}<p>Deep text.</p></body></html>", "<div>".repeat(n));
        let refused = read_safely(page(nested(100_000))).await;
        assert!(matches!(refused, Err(FetchError::TooDeep)), "{refused:?}");
        let started = std::time::Instant::now();
        let deepest = read_safely(page(nested(MAX_DEPTH - 10))).await;
        assert!(deepest.is_ok(), "{deepest:?}");
        // `<div><table></div>` counts once per two levels.
        let tricky = format!("<html><body>{}</body></html>", "<div><table></div>".repeat(MAX_DEPTH - 10));
        assert!(read_safely(page(tricky)).await.is_ok());
        let three_times = on_reader_thread(page(nested(3 * MAX_DEPTH))).await;
        assert!(three_times.is_ok(), "{three_times:?}");
        assert!(started.elapsed() < std::time::Duration::from_secs(30), "{:?}", started.elapsed());
    }

    #[test]
    fn dates_read_as_pages_write_them() {
        assert_eq!(date("2015-07-24T05:36:09+01:00"), NaiveDate::from_ymd_opt(2015, 7, 24));
        assert_eq!(date("2015-07-24"), NaiveDate::from_ymd_opt(2015, 7, 24));
        assert_eq!(date("Fri, 24 Jul 2015 05:36:09 +0100"), NaiveDate::from_ymd_opt(2015, 7, 24));
        assert_eq!(date("last Tuesday"), None);
    }

    #[test]
    fn a_canonical_address_that_is_not_http_is_ignored() {
        let html = r#"<link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://news.example/a">"#;
        let doc = dom_query::Document::from(html);
        assert_eq!(canonical(&doc, &base()).as_deref(), Some("https://news.example/a"));
    }
}
