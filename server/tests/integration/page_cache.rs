//! Readers' pages served from memory: the same bytes with an ETag and a Last-Modified, 304 for a
//! browser that has them, and a fresh page as soon as anything changes — through a form, or by
//! another process writing to the database.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{Editor, Page, TestApp};
use app::model::Role;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use http_body_util::BodyExt;
use tower::ServiceExt;

async fn send(router: &Router, request: Request<Body>) -> Page {
    let response = router.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
}

async fn get(router: &Router, path: &str, headers: &[(&str, &str)]) -> Page {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(router, request.body(Body::empty()).unwrap()).await
}

async fn post(router: &Router, path: &str, body: &str, editor: &Editor) -> Page {
    let body = format!("csrf={}&{body}", editor.csrf);
    send(router, crate::support::form(path, &body, Some(&editor.cookie))).await
}

#[tokio::test]
async fn a_readers_page_is_served_again_with_its_etag_and_a_304_when_unchanged() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let first = get(&router, "/", &[]).await;
    assert_eq!(first.status, StatusCode::OK);
    let etag = first.headers["etag"].to_str().unwrap().to_owned();
    assert!(first.headers.contains_key("last-modified"));
    assert_eq!(first.headers["cache-control"], "no-cache");
    let second = get(&router, "/", &[]).await;
    assert_eq!((second.body == first.body, second.headers["etag"].to_str().unwrap()), (true, etag.as_str()));

    let not_modified = get(&router, "/", &[("if-none-match", &etag)]).await;
    assert_eq!(not_modified.status, StatusCode::NOT_MODIFIED);
    assert!(not_modified.body.is_empty());
    let since = first.headers["last-modified"].to_str().unwrap().to_owned();
    assert_eq!(get(&router, "/", &[("if-modified-since", &since)]).await.status, StatusCode::NOT_MODIFIED);
    assert_eq!(get(&router, "/", &[("if-none-match", "\"other\"")]).await.status, StatusCode::OK);
    // A different address is a different page.
    let filtered = get(&router, "/?status=true", &[]).await;
    assert_ne!(filtered.headers["etag"], first.headers["etag"]);
}

#[tokio::test]
async fn a_change_through_a_form_shows_at_once_and_editors_never_get_the_readers_copy() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let id = app.claim_id("We aim to strengthen").await;
    let path = format!("/claims/{id}");
    let before = get(&router, &path, &[]).await;
    before.assert_lacks("Refuted by the cache test");

    let editor = app.sign_in("maria", Role::Editor).await;
    let signer = app.sign_in("li", Role::Editor).await;
    let as_editor = get(&router, &path, &[("cookie", &editor.cookie)]).await;
    as_editor.assert_contains("Editor tools");
    assert!(!as_editor.headers.contains_key("etag"));
    let taken = post(&router, &format!("{path}/desk/assign"), "seen=&assignee=maria", &editor).await;
    assert_eq!(taken.status, StatusCode::SEE_OTHER, "{}", taken.body);
    let form = get(&router, &format!("{path}/ruling"), &[("cookie", &editor.cookie)]).await;
    let basis =
        form.body.split(r#"name="basis" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
    let note = "note=The+transcript+differs";
    let body =
        format!("basis={basis}&rating=false&attribution=altered&verdict=Refuted+by+the+cache+test&{note}");
    let proposed = post(&router, &format!("{path}/ruling"), &body, &editor).await;
    assert_eq!(proposed.status, StatusCode::SEE_OTHER, "{}", proposed.body);
    // Proposed, not published: readers' copy is unchanged.
    get(&router, &path, &[]).await.assert_lacks("Refuted by the cache test");
    let ruling: i64 =
        sqlx::query_scalar(&app.sql("SELECT max(id) FROM rulings")).fetch_one(&app.pool).await.unwrap();
    let done =
        post(&router, &format!("{path}/desk/review"), &format!("ruling={ruling}&decision=approve"), &signer)
            .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);

    let after = get(&router, &path, &[]).await;
    after.assert_contains("Refuted by the cache test");
    after.assert_lacks("Editor tools");
    assert_ne!(after.headers["etag"], before.headers["etag"]);
}

#[tokio::test]
async fn a_write_by_another_process_shows_within_a_moment() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let before = get(&router, "/speakers/xi-jinping", &[]).await;
    before.assert_lacks("Renamed elsewhere");
    // As `claimtrack import` or the sqlite3 shell would: straight to the database file.
    sqlx::query(&app.sql("UPDATE speakers SET description = 'Renamed elsewhere' WHERE slug = 'xi-jinping'"))
        .execute(&app.pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    get(&router, "/speakers/xi-jinping", &[]).await.assert_contains("Renamed elsewhere");
}

#[tokio::test]
async fn without_the_cache_every_request_is_rendered() {
    let app = TestApp::with_demo().await;
    let router = server::http::router_with(
        app.state.clone(),
        server::http::Options { page_cache: false, ..Default::default() },
    );
    let page = get(&router, "/", &[]).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.headers.contains_key("etag"));
    assert!(page.headers["content-security-policy"].to_str().unwrap().contains("'nonce-"));
}

#[tokio::test]
async fn the_api_and_feeds_are_kept_with_their_own_headers() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let first = get(&router, "/api/v1/claims", &[]).await;
    let second = get(&router, "/api/v1/claims", &[]).await;
    assert_eq!(second.body, first.body);
    assert_eq!(second.headers["etag"], first.headers["etag"]);
    assert_eq!(second.headers["access-control-allow-origin"], "*");
    assert_eq!(second.headers["cache-control"], "public, max-age=0, must-revalidate");
    assert!(second.headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
    let etag = first.headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(
        get(&router, "/api/v1/claims", &[("if-none-match", &etag)]).await.status,
        StatusCode::NOT_MODIFIED
    );
    let feed = get(&router, "/feed.atom", &[]).await;
    assert_eq!(get(&router, "/feed.atom", &[]).await.body, feed.body);
    assert!(feed.headers["content-type"].to_str().unwrap().starts_with("application/atom+xml"));
    // A problem document is never kept.
    assert_eq!(get(&router, "/api/v1/claims?status=bogus", &[]).await.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_head_request_never_leaves_an_empty_page_behind() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let head = send(&router, Request::head("/").body(Body::empty()).unwrap()).await;
    assert_eq!(head.status, StatusCode::OK);
    let page = get(&router, "/", &[]).await;
    page.assert_contains("claimtrack");
    assert!(page.body.len() > 1000, "{}", page.body.len());
    let head_again = send(&router, Request::head("/").body(Body::empty()).unwrap()).await;
    assert!(head_again.body.is_empty());
    assert_eq!(head_again.headers["etag"], page.headers["etag"]);
}

/// Whether a response came from the cache: kept pages are served with a policy that allows no
/// inline script at all, while a fresh render's policy names its nonce.
fn from_cache(page: &Page) -> bool {
    let csp = page.headers["content-security-policy"].to_str().unwrap();
    !csp.contains("'nonce-")
}

#[tokio::test]
async fn requests_that_write_nothing_do_not_empty_the_cache_and_only_a_valid_session_bypasses_it() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let first = get(&router, "/", &[]).await;
    let last_modified = first.headers["last-modified"].clone();
    // Last-Modified has one-second resolution: a page rendered again after this would differ.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    let anonymous = [
        Request::post("/nowhere").body(Body::from("x=1")).unwrap(),
        Request::delete("/").body(Body::empty()).unwrap(),
        Request::put("/claims/k3m9x2qa").body(Body::empty()).unwrap(),
        crate::support::form("/login", "username=admin&password=wrong+password", None),
        crate::support::form("/desk", "action=publish", None),
    ];
    for request in anonymous {
        let page = send(&router, request).await;
        assert!(page.status.is_client_error() || page.status.is_redirection(), "{}", page.status);
    }
    let bogus = "__Host-claimtrack_session=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    for headers in [&[][..], &[("cookie", bogus)][..]] {
        let again = get(&router, "/", headers).await;
        assert!(from_cache(&again), "{headers:?}");
        assert_eq!(again.headers["last-modified"], last_modified, "{headers:?}: served from the cache");
        assert_eq!(again.body, first.body);
    }
    let editor = app.sign_in("maria", Role::Editor).await;
    assert!(
        !from_cache(&get(&router, "/", &[("cookie", &editor.cookie)]).await),
        "an editor's page is fresh"
    );
}

#[tokio::test]
async fn equal_queries_share_one_entry_and_a_page_shows_only_what_its_key_says() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let canonical = get(&router, "/?q=trade&status=false", &[]).await;
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    for variant in [
        "/?status=false&q=trade",
        "/?status=false&q=+trade+&kind=&utm_source=x",
        "/?status=false&status=false&q=trade",
    ] {
        let page = get(&router, variant, &[]).await;
        assert_eq!(page.headers["last-modified"], canonical.headers["last-modified"], "{variant}");
        assert_eq!(page.body, canonical.body, "{variant}");
    }
    // A page that reads no query is kept and rendered without it: nothing a visitor puts in the
    // address reaches the copy other readers get.
    let id = app.claim_id("We aim to strengthen").await;
    let poisoned = get(&router, &format!("/claims/{id}?q=Visit+evil.example+now"), &[]).await;
    poisoned.assert_lacks("evil.example");
    get(&router, &format!("/claims/{id}"), &[]).await.assert_lacks("evil.example");
}

#[tokio::test]
async fn head_answers_say_the_length_get_sends() {
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    for accept in ["identity", "gzip", "br"] {
        let head =
            send(&router, Request::head("/").header("accept-encoding", accept).body(Body::empty()).unwrap())
                .await;
        let response = router
            .clone()
            .oneshot(Request::get("/").header("accept-encoding", accept).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let sent = response.into_body().collect().await.unwrap().to_bytes().len();
        assert!(sent > 1000);
        assert!(head.body.is_empty());
        assert_eq!(head.headers["content-length"], sent.to_string(), "{accept}");
    }
}

#[tokio::test]
async fn compressed_copies_are_kept_with_the_page_and_decompress_to_it() {
    use std::io::Read;
    let app = TestApp::with_demo().await;
    let router = server::http::router(app.state.clone());
    let plain = get(&router, "/", &[]).await;
    let raw = |encoding: &'static str| {
        let router = router.clone();
        async move {
            let response = router
                .oneshot(Request::get("/").header("accept-encoding", encoding).body(Body::empty()).unwrap())
                .await
                .unwrap();
            let headers = response.headers().clone();
            (headers, response.into_body().collect().await.unwrap().to_bytes())
        }
    };
    let (gzip_headers, gzip) = raw("gzip").await;
    assert_eq!(gzip_headers["content-encoding"], "gzip");
    assert_eq!(gzip_headers["vary"], "accept-encoding");
    let mut text = String::new();
    flate2::read::GzDecoder::new(&gzip[..]).read_to_string(&mut text).unwrap();
    assert_eq!(text, plain.body);
    let (br_headers, br) = raw("gzip, deflate, br").await;
    assert_eq!(br_headers["content-encoding"], "br");
    assert_ne!(br_headers["etag"], plain.headers["etag"], "each encoding has its own tag");
    let mut bytes = Vec::new();
    brotli::BrotliDecompress(&mut &br[..], &mut bytes).unwrap();
    assert_eq!(String::from_utf8(bytes).unwrap(), plain.body);
    // The same kept bytes are sent again, and any of the page's tags gets a 304.
    assert_eq!(raw("br").await.1, br);
    let tag = br_headers["etag"].to_str().unwrap().to_owned();
    assert_eq!(get(&router, "/", &[("if-none-match", &tag)]).await.status, StatusCode::NOT_MODIFIED);
}
