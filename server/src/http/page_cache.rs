//! Render once, serve many: the pages readers see (GET or HEAD without a valid session) — and the
//! JSON API and feeds — are kept as rendered and served from memory until what readers see
//! changes. Every answer carries an `ETag` and a `Last-Modified`; a browser that already has the
//! page gets `304 Not Modified`.
//!
//! **Invalidation** is by committed writes, never by a request's method: the database keeps a
//! content version that triggers bump on every change to what readers see (migration 0007). This
//! process's own commits publish the version they leave at once (`db::WriteTx::commit`), so a
//! page is never older than a write the server acknowledged; other processes' commits
//! (`claimtrack import`, `user`, other replicas) are read from the database at most every
//! [`RECHECK`]. On PostgreSQL a replica also listens for the version every commit announces
//! (`LISTEN`, see `db::pg::write`), so another replica's write reaches its readers at once; the
//! polled version stays as the fallback for a lost connection or an engine without `NOTIFY`. Failed
//! sign-ins, POSTs to missing pages and desk notes change nothing readers see, and keep the cache.
//!
//! **Keys are canonical**, and the page is rendered from its key: the request's query is replaced
//! by its canonical form before rendering (the list filters in one order, without defaults,
//! empty or unknown parameters; no query at all on pages that read none), so reordering
//! parameters or adding `?utm_source=…` neither makes a new entry nor renders anything the key
//! does not say.
//!
//! **Bounded by bytes**: least recently used pages go first past [`MAX_TOTAL_BYTES`] (a page
//! over [`MAX_PAGE_BYTES`] is not kept). Each entry keeps its gzip and brotli copies, made the
//! first time a reader asks for one, so a hit is never compressed again.
//!
//! **Script policy.** A rendered page carries Leptos' inline bookkeeping scripts, marked with the
//! response's CSP nonce. Nothing runs them (there is no client bundle to hydrate), so a cached
//! page is stored without them and served with a policy that allows no inline script at all —
//! rather than repeating one nonce to every reader, which would defeat it.

use app::model::{CurrentUser, ListQuery};
use app::ssr::db::Db;
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::Response;
use futures_util::StreamExt;
use lru::LruCache;
use std::num::NonZeroUsize;
use std::sync::atomic::{AtomicI64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

/// How often the database's content version is read, for writes made by another process.
pub const RECHECK: Duration = Duration::from_millis(250);
/// A page larger than this is not kept.
pub const MAX_PAGE_BYTES: usize = 2 << 20;
/// The most the cache holds, compressed copies included.
pub const MAX_TOTAL_BYTES: usize = 64 << 20;
/// The most pages it holds (bounds the keys' memory too).
const MAX_ENTRIES: usize = 16_384;
/// Smaller bodies are not worth compressing.
const MIN_COMPRESSED_BYTES: usize = 1024;

/// Paths never kept: static files (cached by browsers for good), streamed exports, probes, and
/// the forms that must always be fresh.
const NOT_KEPT: &[&str] =
    &["/export/", "/style/", "/assets/", "/favicon", "/healthz", "/readyz", "/login", "/import"];

/// Marks a response as the cache's own, so that the compression layer leaves it as it is.
#[derive(Clone, Copy, Debug)]
pub struct FromPageCache;

/// A kept answer (always a 200: nothing else is kept).
struct Entry {
    version: i64,
    headers: HeaderMap,
    etag: String,
    body: Bytes,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
    /// The bytes this entry is counted for in the store (its body and compressed copies).
    counted: AtomicUsize,
}

struct Store {
    version: i64,
    entries: LruCache<String, Arc<Entry>>,
    bytes: usize,
}

impl Store {
    fn evict_over_budget(&mut self) {
        while self.bytes > MAX_TOTAL_BYTES {
            match self.entries.pop_lru() {
                Some((_, gone)) => {
                    self.bytes = self.bytes.saturating_sub(gone.counted.load(Ordering::SeqCst))
                }
                None => break,
            }
        }
    }
}

/// The cache, shared by every request.
pub struct PageCache {
    enabled: bool,
    db: Db,
    /// The newest content version this process committed.
    committed: Arc<AtomicI64>,
    /// The newest content version read from the database.
    polled: AtomicI64,
    last_poll: tokio::sync::Mutex<Instant>,
    store: Mutex<Store>,
    /// The task listening for other replicas' commits (PostgreSQL), stopped with the cache.
    listener: OnceLock<tokio::task::AbortHandle>,
}

impl Drop for PageCache {
    fn drop(&mut self) {
        if let Some(listener) = self.listener.get() {
            listener.abort();
        }
    }
}

impl PageCache {
    pub fn new(enabled: bool, db: Db) -> Arc<PageCache> {
        let cache = PageCache::unstarted(enabled, db);
        if let (Some(pool), Ok(runtime)) = (cache.db.postgres(), tokio::runtime::Handle::try_current()) {
            let task = runtime.spawn(listen_for_commits(pool.clone(), Arc::downgrade(&cache)));
            let _ = cache.listener.set(task.abort_handle());
        }
        cache
    }

    fn unstarted(enabled: bool, db: Db) -> Arc<PageCache> {
        let committed = app::ssr::db::committed_content_version(&db);
        let store = Store {
            version: i64::MIN,
            entries: LruCache::new(NonZeroUsize::new(MAX_ENTRIES).unwrap_or(NonZeroUsize::MIN)),
            bytes: 0,
        };
        let long_ago = Instant::now().checked_sub(RECHECK).unwrap_or_else(Instant::now);
        Arc::new(PageCache {
            enabled,
            db,
            committed,
            polled: AtomicI64::new(i64::MIN),
            last_poll: tokio::sync::Mutex::new(long_ago),
            store: Mutex::new(store),
            listener: OnceLock::new(),
        })
    }

    /// The content version now: this process's commits at once, others' within [`RECHECK`].
    async fn version(&self) -> i64 {
        if let Ok(mut last) = self.last_poll.try_lock() {
            if last.elapsed() >= RECHECK {
                *last = Instant::now();
                let read = app::ssr::db::maintenance::content_version(&self.db);
                if let Ok(Ok(version)) = tokio::time::timeout(Duration::from_secs(1), read).await {
                    self.polled.fetch_max(version, Ordering::SeqCst);
                }
            }
        }
        self.committed.load(Ordering::SeqCst).max(self.polled.load(Ordering::SeqCst))
    }

    /// The entry for `key` rendered at `version`, if any; a newer version empties the store.
    fn get(&self, key: &str, version: i64) -> Option<Arc<Entry>> {
        let mut store = self.store.lock().ok()?;
        if version > store.version {
            store.entries.clear();
            store.bytes = 0;
            store.version = version;
        }
        store.entries.get(key).filter(|e| e.version == version).cloned()
    }

    fn put(&self, key: String, entry: Arc<Entry>) {
        let Ok(mut store) = self.store.lock() else { return };
        if entry.version != store.version {
            return; // rendered before a write that has since been seen: already stale
        }
        let size = entry.body.len() + key.len();
        entry.counted.store(size, Ordering::SeqCst);
        store.bytes += size;
        if let Some((_, replaced)) = store.entries.push(key, entry) {
            store.bytes = store.bytes.saturating_sub(replaced.counted.load(Ordering::SeqCst));
        }
        store.evict_over_budget();
    }

    /// The `encoding` copy of an entry, made (and counted) the first time it is asked for.
    fn compressed(&self, key: &str, entry: &Arc<Entry>, encoding: Encoding) -> Bytes {
        let slot = match encoding {
            Encoding::Brotli => &entry.brotli,
            Encoding::Gzip => &entry.gzip,
            Encoding::Identity => return entry.body.clone(),
        };
        if let Some(done) = slot.get() {
            return done.clone();
        }
        let made = compress(encoding, &entry.body);
        if slot.set(made.clone()).is_ok() {
            if let Ok(mut store) = self.store.lock() {
                if store.entries.peek(key).is_some_and(|kept| Arc::ptr_eq(kept, entry)) {
                    entry.counted.fetch_add(made.len(), Ordering::SeqCst);
                    store.bytes += made.len();
                    store.evict_over_budget();
                }
            }
        }
        made
    }

    /// How many pages are kept, and their bytes (for tests and the benchmark's curiosity).
    pub fn size(&self) -> (usize, usize) {
        self.store.lock().map_or((0, 0), |s| (s.entries.len(), s.bytes))
    }
}

/// Takes each content version another replica announces as the database's newest, until the
/// cache is gone (its `Drop` stops this task). A lost connection is made again after a pause; notices sent meanwhile are
/// missed, and the polled version covers them.
async fn listen_for_commits(pool: sqlx::PgPool, cache: std::sync::Weak<PageCache>) {
    use app::ssr::db::pg::write::VersionNotices;
    while cache.strong_count() > 0 {
        let mut notices = match VersionNotices::listen(&pool).await {
            Ok(notices) => notices,
            Err(e) => {
                tracing::warn!(error = %e, "cannot listen for other replicas' commits; polling only");
                tokio::time::sleep(Duration::from_secs(5)).await;
                continue;
            }
        };
        loop {
            match notices.next().await {
                Ok(version) => match cache.upgrade() {
                    Some(cache) => {
                        cache.polled.fetch_max(version, Ordering::SeqCst);
                    }
                    None => return,
                },
                Err(e) => {
                    tracing::warn!(error = %e, "lost the commit notices' connection; listening again");
                    break;
                }
            }
        }
    }
}

/// The content codings the cache keeps copies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best coding a client accepts (`Accept-Encoding`, with `q=0` meaning "not this").
    fn preferred(headers: &HeaderMap) -> Encoding {
        let accepted: Vec<(String, bool)> = headers
            .get_all(header::ACCEPT_ENCODING)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(|item| {
                let mut parts = item.split(';');
                let name = parts.next().unwrap_or_default().trim().to_ascii_lowercase();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .is_some_and(|q| q.trim().parse::<f32>().is_ok_and(|q| q <= 0.0))
                });
                (name, !refused)
            })
            .collect();
        let accepts = |coding: &str| accepted.iter().any(|(name, ok)| *ok && (name == coding || name == "*"));
        if accepts("br") {
            Encoding::Brotli
        } else if accepts("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    fn token(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }
}

fn compress(encoding: Encoding, body: &[u8]) -> Bytes {
    use std::io::Write;
    let mut out = Vec::with_capacity(body.len() / 4);
    let written = match encoding {
        Encoding::Gzip => {
            let mut encoder = flate2::write::GzEncoder::new(&mut out, flate2::Compression::new(6));
            encoder.write_all(body).and_then(|()| encoder.finish().map(|_| ()))
        }
        Encoding::Brotli => {
            let params = brotli::enc::BrotliEncoderParams { quality: 5, lgwin: 22, ..Default::default() };
            brotli::BrotliCompress(&mut &body[..], &mut out, &params).map(|_| ())
        }
        Encoding::Identity => return Bytes::copy_from_slice(body),
    };
    match written {
        Ok(()) => Bytes::from(out),
        Err(err) => {
            // Writing to memory cannot fail; if it ever did, the page goes uncompressed.
            tracing::error!(error = %err, "compressing a cached page failed");
            Bytes::copy_from_slice(body)
        }
    }
}

/// The canonical address of a reader's page: the one it is kept under and rendered from.
/// `None` when the query is not accepted (the page renders its error, which is not kept).
pub fn canonical(uri: &Uri) -> Option<String> {
    let path = uri.path();
    let pairs = || -> Vec<(String, String)> {
        uri.query().map(|q| serde_urlencoded::from_str(q).unwrap_or_default()).unwrap_or_default()
    };
    if reads_list_filters(path) {
        let pairs = pairs();
        let query = ListQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str()))).ok()?;
        return Some(format!("{path}{}", query.to_query_string()));
    }
    if path == "/speakers" {
        let pairs = pairs();
        let query = app::model::speaker_directory::DirectoryQuery::parse(
            pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())),
        )
        .ok()?;
        return Some(format!("{path}{}", query.to_query_string()));
    }
    if path == "/feed.atom" {
        let statuses: Vec<String> = pairs()
            .into_iter()
            .filter(|(k, v)| k == "status" && !v.trim().is_empty())
            .map(|(_, v)| v)
            .collect();
        return match statuses.as_slice() {
            [] => Some(path.to_owned()),
            [one] => Some(format!("{path}?status={}", app::model::list_query::encode_component(one.trim()))),
            _ => None,
        };
    }
    Some(path.to_owned())
}

/// Pages whose content follows the list filters of their query: the claim list, a speaker's and
/// a source's page, and the API's list. Every other page reads no query.
fn reads_list_filters(path: &str) -> bool {
    let single_segment =
        |prefix: &str| path.strip_prefix(prefix).is_some_and(|rest| !rest.is_empty() && !rest.contains('/'));
    path == "/" || path == "/api/v1/claims" || single_segment("/speakers/") || single_segment("/sources/")
}

fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    matches!(*request.method(), Method::GET | Method::HEAD)
        && !NOT_KEPT.iter().any(|p| path.starts_with(p))
        && !super::security::is_embed(path)
        && request.extensions().get::<CurrentUser>().is_none()
}

pub async fn layer(State(cache): State<Arc<PageCache>>, mut request: Request, next: Next) -> Response {
    if !cache.enabled || !cacheable(&request) {
        return next.run(request).await;
    }
    let Some(key) = canonical(request.uri()) else { return next.run(request).await };
    let Ok(uri) = key.parse::<Uri>() else { return next.run(request).await };
    *request.uri_mut() = uri;
    let version = cache.version().await;
    let conditional = Conditional::of(request.headers());
    let encoding = Encoding::preferred(request.headers());
    let head = request.method() == Method::HEAD;
    if let Some(entry) = cache.get(&key, version) {
        return answer(&cache, &key, &entry, &conditional, encoding, head);
    }
    // A HEAD is rendered as the GET it describes, so that the page is kept and its length known.
    *request.method_mut() = Method::GET;
    let response = next.run(request).await;
    match keep(response).await {
        Ok(entry) => {
            let entry = Arc::new(Entry { version, ..entry });
            let response = answer(&cache, &key, &entry, &conditional, encoding, head);
            cache.put(key, entry);
            response
        }
        Err(response) => response,
    }
}

/// Answers other than pages that are kept with their own headers: the API, the feeds, the
/// sitemap, robots.txt and share images.
const KEPT_AS_SENT: &[&str] =
    &["application/json", "application/atom+xml", "application/xml", "text/plain", "image/png"];

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
    let data = KEPT_AS_SENT.iter().any(|kept| content_type.starts_with(kept));
    if response.status() != StatusCode::OK
        || !(html || data)
        || response.headers().contains_key(header::SET_COOKIE)
        || response.headers().contains_key(header::CONTENT_ENCODING)
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
    for name in [header::CONTENT_TYPE, header::CONTENT_LANGUAGE] {
        if let Some(v) = parts.headers.get(&name) {
            headers.insert(name, v.clone());
        }
    }
    if let Ok(policy) = HeaderValue::from_str(&app::page_csp_without_inline_script()) {
        headers.insert(header::CONTENT_SECURITY_POLICY, policy);
    }
    if let Ok(v) = HeaderValue::from_str(&http_date_now()) {
        headers.insert(header::LAST_MODIFIED, v);
    }
    // Browsers keep the page but ask again each time; the answer is usually a 304.
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    Ok(entry(headers, super::etag::of(body.as_bytes()), Bytes::from(body)))
}

fn entry(headers: HeaderMap, etag: String, body: Bytes) -> Entry {
    Entry {
        version: 0,
        headers,
        etag,
        body,
        gzip: OnceLock::new(),
        brotli: OnceLock::new(),
        counted: AtomicUsize::new(0),
    }
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
    for name in [header::DATE, header::CONTENT_LENGTH, header::TRANSFER_ENCODING, header::VARY] {
        headers.remove(name);
    }
    let etag = headers
        .remove(header::ETAG)
        .and_then(|v| v.to_str().ok().map(str::to_owned))
        .unwrap_or_else(|| super::etag::of(&body));
    if let Ok(v) = HeaderValue::from_str(&http_date_now()) {
        headers.entry(header::LAST_MODIFIED).or_insert(v);
    }
    entry(headers, etag, body)
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

/// The ETag of one encoding of an entry: `"tag"`, `"tag-br"`, `"tag-gzip"` (the copies are
/// different bytes, so they need different strong tags).
fn variant_etag(etag: &str, encoding: Encoding) -> String {
    match (encoding.token(), etag.strip_suffix('"')) {
        (Some(token), Some(open)) => format!("{open}-{token}\""),
        _ => etag.to_owned(),
    }
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

    /// Whether the browser's copy, in whichever encoding it got it, is this entry.
    fn still_fresh(&self, entry: &Entry) -> bool {
        if let Some(tags) = &self.if_none_match {
            return [Encoding::Identity, Encoding::Gzip, Encoding::Brotli]
                .iter()
                .any(|e| super::etag::matches(tags, &variant_etag(&entry.etag, *e)));
        }
        let modified = entry
            .headers
            .get(header::LAST_MODIFIED)
            .and_then(|v| v.to_str().ok())
            .and_then(|d| chrono::DateTime::parse_from_rfc2822(&d.replace("GMT", "+0000")).ok());
        matches!((self.if_modified_since, modified), (Some(since), Some(m)) if m <= since)
    }
}

fn answer(
    cache: &PageCache,
    key: &str,
    entry: &Arc<Entry>,
    conditional: &Conditional,
    encoding: Encoding,
    head: bool,
) -> Response {
    let compressible = entry.body.len() >= MIN_COMPRESSED_BYTES
        && !entry.headers.get(header::CONTENT_TYPE).is_some_and(|t| t.as_bytes().starts_with(b"image/png"));
    // PNG is compressed already: a second compression only costs time.
    let encoding = if compressible { encoding } else { Encoding::Identity };
    let fresh = conditional.still_fresh(entry);
    let mut headers = entry.headers.clone();
    if let Ok(tag) = HeaderValue::from_str(&variant_etag(&entry.etag, encoding)) {
        headers.insert(header::ETAG, tag);
    }
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    let body = if fresh {
        headers.remove(header::CONTENT_TYPE);
        Body::empty()
    } else {
        let bytes = cache.compressed(key, entry, encoding);
        if let Some(token) = encoding.token() {
            headers.insert(header::CONTENT_ENCODING, HeaderValue::from_static(token));
        }
        if head {
            headers.insert(header::CONTENT_LENGTH, HeaderValue::from(bytes.len()));
            Body::empty()
        } else {
            Body::from(bytes)
        }
    };
    let mut response = Response::new(body);
    *response.status_mut() = if fresh { StatusCode::NOT_MODIFIED } else { StatusCode::OK };
    *response.headers_mut() = headers;
    response.extensions_mut().insert(FromPageCache);
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

    #[test]
    fn keys_are_canonical() {
        let key = |uri: &str| canonical(&uri.parse::<Uri>().unwrap());
        assert_eq!(key("/?status=false&q=trade"), key("/?q=trade&status=false"));
        assert_eq!(key("/?status=false&status=true"), key("/?status=true&status=false&status=true"));
        assert_eq!(key("/?kind=&q=&utm_source=x").as_deref(), Some("/"));
        assert_eq!(key("/?q=%20trade%20").as_deref(), Some("/?q=trade"));
        assert_eq!(key("/claims/k3m9x2qa?q=anything&x=1").as_deref(), Some("/claims/k3m9x2qa"));
        assert_eq!(
            key("/speakers/xi-jinping?status=false&junk=1").as_deref(),
            Some("/speakers/xi-jinping?status=false")
        );
        assert_eq!(key("/api/v1/claims?kind=quote&q=x").as_deref(), Some("/api/v1/claims?q=x&kind=quote"));
        assert_eq!(key("/feed.atom?status=false&utm=1").as_deref(), Some("/feed.atom?status=false"));
        assert_eq!(key("/speakers?letter=p&utm=1&q=").as_deref(), Some("/speakers?letter=P"));
        assert_eq!(key("/?status=bogus"), None, "an error page is not kept");
        assert_eq!(key("/feed.atom?status=false&status=true"), None);
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        let with = |value: &str| {
            let mut headers = HeaderMap::new();
            headers.insert(header::ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
            Encoding::preferred(&headers)
        };
        assert_eq!(with("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(with("gzip"), Encoding::Gzip);
        assert_eq!(with("br;q=0, gzip;q=0.5"), Encoding::Gzip);
        assert_eq!(with("identity"), Encoding::Identity);
        assert_eq!(Encoding::preferred(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn compressed_copies_decompress_to_the_page() {
        use std::io::Read;
        let page = "<p>claim</p>".repeat(500);
        let gz = compress(Encoding::Gzip, page.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut back).unwrap();
        assert_eq!(back, page);
        let br = compress(Encoding::Brotli, page.as_bytes());
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).unwrap();
        assert_eq!(back, page.as_bytes());
        assert!(br.len() < page.len() / 10);
    }
}
