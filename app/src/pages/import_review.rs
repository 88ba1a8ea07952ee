//! The review step of `/import`: the article with every candidate marked, and one box per
//! candidate to tick and correct. A figure stated inside a quotation is shown inside that quote's
//! box (credited to its speaker), so the quoted sentence is never offered twice; candidates the
//! extractor is unsure of start unticked and say so.

use super::import::SourceFields;
use crate::api::editing::{similar_claims, speaker_names};
use crate::components::article_text::ArticleText;
use crate::components::fields::{textarea_text, CsrfField, FieldError, FormError};
use crate::components::repeat_choice::RepeatChoice;
use crate::model::import::{candidate_count, field, holding_quote, Mark, LOW_CONFIDENCE};
use crate::model::repeats::{Probe, Suggestion};
use crate::model::{ClaimKind, FormState, Qualifier, Quantity};
use leptos::prelude::*;

/// The number a candidate is shown with ("[3]"): counted from one.
fn number(n: usize) -> usize {
    n + 1
}

fn kind_of(form: &FormState, i: usize) -> ClaimKind {
    ClaimKind::parse(form.value(&field(i, "kind")).unwrap_or_default()).unwrap_or(ClaimKind::Quote)
}

#[component]
pub fn Review(form: FormState) -> impl IntoView {
    let text = form.value("text").unwrap_or_default().to_owned();
    let count = candidate_count(&form);
    let picked: Vec<usize> = form.all("pick").iter().filter_map(|v| v.parse().ok()).collect();
    let quotes = (0..count).filter(|i| kind_of(&form, *i) == ClaimKind::Quote).count();
    // Which quote holds each candidate, worked out once (a review may have 400 candidates).
    let holders: Vec<Option<usize>> = (0..count).map(|i| holding_quote(&form, i)).collect();
    let in_quotes = holders.iter().flatten().count();
    let marks: Vec<Mark> = (0..count)
        .filter_map(|i| {
            Some(Mark {
                start: form.text(&field(i, "start")).parse().ok()?,
                end: form.text(&field(i, "end")).parse().ok()?,
                public_id: String::new(),
                kind: kind_of(&form, i),
                status: None,
                number: number(i),
            })
        })
        .collect();
    let tops: Vec<usize> = (0..count).filter(|i| holders[*i].is_none()).collect();
    let probes: Vec<Probe> = tops.iter().map(|i| probe(&form, *i)).collect();
    let candidates = {
        let form = form.clone();
        // The existing claims each candidate may repeat: looked up as the page is made, so a
        // review shown again after an error suggests what the archive holds then.
        Suspend::new(async move {
            let found = similar_claims(probes).await.unwrap_or_default();
            tops.into_iter()
                .enumerate()
                .map(|(n, i)| {
                    let figures: Vec<usize> = (0..count).filter(|j| holders[*j] == Some(i)).collect();
                    let suggestions = found.get(n).cloned().unwrap_or_default();
                    view! { <Candidate form=form.clone() i picked=picked.clone() figures suggestions/> }
                })
                .collect_view()
        })
    };
    let summary = summary(count, quotes, in_quotes);
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
            <input type="hidden" name="fetched" value=form.text("fetched")/>
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
                    <Suspense fallback=|| ()>{candidates}</Suspense>
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

/// "Found 5 candidates: 2 quotes and 3 numeric claims (1 of them inside a quote). …"
fn summary(count: usize, quotes: usize, in_quotes: usize) -> String {
    if count == 0 {
        return "No quotes or figures were found in this text. Check that it is the article's body, or add claims by hand."
            .to_owned();
    }
    let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let inside = match in_quotes {
        0 => String::new(),
        1 => " (1 of them inside a quote, shown with it)".to_owned(),
        n => format!(" ({n} of them inside quotes, shown with them)"),
    };
    format!(
        "Found {}: {} and {}{inside}. Tick the ones to add and correct what needs correcting; the ones the \
         extractor is unsure of start unticked. A claim the speaker already has becomes a new appearance, not a duplicate.",
        plural(count, "candidate", "candidates"),
        plural(quotes, "quote", "quotes"),
        plural(count - quotes, "numeric claim", "numeric claims"),
    )
}

/// The extractor's confidence as the review shows it when it is low, or nothing.
fn unsure_note(form: &FormState, i: usize) -> Option<String> {
    let confidence = form.value(&field(i, "confidence"))?.parse::<f64>().ok()?;
    (confidence < LOW_CONFIDENCE).then(|| {
        format!(
            "Unsure ({:.0}% confident): check the words and the speaker against the article before ticking it.",
            confidence * 100.0
        )
    })
}

/// The hidden fields every candidate carries from the review to the add step.
#[component]
fn CarriedFields(form: FormState, i: usize) -> impl IntoView {
    let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
    let carried = ["kind", "start", "end", "known", "confidence", "in"]
        .into_iter()
        .map(|name| view! { <input type="hidden" name=field(i, name) value=value(name)/> })
        .collect_view();
    view! { {carried} }
}

/// What candidate `i` says, to look for existing claims that say it too.
fn probe(form: &FormState, i: usize) -> Probe {
    let number = |name: &str| form.text(&field(i, name)).trim().parse::<f64>().ok().filter(|v| v.is_finite());
    let unit = form.text(&field(i, "quantity_unit")).trim().to_owned();
    let kind = kind_of(form, i);
    let quantity = number("quantity_value")
        .filter(|_| kind == ClaimKind::Numeric && !unit.is_empty())
        .map(|value| Quantity { value, unit, of: number("quantity_of"), change: None, qualifier: None });
    let said_on = form.text("published_on").parse().ok();
    Probe { kind, text: form.text(&field(i, "text")), quantity, said_on }
}

#[component]
fn Candidate(
    form: FormState,
    i: usize,
    picked: Vec<usize>,
    figures: Vec<usize>,
    suggestions: Vec<Suggestion>,
) -> impl IntoView {
    let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
    let error = |name: &str| form.error(&field(i, name)).map(str::to_owned);
    let id = |name: &str| format!("{}-{i}", name);
    let kind = kind_of(&form, i);
    let known = value("known");
    let speaker_note = if value("speaker").is_empty() {
        "No speaker was found: write who said it, or leave it unticked.".to_owned()
    } else if known.is_empty() {
        "A new speaker will be added.".to_owned()
    } else {
        format!("Matches the existing speaker {known}.")
    };
    let n = number(i);
    let has_error = form.errors.iter().any(|(f, _)| f.starts_with(&format!("c{i}_")));
    let unsure = unsure_note(&form, i);
    let is_unsure = unsure.is_some();
    let figures = figures
        .into_iter()
        .map(|j| view! { <FigureInQuote form=form.clone() i=j picked=picked.contains(&j)/> })
        .collect_view();
    view! {
        <fieldset class="candidate" class:has-error=has_error class:unsure=is_unsure id=format!("candidate-{n}")>
            <legend>
                <label class="choice"><input type="checkbox" name="pick" value=i.to_string() checked=picked.contains(&i)/>
                    {format!(" [{n}] Add this {}", if kind == ClaimKind::Quote { "quote" } else { "numeric claim" })}</label>
            </legend>
            <CarriedFields form=form.clone() i/>
            {unsure.map(|note| view! { <p class="hint unsure-note">{note}</p> })}
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
            {(kind == ClaimKind::Numeric).then(|| view! { <QuantityFields form=form.clone() i/> })}
            <RepeatChoice name=field(i, "repeat_of") suggestions chosen=form.value(&field(i, "repeat_of")).map(str::to_owned)/>
            <FieldError id=id("repeat_of-error") message=error("repeat_of")/>
            {figures}
        </fieldset>
    }
}

/// A figure stated inside the quote whose box it is in: its own tick and figure fields; its
/// sentence is the quote's, and its speaker the quote's speaker (read from the quote's field).
#[component]
fn FigureInQuote(form: FormState, i: usize, picked: bool) -> impl IntoView {
    let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
    let error = |name: &str| form.error(&field(i, name)).map(str::to_owned);
    let n = number(i);
    let has_error = form.errors.iter().any(|(f, _)| f.starts_with(&format!("c{i}_")));
    let unsure = unsure_note(&form, i);
    view! {
        <fieldset class="candidate-figure" class:has-error=has_error id=format!("candidate-{n}")>
            <legend>
                <label class="choice"><input type="checkbox" name="pick" value=i.to_string() checked=picked/>
                    {format!(" [{n}] Also add the figure it states as a numeric claim")}</label>
            </legend>
            <CarriedFields form=form.clone() i/>
            <input type="hidden" name=field(i, "text") value=value("text")/>
            <p class="hint">"Credited to the quote's speaker; its sentence is the quote's."</p>
            {unsure.map(|note| view! { <p class="hint unsure-note">{note}</p> })}
            <FieldError id=format!("text-error-{i}") message=error("text")/>
            <FieldError id=format!("speaker-error-{i}") message=error("speaker")/>
            <QuantityFields form=form.clone() i/>
        </fieldset>
    }
}

/// A numeric candidate's figure: value, unit, whole, change and qualifier.
#[component]
fn QuantityFields(form: FormState, i: usize) -> impl IntoView {
    let value = |name: &str| form.value(&field(i, name)).unwrap_or_default().to_owned();
    let error = |name: &str| form.error(&field(i, name)).map(str::to_owned);
    let id = |name: &str| format!("{}-{i}", name);
    let change = value("quantity_change");
    let qualifier = value("quantity_qualifier");
    let qualifiers = Qualifier::ALL
        .iter()
        .map(|x| view! { <option value=x.as_str() selected=qualifier == x.as_str()>{x.words()}</option> })
        .collect_view();
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
}
