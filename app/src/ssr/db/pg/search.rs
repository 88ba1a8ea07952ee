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
//! Runtime-checked, the rest compile-time checked: [`page`], whose range condition, order and
//! shape depend on the cursor and the counts.

use super::unknown;
use crate::model::{public_id, Cursor, ListQuery, Page, Status, StatusCounts, COUNT_CAP};
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

/// The status group of a list (`a|b|c`, one token per status; every ruled status is the single
/// token `factcheck`), none when every status is listed.
fn status_group(statuses: Statuses<'_>) -> Option<String> {
    match statuses {
        Statuses::Any => None,
        Statuses::Listed(listed) if listed == Status::RATINGS => Some("factcheck".to_owned()),
        Statuses::Listed(listed) => {
            Some(listed.iter().map(|s| status_token(*s)).collect::<Vec<_>>().join("|"))
        }
    }
}

/// How a page of matches is found. A GIN index has no order: it hands back every match at once,
/// where the list's key can be walked from the newest end until a page is full. Which is cheaper
/// depends on how many match, and the search's counts (kept, see `claims::search_counts`) say
/// that before the page is read — the planner can only guess it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// At most the cap match under any status: every match of the words and filters is read from
    /// the index, the listed statuses kept, the newest taken. Leaving the status out of the index
    /// probe spares intersecting the words with a token most claims carry.
    Few,
    /// Few match in the listed statuses, many in others: the index is probed with the statuses too.
    FewListed,
    /// Many match: the list is walked from its newest end, each row tested, until the page is full.
    Many,
}

impl Shape {
    /// The shape for a list of `statuses` whose search counted `counts`.
    pub fn of(counts: &StatusCounts, statuses: Statuses<'_>) -> Shape {
        let listed = match statuses {
            Statuses::Any => Status::ALL,
            Statuses::Listed(listed) => listed,
        };
        let few = |(n, lower_bound): (i64, bool)| !lower_bound && n <= COUNT_CAP;
        if few(counts.total()) {
            Shape::Few
        } else if few(counts.sum(listed)) {
            Shape::FewListed
        } else {
            Shape::Many
        }
    }
}

/// The list keys (`claims.list_seq`) of one page of matches, newest first: `limit` of them
/// from the top, after (older than) or before (newer than) a cursor — keyset paging on the key.
/// The tsqueries are built once, in `q` (written in the condition, the function would run again
/// for every row tested), and the shape is fixed by the query's form: `OFFSET 0` keeps the
/// planner from turning a probe of the index into a walk of the list.
pub async fn page(
    pool: &PgPool,
    terms: &Terms,
    statuses: Statuses<'_>,
    shape: Shape,
    page: Page,
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    let (range, order, cursor) = match page {
        Page::First => ("", "DESC", None),
        Page::After(Cursor { seq }) => (" AND list_key < $4", "DESC", Some(seq)),
        Page::Before(Cursor { seq }) => (" AND list_key > $4", "ASC", Some(seq)),
    };
    // The statuses go into the index probe, or (few matches) are kept from what it hands back.
    let group = status_group(statuses);
    let (probed, kept): (Vec<String>, _) = match shape {
        Shape::Few => (terms.facets.clone(), group.map(|g| vec![g])),
        _ => (terms.facets.iter().cloned().chain(group).collect(), None),
    };
    let sql = if shape == Shape::Many {
        format!(
            "WITH q AS MATERIALIZED (SELECT claim_search_query($1, $2) AS probe)
             SELECT list_key FROM claim_search, q WHERE document @@ q.probe{range}
              ORDER BY list_key {order} LIMIT $3"
        )
    } else {
        format!(
            "WITH q AS MATERIALIZED (
                 SELECT claim_search_query($1, $2) AS probe,
                        CASE WHEN $5::text[] IS NULL THEN NULL ELSE claim_search_query('{{}}', $5) END AS kept)
             SELECT m.list_key
               FROM (SELECT list_key, document FROM claim_search, q WHERE document @@ q.probe{range} OFFSET 0) AS m, q
              WHERE q.kept IS NULL OR m.document @@ q.kept
              ORDER BY m.list_key {order} LIMIT $3"
        )
    };
    let query = sqlx::query_scalar(&sql).bind(&terms.words).bind(probed).bind(limit).bind(cursor);
    let query = if shape == Shape::Many { query } else { query.bind(kept) };
    let mut keys: Vec<i64> = query.fetch_all(pool).await?;
    if order == "ASC" {
        keys.reverse();
    }
    Ok(keys)
}

/// A search's matches per status under its other filters, each counted up to `cap` (a count of
/// `cap` means "at least"), by the index alone: one bounded probe per status. Each status's
/// tsquery is built once (`MATERIALIZED`): written inside the probe, the function would run again
/// for every row the index hands back to be rechecked, thousands per status for a frequent word.
pub async fn status_counts(pool: &PgPool, terms: &Terms, cap: i64) -> Result<Vec<(Status, i64)>, AppError> {
    let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let rows = sqlx::query!(
        r#"WITH probe AS MATERIALIZED (
               SELECT s.status, s.n, claim_search_query($1, $2::text[] || replace(s.status, '_', '')) AS query
                 FROM unnest($4::text[]) WITH ORDINALITY AS s (status, n))
           SELECT probe.status AS "status!",
                  (SELECT count(*) FROM (SELECT 1 FROM claim_search WHERE document @@ probe.query LIMIT $3) AS m) AS "n!"
             FROM probe ORDER BY probe.n"#,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counts_choose_how_a_page_of_matches_is_found() {
        let ruled = Statuses::Listed(Status::RATINGS);
        let exact = StatusCounts::exact(vec![(Status::True, 3), (Status::BeingChecked, 900)]);
        assert_eq!(Shape::of(&exact, ruled), Shape::Few, "903 matches in all: read them all");
        let many_checked =
            StatusCounts::capped(vec![(Status::True, 12), (Status::BeingChecked, COUNT_CAP)], COUNT_CAP);
        assert_eq!(Shape::of(&many_checked, ruled), Shape::FewListed, "12 listed among thousands");
        assert_eq!(Shape::of(&many_checked, Statuses::Any), Shape::Many);
        let many_true = StatusCounts::capped(vec![(Status::True, COUNT_CAP)], COUNT_CAP);
        assert_eq!(Shape::of(&many_true, ruled), Shape::Many, "a count at the cap is at least that many");
        let listed_over = StatusCounts::capped(
            vec![(Status::True, 600), (Status::False, 600), (Status::BeingChecked, COUNT_CAP)],
            COUNT_CAP,
        );
        assert_eq!(Shape::of(&listed_over, ruled), Shape::Many, "1,200 listed: walk the list");
    }
}
