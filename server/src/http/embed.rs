//! `/claims/{id}/embed`: a small card other sites may frame — speaker, claim, status, a link back.
//! Self-contained (its style is inline) and script-free.

use super::error_response;
use app::components::format::{date, escape_html};
use app::model::ClaimKind;
use app::ssr::{read, AppState};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

const STYLE: &str =
    "body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#111827}\
.card{border:1px solid #d1d5db;border-radius:10px;padding:14px 16px;background:#fff;max-width:560px}\
.who{font-weight:700;margin:0 0 6px}.text{margin:0 0 10px;font-size:17px}.quote{font-family:Georgia,serif}\
.badge{display:inline-block;font-size:12px;font-weight:700;padding:2px 9px;border-radius:999px}\
.verdict{margin:8px 0}.foot{font-size:13px;color:#4b5563;margin:0}a{color:#1d4ed8}\
.s-unverified{color:#374151;background:#e5e7eb}.s-in_review{color:#1e3a8a;background:#dbeafe}\
.s-true{color:#14532d;background:#dcfce7}.s-mostly_true{color:#365314;background:#ecfccb}\
.s-misleading{color:#7c2d12;background:#ffedd5}.s-false{color:#7f1d1d;background:#fee2e2}\
.s-unverifiable{color:#581c87;background:#f3e8ff}";

pub async fn card(State(state): State<AppState>, Path(id): Path<String>) -> Response {
    let claim = match read::claim_detail(&state.pool, &state.site_url, &id).await {
        Ok(claim) => claim,
        Err(error) => return error_response(error),
    };
    let s = &claim.summary;
    let (open, close, class) =
        if s.kind == ClaimKind::Quote { ("“", "”", "text quote") } else { ("", "", "text") };
    let verdict = s
        .verdict
        .as_deref()
        .map(|v| format!("<p class=\"verdict\">{}</p>", escape_html(v)))
        .unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"canonical\" href=\"{url}\"><style>{STYLE}</style></head><body><div class=\"card\">\
         <p class=\"who\">{speaker}</p><p class=\"{class}\">{open}{text}{close}</p>\
         <span class=\"badge s-{status_key}\">{status}</span>{verdict}\
         <p class=\"foot\">Said {said} · <a href=\"{url}\" target=\"_blank\" rel=\"noopener\">Read the fact-check on {org}</a></p>\
         </div></body></html>",
        title = escape_html(&format!("{}: {}", claim.speaker.name, s.status.label())),
        url = escape_html(&claim.permalink),
        speaker = escape_html(&claim.speaker.name),
        text = escape_html(&s.text),
        status_key = s.status.as_str(),
        status = s.status.label(),
        said = date(s.said_on),
        org = escape_html(&state.org_name),
    );
    (
        [
            // Any site may frame the card; nothing else may run or load in it.
            (
                header::CONTENT_SECURITY_POLICY,
                "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
            ),
            (header::CACHE_CONTROL, "public, max-age=300"),
        ],
        Html(html),
    )
        .into_response()
}
