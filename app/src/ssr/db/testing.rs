//! Helpers for tests that need rows in a database: a speaker, a source, claims.
//! Public (not `cfg(test)`) so that the server's HTTP tests can use them too.

use super::{begin_write, claims::NewClaim};
use crate::model::{ClaimKind, Quantity, Source, Speaker, SpeakerKind};
use crate::AppError;
use chrono::{NaiveDate, TimeZone, Utc};
use sqlx::SqlitePool;

/// Adds a person with the given name (slug made from it) and aliases; returns the internal id.
pub async fn add_speaker(pool: &SqlitePool, name: &str, aliases: &[&str]) -> Result<i64, AppError> {
    let speaker = Speaker {
        slug: crate::model::slug::from_name(name).ok_or_else(|| AppError::invalid("name", "no slug"))?,
        name: name.to_owned(),
        description: format!("Description of {name}"),
        kind: SpeakerKind::Person,
        aliases: aliases.iter().map(|a| a.to_string()).collect(),
    };
    let mut tx = begin_write(pool).await?;
    let id = super::speakers::insert(&mut tx, &speaker).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a source with the given title at `https://example.org/<n>`; returns the internal id.
pub async fn add_source(pool: &SqlitePool, n: u32, title: &str, outlet: &str) -> Result<i64, AppError> {
    let source = Source {
        public_id: String::new(),
        url: format!("https://example.org/{n}"),
        title: title.to_owned(),
        outlet: outlet.to_owned(),
        author: None,
        published_on: NaiveDate::from_ymd_opt(2024, 1, 1),
    };
    let mut tx = begin_write(pool).await?;
    let id = super::sources::insert(&mut tx, &source).await?;
    tx.commit().await?;
    Ok(id)
}

/// Adds a claim said on `said_on`, optionally appearing in `source_id`; returns the internal id.
pub async fn add_claim(
    pool: &SqlitePool,
    speaker_id: i64,
    text: &str,
    said_on: NaiveDate,
    quantity: Option<Quantity>,
    source_id: Option<i64>,
) -> Result<i64, AppError> {
    let claim = NewClaim {
        kind: if quantity.is_some() { ClaimKind::Numeric } else { ClaimKind::Quote },
        text,
        speaker_id,
        said_on,
        quantity: quantity.as_ref(),
        created_at: Utc.with_ymd_and_hms(2024, 1, 1, 0, 0, 0).single().unwrap_or_default(),
    };
    let mut tx = begin_write(pool).await?;
    let id = super::claims::insert(&mut tx, &claim).await?;
    if let Some(source_id) = source_id {
        super::claims::add_appearance(&mut tx, id, source_id, None).await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// The date `2024-01-01` plus `days`.
pub fn day(days: i64) -> NaiveDate {
    NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default() + chrono::Duration::days(days)
}
