//! Adding and editing sources.

use crate::model::forms::source::SourceInput;
use crate::model::snapshot::{Origin, Reanchored};
use crate::model::{public_id, CurrentUser, SourceEdit};
use crate::ssr::db::Db;
use crate::ssr::db::{self, revisions, snapshots, source_edits};
use crate::AppError;
use chrono::Utc;

fn show(value: &Option<impl ToString>) -> String {
    value.as_ref().map(|v| v.to_string()).unwrap_or_default()
}

/// `(field, before, after)` for every field that differs.
fn changes(before: Option<&SourceEdit>, after: &SourceInput) -> revisions::Changes {
    let body_summary = |b: &Option<String>| {
        b.as_ref().map(|b| format!("{} characters", b.chars().count())).unwrap_or_default()
    };
    let pairs = [
        ("url", before.map(|b| b.url.clone()).unwrap_or_default(), after.url.clone()),
        ("title", before.map(|b| b.title.clone()).unwrap_or_default(), after.title.clone()),
        ("outlet", before.map(|b| b.outlet.clone()).unwrap_or_default(), after.outlet.clone()),
        ("author", before.map(|b| show(&b.author)).unwrap_or_default(), show(&after.author)),
        (
            "published_on",
            before.map(|b| show(&b.published_on)).unwrap_or_default(),
            show(&after.published_on),
        ),
        ("text", before.map(|b| body_summary(&b.body)).unwrap_or_default(), body_summary(&after.body)),
    ];
    let body_changed = before.map(|b| b.body != after.body).unwrap_or(after.body.is_some());
    pairs
        .into_iter()
        .filter(|(field, b, a)| b != a || (*field == "text" && body_changed))
        .map(|(f, b, a)| (f.to_owned(), b, a))
        .collect()
}

/// Adds a source; returns its public id.
pub async fn create(db: &Db, user: &CurrentUser, input: &SourceInput) -> Result<String, AppError> {
    let mut tx = db::begin_write(db).await?;
    let id = source_edits::insert(&mut tx, input).await?;
    let now = Utc::now();
    if let Some(body) = &input.body {
        snapshots::take(&mut tx, id, body, typed_by(user, Origin::Pasted, now)).await?;
    }
    revisions::append(&mut tx, revisions::Of::Source, id, 1, user.id, &changes(None, input), now).await?;
    tx.commit().await?;
    Ok(public_id::encode(id))
}

/// A source's editable fields.
pub async fn for_edit(db: &Db, public: &str) -> Result<SourceEdit, AppError> {
    let id = public_id::decode(public).ok_or_else(|| AppError::not_found("There is no such source."))?;
    source_edits::for_form(db, id).await?.ok_or_else(|| AppError::not_found("There is no such source."))
}

/// Edits a source made from `input.version`; a stale version is a conflict.
pub async fn update(db: &Db, user: &CurrentUser, public: &str, input: &SourceInput) -> Result<(), AppError> {
    let id = public_id::decode(public).ok_or_else(|| AppError::not_found("There is no such source."))?;
    let mut tx = db::begin_write(db).await?;
    let current = source_edits::editable(&mut tx, id)
        .await?
        .ok_or_else(|| AppError::not_found("There is no such source."))?;
    if input.version != Some(current.version) {
        return Err(AppError::Conflict(format!(
            "Someone else saved this source (now version {}) while you were editing it. Your changes were not \
             saved; they are kept below. Compare with the source's page, then save again.",
            current.version
        )));
    }
    let changes = changes(Some(&current), input);
    if changes.is_empty() {
        return Ok(());
    }
    if !source_edits::update(&mut tx, id, current.version, input).await? {
        return Err(AppError::Conflict("This source changed meanwhile; nothing was saved.".into()));
    }
    let now = Utc::now();
    revisions::append(&mut tx, revisions::Of::Source, id, current.version + 1, user.id, &changes, now)
        .await?;
    if current.body != input.body {
        // A new version of the text is kept, and the claims marked in it are found again (or,
        // when the text is removed, every mark is reported lost).
        if let Some(body) = &input.body {
            snapshots::take(&mut tx, id, body, typed_by(user, Origin::Edited, now)).await?;
        }
        if let Some(old) = &current.body {
            snapshots::reanchor(&mut tx, id, old, input.body.as_deref().unwrap_or_default(), now).await?;
        }
    }
    tx.commit().await?;
    Ok(())
}

/// A text pasted into a new source's form, or edited in its form, by `user`.
fn typed_by(user: &CurrentUser, origin: Origin, at: chrono::DateTime<Utc>) -> snapshots::Taken<'static> {
    snapshots::Taken { origin, fetched_from: None, by: user.id, at }
}

/// Keeps `body` as the newest version of source `id`'s text, unless it is the text it has: the
/// source's text replaced, a revision noted, and the claims marked in the old text found again
/// in the new one. `None` when nothing changed.
pub async fn new_text(
    tx: &mut db::WriteTx,
    id: i64,
    body: &str,
    taken: snapshots::Taken<'_>,
) -> Result<Option<Reanchored>, AppError> {
    let old = db::import::source_body(tx, id).await?;
    if old.as_deref() == Some(body) {
        return Ok(None);
    }
    let version = db::import::replace_source_body(tx, id, body).await?;
    let n = snapshots::take(tx, id, body, taken).await?;
    let before = old.as_ref().map(|o| format!("{} characters", o.chars().count())).unwrap_or_default();
    let after = format!("{} characters (version {n})", body.chars().count());
    let changes = vec![("text".to_owned(), before, after)];
    revisions::append(tx, revisions::Of::Source, id, version, taken.by, &changes, taken.at).await?;
    match old {
        Some(old) => Ok(Some(snapshots::reanchor(tx, id, &old, body, taken.at).await?)),
        None => Ok(Some(Reanchored::default())),
    }
}

/// Sources whose text `claimtrack recheck` fetches again, with the address to fetch: the one
/// source named (its text's last address, or its own), or every source whose newest text was
/// fetched (a pasted or typed text is not compared with a page: it would differ by extraction).
pub async fn to_recheck(db: &Db, public: Option<&str>) -> Result<Vec<(i64, String)>, AppError> {
    match public {
        Some(public) => {
            let id =
                public_id::decode(public).ok_or_else(|| AppError::not_found("There is no such source."))?;
            let address = snapshots::address_of(db, id)
                .await?
                .ok_or_else(|| AppError::not_found("There is no such source."))?;
            Ok(vec![(id, address)])
        }
        None => snapshots::fetched_sources(db).await,
    }
}

/// `claimtrack recheck` for one source: the text fetched again kept as a new version when it
/// differs. `None` when it is the same.
pub async fn recheck(
    db: &Db,
    editor_id: i64,
    id: i64,
    address: &str,
    text: &str,
) -> Result<Option<Reanchored>, AppError> {
    let mut tx = db::begin_write(db).await?;
    let taken = snapshots::Taken {
        origin: Origin::Fetched,
        fetched_from: Some(address),
        by: editor_id,
        at: Utc::now(),
    };
    let changed = new_text(&mut tx, id, text, taken).await?;
    tx.commit().await?;
    Ok(changed)
}
