//! Search on PostgreSQL (twin of `db::search`): the `claim_search` table, a tsvector per listed
//! claim keyed by its place in the list, with a GIN index (migrations/postgres 0002).
//!
//! What a reader typed arrives as words (`model::search::terms`: letters and digits only) and is
//! handed to the database as an array; `claim_search_query` quotes each as one lexeme, so it is
//! never read as tsquery syntax. Words of 3+ letters match every indexed word they begin (`:*`,
//! PostgreSQL's own prefix matching, which the GIN index answers: no word list to look up first,
//! as FTS5 needs). Filters other than status are facet tokens, as on SQLite, so the counts of a
//! search are answered by the index alone. Highlighting is `model::search`'s, shared.
//!
//! Runtime-checked, the rest compile-time checked: [`page`], whose range condition and order
//! depend on the cursor.

use super::unknown;
use crate::model::{public_id, Cursor, ListQuery, Page, Status};
use crate::ssr::db::search::Statuses;
use crate::AppError;
use sqlx::PgPool;

/// A search made ready for the index: the reader's words, and a facet token per filter other
/// than status. Empty when there are no words.
#[derive(Clone, Debug, Default)]
pub struct Terms {
    words: Vec<String>,
    facets: Vec<String>,
}

impl Terms {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// What names this search among those kept (`db::kept`): its words and facets.
    pub fn key(&self) -> String {
        format!("{}\u{1}{}", self.words.join(" "), self.facets.join(" "))
    }
}

/// See `db::search::prepare`: an unknown speaker's facet is `speaker0`, which nothing has.
pub async fn prepare(pool: &PgPool, query: &ListQuery) -> Result<Terms, AppError> {
    let words = query.search_terms();
    if words.is_empty() {
        return Ok(Terms::default());
    }
    let mut facets = Vec::new();
    if let Some(kind) = query.kind {
        facets.push(kind.as_str().to_owned());
    }
    if let Some(slug) = &query.speaker {
        let id: Option<i64> =
            sqlx::query_scalar!("SELECT id FROM speakers WHERE slug = $1", slug).fetch_optional(pool).await?;
        facets.push(format!("speaker{}", id.unwrap_or(0)));
    }
    if let Some(source) = query.source.as_deref().and_then(public_id::decode) {
        facets.push(format!("source{source}"));
    }
    Ok(Terms { words, facets })
}

/// How a status is indexed: one token (`mostly_true` → `mostlytrue`), as on SQLite.
fn status_token(status: Status) -> String {
    status.as_str().replace('_', "")
}

/// The facet groups of a search (`claim_search_query`'s second argument): its filters, and one of
/// the listed statuses (every ruled status is the single token `factcheck`).
fn facet_groups(terms: &Terms, statuses: Statuses<'_>) -> Vec<String> {
    let mut groups = terms.facets.clone();
    match statuses {
        Statuses::Any => {}
        Statuses::Listed(listed) if listed == Status::RATINGS => groups.push("factcheck".to_owned()),
        Statuses::Listed(listed) => {
            groups.push(listed.iter().map(|s| status_token(*s)).collect::<Vec<_>>().join("|"))
        }
    }
    groups
}

/// The list keys (`claims.list_seq`) of one page of matches, newest first: `limit` of them
/// from the top, after (older than) or before (newer than) a cursor — keyset paging on the key.
pub async fn page(
    pool: &PgPool,
    terms: &Terms,
    statuses: Statuses<'_>,
    page: Page,
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    let (range, order, cursor) = match page {
        Page::First => ("", "DESC", None),
        Page::After(Cursor { seq }) => (" AND list_key < $4", "DESC", Some(seq)),
        Page::Before(Cursor { seq }) => (" AND list_key > $4", "ASC", Some(seq)),
    };
    let sql = format!(
        "SELECT list_key FROM claim_search WHERE document @@ claim_search_query($1, $2){range} \
         ORDER BY list_key {order} LIMIT $3"
    );
    let mut keys: Vec<i64> = sqlx::query_scalar(&sql)
        .bind(&terms.words)
        .bind(facet_groups(terms, statuses))
        .bind(limit)
        .bind(cursor)
        .fetch_all(pool)
        .await?;
    if order == "ASC" {
        keys.reverse();
    }
    Ok(keys)
}

/// A search's matches per status under its other filters, each counted up to `cap` (a count of
/// `cap` means "at least"), by the index alone: one bounded probe per status.
pub async fn status_counts(pool: &PgPool, terms: &Terms, cap: i64) -> Result<Vec<(Status, i64)>, AppError> {
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let rows = sqlx::query!(
        r#"SELECT s.status AS "status!", (SELECT count(*) FROM (SELECT 1 FROM claim_search
                             WHERE document @@ claim_search_query($1, $2::text[] || replace(s.status, '_', ''))
                             LIMIT $3) AS m) AS "n!"
             FROM unnest($4::text[]) WITH ORDINALITY AS s (status, n) ORDER BY s.n"#,
        &terms.words,
        &terms.facets,
        cap,
        statuses.as_slice() as &[&str]
    )
    .fetch_all(pool)
    .await?;
    let mut counts = Vec::new();
    for row in rows {
        let (status, n) = (row.status, row.n);
        let status = Status::parse(&status).map_or_else(|| unknown("status", &status), Ok)?;
        if n > 0 {
            counts.push((status, n));
        }
    }
    Ok(counts)
}

/// The statuses of a search's first `limit` matches (any status), counted: exact counts when
/// the search has fewer matches than that.
pub async fn counts_of_first(
    pool: &PgPool,
    terms: &Terms,
    limit: i64,
) -> Result<Vec<(Status, i64)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT c.status AS "status!: Status", count(*) AS "n!"
             FROM (SELECT list_key FROM claim_search
                    WHERE document @@ claim_search_query($1, $2) LIMIT $3) AS m
             JOIN claims c ON c.list_seq = m.list_key GROUP BY c.status"#,
        &terms.words,
        &terms.facets,
        limit
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.status, r.n)).collect())
}
