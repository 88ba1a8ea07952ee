//! Rulings, their evidence and their sign-offs. A ruling is never edited: an amendment is a new
//! ruling, and only its state moves (proposed → sent back / withdrawn / published → superseded).

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::{Attribution, Decision, EvidenceLink, Review, Ruling, RulingKind, RulingState, Status};
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::SqliteConnection;

/// Which of a claim's rulings to read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    /// Readers: published (and superseded) rulings, with their approvals only.
    Public,
    /// Editors: every ruling, with every sign-off and send-back note.
    Desk,
}

/// A claim's rulings, oldest first, with evidence in the order cited and their sign-offs.
pub async fn for_claim(db: &Db, claim_id: i64, audience: Audience) -> Result<Vec<Ruling>, AppError> {
    let pool = sqlite_or_pg!(db, pg::rulings::for_claim(claim_id, audience));
    let mut conn = pool.acquire().await?;
    for_claim_on(&mut conn, claim_id, audience).await
}

pub async fn for_claim_on(
    conn: &mut SqliteConnection,
    claim_id: i64,
    audience: Audience,
) -> Result<Vec<Ruling>, AppError> {
    let public_only = audience == Audience::Public;
    let rows = sqlx::query!(
        r#"SELECT r.id AS "id!", r.rating AS "rating: Status", r.attribution AS "attribution: Attribution",
                  r.verdict, r.body, r.kind AS "kind: RulingKind", r.note, r.state AS "state: RulingState",
                  u.display_name AS author, r.created_at AS "created_at: DateTime<Utc>",
                  r.published_at AS "published_at: DateTime<Utc>"
             FROM rulings r JOIN users u ON u.id = r.author_id
            WHERE r.claim_id = ?1 AND (NOT ?2 OR r.state IN ('published', 'superseded'))
            ORDER BY r.id"#,
        claim_id,
        public_only
    )
    .fetch_all(&mut *conn)
    .await?;
    let evidence = sqlx::query!(
        r#"SELECT e.ruling_id, e.url, e.title, e.note
             FROM ruling_evidence e JOIN rulings r ON r.id = e.ruling_id
            WHERE r.claim_id = ? ORDER BY e.ruling_id, e.position"#,
        claim_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let reviews = sqlx::query!(
        r#"SELECT v.ruling_id, u.display_name AS reviewer, v.decision AS "decision: Decision", v.note,
                  v.created_at AS "at: DateTime<Utc>"
             FROM ruling_reviews v JOIN rulings r ON r.id = v.ruling_id JOIN users u ON u.id = v.reviewer_id
            WHERE r.claim_id = ?1 AND (NOT ?2 OR v.decision = 'approve') ORDER BY v.id"#,
        claim_id,
        public_only
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Ruling {
            evidence: evidence
                .iter()
                .filter(|e| e.ruling_id == row.id)
                .map(|e| EvidenceLink { url: e.url.clone(), title: e.title.clone(), note: e.note.clone() })
                .collect(),
            reviews: reviews
                .iter()
                .filter(|v| v.ruling_id == row.id)
                .map(|v| Review {
                    reviewer: v.reviewer.clone(),
                    decision: v.decision,
                    note: v.note.clone(),
                    at: v.at,
                })
                .collect(),
            id: row.id,
            rating: row.rating,
            attribution: row.attribution,
            verdict: row.verdict,
            body: row.body,
            kind: row.kind,
            note: row.note,
            state: row.state,
            author: row.author,
            created_at: row.created_at,
            published_at: row.published_at,
        })
        .collect())
}

/// A ruling to record.
#[derive(Clone, Debug)]
pub struct NewRuling<'a> {
    pub claim_id: i64,
    pub author_id: i64,
    pub rating: Status,
    pub attribution: Option<Attribution>,
    pub verdict: &'a str,
    pub body: &'a str,
    pub evidence: &'a [EvidenceLink],
    pub kind: RulingKind,
    pub note: Option<&'a str>,
    pub amends: Option<i64>,
    pub at: DateTime<Utc>,
}

/// Records a proposed ruling with its evidence; returns its id.
pub async fn insert(tx: &mut WriteTx, r: &NewRuling<'_>) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::insert(r));
    let at = timestamp(r.at);
    let id = sqlx::query_scalar!(
        r#"INSERT INTO rulings (claim_id, author_id, rating, attribution, verdict, body, kind, note, amends, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id AS "id!""#,
        r.claim_id,
        r.author_id,
        r.rating,
        r.attribution,
        r.verdict,
        r.body,
        r.kind,
        r.note,
        r.amends,
        at
    )
    .fetch_one(&mut *conn)
    .await?;
    for (position, link) in r.evidence.iter().enumerate() {
        let position = position as i64;
        sqlx::query!(
            "INSERT INTO ruling_evidence (ruling_id, position, url, title, note) VALUES (?, ?, ?, ?, ?)",
            id,
            position,
            link.url,
            link.title,
            link.note
        )
        .execute(&mut *conn)
        .await?;
    }
    Ok(id)
}

/// A claim's ruling that is not published yet (awaiting sign-off or sent back), if any.
#[derive(Clone, Debug, PartialEq)]
pub struct Open {
    pub id: i64,
    pub state: RulingState,
    pub author_id: i64,
    pub rating: Status,
    pub attribution: Option<Attribution>,
    pub amends: Option<i64>,
    pub kind: RulingKind,
}

pub async fn open_for_claim(tx: &mut WriteTx, claim_id: i64) -> Result<Option<Open>, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::open_for_claim(claim_id));
    let row = sqlx::query!(
        r#"SELECT id AS "id!", state AS "state: RulingState", author_id, rating AS "rating: Status",
                  attribution AS "attribution: Attribution", amends, kind AS "kind: RulingKind"
             FROM rulings WHERE claim_id = ? AND state IN ('proposed', 'sent_back')
            ORDER BY id DESC LIMIT 1"#,
        claim_id
    )
    .fetch_optional(&mut *conn)
    .await?;
    Ok(row.map(|r| Open {
        id: r.id,
        state: r.state,
        author_id: r.author_id,
        rating: r.rating,
        attribution: r.attribution,
        amends: r.amends,
        kind: r.kind,
    }))
}

/// Moves a ruling from `from` to `to` (the schema refuses moves backwards); `published_at` is
/// set when it is published. Returns whether it was still in `from`.
pub async fn move_state(
    tx: &mut WriteTx,
    id: i64,
    from: RulingState,
    to: RulingState,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::move_state(id, from, to, at));
    let published_at = (to == RulingState::Published).then(|| timestamp(at));
    let done = sqlx::query!(
        "UPDATE rulings SET state = ?, published_at = coalesce(published_at, ?) WHERE id = ? AND state = ?",
        to,
        published_at,
        id,
        from
    )
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records a reviewer's sign-off or send-back.
pub async fn add_review(
    tx: &mut WriteTx,
    ruling_id: i64,
    reviewer_id: i64,
    decision: Decision,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::add_review(ruling_id, reviewer_id, decision, note, at));
    let at = timestamp(at);
    sqlx::query!(
        "INSERT INTO ruling_reviews (ruling_id, reviewer_id, decision, note, created_at) VALUES (?, ?, ?, ?, ?)",
        ruling_id,
        reviewer_id,
        decision,
        note,
        at
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether `reviewer_id` already answered this ruling.
pub async fn reviewed_by(tx: &mut WriteTx, ruling_id: i64, reviewer_id: i64) -> Result<bool, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::reviewed_by(ruling_id, reviewer_id));
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM ruling_reviews WHERE ruling_id = ? AND reviewer_id = ?) AS "yes!: bool""#,
        ruling_id,
        reviewer_id
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// How many editors approved a ruling.
pub async fn approvals(tx: &mut WriteTx, ruling_id: i64) -> Result<i64, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::approvals(ruling_id));
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!: i64" FROM ruling_reviews WHERE ruling_id = ? AND decision = 'approve'"#,
        ruling_id
    )
    .fetch_one(&mut *conn)
    .await?)
}

/// The rating, attribution, verdict and body of a ruling (to write on the claim on publication).
pub struct Content {
    pub rating: Status,
    pub attribution: Option<Attribution>,
    pub verdict: String,
}

pub async fn content(tx: &mut WriteTx, id: i64) -> Result<Content, AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::rulings::content(id));
    let r = sqlx::query!(
        r#"SELECT rating AS "rating: Status", attribution AS "attribution: Attribution", verdict
             FROM rulings WHERE id = ?"#,
        id
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(Content { rating: r.rating, attribution: r.attribution, verdict: r.verdict })
}
