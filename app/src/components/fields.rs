//! Form fields that show their error beside them and keep what was typed.

use crate::model::FormState;
use leptos::prelude::*;

/// Text for inside a `<textarea>`. Leptos writes a textarea's children without escaping them
/// (tachys marks the element raw), and `</textarea>` in a value would end the element; a
/// textarea's content decodes character references, so escaped text shows exactly as typed.
pub fn textarea_text(value: &str) -> String {
    super::format::escape_html(value)
}

/// The form state of this render, if it answers a submission.
pub fn form_state() -> FormState {
    use_context::<FormState>().unwrap_or_default()
}

/// An error message for a field, announced to screen readers.
#[component]
pub fn FieldError(id: String, message: Option<String>) -> impl IntoView {
    message.map(|m| view! { <p class="field-error" id=id role="alert">{m}</p> })
}

/// A labelled text input (or `kind` = "password", "date", "url", "number", "search").
#[component]
pub fn TextField(
    label: &'static str,
    name: &'static str,
    #[prop(default = "text")] kind: &'static str,
    #[prop(into, default = String::new())] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(default = 500)] maxlength: usize,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let form = form_state();
    let error = form.error(name).map(str::to_owned);
    // A resubmitted form shows what was typed; passwords are never sent back.
    let value =
        if kind == "password" { String::new() } else { form.value(name).map(str::to_owned).unwrap_or(value) };
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let described = [error.as_ref().map(|_| error_id.clone()), hint.map(|_| hint_id.clone())]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}{required.then_some(" (required)")}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <input id=id type=kind name=name value=value required=required maxlength=maxlength
                autocomplete=autocomplete list=list aria-invalid=error.is_some().then_some("true")
                aria-describedby=(!described.is_empty()).then_some(described)/>
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    label: &'static str,
    name: &'static str,
    #[prop(into, default = String::new())] value: String,
    #[prop(optional)] hint: Option<&'static str>,
    #[prop(default = false)] required: bool,
    #[prop(default = 5000)] maxlength: usize,
    #[prop(default = 5)] rows: usize,
) -> impl IntoView {
    let form = form_state();
    let error = form.error(name).map(str::to_owned);
    let value = form.value(name).map(str::to_owned).unwrap_or(value);
    let id = format!("field-{name}");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_error = error.is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=id.clone()>{label}{required.then_some(" (required)")}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
            <textarea id=id name=name rows=rows required=required maxlength=maxlength
                aria-invalid=error.is_some().then_some("true")
                aria-describedby=error.as_ref().map(|_| error_id.clone()).or(hint.map(|_| hint_id.clone()))>{textarea_text(&value)}</textarea>
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// The form-wide error (a conflict, a refused sign-in), above the fields.
#[component]
pub fn FormError() -> impl IntoView {
    form_state().error("").map(|m| view! { <div class="form-error" role="alert">{m.to_owned()}</div> })
}

/// The hidden field that proves a form came from this site (see `ssr::auth`).
#[component]
pub fn CsrfField() -> impl IntoView {
    crate::request::current_user().map(|u| view! { <input type="hidden" name="csrf" value=u.csrf_token/> })
}

/// One choice of a [`Choices`] group: its value, and what the label says (a strong part, then
/// the rest).
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
    pub more: Option<&'static str>,
}

/// A group of radio buttons named `name`, its legend, an optional hint, the choice that is
/// checked (what was typed, else `chosen`), and its error beside it.
#[component]
pub fn Choices(
    name: &'static str,
    legend: &'static str,
    choices: Vec<Choice>,
    #[prop(into)] chosen: String,
    #[prop(optional)] hint: Option<&'static str>,
) -> impl IntoView {
    let form = form_state();
    let chosen = form.value(name).map(str::to_owned).unwrap_or(chosen);
    let error = form.error(name).map(str::to_owned);
    let error_id = format!("field-{name}-error");
    let described = error.as_ref().map(|_| error_id.clone());
    let items = choices
        .into_iter()
        .map(|c| {
            let id = format!("{name}-{}", c.value);
            view! {
                <li>
                    <input type="radio" id=id.clone() name=name value=c.value checked=chosen == c.value/>
                    <label for=id>
                        {match c.more {
                            Some(more) => view! { <strong>{c.label}</strong>" — "{more} }.into_any(),
                            None => c.label.into_any(),
                        }}
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="group choices" aria-describedby=described>
            <legend>{legend}</legend>
            {hint.map(|h| view! { <p class="hint">{h}</p> })}
            <ul class="choice-list">{items}</ul>
            <FieldError id=error_id message=error/>
        </fieldset>
    }
}
