//! Adding an article's accepted candidates: in one transaction, the source (new, or found by its
//! URL), each claim — or, when the speaker already has a claim with the same words, a new
//! appearance of that claim — and new speakers, each change with its revision.

use super::repetitions::{self, Attached};
use crate::model::forms::source::SourceInput;
use crate::model::forms::speaker::SpeakerInput;
use crate::model::import::{normalised_words, reads_as_organisation, Accepted, ImportReport};
use crate::model::snapshot::Origin;
use crate::model::{public_id, slug, DeskAction, SpeakerKind};
use crate::ssr::db::Db;
use crate::ssr::db::{self, claims::NewClaim, import, revisions, snapshots, source_edits, speaker_edits};
use crate::AppError;
use chrono::{DateTime, Utc};

/// The account the command line's imports are recorded under (it cannot sign in).
pub const CLI_DESK: (&str, &str) = ("import", "Command-line import");

/// The id of the command line's import account, creating it on first use.
pub async fn cli_editor(db: &Db) -> Result<i64, AppError> {
    let mut tx = db::begin_write(db).await?;
    let id = db::users::ensure_without_password(&mut tx, CLI_DESK.0, CLI_DESK.1).await?;
    tx.commit().await?;
    Ok(id)
}

/// For each name that means exactly one existing speaker (by name or alias), that speaker's name.
pub async fn known_speakers(
    db: &Db,
    names: &[String],
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let mut known = std::collections::HashMap::new();
    for name in names {
        if known.contains_key(name) {
            continue;
        }
        if let [one] = import::speakers_named(db, name).await?.as_slice() {
            known.insert(name.clone(), one.clone());
            continue;
        }
        // An article that names someone by surname alone ("Putin said"): the one known speaker
        // of that surname is the suggestion; two or more, and the editor chooses.
        let surname = name.trim();
        if surname.chars().count() >= 3 && !surname.contains(char::is_whitespace) {
            if let [one] = import::speakers_with_surname(db, surname).await?.as_slice() {
                known.insert(name.clone(), one.clone());
            }
        }
    }
    Ok(known)
}

/// The source a public id names, if any (to import into).
pub async fn existing_source(db: &Db, public: &str) -> Result<Option<crate::model::Source>, AppError> {
    match public_id::decode(public) {
        Some(id) => db::sources::by_id(db, id).await,
        None => Ok(None),
    }
}

/// Adds the accepted candidates from one article, all or nothing. New claims go to intake, or,
/// when the editor chose `publish`, are published as being checked.
pub async fn accept(
    db: &Db,
    editor_id: i64,
    source: &SourceInput,
    accepted: &[Accepted],
    publish: bool,
    fetched_from: Option<&str>,
) -> Result<ImportReport, AppError> {
    let mut tx = db::begin_write(db).await?;
    let report = accept_in(&mut tx, editor_id, source, accepted, publish, fetched_from, Utc::now()).await?;
    tx.commit().await?;
    Ok(report)
}

/// [`accept`] inside a transaction the caller commits, at time `now`.
pub async fn accept_in(
    tx: &mut db::WriteTx,
    editor_id: i64,
    source: &SourceInput,
    accepted: &[Accepted],
    publish: bool,
    fetched_from: Option<&str>,
    now: DateTime<Utc>,
) -> Result<ImportReport, AppError> {
    let source_id = source_for(tx, editor_id, source, fetched_from, now).await?;
    let mut report =
        ImportReport { source_public_id: public_id::encode(source_id), ..ImportReport::default() };
    for (i, candidate) in accepted.iter().enumerate() {
        let speaker_id = speaker_for(tx, editor_id, i, &candidate.speaker, now, &mut report).await?;
        if let Some(repeated) = &candidate.repeat_of {
            let at = repetitions::Occurrence {
                source_id,
                source_url: &source.url,
                speaker_id,
                speaker_name: &candidate.speaker,
                said_on: candidate.said_on,
                words: &candidate.text,
                span: candidate.span.map(|(s, e)| (s as i64, e as i64)),
                editor_id,
                now,
            };
            match attach_repetition(tx, i, repeated, &at).await? {
                Attached::New => report.linked += 1,
                Attached::Already => report.already += 1,
            }
            continue;
        }
        let wanted = normalised_words(&candidate.text);
        let existing = import::claims_of_speaker(tx, speaker_id, candidate.kind).await?;
        let span = candidate.span.map(|(s, e)| (s as i64, e as i64));
        match existing.into_iter().find(|(_, text)| normalised_words(text) == wanted) {
            Some((claim_id, _)) if db::claim_edits::appears_in(tx, claim_id, source_id).await? => {
                report.already += 1;
            }
            Some((claim_id, _)) => {
                db::claims::add_appearance(tx, claim_id, source_id, span).await?;
                let version = import::next_claim_version(tx, claim_id, now).await?;
                let changes = vec![("appears in".to_owned(), String::new(), source.url.clone())];
                revisions::append(tx, revisions::Of::Claim, claim_id, version, editor_id, &changes, now)
                    .await?;
                report.linked += 1;
            }
            None => {
                let claim = NewClaim {
                    kind: candidate.kind,
                    text: &candidate.text,
                    speaker_id,
                    said_on: candidate.said_on,
                    quantity: candidate.quantity.as_ref(),
                    created_at: now,
                    confidence: candidate.confidence,
                };
                let claim_id = db::claims::insert(tx, &claim).await?;
                if publish {
                    db::desk::publish_being_checked(tx, claim_id, now).await?;
                    db::desk::log(tx, claim_id, editor_id, DeskAction::PublishedBeingChecked, None, now)
                        .await?;
                }
                db::claims::add_appearance(tx, claim_id, source_id, span).await?;
                let changes = super::claims::creation_changes(
                    candidate.kind,
                    &candidate.text,
                    &candidate.speaker,
                    candidate.said_on,
                    candidate.quantity.as_ref(),
                    [("period", None), ("baseline", None)],
                    std::slice::from_ref(&source.url),
                );
                revisions::append(tx, revisions::Of::Claim, claim_id, 1, editor_id, &changes, now).await?;
                report.added += 1;
            }
        }
    }
    Ok(report)
}

/// The source's id: an existing source with this URL (keeping the text if it had none), or a
/// new one.
async fn source_for(
    tx: &mut db::WriteTx,
    editor_id: i64,
    source: &SourceInput,
    fetched_from: Option<&str>,
    now: DateTime<Utc>,
) -> Result<i64, AppError> {
    let origin = if fetched_from.is_some() { Origin::Fetched } else { Origin::Pasted };
    let taken = snapshots::Taken { origin, fetched_from, by: editor_id, at: now };
    if let Some((id, _, _)) = import::source_by_url(tx, &source.url).await? {
        if let Some(body) = &source.body {
            super::sources::new_text(tx, id, body, taken).await?;
        }
        return Ok(id);
    }
    let id = source_edits::insert(tx, source).await?;
    if let Some(body) = &source.body {
        snapshots::take(tx, id, body, taken).await?;
    }
    let changes = vec![
        ("url".to_owned(), String::new(), source.url.clone()),
        ("title".to_owned(), String::new(), source.title.clone()),
        ("outlet".to_owned(), String::new(), source.outlet.clone()),
    ];
    revisions::append(tx, revisions::Of::Source, id, 1, editor_id, &changes, now).await?;
    Ok(id)
}

/// The speaker a name means: the one existing speaker with that name or alias, or a new one.
async fn speaker_for(
    tx: &mut db::WriteTx,
    editor_id: i64,
    i: usize,
    name: &str,
    now: DateTime<Utc>,
    report: &mut ImportReport,
) -> Result<i64, AppError> {
    let matches = db::speakers::matching_name(tx, name).await?;
    match matches.as_slice() {
        [(id, _, _)] => Ok(*id),
        [] => {
            let base = slug::from_name(name).ok_or_else(|| {
                AppError::invalid(
                    crate::model::import::field(i, "speaker"),
                    format!("“{name}” has no letters or digits to make an address from. Write the speaker's name."),
                )
            })?;
            let input = SpeakerInput {
                name: name.to_owned(),
                slug: free_slug(tx, &base).await?,
                description: String::new(),
                kind: if reads_as_organisation(name) {
                    SpeakerKind::Organization
                } else {
                    SpeakerKind::Person
                },
                aliases: Vec::new(),
                version: None,
            };
            let id = speaker_edits::insert(tx, &input).await?;
            let changes = vec![
                ("name".to_owned(), String::new(), input.name.clone()),
                ("kind".to_owned(), String::new(), input.kind.as_str().to_owned()),
            ];
            revisions::append(tx, revisions::Of::Speaker, id, 1, editor_id, &changes, now).await?;
            report.new_speakers.push(input.name);
            Ok(id)
        }
        many => Err(AppError::invalid(
            crate::model::import::field(i, "speaker"),
            format!(
                "“{name}” could mean {}. Write the full name.",
                many.iter().map(|(_, n, s)| format!("{n} ({s})")).collect::<Vec<_>>().join(" or ")
            ),
        )),
    }
}

/// `base`, or `base-2`, `base-3`… whichever no speaker has yet.
async fn free_slug(tx: &mut db::WriteTx, base: &str) -> Result<String, AppError> {
    for n in 1..1000 {
        let candidate = if n == 1 { base.to_owned() } else { format!("{base}-{n}") };
        if !import::slug_taken(tx, &candidate).await? {
            return Ok(candidate);
        }
    }
    Err(AppError::invalid("speaker", "Too many speakers share this name; add the speaker by hand first."))
}

/// Attaches candidate `i` as a repetition of the claim `repeated` (a public id); a claim that
/// cannot take it is refused beside the candidate's choice.
async fn attach_repetition(
    tx: &mut db::WriteTx,
    i: usize,
    repeated: &str,
    at: &repetitions::Occurrence<'_>,
) -> Result<Attached, AppError> {
    let gone = || {
        AppError::invalid(
            crate::model::import::field(i, "repeat_of"),
            "That claim no longer exists, was retracted or discarded: choose another, or add this as a new claim.",
        )
    };
    let claim_id = public_id::decode(repeated).ok_or_else(gone)?;
    repetitions::attach(tx, claim_id, at).await?.ok_or_else(gone)
}
