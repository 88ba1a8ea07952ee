//! `/claims/{id}/embed`: a small card other sites may frame — speaker, claim, status, a link back.
//! Self-contained (its style is inline) and script-free.

use app::components::format::{date, escape_html};
use app::model::ClaimKind;
use app::ssr::{db::rulings::Audience, read, AppState};
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};

/// The card fills its frame as a column: the claim and verdict give up lines (clamped, then
/// clipped) before the link back does, which stays in view at any frame height the snippet gives.
const STYLE: &str =
    "html,body{height:100%}body{margin:0;font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#111827}\
.card{box-sizing:border-box;height:100%;display:flex;flex-direction:column;overflow:hidden;border:1px solid #d1d5db;border-radius:10px;padding:14px 16px;background:#fff;max-width:560px}\
.main{flex:1 1 auto;min-height:0;overflow:hidden}.foot{flex:none;padding-top:6px}\
.clamp3,.clamp2{display:-webkit-box;-webkit-box-orient:vertical;overflow:hidden}.clamp3{-webkit-line-clamp:3}.clamp2{-webkit-line-clamp:2}\
.who{font-weight:700;margin:0 0 6px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}.text{margin:0 0 10px;font-size:17px}.quote{font-family:Georgia,serif}\
.badge{display:inline-block;font-size:12px;font-weight:700;padding:2px 9px;border-radius:999px}\
.verdict{margin:8px 0}.foot{font-size:13px;color:#4b5563;margin:0}a{color:#1d4ed8}\
.s-being_checked{color:#1e3a8a;background:#dbeafe}.s-opinion{color:#374151;background:#e5e7eb}\
.s-true{color:#14532d;background:#dcfce7}.s-mostly_true{color:#365314;background:#ecfccb}\
.s-misleading{color:#7c2d12;background:#ffedd5}.s-false{color:#7f1d1d;background:#fee2e2}\
.s-unverifiable{color:#581c87;background:#f3e8ff}.retracted{color:#7f1d1d;font-weight:700;margin:0 0 6px}";

/// The card of a published claim (readers' view: an unpublished claim is not found).
pub async fn card(State(state): State<AppState>, Path(id): Path<String>) -> Result<Response, app::AppError> {
    let claim = read::claim_detail(&state.db, &state.site_url, &id, Audience::Public).await?;
    let s = &claim.summary;
    let status = s.status.unwrap_or(app::model::Status::BeingChecked);
    let retracted = claim
        .retraction_reason
        .as_deref()
        .map(|r| format!("<p class=\"retracted clamp2\">Retracted: {}</p>", escape_html(r)))
        .unwrap_or_default();
    let attribution = s
        .attribution
        .map(|a| format!(" <span class=\"badge s-opinion\">{}</span>", escape_html(a.short_label())))
        .unwrap_or_default();
    let (open, close, class) = if s.kind == ClaimKind::Quote {
        ("“", "”", "text quote clamp3")
    } else {
        ("", "", "text clamp3")
    };
    let verdict = s
        .verdict
        .as_deref()
        .map(|v| format!("<p class=\"verdict clamp2\">{}</p>", escape_html(v)))
        .unwrap_or_default();
    let html = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><link rel=\"canonical\" href=\"{url}\"><style>{STYLE}</style></head><body><div class=\"card\"><div class=\"main\">\
         {retracted}<p class=\"who\">{speaker}</p><p class=\"{class}\">{open}{text}{close}</p>\
         <span class=\"badge s-{status_key}\">{status}</span>{attribution}{verdict}</div>\
         <p class=\"foot\">Said {said} · <a href=\"{url}\" target=\"_blank\" rel=\"noopener\">Read the fact-check on {org}</a></p>\
         </div></body></html>",
        title = escape_html(&format!("{}: {}", claim.speaker.name, status.label())),
        url = escape_html(&claim.permalink),
        speaker = escape_html(&claim.speaker.name),
        text = escape_html(&s.text),
        status_key = status.as_str(),
        status = status.label(),
        said = date(s.said_on),
        org = escape_html(&state.org_name),
    );
    Ok((
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
        .into_response())
}
