//! What the public pages read, assembled from the store. Plain async functions over a pool, so
//! that they can be tested without Leptos; the server functions in `api/` are shims over these.

use super::db;
use crate::model::{public_id, slug, ClaimDetail, ClaimListPage, ListQuery, SourcePage, SpeakerPage};
use crate::AppError;
use sqlx::SqlitePool;

/// A page of the claim list.
pub async fn claim_list(pool: &SqlitePool, query: &ListQuery) -> Result<ClaimListPage, AppError> {
    db::claims::list(pool, query).await
}

/// Everything the permalink page shows, by public id; `site_url` makes the permalink absolute.
pub async fn claim_detail(pool: &SqlitePool, site_url: &str, public: &str) -> Result<ClaimDetail, AppError> {
    let not_found = || AppError::not_found(format!("There is no claim with the id “{}”.", clip(public)));
    let id = public_id::decode(public).ok_or_else(not_found)?;
    let summary = db::claims::summary(pool, id).await?.ok_or_else(not_found)?;
    let meta = db::claims::meta(pool, id).await?.ok_or_else(not_found)?;
    let speaker = db::speakers::by_id(pool, meta.speaker_id).await?.ok_or(AppError::Internal)?;
    let permalink = format!("{site_url}/claims/{}", summary.public_id);
    Ok(ClaimDetail {
        summary,
        speaker,
        appearances: db::sources::appearances_of(pool, id).await?,
        verifications: db::history::for_claim(pool, id).await?,
        revisions: db::revisions::of_claim(pool, id).await?,
        retraction_reason: meta.retraction_reason,
        created_at: meta.created_at,
        permalink,
    })
}

/// A claim's editable fields, for its edit form.
pub async fn claim_for_edit(pool: &SqlitePool, public: &str) -> Result<crate::model::ClaimEdit, AppError> {
    let id = public_id::decode(public).ok_or_else(|| AppError::not_found("There is no such claim."))?;
    // Read through a transaction so the store has one function for "editable", used by writes too.
    let mut tx = pool.begin().await?;
    let claim = db::claim_edits::editable(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such claim."))?;
    tx.commit().await?;
    Ok(claim)
}

/// A speaker's profile with their newest claims; `query` may narrow or page those claims.
pub async fn speaker_page(
    pool: &SqlitePool,
    speaker_slug: &str,
    query: &ListQuery,
) -> Result<SpeakerPage, AppError> {
    let not_found = || AppError::not_found(format!("There is no speaker “{}”.", clip(speaker_slug)));
    if !slug::is_valid(speaker_slug) {
        return Err(not_found());
    }
    if let Some(target) = db::speakers::merged_into(pool, speaker_slug).await? {
        return Err(AppError::Moved(format!("/speakers/{target}")));
    }
    let (_, speaker) = db::speakers::by_slug(pool, speaker_slug).await?.ok_or_else(not_found)?;
    let query = ListQuery { speaker: Some(speaker.slug.clone()), ..query.clone() };
    let claims = db::claims::list(pool, &query).await?;
    let status_counts = if query.is_filtered_beyond_speaker() {
        db::claims::status_counts(
            pool,
            &ListQuery { speaker: query.speaker.clone(), ..ListQuery::default() },
            &db::search::Terms::default(),
        )
        .await?
    } else {
        claims.status_counts.clone()
    };
    Ok(SpeakerPage { speaker, status_counts, claims })
}

/// A source's metadata and the claims that appear in it.
pub async fn source_page(pool: &SqlitePool, public: &str, query: &ListQuery) -> Result<SourcePage, AppError> {
    let not_found = || AppError::not_found(format!("There is no source with the id “{}”.", clip(public)));
    let id = public_id::decode(public).ok_or_else(not_found)?;
    let source = db::sources::by_id(pool, id).await?.ok_or_else(not_found)?;
    let query = ListQuery { source: Some(source.public_id.clone()), ..query.clone() };
    let claims = db::claims::list(pool, &query).await?;
    let (text, marks) = match db::import::text_with_marks(pool, id).await? {
        Some((text, marks)) => (Some(text), marks),
        None => (None, Vec::new()),
    };
    Ok(SourcePage { source, claims, text, marks })
}

/// Keeps echoed user input short in messages.
fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}
