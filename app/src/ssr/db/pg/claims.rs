//! The claim list on PostgreSQL (twin of `db::claims::list`): one page of published claims,
//! newest first, filtered, searched, with the per-status counts and the filters' labels.
//!
//! Dates are TEXT in both schemas; here they are cast in the SELECT (`::date`) so that the rows
//! decode into the same `SummaryRow` as on SQLite.
//!
//! Runtime-checked, the rest compile-time checked: the page of claims (`fetch_page`) and the
//! status counts without search ([`status_counts`]), both built with `QueryBuilder` from the
//! reader's filters, page and order.

use super::search::{self, Terms};
use super::sources::stored_date;
use super::write::WriteTx;
use crate::model::{
    public_id, Attribution, Change, ClaimKind, ClaimListPage, ClaimSummary, ListQuery, Page, Qualifier,
    Stage, Status, StatusCounts, COUNT_CAP, PAGE_SIZE,
};
use crate::ssr::db::claims::{
    quantity_columns, sorted_counts, trim_page, ClaimMeta, NewClaim, SummaryRow, COUNT_MARGIN,
};
use crate::ssr::db::search::Statuses;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, QueryBuilder};

/// As `db::claims`' columns, dates cast from their stored text.
const SUMMARY_COLUMNS: &str = "SELECT c.id, c.kind, c.text, c.said_on::date AS said_on, c.stage, c.status, \
    c.attribution, c.verdict, c.list_seq, c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change, \
    c.quantity_qualifier, c.retracted_at IS NOT NULL AS retracted, sp.slug AS speaker_slug, \
    sp.name AS speaker_name, src.id AS source_id, src.title AS source_title, \
    src.outlet AS source_outlet, src.published_on::date AS source_published_on";

const SUMMARY_JOINS: &str = " JOIN speakers sp ON sp.id = c.speaker_id \
    LEFT JOIN sources src ON src.id = (SELECT a.source_id FROM appearances a \
                                        WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1)";

/// See `db::claims::list`.
pub async fn list(pool: &PgPool, query: &ListQuery) -> Result<ClaimListPage, AppError> {
    let terms = search::prepare(pool, query).await?;
    // The counts come first: a search's tell how its page is best found (`search::Shape`).
    let counts = status_counts(pool, query, &terms).await?;
    let rows = fetch_page(pool, query, &terms, &counts).await?;
    if matches!(query.page, Page::Before(_)) && rows.len() <= PAGE_SIZE {
        // Paging back reached the newest claims: show a full first page rather than a short one.
        let first = query.with_page(Page::First);
        let rows = fetch_page(pool, &first, &terms, &counts).await?;
        return finish(pool, first, rows, counts).await;
    }
    finish(pool, query.clone(), rows, counts).await
}

/// Up to PAGE_SIZE + 1 claims in list order (newest first); the extra one tells whether another
/// page follows. Their places in the list are chosen first, from an index alone (the list's or
/// the search's), and only those rows are joined for display.
async fn fetch_page(
    pool: &PgPool,
    query: &ListQuery,
    terms: &Terms,
    counts: &StatusCounts,
) -> Result<Vec<ClaimSummary>, AppError> {
    let descending = !matches!(query.page, Page::Before(_));
    let order = if descending { "DESC" } else { "ASC" };
    let mut qb = QueryBuilder::<Postgres>::new(SUMMARY_COLUMNS);
    if terms.is_empty() {
        qb.push(" FROM (SELECT c.list_seq AS seq FROM claims c WHERE c.list_seq IS NOT NULL");
        push_filters(&mut qb, query, true);
        match query.page {
            Page::First => {}
            Page::After(c) => {
                qb.push(" AND c.list_seq < ").push_bind(c.seq);
            }
            Page::Before(c) => {
                qb.push(" AND c.list_seq > ").push_bind(c.seq);
            }
        }
        qb.push(format!(" ORDER BY c.list_seq {order} LIMIT {}) AS page", PAGE_SIZE + 1));
    } else {
        let statuses = Statuses::Listed(query.listed_statuses());
        let shape = search::Shape::of(counts, statuses);
        let keys = search::page(pool, terms, statuses, shape, query.page, PAGE_SIZE as i64 + 1).await?;
        qb.push(" FROM unnest(").push_bind(keys).push("::bigint[]) AS page (seq)");
    }
    qb.push(" JOIN claims c ON c.list_seq = page.seq").push(SUMMARY_JOINS);
    qb.push(format!(" ORDER BY c.list_seq {order}"));
    let rows: Vec<SummaryRow> = qb.build_query_as().fetch_all(pool).await?;
    let mut claims: Vec<ClaimSummary> = rows.into_iter().map(SummaryRow::into_summary).collect();
    if !descending {
        claims.reverse();
    }
    Ok(claims)
}

/// See `db::claims`' filters: the status filter only when asked (the counts vary it).
fn push_filters(qb: &mut QueryBuilder<'_, Postgres>, query: &ListQuery, with_status: bool) {
    if with_status {
        if query.statuses.is_empty() {
            qb.push(" AND c.status <> 'being_checked'");
        } else {
            let statuses: Vec<&str> = query.statuses.iter().map(|s| s.as_str()).collect();
            qb.push(" AND c.status = ANY(").push_bind(statuses).push(")");
        }
    }
    if let Some(kind) = query.kind {
        qb.push(" AND c.kind = ").push_bind(kind.as_str());
    }
    if let Some(slug) = &query.speaker {
        qb.push(" AND c.speaker_id = (SELECT id FROM speakers WHERE slug = ")
            .push_bind(slug.clone())
            .push(")");
    }
    if let Some(source_id) = query.source.as_deref().and_then(public_id::decode) {
        qb.push(" AND c.id IN (SELECT claim_id FROM appearances WHERE source_id = ")
            .push_bind(source_id)
            .push(")");
    }
}

/// Trims the page, adds its cursors, counts and the filters' labels.
async fn finish(
    pool: &PgPool,
    query: ListQuery,
    claims: Vec<ClaimSummary>,
    status_counts: StatusCounts,
) -> Result<ClaimListPage, AppError> {
    let (claims, older, newer) = trim_page(query.page, claims);
    let speaker_name = match &query.speaker {
        Some(slug) => {
            sqlx::query_scalar!("SELECT name FROM speakers WHERE slug = $1", slug)
                .fetch_optional(pool)
                .await?
        }
        None => None,
    };
    let source_title = match query.source.as_deref().and_then(public_id::decode) {
        Some(id) => {
            sqlx::query_scalar!("SELECT title FROM sources WHERE id = $1", id).fetch_optional(pool).await?
        }
        None => None,
    };
    Ok(ClaimListPage { claims, status_counts, older, newer, speaker_name, source_title })
}

/// See `db::claims::status_counts`: exact without search (from the counts the triggers keep
/// where they can), capped per status with it.
pub async fn status_counts(
    pool: &PgPool,
    query: &ListQuery,
    terms: &Terms,
) -> Result<StatusCounts, AppError> {
    if !terms.is_empty() {
        return search_counts(pool, terms).await;
    }
    let by_speaker_only = query.speaker.is_some() && query.kind.is_none() && query.source.is_none();
    let mut qb = if query.speaker.is_none() && query.source.is_none() {
        let mut qb =
            QueryBuilder::<Postgres>::new("SELECT status, sum(n)::bigint FROM claim_counts WHERE n > 0");
        if let Some(kind) = query.kind {
            qb.push(" AND kind = ").push_bind(kind.as_str());
        }
        qb.push(" GROUP BY status");
        qb
    } else if by_speaker_only {
        let mut qb = QueryBuilder::<Postgres>::new(
            "SELECT status, n FROM speaker_claim_counts WHERE n > 0 AND speaker_id = (SELECT id FROM speakers WHERE slug = ",
        );
        qb.push_bind(query.speaker.clone()).push(")");
        qb
    } else {
        let mut qb = QueryBuilder::<Postgres>::new(
            "SELECT c.status, count(*) FROM claims c WHERE c.list_seq IS NOT NULL",
        );
        push_filters(&mut qb, query, false);
        qb.push(" GROUP BY c.status");
        qb
    };
    let rows: Vec<(Status, i64)> = qb.build_query_as().fetch_all(pool).await?;
    Ok(StatusCounts::exact(sorted_counts(rows)))
}

/// A search's per-status counts, worked out (see [`count_matches`]) or kept from an earlier
/// search while they still hold, as on SQLite (`db::kept`): a frequent word's counts are the
/// costly part of its page (a GIN index has no order to stop early in), and they survive the
/// writes that cannot have changed them. Readers asking for the same search at once wait for one
/// count.
async fn search_counts(pool: &PgPool, terms: &Terms) -> Result<StatusCounts, AppError> {
    let kept = crate::ssr::db::kept::of_key(crate::ssr::db::kept::postgres_key(pool));
    let version = super::maintenance::content_version(pool).await?;
    kept.search_counts.work_out(&terms.key(), version, || count_matches(pool, terms)).await
}

/// A search's per-status counts: exact up to [`COUNT_CAP`] matches in all (holding until
/// anything changes), else each status counted by the index alone up to the cap and
/// [`COUNT_MARGIN`] beyond and shown at most at the cap (holding while the smallest count's lead
/// over the cap lasts), as on SQLite.
async fn count_matches(pool: &PgPool, terms: &Terms) -> Result<(StatusCounts, i64), AppError> {
    let rows = search::counts_of_first(pool, terms, COUNT_CAP + 1).await?;
    if rows.iter().map(|(_, n)| n).sum::<i64>() <= COUNT_CAP {
        return Ok((StatusCounts::exact(sorted_counts(rows)), 0));
    }
    let counted = search::status_counts(pool, terms, COUNT_CAP + COUNT_MARGIN).await?;
    let every_status = counted.len() == Status::ALL.len();
    let fewest = if every_status { counted.iter().map(|(_, n)| *n).min().unwrap_or(0) } else { 0 };
    let slack = (fewest - COUNT_CAP).max(0);
    let shown = counted.into_iter().map(|(s, n)| (s, n.min(COUNT_CAP))).collect();
    Ok((StatusCounts::capped(sorted_counts(shown), COUNT_CAP), slack))
}

/// See `db::claims::summaries`: in the order of `ids`.
pub async fn summaries(pool: &PgPool, ids: &[i64]) -> Result<Vec<ClaimSummary>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    // SUMMARY_COLUMNS and SUMMARY_JOINS, written out for the macro.
    let rows: Vec<SummaryRow> = sqlx::query_as!(
        SummaryRow,
        r#"SELECT c.id, c.kind AS "kind: ClaimKind", c.text, c.said_on::date AS "said_on!", c.stage AS "stage: Stage",
                  c.status AS "status: Status", c.attribution AS "attribution: Attribution", c.verdict, c.list_seq,
                  c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change AS "quantity_change: Change",
                  c.quantity_qualifier AS "quantity_qualifier: Qualifier", c.retracted_at IS NOT NULL AS "retracted!",
                  sp.slug AS speaker_slug, sp.name AS speaker_name, src.id AS "source_id?",
                  src.title AS "source_title?", src.outlet AS "source_outlet?",
                  src.published_on::date AS source_published_on
             FROM claims c JOIN speakers sp ON sp.id = c.speaker_id
             LEFT JOIN sources src ON src.id = (SELECT a.source_id FROM appearances a
                                                 WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1)
            WHERE c.id = ANY($1)"#,
        ids
    )
    .fetch_all(pool)
    .await?;
    let mut by_id: std::collections::HashMap<i64, ClaimSummary> = rows
        .into_iter()
        .map(|r| r.into_summary())
        .map(|s| (public_id::decode(&s.public_id).unwrap_or(0), s))
        .collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// See `db::claims::summary`: the one-id case of [`summaries`], so that the columns are written
/// out once for the macro.
pub async fn summary(pool: &PgPool, id: i64) -> Result<Option<ClaimSummary>, AppError> {
    Ok(summaries(pool, &[id]).await?.pop())
}

/// speaker id, created, published, retraction reason, ruling id.
type MetaRow = (i64, DateTime<Utc>, Option<DateTime<Utc>>, Option<String>, Option<i64>);

/// See `db::claims::meta`.
pub async fn meta(pool: &PgPool, id: i64) -> Result<Option<ClaimMeta>, AppError> {
    let row: Option<MetaRow> = sqlx::query!(
        r#"SELECT speaker_id, created_at::timestamptz AS "created_at!", published_at::timestamptz, retraction_reason, ruling_id
           FROM claims WHERE id = $1"#,
        id
    )
    .fetch_optional(pool)
    .await?
    .map(|r| (r.speaker_id, r.created_at, r.published_at, r.retraction_reason, r.ruling_id));
    Ok(row.map(|(speaker_id, created_at, published_at, retraction_reason, ruling_id)| ClaimMeta {
        speaker_id,
        created_at,
        published_at,
        retraction_reason,
        ruling_id,
    }))
}

/// See `db::claims::insert`.
pub async fn insert(tx: &mut WriteTx, claim: &NewClaim<'_>) -> Result<i64, AppError> {
    let (value, unit, of, change, qualifier) = quantity_columns(claim.quantity);
    let created_at = crate::ssr::db::timestamp(claim.created_at);
    Ok(sqlx::query_scalar!(
        "INSERT INTO claims (kind, text, speaker_id, said_on, quantity_value, quantity_unit, quantity_of,
                             quantity_change, quantity_qualifier, created_at, updated_at, confidence)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, $11)
         RETURNING id",
        claim.kind as _,
        claim.text,
        claim.speaker_id,
        stored_date(Some(claim.said_on)),
        value,
        unit,
        of,
        change as _,
        qualifier as _,
        created_at,
        claim.confidence
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::claims::add_appearance`.
pub async fn add_appearance(
    tx: &mut WriteTx,
    claim_id: i64,
    source_id: i64,
    span: Option<(i64, i64)>,
) -> Result<(), AppError> {
    let (start, end) = span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
    sqlx::query!(
        "INSERT INTO appearances (claim_id, source_id, start_byte, end_byte) VALUES ($1, $2, $3, $4)",
        claim_id,
        source_id,
        start,
        end
    )
    .execute(&mut **tx)
    .await?;
    if span.is_some() {
        super::snapshots::record_place(tx, claim_id, source_id).await?;
    }
    Ok(())
}

/// See `db::claims::none_yet`.
pub async fn none_yet(pool: &PgPool) -> Result<bool, AppError> {
    let any: bool =
        sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM claims) AS "v!""#).fetch_one(pool).await?;
    Ok(!any)
}
