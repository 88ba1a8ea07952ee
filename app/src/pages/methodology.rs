//! `/methodology`: what the statuses mean and how they map to ratings (ClaimReview asks for a
//! published scale), and `/corrections`: verdicts changed after they were published.

use crate::api::read::list_corrections;
use crate::components::{error_view::ErrorView, format, status_badge::StatusBadge};
use crate::model::Status;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn meaning(status: Status) -> &'static str {
    match status {
        Status::Unverified => "Recorded, not yet examined.",
        Status::InReview => "An editor is checking it; the verdict line says what is being checked.",
        Status::True => "Accurate: the words were said as quoted, or the figure holds up against the evidence.",
        Status::MostlyTrue => "Accurate in substance, with a detail wrong or missing that does not change its meaning.",
        Status::Misleading => "Contains something accurate but gives a wrong impression: out of context, cherry-picked, or mixing periods or bases.",
        Status::False => "Not accurate: the words were not said, or the evidence contradicts the figure.",
        Status::Unverifiable => "Cannot be settled with the evidence available; the rationale says what is missing.",
    }
}

#[component]
pub fn Methodology() -> impl IntoView {
    let org = crate::request::site().org_name;
    let rows = Status::ALL
        .into_iter()
        .map(|s| {
            view! {
                <tr>
                    <td><StatusBadge status=s/></td>
                    <td>{meaning(s)}</td>
                    <td>{s.rating().map_or_else(|| "Not rated".to_owned(), |r| format!("{r} of 5"))}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <Title text="Methodology"/>
        <Meta name="description" content="How claims are checked and rated, and how verdicts map to ratings."/>
        <article class="claim-page prose">
            <h1>"Methodology"</h1>
            <p>{format!(
                "{org} records quotes and numeric claims as they were made, with where they appeared. An editor checks each \
                 against primary evidence and gives it a status with a one-line verdict, a rationale and the evidence. \
                 Every status change is kept and shown on the claim's page, with who made it and when."
            )}</p>
            <h2>"Statuses and ratings"</h2>
            <p>"The four verdicts carry a rating from 5 (best) to 1 (worst), published with each fact-check as schema.org ClaimReview data. The other statuses carry no rating."</p>
            <div class="table-wrap">
                <table class="accounts">
                    <thead><tr><th scope="col">"Status"</th><th scope="col">"Meaning"</th><th scope="col">"Rating"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
            <h2>"Corrections"</h2>
            <p>"When a published verdict changes, the new one is added to the claim's history — nothing is overwritten — and the change is listed in the "<a href="/corrections">"corrections log"</a>"."</p>
            <h2>"Follow the verdicts"</h2>
            <p>"Every new verdict is in the "<a href="/feed.atom">"Atom feed"</a>"; each speaker's page has a feed of its own, and "<code>"/feed.atom?status=false"</code>" follows one status."</p>
        </article>
    }
}

#[component]
pub fn Corrections() -> impl IntoView {
    view! {
        <Title text="Corrections"/>
        <Meta name="description" content="Published verdicts that were later changed."/>
        <article class="claim-page prose">
            <h1>"Corrections"</h1>
            <p>"Verdicts changed after they were published, newest first. Each claim's page keeps its whole history."</p>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {Suspend::new(async move {
                    match list_corrections().await {
                        Ok(list) if list.is_empty() => view! { <p class="muted">"No published verdict has been changed."</p> }.into_any(),
                        Ok(list) => view! {
                            <ol class="corrections">
                                {list.into_iter().map(|c| view! {
                                    <li>
                                        <a href=format!("/claims/{}", c.claim_public_id)>{format!("{}: “{}”", c.speaker_name, c.claim_text)}</a>
                                        <p>
                                            <StatusBadge status=c.before/>" → "<StatusBadge status=c.after/>" "{c.verdict.clone()}
                                        </p>
                                        <p class="timeline-by">
                                            {format!("By {} · ", c.editor)}
                                            <time datetime=format::iso_date_time(c.at)>{format::date_time(c.at)}</time>
                                        </p>
                                    </li>
                                }).collect_view()}
                            </ol>
                        }.into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })}
            </Suspense>
        </article>
    }
}
