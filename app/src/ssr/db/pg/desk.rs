//! The desk on PostgreSQL (twin of `db::desk`): a claim's stage and assignee, its private log,
//! and the queries behind `/desk`. The sections' and filters' conditions are the same SQL on both
//! backends and are shared (`desk::Section::push_condition`, `desk::push_filter`).
//!
//! Runtime-checked, the rest compile-time checked: [`section`]'s ids and count, built with
//! `QueryBuilder` from the section's and filters' conditions (which vary per request).

use super::write::WriteTx;
use crate::model::desk::{DeskAction, DeskEvent, DeskFilter, DeskItem, DeskSection, UserRef};
use crate::model::{ClaimKind, RulingState, Stage, Status};
use crate::ssr::db::desk::{
    assemble_items, push_filter, ClaimState, DeskFields, ItemRow, Section, SECTION_ROWS,
};
use crate::ssr::db::rulings::Content;
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgPool, Postgres, QueryBuilder};

/// stage, kind, status, assignee, ruling, retracted.
type StateRow = (Stage, ClaimKind, Option<Status>, Option<i64>, Option<i64>, bool);

/// See `db::desk::state`.
pub async fn state(tx: &mut WriteTx, claim_id: i64) -> Result<Option<ClaimState>, AppError> {
    let row: Option<StateRow> = sqlx::query!(
        r#"SELECT stage AS "stage: Stage", kind AS "kind: ClaimKind", status AS "status: Status", assignee_id,
                  ruling_id, retracted_at IS NOT NULL AS "retracted!"
             FROM claims WHERE id = $1"#,
        claim_id
    )
    .fetch_optional(&mut **tx)
    .await?
    .map(|r| (r.stage, r.kind, r.status, r.assignee_id, r.ruling_id, r.retracted));
    Ok(row.map(|(stage, kind, status, assignee_id, ruling_id, retracted)| ClaimState {
        stage,
        kind,
        status,
        assignee_id,
        ruling_id,
        retracted,
    }))
}

/// See `db::desk::set_assignee`.
pub async fn set_assignee(tx: &mut WriteTx, claim_id: i64, assignee_id: Option<i64>) -> Result<(), AppError> {
    sqlx::query!("UPDATE claims SET assignee_id = $1 WHERE id = $2", assignee_id, claim_id)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// See `db::desk::discard`.
pub async fn discard(
    tx: &mut WriteTx,
    claim_id: i64,
    by: i64,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let done = sqlx::query!("UPDATE claims SET stage = 'discarded', discarded_at = $1, discarded_by = $2, discard_reason = $3, assignee_id = NULL
          WHERE id = $4 AND stage = 'intake'", timestamp(at), by, reason, claim_id)
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::desk::restore`.
pub async fn restore(tx: &mut WriteTx, claim_id: i64) -> Result<bool, AppError> {
    let done = sqlx::query!(
        "UPDATE claims SET stage = 'intake', discarded_at = NULL, discarded_by = NULL, discard_reason = NULL
          WHERE id = $1 AND stage = 'discarded'",
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The next place at the top of the public lists (the writer lock makes it this write's alone).
async fn next_list_seq(tx: &mut WriteTx) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(r#"SELECT coalesce(max(list_seq), 0) + 1 AS "v!" FROM claims"#)
        .fetch_one(&mut **tx)
        .await?)
}

/// See `db::desk::publish_being_checked`.
pub async fn publish_being_checked(
    tx: &mut WriteTx,
    claim_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let seq = next_list_seq(tx).await?;
    let done = sqlx::query!(
        "UPDATE claims SET stage = 'published', status = 'being_checked', list_seq = $1, published_at = $2
          WHERE id = $3 AND stage = 'intake'",
        seq,
        timestamp(at),
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::desk::show_ruling`.
pub async fn show_ruling(
    tx: &mut WriteTx,
    claim_id: i64,
    ruling_id: i64,
    content: &Content,
    first: bool,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let seq = if first { Some(next_list_seq(tx).await?) } else { None };
    sqlx::query!(
        "UPDATE claims SET stage = 'published', status = $1, attribution = $2, verdict = $3, ruling_id = $4,
                ruled_at = $5, published_at = coalesce(published_at, $5), list_seq = coalesce($6, list_seq),
                assignee_id = NULL
          WHERE id = $7",
        content.rating as _,
        content.attribution as _,
        &content.verdict,
        ruling_id,
        timestamp(at),
        seq,
        claim_id
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::desk::log`.
pub async fn log(
    tx: &mut WriteTx,
    claim_id: i64,
    user_id: i64,
    action: DeskAction,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!(
        "INSERT INTO desk_events (claim_id, user_id, action, detail, created_at) VALUES ($1, $2, $3, $4, $5)",
        claim_id,
        user_id,
        action as _,
        detail,
        timestamp(at)
    )
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// See `db::desk::events`.
pub async fn events(pool: &PgPool, claim_id: i64) -> Result<Vec<DeskEvent>, AppError> {
    Ok(sqlx::query_as!(
        DeskEvent,
        r#"SELECT u.display_name AS "user", e.action AS "action: DeskAction", e.detail,
                  e.created_at::timestamptz AS "at!"
             FROM desk_events e JOIN users u ON u.id = e.user_id WHERE e.claim_id = $1 ORDER BY e.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::desk::fields`.
pub async fn fields(pool: &PgPool, claim_id: i64) -> Result<DeskFields, AppError> {
    let r = sqlx::query!(
        r#"SELECT a.username AS "username?", a.display_name AS "name?", c.confidence,
                  d.display_name AS "by?", c.discard_reason, c.discarded_at::timestamptz AS "at?"
             FROM claims c LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users d ON d.id = c.discarded_by
            WHERE c.id = $1"#,
        claim_id
    )
    .fetch_one(pool)
    .await?;
    Ok(DeskFields {
        assignee: r.username.zip(r.name).map(|(username, display_name)| UserRef { username, display_name }),
        confidence: r.confidence,
        discarded: match (r.by, r.discard_reason, r.at) {
            (Some(by), Some(reason), Some(at)) => Some((by, reason, at)),
            _ => None,
        },
    })
}

/// See `db::desk::section`.
pub async fn section(
    pool: &PgPool,
    section: Section,
    me: i64,
    filter: &DeskFilter,
    older_than: Option<i64>,
) -> Result<DeskSection, AppError> {
    let mut qb = QueryBuilder::<Postgres>::new("SELECT c.id FROM claims c WHERE ");
    section.push_condition(&mut qb, me);
    push_filter(&mut qb, filter);
    if let Some(id) = older_than {
        qb.push(" AND c.id < ").push_bind(id);
    }
    qb.push(section.order()).push(" LIMIT ").push_bind(SECTION_ROWS);
    let ids: Vec<i64> = qb.build_query_scalar().fetch_all(pool).await?;
    let total: i64 = if section == Section::RecentlyPublished {
        ids.len() as i64
    } else {
        let mut qb = QueryBuilder::<Postgres>::new("SELECT count(*) FROM claims c WHERE ");
        section.push_condition(&mut qb, me);
        push_filter(&mut qb, filter);
        qb.build_query_scalar().fetch_one(pool).await?
    };
    Ok(DeskSection { items: items(pool, &ids).await?, total })
}

/// See `db::desk::items`.
pub async fn items(pool: &PgPool, ids: &[i64]) -> Result<Vec<DeskItem>, AppError> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let rows: Vec<ItemRow> = sqlx::query_as!(ItemRow, r#"SELECT c.id, c.confidence, c.created_at::timestamptz AS "added_at!", c.ruled_at::timestamptz AS ruled_at,
                a.username AS "assignee_username?", a.display_name AS "assignee_name?", o.id AS "open_id?",
                o.state AS "open_state?: RulingState",
                ou.username AS "open_author_username?", ou.display_name AS "open_author_name?",
                o.rating AS "open_rating?: Status", o.verdict AS "open_verdict?",
                (SELECT count(*) FROM ruling_reviews v WHERE v.ruling_id = o.id AND v.decision = 'approve') AS "approvals!",
                (SELECT v.note FROM ruling_reviews v WHERE v.ruling_id = o.id AND v.decision = 'send_back'
                  ORDER BY v.id DESC LIMIT 1) AS sent_back_note,
                (SELECT u.display_name FROM ruling_reviews v JOIN users u ON u.id = v.reviewer_id
                  WHERE v.ruling_id = o.id AND v.decision = 'send_back' ORDER BY v.id DESC LIMIT 1) AS sent_back_by
           FROM claims c LEFT JOIN users a ON a.id = c.assignee_id
           LEFT JOIN rulings o ON o.id = (SELECT max(r.id) FROM rulings r
                                           WHERE r.claim_id = c.id AND r.state IN ('proposed', 'sent_back'))
           LEFT JOIN users ou ON ou.id = o.author_id
          WHERE c.id = ANY($1)"#, ids)
    .fetch_all(pool)
    .await?;
    let summaries = super::claims::summaries(pool, ids).await?;
    Ok(assemble_items(ids, &rows, &summaries))
}
