//! `/export/claims.csv` and `/export/claims.jsonl`: every claim, streamed batch by batch.

use app::model::export::{self, ExportRow};
use app::ssr::{db, AppState};
use axum::body::Body;
use axum::extract::State;
use axum::http::header;
use axum::response::{IntoResponse, Response};
use futures_util::stream;

/// Claims read per database query while streaming.
pub const BATCH: i64 = 500;

/// The two formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Jsonl,
}

impl Format {
    pub fn header(self) -> String {
        match self {
            Format::Csv => export::csv_header(),
            Format::Jsonl => String::new(),
        }
    }

    pub fn line(self, row: &ExportRow) -> String {
        match self {
            Format::Csv => export::csv_line(row),
            Format::Jsonl => export::json_line(row),
        }
    }
}

/// The export as a stream of chunks: the header, then one chunk per batch of claims.
pub fn chunks(
    state: AppState,
    format: Format,
) -> impl futures_util::Stream<Item = Result<String, std::io::Error>> {
    let first = stream::once(async move { Ok(format.header()) });
    let rest = stream::try_unfold(Some(0i64), move |after| {
        let state = state.clone();
        async move {
            let Some(after) = after else { return Ok(None) };
            let (rows, last) = db::export::batch(&state.db, &state.site_url, after, BATCH)
                .await
                .map_err(|e| std::io::Error::other(e.to_string()))?;
            if rows.is_empty() {
                return Ok(None);
            }
            let chunk: String = rows.iter().map(|r| format.line(r)).collect();
            let next = (rows.len() as i64 == BATCH).then_some(last);
            Ok(Some((chunk, next)))
        }
    });
    futures_util::StreamExt::chain(first, rest)
}

fn respond(state: AppState, format: Format, content_type: &'static str, filename: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CONTENT_DISPOSITION, filename),
            (header::ACCESS_CONTROL_ALLOW_ORIGIN, "*"),
        ],
        Body::from_stream(chunks(state, format)),
    )
        .into_response()
}

pub async fn csv(State(state): State<AppState>) -> Response {
    respond(
        state,
        Format::Csv,
        "text/csv; charset=utf-8; header=present",
        "attachment; filename=\"claims.csv\"",
    )
}

pub async fn jsonl(State(state): State<AppState>) -> Response {
    respond(state, Format::Jsonl, "application/jsonl; charset=utf-8", "attachment; filename=\"claims.jsonl\"")
}
