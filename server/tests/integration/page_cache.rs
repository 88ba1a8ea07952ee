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
    let ruling: i64 = sqlx::query_scalar("SELECT max(id) FROM rulings").fetch_one(&app.pool).await.unwrap();
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
    sqlx::query("UPDATE speakers SET description = 'Renamed elsewhere' WHERE slug = 'xi-jinping'")
        .execute(&app.pool)
        .await
        .unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(400)).await;
    get(&router, "/speakers/xi-jinping", &[]).await.assert_contains("Renamed elsewhere");
}

#[tokio::test]
async fn without_the_cache_every_request_is_rendered() {
    let app = TestApp::with_demo().await;
    let router = server::http::router_with_options(app.state.clone(), 16, false);
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
