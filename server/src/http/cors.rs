//! Open data across origins: the API, the exports, the feeds and the sitemap may be read by any
//! site's script. Answers name `ETag` as readable (it is not on the CORS safelist), so a client
//! elsewhere can revalidate with `If-None-Match`, and that header's preflight is answered here.
//! Nothing else is shared: pages, forms and the desk stay same-origin.

use axum::extract::Request;
use axum::http::{header, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Whether `path` is open data.
pub fn is_open_data(path: &str) -> bool {
    path.starts_with("/api/v1/")
        || path.starts_with("/export/")
        || path.ends_with("/feed.atom")
        || path == "/feed.atom"
        || path == "/sitemap.xml"
        || path.starts_with("/sitemaps/")
}

/// A preflight is cached by browsers for a day.
const PREFLIGHT_MAX_AGE: &str = "86400";

pub async fn layer(request: Request, next: Next) -> Response {
    if !is_open_data(request.uri().path()) {
        return next.run(request).await;
    }
    let preflight = request.method() == Method::OPTIONS
        && request.headers().contains_key(header::ACCESS_CONTROL_REQUEST_METHOD);
    let mut response =
        if preflight { StatusCode::NO_CONTENT.into_response() } else { next.run(request).await };
    let headers = response.headers_mut();
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    headers.insert(header::ACCESS_CONTROL_EXPOSE_HEADERS, HeaderValue::from_static("ETag, Link"));
    if preflight {
        headers.insert(header::ACCESS_CONTROL_ALLOW_METHODS, HeaderValue::from_static("GET, HEAD, OPTIONS"));
        headers.insert(
            header::ACCESS_CONTROL_ALLOW_HEADERS,
            HeaderValue::from_static("If-None-Match, If-Modified-Since, Accept"),
        );
        headers.insert(header::ACCESS_CONTROL_MAX_AGE, HeaderValue::from_static(PREFLIGHT_MAX_AGE));
    }
    response
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_open_data_is_shared() {
        for open in
            ["/api/v1/claims", "/export/claims.csv", "/feed.atom", "/speakers/x/feed.atom", "/sitemap.xml"]
        {
            assert!(super::is_open_data(open), "{open}");
        }
        for closed in ["/", "/claims/x", "/desk", "/login", "/api", "/speakers/x"] {
            assert!(!super::is_open_data(closed), "{closed}");
        }
    }
}
