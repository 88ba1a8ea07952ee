//! What a speaker repeated: published claims first said by someone else that this speaker said
//! again in a source (an appearance with its own speaker, `db::repeats::attach`). Their page
//! lists them, and a merge of speakers takes them along.

use super::pg;
use super::{Db, WriteTx};
use crate::AppError;
use chrono::NaiveDate;

/// A repetition by a speaker: the claim, the day it was said there, and the source.
#[derive(Debug)]
pub struct RepeatedRow {
    pub claim_id: i64,
    pub said_on: Option<NaiveDate>,
    pub source_id: i64,
    pub source_title: String,
    pub source_outlet: String,
    pub source_published_on: Option<NaiveDate>,
}

/// The newest `limit` repetitions by `speaker_id` of published claims by others, newest first.
pub async fn by_speaker(db: &Db, speaker_id: i64, limit: i64) -> Result<Vec<RepeatedRow>, AppError> {
    let pool = sqlite_or_pg!(db, pg::repeated::by_speaker(speaker_id, limit));
    Ok(sqlx::query_as!(
        RepeatedRow,
        r#"SELECT a.claim_id AS "claim_id!", coalesce(a.said_on, src.published_on) AS "said_on: NaiveDate",
                  src.id AS "source_id!", src.title AS "source_title!", src.outlet AS "source_outlet!",
                  src.published_on AS "source_published_on: NaiveDate"
             FROM appearances a
             JOIN claims c ON c.id = a.claim_id
             JOIN sources src ON src.id = a.source_id
            WHERE a.speaker_id = ?1 AND c.speaker_id <> ?1 AND c.list_seq IS NOT NULL
            ORDER BY coalesce(a.said_on, src.published_on) DESC, a.id DESC
            LIMIT ?2"#,
        speaker_id,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// Moves the repetitions by `from` to `into` (a merge of speakers). A repetition of a claim
/// `into` said first is then theirs again: its speaker becomes the claim's own (NULL).
pub async fn move_to(tx: &mut WriteTx, from: i64, into: i64) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::repeated::move_to(from, into));
    sqlx::query!(
        "UPDATE appearances
            SET speaker_id = CASE WHEN (SELECT c.speaker_id FROM claims c WHERE c.id = appearances.claim_id) = ?2
                                  THEN NULL ELSE ?2 END
          WHERE speaker_id = ?1",
        from,
        into
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}
