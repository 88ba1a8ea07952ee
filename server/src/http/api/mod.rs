//! The read-only JSON API under `/api/v1`, and its OpenAPI 3.1 document.
//!
//! Every answer carries an `ETag` and honours `If-None-Match`; any origin may read it (CORS);
//! errors are `application/problem+json` with a 4xx status and a message saying what to fix.

mod names;
pub mod types;

use app::model::{ListQuery, Page};
use app::ssr::{db::rulings::Audience, read, AppState};
use app::AppError;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use names::{ClaimKindParam, IdParam, SlugParam, StatusParam};
use serde::Serialize;
use types::*;
use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "claimtrack API",
        version = "1",
        description = "Quotes and numeric claims in the news, their verdicts and their history. Read-only; any origin may call it."
    ),
    paths(list_claims, get_claim, list_speakers, get_speaker, get_source),
    components(schemas(
        Claim,
        ClaimList,
        ClaimFull,
        SpeakerRef,
        SourceRef,
        Quantity,
        RecordedFigure,
        FigureComparison,
        Ruling,
        Evidence,
        Retraction,
        Source,
        Appearance,
        SourceFull,
        Speaker,
        SpeakerList,
        SpeakerFull,
        RepeatedClaim,
        Problem,
        app::model::export::ExportRow,
        names::StatusName,
        names::RatingName,
        names::ClaimKindName,
        names::AttributionName,
        names::RulingKindName,
        names::SpeakerKindName,
        names::StatusParam,
        names::ClaimKindParam,
        names::SlugParam,
        names::IdParam
    ))
)]
pub struct ApiDoc;

/// `GET /api/v1/openapi.json`
pub async fn openapi(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let mut document = ApiDoc::openapi();
    document.servers = Some(vec![utoipa::openapi::Server::new(state.site_url.clone())]);
    match document.to_json() {
        Ok(json) => cached(&headers, "application/json", json),
        Err(err) => {
            tracing::error!(error = %err, "cannot serialise the OpenAPI document");
            problem(AppError::Internal)
        }
    }
}

/// The list filters from a query string, as the list page reads them.
fn list_query(raw: Option<String>) -> Result<ListQuery, AppError> {
    let pairs: Vec<(String, String)> = match raw.as_deref() {
        None | Some("") => Vec::new(),
        Some(q) => serde_urlencoded::from_str(q)
            .map_err(|_| AppError::invalid("query", "The query string is not valid URL encoding."))?,
    };
    Ok(ListQuery::parse(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))?)
}

fn list(page: &app::model::ClaimListPage, query: &ListQuery, site: &str, base: &str) -> ClaimList {
    let link = |p: Page| format!("{site}{base}{}", query.with_page(p).to_query_string());
    ClaimList {
        claims: page.claims.iter().map(|c| Claim::from_summary(c, site)).collect(),
        status_counts: counts(&page.status_counts),
        status_counts_capped_at: page.status_counts.capped_at,
        next: page.older.map(|c| link(Page::After(c))),
        previous: page.newer.map(|c| link(Page::Before(c))),
    }
}

/// Published claims, newest fact-check first, filtered like the list page: without `status`,
/// the fact-checks (every claim with a ruling); `status=being_checked` lists the claims being
/// checked.
#[utoipa::path(get, path = "/api/v1/claims",
    params(
        ("q" = Option<String>, Query, description = "Words to search for", max_length = 200),
        ("status" = Option<Vec<StatusParam>>, Query, description = "One or more statuses", explode = true),
        ("kind" = Option<ClaimKindParam>, Query, description = "Quotes or numeric claims"),
        ("speaker" = Option<SlugParam>, Query, description = "A speaker's slug"),
        ("source" = Option<IdParam>, Query, description = "A source's id"),
        ("after" = Option<IdParam>, Query, description = "Page position, from `next`"),
        ("before" = Option<IdParam>, Query, description = "Page position, from `previous`"),
        ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: if it is still current, the answer is 304 with no body"),
    ),
    responses((status = 200, body = ClaimList, headers(("ETag" = String, description = "A strong validator of this answer; send it back in If-None-Match"))), (status = 304, description = "Not Modified: the If-None-Match ETag is still current"), (status = 400, body = Problem, content_type = "application/problem+json")))]
pub async fn list_claims(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let query = list_query(raw)?;
        let page = read::claim_list(&state.db, &query).await?;
        Ok(list(&page, &query, &state.site_url, "/api/v1/claims"))
    };
    respond(&headers, result.await)
}

/// A published claim with its appearances, its ruling and the ruling's history.
#[utoipa::path(get, path = "/api/v1/claims/{id}",
    params(("id" = String, Path, description = "The claim's id", pattern = "^[0-9a-hjkmnp-tv-z]{8}$"), ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: if it is still current, the answer is 304 with no body")),
    responses((status = 200, body = ClaimFull, headers(("ETag" = String, description = "A strong validator of this answer; send it back in If-None-Match"))), (status = 304, description = "Not Modified: the If-None-Match ETag is still current"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_claim(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = read::claim_detail(&state.db, &state.site_url, &id, Audience::Public)
        .await
        .map(|d| ClaimFull::from_detail(&d, &state.site_url));
    respond(&headers, result)
}

/// Every speaker, by name.
#[utoipa::path(get, path = "/api/v1/speakers", params(("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: if it is still current, the answer is 304 with no body")), responses((status = 200, body = SpeakerList, headers(("ETag" = String, description = "A strong validator of this answer; send it back in If-None-Match"))), (status = 304, description = "Not Modified: the If-None-Match ETag is still current")))]
pub async fn list_speakers(State(state): State<AppState>, headers: HeaderMap) -> Response {
    let result = app::ssr::db::speakers::list(&state.db, 10_000).await.map(|all| SpeakerList {
        speakers: all.iter().map(|s| Speaker::from_model(s, &state.site_url)).collect(),
    });
    respond(&headers, result)
}

/// A speaker, how their claims are rated, and their newest claims.
#[utoipa::path(get, path = "/api/v1/speakers/{slug}",
    params(("slug" = String, Path, description = "The speaker's slug", pattern = "^[a-z0-9]+(-[a-z0-9]+)*$", max_length = 80), ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: if it is still current, the answer is 304 with no body")),
    responses((status = 200, body = SpeakerFull, headers(("ETag" = String, description = "A strong validator of this answer; send it back in If-None-Match"))), (status = 304, description = "Not Modified: the If-None-Match ETag is still current"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_speaker(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let query = ListQuery::default();
        let page = read::speaker_page(&state.db, &slug, &query, Audience::Public).await?;
        let base = format!("/api/v1/speakers/{slug}");
        Ok(SpeakerFull {
            speaker: Speaker::from_model(&page.speaker, &state.site_url),
            status_counts: counts(&page.status_counts),
            claims: list(
                &page.claims,
                &ListQuery { speaker: Some(slug.clone()), ..query },
                &state.site_url,
                &base,
            ),
            repeated: page.repeated.iter().map(|r| RepeatedClaim::from_model(r, &state.site_url)).collect(),
        })
    };
    respond(&headers, result.await)
}

/// A source and the newest claims appearing in it.
#[utoipa::path(get, path = "/api/v1/sources/{id}",
    params(("id" = String, Path, description = "The source's id", pattern = "^[0-9a-hjkmnp-tv-z]{8}$"), ("If-None-Match" = Option<String>, Header, description = "An ETag from an earlier answer: if it is still current, the answer is 304 with no body")),
    responses((status = 200, body = SourceFull, headers(("ETag" = String, description = "A strong validator of this answer; send it back in If-None-Match"))), (status = 304, description = "Not Modified: the If-None-Match ETag is still current"), (status = 404, body = Problem, content_type = "application/problem+json")))]
pub async fn get_source(
    State(state): State<AppState>,
    Path(id): Path<String>,
    headers: HeaderMap,
) -> Response {
    let result = async {
        let query = ListQuery::default();
        let page = read::source_page(&state.db, &id, &query, Audience::Public).await?;
        Ok(SourceFull {
            source: Source::from_model(&page.source, &state.site_url),
            claims: list(
                &page.claims,
                &ListQuery { source: Some(id.clone()), ..query },
                &state.site_url,
                "/api/v1/claims",
            ),
        })
    };
    respond(&headers, result.await)
}

/// Any other address under /api/v1.
pub async fn not_found() -> Response {
    problem(AppError::not_found(
        "There is no such API address. The API is described at /api/v1/openapi.json.",
    ))
}

fn respond<T: Serialize>(headers: &HeaderMap, result: Result<T, AppError>) -> Response {
    match result.and_then(|value| serde_json::to_string(&value).map_err(|_| AppError::Internal)) {
        Ok(json) => cached(headers, "application/json", json),
        Err(AppError::Moved(to)) => {
            let mut response = problem(AppError::Moved(to.clone()));
            if let Ok(location) = HeaderValue::from_str(&format!("/api/v1{to}")) {
                response.headers_mut().insert(header::LOCATION, location);
            }
            response
        }
        Err(error) => problem(error),
    }
}

/// A body with a strong ETag (a hash of it); a matching `If-None-Match` gets 304 and no body.
fn cached(request: &HeaderMap, content_type: &'static str, body: String) -> Response {
    let etag = super::etag::of(body.as_bytes());
    let matches = request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| super::etag::matches(v, &etag));
    let mut response = if matches {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        ([(header::CONTENT_TYPE, content_type)], body).into_response()
    };
    let headers = response.headers_mut();
    if let Ok(value) = HeaderValue::from_str(&etag) {
        headers.insert(header::ETAG, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=0, must-revalidate"));
    headers.insert(header::ACCESS_CONTROL_ALLOW_ORIGIN, HeaderValue::from_static("*"));
    response
}

/// An error as `application/problem+json`.
pub fn problem(error: AppError) -> Response {
    let status = StatusCode::from_u16(error.status_code()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let (detail, param) = match &error {
        AppError::Invalid { field, message } => (message.clone(), Some(field.clone())),
        other => (other.to_string(), None),
    };
    let body = Problem {
        kind: "about:blank".into(),
        title: error.title().into(),
        status: status.as_u16(),
        detail,
        param,
    };
    let json = serde_json::to_string(&body).unwrap_or_default();
    (
        status,
        [(header::CONTENT_TYPE, "application/problem+json"), (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*")],
        json,
    )
        .into_response()
}
