//! The source and speaker forms (post to `/sources/new`, `/sources/{id}/edit`, `/speakers/new`,
//! `/speakers/{slug}/edit`).

use super::fields::{form_state, CsrfField, FieldError, FormError, TextArea, TextField};
use crate::model::{SourceEdit, SpeakerEdit, SpeakerKind};
use leptos::prelude::*;

#[component]
pub fn SourceForm(source: Option<SourceEdit>) -> impl IntoView {
    let action = source
        .as_ref()
        .map_or_else(|| "/sources/new".to_owned(), |s| format!("/sources/{}/edit", s.public_id));
    let version =
        form_state().value("version").map(str::to_owned).or(source.as_ref().map(|s| s.version.to_string()));
    let s = source.clone();
    view! {
        <form method="post" action=action class="stacked-form">
            <FormError/>
            <CsrfField/>
            {version.map(|v| view! { <input type="hidden" name="version" value=v/> })}
            <TextField label="Address (canonical URL)" name="url" kind="url" required=true maxlength=2048
                value=s.as_ref().map(|s| s.url.clone()).unwrap_or_default()/>
            <TextField label="Title" name="title" required=true maxlength=500 value=s.as_ref().map(|s| s.title.clone()).unwrap_or_default()/>
            <TextField label="Outlet" name="outlet" required=true maxlength=200 value=s.as_ref().map(|s| s.outlet.clone()).unwrap_or_default()
                hint="The publication or organisation: The Washington Post, Reuters, Kremlin press office."/>
            <div class="form-row">
                <TextField label="Author" name="author" maxlength=200 value=s.as_ref().and_then(|s| s.author.clone()).unwrap_or_default()/>
                <TextField label="Published on" name="published_on" kind="date" maxlength=10
                    value=s.as_ref().and_then(|s| s.published_on).map(|d| d.to_string()).unwrap_or_default()/>
            </div>
            <TextArea label="Text of the document" name="body" maxlength=1_000_000 rows=8
                value=s.as_ref().and_then(|s| s.body.clone()).unwrap_or_default()
                hint="Optional: kept so that claims can be shown where they stand."/>
            <button type="submit">{if source.is_some() { "Save changes" } else { "Add the source" }}</button>
        </form>
    }
    .into_any()
}

#[component]
pub fn SpeakerForm(speaker: Option<SpeakerEdit>) -> impl IntoView {
    let form = form_state();
    let action = speaker
        .as_ref()
        .map_or_else(|| "/speakers/new".to_owned(), |s| format!("/speakers/{}/edit", s.speaker.slug));
    let version =
        form.value("version").map(str::to_owned).or(speaker.as_ref().map(|s| s.version.to_string()));
    let s = speaker.as_ref().map(|s| s.speaker.clone());
    let kind = form
        .value("kind")
        .and_then(SpeakerKind::parse)
        .or(s.as_ref().map(|s| s.kind))
        .unwrap_or(SpeakerKind::Person);
    let kind_error = form.error("kind").map(str::to_owned);
    let editing = speaker.is_some();
    view! {
        <form method="post" action=action class="stacked-form">
            <FormError/>
            <CsrfField/>
            {version.map(|v| view! { <input type="hidden" name="version" value=v/> })}
            <TextField label="Name" name="name" required=true maxlength=200 value=s.as_ref().map(|s| s.name.clone()).unwrap_or_default()
                hint="The full name: Vladimir Putin; Armed Forces of Ukraine."/>
            {(!editing).then(|| view! {
                <TextField label="Address" name="slug" maxlength=80
                    hint="Optional: the /speakers/… address, made from the name when left empty. It never changes afterwards."/>
            })}
            <fieldset class="group">
                <legend>"Kind"</legend>
                <label class="choice"><input type="radio" name="kind" value="person" checked=kind == SpeakerKind::Person/>" Person"</label>
                <label class="choice"><input type="radio" name="kind" value="organization" checked=kind == SpeakerKind::Organization/>" Organization"</label>
                <FieldError id="field-kind-error".to_owned() message=kind_error/>
            </fieldset>
            <TextField label="Description" name="description" maxlength=300
                value=s.as_ref().map(|s| s.description.clone()).unwrap_or_default() hint="President of Russia; Kremlin spokesman."/>
            <TextArea label="Other names" name="aliases" maxlength=10_000 rows=3
                value=s.as_ref().map(|s| s.aliases.join("\n")).unwrap_or_default()
                hint="One per line: Putin; Russian President Vladimir Putin. Searches and the claim form find them."/>
            <button type="submit">{if editing { "Save changes" } else { "Add the speaker" }}</button>
        </form>
    }
    .into_any()
}
