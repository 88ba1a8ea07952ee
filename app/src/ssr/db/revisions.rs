//! Revisions: the append-only record of every edit of a claim, source or speaker.

use super::pg;
use super::{timestamp, Db, WriteTx};
use crate::model::Revision;
use crate::AppError;
use chrono::{DateTime, Utc};

/// What changed in an edit: `(field, before, after)`, stored as `{"field": [before, after]}`.
pub type Changes = Vec<(String, String, String)>;

pub(super) fn to_json(changes: &Changes) -> String {
    let object: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|(field, before, after)| (field.clone(), serde_json::json!([before, after])))
        .collect();
    serde_json::Value::Object(object).to_string()
}

pub(super) fn from_json(text: &str) -> Changes {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_str(text) else { return Vec::new() };
    map.into_iter()
        .map(|(field, pair)| {
            let side = |i: usize| pair.get(i).and_then(|v| v.as_str()).unwrap_or_default().to_owned();
            (field, side(0), side(1))
        })
        .collect()
}

/// Which table a revision belongs to.
#[derive(Clone, Copy, Debug)]
pub enum Of {
    Claim,
    Source,
    Speaker,
}

pub async fn append(
    tx: &mut WriteTx,
    of: Of,
    id: i64,
    version: i64,
    editor_id: i64,
    changes: &Changes,
    at: DateTime<Utc>,
) -> Result<(), AppError> {
    let conn = sqlite_tx_or_pg!(tx, pg::revisions::append(of, id, version, editor_id, changes, at));
    let (json, at) = (to_json(changes), timestamp(at));
    let query = match of {
        Of::Claim => sqlx::query!(
            "INSERT INTO claim_revisions (claim_id, version, editor_id, changes, created_at) VALUES (?, ?, ?, ?, ?)",
            id, version, editor_id, json, at
        ),
        Of::Source => sqlx::query!(
            "INSERT INTO source_revisions (source_id, version, editor_id, changes, created_at) VALUES (?, ?, ?, ?, ?)",
            id, version, editor_id, json, at
        ),
        Of::Speaker => sqlx::query!(
            "INSERT INTO speaker_revisions (speaker_id, version, editor_id, changes, created_at) VALUES (?, ?, ?, ?, ?)",
            id, version, editor_id, json, at
        ),
    };
    query.execute(&mut *conn).await?;
    Ok(())
}

/// A claim's revisions, oldest first.
pub async fn of_claim(db: &Db, claim_id: i64) -> Result<Vec<Revision>, AppError> {
    let pool = sqlite_or_pg!(db, pg::revisions::of_claim(claim_id));
    let rows = sqlx::query!(
        r#"SELECT r.version, u.display_name AS editor, r.changes, r.created_at AS "at: DateTime<Utc>"
             FROM claim_revisions r JOIN users u ON u.id = r.editor_id
            WHERE r.claim_id = ? ORDER BY r.version"#,
        claim_id
    )
    .fetch_all(pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|r| Revision { version: r.version, editor: r.editor, at: r.at, changes: from_json(&r.changes) })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn changes_round_trip_through_json() {
        let changes = vec![
            ("text".to_owned(), "old \"quoted\"".to_owned(), "new".to_owned()),
            ("said_on".to_owned(), String::new(), "2024-01-01".to_owned()),
        ];
        let mut back = from_json(&to_json(&changes));
        back.sort();
        let mut expected = changes.clone();
        expected.sort();
        assert_eq!(back, expected);
        assert!(from_json("not json").is_empty());
    }
}
