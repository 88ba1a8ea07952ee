//! The readers' directory of speakers on PostgreSQL (twin of `db::speaker_directory`). SQLite's
//! LIKE and NOCASE ignore the case of ASCII letters only; on the schema's "C" columns ILIKE and
//! lower() do exactly that, so names sort and match as on SQLite (an accented initial after Z).

use crate::model::speaker_directory::{DirectoryEntry, DirectoryPage, DirectoryQuery, DIRECTORY_PAGE_SIZE};
use crate::model::SpeakerKind;
use crate::ssr::db::speaker_directory::{like_pattern, Row};
use crate::AppError;
use sqlx::PgPool;

/// See `db::speaker_directory::page`.
pub async fn page(pool: &PgPool, query: &DirectoryQuery) -> Result<DirectoryPage, AppError> {
    let pattern = like_pattern(&query.q);
    let (from, to) = match query.letter {
        Some(letter) => {
            let lower = letter.to_ascii_lowercase();
            (Some(lower.to_string()), Some(char::from(lower as u8 + 1).to_string()))
        }
        None => (None, None),
    };
    let anchor = match &query.after {
        None => None,
        Some(after) => {
            let found: Option<(String, String)> =
                sqlx::query!("SELECT name, slug FROM speakers WHERE slug = $1", after)
                    .fetch_optional(pool)
                    .await?
                    .map(|r| (r.name, r.slug));
            let Some(found) = found else {
                return Err(AppError::invalid(
                    "after",
                    "That page position is no longer in the directory; start again from the first page.",
                ));
            };
            Some(found)
        }
    };
    // Keyset paging on (name ignoring case, slug); the slug makes the order total.
    // The speakers a query selects (see `db::speaker_directory`), here and in the count below.
    let rows: Vec<Row> = sqlx::query_as!(
        Row,
        r#"SELECT s.slug, s.name, s.description, s.kind AS "kind: SpeakerKind",
                  (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts WHERE speaker_id = s.id) AS "claims!",
                  (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts
                    WHERE speaker_id = s.id AND status <> 'being_checked') AS "fact_checks!"
             FROM speakers s
            WHERE s.merged_into IS NULL
              AND EXISTS (SELECT 1 FROM speaker_claim_counts c WHERE c.speaker_id = s.id AND c.n > 0)
              AND ($1 = '' OR s.name ILIKE $1 ESCAPE '\'
                   OR EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id AND a.alias ILIKE $1 ESCAPE '\'))
              AND ($2::text IS NULL OR (lower(s.name) >= $2 AND lower(s.name) < $3))
              AND ($5::text IS NULL OR (lower(s.name), s.slug) > (lower($5 COLLATE "C"), $6))
            ORDER BY lower(s.name), s.slug LIMIT $4"#,
        &pattern,
        from.as_deref(),
        to.as_deref(),
        DIRECTORY_PAGE_SIZE as i64 + 1,
        anchor.as_ref().map(|(name, _)| name.as_str()),
        anchor.as_ref().map(|(_, slug)| slug.as_str())
    )
    .fetch_all(pool)
    .await?;
    let more = rows.len() > DIRECTORY_PAGE_SIZE;
    let rows = &rows[..rows.len().min(DIRECTORY_PAGE_SIZE)];
    let next = more.then(|| DirectoryQuery { after: rows.last().map(|r| r.slug.clone()), ..query.clone() });
    let matching: i64 = sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM (
             SELECT s.slug, s.name, s.description, s.kind,
                    (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts WHERE speaker_id = s.id) AS claims,
                    (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts
                      WHERE speaker_id = s.id AND status <> 'being_checked') AS fact_checks
               FROM speakers s
              WHERE s.merged_into IS NULL
                AND EXISTS (SELECT 1 FROM speaker_claim_counts c WHERE c.speaker_id = s.id AND c.n > 0)
                AND ($1 = '' OR s.name ILIKE $1 ESCAPE '\'
                     OR EXISTS (SELECT 1 FROM speaker_aliases a WHERE a.speaker_id = s.id AND a.alias ILIKE $1 ESCAPE '\'))
                AND ($2::text IS NULL OR (lower(s.name) >= $2 AND lower(s.name) < $3))) AS selected"#,
        &pattern,
        from.as_deref(),
        to.as_deref()
    )
    .fetch_one(pool)
    .await?;
    let speakers = rows.iter().cloned().map(Row::into_entry).collect();
    Ok(DirectoryPage { speakers, next, matching })
}

/// See `db::speaker_directory::named_in_search`. `lower(…) LIKE lower('words%')` is a range of
/// the name and alias indexes (their columns compare bytes, `COLLATE "C"`), where `ILIKE` read
/// every speaker: 4 ms of each search page at 20,000 speakers.
pub async fn named_in_search(pool: &PgPool, q: &str, limit: i64) -> Result<Vec<DirectoryEntry>, AppError> {
    if q.is_empty() || q.chars().count() > crate::model::speaker_directory::MAX_SEARCH_CHARS {
        return Ok(Vec::new());
    }
    let prefix = format!("{}%", &like_pattern(q)[1..]);
    let rows: Vec<Row> = sqlx::query_as!(Row, r#"SELECT s.slug, s.name, s.description, s.kind AS "kind: SpeakerKind",
                (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts WHERE speaker_id = s.id) AS "claims!",
                (SELECT coalesce(sum(n), 0)::bigint FROM speaker_claim_counts
                  WHERE speaker_id = s.id AND status <> 'being_checked') AS "fact_checks!"
           FROM speakers s
          WHERE s.merged_into IS NULL
            AND s.id IN (SELECT id FROM speakers WHERE lower(name) LIKE lower($1 COLLATE "C") ESCAPE '\'
                         UNION SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE lower($1 COLLATE "C") ESCAPE '\')
          ORDER BY "claims!" DESC, lower(s.name) LIMIT $2"#, &prefix, limit)
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().filter(|r| r.claims > 0).map(Row::into_entry).collect())
}
