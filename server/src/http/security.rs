//! Security headers on every response. Pages set their own Content-Security-Policy (with the
//! nonce of their inline scripts, see `app::page_csp`); anything else gets one that allows
//! nothing to run. Only a claim's embed card may be framed by other sites.

use app::ssr::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// Whether `path` is a claim's embed card (`/claims/{id}/embed`).
pub fn is_embed(path: &str) -> bool {
    path.strip_prefix("/claims/")
        .and_then(|rest| rest.strip_suffix("/embed"))
        .is_some_and(|id| !id.contains('/'))
}

/// claimtrack uses none of the browser's powerful features; nothing on its pages (or framing
/// them) may ask for them.
const NO_POWERFUL_FEATURES: &str = "accelerometer=(), autoplay=(), camera=(), display-capture=(), \
     encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), \
     midi=(), payment=(), picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), \
     sync-xhr=(), usb=(), xr-spatial-tracking=()";
const PERMISSIONS_POLICY: header::HeaderName = header::HeaderName::from_static("permissions-policy");

/// For responses that are not pages (API, feeds, exports, errors): nothing may run or load.
const LOCKED_DOWN: &str = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let embed = is_embed(request.uri().path());
    let mut response = next.run(request).await;
    let headers = response.headers_mut();
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    headers.insert(header::REFERRER_POLICY, HeaderValue::from_static("strict-origin-when-cross-origin"));
    headers.insert(PERMISSIONS_POLICY, HeaderValue::from_static(NO_POWERFUL_FEATURES));
    if state.sessions.secure {
        // Served over https: browsers should never try plain http again.
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000; includeSubDomains"),
        );
    }
    if !embed {
        headers.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
        headers.entry(header::CONTENT_SECURITY_POLICY).or_insert(HeaderValue::from_static(LOCKED_DOWN));
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
