//! `/import`: paste an article, or give its address to have it fetched; review the quotes and
//! numeric claims found in it, add the ones that stand. Both steps post to `/import`; the review is this page rendered with the form the
//! server filled from the extractor, so it works without JavaScript.

use crate::api::editing::{recent_sources, speaker_names};
use crate::components::article_text::ArticleText;
use crate::components::fields::{
    form_state, textarea_text, CsrfField, FieldError, FormError, TextArea, TextField,
};
use crate::components::page::EditorsOnly;
use crate::model::import::{candidate_count, field, Mark};
use crate::model::{ClaimKind, FormState, Qualifier};
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
            {if reviewing { view! { <Review form/> }.into_any() } else { view! { <Paste/> }.into_any() }}
        </section>
    }
    .into_any()
}

/// The source's fields, on both steps.
#[component]
fn SourceFields() -> impl IntoView {
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

fn number(n: usize) -> usize {
    n + 1
}

#[component]
fn Review(form: FormState) -> impl IntoView {
    let text = form.value("text").unwrap_or_default().to_owned();
    let count = candidate_count(&form);
    let picked: Vec<usize> = form.all("pick").iter().filter_map(|v| v.parse().ok()).collect();
    let kind_of = |i: usize| {
        ClaimKind::parse(form.value(&field(i, "kind")).unwrap_or_default()).unwrap_or(ClaimKind::Quote)
    };
    let quotes = (0..count).filter(|i| kind_of(*i) == ClaimKind::Quote).count();
    let marks: Vec<Mark> = (0..count)
        .filter_map(|i| {
            Some(Mark {
                start: form.text(&field(i, "start")).parse().ok()?,
                end: form.text(&field(i, "end")).parse().ok()?,
                public_id: String::new(),
                kind: kind_of(i),
                status: None,
                number: number(i),
            })
        })
        .collect();
    let candidates = (0..count)
        .map(|i| view! { <Candidate form=form.clone() i picked=picked.contains(&i)/> })
        .collect_view();
    let summary = if count == 0 {
        "No quotes or figures were found in this text. Check that it is the article's body, or add claims by hand.".to_owned()
    } else {
        format!(
            "Found {count} candidate{}: {quotes} quote{} and {} numeric claim{}. Tick the ones to add and correct what needs correcting; a claim the speaker already has becomes a new appearance, not a duplicate.",
            if count == 1 { "" } else { "s" },
            if quotes == 1 { "" } else { "s" },
            count - quotes,
            if count - quotes == 1 { "" } else { "s" },
        )
    };
    let fetched = form
        .value("fetched")
        .filter(|f| !f.is_empty())
        .map(|f| format!("Fetched from {f}: check the text and the source's details below."));
    let notices = [fetched, form.value("notice").map(str::to_owned)]
        .into_iter()
        .flatten()
        .map(|n| view! { <p class="notice" role="status">{n}</p> })
        .collect_view();
    view! {
        <h1>"Review the claims found"</h1>
        <p class="lede">{summary}</p>
        {notices}
        <form method="post" action="/import" class="stacked-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="step" value="add"/>
            <input type="hidden" name="candidates" value=count.to_string()/>
            <textarea name="text" hidden=true aria-hidden="true" tabindex="-1">{textarea_text(&text)}</textarea>
            <details class="import-source" open=form.errors.iter().any(|(f, _)| ["url", "title", "outlet", "author", "published_on"].contains(&f.as_str()))>
                <summary>"Source: " {form.text("title")} " — " {form.text("outlet")} ", " {form.text("published_on")}</summary>
                <SourceFields/>
            </details>
            <div class="import-review">
                <section aria-labelledby="article-heading" class="import-article">
                    <h2 id="article-heading">"The article"</h2>
                    <ArticleText text=text.clone() marks link=|m: &Mark| format!("#candidate-{}", m.number)/>
                </section>
                <section aria-labelledby="candidates-heading" class="import-candidates">
                    <h2 id="candidates-heading">"Candidates"</h2>
                    <Suspense fallback=|| ()>
                        {Suspend::new(async move {
                            let names = speaker_names().await.unwrap_or_default();
                            let options = names.into_iter().map(|n| view! { <option value=n></option> }).collect_view();
                            view! { <datalist id="speaker-names">{options}</datalist> }
                        })}
                    </Suspense>
                    {candidates}
                    {(count > 0).then(|| view! {
                        <p class="choice">
                            <input type="checkbox" id="field-publish" name="publish" value="1" checked=form.value("publish") == Some("1")/>
                            <label for="field-publish">" Publish the added claims at once, as being checked. Without this they wait, private, in the desk's intake."</label>
                        </p>
                        <button type="submit">"Add selected"</button>
                    })}
                </section>
            </div>
        </form>
    }
}

#[component]
fn Candidate(form: FormState, i: usize, picked: bool) -> impl IntoView {
    let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
    let error = |name: &str| form.error(&field(i, name)).map(str::to_owned);
    let id = |name: &str| format!("{}-{i}", name);
    let kind = ClaimKind::parse(&value("kind")).unwrap_or(ClaimKind::Quote);
    let known = value("known");
    let speaker_note = if value("speaker").is_empty() {
        "No speaker was found: write who said it, or leave it unticked.".to_owned()
    } else if known.is_empty() {
        "A new speaker will be added.".to_owned()
    } else {
        format!("Matches the existing speaker {known}.")
    };
    let change = value("quantity_change");
    let qualifier = value("quantity_qualifier");
    let qualifiers = Qualifier::ALL
        .iter()
        .map(|x| view! { <option value=x.as_str() selected=qualifier == x.as_str()>{x.words()}</option> })
        .collect_view();
    let n = number(i);
    let has_error = form.errors.iter().any(|(f, _)| f.starts_with(&format!("c{i}_")));
    let numeric = (kind == ClaimKind::Numeric).then(|| {
        view! {
            <div class="form-row quantity-row">
                <div class="field"><label for=id("value")>"Figure"</label>
                    <input id=id("value") name=field(i, "quantity_value") value=value("quantity_value") maxlength=40 inputmode="decimal"/>
                    <FieldError id=id("value-error") message=error("quantity_value")/></div>
                <div class="field"><label for=id("unit")>"Unit"</label>
                    <input id=id("unit") name=field(i, "quantity_unit") value=value("quantity_unit") maxlength=60/>
                    <FieldError id=id("unit-error") message=error("quantity_unit")/></div>
                <div class="field"><label for=id("of")>"Of (the whole)"</label>
                    <input id=id("of") name=field(i, "quantity_of") value=value("quantity_of") maxlength=40 inputmode="decimal"/>
                    <FieldError id=id("of-error") message=error("quantity_of")/></div>
                <div class="field"><label for=id("change")>"Change"</label>
                    <select id=id("change") name=field(i, "quantity_change")>
                        <option value="" selected=change.is_empty()>"none"</option>
                        <option value="increase" selected=change == "increase">"increase"</option>
                        <option value="decrease" selected=change == "decrease">"decrease"</option>
                    </select></div>
                <div class="field"><label for=id("qualifier")>"Qualifier"</label>
                    <select id=id("qualifier") name=field(i, "quantity_qualifier")>
                        <option value="" selected=qualifier.is_empty()>"exact"</option>
                        {qualifiers}
                    </select></div>
            </div>
        }
    });
    view! {
        <fieldset class="candidate" class:has-error=has_error id=format!("candidate-{n}")>
            <legend>
                <label class="choice"><input type="checkbox" name="pick" value=i.to_string() checked=picked/>
                    {format!(" [{n}] Add this {}", if kind == ClaimKind::Quote { "quote" } else { "numeric claim" })}</label>
            </legend>
            <input type="hidden" name=field(i, "kind") value=kind.as_str()/>
            <input type="hidden" name=field(i, "start") value=value("start")/>
            <input type="hidden" name=field(i, "end") value=value("end")/>
            <input type="hidden" name=field(i, "known") value=known.clone()/>
            <div class="field">
                <label for=id("text")>{if kind == ClaimKind::Quote { "Words quoted" } else { "Sentence" }}</label>
                <textarea id=id("text") name=field(i, "text") rows=3 maxlength=5000>{textarea_text(&value("text"))}</textarea>
                <FieldError id=id("text-error") message=error("text")/>
            </div>
            <div class="field">
                <label for=id("speaker")>"Speaker"</label>
                <p class="hint" id=id("speaker-hint")>{speaker_note}</p>
                <input id=id("speaker") name=field(i, "speaker") value=value("speaker") maxlength=200 list="speaker-names"
                    aria-describedby=id("speaker-hint")/>
                <FieldError id=id("speaker-error") message=error("speaker")/>
            </div>
            {numeric}
        </fieldset>
    }
}
