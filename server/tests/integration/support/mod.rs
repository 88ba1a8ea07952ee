//! A fresh claimtrack for each test: its own database file in a temporary directory, the real
//! router, requests sent with tower's `oneshot` (no port, no network).
//!
//! With `CLAIMTRACK_TEST_BACKEND=postgres` (`make test` runs the suite so a second time) each
//! test gets a database of its own on the tests' PostgreSQL server instead (`make pg-start`),
//! dropped when the test ends: the same requests, the same assertions, on the other backend.

#![allow(clippy::unwrap_used)]

pub mod process;

use app::ssr::{db, demo, AppState};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::AnyPool;
use tower::ServiceExt;

pub struct TestApp {
    /// The application's handle on the database.
    pub db: db::Db,
    /// The same database through a plain pool, for the tests' own SQL (setting up states no
    /// form makes, checking what was stored), written for SQLite with `?` placeholders and passed
    /// through [`TestApp::sql`], which numbers them for PostgreSQL.
    pub pool: AnyPool,
    pub state: AppState,
    /// What `/import` may fetch (`--allow-private-addresses` is `Reach::Any`).
    pub fetch_reach: server::fetch::Reach,
    _dir: tempfile::TempDir,
    /// The PostgreSQL database of this test, dropped with it.
    _postgres: Option<DropDatabase>,
}

/// Drops a test's PostgreSQL database when the test ends, on a thread of its own: `Drop` cannot
/// wait on the test's runtime, so the pool is not closed in order (its tasks would need that
/// runtime) but its connections ended by the server.
struct DropDatabase(Option<app::ssr::db::testing::PgTestDatabase>);

impl Drop for DropDatabase {
    fn drop(&mut self) {
        let Some(database) = self.0.take() else { return };
        let _ = std::thread::spawn(move || {
            let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
            runtime.block_on(database.drop_database());
        })
        .join();
    }
}

/// Whether this run of the suite is on PostgreSQL (`CLAIMTRACK_TEST_BACKEND=postgres`).
pub fn on_postgres() -> bool {
    std::env::var("CLAIMTRACK_TEST_BACKEND").is_ok_and(|backend| backend == "postgres")
}

pub struct Page {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub body: String,
}

impl Page {
    /// Asserts that the body contains `needle`, printing the page when it does not.
    #[track_caller]
    pub fn assert_contains(&self, needle: &str) {
        assert!(self.body.contains(needle), "expected {needle:?} in the page:\n{}", self.body);
    }

    #[track_caller]
    pub fn assert_lacks(&self, needle: &str) {
        assert!(!self.body.contains(needle), "did not expect {needle:?} in the page:\n{}", self.body);
    }

    /// The page needs no script to work: the only external script is the optional Copy-button
    /// enhancement, the only inline ones are Leptos' nonce'd resource bookkeeping
    /// (`__RESOLVED_RESOURCES=[]…`, inert without the WASM bundle) and JSON-LD data.
    #[track_caller]
    pub fn assert_needs_no_javascript(&self) {
        for (i, _) in self.body.match_indices("<script") {
            let script = &self.body[i..];
            let end = script.find("</script>").map_or(script.len(), |e| e + 9);
            let script = &script[..end];
            // Readers' pages (from the page cache) carry no nonce; editors' pages do.
            let enhancement =
                script == format!("<script src=\"{}\" defer></script>", app::SCRIPT_PATH.as_str());
            let bookkeeping = script.starts_with("<script nonce=") && script.contains(">__");
            // JSON-LD is data: whatever text it quotes, it holds no markup that could end it.
            let data = script.starts_with(r#"<script type="application/ld+json">"#)
                && !script[35..script.len() - 9].contains(['<', '>']);
            assert!(
                (enhancement || bookkeeping || data) && (data || !script.contains("alert(")),
                "unexpected script: {script}"
            );
        }
    }

    /// The `href`s of links whose path starts with `prefix`, in page order.
    pub fn links(&self, prefix: &str) -> Vec<String> {
        let pattern = format!("href=\"{prefix}");
        self.body
            .match_indices(&pattern)
            .map(|(i, _)| {
                let rest = &self.body[i + 6..];
                rest[..rest.find('"').unwrap_or(rest.len())].replace("&amp;", "&")
            })
            .collect()
    }
}

impl TestApp {
    /// An empty, migrated database.
    pub async fn empty() -> TestApp {
        sqlx::any::install_default_drivers();
        let dir = tempfile::tempdir().expect("a temporary directory");
        let (db, pool, postgres) = if on_postgres() {
            let database = app::ssr::db::testing::PgTestDatabase::create()
                .await
                .expect("CLAIMTRACK_TEST_BACKEND=postgres needs the tests' PostgreSQL (make pg-start)");
            let db = db::Db::from_postgres(database.pool.clone(), &database.url);
            let pool = AnyPool::connect(&database.url).await.expect("the test database opens");
            (db, pool, Some(DropDatabase(Some(database))))
        } else {
            let file = dir.path().join("test.db");
            let db =
                db::Db::open(&db::Target::File(file.clone())).await.expect("the database opens and migrates");
            let pool =
                AnyPool::connect(&format!("sqlite://{}", file.display())).await.expect("the database opens");
            (db, pool, None)
        };
        let mut state = AppState::new(db.clone(), "https://claims.example.org/");
        // Lockouts are tested; the growing waits before them are unit-tested in the throttle.
        state.throttle = app::ssr::auth::Throttle::without_delays();
        TestApp { db, pool, state, fetch_reach: server::fetch::Reach::Public, _dir: dir, _postgres: postgres }
    }

    /// The tests' SQL for this backend: on PostgreSQL each `?` becomes `$1`, `$2`…
    pub fn sql(&self, text: &str) -> String {
        if self.db.is_postgres() {
            db::numbered(text)
        } else {
            text.to_owned()
        }
    }

    /// A database holding the demo data.
    pub async fn with_demo() -> TestApp {
        let app = TestApp::empty().await;
        demo::load_if_empty(&app.db).await.expect("the demo loads");
        app
    }

    pub async fn request(&self, request: Request<Body>) -> Page {
        let options = server::http::Options { fetch_reach: self.fetch_reach.clone(), ..Default::default() };
        let router = server::http::router_with(self.state.clone(), options);
        let response = router.oneshot(request).await.expect("the router answers");
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.into_body().collect().await.expect("the body reads").to_bytes();
        Page { status, headers, body: String::from_utf8_lossy(&bytes).into_owned() }
    }

    pub async fn get(&self, path: &str) -> Page {
        self.request(Request::get(path).header("accept", "text/html").body(Body::empty()).expect("a request"))
            .await
    }

    /// The public id of the claim whose text starts with `prefix`.
    pub async fn claim_id(&self, prefix: &str) -> String {
        let pattern = format!("{prefix}%");
        let id: i64 = sqlx::query_scalar(&self.sql("SELECT id FROM claims WHERE text LIKE ?"))
            .bind(pattern)
            .fetch_one(&self.pool)
            .await
            .expect("the claim exists");
        app::model::public_id::encode(id)
    }

    pub async fn source_id(&self, outlet: &str) -> String {
        let id: i64 = sqlx::query_scalar(&self.sql("SELECT id FROM sources WHERE outlet = ?"))
            .bind(outlet)
            .fetch_one(&self.pool)
            .await
            .expect("the source exists");
        app::model::public_id::encode(id)
    }
}

/// A signed-in browser: its session cookie and its forms' CSRF token.
pub struct Editor {
    pub cookie: String,
    pub csrf: String,
    pub username: String,
}

impl TestApp {
    /// Creates an account and signs it in through `/login`, as a browser would.
    pub async fn sign_in(&self, username: &str, role: app::model::Role) -> Editor {
        let password = "a long enough passphrase";
        app::ssr::accounts::add(&self.db, username, &format!("{username} (display)"), role, password)
            .await
            .expect("the account is added");
        let page =
            self.request(form("/login", &format!("username={username}&password={password}"), None)).await;
        assert_eq!(page.status, axum::http::StatusCode::SEE_OTHER, "sign-in failed: {}", page.body);
        let cookie = page.headers["set-cookie"].to_str().unwrap().split(';').next().unwrap().to_owned();
        let home =
            self.request(Request::get("/").header("cookie", &cookie).body(Body::empty()).unwrap()).await;
        let csrf = home
            .body
            .split(r#"name="csrf" value=""#)
            .nth(1)
            .expect("a csrf field")
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        Editor { cookie, csrf, username: username.to_owned() }
    }

    pub async fn get_as(&self, path: &str, editor: &Editor) -> Page {
        self.request(
            Request::get(path)
                .header("accept", "text/html")
                .header("cookie", &editor.cookie)
                .body(Body::empty())
                .unwrap(),
        )
        .await
    }

    /// Posts a form as `editor`, adding their CSRF token.
    pub async fn post_as(&self, path: &str, body: &str, editor: &Editor) -> Page {
        let body = format!("csrf={}&{body}", editor.csrf);
        self.request(form(path, &body, Some(&editor.cookie))).await
    }
}

/// A form POST as a browser sends it.
pub fn form(path: &str, body: &str, cookie: Option<&str>) -> Request<Body> {
    let mut request = Request::post(path)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "text/html")
        .body(Body::from(body.to_owned()))
        .unwrap();
    if let Some(cookie) = cookie {
        request.headers_mut().insert("cookie", cookie.parse().unwrap());
    }
    request
}

/// URL-encodes a form value.
pub fn enc(value: &str) -> String {
    app::model::list_query::encode_component(value)
}

/// Runs the `claimtrack` binary in `dir` as a user would, with `stdin` as its input.
pub fn claimtrack(dir: &std::path::Path, args: &[&str], stdin: Option<&[u8]>) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMTRACK_DB")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.unwrap_or_default()).unwrap();
    child.wait_with_output().unwrap()
}
