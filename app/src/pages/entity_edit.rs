//! Adding and editing sources and speakers, and merging speakers.

use crate::api::editing::{get_source_for_edit, get_speaker_for_edit};
use crate::components::entity_forms::{SourceForm, SpeakerForm};
use crate::components::fields::{CsrfField, FormError, TextField};
use crate::components::{error_view::ErrorView, sign_in_required::SignInRequired};
use crate::request::current_user;
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
    match current_user() {
        None => view! { <SignInRequired next="/sources/new".to_owned()/> }.into_any(),
        Some(_) => page("Add a source", None, view! { <SourceForm source=None/> }.into_any()),
    }
}

#[component]
pub fn EditSource() -> impl IntoView {
    let id = super::path_param("id");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/sources/{id}/edit")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {Suspend::new(async move {
                match get_source_for_edit(id).await {
                    Ok(source) => {
                        let back = Some(format!("/sources/{}", source.public_id));
                        page("Edit the source", back, view! { <SourceForm source=Some(source)/> }.into_any())
                    }
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn NewSpeaker() -> impl IntoView {
    match current_user() {
        None => view! { <SignInRequired next="/speakers/new".to_owned()/> }.into_any(),
        Some(_) => page("Add a speaker", None, view! { <SpeakerForm speaker=None/> }.into_any()),
    }
}

#[component]
pub fn EditSpeaker() -> impl IntoView {
    let slug = super::path_param("slug");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/speakers/{slug}/edit")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {Suspend::new(async move {
                match get_speaker_for_edit(slug).await {
                    Ok(speaker) => {
                        let back = Some(format!("/speakers/{}", speaker.speaker.slug));
                        page("Edit the speaker", back, view! { <SpeakerForm speaker=Some(speaker)/> }.into_any())
                    }
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

#[component]
pub fn MergeSpeaker() -> impl IntoView {
    let slug = super::path_param("slug");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/speakers/{slug}/merge")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading…"</p> }>
            {Suspend::new(async move {
                match get_speaker_for_edit(slug).await {
                    Ok(speaker) => {
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
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
