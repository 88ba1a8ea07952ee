//! Security headers, limits, readiness, and a corpus of hostile requests: always a 4xx (or a
//! page rendered inert), never a 5xx.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::{form, TestApp};
use app::model::Role;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use tower::ServiceExt;

#[tokio::test]
async fn readers_pages_carry_a_strict_csp_and_no_inline_script_at_all() {
    let app = TestApp::with_demo().await;
    let page = app.get("/").await;
    let csp = page.headers["content-security-policy"].to_str().unwrap().to_owned();
    assert!(
        csp.contains("script-src 'self';") && !csp.contains("nonce") && !csp.contains("unsafe-inline"),
        "{csp}"
    );
    for (i, _) in page.body.match_indices("<script") {
        let tag = &page.body[i..i + page.body[i..].find('>').unwrap()];
        assert!(
            tag.contains("application/ld+json") || tag.contains(" src="),
            "inline script on a reader's page: {tag}"
        );
    }
    assert!(page.headers.contains_key("etag"), "{:?}", page.headers);
}

#[tokio::test]
async fn editors_pages_carry_a_strict_csp_whose_nonce_matches_their_inline_scripts() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let page = app.get_as("/", &editor).await;
    let csp = page.headers["content-security-policy"].to_str().unwrap().to_owned();
    for directive in [
        "default-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
        "form-action 'self'",
    ] {
        assert!(csp.contains(directive), "{directive} missing from {csp}");
    }
    let nonce = csp.split("'nonce-").nth(1).unwrap().split('\'').next().unwrap();
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    for (i, _) in page.body.match_indices("<script") {
        let tag = &page.body[i..i + page.body[i..].find('>').unwrap()];
        if !tag.contains("application/ld+json") {
            assert!(
                tag.contains(&format!("nonce=\"{nonce}\"")),
                "script without this response's nonce: {tag}"
            );
        }
    }
    assert_eq!(page.headers["x-content-type-options"], "nosniff");
    assert_eq!(page.headers["referrer-policy"], "strict-origin-when-cross-origin");
    assert_eq!(page.headers["strict-transport-security"], "max-age=31536000; includeSubDomains");
    assert_eq!(page.headers["x-frame-options"], "DENY");
    // Nonces are per response.
    let again =
        app.get_as("/", &editor).await.headers["content-security-policy"].to_str().unwrap().to_owned();
    assert_ne!(again, csp);
    // Not a page: nothing may run.
    let api = app.get("/api/v1/claims").await;
    assert!(api.headers["content-security-policy"].to_str().unwrap().starts_with("default-src 'none'"));
}

#[tokio::test]
async fn readiness_reports_the_database_and_schema() {
    let app = TestApp::empty().await;
    let ready = app.get("/readyz").await;
    assert_eq!((ready.status, ready.body.as_str()), (StatusCode::OK, "ready\n"));
    sqlx::query("DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)")
        .execute(&app.pool)
        .await
        .unwrap();
    let not = app.get("/readyz").await;
    assert_eq!(not.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(not.body.contains("migrations applied"), "{}", not.body);
}

#[tokio::test]
async fn past_the_cap_requests_get_503_with_retry_after() {
    let app = TestApp::empty().await;
    let full = server::http::router_with_cap(app.state.clone(), 0);
    let response = full.oneshot(Request::get("/").body(Body::empty()).unwrap()).await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(response.headers()["retry-after"], "1");
}

#[tokio::test]
async fn oversized_bodies_are_refused_with_413() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let huge = "x".repeat(server::http::limits::MAX_BODY_BYTES + 1);
    let page = app.post_as("/sources/new", &format!("body={huge}"), &editor).await;
    assert_eq!(page.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn hostile_requests_get_4xx_or_inert_pages_never_5xx() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let claim = app.claim_id("a model of cooperation").await;
    let long = "A".repeat(20_000);
    let gets = [
        "/style/../../../../etc/passwd".to_owned(),
        "/style/..%2f..%2fetc%2fpasswd".to_owned(),
        "/assets/%2e%2e/Cargo.toml".to_owned(),
        "/claims/..%2f..%2fetc%2fpasswd".to_owned(),
        "/?q=%ff%fe%fd".to_owned(),
        "/?q=%00%00".to_owned(),
        "/?status=%00".to_owned(),
        "/?q=%E2%80%AE%E2%80%AEtrade".to_owned(),
        format!("/?q={long}"),
        format!("/claims/{long}"),
        format!("/speakers/{long}"),
        "/?q=' OR 1=1; --".replace(' ', "%20"),
        "/?kind=quote&kind=numeric&status=true&status=true&after=&before=".to_owned(),
        "/?%zz=1&&&=&q".to_owned(),
        "/api/v1/claims?q=%ff".to_owned(),
        "/api/v1/claims?after=2022-02-30.zzzzzzzz".to_owned(),
        "/api/v1/claims/%00".to_owned(),
        "/api/v1/speakers/..%2f".to_owned(),
        "/feed.atom?status=%3Cscript%3E".to_owned(),
        format!("/claims/{claim}/embed?x=%3Cscript%3E"),
        "/login?next=javascript:alert(1)".to_owned(),
    ];
    for path in &gets {
        let page = app.get(path).await;
        assert!(!page.status.is_server_error(), "{path}: {}", page.status);
        page.assert_lacks("<script>alert");
    }
    let posts: Vec<(&str, String, &str)> = vec![
        ("/login", "username=%ff%fe&password=%00".into(), "application/x-www-form-urlencoded"),
        ("/login", "{\"username\":\"admin\"}".into(), "application/json"),
        ("/login", "username=a&password=b".into(), "text/plain"),
        ("/login", format!("username={long}&password={long}"), "application/x-www-form-urlencoded"),
        (
            "/claims/new",
            "kind=quote&text=%00%00&speaker=%ff&said_on=%00".into(),
            "application/x-www-form-urlencoded",
        ),
        ("/claims/new", "kind[]=x&text=&&&==".into(), "application/x-www-form-urlencoded"),
        (
            "/sources/new",
            format!("url=https://e.org/{long}&title={long}&outlet=x"),
            "application/x-www-form-urlencoded",
        ),
        (
            "/speakers/new",
            "name=%3Cscript%3E&kind=person&slug=..%2F..".into(),
            "application/x-www-form-urlencoded",
        ),
        (
            &*Box::leak(format!("/claims/{claim}/status").into_boxed_str()),
            "seen=abc&status=true&verdict=%00".into(),
            "application/x-www-form-urlencoded",
        ),
        (
            &*Box::leak(format!("/claims/{claim}/edit").into_boxed_str()),
            "version=-1&kind=numeric&quantity_value=1e999".into(),
            "application/x-www-form-urlencoded",
        ),
        ("/api/claims/list", "not json".into(), "application/json"),
    ];
    for (path, body, content_type) in posts {
        let mut request = form(path, &format!("csrf={}&{body}", editor.csrf), Some(&editor.cookie));
        request.headers_mut().insert("content-type", content_type.parse().unwrap());
        let page = app.request(request).await;
        assert!(
            page.status.is_client_error() || page.status.is_redirection(),
            "{path} ({content_type}): {}",
            page.status
        );
        page.assert_lacks("<script>alert");
    }
    // Nothing unsafe was stored along the way.
    let bad: i64 = sqlx::query_scalar("SELECT count(*) FROM claims WHERE instr(text, char(0)) > 0")
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(bad, 0);
}
