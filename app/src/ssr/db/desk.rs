//! The desk: a claim's stage and assignee, its private log, and the queries behind `/desk`.

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::desk::{DeskAction, DeskEvent, DeskFilter, DeskItem, DeskSection, OpenRuling, UserRef};
use crate::model::{public_id, ClaimKind, RulingState, Stage, Status};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;
use sqlx::{QueryBuilder, Sqlite};

/// Rows shown per section of the desk.
pub const SECTION_ROWS: i64 = 50;

/// What the desk's actions check before changing a claim.
#[derive(Clone, Debug, PartialEq)]
pub struct ClaimState {
    pub stage: Stage,
    pub kind: ClaimKind,
    pub status: Option<Status>,
    pub assignee_id: Option<i64>,
    pub ruling_id: Option<i64>,
    pub retracted: bool,
}

pub async fn state(tx: &mut WriteTx, claim_id: i64) -> Result<Option<ClaimState>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::state(claim_id));
    let row = sqlx::query!(
        r#"SELECT stage AS "stage: Stage", kind AS "kind: ClaimKind", status AS "status: Status",
                  assignee_id, ruling_id, retracted_at IS NOT NULL AS "retracted!: bool"
             FROM claims WHERE id = ?"#,
        claim_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| ClaimState {
        stage: r.stage,
        kind: r.kind,
        status: r.status,
        assignee_id: r.assignee_id,
        ruling_id: r.ruling_id,
        retracted: r.retracted,
    }))
}

/// Sets (or clears) who works on a claim.
pub async fn set_assignee(tx: &mut WriteTx, claim_id: i64, assignee_id: Option<i64>) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::set_assignee(claim_id, assignee_id));
    sqlx::query!("UPDATE claims SET assignee_id = ? WHERE id = ?", assignee_id, claim_id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Marks an intake claim discarded; returns whether it was in intake.
pub async fn discard(
    tx: &mut WriteTx,
    claim_id: i64,
    by: i64,
    reason: &str,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::discard(claim_id, by, reason, at));
    let at = timestamp(at);
    let done = sqlx::query!(
        "UPDATE claims SET stage = 'discarded', discarded_at = ?, discarded_by = ?, discard_reason = ?,
                assignee_id = NULL
          WHERE id = ? AND stage = 'intake'",
        at,
        by,
        reason,
        claim_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Brings a discarded claim back to intake; returns whether it was discarded.
pub async fn restore(tx: &mut WriteTx, claim_id: i64) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::restore(claim_id));
    let done = sqlx::query!(
        "UPDATE claims SET stage = 'intake', discarded_at = NULL, discarded_by = NULL, discard_reason = NULL
          WHERE id = ? AND stage = 'discarded'",
        claim_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// The next place at the top of the public lists.
async fn next_list_seq(tx: &mut SqliteConnection) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(r#"SELECT coalesce(max(list_seq), 0) + 1 AS "n!: i64" FROM claims"#)
        .fetch_one(&mut *tx)
        .await?)
}

/// Publishes an intake claim without a ruling, as "being checked"; returns whether it was intake.
pub async fn publish_being_checked(
    tx: &mut WriteTx,
    claim_id: i64,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::publish_being_checked(claim_id, at));
    let seq = next_list_seq(&mut *conn).await?;
    let at = timestamp(at);
    let done = sqlx::query!(
        "UPDATE claims SET stage = 'published', status = 'being_checked', list_seq = ?, published_at = ?
          WHERE id = ? AND stage = 'intake'",
        seq,
        at,
        claim_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Makes a just-published ruling the claim's: its public status, verdict and attribution. A
/// claim's first ruling also moves it to the top of the public lists (a new fact-check); the work
/// is done, so the claim is no longer assigned.
pub async fn show_ruling(
    tx: &mut WriteTx,
    claim_id: i64,
    ruling_id: i64,
    content: &super::rulings::Content,
    first: bool,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::show_ruling(claim_id, ruling_id, content, first, at));
    let seq = if first { Some(next_list_seq(&mut *conn).await?) } else { None };
    let at = timestamp(at);
    sqlx::query!(
        "UPDATE claims SET stage = 'published', status = ?, attribution = ?, verdict = ?, ruling_id = ?,
                ruled_at = ?, published_at = coalesce(published_at, ?), list_seq = coalesce(?, list_seq),
                assignee_id = NULL
          WHERE id = ?",
        content.rating,
        content.attribution,
        content.verdict,
        ruling_id,
        at,
        at,
        seq,
        claim_id
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Appends to the desk's private log of a claim.
pub async fn log(
    tx: &mut WriteTx,
    claim_id: i64,
    user_id: i64,
    action: DeskAction,
    detail: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::desk::log(claim_id, user_id, action, detail, at));
    let at = timestamp(at);
    sqlx::query!(
        "INSERT INTO desk_events (claim_id, user_id, action, detail, created_at) VALUES (?, ?, ?, ?, ?)",
        claim_id,
        user_id,
        action,
        detail,
        at
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A claim's desk log, oldest first.
pub async fn events(db: &Db, claim_id: i64) -> Result<Vec<DeskEvent>, AppError> {
    let pool = sqlite_or_pg!(db, pg::desk::events(claim_id));
    let rows = sqlx::query!(
        r#"SELECT u.display_name AS user, e.action AS "action: DeskAction", e.detail,
                  e.created_at AS "at: DateTime<Utc>"
             FROM desk_events e JOIN users u ON u.id = e.user_id
            WHERE e.claim_id = ? ORDER BY e.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| DeskEvent { user: r.user, action: r.action, detail: r.detail, at: r.at })
        .collect())
}

/// A claim's private desk fields: assignee, extractor confidence, discard.
pub struct DeskFields {
    pub assignee: Option<UserRef>,
    pub confidence: Option<f64>,
    pub discarded: Option<(String, String, DateTime<Utc>)>,
}

pub async fn fields(db: &Db, claim_id: i64) -> Result<DeskFields, AppError> {
    let pool = sqlite_or_pg!(db, pg::desk::fields(claim_id));
    let r = sqlx::query!(
        r#"SELECT a.username AS "assignee_username?", a.display_name AS "assignee_name?", c.confidence,
                  d.display_name AS "discarded_by?", c.discard_reason,
                  c.discarded_at AS "discarded_at: DateTime<Utc>"
             FROM claims c LEFT JOIN users a ON a.id = c.assignee_id LEFT JOIN users d ON d.id = c.discarded_by
            WHERE c.id = ?"#,
        claim_id
    )
    .fetch_one(pool)
    .await?;
    Ok(DeskFields {
        assignee: r
            .assignee_username
            .zip(r.assignee_name)
            .map(|(username, display_name)| UserRef { username, display_name }),
        confidence: r.confidence,
        discarded: match (r.discarded_by, r.discard_reason, r.discarded_at) {
            (Some(by), Some(reason), Some(at)) => Some((by, reason, at)),
            _ => None,
        },
    })
}

/// The sections of `/desk`, as conditions on `claims c` for the editor `me`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    AssignedToMe,
    AwaitingMySignOff,
    SentBackToMe,
    MineAwaitingOthers,
    Intake,
    RecentlyPublished,
}

impl Section {
    /// The section as a condition, on either backend (the SQL is the same on both).
    pub(super) fn push_condition<'a, DB>(self, qb: &mut QueryBuilder<'a, DB>, me: i64)
    where
        DB: sqlx::Database,
        i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    {
        match self {
            Section::AssignedToMe => {
                qb.push("c.assignee_id = ").push_bind(me).push(
                    " AND c.stage <> 'discarded' AND NOT EXISTS (SELECT 1 FROM rulings r WHERE r.claim_id = c.id \
                     AND r.state IN ('proposed', 'sent_back') AND r.author_id = ",
                );
                qb.push_bind(me).push(")");
            }
            Section::AwaitingMySignOff => {
                qb.push("c.id IN (SELECT r.claim_id FROM rulings r WHERE r.state = 'proposed' AND r.author_id <> ")
                    .push_bind(me)
                    .push(" AND NOT EXISTS (SELECT 1 FROM ruling_reviews v WHERE v.ruling_id = r.id AND v.reviewer_id = ")
                    .push_bind(me)
                    .push("))");
            }
            Section::SentBackToMe => {
                qb.push("c.id IN (SELECT claim_id FROM rulings WHERE state = 'sent_back' AND author_id = ")
                    .push_bind(me)
                    .push(")");
            }
            Section::MineAwaitingOthers => {
                qb.push("c.id IN (SELECT claim_id FROM rulings WHERE state = 'proposed' AND author_id = ")
                    .push_bind(me)
                    .push(")");
            }
            Section::Intake => {
                qb.push("c.stage = 'intake' AND c.assignee_id IS NULL");
            }
            Section::RecentlyPublished => {
                qb.push("c.list_seq IS NOT NULL");
            }
        }
    }

    pub(super) fn order(self) -> &'static str {
        match self {
            Section::RecentlyPublished => " ORDER BY c.list_seq DESC",
            _ => " ORDER BY c.id DESC",
        }
    }
}

/// The desk's filters as conditions, on either backend.
pub(super) fn push_filter<'a, DB>(qb: &mut QueryBuilder<'a, DB>, filter: &DeskFilter)
where
    DB: sqlx::Database,
    i64: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    String: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
    ClaimKind: sqlx::Encode<'a, DB> + sqlx::Type<DB>,
{
    if let Some(kind) = filter.kind {
        qb.push(" AND c.kind = ").push_bind(kind);
    }
    if let Some(slug) = &filter.speaker {
        qb.push(" AND c.speaker_id = (SELECT id FROM speakers WHERE slug = ")
            .push_bind(slug.clone())
            .push(")");
    }
    if let Some(source) = filter.source.as_deref().and_then(public_id::decode) {
        qb.push(" AND c.id IN (SELECT claim_id FROM appearances WHERE source_id = ")
            .push_bind(source)
            .push(")");
    }
}

/// The first rows of a section (after `older_than`, a claim id, for intake's next page) and how
/// many claims it holds in all.
pub async fn section(
    db: &Db,
    section: Section,
    me: i64,
    filter: &DeskFilter,
    older_than: Option<i64>,
) -> Result<DeskSection, AppError> {
    let pool = sqlite_or_pg!(db, pg::desk::section(section, me, filter, older_than));
    let mut qb = QueryBuilder::<Sqlite>::new("SELECT c.id FROM claims c WHERE ");
    section.push_condition(&mut qb, me);
    push_filter(&mut qb, filter);
    if let Some(id) = older_than {
        qb.push(" AND c.id < ").push_bind(id);
    }
    qb.push(section.order()).push(" LIMIT ").push_bind(SECTION_ROWS);
    let ids: Vec<i64> = qb.build_query_scalar().fetch_all(pool).await?;

    let mut qb = QueryBuilder::<Sqlite>::new("SELECT count(*) FROM claims c WHERE ");
    section.push_condition(&mut qb, me);
    push_filter(&mut qb, filter);
    let total: i64 = if section == Section::RecentlyPublished {
        // Every published claim is "recently published" by this condition: the section shows the
        // newest, and counting the whole archive would tell nothing.
        ids.len() as i64
    } else {
        qb.build_query_scalar().fetch_one(pool).await?
    };
    Ok(DeskSection { items: items(db, &ids).await?, total })
}

/// The desk's columns of claims beyond their summaries.
#[derive(sqlx::FromRow)]
pub(super) struct ItemRow {
    pub(super) id: i64,
    pub(super) confidence: Option<f64>,
    pub(super) added_at: DateTime<Utc>,
    pub(super) ruled_at: Option<DateTime<Utc>>,
    pub(super) assignee_username: Option<String>,
    pub(super) assignee_name: Option<String>,
    pub(super) open_id: Option<i64>,
    pub(super) open_state: Option<RulingState>,
    pub(super) open_author_username: Option<String>,
    pub(super) open_author_name: Option<String>,
    pub(super) open_rating: Option<Status>,
    pub(super) open_verdict: Option<String>,
    pub(super) approvals: i64,
    pub(super) sent_back_note: Option<String>,
    pub(super) sent_back_by: Option<String>,
}

impl ItemRow {
    pub(super) fn open_ruling(&self) -> Option<OpenRuling> {
        Some(OpenRuling {
            id: self.open_id?,
            state: self.open_state?,
            author: UserRef {
                username: self.open_author_username.clone()?,
                display_name: self.open_author_name.clone()?,
            },
            rating: self.open_rating?,
            verdict: self.open_verdict.clone()?,
            approvals: self.approvals,
            sent_back: self.sent_back_note.clone().zip(self.sent_back_by.clone()),
        })
    }
}

/// The desk's rows for these claims, in the order given.
pub async fn items(db: &Db, ids: &[i64]) -> Result<Vec<DeskItem>, AppError> {
    let pool = sqlite_or_pg!(db, pg::desk::items(ids));
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let mut qb = QueryBuilder::<Sqlite>::new(
        "SELECT c.id, c.confidence, c.created_at AS added_at, c.ruled_at, a.username AS assignee_username, \
                a.display_name AS assignee_name, o.id AS open_id, o.state AS open_state, \
                ou.username AS open_author_username, ou.display_name AS open_author_name, \
                o.rating AS open_rating, o.verdict AS open_verdict, \
                (SELECT count(*) FROM ruling_reviews v WHERE v.ruling_id = o.id AND v.decision = 'approve') AS approvals, \
                (SELECT v.note FROM ruling_reviews v WHERE v.ruling_id = o.id AND v.decision = 'send_back' \
                  ORDER BY v.id DESC LIMIT 1) AS sent_back_note, \
                (SELECT u.display_name FROM ruling_reviews v JOIN users u ON u.id = v.reviewer_id \
                  WHERE v.ruling_id = o.id AND v.decision = 'send_back' ORDER BY v.id DESC LIMIT 1) AS sent_back_by \
           FROM claims c LEFT JOIN users a ON a.id = c.assignee_id \
           LEFT JOIN rulings o ON o.id = (SELECT max(r.id) FROM rulings r \
                                           WHERE r.claim_id = c.id AND r.state IN ('proposed', 'sent_back')) \
           LEFT JOIN users ou ON ou.id = o.author_id \
          WHERE c.id IN (",
    );
    let mut list = qb.separated(", ");
    for id in ids {
        list.push_bind(*id);
    }
    qb.push(")");
    let rows: Vec<ItemRow> = qb.build_query_as().fetch_all(pool).await?;
    let summaries = super::claims::summaries(db, ids).await?;
    Ok(assemble_items(ids, &rows, &summaries))
}

/// The desk's rows in the order of `ids`, from their desk columns and summaries (either backend).
pub(super) fn assemble_items(
    ids: &[i64],
    rows: &[ItemRow],
    summaries: &[crate::model::ClaimSummary],
) -> Vec<DeskItem> {
    ids.iter()
        .filter_map(|id| {
            let public = public_id::encode(*id);
            let summary = summaries.iter().find(|s| s.public_id == public)?.clone();
            let row = rows.iter().find(|r| r.id == *id)?;
            Some(DeskItem {
                assignee: row
                    .assignee_username
                    .clone()
                    .zip(row.assignee_name.clone())
                    .map(|(username, display_name)| UserRef { username, display_name }),
                confidence: row.confidence,
                added_at: row.added_at,
                open_ruling: row.open_ruling(),
                ruled_at: row.ruled_at,
                summary,
            })
        })
        .collect()
}

/// The claim ids of public ids, in order; unknown ids are left out.
pub fn decode_ids(public_ids: &[String]) -> Vec<i64> {
    public_ids.iter().filter_map(|p| public_id::decode(p)).collect()
}
