//! What the pages read, assembled from the store. Plain async functions over a pool, so that they
//! can be tested without Leptos; the server functions in `api/` are shims over these.
//!
//! Readers see published claims only: an unpublished claim is "not found" to them wherever they
//! look, and so are speakers and sources that have no published claims.

use super::db::{self, rulings::Audience};
use crate::model::comparison::Tolerances;
use crate::model::desk::{ClaimDesk, DeskFilter, DeskPage};
use crate::model::record::FigureCheck;
use crate::model::{
    public_id, slug, ClaimDetail, ClaimListPage, ClaimSummary, CurrentUser, ListQuery, Quantity, Repeated,
    SourcePage, SourceRef, SpeakerPage, Stage,
};
use crate::ssr::db::Db;
use crate::AppError;

/// Who is reading: editors also see what is not public.
pub fn audience(user: Option<&CurrentUser>) -> Audience {
    if user.is_some() {
        Audience::Desk
    } else {
        Audience::Public
    }
}

/// A page of the claim list (published claims only, for everyone).
pub async fn claim_list(db: &Db, query: &ListQuery) -> Result<ClaimListPage, AppError> {
    db::claims::list(db, query).await
}

/// Everything the permalink page shows, by public id; `site_url` makes the permalink absolute.
/// The history holds published rulings only, whoever reads; editors may also open unpublished
/// claims (readers get "not found").
pub async fn claim_detail(
    db: &Db,
    site_url: &str,
    public: &str,
    audience: Audience,
) -> Result<ClaimDetail, AppError> {
    let not_found = || AppError::not_found(format!("There is no claim with the id “{}”.", clip(public)));
    let id = public_id::decode(public).ok_or_else(not_found)?;
    let summary = db::claims::summary(db, id).await?.ok_or_else(not_found)?;
    if audience == Audience::Public && summary.stage != Stage::Published {
        return Err(not_found());
    }
    let meta = db::claims::meta(db, id).await?.ok_or_else(not_found)?;
    let speaker = db::speakers::by_id(db, meta.speaker_id).await?.ok_or(AppError::Internal)?;
    let permalink = format!("{site_url}/claims/{}", summary.public_id);
    let rulings = db::rulings::for_claim(db, id, Audience::Public).await?;
    let figure_check = figure_check(db, id, summary.quantity.as_ref(), audience).await?;
    Ok(ClaimDetail {
        ruling: rulings.iter().find(|r| Some(r.id) == meta.ruling_id).cloned(),
        rulings,
        summary,
        speaker,
        appearances: db::sources::appearances_of(db, id, audience == Audience::Desk).await?,
        retractions: db::retractions::for_claim(db, id).await?,
        revisions: db::revisions::of_claim(db, id).await?,
        retraction_reason: meta.retraction_reason,
        created_at: meta.created_at,
        published_at: meta.published_at,
        permalink,
        figure_check,
    })
}

/// For feed entries: the sentence comparing each claim's figure with the record, when its ruling
/// compares against one ("Claimed +25% · Recorded +29.3% (…) · understated by …"), by public id.
pub async fn figure_sentences(
    db: &Db,
    claim_public_ids: &[&str],
) -> Result<std::collections::HashMap<String, String>, AppError> {
    let ids: Vec<i64> = claim_public_ids.iter().filter_map(|p| public_id::decode(p)).collect();
    let mut sentences = std::collections::HashMap::new();
    for id in db::recorded::with_compared(db, &ids).await? {
        let Some(summary) = db::claims::summary(db, id).await? else { continue };
        let check = figure_check(db, id, summary.quantity.as_ref(), Audience::Public).await?;
        if let Some(sentence) = check.and_then(|c| c.sentence()) {
            sentences.insert(summary.public_id, sentence);
        }
    }
    Ok(sentences)
}

/// A numeric claim's figure against the record; readers never see withdrawn figures. The rating
/// it suggests uses the default tolerances (the desk's pages use the server's own).
async fn figure_check(
    db: &Db,
    id: i64,
    quantity: Option<&Quantity>,
    audience: Audience,
) -> Result<Option<FigureCheck>, AppError> {
    let Some(quantity) = quantity else { return Ok(None) };
    let (period, baseline) = db::recorded::figure_context(db, id).await?;
    let mut recorded = db::recorded::figures(db, id).await?;
    if audience == Audience::Public {
        recorded.retain(|f| !f.withdrawn);
    }
    Ok(Some(FigureCheck::assemble(quantity, period, baseline, recorded, &Tolerances::default())))
}

/// A claim's desk page: the claim and everything private about it. Editors only.
pub async fn claim_desk(
    db: &Db,
    site_url: &str,
    public: &str,
    sign_offs: u32,
) -> Result<ClaimDesk, AppError> {
    let detail = claim_detail(db, site_url, public, Audience::Desk).await?;
    let id = public_id::decode(public).ok_or(AppError::Internal)?;
    let fields = db::desk::fields(db, id).await?;
    Ok(ClaimDesk {
        detail,
        assignee: fields.assignee,
        confidence: fields.confidence,
        discarded: fields.discarded,
        notes: db::notes::for_claim(db, id).await?,
        rulings: db::rulings::for_claim(db, id, Audience::Desk).await?,
        events: db::desk::events(db, id).await?,
        editors: db::users::editors(db).await?,
        sign_offs,
    })
}

/// `/desk` for the signed-in editor `me`; `intake_after` pages the intake section.
pub async fn desk_page(
    db: &Db,
    me: &CurrentUser,
    filter: &DeskFilter,
    intake_after: Option<&str>,
    sign_offs: u32,
) -> Result<DeskPage, AppError> {
    use db::desk::{section, Section};
    let intake_after = intake_after.and_then(public_id::decode);
    Ok(DeskPage {
        assigned_to_me: section(db, Section::AssignedToMe, me.id, filter, None).await?,
        awaiting_my_sign_off: section(db, Section::AwaitingMySignOff, me.id, filter, None).await?,
        sent_back_to_me: section(db, Section::SentBackToMe, me.id, filter, None).await?,
        mine_awaiting_others: section(db, Section::MineAwaitingOthers, me.id, filter, None).await?,
        intake: section(db, Section::Intake, me.id, filter, intake_after).await?,
        recently_published: section(db, Section::RecentlyPublished, me.id, filter, None).await?,
        editors: db::users::editors(db).await?,
        speakers: db::speakers::refs(db, 500).await?,
        sources: db::import::recent_sources(db, 300).await?,
        sign_offs,
    })
}

/// A claim's editable fields, for its edit form.
pub async fn claim_for_edit(db: &Db, public: &str) -> Result<crate::model::ClaimEdit, AppError> {
    let id = public_id::decode(public).ok_or_else(|| AppError::not_found("There is no such claim."))?;
    db::claim_edits::for_form(db, id).await?.ok_or_else(|| AppError::not_found("There is no such claim."))
}

/// A numeric claim's recorded figures, withdrawn ones included, for its record page (editors),
/// with the rating the server's tolerances suggest.
pub async fn claim_record(
    db: &Db,
    public: &str,
    tolerances: &Tolerances,
) -> Result<crate::model::record::ClaimRecord, AppError> {
    let claim = claim_for_edit(db, public).await?;
    let id = public_id::decode(public).ok_or(AppError::Internal)?;
    let recorded = db::recorded::figures(db, id).await?;
    let check = claim.quantity.as_ref().map(|q| {
        FigureCheck::assemble(q, claim.period.clone(), claim.baseline.clone(), recorded, tolerances)
    });
    Ok(crate::model::record::ClaimRecord { claim, check, tolerances: tolerances.clone() })
}

/// A speaker's profile with their newest published claims; `query` may narrow or page those.
pub async fn speaker_page(
    db: &Db,
    speaker_slug: &str,
    query: &ListQuery,
    audience: Audience,
) -> Result<SpeakerPage, AppError> {
    let not_found = || AppError::not_found(format!("There is no speaker “{}”.", clip(speaker_slug)));
    if !slug::is_valid(speaker_slug) {
        return Err(not_found());
    }
    if let Some(target) = db::speakers::merged_into(db, speaker_slug).await? {
        return Err(AppError::Moved(format!("/speakers/{target}")));
    }
    let (id, speaker) = db::speakers::by_slug(db, speaker_slug).await?.ok_or_else(not_found)?;
    if audience == Audience::Public && !db::speakers::is_public(db, id).await? {
        return Err(not_found());
    }
    let repeated = repeated_by(db, id).await?;
    let query = ListQuery { speaker: Some(speaker.slug.clone()), ..query.clone() };
    let claims = db::claims::list(db, &query).await?;
    let status_counts = if query.is_filtered_beyond_speaker() {
        db::claims::unsearched_status_counts(
            db,
            &ListQuery { speaker: query.speaker.clone(), ..ListQuery::default() },
        )
        .await?
    } else {
        claims.status_counts.clone()
    };
    Ok(SpeakerPage { speaker, status_counts, claims, repeated })
}

/// How many repetitions a speaker's page lists.
const REPEATED_SHOWN: i64 = 50;

/// The published claims by others that a speaker repeated, newest first.
async fn repeated_by(db: &Db, speaker_id: i64) -> Result<Vec<Repeated>, AppError> {
    let rows = db::repeated::by_speaker(db, speaker_id, REPEATED_SHOWN).await?;
    let ids: Vec<i64> = rows.iter().map(|r| r.claim_id).collect();
    let claims: std::collections::HashMap<i64, ClaimSummary> = db::claims::summaries(db, &ids)
        .await?
        .into_iter()
        .filter_map(|c| Some((public_id::decode(&c.public_id)?, c)))
        .collect();
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            let claim = claims.get(&r.claim_id)?.clone();
            let source = SourceRef {
                public_id: public_id::encode(r.source_id),
                title: r.source_title,
                outlet: r.source_outlet,
                published_on: r.source_published_on,
            };
            Some(Repeated { claim, said_on: r.said_on, source })
        })
        .collect())
}

/// A source's metadata and the published claims that appear in it (editors also see where
/// unpublished claims stand in its text).
pub async fn source_page(
    db: &Db,
    public: &str,
    query: &ListQuery,
    audience: Audience,
) -> Result<SourcePage, AppError> {
    let not_found = || AppError::not_found(format!("There is no source with the id “{}”.", clip(public)));
    let id = public_id::decode(public).ok_or_else(not_found)?;
    let source = db::sources::by_id(db, id).await?.ok_or_else(not_found)?;
    if audience == Audience::Public && !db::sources::has_published_claims(db, id).await? {
        return Err(not_found());
    }
    let query = ListQuery { source: Some(source.public_id.clone()), ..query.clone() };
    let claims = db::claims::list(db, &query).await?;
    let editor = audience == Audience::Desk;
    // Readers get excerpts around the published claims; the text itself stays with the editors.
    let (text, marks, excerpts) = match db::import::text_with_marks(db, id, editor).await? {
        Some((text, marks)) if editor => (Some(text), marks, Vec::new()),
        Some((text, marks)) => (None, Vec::new(), crate::model::excerpt::excerpts(&text, &marks)),
        None => (None, Vec::new(), Vec::new()),
    };
    let snapshots = if editor { db::snapshots::history(db, id).await? } else { Vec::new() };
    Ok(SourcePage { source, claims, text, marks, excerpts, snapshots })
}

/// Keeps echoed user input short in messages.
fn clip(text: &str) -> String {
    text.chars().take(40).collect()
}
