//! `/methodology`: how a claim is checked and published, what a ruling's two questions mean for a
//! quote, the rating scale (ClaimReview asks for a published scale); and `/corrections`: every
//! correction of a published ruling, every retraction and its reversal.

use crate::api::read::list_corrections;
use crate::components::page::loaded;
use crate::components::share::PageHead;
use crate::components::{format, status_badge::StatusBadge};
use crate::model::{Attribution, Correction, CorrectionKind, Status};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Methodology() -> impl IntoView {
    let org = crate::request::site().org_name;
    let rows = Status::ALL
        .iter()
        .map(|&s| {
            view! {
                <tr>
                    <td><StatusBadge status=s/></td>
                    <td>{s.meaning()}</td>
                    <td>{s.rating().map_or_else(|| "Not rated".to_owned(), |r| format!("{r} of 5"))}</td>
                </tr>
            }
        })
        .collect_view();
    let attributions = Attribution::ALL
        .iter()
        .map(|a| view! { <li><strong>{a.short_label()}</strong>" — "{a.label()}</li> })
        .collect_view();
    view! {
        <Title text="Methodology"/>
        <PageHead title="Methodology".to_owned() description="How claims are checked, signed off and rated, and how rulings map to ratings.".to_owned() path="/methodology".to_owned()/>
        <article class="claim-page prose">
            <h1>"Methodology"</h1>
            <p>{format!(
                "{org} records quotes and numeric claims as they were made, with where they appeared. Claims come in \
                 privately; an editor takes each one, researches it against primary evidence and writes a ruling: a \
                 rating, a one-line verdict, the reasoning and the evidence. A second editor signs the ruling off \
                 before it is published. Every published ruling is kept on the claim's page, with who wrote it, who \
                 signed it off and when."
            )}</p>
            <h2>"Quotes: two questions"</h2>
            <p>"A ruling on a quote answers two questions apart, so that a quote shown as accurately attributed never reads as the site agreeing with it:"</p>
            <ol>
                <li><strong>"Did they say it?"</strong>" The attribution:"<ul>{attributions}</ul></li>
                <li><strong>"Is what they said accurate?"</strong>" The rating below — or “Opinion — not rated” for a statement that claims no fact."</li>
            </ol>
            <h2>"Ratings"</h2>
            <p>"True, Mostly true, Misleading and False carry a rating from 5 (best) to 1 (worst), published with each fact-check as schema.org ClaimReview data. The others carry none; neither does a retracted claim."</p>
            <div class="table-wrap">
                <table class="accounts">
                    <thead><tr><th scope="col">"Status"</th><th scope="col">"Meaning"</th><th scope="col">"Rating"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2 id="figures">"Numbers against the record"</h2>
            <p>"For a numeric claim, editors record the figures official and other records give — each with its source — and mark the one the ruling compares against. The claim's page then shows both side by side, and how far apart they are, by these rules:"</p>
            <ol>
                <li><strong>"Only like with like. "</strong>"A level is compared with a level, a change with a change, a part of a whole with a part of a whole, in the same unit (a change in percent is never compared with one in percentage points) and, when both name one, over the same period. Otherwise the page says why they are not compared."</li>
                <li><strong>"The claim keeps its own rounding. "</strong>"A figure stated as 25 could be anything from 24.5 to 25.5: differences within half a unit of the claim's last significant digit count as a match (25% matches a recorded 25.4%). “About” and “nearly” widen this to 5%. A part of a whole is compared as a rate, read to the whole percent."</li>
                <li><strong>"Direction. "</strong>"A claim larger than the record is overstated, a smaller one understated, a change claimed one way and recorded the other is the opposite. “Over” and “at least” make the claim a lower bound: it matches any larger record. Changes and rates differ in percentage points, levels in their unit and in percent of the record."</li>
                <li><strong>"A suggestion, not a rating. "</strong>"The distance from the record suggests a rating to the editor — a match true; within 20% mostly true; within 50% misleading; beyond, false (claimtrack's defaults) — but the rating is the editors' judgement, signed off like every ruling."</li>
            </ol>
            <h2>"Corrections and clarifications"</h2>
            <p>"A published rating or attribution changes only by a correction, which carries a note and is listed in the "<a href="/corrections">"corrections log"</a>". A change of wording that keeps the rating is a clarification, kept in the claim's history. A retraction, and its reversal, are listed too. Nothing is overwritten."</p>
            <h2>"Follow the fact-checks"</h2>
            <p>"Every new fact-check and correction is in the "<a href="/feed.atom">"Atom feed"</a>"; each speaker's page has a feed of its own, and "<code>"/feed.atom?status=false"</code>" follows one rating."</p>
        </article>
    }
}

#[component]
pub fn Corrections() -> impl IntoView {
    view! {
        <Title text="Corrections"/>
        <PageHead title="Corrections".to_owned() description="Corrections of published rulings, retractions and their reversals.".to_owned() path="/corrections".to_owned()/>
        <article class="claim-page prose">
            <h1>"Corrections"</h1>
            <p>"Published rulings that were corrected, and claims retracted or reinstated, newest first. Each claim's page keeps its whole history."</p>
            {loaded(list_corrections(), |list| {
                if list.is_empty() {
                    view! { <p class="muted">"No published ruling has been corrected or retracted."</p> }.into_any()
                } else {
                    let items = list.into_iter().map(|c| view! { <CorrectionItem c/> }).collect_view();
                    view! { <ol class="corrections">{items}</ol> }.into_any()
                }
            })}
        </article>
    }
}

#[component]
fn CorrectionItem(c: Correction) -> impl IntoView {
    let what = match &c.what {
        CorrectionKind::Rating { before, after, verdict } => view! {
            <p><strong>"Correction: "</strong><StatusBadge status=*before/>" → "<StatusBadge status=*after/>" " {verdict.clone()}</p>
        }
        .into_any(),
        CorrectionKind::Retracted => view! { <p><strong>"Retracted"</strong></p> }.into_any(),
        CorrectionKind::Reinstated => view! { <p><strong>"Retraction reversed"</strong></p> }.into_any(),
    };
    view! {
        <li>
            <a href=format!("/claims/{}", c.claim_public_id)>{format!("{}: “{}”", c.speaker_name, c.claim_text)}</a>
            {what}
            <p>{c.note.clone()}</p>
            <p class="timeline-by">
                {format!("By {} · ", c.by)}
                <time datetime=format::iso_date_time(c.at)>{format::date_time(c.at)}</time>
            </p>
        </li>
    }
}
