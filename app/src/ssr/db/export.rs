//! Reading every published claim for the exports, in batches by id so that memory stays flat.

use super::pg;
use super::timestamp;
use super::Db;
use crate::model::comparison::Tolerances;
use crate::model::record::{FigureCheck, Outcome, RecordedFigure};
use crate::model::{export::ExportRow, public_id, Attribution, Status};
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};

/// A published claim and its first source, as read for the export.
#[derive(sqlx::FromRow)]
pub(super) struct Row {
    pub(super) id: i64,
    pub(super) kind: String,
    pub(super) text: String,
    pub(super) speaker: String,
    pub(super) speaker_slug: String,
    pub(super) said_on: NaiveDate,
    pub(super) status: Status,
    pub(super) attribution: Option<Attribution>,
    pub(super) verdict: Option<String>,
    pub(super) ruled_at: Option<DateTime<Utc>>,
    pub(super) quantity_value: Option<f64>,
    pub(super) quantity_unit: Option<String>,
    pub(super) quantity_of: Option<f64>,
    pub(super) quantity_change: Option<String>,
    pub(super) quantity_qualifier: Option<String>,
    pub(super) source_id: Option<i64>,
    pub(super) source_url: Option<String>,
    pub(super) source_title: Option<String>,
    pub(super) source_outlet: Option<String>,
    pub(super) source_published_on: Option<NaiveDate>,
    pub(super) retracted: bool,
}

/// Up to `limit` published claims with ids above `after_id`, in id order; `site` makes URLs absolute.
/// Returns the rows and the last id read.
pub async fn batch(
    db: &Db,
    site: &str,
    after_id: i64,
    limit: i64,
) -> Result<(Vec<ExportRow>, i64), AppError> {
    let pool = sqlite_or_pg!(db, pg::export::batch(site, after_id, limit));
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT c.id, c.kind, c.text, sp.name AS speaker, sp.slug AS speaker_slug, c.said_on, c.status,
                c.attribution, c.verdict, c.ruled_at,
                c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change, c.quantity_qualifier,
                src.id AS source_id, src.url AS source_url, src.title AS source_title,
                src.outlet AS source_outlet, src.published_on AS source_published_on,
                c.retracted_at IS NOT NULL AS retracted
           FROM claims c
           JOIN speakers sp ON sp.id = c.speaker_id
           LEFT JOIN sources src ON src.id = (SELECT a.source_id FROM appearances a WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1)
          WHERE c.id > ? AND c.stage = 'published'
          ORDER BY c.id
          LIMIT ?",
    )
    .bind(after_id)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    let last = rows.last().map_or(after_id, |r| r.id);
    let compared = super::recorded::compared_in_range(db, after_id, last).await?;
    Ok((export_rows(rows, site, compared), last))
}

/// The export's rows, with each numeric claim's compared figure (the same on every backend).
pub(super) fn export_rows(
    rows: Vec<Row>,
    site: &str,
    compared: Vec<(i64, Option<String>, RecordedFigure)>,
) -> Vec<ExportRow> {
    let out = rows
        .into_iter()
        .map(|r| {
            let id = public_id::encode(r.id);
            ExportRow {
                url: format!("{site}/claims/{id}"),
                id,
                kind: r.kind,
                text: r.text,
                speaker: r.speaker,
                speaker_slug: r.speaker_slug,
                said_on: r.said_on.to_string(),
                status: r.status.as_str().to_owned(),
                attribution: r.attribution.map(|a| a.as_str().to_owned()),
                verdict: r.verdict,
                ruled_at: r.ruled_at.map(timestamp),
                quantity_value: r.quantity_value,
                quantity_unit: r.quantity_unit,
                quantity_of: r.quantity_of,
                quantity_change: r.quantity_change,
                quantity_qualifier: r.quantity_qualifier,
                first_source_id: r.source_id.map(public_id::encode),
                first_source_url: r.source_id.map(|id| format!("{site}/sources/{}", public_id::encode(id))),
                first_source_source_url: r.source_url,
                first_source_title: r.source_title,
                first_source_outlet: r.source_outlet,
                first_source_published_on: r.source_published_on.map(|d| d.to_string()),
                retracted: r.retracted,
                figure_period: None,
                recorded_value: None,
                recorded_unit: None,
                recorded_of: None,
                recorded_period: None,
                recorded_source_url: None,
                recorded_publisher: None,
                comparison: None,
                comparison_summary: None,
            }
        })
        .collect();
    with_figure_checks(out, compared)
}

/// Adds each numeric claim's compared recorded figure and the comparison to its row.
fn with_figure_checks(
    mut rows: Vec<ExportRow>,
    compared: Vec<(i64, Option<String>, RecordedFigure)>,
) -> Vec<ExportRow> {
    for (claim_id, period, figure) in compared {
        let public = public_id::encode(claim_id);
        let Some(row) = rows.iter_mut().find(|r| r.id == public) else { continue };
        let Some(quantity) = row.quantity() else { continue };
        let check = FigureCheck::assemble(
            &quantity,
            period.clone(),
            None,
            vec![figure.clone()],
            &Tolerances::default(),
        );
        row.figure_period = period;
        row.recorded_value = Some(figure.value);
        row.recorded_unit = Some(figure.unit.clone());
        row.recorded_of = figure.of;
        row.recorded_period = figure.period.clone();
        row.recorded_source_url = Some(figure.source_url.clone());
        row.recorded_publisher = Some(figure.publisher.clone());
        (row.comparison, row.comparison_summary) = match check.outcome {
            Some(Outcome::Compared(c)) => (Some(c.direction.as_str().to_owned()), Some(c.summary)),
            Some(Outcome::Refused(reason)) => (Some("refused".to_owned()), Some(reason)),
            None => (None, None),
        };
    }
    rows
}
