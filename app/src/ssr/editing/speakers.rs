//! Adding, editing and merging speakers.

use crate::model::forms::speaker::SpeakerInput;
use crate::model::{CurrentUser, SpeakerEdit};
use crate::ssr::db::Db;
use crate::ssr::db::{self, revisions, speaker_edits};
use crate::AppError;
use chrono::Utc;

fn changes(before: Option<&SpeakerEdit>, after: &SpeakerInput) -> revisions::Changes {
    let b = before.map(|b| &b.speaker);
    [
        ("name", b.map(|s| s.name.clone()).unwrap_or_default(), after.name.clone()),
        ("description", b.map(|s| s.description.clone()).unwrap_or_default(), after.description.clone()),
        ("kind", b.map(|s| s.kind.as_str().to_owned()).unwrap_or_default(), after.kind.as_str().to_owned()),
        ("aliases", b.map(|s| s.aliases.join("; ")).unwrap_or_default(), after.aliases.join("; ")),
    ]
    .into_iter()
    .filter(|(_, before, after)| before != after)
    .map(|(f, b, a)| (f.to_owned(), b, a))
    .collect()
}

/// Adds a speaker; returns their slug.
pub async fn create(db: &Db, user: &CurrentUser, input: &SpeakerInput) -> Result<String, AppError> {
    let mut tx = db::begin_write(db).await?;
    let id = speaker_edits::insert(&mut tx, input).await?;
    revisions::append(&mut tx, revisions::Of::Speaker, id, 1, user.id, &changes(None, input), Utc::now())
        .await?;
    tx.commit().await?;
    Ok(input.slug.clone())
}

/// A speaker's editable fields.
pub async fn for_edit(db: &Db, slug: &str) -> Result<SpeakerEdit, AppError> {
    let found = speaker_edits::for_form(db, slug).await?;
    match found {
        Some((_, speaker, None)) => Ok(speaker),
        Some((_, _, Some(_))) => {
            Err(AppError::Conflict("This speaker was merged into another; edit that one.".into()))
        }
        None => Err(AppError::not_found("There is no such speaker.")),
    }
}

/// Edits a speaker made from `input.version`; a stale version is a conflict. The slug stays.
pub async fn update(db: &Db, user: &CurrentUser, slug: &str, input: &SpeakerInput) -> Result<(), AppError> {
    let mut tx = db::begin_write(db).await?;
    let (id, current, merged) = speaker_edits::editable(&mut tx, slug)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such speaker."))?;
    if merged.is_some() {
        return Err(AppError::Conflict("This speaker was merged into another; edit that one.".into()));
    }
    if input.version != Some(current.version) {
        return Err(AppError::Conflict(format!(
            "Someone else saved this speaker (now version {}) while you were editing. Your changes were not saved; \
             they are kept below. Compare with the speaker's page, then save again.",
            current.version
        )));
    }
    let changes = changes(Some(&current), input);
    if changes.is_empty() {
        return Ok(());
    }
    if !speaker_edits::update(&mut tx, id, current.version, input).await? {
        return Err(AppError::Conflict("This speaker changed meanwhile; nothing was saved.".into()));
    }
    revisions::append(
        &mut tx,
        revisions::Of::Speaker,
        id,
        current.version + 1,
        user.id,
        &changes,
        Utc::now(),
    )
    .await?;
    tx.commit().await?;
    Ok(())
}

/// Merges the speaker `slug` into the one `target` names: their claims move over (each with a
/// revision), their name and aliases become the target's aliases, and their page redirects.
/// Returns the target's slug.
pub async fn merge(db: &Db, user: &CurrentUser, slug: &str, target: &str) -> Result<String, AppError> {
    let target = target.trim();
    if target.is_empty() {
        return Err(AppError::invalid("target", "Enter the name of the speaker to merge into."));
    }
    let mut tx = db::begin_write(db).await?;
    let (from_id, from, merged) = speaker_edits::editable(&mut tx, slug)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such speaker."))?;
    if merged.is_some() {
        return Err(AppError::Conflict("This speaker was already merged into another.".into()));
    }
    let candidates = db::speakers::matching_name(&mut tx, target).await?;
    let (into_id, into_name, into_slug) = match candidates.as_slice() {
        [one] => one.clone(),
        [] => return Err(AppError::invalid("target", format!("There is no speaker “{target}”."))),
        _ => {
            return Err(AppError::invalid(
                "target",
                format!("“{target}” could mean several speakers; use the full name."),
            ))
        }
    };
    if into_id == from_id {
        return Err(AppError::invalid("target", "A speaker cannot be merged into themselves."));
    }
    let now = Utc::now();
    for (claim_id, version) in speaker_edits::claims_of(&mut tx, from_id).await? {
        speaker_edits::move_claim(&mut tx, claim_id, into_id, now).await?;
        let change = vec![("speaker".to_owned(), from.speaker.name.clone(), into_name.clone())];
        revisions::append(&mut tx, revisions::Of::Claim, claim_id, version + 1, user.id, &change, now)
            .await?;
    }
    // After the claims: a repetition of a claim now theirs becomes the claim's own speaker's.
    db::repeated::move_to(&mut tx, from_id, into_id).await?;
    let mut names = vec![from.speaker.name.clone()];
    names.extend(from.speaker.aliases.iter().cloned());
    names.retain(|n| !n.eq_ignore_ascii_case(&into_name));
    speaker_edits::add_aliases(&mut tx, into_id, &names).await?;
    speaker_edits::mark_merged(&mut tx, from_id, into_id).await?;
    let merged_note = vec![("merged into".to_owned(), String::new(), into_name.clone())];
    revisions::append(&mut tx, revisions::Of::Speaker, from_id, from.version + 1, user.id, &merged_note, now)
        .await?;
    tx.commit().await?;
    Ok(into_slug)
}
