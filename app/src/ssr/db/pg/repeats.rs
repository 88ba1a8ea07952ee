//! The repeats matcher's queries on PostgreSQL (twin of `db::repeats`). A word's forms become a
//! tsquery of text-weight lexemes (`'form':A | …`), each quoted by `quote_literal` and folded as
//! the index folds (`unaccent`, lower case): a form is never read as query syntax.

use super::write::WriteTx;
use crate::model::{Change, ClaimKind, Qualifier};
use crate::ssr::db::repeats::{KnownRow, OpenClaim, Repetition};
use crate::ssr::db::timestamp;
use crate::AppError;
use sqlx::PgPool;

// The claims read as `KnownRow`s take `db::repeats`' columns, the date cast from its stored text.

/// See `db::repeats::archive_size`.
pub async fn archive_size(pool: &PgPool) -> Result<usize, AppError> {
    let n: i64 = sqlx::query_scalar!(r#"SELECT coalesce(max(list_seq), 0)::bigint AS "v!" FROM claims"#)
        .fetch_one(pool)
        .await?;
    Ok(usize::try_from(n).unwrap_or(0))
}

/// See `db::repeats::claims_with_words`.
pub async fn claims_with_words(
    pool: &PgPool,
    words: &[Vec<String>],
    cap: usize,
) -> Result<Vec<Vec<i64>>, AppError> {
    let mut connection = pool.acquire().await?;
    let mut found = Vec::with_capacity(words.len());
    for forms in words {
        // The tsquery of one word: any of its forms, in the claims' own text (weight A).
        let keys: Vec<i64> = sqlx::query_scalar!(
            r#"SELECT list_key FROM claim_search WHERE document @@
                 (SELECT string_agg(quote_literal(lower(unaccent(f) COLLATE "default")) || ':A', ' | ')
                    FROM unnest($1::text[]) AS f)::tsquery
               LIMIT $2"#,
            forms.as_slice(),
            cap as i64
        )
        .fetch_all(&mut *connection)
        .await?;
        found.push(keys);
    }
    Ok(found)
}

/// See `db::repeats::claims_with_all_words`.
pub async fn claims_with_all_words(
    pool: &PgPool,
    words: &[Vec<String>],
    limit: i64,
) -> Result<Vec<i64>, AppError> {
    if words.is_empty() {
        return Ok(Vec::new());
    }
    // Each word's forms joined by '|' (forms hold letters and digits only), the words by '&'.
    let groups: Vec<String> = words.iter().map(|forms| forms.join("|")).collect();
    Ok(sqlx::query_scalar!("SELECT list_key FROM claim_search WHERE document @@ \
           (SELECT string_agg('(' || (SELECT string_agg(quote_literal(lower(unaccent(f) COLLATE \"default\")) || ':A', ' | ') \
                                        FROM unnest(string_to_array(g, '|')) AS f) || ')', ' & ') \
              FROM unnest($1::text[]) AS g)::tsquery \
         LIMIT $2", &groups, limit)
    .fetch_all(pool)
    .await?)
}

/// See `db::repeats::published_at`.
pub async fn published_at(pool: &PgPool, keys: &[i64]) -> Result<Vec<KnownRow>, AppError> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    Ok(sqlx::query_as!(
        KnownRow,
        r#"SELECT c.id, c.kind AS "kind: ClaimKind", c.text, c.said_on::date AS "said_on!", c.quantity_value,
                  c.quantity_unit, c.quantity_of, c.quantity_change AS "quantity_change: Change",
                  c.quantity_qualifier AS "quantity_qualifier: Qualifier"
             FROM claims c
            WHERE c.retracted_at IS NULL AND c.list_seq = ANY ($1)"#,
        keys
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::repeats::stating_figure`.
pub async fn stating_figure(pool: &PgPool, value: f64, limit: i64) -> Result<Vec<KnownRow>, AppError> {
    let margin = value.abs() * 0.002;
    Ok(sqlx::query_as!(
        KnownRow,
        r#"SELECT c.id, c.kind AS "kind: ClaimKind", c.text, c.said_on::date AS "said_on!", c.quantity_value,
                  c.quantity_unit, c.quantity_of, c.quantity_change AS "quantity_change: Change",
                  c.quantity_qualifier AS "quantity_qualifier: Qualifier"
             FROM claims c
            WHERE c.quantity_value BETWEEN $1 AND $2 AND c.stage <> 'discarded' AND c.retracted_at IS NULL LIMIT $3"#,
        value - margin,
        value + margin,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::repeats::in_intake`.
pub async fn in_intake(pool: &PgPool, limit: i64) -> Result<Vec<KnownRow>, AppError> {
    Ok(sqlx::query_as!(
        KnownRow,
        r#"SELECT c.id, c.kind AS "kind: ClaimKind", c.text, c.said_on::date AS "said_on!", c.quantity_value,
                  c.quantity_unit, c.quantity_of, c.quantity_change AS "quantity_change: Change",
                  c.quantity_qualifier AS "quantity_qualifier: Qualifier"
             FROM claims c
            WHERE c.stage = 'intake' AND c.retracted_at IS NULL ORDER BY c.id DESC LIMIT $1"#,
        limit
    )
    .fetch_all(pool)
    .await?)
}

/// See `db::repeats::open_claim`.
pub async fn open_claim(tx: &mut WriteTx, claim_id: i64) -> Result<Option<OpenClaim>, AppError> {
    Ok(sqlx::query_as!(
        OpenClaim,
        r#"SELECT speaker_id, said_on::date AS "said_on!", text FROM claims
            WHERE id = $1 AND retracted_at IS NULL AND stage <> 'discarded'"#,
        claim_id
    )
    .fetch_optional(&mut **tx)
    .await?)
}

/// See `db::repeats::attach`.
pub async fn attach(tx: &mut WriteTx, r: &Repetition<'_>) -> Result<(), AppError> {
    let (start, end) = r.span.map_or((None, None), |(s, e)| (Some(s), Some(e)));
    sqlx::query!(
        "INSERT INTO appearances (claim_id, source_id, start_byte, end_byte, speaker_id, said_on, words, \
                                  attached_by, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        r.claim_id,
        r.source_id,
        start,
        end,
        r.speaker_id,
        r.said_on.map(|d| d.to_string()),
        r.words,
        r.attached_by,
        timestamp(r.at)
    )
    .execute(&mut **tx)
    .await?;
    if r.span.is_some() {
        super::snapshots::record_place(tx, r.claim_id, r.source_id).await?;
    }
    Ok(())
}
