//! `/desk`: the editors' work, in sections — assigned to me, awaiting my sign-off, sent back to
//! me, my proposals awaiting others, intake waiting for someone, recently published — with
//! counts, filters by speaker, source and kind (a GET form), and bulk actions on intake (one
//! form of checkboxes). Works without JavaScript.

use crate::api::editing::get_desk;
use crate::components::fields::{form_state, CsrfField, FieldError, FormError};
use crate::components::page::{loaded, EditorsOnly};
use crate::components::{format, status_badge::StatusBadge};
use crate::model::desk::{DeskFilter, DeskItem, DeskPage, DeskSection};
use crate::model::{BulkAction, ClaimKind, RulingState};
use crate::AppError;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Desk() -> impl IntoView {
    let params = leptos_router::hooks::use_query_map().get_untracked();
    let pairs: Vec<(&str, String)> = ["speaker", "source", "kind"]
        .into_iter()
        .filter_map(|name| params.get(name).map(|v| (name, v)))
        .collect();
    let filter = DeskFilter::parse(pairs.iter().map(|(k, v)| (*k, v.as_str())));
    let intake_after = params.get("intake_after").filter(|v| !v.is_empty());
    let done = (params.get("done"), params.get("n"));
    view! {
        <EditorsOnly next="/desk".to_owned()>
            {loaded(
                async move {
                    let filter = filter.map_err(AppError::from)?;
                    let page = get_desk(filter.clone(), intake_after).await?;
                    Ok((filter, page))
                },
                move |(filter, page)| view! { <DeskBody filter page done=done.clone()/> },
            )}
        </EditorsOnly>
    }
}

#[component]
fn DeskBody(filter: DeskFilter, page: DeskPage, done: (Option<String>, Option<String>)) -> impl IntoView {
    let message = done_message(&done);
    let sign_offs = match page.sign_offs {
        0 => "Rulings are published by their author (no sign-off).".to_owned(),
        1 => "A ruling is published once one other editor signs it off.".to_owned(),
        n => format!("A ruling is published once {n} other editors sign it off."),
    };
    view! {
        <Title text="Desk"/>
        <section class="desk-page">
            <h1>"Desk"</h1>
            <p class="lede">{sign_offs}</p>
            {message.map(|m| view! { <p class="notice" role="status">{m}</p> })}
            <super::source_page::ImportNotice/>
            <Filters filter=filter.clone() page=page.clone()/>
            <Section id="assigned" title="Assigned to me" section=page.assigned_to_me.clone()
                empty="Nothing assigned to you. Take a claim from intake below."/>
            <Section id="sign-off" title="Awaiting my sign-off" section=page.awaiting_my_sign_off.clone()
                empty="No colleague's ruling is waiting for you."/>
            <Section id="sent-back" title="Sent back to me" section=page.sent_back_to_me.clone()
                empty="None of your rulings was sent back."/>
            <Section id="mine" title="My rulings, awaiting others' sign-off" section=page.mine_awaiting_others.clone()
                empty="None of your rulings is waiting."/>
            <Intake page=page.clone() filter/>
            <Section id="published" title="Recently published" section=page.recently_published.clone()
                empty="Nothing published yet."/>
        </section>
    }
}

fn done_message(done: &(Option<String>, Option<String>)) -> Option<String> {
    let action = BulkAction::parse(done.0.as_deref()?)?;
    let n: usize = done.1.as_deref()?.parse().ok()?;
    let claims = if n == 1 { "1 claim".to_owned() } else { format!("{n} claims") };
    Some(match action {
        BulkAction::Assign => format!("{claims} assigned."),
        BulkAction::Publish => format!("{claims} published as being checked."),
        BulkAction::Discard => format!("{claims} discarded."),
    })
}

/// Filters for every section: speaker, source, kind (a GET form: the filtered desk is a URL).
#[component]
fn Filters(filter: DeskFilter, page: DeskPage) -> impl IntoView {
    let speakers = page
        .speakers
        .iter()
        .map(|s| view! { <option value=s.slug.clone() selected=filter.speaker.as_deref() == Some(s.slug.as_str())>{s.name.clone()}</option> })
        .collect_view();
    let sources = page
        .sources
        .iter()
        .map(|s| {
            let label = format!("{} — {}", s.title, s.outlet);
            view! { <option value=s.public_id.clone() selected=filter.source.as_deref() == Some(s.public_id.as_str())>{label}</option> }
        })
        .collect_view();
    let kinds = ClaimKind::ALL
        .iter()
        .map(|k| view! { <option value=k.as_str() selected=filter.kind == Some(*k)>{k.label()}</option> })
        .collect_view();
    view! {
        <form class="desk-filters" method="get" action="/desk" aria-label="Filter the desk">
            <div class="field">
                <label for="desk-speaker">"Speaker"</label>
                <select id="desk-speaker" name="speaker"><option value="">"Any"</option>{speakers}</select>
            </div>
            <div class="field">
                <label for="desk-source">"Source"</label>
                <select id="desk-source" name="source"><option value="">"Any"</option>{sources}</select>
            </div>
            <div class="field">
                <label for="desk-kind">"Kind"</label>
                <select id="desk-kind" name="kind"><option value="">"Any"</option>{kinds}</select>
            </div>
            <button type="submit" class="secondary-button">"Filter"</button>
            {(!filter.is_empty()).then(|| view! { <a href="/desk">"Clear"</a> })}
        </form>
    }
}

#[component]
fn Section(
    id: &'static str,
    title: &'static str,
    section: DeskSection,
    empty: &'static str,
) -> impl IntoView {
    let heading = format!("{id}-heading");
    let labelled_by = heading.clone();
    let rows = section.items.iter().cloned().map(|item| view! { <Row item tick=false/> }).collect_view();
    view! {
        <section class="desk-section" id=id aria-labelledby=labelled_by>
            <h2 id=heading>{format!("{title} ")}<span class="count">{format::number(section.total)}</span></h2>
            {if section.items.is_empty() {
                view! { <p class="muted">{empty}</p> }.into_any()
            } else {
                view! { <ul class="desk-rows">{rows}</ul> }.into_any()
            }}
            <More section/>
        </section>
    }
}

/// "Showing 50 of 73": sections show their first rows.
#[component]
fn More(section: DeskSection) -> impl IntoView {
    let shown = section.items.len() as i64;
    (section.total > shown).then(|| {
        view! { <p class="muted">{format!("Showing {shown} of {}.", format::number(section.total))}</p> }
    })
}

/// One claim: what it is, where it is, who has it, how far its ruling got.
#[component]
fn Row(item: DeskItem, tick: bool) -> impl IntoView {
    let s = item.summary.clone();
    let checkbox_id = format!("tick-{}", s.public_id);
    let open = item.open_ruling.clone().map(|r| match r.state {
        RulingState::SentBack => {
            let (note, by) = r.sent_back.clone().unwrap_or_default();
            format!("Sent back by {by}: {note}")
        }
        _ => format!(
            "Proposed {} by {} · {} approval(s)",
            r.rating.label(),
            r.author.display_name,
            r.approvals
        ),
    });
    let low = item.confidence.is_some_and(|c| c < crate::model::import::LOW_CONFIDENCE);
    view! {
        <li class="desk-row" class:low-confidence=low>
            {tick.then(|| view! {
                <input type="checkbox" id=checkbox_id.clone() name="claim" value=s.public_id.clone()
                    aria-label=format!("Select: {}", crate::model::claim_review::shorten(&s.text, 80))/>
            })}
            <div class="desk-row-body">
                <p class="desk-row-text">
                    <span class=format!("kind kind-{}", s.kind.as_str())>{s.kind.label()}</span>" "
                    {s.status.map(|status| view! { <StatusBadge status/> " " })}
                    <a href=format!("/claims/{}/desk", s.public_id)>{crate::model::claim_review::shorten(&s.text, 160)}</a>
                </p>
                <p class="desk-row-meta">
                    {s.speaker.name.clone()}
                    {s.first_source.clone().map(|src| format!(" · {}", src.outlet))}
                    " · added " <time datetime=format::iso_date_time(item.added_at)>{format::date(item.added_at.date_naive())}</time>
                    {item.assignee.clone().map(|a| format!(" · assigned to {}", a.display_name))}
                    {item.confidence.map(|c| view! { " · " <span class="confidence">{super::claim_desk::confidence_words(c)}</span> })}
                </p>
                {open.map(|line| view! { <p class="desk-row-ruling">{line}</p> })}
            </div>
        </li>
    }
}

/// Intake waiting for someone, with its bulk actions: tick claims, choose what to do, once.
#[component]
fn Intake(page: DeskPage, filter: DeskFilter) -> impl IntoView {
    let section = page.intake.clone();
    let form = form_state();
    let rows = section.items.iter().cloned().map(|item| view! { <Row item tick=true/> }).collect_view();
    let older = section.items.last().filter(|_| section.total > section.items.len() as i64).map(|last| {
        let mut query = filter.to_query_string();
        query.push_str(if query.is_empty() { "?" } else { "&" });
        format!("/desk{query}intake_after={}#intake", last.summary.public_id)
    });
    let editors = page
        .editors
        .iter()
        .map(|e| view! { <option value=e.username.clone() selected=form.value("assignee") == Some(e.username.as_str())>{e.display_name.clone()}</option> })
        .collect_view();
    let actions = BulkAction::ALL
        .iter()
        .map(|a| view! { <option value=a.as_str() selected=form.value("action") == Some(a.as_str())>{a.label()}</option> })
        .collect_view();
    view! {
        <section class="desk-section" id="intake" aria-labelledby="intake-heading">
            <h2 id="intake-heading">"Intake — unassigned "<span class="count">{format::number(section.total)}</span></h2>
            <p class="hint">"Newest first. Claims added or imported wait here, private, until someone takes them."</p>
            {if section.items.is_empty() {
                view! { <p class="muted">"Intake is empty."</p> }.into_any()
            } else {
                view! {
                    <form method="post" action="/desk" class="bulk-form">
                        <FormError/>
                        <CsrfField/>
                        <FieldError id="field-claim-error".to_owned() message=form.error("claim").map(str::to_owned)/>
                        <ul class="desk-rows">{rows}</ul>
                        <fieldset class="group bulk-actions">
                            <legend>"With the ticked claims"</legend>
                            <div class="form-row">
                                <div class="field">
                                    <label for="bulk-action">"Action"</label>
                                    <select id="bulk-action" name="action">{actions}</select>
                                    <FieldError id="field-action-error".to_owned() message=form.error("action").map(str::to_owned)/>
                                </div>
                                <div class="field">
                                    <label for="bulk-assignee">"Assign to (for Assign)"</label>
                                    <select id="bulk-assignee" name="assignee"><option value="">"—"</option>{editors}</select>
                                    <FieldError id="field-assignee-error".to_owned() message=form.error("assignee").map(str::to_owned)/>
                                </div>
                                <div class="field">
                                    <label for="bulk-reason">"Reason (for Discard)"</label>
                                    <input id="bulk-reason" type="text" name="reason" maxlength="500"
                                        value=form.value("reason").unwrap_or_default().to_owned()/>
                                    <FieldError id="field-reason-error".to_owned() message=form.error("reason").map(str::to_owned)/>
                                </div>
                            </div>
                            <button type="submit">"Apply to the ticked claims"</button>
                        </fieldset>
                    </form>
                }.into_any()
            }}
            {older.map(|href| view! { <p><a href=href>"Older intake"</a></p> })}
        </section>
    }
}
