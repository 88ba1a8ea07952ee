//! `/claims/{id}/desk`: everything about a claim an editor works with — where it is in its life,
//! who has it, the ruling awaiting sign-off (with the sign-off form), private research notes and
//! the desk's log. Every action is a small plain form posting below this address.

use crate::api::editing::get_claim_desk;
use crate::components::fields::{form_state, Choice, Choices, CsrfField, FieldError, FormError, TextArea};
use crate::components::page::{loaded, EditorsOnly};
use crate::components::ruling_view::RulingView;
use crate::components::{format, status_badge::StatusBadge};
use crate::model::desk::{ClaimDesk, UserRef};
use crate::model::{markdown, Decision, Ruling, RulingState, Stage};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ClaimDeskPage() -> impl IntoView {
    let id = super::path_param("id");
    view! {
        <EditorsOnly next=format!("/claims/{id}/desk")>
            {loaded(get_claim_desk(id.clone()), |desk| view! { <DeskBody desk/> })}
        </EditorsOnly>
    }
}

#[component]
fn DeskBody(desk: ClaimDesk) -> impl IntoView {
    let s = desk.detail.summary.clone();
    let quote = s.kind == crate::model::ClaimKind::Quote;
    view! {
        <Title text=format!("Desk: {}", crate::model::claim_review::shorten(&s.text, 60))/>
        <section class="desk-claim">
            <p class="muted"><a href="/desk">"Desk"</a>" › claim"</p>
            <FormError/>
            <blockquote class="claim-full" class:quote=quote>
                <p>{quote.then_some("“")}{s.text.clone()}{quote.then_some("”")}</p>
            </blockquote>
            <p class="byline">
                <a href=format!("/speakers/{}", s.speaker.slug)>{s.speaker.name.clone()}</a>
                " · said " <time datetime=format::iso_date(s.said_on)>{format::date(s.said_on)}</time>
                {s.first_source.clone().map(|src| view! { " · in " <a href=format!("/sources/{}", src.public_id)>{src.outlet}</a> })}
                {desk.confidence.map(|c| view! { " · " <span class="confidence">{confidence_words(c)}</span> })}
            </p>
            <div class="desk-grid">
                <StagePanel desk=desk.clone()/>
                <Assignee desk=desk.clone()/>
            </div>
            <RulingPanel desk=desk.clone()/>
            <Notes desk=desk.clone()/>
            <DeskLog desk/>
        </section>
    }
}

/// "Extractor: 85% sure" — for imported claims.
pub fn confidence_words(confidence: f64) -> String {
    let percent = (confidence * 100.0).round();
    let note = if confidence < crate::model::import::LOW_CONFIDENCE { " (low: check it)" } else { "" };
    format!("extractor {percent:.0}% sure{note}")
}

/// Where the claim is in its life, and the actions that move it on.
#[component]
fn StagePanel(desk: ClaimDesk) -> impl IntoView {
    let s = desk.detail.summary.clone();
    let id = s.public_id.clone();
    let status = match s.stage {
        Stage::Published => view! {
            <p>"Public" {s.status.map(|status| view! { " · " <StatusBadge status/> })}
               " · " <a href=format!("/claims/{id}")>"Read it as readers do"</a></p>
        }
        .into_any(),
        Stage::Intake => view! {
            <p>"In intake: only editors can see it."</p>
            <form method="post" action=format!("/claims/{id}/desk/publish") class="inline-form">
                <CsrfField/>
                <button type="submit" class="secondary-button">"Publish as being checked"</button>
            </form>
            <form method="post" action=format!("/claims/{id}/desk/discard") class="stacked-form">
                <CsrfField/>
                <TextArea label="Why discard it?" name="reason" maxlength=500 rows=2
                    hint="Kept with the claim; nothing is deleted."/>
                <button type="submit" class="danger-button">"Discard"</button>
            </form>
        }
        .into_any(),
        Stage::Discarded => {
            let (by, reason, at) = desk.discarded.clone().unwrap_or_default();
            view! {
                <p>
                    {format!("Discarded by {by} ")}
                    <time datetime=format::iso_date_time(at)>{format::date_time(at)}</time>": " {reason}
                </p>
                <form method="post" action=format!("/claims/{id}/desk/restore") class="inline-form">
                    <CsrfField/>
                    <button type="submit" class="secondary-button">"Restore to intake"</button>
                </form>
            }
            .into_any()
        }
    };
    view! {
        <section class="desk-box" aria-labelledby="stage-heading">
            <h2 id="stage-heading">"Where it is"</h2>
            {status}
        </section>
    }
}

/// Who works on the claim, and the form to give it to someone (or take it).
#[component]
fn Assignee(desk: ClaimDesk) -> impl IntoView {
    let id = desk.detail.summary.public_id.clone();
    let me = crate::request::current_user();
    let current = desk.assignee.clone();
    let seen = current.as_ref().map(|a| a.username.clone()).unwrap_or_default();
    let chosen = form_state().value("assignee").map(str::to_owned).unwrap_or_else(|| seen.clone());
    let error = form_state().error("assignee").map(str::to_owned);
    // The assignee stays choosable even when their account can no longer sign in.
    let mut people: Vec<UserRef> = desk.editors.clone();
    if let Some(a) = current.as_ref().filter(|a| !people.iter().any(|e| e.username == a.username)) {
        people.push(a.clone());
    }
    let options = people
        .into_iter()
        .map(|e: UserRef| {
            let selected = chosen == e.username;
            view! { <option value=e.username selected=selected>{e.display_name}</option> }
        })
        .collect_view();
    let mine = matches!((&current, &me), (Some(a), Some(u)) if a.username == u.username);
    let numeric = desk.detail.summary.kind == crate::model::ClaimKind::Numeric;
    view! {
        <section class="desk-box" aria-labelledby="assignee-heading">
            <h2 id="assignee-heading">"Who has it"</h2>
            <p>{current.as_ref().map_or("Nobody yet.".to_owned(), |a| format!("Assigned to {}.", a.display_name))}</p>
            <form method="post" action=format!("/claims/{id}/desk/assign") class="stacked-form">
                <CsrfField/>
                <input type="hidden" name="seen" value=seen.clone()/>
                <div class="field">
                    <label for="field-assignee">"Assign to"</label>
                    <select id="field-assignee" name="assignee" aria-describedby=error.as_ref().map(|_| "field-assignee-error")>
                        <option value="" selected=chosen.is_empty()>"Nobody"</option>
                        {options}
                    </select>
                    <FieldError id="field-assignee-error".to_owned() message=error/>
                </div>
                <button type="submit" class="secondary-button">"Assign"</button>
            </form>
            {(!mine).then(|| me.map(|u| view! {
                <form method="post" action=format!("/claims/{id}/desk/assign") class="inline-form">
                    <CsrfField/>
                    <input type="hidden" name="seen" value=seen/>
                    <input type="hidden" name="assignee" value=u.username/>
                    <button type="submit">"Take it"</button>
                </form>
            }))}
            {mine.then(|| view! { <p><a class="button" href=format!("/claims/{id}/ruling")>"Write the ruling"</a></p> })}
            {numeric.then(|| view! {
                <p><a href=format!("/claims/{id}/record")>"Check the figure against the record"</a>
                   " — recorded figures, the comparison and the rating it suggests."</p>
            })}
        </section>
    }
}

/// The published ruling, the one awaiting sign-off or sent back, and the sign-off form.
#[component]
fn RulingPanel(desk: ClaimDesk) -> impl IntoView {
    let s = desk.detail.summary.clone();
    let open = desk.open_ruling().cloned();
    let published = desk.detail.ruling.clone();
    view! {
        <section class="desk-box" id="ruling" aria-labelledby="ruling-heading">
            <h2 id="ruling-heading">"Ruling"</h2>
            {match open {
                Some(ruling) => view! { <OpenRuling ruling claim_id=s.public_id.clone() kind=s.kind sign_offs=desk.sign_offs/> }.into_any(),
                None => view! { <p class="muted">"No ruling is awaiting sign-off."</p> }.into_any(),
            }}
            {published.map(|ruling| view! {
                <details>
                    <summary>"The published ruling"</summary>
                    <RulingView ruling kind=s.kind/>
                </details>
            })}
        </section>
    }
}

#[component]
fn OpenRuling(
    ruling: Ruling,
    claim_id: String,
    kind: crate::model::ClaimKind,
    sign_offs: u32,
) -> impl IntoView {
    let me = crate::request::current_user();
    let approvals = ruling.reviews.iter().filter(|r| r.decision == Decision::Approve).count();
    let state_line = match ruling.state {
        RulingState::SentBack => format!("Sent back to {}.", ruling.author),
        _ => format!(
            "Proposed by {}: awaiting sign-off ({approvals} of {} approvals).",
            ruling.author,
            sign_offs.max(1)
        ),
    };
    let reviews = ruling
        .reviews
        .iter()
        .map(|r| {
            view! {
                <li>
                    <strong>{format!("{} — {}", r.reviewer, r.decision.label())}</strong>
                    {r.note.clone().map(|n| view! { ": " {n} })}
                    " · " <time datetime=format::iso_date_time(r.at)>{format::date_time(r.at)}</time>
                </li>
            }
        })
        .collect_view();
    let can_review = ruling.state == RulingState::Proposed
        && me.as_ref().is_some_and(|u| {
            u.display_name != ruling.author && !ruling.reviews.iter().any(|r| r.reviewer == u.display_name)
        });
    let ruling_id = ruling.id;
    view! {
        <p class="open-ruling-state"><strong>{state_line}</strong>" " {kind_words(ruling.kind)}</p>
        <RulingView ruling kind/>
        <ul class="reviews">{reviews}</ul>
        {can_review.then(|| view! { <ReviewForm claim_id ruling_id/> })}
    }
}

/// What publishing the proposal will be, in words.
fn kind_words(kind: crate::model::RulingKind) -> &'static str {
    match kind {
        crate::model::RulingKind::Ruling => "The claim's first ruling.",
        crate::model::RulingKind::Correction => {
            "A correction: it changes the published rating or attribution."
        }
        crate::model::RulingKind::Clarification => "A clarification: same rating, other words.",
    }
}

/// Approve, or send back with a note.
#[component]
fn ReviewForm(claim_id: String, ruling_id: i64) -> impl IntoView {
    let choices =
        Decision::ALL.iter().map(|d| Choice { value: d.as_str(), label: d.label(), more: None }).collect();
    view! {
        <form method="post" action=format!("/claims/{claim_id}/desk/review") class="stacked-form review-form">
            <CsrfField/>
            <input type="hidden" name="ruling" value=ruling_id.to_string()/>
            <Choices name="decision" legend="Your sign-off" choices chosen=""/>
            <TextArea label="Note to the author" name="note" maxlength=2000 rows=3
                hint="Required when you send it back: say what should change."/>
            <button type="submit">"Send my sign-off"</button>
        </form>
    }
}

/// Private research notes, oldest first, and the form to add one.
#[component]
fn Notes(desk: ClaimDesk) -> impl IntoView {
    let id = desk.detail.summary.public_id.clone();
    let notes = desk
        .notes
        .iter()
        .map(|n| {
            view! {
                <li class="note">
                    <div class="rationale" inner_html=markdown::to_safe_html(&n.body)></div>
                    <p class="timeline-by">{format!("{} · ", n.author)}
                        <time datetime=format::iso_date_time(n.at)>{format::date_time(n.at)}</time></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="desk-box" id="notes" aria-labelledby="notes-heading">
            <h2 id="notes-heading">"Research notes"</h2>
            <p class="hint">"Private to editors. Notes are kept as written: add another to correct one."</p>
            {if desk.notes.is_empty() {
                view! { <p class="muted">"No notes yet."</p> }.into_any()
            } else {
                view! { <ol class="notes">{notes}</ol> }.into_any()
            }}
            <form method="post" action=format!("/claims/{id}/desk/note") class="stacked-form">
                <CsrfField/>
                <TextArea label="Add a note" name="body" maxlength=20_000 rows=4
                    hint="Markdown: paragraphs, *emphasis*, [links](https://…), lists."/>
                <button type="submit" class="secondary-button">"Add the note"</button>
            </form>
        </section>
    }
}

/// Who did what on the desk: assignments, discards, every ruling proposed and what became of it.
#[component]
fn DeskLog(desk: ClaimDesk) -> impl IntoView {
    let mut lines: Vec<(chrono::DateTime<chrono::Utc>, String)> = desk
        .events
        .iter()
        .map(|e| {
            let detail = e.detail.as_ref().map(|d| format!(": {d}")).unwrap_or_default();
            (e.at, format!("{} — {}{detail}", e.user, e.action.label()))
        })
        .collect();
    for r in &desk.rulings {
        lines.push((
            r.created_at,
            format!("{} — proposed a {} rated {}", r.author, r.kind.label().to_lowercase(), r.rating.label()),
        ));
        for v in &r.reviews {
            lines.push((v.at, format!("{} — {}", v.reviewer, v.decision.label())));
        }
        if let (Some(at), true) = (r.published_at, r.state.is_public()) {
            lines.push((at, format!("Published ({})", r.kind.label().to_lowercase())));
        }
    }
    lines.sort_by_key(|(at, _)| *at);
    let items = lines
        .into_iter()
        .rev()
        .map(|(at, line)| view! { <li><time datetime=format::iso_date_time(at)>{format::date_time(at)}</time>" · " {line}</li> })
        .collect_view();
    view! {
        <section class="desk-box" aria-labelledby="log-heading">
            <h2 id="log-heading">"Desk log"</h2>
            <ol class="desk-log">{items}</ol>
        </section>
    }
}
