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
    let mut conn = pool.acquire().await?;
    for_claim_on(&mut conn, claim_id).await
}

/// The same, inside a write transaction.
pub async fn for_claim_in(tx: &mut WriteTx, claim_id: i64) -> Result<Vec<Verification>, AppError> {
    for_claim_on(&mut *tx, claim_id).await
}

async fn for_claim_on(
    conn: &mut sqlx::SqliteConnection,
    claim_id: i64,
) -> Result<Vec<Verification>, AppError> {
    let rows = sqlx::query!(
        r#"SELECT v.id AS "id!", v.status, v.verdict, v.rationale, u.display_name AS editor,
                  v.created_at AS "created_at: DateTime<Utc>"
             FROM verifications v JOIN users u ON u.id = v.editor_id
            WHERE v.claim_id = ?
            ORDER BY v.id"#,
        claim_id
    )
    .fetch_all(&mut *conn)
    .await?;
    let links = sqlx::query!(
        r#"SELECT e.verification_id, e.url, e.title
             FROM evidence_links e JOIN verifications v ON v.id = e.verification_id
            WHERE v.claim_id = ?
            ORDER BY e.verification_id, e.position"#,
        claim_id
    )
    .fetch_all(&mut *conn)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssr::db::testing::{add_claim, add_speaker, day};
    use crate::ssr::db::{begin_write, users};
    use chrono::TimeZone;

    type TestResult = Result<(), Box<dyn std::error::Error>>;

    #[sqlx::test(migrations = "../migrations")]
    async fn the_newest_verification_is_the_current_status_and_history_is_kept(
        pool: SqlitePool,
    ) -> TestResult {
        let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
        let claim_id = add_claim(&pool, speaker, "A claim", day(0), None, None).await?;
        let mut tx = begin_write(&pool).await?;
        let editor_id = users::ensure_without_password(&mut tx, "desk", "The Desk").await?;
        let at = Utc.with_ymd_and_hms(2024, 2, 1, 9, 0, 0).single().ok_or("time")?;
        let evidence = [
            EvidenceLink { url: "https://example.org/b".into(), title: "Second cited first".into() },
            EvidenceLink { url: "https://example.org/a".into(), title: "First cited second".into() },
        ];
        for (hours, status, verdict) in
            [(0, Status::InReview, "Checking"), (2, Status::Misleading, "Out of context")]
        {
            let v = NewVerification {
                claim_id,
                status,
                verdict,
                rationale: "Because.",
                evidence: if status == Status::Misleading { &evidence } else { &[] },
                editor_id,
                at: at + chrono::Duration::hours(hours),
            };
            append(&mut tx, &v).await?;
        }
        tx.commit().await?;

        let history = for_claim(&pool, claim_id).await?;
        assert_eq!(
            history.iter().map(|v| v.status).collect::<Vec<_>>(),
            vec![Status::InReview, Status::Misleading]
        );
        assert_eq!(history[1].evidence, evidence.to_vec(), "evidence keeps the order it was cited in");
        assert_eq!(history[1].editor, "The Desk");
        assert_eq!(history[1].at, at + chrono::Duration::hours(2));

        let current = sqlx::query!("SELECT status, verdict FROM claims WHERE id = ?", claim_id)
            .fetch_one(&pool)
            .await?;
        assert_eq!(current.status, "misleading");
        assert_eq!(current.verdict.as_deref(), Some("Out of context"));
        Ok(())
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn history_cannot_be_rewritten_and_claims_cannot_be_deleted(pool: SqlitePool) -> TestResult {
        crate::ssr::demo::load_if_empty(&pool).await?;
        for sql in [
            "UPDATE verifications SET verdict = 'rewritten'",
            "DELETE FROM verifications",
            "DELETE FROM evidence_links",
            "DELETE FROM claims",
        ] {
            let err = sqlx::query(sql).execute(&pool).await.err().ok_or(sql)?;
            assert!(
                err.to_string().contains("append-only") || err.to_string().contains("never deleted"),
                "{err}"
            );
        }
        Ok(())
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn the_schema_refuses_values_outside_the_model(pool: SqlitePool) -> TestResult {
        let speaker = add_speaker(&pool, "Pat Doe", &[]).await?;
        for sql in [
            "INSERT INTO claims (kind, text, speaker_id, said_on) VALUES ('opinion', 'x', 1, '2024-01-01')",
            "INSERT INTO claims (kind, text, speaker_id, said_on) VALUES ('quote', 'x', 1, '2024-13-01')",
            "INSERT INTO claims (kind, text, speaker_id, said_on) VALUES ('numeric', 'x', 1, '2024-01-01')",
            "INSERT INTO claims (kind, text, speaker_id, said_on) VALUES ('quote', 'x', 999, '2024-01-01')",
            "INSERT INTO sources (url, title, outlet) VALUES ('javascript:alert(1)', 't', 'o')",
            "INSERT INTO speakers (slug, name, kind) VALUES ('Bad Slug', 'n', 'person')",
        ] {
            assert!(sqlx::query(sql).execute(&pool).await.is_err(), "accepted: {sql}");
        }
        let _ = speaker;
        Ok(())
    }

    #[sqlx::test(migrations = "../migrations")]
    async fn the_permalink_reads_everything_about_a_claim(pool: SqlitePool) -> TestResult {
        crate::ssr::demo::load_if_empty(&pool).await?;
        let id = sqlx::query_scalar!(
            r#"SELECT id AS "id!" FROM claims WHERE text LIKE 'a model of cooperation%'"#
        )
        .fetch_one(&pool)
        .await?;
        let public = crate::model::public_id::encode(id);
        let detail = crate::ssr::read::claim_detail(&pool, "https://claims.example", &public).await?;
        assert_eq!(detail.speaker.name, "Vladimir Putin");
        assert_eq!(detail.speaker.aliases, vec!["Putin", "Russian President Vladimir Putin"]);
        assert_eq!(detail.appearances.len(), 2);
        assert_eq!(detail.verifications.len(), 2);
        assert_eq!(detail.summary.status, Status::True);
        assert_eq!(detail.permalink, format!("https://claims.example/claims/{public}"));
        let missing = crate::ssr::read::claim_detail(&pool, "", "zzzzzzzz").await;
        assert!(matches!(missing, Err(crate::AppError::NotFound(_))));
        Ok(())
    }
}
