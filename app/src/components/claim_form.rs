//! The form for adding or editing a claim (posts to `/claims/new` or `/claims/{id}/edit`).

use super::fields::{form_state, CsrfField, FieldError, FormError, TextArea, TextField};
use crate::model::forms::claim::{CONTEXT_MAX, TEXT_MAX};
use crate::model::{ClaimEdit, ClaimKind, Qualifier};
use leptos::prelude::*;

/// `claim`: the saved claim when editing (its values fill the form, its version guards the save).
#[component]
pub fn ClaimForm(claim: Option<ClaimEdit>, speakers: Vec<String>) -> impl IntoView {
    let form = form_state();
    let action =
        claim.as_ref().map_or_else(|| "/claims/new".to_owned(), |c| format!("/claims/{}/edit", c.public_id));
    let kind = form
        .value("kind")
        .and_then(ClaimKind::parse)
        .or(claim.as_ref().map(|c| c.kind))
        .unwrap_or(ClaimKind::Quote);
    let q = claim.as_ref().and_then(|c| c.quantity.clone());
    let number = |v: Option<f64>| {
        v.map(|v| if v.fract() == 0.0 { format!("{v:.0}") } else { v.to_string() }).unwrap_or_default()
    };
    let change = form.value("quantity_change").map(str::to_owned).unwrap_or_else(|| {
        q.as_ref().and_then(|q| q.change).map(|c| c.as_str().to_owned()).unwrap_or_default()
    });
    let qualifier = form.value("quantity_qualifier").map(str::to_owned).unwrap_or_else(|| {
        q.as_ref().and_then(|q| q.qualifier).map(|c| c.as_str().to_owned()).unwrap_or_default()
    });
    let kind_error = form.error("kind").map(str::to_owned);
    let change_error = form.error("quantity_change").map(str::to_owned);
    let qualifier_error = form.error("quantity_qualifier").map(str::to_owned);
    let version = form.value("version").map(str::to_owned).or(claim.as_ref().map(|c| c.version.to_string()));
    let appearances = claim.as_ref().map(|c| c.appearances.clone()).unwrap_or_default();
    // After "Check the figure" (or a refusal), what the typed value was read as.
    let understood = form
        .value("quantity_value")
        .and_then(|typed| crate::model::figure::parse(typed).ok())
        .map(|f| view! { <p class="understood" role="status"><strong>"Understood: "</strong>{f.canonical()}</p> });
    let datalist = speakers.into_iter().map(|name| view! { <option value=name></option> }).collect_view();
    let qualifiers = Qualifier::ALL
        .iter()
        .map(|x| view! { <option value=x.as_str() selected=qualifier == x.as_str()>{x.words()}</option> })
        .collect_view();
    view! {
        <form method="post" action=action class="stacked-form">
            <FormError/>
            <CsrfField/>
            {version.map(|v| view! { <input type="hidden" name="version" value=v/> })}
            <fieldset class="group">
                <legend>"Kind"</legend>
                <label class="choice"><input type="radio" name="kind" value="quote" checked=kind == ClaimKind::Quote/>" Quote — words someone said"</label>
                <label class="choice"><input type="radio" name="kind" value="numeric" checked=kind == ClaimKind::Numeric/>" Numeric — a statement of a figure"</label>
                <FieldError id="field-kind-error".to_owned() message=kind_error/>
            </fieldset>
            <TextArea label="Text" name="text" required=true maxlength=TEXT_MAX rows=4
                value=claim.as_ref().map(|c| c.text.clone()).unwrap_or_default()
                hint="The words exactly as said or reported (for a quote, without the quotation marks)."/>
            <div class="field-with-list">
                <TextField label="Speaker" name="speaker" required=true maxlength=200 list="speaker-names"
                    value=claim.as_ref().map(|c| c.speaker.clone()).unwrap_or_default()
                    hint="A speaker's name or one of their aliases."/>
                <datalist id="speaker-names">{datalist}</datalist>
            </div>
            <TextField label="Date said" name="said_on" kind="date" required=true maxlength=10
                value=claim.as_ref().map(|c| c.said_on.to_string()).unwrap_or_default()/>
            <fieldset class="group">
                <legend>"The figure (numeric claims)"</legend>
                <div class="form-row">
                    <TextField label="Value" name="quantity_value" maxlength=120 value=number(q.as_ref().map(|q| q.value))
                        hint="As written: 54; 25%; $1.1 billion; 1.1bn; 54 of 69; a third"/>
                    <TextField label="Unit" name="quantity_unit" maxlength=60 value=q.as_ref().map(|q| q.unit.clone()).unwrap_or_default()
                        hint="percent; USD; drones (empty when the value says it)"/>
                    <TextField label="Of (the whole)" name="quantity_of" maxlength=40 value=number(q.as_ref().and_then(|q| q.of))
                        hint="69 in “54 of 69”"/>
                </div>
                <div class="form-row">
                    <div class="field">
                        <label for="field-quantity_change">"Change"</label>
                        <select id="field-quantity_change" name="quantity_change">
                            <option value="" selected=change.is_empty()>"None"</option>
                            <option value="increase" selected=change == "increase">"Increase"</option>
                            <option value="decrease" selected=change == "decrease">"Decrease"</option>
                        </select>
                        <FieldError id="field-quantity_change-error".to_owned() message=change_error/>
                    </div>
                    <div class="field">
                        <label for="field-quantity_qualifier">"Qualifier"</label>
                        <select id="field-quantity_qualifier" name="quantity_qualifier">
                            <option value="" selected=qualifier.is_empty()>"None"</option>
                            {qualifiers}
                        </select>
                        <FieldError id="field-quantity_qualifier-error".to_owned() message=qualifier_error/>
                    </div>
                </div>
                {understood}
                <div class="form-row">
                    <TextField label="Period or reference" name="figure_period" maxlength=CONTEXT_MAX
                        value=claim.as_ref().and_then(|c| c.period.clone()).unwrap_or_default()
                        hint="2022 compared with 2021; in the first night of attacks"/>
                    <TextField label="Baseline named" name="figure_baseline" maxlength=CONTEXT_MAX
                        value=claim.as_ref().and_then(|c| c.baseline.clone()).unwrap_or_default()
                        hint="For a change, the starting point the claim names, if any"/>
                </div>
                <p><button type="submit" name="check" value="1" class="secondary-button" formnovalidate=true>"Check the figure"</button></p>
            </fieldset>
            {(!appearances.is_empty()).then(|| view! {
                <div class="field">
                    <p class="label">"Appears in"</p>
                    <ul>{appearances.iter().map(|s| view! { <li>{format!("{} — {}", s.outlet, s.title)}</li> }).collect_view()}</ul>
                </div>
            })}
            <TextArea label="Add appearances" name="add_sources" maxlength=50000 rows=2
                hint="Addresses of sources already added, one per line."/>
            {claim.is_none().then(|| view! { <Repeats/> })}
            <button type="submit">{if claim.is_some() { "Save changes" } else { "Add the claim" }}</button>
        </form>
    }
    .into_any()
}

/// Once a new claim was submitted and existing claims say something alike: the choice between
/// them and a new claim (the form was shown again, nothing saved).
#[component]
fn Repeats() -> impl IntoView {
    let form = form_state();
    form.value("repeats_seen").filter(|v| !v.is_empty())?;
    let today = chrono::Utc::now().date_naive();
    let probe = form.decode::<crate::model::forms::claim::ClaimForm>().parse(today).ok()?.probe();
    let chosen = form.value("repeat_of").map(str::to_owned);
    let error = form.error("repeat_of").map(str::to_owned);
    Some(view! {
        <input type="hidden" name="repeats_seen" value="1"/>
        <p class="notice" role="status">"Nothing is saved yet: this claim may already be in the archive. Choose below, then press “Add the claim” again."</p>
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let suggestions = crate::api::editing::similar_claims(vec![probe]).await.unwrap_or_default();
                let suggestions = suggestions.into_iter().next().unwrap_or_default();
                view! { <super::repeat_choice::RepeatChoice name="repeat_of".to_owned() suggestions chosen/> }
            })}
        </Suspense>
        <FieldError id="field-repeat_of-error".to_owned() message=error/>
    })
}
