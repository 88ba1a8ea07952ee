//! The HTTP surface: one readable list of routes, then the layers around them.

mod assets;
mod health;

use app::ssr::AppState;
use axum::{
    extract::{FromRef, Request},
    http::StatusCode,
    response::Response,
    routing::get,
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
/// reaching the fallback already means "not found", whatever the render set.
fn not_found(
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(Request) -> BoxFuture<Response> + Clone + Send + Sync + 'static {
    let render = leptos_axum::render_app_async_with_context(context, app::shell);
    move |request| {
        let render = render.clone();
        Box::pin(async move {
            let mut response = render(request).await;
            if response.status().is_success() {
                *response.status_mut() = StatusCode::NOT_FOUND;
            }
            response
        })
    }
}

type BoxFuture<T> = std::pin::Pin<Box<dyn std::future::Future<Output = T> + Send>>;

/// The whole application as an Axum router (used by `serve` and by the tests).
pub fn router(state: AppState) -> Router {
    let leptos = LeptosOptions::builder().output_name("claimtrack").build();
    let server_state = ServerState { leptos, app: state.clone() };
    let context = move || provide_context(state.clone());
    Router::new()
        .route("/healthz", get(health::healthz))
        .route(app::STYLESHEET_PATH.as_str(), get(assets::stylesheet))
        .route("/favicon.svg", get(assets::favicon))
        // The pages of the route table in `app::App`, and the server functions.
        .leptos_routes_with_context(&server_state, generate_route_list(app::App), context.clone(), app::shell)
        // Any other address: the app renders its 404 page.
        .fallback(not_found(context))
        .with_state(server_state)
        .layer(CompressionLayer::new())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(DefaultMakeSpan::new().level(Level::INFO))
                .on_response(DefaultOnResponse::new().level(Level::INFO)),
        )
}
