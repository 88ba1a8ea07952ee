//! Verifications (the append-only status history of a claim) and their evidence links.

use super::WriteTx;
use crate::model::{EvidenceLink, Status, Verification};
use crate::AppError;
use chrono::{DateTime, SecondsFormat, Utc};
use sqlx::SqlitePool;

/// The stored form of a timestamp: RFC 3339 in UTC with milliseconds, as the schema's defaults.
pub fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A claim's verification history, oldest first, with evidence in the order it was cited.
pub async fn for_claim(pool: &SqlitePool, claim_id: i64) -> Result<Vec<Verification>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT v.id AS "id!", v.status, v.verdict, v.rationale, u.display_name AS editor,
                  v.created_at AS "created_at: DateTime<Utc>"
             FROM verifications v JOIN users u ON u.id = v.editor_id
            WHERE v.claim_id = ?
            ORDER BY v.id"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    let links = sqlx::query!(
        r#"SELECT e.verification_id, e.url, e.title
             FROM evidence_links e JOIN verifications v ON v.id = e.verification_id
            WHERE v.claim_id = ?
            ORDER BY e.verification_id, e.position"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| Verification {
            status: Status::parse(&row.status).unwrap_or(Status::Unverified),
            verdict: row.verdict,
            rationale: row.rationale,
            evidence: links
                .iter()
                .filter(|l| l.verification_id == row.id)
                .map(|l| EvidenceLink { url: l.url.clone(), title: l.title.clone() })
                .collect(),
            editor: row.editor,
            at: row.created_at,
        })
        .collect())
}

/// A status change to record.
#[derive(Clone, Debug)]
pub struct NewVerification<'a> {
    pub claim_id: i64,
    pub status: Status,
    pub verdict: &'a str,
    pub rationale: &'a str,
    pub evidence: &'a [EvidenceLink],
    pub editor_id: i64,
    pub at: DateTime<Utc>,
}

/// Appends a verification; the schema's trigger makes it the claim's current status.
pub async fn append(tx: &mut WriteTx, v: &NewVerification<'_>) -> Result<i64, AppError> {
    let status = v.status.as_str();
    let at = timestamp(v.at);
    let id = sqlx::query_scalar!(
        "INSERT INTO verifications (claim_id, status, verdict, rationale, editor_id, created_at)
         VALUES (?, ?, ?, ?, ?, ?) RETURNING id AS \"id!\"",
        v.claim_id,
        status,
        v.verdict,
        v.rationale,
        v.editor_id,
        at
    )
    .fetch_one(&mut **tx)
    .await?;
    for (position, link) in v.evidence.iter().enumerate() {
        let position = position as i64;
        sqlx::query!(
            "INSERT INTO evidence_links (verification_id, position, url, title) VALUES (?, ?, ?, ?)",
            id,
            position,
            link.url,
            link.title
        )
        .execute(&mut **tx)
        .await?;
    }
    Ok(id)
}
