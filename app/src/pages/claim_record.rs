//! `/claims/{id}/record` and `/claims/{id}/record/{figure}`: a numeric claim's figure against the
//! record (editors). The recorded figures, the comparison with the one marked for the ruling and
//! the rating it suggests, and the form to add a figure or edit one — with a "Check" that shows
//! what was understood and how it compares, saving nothing.

use crate::api::editing::get_claim_record;
use crate::components::fields::{form_state, CsrfField, FieldError, FormError, TextArea, TextField};
use crate::components::figure_check::{OutcomeView, RecordedLine};
use crate::components::page::{loaded, EditorsOnly};
use crate::model::comparison::{Shape, Tolerances};
use crate::model::forms::record::{RecordForm, NOTE_MAX, PERIOD_MAX};
use crate::model::record::{ClaimRecord, FigureCheck, Outcome, RecordedFigure};
use crate::model::{ClaimKind, Quantity};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ClaimRecordPage() -> impl IntoView {
    let id = super::path_param("id");
    let figure = super::path_param("figure").parse::<i64>().ok();
    let next = match figure {
        Some(n) => format!("/claims/{id}/record/{n}"),
        None => format!("/claims/{id}/record"),
    };
    view! {
        <EditorsOnly next>
            {loaded(get_claim_record(id.clone()), move |record| view! { <RecordBody record figure/> })}
        </EditorsOnly>
    }
}

#[component]
fn RecordBody(record: ClaimRecord, figure: Option<i64>) -> impl IntoView {
    let claim = record.claim.clone();
    let id = claim.public_id.clone();
    let header = view! {
        <Title text="Check the figure against the record"/>
        <h1>"Check the figure against the record"</h1>
        <p>{format!("{}: “{}”", claim.speaker, claim.text)}</p>
        <p>
            <a href=format!("/claims/{id}")>"Back to the claim"</a> " · "
            <a href=format!("/claims/{id}/desk")>"Open on the desk"</a> " · "
            <a href=format!("/claims/{id}/edit")>"Edit the claim's figure, period and baseline"</a>
        </p>
    };
    let (Some(quantity), Some(check), ClaimKind::Numeric) =
        (claim.quantity.clone(), record.check.clone(), claim.kind)
    else {
        return view! {
            <section class="narrow-page">{header}
                <p>"Only a numeric claim has a figure to check: this claim is a quote."</p>
            </section>
        }
        .into_any();
    };
    let editing = figure.and_then(|n| check.recorded.iter().find(|f| f.id == n && !f.withdrawn).cloned());
    view! {
        <section class="narrow-page wide-form-page">
            {header}
            <ClaimedFigure quantity=quantity.clone() check=check.clone()/>
            <h2>"The comparison"</h2>
            <OutcomeView outcome=check.outcome.clone() sentence=check.sentence()/>
            <Suggestion check=check.clone() tolerances=record.tolerances.clone()/>
            <h2>"Recorded figures"</h2>
            <FigureList id=id.clone() figures=check.recorded.clone()/>
            {match (figure, editing) {
                (Some(_), Some(f)) => view! {
                    <h2>{format!("Edit recorded figure {}", f.id)}</h2>
                    <RecordFormView id=id.clone() quantity=quantity.clone() check=check.clone()
                        figure=Some(f.clone()) version=claim.version tolerances=record.tolerances.clone()/>
                    <WithdrawFormView id=id.clone() figure=f.id version=claim.version/>
                }.into_any(),
                (Some(n), None) => view! {
                    <p class="form-error" role="alert">{format!("There is no recorded figure {n} to edit (or it was withdrawn).")}</p>
                }.into_any(),
                (None, _) => view! {
                    <h2>"Record a figure"</h2>
                    <RecordFormView id=id.clone() quantity check=check.clone() figure=None version=claim.version
                        tolerances=record.tolerances.clone()/>
                }.into_any(),
            }}
        </section>
    }
    .into_any()
}

#[component]
fn ClaimedFigure(quantity: Quantity, check: FigureCheck) -> impl IntoView {
    view! {
        <dl class="facts">
            <dt>"Claimed"</dt><dd>{quantity.headline()}{quantity.noun().map(|n| format!(" {n}"))}</dd>
            <dt>"Period"</dt><dd>{check.period.clone().unwrap_or_else(|| "not stated — add it by editing the claim".into())}</dd>
            {check.baseline.clone().map(|b| view! { <dt>"Baseline named"</dt><dd>{b}</dd> })}
        </dl>
    }
}

/// The suggested rating, for the editor only: the editor's rating stands.
#[component]
fn Suggestion(check: FigureCheck, tolerances: Tolerances) -> impl IntoView {
    let compared = check.compared()?.clone();
    let distance = compared
        .relative_error_percent
        .map(|e| format!("the claim is {} from the record; ", crate::model::quantity::format_percent(e)))
        .unwrap_or_default();
    Some(view! {
        <p class="suggestion">
            <strong>{format!("Suggested rating: {}. ", compared.suggested.label())}</strong>
            {format!(
                "({distance}a match is true, up to {}% mostly true, up to {}% misleading, beyond that false.) \
                 A suggestion only: the ruling's rating is the editor's.",
                tolerances.mostly_true_percent, tolerances.misleading_percent
            )}
        </p>
    })
}

#[component]
fn FigureList(id: String, figures: Vec<RecordedFigure>) -> impl IntoView {
    if figures.is_empty() {
        return view! { <p class="muted">"No figure recorded yet."</p> }.into_any();
    }
    view! {
        <ul class="recorded-figures">
            {figures.into_iter().map(|f| {
                let edit = (!f.withdrawn).then(|| view! {
                    " " <a href=format!("/claims/{id}/record/{}", f.id)>{format!("Edit figure {}", f.id)}</a>
                });
                let withdrawn = f.withdrawn.then(|| view! { <span class="badge">" withdrawn"</span> });
                view! { <li class:withdrawn=f.withdrawn><RecordedLine figure=f.clone()/>{withdrawn}{edit}</li> }
            }).collect_view()}
        </ul>
    }
    .into_any()
}

/// The add/edit form. After "Check", shows what was understood and the comparison it would make.
#[component]
fn RecordFormView(
    id: String,
    quantity: Quantity,
    check: FigureCheck,
    figure: Option<RecordedFigure>,
    version: i64,
    tolerances: Tolerances,
) -> impl IntoView {
    let form = form_state();
    let action = match &figure {
        Some(f) => format!("/claims/{id}/record/{}", f.id),
        None => format!("/claims/{id}/record"),
    };
    let claimed_shape = crate::model::comparison::Measure::claimed(&quantity, None).shape;
    let shape = form
        .value("shape")
        .and_then(Shape::parse)
        .or(figure.as_ref().map(|f| f.shape))
        .unwrap_or(claimed_shape);
    let shape_error = form.error("shape").map(str::to_owned);
    // Values of this form only: a refused withdrawal shows its own fields again, not these.
    let compared = form
        .value("figure")
        .map(|_| form.value("compared").is_some())
        .unwrap_or_else(|| figure.as_ref().map_or(check.compared().is_none(), |f| f.compared));
    let version = form.value("version").map(str::to_owned).unwrap_or_else(|| version.to_string());
    let preview = preview(&form, &quantity, &check, &tolerances);
    let value = |get: fn(&RecordedFigure) -> String| figure.as_ref().map(get).unwrap_or_default();
    let shapes = Shape::ALL
        .iter()
        .map(|s| view! {
            <label class="choice"><input type="radio" name="shape" value=s.as_str() checked=*s == shape/>{format!(" {}", s.label())}</label>
        })
        .collect_view();
    view! {
        <form method="post" action=action class="stacked-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="version" value=version/>
            <TextField label="Recorded figure" name="figure" required=true maxlength=120
                value=value(|f| f.typed())
                hint="As the source gives it: +29.3%, $190.27 billion, 1.1bn, 54 of 69, a third, -0.5 pp."/>
            {preview}
            <fieldset class="group">
                <legend>"What the figure is"</legend>
                {shapes}
                <FieldError id="field-shape-error".to_owned() message=shape_error/>
            </fieldset>
            <TextField label="Unit" name="unit" maxlength=60 value=value(|f| f.unit.clone())
                hint="Only when the figure does not say it: percent, pp, USD, drones. Empty: the claim's unit."/>
            <TextField label="Period" name="period" maxlength=PERIOD_MAX value=value(|f| f.period.clone().unwrap_or_default())
                hint="What the figure covers, like the claim's period: 2022 compared with 2021."/>
            <TextField label="Source address" name="source_url" kind="url" required=true maxlength=2000
                value=value(|f| f.source_url.clone())/>
            <TextField label="Source title" name="source_title" required=true maxlength=300 value=value(|f| f.source_title.clone())/>
            <TextField label="Publisher" name="publisher" required=true maxlength=200 value=value(|f| f.publisher.clone())
                hint="Who published the figure: General Administration of Customs of China."/>
            <div class="form-row">
                <TextField label="Published on" name="published_on" kind="date" maxlength=10
                    value=value(|f| f.published_on.map(|d| d.to_string()).unwrap_or_default())/>
                <TextField label="Read on" name="accessed_on" kind="date" maxlength=10
                    value=value(|f| f.accessed_on.map(|d| d.to_string()).unwrap_or_default())
                    hint="When there is no publication date."/>
            </div>
            <TextArea label="Note" name="note" maxlength=NOTE_MAX rows=2 value=value(|f| f.note.clone().unwrap_or_default())
                hint="Anything a reader should know: revised figures, what the figure leaves out."/>
            <label class="choice"><input type="checkbox" name="compared" value="1" checked=compared/>
                " The ruling compares the claim against this figure"</label>
            <p class="form-actions">
                <button type="submit" name="check" value="1" class="secondary-button" formnovalidate=true>"Check"</button>
                " "
                <button type="submit">{if figure.is_some() { "Save the figure" } else { "Record the figure" }}</button>
            </p>
        </form>
    }
}

/// After "Check" (or a refusal): what the figure was read as and, when it parses, the comparison
/// it would give.
fn preview(
    form: &crate::model::FormState,
    quantity: &Quantity,
    check: &FigureCheck,
    tolerances: &Tolerances,
) -> Option<impl IntoView> {
    let typed = form.value("figure")?;
    let understood = crate::model::figure::parse(typed).ok()?.canonical();
    let submitted = RecordForm {
        figure: typed.to_owned(),
        shape: form.value("shape").unwrap_or_default().to_owned(),
        unit: form.value("unit").unwrap_or_default().to_owned(),
        period: form.value("period").unwrap_or_default().to_owned(),
        ..Default::default()
    };
    let outcome = submitted.measured().ok().map(|input| {
        let unit = input.unit.clone().unwrap_or_else(|| quantity.unit.clone());
        let trial = RecordedFigure {
            id: 0,
            shape: input.shape,
            value: input.value,
            of: input.of,
            unit,
            period: input.period,
            source_url: String::new(),
            source_title: String::new(),
            publisher: String::new(),
            published_on: None,
            accessed_on: None,
            note: None,
            compared: true,
            withdrawn: false,
        };
        FigureCheck::assemble(quantity, check.period.clone(), None, vec![trial], tolerances).outcome
    });
    Some(view! {
        <div class="understood" role="status">
            <p><strong>"Understood: "</strong>{understood}</p>
            {outcome.flatten().map(|outcome| view! {
                <p>{match outcome {
                    Outcome::Compared(c) => format!("Against the claim: {} (suggested rating: {}).", c.summary, c.suggested.label()),
                    Outcome::Refused(reason) => format!("Not comparable: {reason}"),
                }}</p>
            })}
        </div>
    })
}

#[component]
fn WithdrawFormView(id: String, figure: i64, version: i64) -> impl IntoView {
    view! {
        <h2>"Withdraw this figure"</h2>
        <form method="post" action=format!("/claims/{id}/record/{figure}/withdraw") class="stacked-form">
            <CsrfField/>
            <input type="hidden" name="version" value=version.to_string()/>
            <TextArea label="Why it is withdrawn" name="reason" required=true maxlength=NOTE_MAX rows=2
                hint="It leaves the comparison and the figures shown; the claim's public history keeps it, with this reason."/>
            <button type="submit" class="danger-button">"Withdraw the figure"</button>
        </form>
    }
}
