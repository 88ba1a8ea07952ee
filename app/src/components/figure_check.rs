//! A numeric claim against the record: the sentence, a chart of claimed against recorded, and
//! the recorded figures with their sources. Server-rendered SVG, readable without colour: the
//! bars differ in pattern and carry their own labels.

use crate::model::record::{tolerance_text, Compared, FigureCheck, Outcome, RecordedFigure};
use leptos::prelude::*;

/// The permalink's "Against the record" section (nothing when no figure is recorded).
#[component]
pub fn FigureCheckSection(check: FigureCheck) -> impl IntoView {
    let figures: Vec<RecordedFigure> = check.public_figures().cloned().collect();
    if figures.is_empty() && check.period.is_none() && check.baseline.is_none() {
        return None;
    }
    let sentence = check.sentence();
    Some(view! {
        <section class="figure-check" aria-labelledby="record-heading">
            <h2 id="record-heading">"Against the record"</h2>
            {check.period.clone().map(|p| view! { <p><strong>"Period: "</strong>{p}</p> })}
            {check.baseline.clone().map(|b| view! { <p><strong>"Baseline named: "</strong>{b}</p> })}
            <OutcomeView outcome=check.outcome.clone() sentence/>
            {(!figures.is_empty()).then(|| view! {
                <h3>"Recorded figures"</h3>
                <ul class="recorded-figures">
                    {figures.into_iter().map(|f| view! { <li><RecordedLine figure=f/></li> }).collect_view()}
                </ul>
            })}
        </section>
    })
}

/// The comparison's sentence and chart, or why the figures cannot be compared.
#[component]
pub fn OutcomeView(outcome: Option<Outcome>, sentence: Option<String>) -> impl IntoView {
    match outcome {
        None => view! {
            <p class="muted">"No recorded figure is marked for comparison yet."</p>
        }
        .into_any(),
        Some(Outcome::Refused(reason)) => view! {
            <p class="figure-refused"><strong>"Not compared: "</strong>{reason}</p>
        }
        .into_any(),
        Some(Outcome::Compared(compared)) => view! {
            <p class="figure-sentence">{sentence.unwrap_or_else(|| compared.summary.clone())}</p>
            <ComparisonChart compared=compared.clone()/>
            <p class="muted small">{format!(
                "Differences within {} (half a unit of the claim's last digit) count as a match.",
                tolerance_text(compared.tolerance)
            )}</p>
        }
        .into_any(),
    }
}

/// One recorded figure: the value, what it covers, and its source.
#[component]
pub fn RecordedLine(figure: RecordedFigure) -> impl IntoView {
    view! {
        <strong>{figure.headline()}</strong>
        {figure.period.clone().map(|p| view! { <span>{format!(" ({p})")}</span> })}
        " — "
        <a class="external" href=figure.source_url.clone() rel="nofollow">{figure.source_title.clone()}</a>
        <span class="muted">{format!(", {}", figure.attribution())}</span>
        {figure.compared.then(|| view! { <span class="badge">" compared by the ruling"</span> })}
        {figure.note.clone().map(|n| view! { <p class="muted small">{n}</p> })}
    }
}

const WIDTH: f64 = 480.0;
/// Room for a bar's label, written above the bar so that a long figure never runs into it.
const LABEL: f64 = 18.0;
const BAR: f64 = 24.0;
const GAP: f64 = 12.0;

/// Two horizontal bars, claimed (solid) and recorded (hatched), from a shared zero line, each
/// with its label above it.
#[component]
pub fn ComparisonChart(compared: Compared) -> impl IntoView {
    let bars = [
        ("Claimed", compared.claimed.clone(), compared.claimed_value, true),
        ("Recorded", compared.recorded.clone(), compared.recorded_value, false),
    ];
    let scale = Scale::new(compared.claimed_value, compared.recorded_value);
    let height = 2.0 * (LABEL + BAR) + 3.0 * GAP;
    let label = format!(
        "Chart: claimed {} against recorded {} ({})",
        compared.claimed, compared.recorded, compared.summary
    );
    let title = label.clone();
    view! {
        <svg class="comparison-chart" role="img" aria-label=label viewBox=format!("0 0 {WIDTH} {height}")
            width="100%" preserveAspectRatio="xMinYMin meet" xmlns="http://www.w3.org/2000/svg">
            <title>{title}</title>
            <defs>
                <pattern id="recorded-hatch" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                    <rect width="6" height="6" fill="#fff"/>
                    <line x1="0" y1="0" x2="0" y2="6" stroke="#1f2933" stroke-width="3"/>
                </pattern>
            </defs>
            {bars.into_iter().enumerate().map(|(i, (name, text, value, solid))| {
                let top = GAP + i as f64 * (LABEL + BAR + GAP);
                let y = top + LABEL;
                let (x, w) = scale.bar(value);
                view! {
                    <text x="2" y=top + LABEL * 0.75 class="chart-label">{format!("{name} {text}")}</text>
                    <rect x=x y=y width=w.max(1.0) height=BAR stroke="#1f2933" stroke-width="1.5"
                        fill=if solid { "#1f2933" } else { "url(#recorded-hatch)" }/>
                }
            }).collect_view()}
            <line x1=scale.zero() y1="4" x2=scale.zero() y2=height - 4.0 stroke="#52606d" stroke-width="1" stroke-dasharray="3 3"/>
        </svg>
    }
}

/// Maps values onto the bars' area, left of zero for negatives.
struct Scale {
    zero: f64,
    per_unit: f64,
}

impl Scale {
    fn new(a: f64, b: f64) -> Scale {
        let area = WIDTH - 4.0;
        let low = a.min(b).min(0.0);
        let high = a.max(b).max(0.0);
        let span = if high - low > 0.0 { high - low } else { 1.0 };
        let per_unit = area / span;
        Scale { zero: 2.0 + (-low) * per_unit, per_unit }
    }

    fn zero(&self) -> f64 {
        self.zero
    }

    /// The bar's left edge and width.
    fn bar(&self, value: f64) -> (f64, f64) {
        let end = self.zero + value * self.per_unit;
        (end.min(self.zero), (end - self.zero).abs())
    }
}
