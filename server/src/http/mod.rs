//! The HTTP surface: one readable list of routes, then the layers around them.

pub mod api;
mod assets;
mod auth;
pub mod client;
mod cors;
mod desk;
mod edit_claims;
mod edit_others;
mod edit_records;
mod embed;
mod etag;
pub mod export;
mod extract;
mod feeds;
mod health;
mod import;
pub mod limits;
mod origin;
pub mod page_cache;
mod render;
mod security;
mod server_fns;
mod session;
mod share_image;
mod sitemap;

use app::ssr::AppState;
use axum::{
    extract::{FromRef, Request},
    http::StatusCode,
    middleware,
    response::{IntoResponse, Response},
    routing::{get, post},
    Router,
};
use leptos::prelude::{provide_context, LeptosOptions};
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::{
    compression::CompressionLayer,
    trace::{DefaultMakeSpan, DefaultOnResponse, TraceLayer},
};
use tracing::Level;

/// Axum's state: what Leptos needs for its routes, and ours.
#[derive(Clone, FromRef)]
struct ServerState {
    leptos: LeptosOptions,
    app: AppState,
}

/// Renders the app's 404 page for an address no route matched. The status is forced here because
/// reaching the fallback already means "not found", whatever the render set. A form or other
/// method sent to an address that takes none gets a short plain answer instead: a browser never
/// sends one, and a flood of them must cost next to nothing.
fn not_found(
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(Request) -> BoxFuture<Response> + Clone + Send + Sync + 'static {
    let render = leptos_axum::render_app_async_with_context(context, app::shell);
    move |request| {
        let render = render.clone();
        Box::pin(async move {
            if !matches!(*request.method(), axum::http::Method::GET | axum::http::Method::HEAD) {
                return (
                    StatusCode::NOT_FOUND,
                    [(axum::http::header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                    "Not found: nothing at this address takes this request.\n",
                )
                    .into_response();
            }
            let mut response = render(request).await;
            if response.status().is_success() {
                *response.status_mut() = StatusCode::NOT_FOUND;
            }
            response
        })
    }
}

type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

/// The whole application as an Axum router, with the default limits.
pub fn router(state: AppState) -> Router {
    router_with(state, Options::default())
}

/// Requests in progress at once, by default.
pub const DEFAULT_MAX_IN_FLIGHT: usize = 512;
/// Requests in progress at once from one client address, by default.
pub const DEFAULT_MAX_PER_CLIENT: usize = 32;
/// The longest pause allowed in a request body, by default.
pub const DEFAULT_BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(10);

/// How the HTTP surface is limited and what it keeps.
#[derive(Clone, Debug)]
pub struct Options {
    /// Requests in progress at once; past this, 503.
    pub max_in_flight: usize,
    /// Requests in progress at once from one client address; past this, 429.
    pub max_per_client: usize,
    /// Keep readers' pages as rendered (see `page_cache`).
    pub page_cache: bool,
    /// The longest pause allowed while a request body arrives; past it, 408.
    pub body_timeout: std::time::Duration,
    /// Reverse proxies whose `X-Forwarded-For` names the client (see `client`).
    pub trusted_proxies: Vec<client::Cidr>,
    /// The addresses `/import` may fetch articles from (`--allow-private-addresses`).
    pub fetch_reach: crate::fetch::Reach,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_in_flight: DEFAULT_MAX_IN_FLIGHT,
            max_per_client: DEFAULT_MAX_PER_CLIENT,
            page_cache: true,
            body_timeout: DEFAULT_BODY_TIMEOUT,
            trusted_proxies: Vec::new(),
            fetch_reach: crate::fetch::Reach::Public,
        }
    }
}

/// The whole application, limited as `options` say. The health probes are answered before any
/// limit applies; everything else passes, outermost first: the client's address, its cap, the
/// server's cap, compression, the request deadline, the body limits and timeout, security
/// headers, the cross-site check, the session, the page cache.
pub fn router_with(state: AppState, options: Options) -> Router {
    let cache = page_cache::PageCache::new(options.page_cache, state.db.clone());
    let in_flight = limits::InFlight::new(options.max_in_flight);
    let per_client = limits::PerClient::new(options.max_per_client.max(1));
    let proxies = client::TrustedProxies(std::sync::Arc::new(options.trusted_proxies.clone()));
    let leptos = LeptosOptions::builder().output_name("claimtrack").build();
    let server_state = ServerState { leptos, app: state.clone() };
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.site());
            provide_context(state.clone());
        }
    };
    let health = Router::new()
        .route("/healthz", get(health::healthz))
        .route("/readyz", get(health::readyz))
        .with_state(health::Health::new(state.clone()));
    use tower_http::compression::predicate::{DefaultPredicate, Predicate};
    let compression = DefaultPredicate::new().and(
        |_: StatusCode,
         _: axum::http::Version,
         _: &axum::http::HeaderMap,
         extensions: &axum::http::Extensions| {
            extensions.get::<page_cache::FromPageCache>().is_none()
        },
    );
    let application = Router::new()
        .route(app::STYLESHEET_PATH.as_str(), get(assets::stylesheet))
        .route("/favicon.svg", get(assets::favicon))
        .route(app::SCRIPT_PATH.as_str(), get(assets::script))
        .route("/claims/{id}/embed", get(embed::card))
        .route("/claims/{id}/share.png", get(share_image::png))
        .route("/sitemap.xml", get(sitemap::index))
        .route("/sitemaps/{file}", get(sitemap::part))
        .route("/robots.txt", get(sitemap::robots))
        .route("/feed.atom", get(feeds::all))
        .route("/export/claims.csv", get(export::csv))
        .route("/export/claims.jsonl", get(export::jsonl))
        .route("/api/v1/openapi.json", get(api::openapi))
        .route("/api/v1/claims", get(api::list_claims))
        .route("/api/v1/claims/{id}", get(api::get_claim))
        .route("/api/v1/speakers", get(api::list_speakers))
        .route("/api/v1/speakers/{slug}", get(api::get_speaker))
        .route("/api/v1/sources/{id}", get(api::get_source))
        .route("/api/v1/{*rest}", get(api::not_found))
        .route("/speakers/{slug}/feed.atom", get(feeds::speaker))
        .route(
            "/login",
            post(auth::login).layer(axum::extract::DefaultBodyLimit::max(limits::MAX_LOGIN_BODY_BYTES)),
        )
        .route("/logout", post(auth::logout))
        // Editors' forms post to the address of their page (which Leptos renders for GET), or,
        // for the several forms of a claim's desk page, below it.
        .route(
            "/import",
            post(import::submit)
                .layer(axum::Extension(crate::fetch::Fetcher::new(options.fetch_reach.clone()))),
        )
        .route("/desk", post(desk::bulk))
        .route("/claims/new", post(edit_claims::create))
        .route("/claims/{id}/edit", post(edit_claims::edit))
        .route("/claims/{id}/ruling", post(desk::propose))
        .route("/claims/{id}/desk/assign", post(desk::assign))
        .route("/claims/{id}/desk/note", post(desk::note))
        .route("/claims/{id}/desk/publish", post(desk::publish))
        .route("/claims/{id}/desk/discard", post(desk::discard))
        .route("/claims/{id}/desk/restore", post(desk::restore))
        .route("/claims/{id}/desk/review", post(desk::review))
        .route("/claims/{id}/retract", post(edit_claims::retract))
        .route("/claims/{id}/record", post(edit_records::add))
        .route("/claims/{id}/record/{figure}", post(edit_records::edit))
        .route("/claims/{id}/record/{figure}/withdraw", post(edit_records::withdraw))
        .route("/claims/{id}/reinstate", post(edit_claims::reinstate))
        .route("/sources/new", post(edit_others::create_source))
        .route("/sources/{id}/edit", post(edit_others::edit_source))
        .route("/speakers/new", post(edit_others::create_speaker))
        .route("/speakers/{slug}/edit", post(edit_others::edit_speaker))
        .route("/speakers/{slug}/merge", post(edit_others::merge_speaker))
        .route("/admin/users", post(edit_others::add_account))
        .route("/admin/users/{name}/disable", post(edit_others::disable_account))
        .route("/admin/users/{name}/password", post(edit_others::set_password))
        // The pages of the route table in `app::App`, and the server functions.
        .leptos_routes_with_context(&server_state, generate_route_list(app::App), context.clone(), app::shell)
        // Any other address: the app renders its 404 page.
        .fallback(not_found(context))
        .with_state(server_state)
        .layer(middleware::from_fn(server_fns::layer))
        // Inside the session lookup: only a valid session (an editor) bypasses the cache; a
        // made-up cookie is a reader's request like any other.
        .layer(middleware::from_fn_with_state(cache, page_cache::layer))
        .layer(middleware::from_fn_with_state(state.clone(), session::layer))
        .layer(middleware::from_fn_with_state(state.clone(), origin::layer))
        .layer(middleware::from_fn(cors::layer))
        .layer(middleware::from_fn_with_state(state.clone(), security::layer))
        .layer(middleware::from_fn_with_state(limits::BodyTimeout(options.body_timeout), limits::slow_body))
        .layer(axum::extract::DefaultBodyLimit::max(limits::MAX_BODY_BYTES))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(limits::MAX_BODY_BYTES))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            limits::REQUEST_DEADLINE,
        ))
        .layer(CompressionLayer::new().compress_when(compression))
        .layer(middleware::from_fn_with_state(in_flight, limits::cap))
        .layer(middleware::from_fn_with_state(per_client, limits::per_client))
        .layer(middleware::from_fn_with_state(proxies, client::layer))
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        );
    health.merge(application)
}

/// Whether a submitted form carries the signed-in user's CSRF token (compared in constant time).
pub fn csrf_matches(user: &app::model::CurrentUser, form: &app::model::FormState) -> bool {
    let given = form.value("csrf").unwrap_or_default().as_bytes();
    let expected = user.csrf_token.as_bytes();
    given.len() == expected.len() && given.iter().zip(expected).fold(0u8, |acc, (a, b)| acc | (a ^ b)) == 0
}
