//! Adding, editing, retracting and reinstating claims.

use super::claim_id;
use crate::model::forms::claim::ClaimInput;
use crate::model::{public_id, ClaimEdit, CurrentUser, Quantity, Stage};
use crate::ssr::db::Db;
use crate::ssr::db::{self, claim_edits, claims::NewClaim, recorded, retractions, revisions};
use crate::AppError;
use chrono::Utc;

/// The one speaker a name means, or a message saying why there is none.
pub(super) async fn resolve_speaker(tx: &mut db::WriteTx, name: &str) -> Result<(i64, String), AppError> {
    let matches = db::speakers::matching_name(tx, name).await?;
    match matches.as_slice() {
        [(id, name, _)] => Ok((*id, name.clone())),
        [] => Err(AppError::invalid(
            "speaker",
            format!("There is no speaker “{name}”. Use a known name or alias, or add the speaker first."),
        )),
        many => Err(AppError::invalid(
            "speaker",
            format!(
                "“{name}” could mean {}. Use the full name.",
                many.iter().map(|(_, n, s)| format!("{n} ({s})")).collect::<Vec<_>>().join(" or ")
            ),
        )),
    }
}

/// Source ids for URLs that must already be sources.
pub(super) async fn resolve_sources(
    tx: &mut db::WriteTx,
    urls: &[String],
) -> Result<Vec<(i64, String)>, AppError> {
    let mut found = Vec::new();
    for url in urls {
        match db::sources::id_by_url(tx, url).await? {
            Some(id) => found.push((id, url.clone())),
            None => {
                return Err(AppError::invalid(
                    "add_sources",
                    format!("No source has the address {url}. Add the source first, then list it here."),
                ))
            }
        }
    }
    Ok(found)
}

fn quantity_text(q: Option<&Quantity>) -> String {
    q.map(|q| {
        let noun = q.noun().map(|n| format!(" {n}")).unwrap_or_default();
        format!("{}{noun}", q.headline())
    })
    .unwrap_or_default()
}

/// What a new claim's first revision records.
pub(crate) fn creation_changes(
    kind: crate::model::ClaimKind,
    text: &str,
    speaker: &str,
    said_on: chrono::NaiveDate,
    quantity: Option<&Quantity>,
    context: [(&str, Option<&str>); 2],
    urls: &[String],
) -> revisions::Changes {
    let mut changes = vec![
        ("kind".to_owned(), String::new(), kind.label().to_owned()),
        ("text".to_owned(), String::new(), text.to_owned()),
        ("speaker".to_owned(), String::new(), speaker.to_owned()),
        ("said_on".to_owned(), String::new(), said_on.to_string()),
    ];
    if quantity.is_some() {
        changes.push(("figure".to_owned(), String::new(), quantity_text(quantity)));
    }
    for (field, value) in context {
        if let Some(value) = value {
            changes.push((field.to_owned(), String::new(), value.to_owned()));
        }
    }
    for url in urls {
        changes.push(("appears in".to_owned(), String::new(), url.clone()));
    }
    changes
}

/// The period and baseline lines of a claim's first revision.
fn figure_context(input: &ClaimInput) -> [(&'static str, Option<&str>); 2] {
    [("period", input.period.as_deref()), ("baseline", input.baseline.as_deref())]
}

/// Adds a claim to intake (private) with its first revision; returns its public id.
pub async fn create(db: &Db, user: &CurrentUser, input: &ClaimInput) -> Result<String, AppError> {
    let mut tx = db::begin_write(db).await?;
    let (speaker_id, speaker_name) = resolve_speaker(&mut tx, &input.speaker).await?;
    let sources = resolve_sources(&mut tx, &input.new_sources).await?;
    let now = Utc::now();
    let claim = NewClaim {
        kind: input.kind,
        text: &input.text,
        speaker_id,
        said_on: input.said_on,
        quantity: input.quantity.as_ref(),
        created_at: now,
        confidence: None,
    };
    let id = db::claims::insert(&mut tx, &claim).await?;
    for (source_id, _) in &sources {
        db::claims::add_appearance(&mut tx, id, *source_id, None).await?;
    }
    recorded::set_context(&mut tx, id, input.period.as_deref(), input.baseline.as_deref()).await?;
    let urls: Vec<String> = sources.iter().map(|(_, url)| url.clone()).collect();
    let changes = creation_changes(
        input.kind,
        &input.text,
        &speaker_name,
        input.said_on,
        input.quantity.as_ref(),
        figure_context(input),
        &urls,
    );
    revisions::append(&mut tx, revisions::Of::Claim, id, 1, user.id, &changes, now).await?;
    tx.commit().await?;
    Ok(public_id::encode(id))
}

/// A conflict carrying the newer version, so the editor can compare and save again.
pub struct Stale {
    pub current: ClaimEdit,
}

/// Edits a claim made from `input.version`. A stale version is refused with the current one.
pub async fn update(
    db: &Db,
    user: &CurrentUser,
    public: &str,
    input: &ClaimInput,
) -> Result<Result<(), Stale>, AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let current = claim_edits::editable(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    if input.version != Some(current.version) {
        return Ok(Err(Stale { current }));
    }
    let (speaker_id, speaker_name) = resolve_speaker(&mut tx, &input.speaker).await?;
    let sources = resolve_sources(&mut tx, &input.new_sources).await?;
    let mut changes = Vec::new();
    let mut note = |field: &str, before: String, after: String| {
        if before != after {
            changes.push((field.to_owned(), before, after));
        }
    };
    note("kind", current.kind.label().to_owned(), input.kind.label().to_owned());
    note("text", current.text.clone(), input.text.clone());
    note("speaker", current.speaker.clone(), speaker_name);
    note("said_on", current.said_on.to_string(), input.said_on.to_string());
    note("figure", quantity_text(current.quantity.as_ref()), quantity_text(input.quantity.as_ref()));
    let (period, baseline) = recorded::context(&mut tx, id).await?;
    note("period", period.unwrap_or_default(), input.period.clone().unwrap_or_default());
    note("baseline", baseline.unwrap_or_default(), input.baseline.clone().unwrap_or_default());
    for (source_id, url) in &sources {
        if !claim_edits::appears_in(&mut tx, id, *source_id).await? {
            db::claims::add_appearance(&mut tx, id, *source_id, None).await?;
            changes.push(("appears in".to_owned(), String::new(), url.clone()));
        }
    }
    if changes.is_empty() {
        return Ok(Ok(()));
    }
    let now = Utc::now();
    let update = claim_edits::ClaimUpdate {
        kind: input.kind,
        text: &input.text,
        speaker_id,
        said_on: input.said_on,
        quantity: input.quantity.as_ref(),
        at: now,
    };
    if !claim_edits::update(&mut tx, id, current.version, &update).await? {
        // Unreachable inside the write transaction, but never write a revision without its edit.
        return Ok(Err(Stale { current }));
    }
    recorded::set_context(&mut tx, id, input.period.as_deref(), input.baseline.as_deref()).await?;
    revisions::append(&mut tx, revisions::Of::Claim, id, current.version + 1, user.id, &changes, now).await?;
    tx.commit().await?;
    Ok(Ok(()))
}

/// Retracts a published claim with a reason. It stays at its permalink, marked retracted, and
/// carries no rating for search engines; the retraction is listed on /corrections.
pub async fn retract(db: &Db, user: &CurrentUser, public: &str, reason: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    let mut tx = db::begin_write(db).await?;
    let current = claim_edits::editable(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    if current.stage != Stage::Published {
        return Err(AppError::Conflict(
            "This claim is not public, so there is nothing to retract: discard it from the desk instead."
                .into(),
        ));
    }
    if !retractions::set(&mut tx, id, false, reason, user.id, Utc::now()).await? {
        return Err(AppError::Conflict("This claim is already retracted.".into()));
    }
    tx.commit().await?;
    Ok(())
}

/// Reverses a retraction (admins), with a reason; listed on /corrections too.
pub async fn reinstate(db: &Db, user: &CurrentUser, public: &str, reason: &str) -> Result<(), AppError> {
    let id = claim_id(public)?;
    super::require_admin(Some(user))?;
    let mut tx = db::begin_write(db).await?;
    claim_edits::editable(&mut tx, id).await?.ok_or_else(super::no_such_claim)?;
    if !retractions::set(&mut tx, id, true, reason, user.id, Utc::now()).await? {
        return Err(AppError::Conflict("This claim is not retracted.".into()));
    }
    tx.commit().await?;
    Ok(())
}
