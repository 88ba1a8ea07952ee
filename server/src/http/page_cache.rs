//! Render once, serve many: the pages readers see (GET, no session) — and the JSON API and
//! feeds — are kept as rendered, keyed by address, and served from memory until anything changes. Every answer carries an `ETag` and
//! a `Last-Modified`, and a browser that already has the page gets `304 Not Modified`.
//!
//! **Invalidation.** Any request that is not a GET or HEAD (every form and server function)
//! empties the cache when it finishes; writes from another process (`claimtrack import`, `user`)
//! are noticed by the size and modification time of the database file and its WAL, checked at
//! most every `RECHECK`, so a page is never older than that after such a write.
//!
//! **Script policy.** A rendered page carries Leptos' inline bookkeeping scripts, marked with the
//! response's CSP nonce. Nothing runs them (there is no client bundle to hydrate), so a cached
//! page is stored without them and served with a policy that allows no inline script at all —
//! rather than repeating one nonce to every reader, which would defeat it.

use app::ssr::auth::SESSION_COOKIE;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

/// How often the database files are looked at for writes made by another process.
const RECHECK: Duration = Duration::from_millis(250);
/// Bounds: a page larger than this is not kept; past these totals the cache starts over.
const MAX_PAGE_BYTES: usize = 2 << 20;
const MAX_TOTAL_BYTES: usize = 48 << 20;
const MAX_ENTRIES: usize = 4096;

/// Paths never kept: static files (cached by browsers for good), streamed exports, probes, and
/// the forms that must always be fresh.
const NOT_KEPT: &[&str] =
    &["/export/", "/style/", "/assets/", "/favicon", "/healthz", "/readyz", "/login", "/import"];

/// A kept answer (always a 200: nothing else is kept).
struct Entry {
    generation: u64,
    headers: HeaderMap,
    body: Bytes,
}

#[derive(Default)]
struct Store {
    entries: HashMap<String, Arc<Entry>>,
    bytes: usize,
}

/// The cache, shared by every request.
pub struct PageCache {
    enabled: bool,
    store: Mutex<Store>,
    generation: AtomicU64,
    files: Vec<PathBuf>,
    seen: Mutex<(Instant, Vec<Stamp>)>,
}

impl PageCache {
    /// `database`: the SQLite file (its `-wal` beside it is watched too), if there is one.
    pub fn new(enabled: bool, database: Option<PathBuf>) -> Arc<PageCache> {
        let files: Vec<PathBuf> = database
            .map(|db| {
                let mut wal = db.clone().into_os_string();
                wal.push("-wal");
                vec![db, PathBuf::from(wal)]
            })
            .unwrap_or_default();
        let stamps = files.iter().map(stamp).collect();
        Arc::new(PageCache {
            enabled,
            store: Mutex::new(Store::default()),
            generation: AtomicU64::new(0),
            files,
            seen: Mutex::new((Instant::now(), stamps)),
        })
    }

    /// Forgets every page (something changed).
    pub fn invalidate(&self) {
        self.generation.fetch_add(1, Ordering::SeqCst);
        if let Ok(mut store) = self.store.lock() {
            *store = Store::default();
        }
    }

    /// The current generation, after looking at the database files if it is time to.
    fn current(&self) -> u64 {
        if let Ok(mut seen) = self.seen.lock() {
            if seen.0.elapsed() >= RECHECK {
                let now: Vec<_> = self.files.iter().map(stamp).collect();
                seen.0 = Instant::now();
                if now != seen.1 {
                    seen.1 = now;
                    drop(seen);
                    self.invalidate();
                }
            }
        }
        self.generation.load(Ordering::SeqCst)
    }

    fn get(&self, key: &str, generation: u64) -> Option<Arc<Entry>> {
        let store = self.store.lock().ok()?;
        store.entries.get(key).filter(|e| e.generation == generation).cloned()
    }

    fn put(&self, key: String, entry: Arc<Entry>) {
        if let Ok(mut store) = self.store.lock() {
            if store.entries.len() >= MAX_ENTRIES || store.bytes + entry.body.len() > MAX_TOTAL_BYTES {
                *store = Store::default();
            }
            store.bytes += entry.body.len();
            if let Some(old) = store.entries.insert(key, entry) {
                store.bytes -= old.body.len();
            }
        }
    }
}

/// A file's modification time and length, if it exists.
type Stamp = Option<(SystemTime, u64)>;

fn stamp(path: &PathBuf) -> Stamp {
    let meta = std::fs::metadata(path).ok()?;
    Some((meta.modified().ok()?, meta.len()))
}

fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    matches!(*request.method(), Method::GET | Method::HEAD)
        && !NOT_KEPT.iter().any(|p| path.starts_with(p))
        && !super::security::is_embed(path)
        && super::session::cookie_header(request.headers(), SESSION_COOKIE).is_none()
}

pub async fn layer(State(cache): State<Arc<PageCache>>, request: Request, next: Next) -> Response {
    let writes = !matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !cache.enabled || !cacheable(&request) {
        let response = next.run(request).await;
        if writes {
            cache.invalidate();
        }
        return response;
    }
    let key = request.uri().path_and_query().map_or_else(|| "/".to_owned(), |pq| pq.as_str().to_owned());
    let generation = cache.current();
    let conditional = Conditional::of(request.headers());
    let head = request.method() == Method::HEAD;
    if let Some(entry) = cache.get(&key, generation) {
        return answer(&entry, &conditional, head);
    }
    if head {
        // A HEAD answer has no body to keep: it must not fill the cache with an empty page.
        return next.run(request).await;
    }
    let response = next.run(request).await;
    match keep(response).await {
        Ok(entry) => {
            let entry = Arc::new(Entry { generation, ..entry });
            let response = answer(&entry, &conditional, head);
            cache.put(key, entry);
            response
        }
        Err(response) => response,
    }
}

/// A rendered page made fit to share: without its inline scripts and their nonce, with an ETag
/// and a Last-Modified. The JSON API and the feeds are kept with their own headers. Anything else
/// (errors, redirects, other types) is passed on untouched.
async fn keep(response: Response) -> Result<Entry, Response> {
    let content_type = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let html = content_type.starts_with("text/html");
    let data =
        content_type.starts_with("application/json") || content_type.starts_with("application/atom+xml");
    if response.status() != StatusCode::OK
        || !(html || data)
        || response.headers().contains_key(header::SET_COOKIE)
    {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    let bytes = match read_up_to(body, MAX_PAGE_BYTES).await {
        Ok(bytes) => bytes,
        // Too large to keep: served as it is.
        Err(body) => return Err(Response::from_parts(parts, body)),
    };
    if data {
        return Ok(data_entry(parts.headers, bytes));
    }
    let csp =
        parts.headers.get(header::CONTENT_SECURITY_POLICY).and_then(|v| v.to_str().ok()).unwrap_or_default();
    let nonce =
        csp.split("'nonce-").nth(1).and_then(|rest| rest.split('\'').next()).unwrap_or_default().to_owned();
    let text = String::from_utf8_lossy(&bytes);
    let body = if nonce.is_empty() { text.into_owned() } else { without_nonced_scripts(&text, &nonce) };
    let mut headers = HeaderMap::new();
    for name in [header::CONTENT_TYPE, header::CONTENT_LANGUAGE, header::VARY] {
        if let Some(v) = parts.headers.get(&name) {
            headers.insert(name, v.clone());
        }
    }
    if let Ok(policy) = HeaderValue::from_str(&app::page_csp_without_inline_script()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    for (name, value) in
        [(header::ETAG, super::etag::of(body.as_bytes())), (header::LAST_MODIFIED, http_date_now())]
    {
        if let Ok(v) = HeaderValue::from_str(&value) {
            headers.insert(name, v);
        }
    }
    // Browsers keep the page but ask again each time; the answer is usually a 304.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(Entry { generation: 0, headers, body: Bytes::from(body) })
}

/// The whole body if it is at most `limit` bytes; otherwise the body again, whole (what was read
/// put back in front of the rest), to be sent on without keeping it.
async fn read_up_to(body: Body, limit: usize) -> Result<Bytes, Body> {
    let mut stream = body.into_data_stream();
    let mut read: Vec<Bytes> = Vec::new();
    let mut size = 0;
    while let Some(chunk) = stream.next().await {
        let Ok(chunk) = chunk else {
            // A failed body cannot be kept; pass the failure on.
            let failed = futures_util::stream::iter(read.into_iter().map(Ok).chain([chunk]));
            return Err(Body::from_stream(failed));
        };
        size += chunk.len();
        read.push(chunk);
        if size > limit {
            let again = futures_util::stream::iter(read.into_iter().map(Ok::<_, axum::Error>));
            return Err(Body::from_stream(again.chain(stream)));
        }
    }
    Ok(read.concat().into())
}

/// Now, as an HTTP date (`Last-Modified`).
fn http_date_now() -> String {
    chrono::Utc::now().format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

/// An API answer or a feed, with the headers it was given (its own caching, CORS, policy) and an
/// ETag and Last-Modified if it had none.
fn data_entry(mut headers: HeaderMap, body: Bytes) -> Entry {
    for name in [header::DATE, header::CONTENT_LENGTH, header::TRANSFER_ENCODING] {
        headers.remove(name);
    }
    if !headers.contains_key(header::ETAG) {
        if let Ok(v) = HeaderValue::from_str(&super::etag::of(&body)) {
            headers.insert(header::ETAG, v);
        }
    }
    if let Ok(v) = HeaderValue::from_str(&http_date_now()) {
        headers.entry(header::LAST_MODIFIED).or_insert(v);
    }
    Entry { generation: 0, headers, body }
}

/// `html` without the inline scripts marked with `nonce` and without the nonce attribute.
pub fn without_nonced_scripts(html: &str, nonce: &str) -> String {
    let open = format!("<script nonce=\"{nonce}\">");
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(&open) {
        out.push_str(&rest[..at]);
        match rest[at..].find("</script>") {
            Some(end) => rest = &rest[at + end + "</script>".len()..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out.replace(&format!(" nonce=\"{nonce}\""), "")
}

/// What the browser already has.
struct Conditional {
    if_none_match: Option<String>,
    if_modified_since: Option<chrono::DateTime<chrono::Utc>>,
}

impl Conditional {
    fn of(headers: &HeaderMap) -> Conditional {
        let text = |name| headers.get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_owned);
        Conditional {
            if_none_match: text(header::IF_NONE_MATCH),
            if_modified_since: text(header::IF_MODIFIED_SINCE)
                .and_then(|d| chrono::DateTime::parse_from_rfc2822(&d.replace("GMT", "+0000")).ok())
                .map(|d| d.with_timezone(&chrono::Utc)),
        }
    }

    fn still_fresh(&self, entry: &Entry) -> bool {
        let etag = entry.headers.get(header::ETAG).and_then(|v| v.to_str().ok()).unwrap_or_default();
        if let Some(tags) = &self.if_none_match {
            return super::etag::matches(tags, etag);
        }
        let modified = entry
            .headers
            .get(header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|d| chrono::DateTime::parse_from_rfc2822(&d.replace("GMT", "+0000")).ok());
        matches!((self.if_modified_since, modified), (Some(since), Some(m)) if m <= since)
    }
}

fn answer(entry: &Entry, conditional: &Conditional, head: bool) -> Response {
    let fresh = conditional.still_fresh(entry);
    let body = if fresh || head { Body::empty() } else { Body::from(entry.body.clone()) };
    let mut response = Response::new(body);
    *response.status_mut() = if fresh { StatusCode::NOT_MODIFIED } else { StatusCode::OK };
    *response.headers_mut() = entry.headers.clone();
    if fresh {
        response.headers_mut().remove(header::CONTENT_TYPE);
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn a_body_too_large_to_keep_is_passed_on_whole() {
        let body = || {
            let chunks = ["first ", "second ", "third"].map(|c| Ok::<_, std::io::Error>(Bytes::from(c)));
            Body::from_stream(futures_util::stream::iter(chunks))
        };
        assert_eq!(read_up_to(body(), 100).await.ok(), Some(Bytes::from("first second third")));
        let Err(passed) = read_up_to(body(), 8).await else { panic!("kept a body over the limit") };
        assert_eq!(axum::body::to_bytes(passed, 100).await.ok(), Some(Bytes::from("first second third")));
    }

    #[test]
    fn nonced_inline_scripts_and_nonce_attributes_are_removed() {
        let html = r#"<p>x</p><script src="/a.js" nonce="N1"></script></html><script nonce="N1">__A=[];</script><script nonce="N1">__B=[];</script><script type="application/ld+json">{}</script>"#;
        assert_eq!(
            without_nonced_scripts(html, "N1"),
            r#"<p>x</p><script src="/a.js"></script></html><script type="application/ld+json">{}</script>"#
        );
    }
}
