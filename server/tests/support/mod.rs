//! A fresh claimtrack for each test: its own database file in a temporary directory, the real
//! router, requests sent with tower's `oneshot` (no port, no network).

#![allow(dead_code, clippy::unwrap_used)]

use app::ssr::{db, demo, AppState};
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use sqlx::SqlitePool;
use tower::ServiceExt;

pub struct TestApp {
    pub pool: SqlitePool,
    pub state: AppState,
    _dir: tempfile::TempDir,
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

    /// The page loads no script, and the only inline scripts are Leptos' nonce'd resource
    /// bookkeeping (`__RESOLVED_RESOURCES=[]…`), which is inert without the WASM bundle.
    #[track_caller]
    pub fn assert_needs_no_javascript(&self) {
        self.assert_lacks("<script src");
        for (i, _) in self.body.match_indices("<script") {
            let script = &self.body[i..];
            let end = script.find("</script>").map_or(script.len(), |e| e + 9);
            let script = &script[..end];
            assert!(
                script.starts_with("<script nonce=") && script.contains(">__") && !script.contains("alert"),
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
        let dir = tempfile::tempdir().expect("a temporary directory");
        let pool = db::pool::connect(&dir.path().join("test.db")).await.expect("the database opens");
        db::pool::migrate(&pool).await.expect("migrations apply");
        let mut state = AppState::new(pool.clone(), "https://claims.example.org/");
        // Lockouts are tested; the growing waits before them are unit-tested in the throttle.
        state.throttle = app::ssr::auth::Throttle::without_delays();
        TestApp { pool, state, _dir: dir }
    }

    /// A database holding the demo data.
    pub async fn with_demo() -> TestApp {
        let app = TestApp::empty().await;
        demo::load_if_empty(&app.pool).await.expect("the demo loads");
        app
    }

    pub async fn request(&self, request: Request<Body>) -> Page {
        let response = server::router(self.state.clone()).oneshot(request).await.expect("the router answers");
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
        let id: i64 = sqlx::query_scalar("SELECT id FROM claims WHERE text LIKE ?")
            .bind(pattern)
            .fetch_one(&self.pool)
            .await
            .expect("the claim exists");
        app::model::public_id::encode(id)
    }

    pub async fn source_id(&self, outlet: &str) -> String {
        let id: i64 = sqlx::query_scalar("SELECT id FROM sources WHERE outlet = ?")
            .bind(outlet)
            .fetch_one(&self.pool)
            .await
            .expect("the source exists");
        app::model::public_id::encode(id)
    }
}
