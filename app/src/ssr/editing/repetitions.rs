//! Recording a repetition: a claim said again (by its speaker or anyone else, on another day, in
//! other words) becomes an appearance of the existing claim instead of a duplicate. Used by the
//! import's review and by the claim form.

use super::claim_id;
use crate::model::forms::claim::ClaimInput;
use crate::model::import::normalised_words;
use crate::model::{public_id, CurrentUser};
use crate::ssr::db::Db;
use crate::ssr::db::{self, import, revisions};
use crate::AppError;
use chrono::{DateTime, NaiveDate, Utc};

/// One occurrence of a claim: where, who, when, in which words.
pub struct Occurrence<'a> {
    pub source_id: i64,
    pub source_url: &'a str,
    pub speaker_id: i64,
    pub speaker_name: &'a str,
    pub said_on: NaiveDate,
    pub words: &'a str,
    pub span: Option<(i64, i64)>,
    pub editor_id: i64,
    pub now: DateTime<Utc>,
}

pub enum Attached {
    New,
    /// The claim already appeared in this source.
    Already,
}

/// Attaches an occurrence to the claim `claim_id`, which must be open (not retracted nor
/// discarded: `None` otherwise): an appearance with its own speaker, date and words where they
/// differ from the claim's, and a revision of the claim saying so.
pub async fn attach(
    tx: &mut db::WriteTx,
    claim_id: i64,
    at: &Occurrence<'_>,
) -> Result<Option<Attached>, AppError> {
    let Some(claim) = db::repeats::open_claim(tx, claim_id).await? else {
        return Ok(None);
    };
    if db::claim_edits::appears_in(tx, claim_id, at.source_id).await? {
        return Ok(Some(Attached::Already));
    }
    let repetition = db::repeats::Repetition {
        claim_id,
        source_id: at.source_id,
        speaker_id: (at.speaker_id != claim.speaker_id).then_some(at.speaker_id),
        said_on: (at.said_on != claim.said_on).then_some(at.said_on),
        words: (normalised_words(at.words) != normalised_words(&claim.text)).then_some(at.words),
        span: at.span,
        attached_by: at.editor_id,
        at: at.now,
    };
    db::repeats::attach(tx, &repetition).await?;
    let version = import::next_claim_version(tx, claim_id, at.now).await?;
    let said = format!("{} on {}: {}", at.speaker_name, at.said_on, at.source_url);
    let changes = vec![("repeated".to_owned(), String::new(), said)];
    revisions::append(tx, revisions::Of::Claim, claim_id, version, at.editor_id, &changes, at.now).await?;
    Ok(Some(Attached::New))
}

/// The claim form's "a repetition of this claim": the claim as typed becomes an appearance of
/// the existing claim `repeated` in each source given. Returns the existing claim's public id.
pub async fn from_claim_form(
    db: &Db,
    user: &CurrentUser,
    input: &ClaimInput,
    repeated: &str,
) -> Result<String, AppError> {
    if input.new_sources.is_empty() {
        return Err(AppError::invalid(
            "add_sources",
            "Give the address of the source where it was said again: a repetition is recorded as an appearance there.",
        ));
    }
    let gone = || {
        AppError::invalid(
            "repeat_of",
            "That claim no longer exists, was retracted or discarded: choose another, or add a new claim.",
        )
    };
    let id = claim_id(repeated).map_err(|_| gone())?;
    let mut tx = db::begin_write(db).await?;
    let (speaker_id, speaker_name) = super::claims::resolve_speaker(&mut tx, &input.speaker).await?;
    let now = Utc::now();
    for (source_id, url) in super::claims::resolve_sources(&mut tx, &input.new_sources).await? {
        let at = Occurrence {
            source_id,
            source_url: &url,
            speaker_id,
            speaker_name: &speaker_name,
            said_on: input.said_on,
            words: &input.text,
            span: None,
            editor_id: user.id,
            now,
        };
        attach(&mut tx, id, &at).await?.ok_or_else(gone)?;
    }
    tx.commit().await?;
    Ok(public_id::encode(id))
}
