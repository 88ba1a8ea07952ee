//! The readers' directory of speakers: those with published claims, A–Z (ignoring case), with
//! their counts from `speaker_claim_counts` (kept by triggers, published claims only).

use super::pg;
use super::Db;
use crate::model::speaker_directory::{DirectoryEntry, DirectoryPage, DirectoryQuery, DIRECTORY_PAGE_SIZE};
use crate::model::SpeakerKind;
use crate::AppError;
use sqlx::SqlitePool;

/// The speakers a query selects, whatever the page: published claims, not merged, the search in
/// the name or an alias (case-insensitive for ASCII, as LIKE is), the first letter. Counts are
/// looked up per speaker listed, not grouped over every speaker.
const SELECTED: &str = "
    SELECT s.slug, s.name, s.description, s.kind,
           (SELECT coalesce(sum(n), 0) FROM speaker_claim_counts WHERE speaker_id = s.id) AS claims,
           (SELECT coalesce(sum(n), 0) FROM speaker_claim_counts
             WHERE speaker_id = s.id AND status <> 'being_checked') AS fact_checks
      FROM speakers s
     WHERE s.merged_into IS NULL
       AND EXISTS (SELECT 1 FROM speaker_claim_counts c WHERE c.speaker_id = s.id AND c.n > 0)
       AND (?1 = '' OR s.name LIKE ?1 ESCAPE '\\'
            OR EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id AND a.alias LIKE ?1 ESCAPE '\\'))
       AND (?2 IS NULL OR (s.name >= ?2 COLLATE NOCASE AND s.name < ?3 COLLATE NOCASE))";

#[derive(Clone, sqlx::FromRow)]
pub(super) struct Row {
    pub(super) slug: String,
    pub(super) name: String,
    pub(super) description: String,
    pub(super) kind: SpeakerKind,
    pub(super) claims: i64,
    pub(super) fact_checks: i64,
}

impl Row {
    pub(super) fn into_entry(self) -> DirectoryEntry {
        DirectoryEntry {
            slug: self.slug,
            name: self.name,
            description: self.description,
            kind: self.kind,
            claims: self.claims,
            fact_checks: self.fact_checks,
        }
    }
}

/// A page of the directory, and how many speakers match in all.
pub async fn page(db: &Db, query: &DirectoryQuery) -> Result<DirectoryPage, AppError> {
    let pool = sqlite_or_pg!(db, pg::speaker_directory::page(query));
    let pattern = like_pattern(&query.q);
    // A first letter is a range of the name index (NOCASE compares in lower case).
    let (from, to) = match query.letter {
        Some(letter) => {
            let lower = letter.to_ascii_lowercase();
            (Some(lower.to_string()), Some(char::from(lower as u8 + 1).to_string()))
        }
        None => (None, None),
    };
    let rows: Vec<Row> = match &query.after {
        None => {
            sqlx::query_as(&format!("{SELECTED} ORDER BY s.name COLLATE NOCASE, s.slug LIMIT ?4"))
                .bind(&pattern)
                .bind(&from)
                .bind(&to)
                .bind(DIRECTORY_PAGE_SIZE as i64 + 1)
                .fetch_all(pool)
                .await?
        }
        Some(after) => {
            let Some((name, slug)) = anchor(pool, after).await? else {
                return Err(AppError::invalid(
                    "after",
                    "That page position is no longer in the directory; start again from the first page.",
                ));
            };
            // Keyset paging on (name ignoring case, slug), a seek in the name index; the slug
            // makes the order total.
            sqlx::query_as(&format!(
                "{SELECTED} AND (s.name COLLATE NOCASE, s.slug) > (?5 COLLATE NOCASE, ?6)
                 ORDER BY s.name COLLATE NOCASE, s.slug LIMIT ?4"
            ))
            .bind(&pattern)
            .bind(&from)
            .bind(&to)
            .bind(DIRECTORY_PAGE_SIZE as i64 + 1)
            .bind(name)
            .bind(slug)
            .fetch_all(pool)
            .await?
        }
    };
    let more = rows.len() > DIRECTORY_PAGE_SIZE;
    let rows = &rows[..rows.len().min(DIRECTORY_PAGE_SIZE)];
    let next = more.then(|| DirectoryQuery { after: rows.last().map(|r| r.slug.clone()), ..query.clone() });
    let matching: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM ({SELECTED})"))
        .bind(&pattern)
        .bind(&from)
        .bind(&to)
        .fetch_one(pool)
        .await?;
    let speakers = rows.iter().cloned().map(Row::into_entry).collect();
    Ok(DirectoryPage { speakers, next, matching })
}

/// The name and slug of the speaker a page starts after.
async fn anchor(pool: &SqlitePool, slug: &str) -> Result<Option<(String, String)>, AppError> {
    Ok(sqlx::query_as("SELECT name, slug FROM speakers WHERE slug = ?")
        .bind(slug)
        .fetch_optional(pool)
        .await?)
}

/// The speakers a search names: those whose name or an alias starts with the words typed, most
/// published claims first, at most `limit`. Walks the name and alias indexes (prefixes only), so
/// it costs next to nothing beside the claim search it accompanies.
pub async fn named_in_search(db: &Db, q: &str, limit: i64) -> Result<Vec<DirectoryEntry>, AppError> {
    let pool = sqlite_or_pg!(db, pg::speaker_directory::named_in_search(q, limit));
    if q.is_empty() || q.chars().count() > crate::model::speaker_directory::MAX_SEARCH_CHARS {
        return Ok(Vec::new());
    }
    let prefix = format!("{}%", &like_pattern(q)[1..]);
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT s.slug, s.name, s.description, s.kind,
                (SELECT coalesce(sum(n), 0) FROM speaker_claim_counts WHERE speaker_id = s.id) AS claims,
                (SELECT coalesce(sum(n), 0) FROM speaker_claim_counts
                  WHERE speaker_id = s.id AND status <> 'being_checked') AS fact_checks
           FROM speakers s
          WHERE s.merged_into IS NULL
            AND s.id IN (SELECT id FROM speakers WHERE name LIKE ?1 ESCAPE '\\'
                         UNION SELECT speaker_id FROM speaker_aliases WHERE alias LIKE ?1 ESCAPE '\\')
          ORDER BY claims DESC, s.name COLLATE NOCASE LIMIT ?2",
    )
    .bind(&prefix)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter(|r| r.claims > 0).map(Row::into_entry).collect())
}

/// `%words%` with LIKE's wildcards in the words escaped; "" for no search.
pub(super) fn like_pattern(q: &str) -> String {
    if q.is_empty() {
        return String::new();
    }
    format!("%{}%", like_escaped(q))
}

/// `text` with LIKE's wildcards and its escape character escaped (for `ESCAPE '\\'`).
pub(super) fn like_escaped(text: &str) -> String {
    text.chars()
        .flat_map(|c| match c {
            '%' | '_' | '\\' => vec!['\\', c],
            c => vec![c],
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn like_wildcards_in_a_search_are_literal() {
        assert_eq!(super::like_pattern(""), "");
        assert_eq!(super::like_pattern("50%_a\\b"), "%50\\%\\_a\\\\b%");
    }
}
