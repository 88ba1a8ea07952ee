//! What the sitemap lists: published claims (by their place in the list), speakers with published
//! claims, sources in which a published claim appears — each with when what readers see of it
//! last changed. Parts are key ranges (see `model::sitemap`), so every part is an index range.

use super::pg;
use super::Db;
use crate::AppError;

/// The largest keys, to know how many parts there are.
#[derive(Debug, sqlx::FromRow)]
pub struct Extent {
    pub max_list_seq: i64,
    pub max_speaker_id: i64,
    pub max_source_id: i64,
    /// Addresses in all (claims, speakers, sources), to know whether one file holds them.
    pub urls: i64,
}

pub async fn extent(db: &Db) -> Result<Extent, AppError> {
    let pool = sqlite_or_pg!(db, pg::sitemap::extent());
    // Kept counts and index ends, not scans: this runs on every miss of `/sitemap.xml`. Every
    // speaker and source is counted (an upper bound), which can only split the sitemap sooner.
    Ok(sqlx::query_as(
        "SELECT coalesce((SELECT max(list_seq) FROM claims), 0) AS max_list_seq,
                coalesce((SELECT max(id) FROM speakers), 0) AS max_speaker_id,
                coalesce((SELECT max(id) FROM sources), 0) AS max_source_id,
                coalesce((SELECT sum(n) FROM claim_counts), 0)
                + coalesce((SELECT max(id) FROM speakers), 0)
                + coalesce((SELECT max(id) FROM sources), 0) AS urls",
    )
    .fetch_one(pool)
    .await?)
}

/// Published claims with `list_seq` in `lo..=hi`: (id, last change).
pub async fn claims(db: &Db, lo: i64, hi: i64) -> Result<Vec<(i64, String)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sitemap::claims(lo, hi));
    Ok(sqlx::query_as(
        "SELECT id, max(updated_at, coalesce(ruled_at, ''), coalesce(published_at, ''), coalesce(retracted_at, ''))
           FROM claims WHERE list_seq BETWEEN ? AND ? ORDER BY list_seq",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?)
}

/// Speakers readers see (`speakers::is_public`) with `id` in `lo..=hi`: (slug, when their newest listed claim
/// was ruled or published).
pub async fn speakers(db: &Db, lo: i64, hi: i64) -> Result<Vec<(String, Option<String>)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sitemap::speakers(lo, hi));
    Ok(sqlx::query_as(
        "SELECT s.slug,
                (SELECT coalesce(c.ruled_at, c.published_at) FROM claims c
                  WHERE c.speaker_id = s.id AND c.list_seq IS NOT NULL ORDER BY c.list_seq DESC LIMIT 1)
           FROM speakers s
          WHERE s.id BETWEEN ? AND ? AND s.merged_into IS NULL
            AND (EXISTS (SELECT 1 FROM speaker_claim_counts n WHERE n.speaker_id = s.id AND n.n > 0)
                 OR EXISTS (SELECT 1 FROM appearances a JOIN claims c ON c.id = a.claim_id
                             WHERE a.speaker_id = s.id AND c.speaker_id <> s.id AND c.list_seq IS NOT NULL))
          ORDER BY s.id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?)
}

/// Sources with `id` in `lo..=hi` in which a published claim appears: (id, when the newest of
/// those claims was ruled or published).
pub async fn sources(db: &Db, lo: i64, hi: i64) -> Result<Vec<(i64, String)>, AppError> {
    let pool = sqlite_or_pg!(db, pg::sitemap::sources(lo, hi));
    Ok(sqlx::query_as(
        "SELECT a.source_id, max(coalesce(c.ruled_at, c.published_at, ''))
           FROM appearances a JOIN claims c ON c.id = a.claim_id
          WHERE a.source_id BETWEEN ? AND ? AND c.list_seq IS NOT NULL
          GROUP BY a.source_id ORDER BY a.source_id",
    )
    .bind(lo)
    .bind(hi)
    .fetch_all(pool)
    .await?)
}
