//! Full-text search over claims: SQLite FTS5. The rest of the code passes plain terms from
//! `model::search` and never sees the query syntax built here.
//!
//! The index holds published claims only, keyed in list order (migration 0006): a claim's rowid
//! in `claims_fts` is its place in the list, `claims.list_seq`, so the index returns matches
//! newest first on its own, and the first page of a search reads about PAGE_SIZE matches however
//! many there are. Each claim's status, kind, speaker and sources are indexed too (column
//! `facets`), so every filter of a search, and its per-status counts, are answered by the index
//! without reading the claims.

use super::Db;
use crate::model::search::PREFIX_MIN_CHARS;
use crate::model::{public_id, Cursor, ListQuery, Status};
use crate::AppError;
use sqlx::{QueryBuilder, Sqlite, SqlitePool};

/// The place in the list of the current match, for a select list (`claims.list_seq`).
pub const LIST_SEQ_COLUMN: &str = "claims_fts.rowid AS seq";

/// Which statuses a search matches.
#[derive(Clone, Copy, Debug)]
pub enum Statuses<'a> {
    /// Every published claim (the per-status counts).
    Any,
    /// Claims with one of these statuses (what a list shows).
    Listed(&'a [Status]),
}

/// A prefix with more indexed words than this is matched by FTS5's own prefix query.
const MAX_COMPLETIONS: usize = 16;

/// A search made ready for the index: one FTS5 expression per term, and the conditions of the
/// filters other than status (which the counts vary). Empty when there are no terms.
#[derive(Clone, Debug, Default)]
pub struct Terms {
    words: Vec<String>,
    facets: Vec<String>,
    /// The content version the search was prepared at (what was kept is checked against it).
    pub version: i64,
}

impl Terms {
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Prepares `terms` (from `model::search::terms`) for the index. A term of three or more
/// characters matches every word it begins; those words are looked up in the index
/// (`claims_fts_instances`) and matched as `("missile" OR "missiles")`, which FTS5 reads newest
/// first and stops reading at the LIMIT. Its own prefix query (`"missile"*`) would first merge
/// every match of every such word — a third of the archive for a frequent word — on each query.
///
/// The kind, speaker and source filters of `query` become conditions on the `facets` column.
pub(super) async fn prepare(db: &Db, pool: &SqlitePool, query: &ListQuery) -> Result<Terms, AppError> {
    let terms = query.search_terms();
    if terms.is_empty() {
        return Ok(Terms::default());
    }
    let mut facets = Vec::new();
    if let Some(kind) = query.kind {
        facets.push(quoted(kind.as_str()));
    }
    if let Some(slug) = &query.speaker {
        let id: Option<i64> = sqlx::query_scalar("SELECT id FROM speakers WHERE slug = ?")
            .bind(slug)
            .fetch_optional(pool)
            .await?;
        // Ids start at 1, so `speaker0` is never indexed: an unknown speaker matches nothing.
        facets.push(quoted(&format!("speaker{}", id.unwrap_or(0))));
    }
    if let Some(source) = query.source.as_deref().and_then(public_id::decode) {
        facets.push(quoted(&format!("source{source}")));
    }
    let version = super::maintenance::content_version(db).await?;
    let kept = super::kept::of(db);
    let mut words = Vec::with_capacity(terms.len());
    for term in &terms {
        let expression = if term.chars().count() < PREFIX_MIN_CHARS {
            quoted(term)
        } else if !term.is_ascii() {
            // The index folds diacritics ("lópez" is indexed as "lopez"); FTS5 folds the query
            // the same way, a lookup of the words would not.
            format!("{}*", quoted(term))
        } else {
            // Any write may add a word, so the words are kept for this very version only.
            let beginning = kept
                .prefix_words
                .work_out(term, version, || async {
                    Ok::<_, AppError>((words_beginning(pool, term).await?, 0))
                })
                .await?;
            term_expression(term, &beginning)
        };
        words.push(expression);
    }
    Ok(Terms { words, facets, version })
}

/// The indexed words that begin with `prefix`, at most one more than [`MAX_COMPLETIONS`]. Each
/// step seeks the first instance of the next word (`>= word || char(1)`: the tokenizer never
/// emits control characters), so a word's matches are never counted or read past their first;
/// the `row` vocabulary table would count every match of every word it returns.
async fn words_beginning(pool: &SqlitePool, prefix: &str) -> Result<Vec<String>, AppError> {
    let words: Vec<String> = sqlx::query_scalar(
        "WITH RECURSIVE words (word, n) AS ( \
             SELECT (SELECT term FROM claims_fts_instances WHERE term >= ?1 AND term < ?2 LIMIT 1), 1 \
             UNION ALL \
             SELECT (SELECT term FROM claims_fts_instances WHERE term >= word || char(1) AND term < ?2 LIMIT 1), n + 1 \
               FROM words WHERE word IS NOT NULL AND n <= ?3) \
         SELECT word FROM words WHERE word IS NOT NULL",
    )
    .bind(prefix)
    .bind(ascii_successor(prefix))
    .bind(MAX_COMPLETIONS as i64)
    .fetch_all(pool)
    .await?;
    Ok(words)
}

/// The FTS5 expression for `term` given the indexed words it begins (at most one more than
/// [`MAX_COMPLETIONS`]).
fn term_expression(term: &str, words: &[String]) -> String {
    match words.len() {
        // Nothing begins with it: the term itself, which matches nothing and keeps the query valid.
        0 => quoted(term),
        n if n > MAX_COMPLETIONS => format!("{}*", quoted(term)),
        _ => format!("({})", words.iter().map(|w| quoted(w)).collect::<Vec<_>>().join(" OR ")),
    }
}

/// The smallest string above every string that begins with `prefix` (ASCII letters and digits).
fn ascii_successor(prefix: &str) -> String {
    let mut bytes = prefix.as_bytes().to_vec();
    if let Some(last) = bytes.last_mut() {
        *last += 1; // below 0x7f: letters and digits only
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// A term as an FTS5 string: quoted, so that user input is never read as query syntax.
fn quoted(term: &str) -> String {
    format!("\"{}\"", term.replace('"', "\"\""))
}

/// An FTS5 MATCH expression requiring every term in the claim's text, speaker or sources, every
/// filter, and one of the listed statuses: `{text speaker sources} : (("trade" OR "trades") AND
/// "putin") AND facets : ("false" OR "mostlytrue") AND facets : "numeric"`. Every ruling's status
/// (the default list, fact-checks) is the one token `factcheck`. Typed words never reach the
/// `facets` column.
pub fn match_expression(terms: &Terms, statuses: Statuses<'_>) -> String {
    // Explicit ANDs: FTS5 reads juxtaposed phrases as AND, but not juxtaposed groups.
    let mut expression = format!("{{text speaker sources}} : ({})", terms.words.join(" AND "));
    match statuses {
        Statuses::Any => {}
        Statuses::Listed(listed) if listed == Status::RATINGS => {
            expression.push_str(" AND facets : \"factcheck\"");
        }
        Statuses::Listed(listed) => {
            let any = listed.iter().map(|s| quoted(&status_token(*s))).collect::<Vec<_>>().join(" OR ");
            expression.push_str(&format!(" AND facets : ({any})"));
        }
    }
    for facet in &terms.facets {
        expression.push_str(&format!(" AND facets : {facet}"));
    }
    expression
}

/// How a status is indexed: one token, since the tokenizer would split `mostly_true` in two
/// (`beingchecked`, `mostlytrue`).
fn status_token(status: Status) -> String {
    status.as_str().replace('_', "")
}

/// `FROM` the search index's matches (of `terms` and its filters, and of one of `statuses` when
/// given), newest first when ordered by [`order_by_list_key`]. The builder is left ready for
/// `AND` conditions.
pub fn push_matches(qb: &mut QueryBuilder<'_, Sqlite>, terms: &Terms, statuses: Statuses<'_>) {
    qb.push(" FROM claims_fts WHERE claims_fts MATCH ").push_bind(match_expression(terms, statuses));
}

/// `FROM` the search index's matches that are fact-checks (every status but "being checked"), as
/// [`push_matches`] does with `Statuses::Listed(Status::RATINGS)`, but filtered on each match's
/// claim row instead of by the `factcheck` token. Most claims are fact-checks, so that token's
/// entries are most of the index, and FTS5 reads them backwards page by page to intersect them
/// with a word's: at a million claims that was three quarters of a rare word's first page (0.42
/// ms, against 0.14 ms reading the status of the few rows the page needs). The cost moves to a
/// word whose matches are mostly claims being checked: each is then looked up and passed over.
pub fn push_fact_check_matches(qb: &mut QueryBuilder<'_, Sqlite>, terms: &Terms) {
    qb.push(" FROM claims_fts CROSS JOIN claims listed ON listed.list_seq = claims_fts.rowid")
        .push(" WHERE claims_fts MATCH ")
        .push_bind(match_expression(terms, Statuses::Any))
        .push(" AND listed.status <> ")
        .push_bind(Status::BeingChecked);
}

/// Keyset paging on the index: matches listed after (`<`, older) or before (`>`, newer) `cursor`.
pub fn push_key_range(qb: &mut QueryBuilder<'_, Sqlite>, comparison: &str, cursor: Cursor) {
    qb.push(format!(" AND claims_fts.rowid {comparison} ")).push_bind(cursor.seq);
}

/// Orders matches by list key, which FTS5 does without sorting: `DESC` is newest first.
pub fn order_by_list_key(order: &str) -> String {
    format!(" ORDER BY claims_fts.rowid {order}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prepared(expressions: &[&str], facets: &[&str]) -> Terms {
        Terms {
            words: expressions.iter().map(|e| e.to_string()).collect(),
            facets: facets.iter().map(|e| e.to_string()).collect(),
            version: 0,
        }
    }

    #[test]
    fn a_prefix_becomes_the_words_it_begins_or_fts5s_prefix_query_when_they_are_many() {
        let words = |n: usize| (0..n).map(|i| format!("missile{i}")).collect::<Vec<_>>();
        assert_eq!(
            term_expression("missile", &["missile".into(), "missiles".into()]),
            "(\"missile\" OR \"missiles\")"
        );
        assert_eq!(term_expression("zzz", &[]), "\"zzz\"");
        assert_eq!(
            term_expression("missile", &words(MAX_COMPLETIONS)).matches(" OR ").count(),
            MAX_COMPLETIONS - 1
        );
        assert_eq!(term_expression("missile", &words(MAX_COMPLETIONS + 1)), "\"missile\"*");
    }

    #[test]
    fn the_successor_bounds_exactly_the_words_a_prefix_begins() {
        assert_eq!(ascii_successor("gov"), "gow");
        assert_eq!(ascii_successor("a9"), "a:");
        assert!("governments" < ascii_successor("government").as_str());
        assert!("governmenu" >= ascii_successor("government").as_str());
    }

    #[test]
    fn terms_are_confined_to_the_claims_words_and_filters_to_their_column() {
        assert_eq!(
            match_expression(&prepared(&["\"of\""], &[]), Statuses::Any),
            "{text speaker sources} : (\"of\")"
        );
        assert_eq!(
            match_expression(&prepared(&["\"of\""], &[]), Statuses::Listed(Status::RATINGS)),
            "{text speaker sources} : (\"of\") AND facets : \"factcheck\""
        );
        assert_eq!(
            match_expression(
                &prepared(&["(\"tax\" OR \"taxes\")", "\"of\""], &["\"numeric\"", "\"speaker7\""]),
                Statuses::Listed(&[Status::MostlyTrue, Status::False])
            ),
            "{text speaker sources} : ((\"tax\" OR \"taxes\") AND \"of\") AND facets : (\"mostlytrue\" OR \"false\") \
             AND facets : \"numeric\" AND facets : \"speaker7\""
        );
    }

    #[test]
    fn syntax_in_the_input_stays_inert() {
        assert_eq!(quoted("x\" OR \"y"), "\"x\"\" OR \"\"y\"");
    }
}
