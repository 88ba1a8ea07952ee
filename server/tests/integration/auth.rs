//! Signing in and out, sessions, CSRF and cross-site refusal, throttling, over HTTP.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

use crate::support::TestApp;
use app::model::Role;
use app::ssr::accounts;
use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{Request, StatusCode};
use std::net::SocketAddr;

const PASSWORD: &str = "a long enough passphrase";

async fn app_with_editor() -> TestApp {
    let app = TestApp::with_demo().await;
    accounts::add(&app.db, "maria", "Maria Lopez", Role::Editor, PASSWORD).await.unwrap();
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
    // The test site is served over https: the cookie has the `__Host-` prefix.
    let value = cookie.strip_prefix("__Host-claimtrack_session=")?.split(';').next()?;
    (!value.is_empty()).then(|| format!("__Host-claimtrack_session={value}"))
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
    for part in ["__Host-claimtrack_session=", "HttpOnly", "SameSite=Lax", "Path=/", "Secure"] {
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
    accounts::disable(&app.db, "maria", None).await.unwrap();
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
        "Too many failed sign-ins for this account from this address, or from this address. Try again in 15 minutes.",
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
    planted.headers_mut().insert(
        "cookie",
        "__Host-claimtrack_session=attacker-chosen-value-000000000000000000000".parse().unwrap(),
    );
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
        sqlx::query_scalar(&app.sql("SELECT count(*) FROM sessions")).fetch_one(&app.pool).await.unwrap();
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
    sqlx::query(&app.sql("UPDATE sessions SET last_seen_at = '2020-01-01T00:00:00.000Z'"))
        .execute(&app.pool)
        .await
        .unwrap();
    let page = app.request(Request::get("/").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
    page.assert_contains(r#"<a href="/login">Sign in</a>"#);
    let removed =
        app::ssr::auth::sessions::clean_up(&app.db, &app.state.sessions, chrono::Utc::now()).await.unwrap();
    assert_eq!(removed, 1);
}

#[tokio::test]
async fn the_first_start_creates_one_admin_with_a_random_password() {
    let app = TestApp::empty().await;
    let password = accounts::ensure_first_admin(&app.db).await.unwrap().expect("an admin is created");
    assert!(password.len() >= 20);
    assert_eq!(accounts::ensure_first_admin(&app.db).await.unwrap(), None, "only once");
    let page = app.request(form_post("/login", &format!("username=admin&password={password}"))).await;
    assert_eq!(page.status, StatusCode::SEE_OTHER);
    let other = TestApp::empty().await;
    assert_ne!(
        accounts::ensure_first_admin(&other.db).await.unwrap(),
        Some(password),
        "never a fixed password"
    );
}

/// A sign-in form posted from `address`, as the connection loop marks requests.
fn login_from(address: &str, username: &str, password: &str) -> Request<Body> {
    let mut request =
        form_post("/login", &format!("username={username}&password={}", crate::support::enc(password)));
    let peer: SocketAddr = format!("{address}:40000").parse().unwrap();
    request.extensions_mut().insert(ConnectInfo(peer));
    request
}

#[tokio::test]
async fn an_attacker_elsewhere_cannot_lock_the_owner_out() {
    let app = app_with_editor().await;
    let router = server::http::router(app.state.clone());
    let send = |request: Request<Body>| {
        let router = router.clone();
        async move { tower::ServiceExt::oneshot(router, request).await.unwrap().status() }
    };
    for _ in 0..12 {
        send(login_from("203.0.113.66", "maria", "wrong password again")).await;
    }
    assert_eq!(send(login_from("203.0.113.66", "maria", PASSWORD)).await, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(
        send(login_from("198.51.100.7", "maria", PASSWORD)).await,
        StatusCode::SEE_OTHER,
        "the owner, from their own address, signs in"
    );
}

#[tokio::test]
async fn parallel_guesses_from_one_address_get_only_their_share_of_password_checks() {
    let app = app_with_editor().await;
    let router = server::http::router(app.state.clone());
    let guesses = (0..40).map(|i| {
        let router = router.clone();
        let request = login_from("203.0.113.66", "maria", &format!("guess number {i}"));
        tokio::spawn(async move { tower::ServiceExt::oneshot(router, request).await.unwrap().status() })
    });
    let mut statuses = Vec::new();
    for guess in guesses.collect::<Vec<_>>() {
        statuses.push(guess.await.unwrap());
    }
    let checked = statuses.iter().filter(|s| **s == StatusCode::UNAUTHORIZED).count();
    let refused = statuses.iter().filter(|s| **s == StatusCode::TOO_MANY_REQUESTS).count();
    assert_eq!((checked, refused), (10, 30), "{statuses:?}");
}

#[tokio::test]
async fn overlong_fields_are_refused_before_they_are_counted_or_logged() {
    let app = app_with_editor().await;
    let long_name = "m".repeat(65);
    let page = app.request(login_from("203.0.113.66", &long_name, PASSWORD)).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_contains("Usernames have at most 64 characters.");
    let page = app.request(login_from("203.0.113.66", "maria", &"p".repeat(129))).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    page.assert_contains("Passwords have at most 128 characters.");
    assert_eq!(app.state.throttle.tracked(), 0, "nothing was kept for either");
    // A five-megabyte username never reaches the handler.
    let huge = app.request(login_from("203.0.113.66", &"m".repeat(5 << 20), PASSWORD)).await;
    assert_eq!(huge.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn after_sign_in_only_a_path_on_this_site_is_followed() {
    let app = app_with_editor().await;
    let cases = [
        ("/speakers/xi-jinping?status=false", "/speakers/xi-jinping?status=false"),
        ("/%09/evil.example", "/"),
        ("%2F%2Fevil.example", "/"),
        ("/%5Cevil.example", "/"),
        ("https://evil.example/", "/"),
        ("/%0d%0aSet-Cookie:x=1", "/"),
        ("/%E2%80%AE", "/"),
        ("/ /evil.example", "/"),
    ];
    for (next, expected) in cases {
        let page = app
            .request(form_post(
                "/login",
                &format!("username=maria&password={}&next={next}", crate::support::enc(PASSWORD)),
            ))
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{next}");
        assert_eq!(page.headers["location"], expected, "{next}");
    }
}

#[tokio::test]
async fn the_cookie_has_the_host_prefix_only_over_https() {
    let https = app::ssr::auth::SessionConfig::for_site("https://claims.example.org");
    assert!(https.cookie("t").starts_with("__Host-claimtrack_session=t; Path=/;"));
    assert!(!https.cookie("t").contains("Domain"));
    let http = app::ssr::auth::SessionConfig::for_site("http://127.0.0.1:3000");
    assert!(http.cookie("t").starts_with("claimtrack_session=t;"));
    // A plain-named cookie means nothing to an https site (it may have been planted).
    let app = app_with_editor().await;
    let token = {
        let page = app.request(form_post("/login", &format!("username=maria&password={PASSWORD}"))).await;
        session_cookie(&page).unwrap().split_once('=').unwrap().1.to_owned()
    };
    let plain = format!("claimtrack_session={token}");
    let page = app.request(Request::get("/").header("cookie", &plain).body(Body::empty()).unwrap()).await;
    page.assert_contains(r#"<a href="/login">Sign in</a>"#);
}

#[tokio::test]
async fn servers_starting_together_make_one_first_admin_and_both_go_on() {
    let app = TestApp::empty().await;
    let (a, b) = tokio::join!(accounts::ensure_first_admin(&app.db), accounts::ensure_first_admin(&app.db));
    let made: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(made.len(), 1, "exactly one password is shown");
    let admins: i64 = sqlx::query_scalar(&app.sql("SELECT count(*) FROM users WHERE role = 'admin'"))
        .fetch_one(&app.pool)
        .await
        .unwrap();
    assert_eq!(admins, 1);
}
