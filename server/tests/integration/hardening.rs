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
    sqlx::query(
        &app.sql("DELETE FROM _sqlx_migrations WHERE version = (SELECT max(version) FROM _sqlx_migrations)"),
    )
    .execute(&app.pool)
    .await
    .unwrap();
    let not = app.get("/readyz").await;
    assert_eq!(not.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(not.body.contains("migrations applied"), "{}", not.body);
}

#[tokio::test]
async fn readiness_checks_that_the_database_takes_a_write_and_is_still_the_file_at_its_path() {
    let app = TestApp::empty().await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    // Another process holds the write lock (a long import): writes would wait.
    // A file and SQLite's write lock; PostgreSQL's readiness is its own test (`pg_parity_tests`).
    let Some(file) = app.db.file() else { return };
    let other = app::ssr::db::pool::connect(&file).await.unwrap();
    let mut holder = other.begin_with("BEGIN IMMEDIATE").await.unwrap();
    sqlx::query("UPDATE content_version SET version = version").execute(&mut *holder).await.unwrap();
    let busy = app.get("/readyz").await;
    assert_eq!(busy.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(busy.body.contains("did not accept a write"), "{}", busy.body);
    holder.rollback().await.unwrap();
    other.close().await;
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
    // The file at the path is no longer the one open: writes would be lost at exit.
    let moved = file.with_extension("moved");
    std::fs::rename(&file, &moved).unwrap();
    std::fs::write(&file, b"").unwrap();
    let replaced = app.get("/readyz").await;
    assert_eq!(replaced.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(replaced.body.contains("was replaced"), "{}", replaced.body);
    std::fs::remove_file(&file).unwrap();
    let deleted = app.get("/readyz").await;
    assert!(deleted.body.contains("was deleted"), "{}", deleted.body);
    std::fs::rename(&moved, &file).unwrap();
    assert_eq!(app.get("/readyz").await.status, StatusCode::OK);
}

#[tokio::test]
async fn server_functions_answer_with_the_errors_own_status() {
    let app = TestApp::with_demo().await;
    let json = |path: &str, body: &str, cookie: Option<&str>| {
        let mut request = Request::post(path)
            .header("content-type", "application/json")
            .header("accept", "application/json")
            .body(Body::from(body.to_owned()))
            .unwrap();
        if let Some(cookie) = cookie {
            request.headers_mut().insert("cookie", cookie.parse().unwrap());
        }
        request
    };
    let anonymous = app.request(json("/api/claims/for_edit", r#"{"id":"k3m9x2qa"}"#, None)).await;
    assert_eq!(anonymous.status, StatusCode::UNAUTHORIZED, "{}", anonymous.body);
    let editor = app.sign_in("maria", Role::Editor).await;
    let not_admin = app.request(json("/api/accounts/list", "{}", Some(&editor.cookie))).await;
    assert_eq!(not_admin.status, StatusCode::FORBIDDEN, "{}", not_admin.body);
    let malformed = app.request(json("/api/claims/list", "not json", None)).await;
    assert_eq!(malformed.status, StatusCode::BAD_REQUEST, "{}", malformed.body);
    let missing = app.request(json("/api/claims/get", r#"{"id":"zzzzzzzz"}"#, None)).await;
    assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", missing.body);
    let fine = app.request(json("/api/corrections", "{}", None)).await;
    assert_eq!(fine.status, StatusCode::OK, "{}", fine.body);
}

#[tokio::test]
async fn values_no_real_claim_has_are_refused_beside_their_fields() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    for (field, value, message) in [
        ("said_on", "-262143-01-01", "use a date from 1800-01-01 to tomorrow"),
        ("said_on", "0000-01-01", "use a date from 1800-01-01 to tomorrow"),
        ("quantity_value", "1e-300", "uses exponent notation"),
        ("quantity_value", "1e20", "uses exponent notation"),
        ("quantity_value", "2,000 trillion", "is out of range"),
        ("quantity_value", "0.0000001", "is out of range"),
        ("add_sources", "https://example.org/\u{202E}gpj.exe", "invisible direction-changing characters"),
    ] {
        let value = value.to_owned();
        let mut fields = vec![
            ("kind", "numeric".to_owned()),
            ("text", "Unemployment fell to 3 percent".to_owned()),
            ("speaker", "Someone".to_owned()),
            ("said_on", "2024-01-02".to_owned()),
            ("quantity_value", "3".to_owned()),
            ("quantity_unit", "percent".to_owned()),
        ];
        fields.retain(|(name, _)| *name != field);
        fields.push((field, value.clone()));
        let body: Vec<String> =
            fields.iter().map(|(k, v)| format!("{k}={}", crate::support::enc(v))).collect();
        let page = app.post_as("/claims/new", &body.join("&"), &editor).await;
        assert_eq!(page.status, StatusCode::UNPROCESSABLE_ENTITY, "{field}={value}");
        page.assert_contains(message);
    }
}

#[tokio::test]
async fn reserved_words_never_become_speaker_addresses_and_direction_controls_are_removed() {
    let app = TestApp::with_demo().await;
    let editor = app.sign_in("maria", Role::Editor).await;
    let reserved = app.post_as("/speakers/new", "name=New&slug=new&kind=person", &editor).await;
    assert_eq!(reserved.status, StatusCode::UNPROCESSABLE_ENTITY);
    reserved.assert_contains("is a word the site uses for its own pages");
    let made = app.post_as("/speakers/new", "name=New&slug=&kind=person", &editor).await;
    assert_eq!(made.status, StatusCode::SEE_OTHER, "{}", made.body);
    assert_eq!(made.headers["location"], "/speakers/new-speaker");
    let spoofed = format!("name={}&kind=person", crate::support::enc("Jane \u{202E}eoD\u{202C}"));
    let page = app.post_as("/speakers/new", &spoofed, &editor).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    let name: String = sqlx::query_scalar(&app.sql("SELECT name FROM speakers WHERE slug = 'jane-eod'"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(name, "Jane eoD");
}

#[tokio::test]
async fn past_the_cap_requests_get_503_with_retry_after() {
    let app = TestApp::empty().await;
    let full = server::http::router_with(
        app.state.clone(),
        server::http::Options { max_in_flight: 0, ..Default::default() },
    );
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
    // Nothing unsafe was stored along the way (PostgreSQL's text cannot hold a NUL at all).
    if !app.db.is_postgres() {
        let bad: i64 = sqlx::query_scalar("SELECT count(*) FROM claims WHERE instr(text, char(0)) > 0")
            .fetch_one(&app.pool)
            .await
            .unwrap();
        assert_eq!(bad, 0);
    }
}
