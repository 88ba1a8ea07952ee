//! What a speaker repeated, on PostgreSQL (twin of `db::repeated`). Dates are TEXT in both
//! schemas; here they are cast in the SELECT.

use super::write::WriteTx;
use crate::ssr::db::repeated::RepeatedRow;
use crate::AppError;
use sqlx::PgPool;

/// See `db::repeated::by_speaker`.
pub async fn by_speaker(pool: &PgPool, speaker_id: i64, limit: i64) -> Result<Vec<RepeatedRow>, AppError> {
    Ok(sqlx::query_as!(
        RepeatedRow,
        r#"SELECT a.claim_id, coalesce(a.said_on, src.published_on)::date AS said_on, src.id AS source_id,
                  src.title AS source_title, src.outlet AS source_outlet,
                  src.published_on::date AS source_published_on
             FROM appearances a
             JOIN claims c ON c.id = a.claim_id
             JOIN sources src ON src.id = a.source_id
            WHERE a.speaker_id = $1 AND c.speaker_id <> $1 AND c.list_seq IS NOT NULL
            ORDER BY coalesce(a.said_on, src.published_on) DESC, a.id DESC
            LIMIT $2"#,
        speaker_id,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::repeated::move_to`.
pub async fn move_to(tx: &mut WriteTx, from: i64, into: i64) -> Result<(), AppError> {
    sqlx::query!(
        "UPDATE appearances
            SET speaker_id = CASE WHEN (SELECT c.speaker_id FROM claims c WHERE c.id = appearances.claim_id) = $2
                                  THEN NULL ELSE $2 END
          WHERE speaker_id = $1",
        from,
        into
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}
