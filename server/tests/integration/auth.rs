//! Signing in and out, sessions, CSRF and cross-site refusal, throttling, over HTTP.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::TestApp;
use app::model::Role;
use app::ssr::accounts;
use axum::body::Body;
use axum::http::{Request, StatusCode};

const PASSWORD: &str = "a long enough passphrase";

async fn app_with_editor() -> TestApp {
    let app = TestApp::with_demo().await;
    accounts::add(&app.pool, "maria", "Maria Lopez", Role::Editor, PASSWORD).await.unwrap();
    app
}

fn form_post(path: &str, body: &str) -> Request<Body> {
    Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(Body::from(body.to_owned()))
        .unwrap()
}

fn session_cookie(page: &crate::support::Page) -> Option<String> {
    let cookie = page.headers.get("set-cookie")?.to_str().ok()?;
    let value = cookie.strip_prefix("claimtrack_session=")?.split(';').next()?;
    (!value.is_empty()).then(|| format!("claimtrack_session={value}"))
}

#[tokio::test]
async fn signing_in_sets_a_safe_session_cookie_and_redirects() {
    let app = app_with_editor().await;
    let page = app
        .request(form_post(
            "/login",
            &format!("username=maria&password={PASSWORD}&next=/speakers/xi-jinping"),
        ))
        .await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    assert_eq!(page.headers["location"], "/speakers/xi-jinping");
    let set_cookie = page.headers["set-cookie"].to_str().unwrap();
    for part in ["claimtrack_session=", "HttpOnly", "SameSite=Lax", "Path=/", "Secure"] {
        assert!(set_cookie.contains(part), "{part} missing from {set_cookie}");
    }
    let cookie = session_cookie(&page).unwrap();
    let home = app.request(Request::get("/").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
    home.assert_contains(r#"<span class="signed-in">Maria Lopez</span>"#);
    home.assert_lacks(r#"href="/admin/users""#);
}

#[tokio::test]
async fn a_wrong_password_or_name_gets_the_same_message_and_keeps_the_username() {
    let app = app_with_editor().await;
    let wrong_password = app.request(form_post("/login", "username=maria&password=not+the+password")).await;
    let wrong_name = app.request(form_post("/login", "username=nobody&password=not+the+password")).await;
    for page in [&wrong_password, &wrong_name] {
        assert_eq!(page.status, StatusCode::UNAUTHORIZED);
        page.assert_contains("That username and password do not match an account that can sign in.");
        assert!(page.headers.get("set-cookie").is_none());
    }
    wrong_password.assert_contains(r#"name="username" value="maria""#);
    wrong_password.assert_lacks("not the password");
    let empty = app.request(form_post("/login", "username=&password=")).await;
    assert_eq!(empty.status, StatusCode::BAD_REQUEST);
    empty.assert_contains("Enter your username.");
    empty.assert_contains("Enter your password.");
}

#[tokio::test]
async fn disabled_and_passwordless_accounts_cannot_sign_in() {
    let app = app_with_editor().await;
    accounts::disable(&app.pool, "maria").await.unwrap();
    let page = app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await;
    assert_eq!(page.status, StatusCode::UNAUTHORIZED);
    // The demo desk has no password at all.
    let page = app.request(form_post("/login", "username=demo-desk&password=")).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn repeated_failures_are_refused_for_a_while() {
    let app = app_with_editor().await;
    // Failures from the third on are slowed (1 s, 2 s, 4 s…, not in this test); the tenth locks.
    let mut last = None;
    for _ in 0..10 {
        last = Some(app.request(form_post("/login", "username=maria&password=wrong+password+again")).await);
    }
    assert_eq!(last.unwrap().status, StatusCode::UNAUTHORIZED);
    let locked = app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    locked.assert_contains(
        "Too many failed sign-ins for this account or from this address. Try again in 15 minutes.",
    );
    assert!(locked.headers.get("set-cookie").is_none(), "even the right password is refused while locked");
}

#[tokio::test]
async fn every_sign_in_gets_a_new_session_and_sign_out_ends_it_server_side() {
    let app = app_with_editor().await;
    let first = session_cookie(
        &app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await,
    )
    .unwrap();
    let second = session_cookie(
        &app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await,
    )
    .unwrap();
    assert_ne!(first, second);
    // A planted cookie is never adopted: signing in with one replaces it.
    let mut planted = form_post("/login", &format!("username=maria&password={PASSWORD}"));
    planted
        .headers_mut()
        .insert("cookie", "claimtrack_session=attacker-chosen-value-000000000000000000000".parse().unwrap());
    let fresh = session_cookie(&app.request(planted).await).unwrap();
    assert!(!fresh.contains("attacker"));

    let home = app.request(Request::get("/").header("cookie", &first).body(Body::empty()).unwrap()).await;
    let csrf =
        home.body.split(r#"name="csrf" value=""#).nth(1).unwrap().split('"').next().unwrap().to_owned();
    let mut logout = form_post("/logout", &format!("csrf={csrf}"));
    logout.headers_mut().insert("cookie", first.parse().unwrap());
    let out = app.request(logout).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(out.headers["set-cookie"].to_str().unwrap().contains("Max-Age=0"));
    let after = app.request(Request::get("/").header("cookie", &first).body(Body::empty()).unwrap()).await;
    after.assert_contains(r#"<a href="/login">Sign in</a>"#);
    let sessions: i64 =
        sqlx::query_scalar("SELECT count(*) FROM sessions").fetch_one(&app.pool).await.unwrap();
    assert_eq!(sessions, 2, "the ended session is gone, the other two remain");
}

#[tokio::test]
async fn sign_out_needs_the_session_token_and_a_post() {
    let app = app_with_editor().await;
    let cookie = session_cookie(
        &app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await,
    )
    .unwrap();
    let mut forged = form_post("/logout", "csrf=wrong");
    forged.headers_mut().insert("cookie", cookie.parse().unwrap());
    assert_eq!(app.request(forged).await.status, StatusCode::FORBIDDEN);
    let get =
        app.request(Request::get("/logout").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
    assert_eq!(get.status, StatusCode::METHOD_NOT_ALLOWED);
}

#[tokio::test]
async fn cross_site_posts_are_refused_before_anything_happens() {
    let app = app_with_editor().await;
    let mut evil = form_post("/login", &format!("username=maria&password={PASSWORD}"));
    evil.headers_mut().insert("origin", "https://evil.example".parse().unwrap());
    let page = app.request(evil).await;
    assert_eq!(page.status, StatusCode::FORBIDDEN);
    page.assert_contains("this request came from another site");
    let mut fetch = form_post("/login", &format!("username=maria&password={PASSWORD}"));
    fetch.headers_mut().insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(app.request(fetch).await.status, StatusCode::FORBIDDEN);
    let mut same = form_post("/login", &format!("username=maria&password={PASSWORD}"));
    same.headers_mut().insert("origin", "https://claims.example.org".parse().unwrap());
    assert_eq!(app.request(same).await.status, StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn expired_sessions_are_refused_and_cleaned_up() {
    let app = app_with_editor().await;
    let cookie = session_cookie(
        &app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await,
    )
    .unwrap();
    sqlx::query("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00.000Z'")
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.request(Request::get("/").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
    page.assert_contains(r#"<a href="/login">Sign in</a>"#);
    let removed =
        app::ssr::auth::sessions::clean_up(&app.pool, &app.state.sessions, chrono::Utc::now()).await.unwrap();
    assert_eq!(removed, 1);
}

#[tokio::test]
async fn the_first_start_creates_one_admin_with_a_random_password() {
    let app = TestApp::empty().await;
    let password = accounts::ensure_first_admin(&app.pool).await.unwrap().expect("an admin is created");
    assert!(password.len() >= 20);
    assert_eq!(accounts::ensure_first_admin(&app.pool).await.unwrap(), None, "only once");
    let page = app.request(form_post("/login", &format!("username=admin&password={password}"))).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let other = TestApp::empty().await;
    assert_ne!(
        accounts::ensure_first_admin(&other.pool).await.unwrap(),
        Some(password),
        "never a fixed password"
    );
}
