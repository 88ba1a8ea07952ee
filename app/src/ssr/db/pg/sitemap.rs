//! What the sitemap lists, on PostgreSQL (twin of `db::sitemap`): key ranges, each an index range.

use crate::ssr::db::sitemap::Extent;
use crate::AppError;
use sqlx::PgPool;

/// See `db::sitemap::extent`.
pub async fn extent(pool: &PgPool) -> Result<Extent, AppError> {
    Ok(sqlx::query_as!(
        Extent,
        r#"SELECT coalesce((SELECT max(list_seq) FROM claims), 0) AS "max_list_seq!",
                  coalesce((SELECT max(id) FROM speakers), 0) AS "max_speaker_id!",
                  coalesce((SELECT max(id) FROM sources), 0) AS "max_source_id!",
                  (coalesce((SELECT sum(n) FROM claim_counts), 0)
                   + coalesce((SELECT max(id) FROM speakers), 0)
                   + coalesce((SELECT max(id) FROM sources), 0))::bigint AS "urls!""#
    )
    .fetch_one(pool)
    .await?)
}

/// See `db::sitemap::claims` (SQLite's scalar max() is greatest() here).
pub async fn claims(pool: &PgPool, lo: i64, hi: i64) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT id, greatest(updated_at, coalesce(ruled_at, ''), coalesce(published_at, ''), coalesce(retracted_at, ''))
                  AS "modified!"
             FROM claims WHERE list_seq BETWEEN $1 AND $2 ORDER BY list_seq"#,
        lo,
        hi
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.id, r.modified)).collect())
}

/// See `db::sitemap::speakers`.
pub async fn speakers(pool: &PgPool, lo: i64, hi: i64) -> Result<Vec<(String, Option<String>)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT s.slug,
                  (SELECT coalesce(c.ruled_at, c.published_at) FROM claims c
                    WHERE c.speaker_id = s.id AND c.list_seq IS NOT NULL ORDER BY c.list_seq DESC LIMIT 1) AS "modified?"
             FROM speakers s
            WHERE s.id BETWEEN $1 AND $2 AND s.merged_into IS NULL
              AND (EXISTS (SELECT 1 FROM speaker_claim_counts n WHERE n.speaker_id = s.id AND n.n > 0)
                   OR EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                               WHERE a.speaker_id = s.id AND c.speaker_id <> s.id AND c.list_seq IS NOT NULL))
            ORDER BY s.id"#,
        lo,
        hi
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.slug, r.modified)).collect())
}

/// See `db::sitemap::sources`.
pub async fn sources(pool: &PgPool, lo: i64, hi: i64) -> Result<Vec<(i64, String)>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT a.source_id, max(coalesce(c.ruled_at, c.published_at, '')) AS "modified!"
             FROM appearances a JOIN claims c ON c.id = a.claim_id
            WHERE a.source_id BETWEEN $1 AND $2 AND c.list_seq IS NOT NULL
            GROUP BY a.source_id ORDER BY a.source_id"#,
        lo,
        hi
    )
    .fetch_all(pool)
    .await?;
    Ok(rows.into_iter().map(|r| (r.source_id, r.modified)).collect())
}
