//! Import by address: the fetcher's refusals and limits against pages served on loopback, the
//! `/import` form filled from a fetched page, and `claimtrack extract --fetch`.
//!
//! Loopback is itself a refused address, so the tests that fetch a page do so as an intranet
//! does (`--allow-private-addresses`, `Reach::Any`); the refusal tests use the default rule, and
//! a redirect from an allowed host is shown with `Reach::PublicAnd`, which lets exactly the test
//! server's address through and judges every other address as the default rule does.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{enc, TestApp};
use app::model::Role;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use server::fetch::{FetchError, Fetcher, Reach};
use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const ARTICLE: &str = include_str!("../fixtures/pages/article.html");

/// A web server on `ip` (port chosen by the system) that counts the requests it gets.
async fn serve_on(ip: &str) -> (SocketAddr, Arc<AtomicUsize>) {
    let hits = Arc::new(AtomicUsize::new(0));
    let app = axum::Router::new()
        .route("/article", get(|| async { ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], ARTICLE) }))
        .route("/redirect/{n}", get(redirect_chain))
        .route("/to/{*rest}", get(redirect_to))
        .route("/big", get(big))
        .route("/stall", get(stall))
        .route("/pdf", get(|| async { ([(header::CONTENT_TYPE, "application/pdf")], "%PDF-1.7") }))
        .route("/latin1", get(latin1))
        .route("/deep", get(|| async { ([(header::CONTENT_TYPE, "text/html")], "<div>".repeat(200_000)) }))
        .layer(axum::middleware::from_fn_with_state(hits.clone(), count))
        .with_state(());
    let listener = tokio::net::TcpListener::bind((ip, 0)).await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    (addr, hits)
}

async fn serve() -> (SocketAddr, Arc<AtomicUsize>) {
    serve_on("127.0.0.1").await
}

async fn count(
    State(hits): State<Arc<AtomicUsize>>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    hits.fetch_add(1, Ordering::SeqCst);
    next.run(request).await
}

/// `/redirect/N` redirects N times before the article.
async fn redirect_chain(Path(n): Path<u32>) -> Response {
    let to = if n == 0 { "/article".to_owned() } else { format!("/redirect/{}", n - 1) };
    (StatusCode::FOUND, [(header::LOCATION, to)]).into_response()
}

/// `/to/ADDRESS` redirects to ADDRESS (percent-encoded).
async fn redirect_to(Path(rest): Path<String>) -> Response {
    (StatusCode::MOVED_PERMANENTLY, [(header::LOCATION, rest)]).into_response()
}

/// Two megabytes of HTML streamed without a Content-Length: only counting stops it.
async fn big() -> Response {
    let chunk = bytes_of(64 * 1024);
    let stream = futures_util::stream::iter((0..32).map(move |_| Ok::<_, std::io::Error>(chunk.clone())));
    ([(header::CONTENT_TYPE, "text/html")], Body::from_stream(stream)).into_response()
}

fn bytes_of(n: usize) -> axum::body::Bytes {
    axum::body::Bytes::from(vec![b'a'; n])
}

/// Sends its headers, then stalls for longer than any test waits.
async fn stall() -> Response {
    let stream = futures_util::stream::once(async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        Ok::<_, std::io::Error>(bytes_of(10))
    });
    ([(header::CONTENT_TYPE, "text/html")], Body::from_stream(stream)).into_response()
}

async fn latin1() -> Response {
    let body: &[u8] = b"<html><body><article><h1>Caf\xe9 prices</h1><p>The caf\xe9 owners said prices rose by 12 per cent this year, more than twice the increase reported by the bakeries on the same street, and blamed energy costs.</p></article></body></html>";
    ([(header::CONTENT_TYPE, "text/html; charset=windows-1252")], body).into_response()
}

fn refused_class(result: Result<server::fetch::Fetched, FetchError>) -> server::fetch::address::Class {
    match result {
        Err(FetchError::Refused { class, .. }) => class,
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test]
async fn a_page_on_loopback_is_refused_by_default_and_never_contacted() {
    use server::fetch::address::Class;
    let (addr, hits) = serve().await;
    let fetcher = Fetcher::new(Reach::Public);
    let literal = fetcher.fetch(&format!("http://{addr}/article")).await;
    let message = literal.as_ref().err().map(ToString::to_string).unwrap_or_default();
    assert_eq!(refused_class(literal), Class::Loopback);
    assert!(message.contains("127.0.0.1") && message.contains("loopback"), "{message}");
    // A name is refused by what it resolves to.
    let named = fetcher.fetch(&format!("http://localhost:{}/article", addr.port())).await;
    assert_eq!(refused_class(named), Class::Loopback);
    // The numeric spellings of 127.0.0.1 and its IPv6 forms are the same address.
    for spelling in [format!("http://2130706433:{}/", addr.port()), format!("http://0x7f.1:{}/", addr.port())]
    {
        assert_eq!(refused_class(fetcher.fetch(&spelling).await), Class::Loopback, "{spelling}");
    }
    for v6 in ["[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]"] {
        let url = format!("http://{v6}:{}/article", addr.port());
        assert_eq!(refused_class(fetcher.fetch(&url).await), Class::Loopback, "{url}");
    }
    assert_eq!(hits.load(Ordering::SeqCst), 0, "no request reached the server");
    // The same server, with the address rule lifted.
    let allowed = Fetcher::new(Reach::Any).fetch(&format!("http://{addr}/article")).await.unwrap();
    assert!(allowed.html && allowed.text.contains("Tomás Varga"));
    assert_eq!(hits.load(Ordering::SeqCst), 1);
}

/// Each local class given as an address literal is refused before any connection is tried (a
/// connection to 10.0.0.1 or 169.254.169.254 would hang until the time limit, not fail at once).
#[tokio::test]
async fn every_local_address_class_is_refused_at_once_with_its_name() {
    let fetcher = Fetcher::with_limits(Reach::Public, Duration::from_secs(10), 1 << 20);
    let cases = [
        ("http://10.0.0.1/", "a private network address"),
        ("http://172.16.5.4/", "a private network address"),
        ("https://192.168.0.1/admin", "a private network address"),
        ("http://100.64.0.1/", "carrier-grade NAT"),
        ("http://169.254.169.254/latest/meta-data/", "the cloud metadata service"),
        ("http://169.254.10.1/", "a link-local address"),
        ("http://[fd00:ec2::254]/latest/meta-data/", "the cloud metadata service"),
        ("http://[::ffff:169.254.169.254]/", "the cloud metadata service"),
        ("http://[fd12::1]/", "a private network address"),
        ("http://[::ffff:10.0.0.1]/", "a private network address"),
        ("http://[fe80::1]/", "a link-local address"),
        ("http://224.0.0.1/", "a multicast address"),
        ("http://[ff02::1]/", "a multicast address"),
        ("http://0.0.0.0/", "the unspecified address"),
        ("http://[::]/", "the unspecified address"),
        ("http://255.255.255.255/", "the broadcast address"),
        ("http://192.0.2.10/", "documentation"),
        ("http://[2001:db8::1]/", "documentation"),
        ("http://240.0.0.1/", "reserved"),
    ];
    for (url, says) in cases {
        let started = Instant::now();
        let error = fetcher.fetch(url).await.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains(says) && error.contains("only public addresses"), "{url}: {error}");
        assert!(started.elapsed() < Duration::from_secs(1), "{url} was refused without connecting");
    }
    for (url, says) in [
        ("ftp://example.org/a", "only http and https addresses can be fetched, not ftp:"),
        ("file:///etc/passwd", "not file:"),
        ("javascript:alert(1)", "not javascript:"),
        ("not an address", "is not a web address"),
    ] {
        let error = fetcher.fetch(url).await.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(error.contains(says), "{url}: {error}");
    }
}

/// A host that is allowed redirects into local addresses: each hop is checked as the first was,
/// so the second server (another loopback address, not allowed) is never contacted.
#[tokio::test]
async fn a_redirect_into_a_local_address_is_refused_at_that_hop() {
    use server::fetch::address::Class;
    let (allowed, _) = serve_on("127.0.0.1").await;
    let (inner, inner_hits) = serve_on("127.0.0.2").await;
    let fetcher = Fetcher::new(Reach::PublicAnd(vec![allowed.ip()]));
    let ok = fetcher.fetch(&format!("http://{allowed}/redirect/1")).await.unwrap();
    assert!(ok.final_url.path().ends_with("/article"), "the allowed host itself is fetched");
    let into_loopback = format!("http://{allowed}/to/{}", enc(&format!("http://{inner}/article")));
    assert_eq!(refused_class(fetcher.fetch(&into_loopback).await), Class::Loopback);
    assert_eq!(inner_hits.load(Ordering::SeqCst), 0, "the local server was never contacted");
    for (target, class) in [
        ("http://169.254.169.254/latest/meta-data/", Class::CloudMetadata),
        ("http://10.1.2.3/", Class::Private),
        ("http://[::ffff:192.168.1.1]/", Class::Private),
    ] {
        let url = format!("http://{allowed}/to/{}", enc(target));
        assert_eq!(refused_class(fetcher.fetch(&url).await), class, "{target}");
    }
    let to_file = format!("http://{allowed}/to/{}", enc("file:///etc/passwd"));
    let error = fetcher.fetch(&to_file).await.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(error.contains("not file:"), "{error}");
}

#[tokio::test]
async fn five_redirects_are_followed_and_a_sixth_is_refused() {
    let (addr, _) = serve().await;
    let fetcher = Fetcher::new(Reach::Any);
    let five = fetcher.fetch(&format!("http://{addr}/redirect/4")).await.unwrap();
    assert_eq!(five.final_url.path(), "/article");
    let six = fetcher.fetch(&format!("http://{addr}/redirect/5")).await;
    assert!(matches!(six, Err(FetchError::TooManyRedirects)), "{six:?}");
    assert_eq!(six.err().map(|e| e.to_string()).as_deref(), Some("the page redirected more than 5 times"));
}

#[tokio::test]
async fn a_body_past_the_size_limit_is_refused_while_it_streams() {
    let (addr, _) = serve().await;
    let fetcher = Fetcher::with_limits(Reach::Any, Duration::from_secs(10), 1 << 20);
    let result = fetcher.fetch(&format!("http://{addr}/big")).await;
    assert_eq!(result.err().map(|e| e.to_string()).as_deref(), Some("the page is larger than 1 MB"));
    let roomy = Fetcher::with_limits(Reach::Any, Duration::from_secs(10), 4 << 20);
    assert_eq!(roomy.fetch(&format!("http://{addr}/big")).await.unwrap().text.len(), 2 << 20);
}

#[tokio::test]
async fn a_server_that_stalls_is_abandoned_at_the_time_limit() {
    let (addr, _) = serve().await;
    let fetcher = Fetcher::with_limits(Reach::Any, Duration::from_secs(1), 1 << 20);
    let started = Instant::now();
    let result = fetcher.fetch(&format!("http://{addr}/stall")).await;
    assert_eq!(
        result.err().map(|e| e.to_string()).as_deref(),
        Some("the page took longer than 1 seconds to fetch")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn only_html_and_plain_text_are_read_and_latin1_is_decoded() {
    let (addr, _) = serve().await;
    let fetcher = Fetcher::new(Reach::Any);
    let pdf = fetcher.fetch(&format!("http://{addr}/pdf")).await;
    assert_eq!(
        pdf.err().map(|e| e.to_string()).as_deref(),
        Some("the page is application/pdf, not HTML or plain text")
    );
    let latin1 = fetcher.fetch(&format!("http://{addr}/latin1")).await.unwrap();
    assert!(latin1.text.contains("Café prices"), "{}", latin1.text);
    let gone = fetcher.fetch(&format!("http://{addr}/missing")).await;
    assert_eq!(gone.err().map(|e| e.to_string()).as_deref(), Some("the server answered 404"));
    // A port nothing listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap();
    let unreachable = fetcher.fetch(&format!("http://{closed}/")).await.err().map(|e| e.to_string());
    assert!(unreachable.unwrap_or_default().contains("could not be reached"));
}

/// Parsing 200,000 nested elements would take minutes and then overflow the stack, aborting the
/// server: the page is refused before it is parsed.
#[tokio::test]
async fn a_page_nested_too_deeply_is_refused_before_it_is_parsed() {
    let (addr, _) = serve().await;
    let started = Instant::now();
    let deep = Fetcher::new(Reach::Any).fetch_article(&format!("http://{addr}/deep")).await;
    assert_eq!(
        deep.err().map(|e| e.to_string()).as_deref(),
        Some("the page's elements nest more than 512 deep; it cannot be read safely")
    );
    assert!(started.elapsed() < Duration::from_secs(5));
}

#[tokio::test]
async fn import_by_address_fills_the_review_from_the_page() {
    let (addr, _) = serve().await;
    let mut app = TestApp::with_demo().await;
    app.fetch_reach = Reach::Any;
    let editor = app.sign_in("maria", Role::Editor).await;
    let url = format!("http://{addr}/article?utm_source=feed");
    let body = format!("step=review&url={}&title=&outlet=&published_on=&text=", enc(&url));
    let review = app.post_as("/import", &body, &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_contains("Review the claims found");
    review.assert_contains(&format!("Fetched from http://{addr}/article?utm_source=feed"));
    // The metadata, JSON-LD first; the canonical address instead of the one typed.
    review.assert_contains(r#"value="Port strike talks stall as union rejects offer""#);
    review.assert_contains(r#"value="Harbour Gazette""#);
    review.assert_contains(r#"value="Ana Ribeiro""#);
    review.assert_contains(r#"value="2024-05-14""#);
    review.assert_contains(&format!(r#"value="http://{addr}/news/port-strike-talks-stall""#));
    // The quotes found in the main text, and none of the page's furniture.
    review.assert_contains("We will not sign a deal that cuts real wages for the third year running");
    review.assert_contains(r#"value="Tomás Varga""#);
    for furniture in [
        "Share on Facebook",
        "Related articles",
        "Ferry fares",
        "Sign in to your account",
        "Subscribe to our newsletter",
    ] {
        review.assert_lacks(furniture);
    }
    review.assert_needs_no_javascript();
    // The add step is told where the text came from: its version records the address.
    review.assert_contains(&format!(r#"name="fetched" value="http://{addr}/article?utm_source=feed""#));
    let source = app::model::forms::source::SourceForm {
        url: format!("http://{addr}/news/port-strike-talks-stall"),
        title: "Port strike talks stall".into(),
        outlet: "Harbour Gazette".into(),
        published_on: "2024-05-14".into(),
        body: "The text as fetched.".into(),
        ..Default::default()
    }
    .parse(chrono::Utc::now().date_naive())
    .unwrap();
    let editor_id: i64 = sqlx::query_scalar(&app.sql("SELECT id FROM users WHERE username = 'maria'"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    app::ssr::editing::import::accept(&app.db, editor_id, &source, &[], false, Some(&url)).await.unwrap();
    let (origin, from): (String, String) = sqlx::query_as(
        &app.sql("SELECT origin, fetched_from FROM source_snapshots ORDER BY id DESC LIMIT 1"),
    )
    .fetch_one(&app.pool)
    .await
    .unwrap();
    assert_eq!((origin.as_str(), from.as_str()), ("fetched", url.as_str()));

    // What the editor typed wins over the page.
    let typed = format!(
        "step=review&fetch=1&url={}&title={}&outlet=&published_on=2024-05-15&text=old",
        enc(&url),
        enc("My headline")
    );
    let review = app.post_as("/import", &typed, &editor).await;
    assert_eq!(review.status, StatusCode::OK, "{}", review.body);
    review.assert_contains(r#"value="My headline""#);
    review.assert_contains(r#"value="2024-05-15""#);
    review.assert_contains("third year running");
}

#[tokio::test]
async fn a_refused_address_comes_back_beside_the_field_with_everything_typed_kept() {
    let (addr, hits) = serve().await;
    let app = TestApp::with_demo().await; // the default rule: public addresses only
    let editor = app.sign_in("maria", Role::Editor).await;
    let body = format!(
        "step=review&url={}&title={}&outlet=Gazette&published_on=2024-05-14&text=",
        enc(&format!("http://{addr}/article")),
        enc("Typed headline")
    );
    let refused = app.post_as("/import", &body, &editor).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    refused.assert_contains(
        "The host 127.0.0.1 is a loopback address (this machine); claimtrack fetches only public addresses.",
    );
    refused.assert_contains(r#"id="field-url-error""#);
    refused.assert_contains(r#"value="Typed headline""#);
    refused.assert_contains(r#"value="Gazette""#);
    assert_eq!(hits.load(Ordering::SeqCst), 0);

    let mut open = TestApp::with_demo().await;
    open.fetch_reach = Reach::Any;
    let editor = open.sign_in("maria", Role::Editor).await;
    let pdf = format!("step=review&url={}&text=", enc(&format!("http://{addr}/pdf")));
    let refused = open.post_as("/import", &pdf, &editor).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.body);
    refused.assert_contains("The page is application/pdf, not HTML or plain text.");
}

#[tokio::test]
async fn extract_fetch_prints_the_claims_and_the_source_as_json() {
    let (addr, _) = serve().await;
    let dir = tempfile::tempdir().unwrap();
    let url = format!("http://{addr}/article");
    // The binary is run on a blocking thread: this test's runtime serves the page meanwhile.
    let out = tokio::task::spawn_blocking({
        let (path, url) = (dir.path().to_owned(), url.clone());
        move || {
            let args = ["extract", "--fetch", &url, "--format", "json", "--allow-private-addresses"];
            crate::support::claimtrack(&path, &args, None)
        }
    })
    .await
    .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let source = &json["source"];
    assert_eq!(source["title"], "Port strike talks stall as union rejects offer");
    assert_eq!(source["url"], format!("http://{addr}/news/port-strike-talks-stall"));
    assert_eq!(source["published_on"], "2024-05-14");
    assert_eq!(source["outlet"], "Harbour Gazette");
    assert_eq!(source["author"], "Ana Ribeiro");
    let base = url::Url::parse(&url).unwrap();
    let text = app::model::import::normalise_article(&server::fetch::article::read_html(ARTICLE, &base).text);
    use sha2::Digest;
    let sha: String = sha2::Sha256::digest(text.as_bytes()).iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(source["text_sha256"], sha);
    let claims = json["claims"].as_array().unwrap();
    assert!(claims.iter().any(|c| c["speaker"] == "Tomás Varga"), "{json}");

    let refused = tokio::task::spawn_blocking({
        let path = dir.path().to_owned();
        move || crate::support::claimtrack(&path, &["extract", "--fetch", &url], None)
    })
    .await
    .unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(stderr.contains("a loopback address") && stderr.contains("only public addresses"), "{stderr}");
}

/// `claimtrack recheck` fetches a fetched source's address again: an unchanged page is reported
/// as such; a changed one is kept as a new version (origin "fetched"), its claims found again or
/// reported lost; a refused address is reported and the command fails.
#[tokio::test]
async fn recheck_keeps_a_changed_page_as_a_version_and_reports_what_moved_and_what_was_lost() {
    let changed = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let page = {
        let changed = changed.clone();
        move || {
            let changed = changed.load(Ordering::SeqCst);
            async move {
                // The changed page: a new first paragraph, and Varga's quote gone.
                let html = if changed {
                    ARTICLE
                        .replace("<p>Talks to end", "<p>Updated: talks resumed on Tuesday.</p><p>Talks to end")
                        .replace("“We will not sign a deal that cuts real wages for the third year running,” said union leader Tomás Varga, speaking outside the harbour offices after six hours of talks.", "The union did not comment.")
                } else {
                    ARTICLE.to_owned()
                };
                ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html)
            }
        }
    };
    let app = axum::Router::new().route("/story", get(page));
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", 0)).await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("recheck.db").display().to_string();
    let url = format!("http://{addr}/story");
    let run = |args: Vec<String>| {
        let path = dir.path().to_owned();
        tokio::task::spawn_blocking(move || {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            crate::support::claimtrack(&path, &args, None)
        })
    };
    let args = |rest: &[&str]| -> Vec<String> {
        ["--db", db.as_str()].iter().chain(rest).map(|s| s.to_string()).collect()
    };

    let imported = run(args(&["import", "--fetch", &url, "--allow-private-addresses"])).await.unwrap();
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let same = run(args(&["recheck", "--allow-private-addresses"])).await.unwrap();
    let out = String::from_utf8_lossy(&same.stdout).to_string();
    assert!(same.status.success() && out.contains(&format!("{url}: unchanged")), "{out}");

    changed.store(true, Ordering::SeqCst);
    let again = run(args(&["recheck", "--allow-private-addresses"])).await.unwrap();
    let out = String::from_utf8_lossy(&again.stdout).to_string();
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(out.contains("changed; new version kept — ") && out.contains(" no longer in the text"), "{out}");
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{db}")).await.unwrap();
    let versions: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT n, origin, fetched_from FROM source_snapshots ORDER BY n")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(
        versions.iter().map(|v| (v.0, v.1.as_str())).collect::<Vec<_>>(),
        [(1, "fetched"), (2, "fetched")]
    );
    assert!(versions.iter().all(|v| v.2 == url));
    let lost: Vec<String> =
        sqlx::query_scalar("SELECT lost_words FROM appearances WHERE lost_at IS NOT NULL")
            .fetch_all(&pool)
            .await
            .unwrap();
    // The quote, and any figure whose sentence was the removed one: nothing else.
    let removed =
        "“We will not sign a deal that cuts real wages for the third year running,” said union leader \
                   Tomás Varga, speaking outside the harbour offices after six hours of talks.";
    assert!(
        lost.iter().any(|w| w == "We will not sign a deal that cuts real wages for the third year running"),
        "{lost:?}"
    );
    assert!(lost.iter().all(|w| removed.contains(w.as_str())), "{lost:?}");
    assert!(out.contains(&format!(", {} no longer in the text", lost.len())), "{out}");
    let placed: i64 = sqlx::query_scalar("SELECT count(*) FROM appearances WHERE start_byte IS NOT NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    let body: String = sqlx::query_scalar("SELECT body FROM sources").fetch_one(&pool).await.unwrap();
    assert!(placed >= 1 && body.starts_with("Port strike talks stall"), "the others keep their places");
    pool.close().await;

    let refused = run(args(&["recheck"])).await.unwrap();
    assert!(!refused.status.success());
    let out = String::from_utf8_lossy(&refused.stdout).to_string();
    assert!(out.contains("a loopback address"), "{out}");
}
