//! `/claims/{id}/ruling`: the assignee writes or amends the claim's ruling. It starts from the
//! proposal awaiting sign-off or sent back, else from the published ruling.

use crate::api::editing::get_claim_desk;
use crate::components::page::{loaded, EditorsOnly};
use crate::components::ruling_form::RulingForm;
use crate::components::{
    fields::{CsrfField, FormError},
    format,
};
use crate::model::desk::ClaimDesk;
use crate::model::{RulingState, Stage};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ClaimRuling() -> impl IntoView {
    let id = super::path_param("id");
    view! {
        <EditorsOnly next=format!("/claims/{id}/ruling")>
            {loaded(get_claim_desk(id.clone()), |desk| view! { <RulingPage desk/> })}
        </EditorsOnly>
    }
}

#[component]
fn RulingPage(desk: ClaimDesk) -> impl IntoView {
    let user = crate::request::current_user();
    let s = desk.detail.summary.clone();
    let assigned_to_me = matches!((&desk.assignee, &user), (Some(a), Some(u)) if a.username == u.username);
    let open = desk.open_ruling().cloned();
    let published = desk.detail.ruling.clone();
    let sent_back = open.as_ref().filter(|r| r.state == RulingState::SentBack).and_then(|r| {
        r.reviews.iter().rev().find_map(|v| v.note.clone().map(|note| (v.reviewer.clone(), note, v.at)))
    });
    let heading = if published.is_some() { "Amend the ruling" } else { "Write the ruling" };
    let blocked = match (s.stage, s.retracted) {
        (Stage::Discarded, _) => {
            Some("This claim was discarded. Restore it to intake on the desk before ruling on it.")
        }
        (_, true) => Some("A retracted claim cannot be rated. An admin can reverse the retraction first."),
        _ => None,
    };
    let start = open.clone().or(published.clone());
    view! {
        <Title text=heading/>
        <section class="narrow-page wide-form-page">
            <h1>{heading}</h1>
            <p class="lede">{format!("{}: “{}”", s.speaker.name, s.text)}</p>
            <p><a href=format!("/claims/{}/desk", s.public_id)>"Back to the claim's desk page"</a></p>
            {(!assigned_to_me || blocked.is_some()).then(|| view! { <FormError/> })}
            {sent_back.map(|(by, note, at)| view! {
                <div class="form-error" role="note">
                    <strong>{format!("Sent back by {by} ")}</strong>
                    <time datetime=format::iso_date_time(at)>{format::date_time(at)}</time>": " {note}
                </div>
            })}
            {match (blocked, assigned_to_me) {
                (Some(reason), _) => view! { <p class="form-error" role="alert">{reason}</p> }.into_any(),
                (None, false) => view! { <TakeFirst desk=desk.clone()/> }.into_any(),
                (None, true) => view! {
                    <RulingForm claim_id=s.public_id.clone() kind=s.kind start published=published.is_some()/>
                }.into_any(),
            }}
        </section>
    }
}

/// Only the assignee writes the ruling: anyone else is offered to take the claim first.
#[component]
fn TakeFirst(desk: ClaimDesk) -> impl IntoView {
    let user = crate::request::current_user();
    let id = desk.detail.summary.public_id.clone();
    let current = desk.assignee.clone();
    let who = current.as_ref().map_or("nobody".to_owned(), |a| a.display_name.clone());
    view! {
        <p>{format!("Only the claim's assignee writes its ruling. It is assigned to {who}.")}</p>
        <form method="post" action=format!("/claims/{id}/desk/assign") class="inline-form">
            <CsrfField/>
            <input type="hidden" name="seen" value=current.map(|a| a.username).unwrap_or_default()/>
            <input type="hidden" name="assignee" value=user.map(|u| u.username).unwrap_or_default()/>
            <button type="submit">"Assign it to me"</button>
        </form>
    }
}
