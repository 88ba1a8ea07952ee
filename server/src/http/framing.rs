//! Only a claim's embed card may be shown inside another site's frame; every other page refuses
//! to be framed (clickjacking), with both the old and the new header.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Whether `path` is a claim's embed card (`/claims/{id}/embed`).
pub fn is_embed(path: &str) -> bool {
    path.strip_prefix("/claims/")
        .and_then(|rest| rest.strip_suffix("/embed"))
        .is_some_and(|id| !id.contains('/'))
}

pub async fn layer(request: Request, next: Next) -> Response {
    let embed = is_embed(request.uri().path());
    let mut response = next.run(request).await;
    if !embed {
        let headers = response.headers_mut();
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers
            .entry(header::CONTENT_SECURITY_POLICY)
            .or_insert(HeaderValue::from_static("frame-ancestors 'none'"));
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_claim_embeds_may_be_framed() {
        assert!(is_embed("/claims/k3m9x2qa/embed"));
        assert!(!is_embed("/claims/k3m9x2qa"));
        assert!(!is_embed("/claims/a/b/embed"));
        assert!(!is_embed("/sources/k3m9x2qa/embed"));
    }
}
