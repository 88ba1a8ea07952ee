//! Claims: the filtered list, one claim, and adding claims.

use super::pg;
use super::{search, Db, WriteTx};
use crate::model::{
    public_id, Attribution, ClaimKind, ClaimListPage, ClaimSummary, Cursor, ListQuery, Page, Quantity,
    SourceRef, SpeakerRef, Stage, Status, StatusCounts, COUNT_CAP, PAGE_SIZE,
};
use crate::model::{Change, Qualifier};
use crate::AppError;
use chrono::NaiveDate;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

/// The columns of a [`ClaimSummary`], selected from `claims c`. The first appearance's source is
/// found through the `appearances (claim_id, source_id)` uniqueness index, one lookup per row.
const SUMMARY_COLUMNS: &str = "SELECT c.id, c.kind, c.text, c.said_on, c.stage, c.status, c.attribution, \
    c.verdict, c.list_seq, c.quantity_value, c.quantity_unit, c.quantity_of, c.quantity_change, \
    c.quantity_qualifier, c.retracted_at IS NOT NULL AS retracted, sp.slug AS speaker_slug, \
    sp.name AS speaker_name, src.id AS source_id, src.title AS source_title, \
    src.outlet AS source_outlet, src.published_on AS source_published_on";

const SUMMARY_JOINS: &str = " JOIN speakers sp ON sp.id = c.speaker_id \
    LEFT JOIN sources src ON src.id = (SELECT a.source_id FROM appearances a \
                                        WHERE a.claim_id = c.id ORDER BY a.id LIMIT 1)";

/// A claim row as selected by [`SUMMARY_COLUMNS`]. Stored enumerations are read as their types:
/// a value the code does not know fails the read instead of turning into a default.
#[derive(sqlx::FromRow)]
pub(super) struct SummaryRow {
    pub(super) id: i64,
    pub(super) kind: ClaimKind,
    pub(super) text: String,
    pub(super) said_on: NaiveDate,
    pub(super) stage: Stage,
    pub(super) status: Option<Status>,
    pub(super) attribution: Option<Attribution>,
    pub(super) verdict: Option<String>,
    pub(super) list_seq: Option<i64>,
    pub(super) quantity_value: Option<f64>,
    pub(super) quantity_unit: Option<String>,
    pub(super) quantity_of: Option<f64>,
    pub(super) quantity_change: Option<Change>,
    pub(super) quantity_qualifier: Option<Qualifier>,
    pub(super) retracted: bool,
    pub(super) speaker_slug: String,
    pub(super) speaker_name: String,
    pub(super) source_id: Option<i64>,
    pub(super) source_title: Option<String>,
    pub(super) source_outlet: Option<String>,
    pub(super) source_published_on: Option<NaiveDate>,
}

impl SummaryRow {
    pub(super) fn into_summary(self) -> ClaimSummary {
        let quantity = match (self.quantity_value, self.quantity_unit) {
            (Some(value), Some(unit)) => Some(Quantity {
                value,
                unit,
                of: self.quantity_of,
                change: self.quantity_change,
                qualifier: self.quantity_qualifier,
            }),
            _ => None,
        };
        let first_source = match (self.source_id, self.source_title, self.source_outlet) {
            (Some(id), Some(title), Some(outlet)) => Some(SourceRef {
                public_id: public_id::encode(id),
                title,
                outlet,
                published_on: self.source_published_on,
            }),
            _ => None,
        };
        ClaimSummary {
            public_id: public_id::encode(self.id),
            kind: self.kind,
            text: self.text,
            said_on: self.said_on,
            speaker: SpeakerRef { slug: self.speaker_slug, name: self.speaker_name },
            first_source,
            stage: self.stage,
            status: self.status,
            attribution: self.attribution,
            verdict: self.verdict,
            quantity,
            retracted: self.retracted,
            cursor: self.list_seq.map(|seq| Cursor { seq }),
        }
    }
}

/// The per-status counts of the published claims `query` filters, before any search (a
/// speaker's page shows them beside a filtered list).
pub async fn unsearched_status_counts(db: &Db, query: &ListQuery) -> Result<StatusCounts, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::status_counts(query, &pg::search::Terms::default()));
    status_counts(db, pool, query, &search::Terms::default()).await
}

/// Claims with these ids, by [`SUMMARY_COLUMNS`], in the order of `ids` (the desk's rows).
pub async fn summaries(db: &Db, ids: &[i64]) -> Result<Vec<ClaimSummary>, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::summaries(ids));
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut qb = QueryBuilder::<Sqlite>::new(SUMMARY_COLUMNS);
    qb.push(" FROM claims c").push(SUMMARY_JOINS).push(" WHERE c.id IN (");
    let mut list = qb.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    qb.push(")");
    let rows: Vec<SummaryRow> = qb.build_query_as().fetch_all(pool).await?;
    let mut by_id: std::collections::HashMap<i64, ClaimSummary> =
        rows.into_iter().map(|r| (r.id, r.into_summary())).collect();
    Ok(ids.iter().filter_map(|id| by_id.remove(id)).collect())
}

/// Appends the filters of `query` as `AND …` conditions on published claims `c`; the status
/// filter only when asked, since the per-status counts are taken under every filter but that one.
/// Without a status filter the list shows fact-checks: every status but "being checked".
fn push_filters(qb: &mut QueryBuilder<'_, Sqlite>, query: &ListQuery, with_status: bool) {
    if with_status {
        if query.statuses.is_empty() {
            // Not an IN list: with it the planner would read every fact-check's index entry and sort.
            qb.push(" AND c.status <> ").push_bind(Status::BeingChecked);
        } else {
            qb.push(" AND c.status IN (");
            let mut list = qb.separated(", ");
            for status in &query.statuses {
                list.push_bind(*status);
            }
            qb.push(")");
        }
    }
    if let Some(kind) = query.kind {
        qb.push(" AND c.kind = ").push_bind(kind);
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

/// One page of claims matching `query`, newest first, with the per-status counts.
pub async fn list(db: &Db, query: &ListQuery) -> Result<ClaimListPage, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::list(query));
    let terms = search::prepare(db, pool, query).await?;
    let (mut rows, descending) = fetch_page(pool, query, &terms).await?;
    if !descending && rows.len() <= PAGE_SIZE {
        // Paging back reached the newest claims: show a full first page rather than a short one.
        (rows, _) = fetch_page(pool, &query.with_page(Page::First), &terms).await?;
        return finish(db, pool, query.with_page(Page::First), rows, &terms).await;
    }
    finish(db, pool, query.clone(), rows, &terms).await
}

/// Fetches up to PAGE_SIZE + 1 rows in list order (newest first); the extra row tells whether
/// another page follows. Also returns whether the rows were read newest first (false when paging
/// back towards newer claims).
async fn fetch_page(
    pool: &SqlitePool,
    query: &ListQuery,
    terms: &search::Terms,
) -> Result<(Vec<ClaimSummary>, bool), AppError> {
    // The page's places in the list are chosen first, from an index alone (the list's or the
    // search index's); only those rows are then joined with speakers and sources for display.
    let descending = !matches!(query.page, Page::Before(_));
    let order = if descending { "DESC" } else { "ASC" };
    let cursor = match query.page {
        Page::First => None,
        Page::After(c) => Some(("<", c)),
        Page::Before(c) => Some((">", c)),
    };
    let mut qb = QueryBuilder::<Sqlite>::new(SUMMARY_COLUMNS);
    if terms.is_empty() {
        qb.push(" FROM (SELECT c.list_seq AS seq FROM claims c WHERE c.list_seq IS NOT NULL");
        push_filters(&mut qb, query, true);
        if let Some((comparison, c)) = cursor {
            qb.push(format!(" AND c.list_seq {comparison} ")).push_bind(c.seq);
        }
        qb.push(format!(" ORDER BY c.list_seq {order}"));
    } else {
        // The search index is in list order: FTS5 hands out matches newest first (or oldest first
        // from a cursor) and the LIMIT stops it, however many claims match. The filters are
        // matched by the index too.
        qb.push(format!(" FROM (SELECT {}", search::LIST_SEQ_COLUMN));
        match query.listed_statuses() {
            Status::RATINGS => search::push_fact_check_matches(&mut qb, terms),
            listed => search::push_matches(&mut qb, terms, search::Statuses::Listed(listed)),
        }
        if let Some((comparison, c)) = cursor {
            search::push_key_range(&mut qb, comparison, c);
        }
        qb.push(search::order_by_list_key(order));
    }
    qb.push(format!(" LIMIT {}) AS page", PAGE_SIZE + 1));
    qb.push(" CROSS JOIN claims c ON c.list_seq = page.seq").push(SUMMARY_JOINS);
    qb.push(format!(" ORDER BY c.list_seq {order}"));
    let rows: Vec<SummaryRow> = qb.build_query_as().fetch_all(pool).await?;
    let mut claims: Vec<ClaimSummary> = rows.into_iter().map(SummaryRow::into_summary).collect();
    if !descending {
        claims.reverse();
    }
    Ok((claims, descending))
}

/// Trims the extra row, works out the Older/Newer cursors and adds counts and filter labels.
async fn finish(
    db: &Db,
    pool: &SqlitePool,
    query: ListQuery,
    claims: Vec<ClaimSummary>,
    terms: &search::Terms,
) -> Result<ClaimListPage, AppError> {
    let (claims, older, newer) = trim_page(query.page, claims);
    let status_counts = status_counts(db, pool, &query, terms).await?;
    let speaker_name = match &query.speaker {
        Some(slug) => super::speakers::name_by_slug(db, slug).await?,
        None => None,
    };
    let source_title = match query.source.as_deref().and_then(public_id::decode) {
        Some(id) => super::sources::title_by_id(db, id).await?,
        None => None,
    };
    Ok(ClaimListPage { claims, status_counts, older, newer, speaker_name, source_title })
}

/// A page's claims without the extra row read to tell whether another page follows, and its
/// Older and Newer cursors (the same on every backend).
pub(super) fn trim_page(
    page: Page,
    mut claims: Vec<ClaimSummary>,
) -> (Vec<ClaimSummary>, Option<Cursor>, Option<Cursor>) {
    let more = claims.len() > PAGE_SIZE;
    let (older, newer) = match page {
        Page::First => {
            claims.truncate(PAGE_SIZE);
            (more.then(|| claims.last().and_then(|c| c.cursor)).flatten(), None)
        }
        Page::After(_) => {
            claims.truncate(PAGE_SIZE);
            (
                more.then(|| claims.last().and_then(|c| c.cursor)).flatten(),
                claims.first().and_then(|c| c.cursor),
            )
        }
        Page::Before(_) => {
            // Read oldest first and reversed: the extra row is the newest one, at the front.
            if more {
                claims.remove(0);
            }
            (claims.last().and_then(|c| c.cursor), claims.first().and_then(|c| c.cursor))
        }
    };
    (claims, older, newer)
}

/// How many claims match each status under every filter of `query` except the status filter.
/// Without search terms the counts are exact (kept by triggers where they can be: the whole
/// archive, a kind, a speaker); a search's counts stop at [`COUNT_CAP`] per status (see
/// [`search_counts`]).
pub(super) async fn status_counts(
    db: &Db,
    pool: &SqlitePool,
    query: &ListQuery,
    terms: &search::Terms,
) -> Result<StatusCounts, AppError> {
    if !terms.is_empty() {
        return search_counts(db, pool, terms).await;
    }
    let by_speaker_only = query.speaker.is_some() && query.kind.is_none() && query.source.is_none();
    let rows: Vec<(Status, i64)> = if query.speaker.is_none() && query.source.is_none() {
        // The whole archive, or one kind: the counts the triggers keep (migration 0003).
        let mut qb = QueryBuilder::<Sqlite>::new("SELECT status, sum(n) FROM claim_counts WHERE n > 0");
        if let Some(kind) = query.kind {
            qb.push(" AND kind = ").push_bind(kind);
        }
        qb.push(" GROUP BY status");
        qb.build_query_as().fetch_all(pool).await?
    } else if by_speaker_only {
        // One speaker: the counts the triggers keep per speaker (migration 0005).
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT status, n FROM speaker_claim_counts WHERE n > 0 \
             AND speaker_id = (SELECT id FROM speakers WHERE slug = ",
        );
        qb.push_bind(query.speaker.clone()).push(")");
        qb.build_query_as().fetch_all(pool).await?
    } else {
        let mut qb = QueryBuilder::<Sqlite>::new(
            "SELECT c.status, count(*) FROM claims c WHERE c.list_seq IS NOT NULL",
        );
        push_filters(&mut qb, query, false);
        qb.push(" GROUP BY c.status");
        qb.build_query_as().fetch_all(pool).await?
    };
    Ok(StatusCounts::exact(sorted_counts(rows)))
}

/// How far past the cap each status of a frequent search is counted: the counts then hold, as
/// "1,000+", while up to this many claims change (see `kept`).
pub(super) const COUNT_MARGIN: i64 = 1000;

/// A search's per-status counts, worked out (see [`count_matches`]) or kept from an earlier
/// search as long as they still hold.
async fn search_counts(db: &Db, pool: &SqlitePool, terms: &search::Terms) -> Result<StatusCounts, AppError> {
    let kept = super::kept::of(db);
    let key = search::match_expression(terms, search::Statuses::Any);
    kept.search_counts.work_out(&key, terms.version, || count_matches(pool, terms)).await
}

/// A search's per-status counts, and how many claims may change before they might not hold.
/// Up to [`COUNT_CAP`] matches they are exact, counted from the matches' rows in one pass (and
/// hold until anything changes); past it, each status is counted by the search index alone (it
/// holds the statuses and the other filters) up to the cap and [`COUNT_MARGIN`] beyond, so
/// that a word found in half the archive costs a few thousand index entries, and is shown as
/// "1,000+" for as long as the smallest count's lead over the cap lasts.
async fn count_matches(pool: &SqlitePool, terms: &search::Terms) -> Result<(StatusCounts, i64), AppError> {
    let mut qb = QueryBuilder::<Sqlite>::new(format!(
        "SELECT c.status, count(*) FROM (SELECT {}",
        search::LIST_SEQ_COLUMN
    ));
    search::push_matches(&mut qb, terms, search::Statuses::Any);
    qb.push(format!(
        " LIMIT {}) AS m CROSS JOIN claims c ON c.list_seq = m.seq GROUP BY c.status",
        COUNT_CAP + 1
    ));
    let rows: Vec<(Status, i64)> = qb.build_query_as().fetch_all(pool).await?;
    if rows.iter().map(|(_, n)| n).sum::<i64>() <= COUNT_CAP {
        return Ok((StatusCounts::exact(sorted_counts(rows)), 0));
    }

    let mut qb = QueryBuilder::<Sqlite>::new("");
    for (i, status) in Status::ALL.iter().enumerate() {
        if i > 0 {
            qb.push(" UNION ALL ");
        }
        qb.push("SELECT ").push_bind(*status).push(", (SELECT count(*) FROM (SELECT 1");
        search::push_matches(&mut qb, terms, search::Statuses::Listed(std::slice::from_ref(status)));
        qb.push(format!(" LIMIT {}))", COUNT_CAP + COUNT_MARGIN));
    }
    let rows: Vec<(Status, i64)> = qb.build_query_as().fetch_all(pool).await?;
    let fewest = rows.iter().map(|(_, n)| *n).min().unwrap_or(0);
    let slack = (fewest - COUNT_CAP).max(0);
    let shown = rows.into_iter().filter(|(_, n)| *n > 0).map(|(s, n)| (s, n.min(COUNT_CAP))).collect();
    Ok((StatusCounts::capped(sorted_counts(shown), COUNT_CAP), slack))
}

/// Database rows of (status, count) in the order of [`Status::ALL`].
pub(super) fn sorted_counts(mut counts: Vec<(Status, i64)>) -> Vec<(Status, i64)> {
    counts.sort_by_key(|(status, _)| *status);
    counts
}

/// The summary of one claim by internal id.
pub async fn summary(db: &Db, id: i64) -> Result<Option<ClaimSummary>, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::summary(id));
    let mut qb = QueryBuilder::<Sqlite>::new(SUMMARY_COLUMNS);
    qb.push(" FROM claims c").push(SUMMARY_JOINS).push(" WHERE c.id = ").push_bind(id);
    let row: Option<SummaryRow> = qb.build_query_as().fetch_optional(pool).await?;
    Ok(row.map(SummaryRow::into_summary))
}

/// What the permalink page needs beyond the summary.
pub struct ClaimMeta {
    pub speaker_id: i64,
    pub created_at: chrono::DateTime<chrono::Utc>,
    pub published_at: Option<chrono::DateTime<chrono::Utc>>,
    pub retraction_reason: Option<String>,
    pub ruling_id: Option<i64>,
}

pub async fn meta(db: &Db, id: i64) -> Result<Option<ClaimMeta>, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::meta(id));
    let row = sqlx::query!(
        r#"SELECT speaker_id, created_at AS "created_at: chrono::DateTime<chrono::Utc>",
                  published_at AS "published_at: chrono::DateTime<chrono::Utc>", retraction_reason, ruling_id
             FROM claims WHERE id = ?"#,
        id
    )
    .fetch_optional(pool)
    .await?;
    Ok(row.map(|r| ClaimMeta {
        speaker_id: r.speaker_id,
        created_at: r.created_at,
        published_at: r.published_at,
        retraction_reason: r.retraction_reason,
        ruling_id: r.ruling_id,
    }))
}

/// A claim to add, with its speaker already known.
#[derive(Clone, Debug)]
pub struct NewClaim<'a> {
    pub kind: ClaimKind,
    pub text: &'a str,
    pub speaker_id: i64,
    pub said_on: NaiveDate,
    pub quantity: Option<&'a Quantity>,
    pub created_at: chrono::DateTime<chrono::Utc>,
    /// The extractor's confidence, for an imported claim.
    pub confidence: Option<f64>,
}

/// The quantity columns of a claim: value, unit, of, change, qualifier (all NULL for a quote).
pub(super) type QuantityColumns<'a> =
    (Option<f64>, Option<&'a str>, Option<f64>, Option<Change>, Option<Qualifier>);

pub(super) fn quantity_columns(q: Option<&Quantity>) -> QuantityColumns<'_> {
    match q {
        Some(q) => (Some(q.value), Some(q.unit.as_str()), q.of, q.change, q.qualifier),
        None => (None, None, None, None, None),
    }
}

/// Adds a claim to intake (private until an editor publishes it) and returns its internal id.
pub async fn insert(tx: &mut WriteTx, claim: &NewClaim<'_>) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::claims::insert(claim));
    let kind = claim.kind;
    let (value, unit, of, change, qualifier) = quantity_columns(claim.quantity);
    let created_at = super::timestamp(claim.created_at);
    let id = sqlx::query_scalar!(
        r#"INSERT INTO claims (kind, text, speaker_id, said_on, quantity_value, quantity_unit,
                               quantity_of, quantity_change, quantity_qualifier, created_at, updated_at,
                               confidence)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           RETURNING id AS "id!""#,
        kind,
        claim.text,
        claim.speaker_id,
        claim.said_on,
        value,
        unit,
        of,
        change,
        qualifier,
        created_at,
        created_at,
        claim.confidence,
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(id)
}

/// Records that claim `claim_id` appears in source `source_id` (optionally at a byte range).
pub async fn add_appearance(
    tx: &mut WriteTx,
    claim_id: i64,
    source_id: i64,
    span: Option<(i64, i64)>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::claims::add_appearance(claim_id, source_id, span));
    let (start, end) = span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
    sqlx::query!(
        "INSERT INTO appearances (claim_id, source_id, start_byte, end_byte) VALUES (?, ?, ?, ?)",
        claim_id,
        source_id,
        start,
        end
    )
    .execute(&mut *conn)
    .await?;
    if span.is_some() {
        super::snapshots::record_place(tx, claim_id, source_id).await?;
    }
    Ok(())
}

/// Whether there are no claims at all (the demo loader only fills an empty database).
pub async fn none_yet(db: &Db) -> Result<bool, AppError> {
    let pool = sqlite_or_pg!(db, pg::claims::none_yet());
    let any = sqlx::query_scalar!(r#"SELECT EXISTS (SELECT 1 FROM claims) AS "any!: bool""#)
        .fetch_one(pool)
        .await?;
    Ok(!any)
}

#[cfg(test)]
#[path = "claims_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "search_tests.rs"]
mod search_tests;
