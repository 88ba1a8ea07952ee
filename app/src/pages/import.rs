//! `/import`: paste an article, or give its address to have it fetched; review the quotes and
//! numeric claims found in it, add the ones that stand. Both steps post to `/import`; the review is this page rendered with the form the
//! server filled from the extractor, so it works without JavaScript.

use crate::api::editing::recent_sources;
use crate::components::fields::{form_state, CsrfField, FieldError, FormError, TextArea, TextField};
use crate::components::page::EditorsOnly;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Import() -> impl IntoView {
    view! { <EditorsOnly next="/import".to_owned()><ImportSteps/></EditorsOnly> }
}

#[component]
fn ImportSteps() -> impl IntoView {
    let form = form_state();
    // The paste step's problems come back to the paste form; the review is the form the server
    // filled with candidates (it carries their count).
    let reviewing = form.value("candidates").is_some();
    view! {
        <Title text=if reviewing { "Review the claims found" } else { "Import an article" }/>
        <section class="narrow-page wide-form-page import-page">
            {if reviewing { view! { <super::import_review::Review form/> }.into_any() } else { view! { <Paste/> }.into_any() }}
        </section>
    }
    .into_any()
}

/// The source's fields, on both steps.
#[component]
pub(super) fn SourceFields() -> impl IntoView {
    view! {
        <TextField label="Address (canonical URL)" name="url" kind="url" maxlength=2048
            hint="An existing source with this address is reused. Give an address and no text to have the article fetched: its text, title, outlet, author and date fill what you left empty, and the address becomes the page's canonical one."/>
        <TextField label="Title" name="title" maxlength=500/>
        <div class="form-row">
            <TextField label="Outlet" name="outlet" maxlength=200/>
            <TextField label="Author" name="author" maxlength=200/>
            <TextField label="Published on" name="published_on" kind="date" maxlength=10
                hint="The claims are dated by it."/>
        </div>
    }
}

/// An existing source to import into, instead of typing a new one.
#[component]
fn SourcePicker(sources: Vec<crate::model::SourceRef>) -> impl IntoView {
    let form = form_state();
    let chosen = form.text("source_id");
    let error = form.error("source_id").map(str::to_owned);
    let options = sources
        .into_iter()
        .map(|s| {
            let label = format!(
                "{} — {}{}",
                s.title,
                s.outlet,
                s.published_on.map(|d| format!(", {d}")).unwrap_or_default()
            );
            let selected = chosen == s.public_id;
            view! { <option value=s.public_id selected=selected>{label}</option> }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for="field-source_id">"Source"</label>
            <p class="hint" id="field-source_id-hint">"Pick a source already added, or choose a new one and fill in its details below."</p>
            <select id="field-source_id" name="source_id" aria-describedby="field-source_id-hint">
                <option value="" selected=chosen.is_empty()>"A new source (details below)"</option>
                {options}
            </select>
            <FieldError id="field-source_id-error".to_owned() message=error/>
        </div>
    }
}

#[component]
fn Paste() -> impl IntoView {
    view! {
        <h1>"Import an article"</h1>
        <p class="lede">"Paste an article's text, or give its address to have it fetched. claimtrack finds its quotes, who said them, and the figures it states; you review every candidate before anything is added."</p>
        <form method="post" action="/import" class="stacked-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="step" value="review"/>
            <Suspense fallback=|| ()>
                {Suspend::new(async move {
                    let sources = recent_sources().await.unwrap_or_default();
                    (!sources.is_empty()).then(|| view! { <SourcePicker sources/> })
                })}
            </Suspense>
            <SourceFields/>
            <TextArea label="The article's text" name="text" maxlength=1_000_000 rows=16
                hint="Plain text: one paragraph a line, or paragraphs separated by blank lines. Leave it empty to fetch the article from its address."/>
            <p class="choice">
                <button type="submit">"Find the claims"</button>
                " "
                <button type="submit" name="fetch" value="1" class="secondary-button">"Fetch from the address"</button>
            </p>
        </form>
    }
}
