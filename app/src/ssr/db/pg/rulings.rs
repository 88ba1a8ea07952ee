//! Rulings, their evidence and sign-offs on PostgreSQL (twin of `db::rulings`). The schema's
//! triggers refuse the same edits and backward moves as SQLite's.

use super::write::WriteTx;
use crate::model::{Attribution, Decision, EvidenceLink, Review, Ruling, RulingKind, RulingState, Status};
use crate::ssr::db::rulings::{Audience, Content, NewRuling, Open};
use crate::ssr::db::timestamp;
use crate::AppError;
use chrono::{DateTime, Utc};
use sqlx::{PgConnection, PgPool};

#[derive(sqlx::FromRow)]
struct RulingRow {
    id: i64,
    rating: Status,
    attribution: Option<Attribution>,
    verdict: String,
    body: String,
    kind: RulingKind,
    note: Option<String>,
    state: RulingState,
    author: String,
    created_at: DateTime<Utc>,
    published_at: Option<DateTime<Utc>>,
}

#[derive(sqlx::FromRow)]
struct ReviewRow {
    ruling_id: i64,
    reviewer: String,
    decision: Decision,
    note: Option<String>,
    at: DateTime<Utc>,
}

/// See `db::rulings::for_claim`.
pub async fn for_claim(pool: &PgPool, claim_id: i64, audience: Audience) -> Result<Vec<Ruling>, AppError> {
    for_claim_on(&mut *pool.acquire().await?, claim_id, audience).await
}

/// See `db::rulings::for_claim_on`.
pub async fn for_claim_on(
    conn: &mut PgConnection,
    claim_id: i64,
    audience: Audience,
) -> Result<Vec<Ruling>, AppError> {
    let public_only = audience == Audience::Public;
    let rows: Vec<RulingRow> = sqlx::query_as!(
        RulingRow,
        r#"SELECT r.id, r.rating AS "rating: Status", r.attribution AS "attribution: Attribution", r.verdict, r.body,
                  r.kind AS "kind: RulingKind", r.note, r.state AS "state: RulingState", u.display_name AS author,
                  r.created_at::timestamptz AS "created_at!", r.published_at::timestamptz AS published_at
             FROM rulings r JOIN users u ON u.id = r.author_id
            WHERE r.claim_id = $1 AND (NOT $2 OR r.state IN ('published', 'superseded'))
            ORDER BY r.id"#,
        claim_id,
        public_only
    )
    .fetch_all(&mut *conn)
    .await?;
    let evidence = sqlx::query!(
        "SELECT e.ruling_id, e.url, e.title, e.note FROM ruling_evidence e JOIN rulings r ON r.id = e.ruling_id
          WHERE r.claim_id = $1 ORDER BY e.ruling_id, e.position",
        claim_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let reviews: Vec<ReviewRow> = sqlx::query_as!(
        ReviewRow,
        r#"SELECT v.ruling_id, u.display_name AS reviewer, v.decision AS "decision: Decision", v.note,
                  v.created_at::timestamptz AS "at!"
             FROM ruling_reviews v JOIN rulings r ON r.id = v.ruling_id JOIN users u ON u.id = v.reviewer_id
            WHERE r.claim_id = $1 AND (NOT $2 OR v.decision = 'approve') ORDER BY v.id"#,
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

/// See `db::rulings::insert`.
pub async fn insert(tx: &mut WriteTx, r: &NewRuling<'_>) -> Result<i64, AppError> {
    let id: i64 = sqlx::query_scalar!("INSERT INTO rulings (claim_id, author_id, rating, attribution, verdict, body, kind, note, amends, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id", r.claim_id, r.author_id, r.rating as _, r.attribution as _, r.verdict, r.body, r.kind as _, r.note, r.amends, timestamp(r.at))
    .fetch_one(&mut **tx)
    .await?;
    for (position, link) in r.evidence.iter().enumerate() {
        sqlx::query!(
            "INSERT INTO ruling_evidence (ruling_id, position, url, title, note) VALUES ($1, $2, $3, $4, $5)",
            id,
            position as i64,
            &link.url,
            &link.title,
            link.note.as_deref()
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}

#[derive(sqlx::FromRow)]
struct OpenRow {
    id: i64,
    state: RulingState,
    author_id: i64,
    rating: Status,
    attribution: Option<Attribution>,
    amends: Option<i64>,
    kind: RulingKind,
}

/// See `db::rulings::open_for_claim`.
pub async fn open_for_claim(tx: &mut WriteTx, claim_id: i64) -> Result<Option<Open>, AppError> {
    let row: Option<OpenRow> = sqlx::query_as!(
        OpenRow,
        r#"SELECT id, state AS "state: RulingState", author_id, rating AS "rating: Status",
                  attribution AS "attribution: Attribution", amends, kind AS "kind: RulingKind"
             FROM rulings WHERE claim_id = $1 AND state IN ('proposed', 'sent_back') ORDER BY id DESC LIMIT 1"#,
        claim_id
    )
    .fetch_optional(&mut **tx)
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

/// See `db::rulings::move_state`.
pub async fn move_state(
    tx: &mut WriteTx,
    id: i64,
    from: RulingState,
    to: RulingState,
    at: DateTime<Utc>,
) -> Result<bool, AppError> {
    let published_at = (to == RulingState::Published).then(|| timestamp(at));
    let done = sqlx::query!("UPDATE rulings SET state = $1, published_at = coalesce(published_at, $2) WHERE id = $3 AND state = $4", to as _, published_at, id, from as _)
        .execute(&mut **tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// See `db::rulings::add_review`.
pub async fn add_review(
    tx: &mut WriteTx,
    ruling_id: i64,
    reviewer_id: i64,
    decision: Decision,
    note: Option<&str>,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    sqlx::query!("INSERT INTO ruling_reviews (ruling_id, reviewer_id, decision, note, created_at) VALUES ($1, $2, $3, $4, $5)", ruling_id, reviewer_id, decision as _, note, timestamp(at))
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// See `db::rulings::reviewed_by`.
pub async fn reviewed_by(tx: &mut WriteTx, ruling_id: i64, reviewer_id: i64) -> Result<bool, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT EXISTS (SELECT 1 FROM ruling_reviews WHERE ruling_id = $1 AND reviewer_id = $2) AS "exists!""#,
        ruling_id,
        reviewer_id
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::rulings::approvals`.
pub async fn approvals(tx: &mut WriteTx, ruling_id: i64) -> Result<i64, AppError> {
    Ok(sqlx::query_scalar!(
        r#"SELECT count(*) AS "n!" FROM ruling_reviews WHERE ruling_id = $1 AND decision = 'approve'"#,
        ruling_id
    )
    .fetch_one(&mut **tx)
    .await?)
}

/// See `db::rulings::content`.
pub async fn content(tx: &mut WriteTx, id: i64) -> Result<Content, AppError> {
    Ok(sqlx::query_as!(
        Content,
        r#"SELECT rating AS "rating: Status", attribution AS "attribution: Attribution", verdict
             FROM rulings WHERE id = $1"#,
        id
    )
    .fetch_one(&mut **tx)
    .await?)
}
