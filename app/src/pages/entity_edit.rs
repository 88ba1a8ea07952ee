//! Adding and editing sources and speakers, and merging speakers.

use crate::api::editing::{get_source_for_edit, get_speaker_for_edit};
use crate::components::entity_forms::{SourceForm, SpeakerForm};
use crate::components::fields::{CsrfField, FormError, TextField};
use crate::components::page::{loaded, EditorsOnly};
use leptos::prelude::*;
use leptos_meta::Title;

fn page(title: &'static str, back: Option<String>, body: AnyView) -> AnyView {
    view! {
        <Title text=title/>
        <section class="narrow-page wide-form-page">
            <h1>{title}</h1>
            {back.map(|href| view! { <p><a href=href>"Back"</a></p> })}
            {body}
        </section>
    }
    .into_any()
}

#[component]
pub fn NewSource() -> impl IntoView {
    view! {
        <EditorsOnly next="/sources/new".to_owned()>
            {page("Add a source", None, view! { <SourceForm source=None/> }.into_any())}
        </EditorsOnly>
    }
}

#[component]
pub fn EditSource() -> impl IntoView {
    let id = super::path_param("id");
    view! {
        <EditorsOnly next=format!("/sources/{id}/edit")>
            {loaded(get_source_for_edit(id.clone()), |source| {
                let back = Some(format!("/sources/{}", source.public_id));
                page("Edit the source", back, view! { <SourceForm source=Some(source)/> }.into_any())
            })}
        </EditorsOnly>
    }
}

#[component]
pub fn NewSpeaker() -> impl IntoView {
    view! {
        <EditorsOnly next="/speakers/new".to_owned()>
            {page("Add a speaker", None, view! { <SpeakerForm speaker=None/> }.into_any())}
        </EditorsOnly>
    }
}

#[component]
pub fn EditSpeaker() -> impl IntoView {
    let slug = super::path_param("slug");
    view! {
        <EditorsOnly next=format!("/speakers/{slug}/edit")>
            {loaded(get_speaker_for_edit(slug.clone()), |speaker| {
                let back = Some(format!("/speakers/{}", speaker.speaker.slug));
                page("Edit the speaker", back, view! { <SpeakerForm speaker=Some(speaker)/> }.into_any())
            })}
        </EditorsOnly>
    }
}

#[component]
pub fn MergeSpeaker() -> impl IntoView {
    let slug = super::path_param("slug");
    view! {
        <EditorsOnly next=format!("/speakers/{slug}/merge")>
            {loaded(get_speaker_for_edit(slug.clone()), merge_page)}
        </EditorsOnly>
    }
}

/// The merge form: name the speaker this duplicate is merged into.
fn merge_page(speaker: crate::model::SpeakerEdit) -> AnyView {
    let s = speaker.speaker;
    let body = view! {
        <p>{format!(
            "Merging moves every claim of {} to the speaker you name, adds “{}” and their other names to that speaker's names, and sends visitors of /speakers/{} there. Each moved claim records the change in its history.",
            s.name, s.name, s.slug
        )}</p>
        <form method="post" action=format!("/speakers/{}/merge", s.slug) class="stacked-form">
            <FormError/>
            <CsrfField/>
            <TextField label="Merge into (name or alias)" name="target" required=true maxlength=200/>
            <button type="submit" class="danger-button">"Merge"</button>
        </form>
    };
    page("Merge a duplicate speaker", Some(format!("/speakers/{}", s.slug)), body.into_any())
}
