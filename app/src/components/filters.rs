//! The claim list's filters: a plain GET form, so that every view is a shareable URL and the form
//! works without JavaScript. Each status shows how many claims match it under the other filters.

use super::format;
use super::status_badge::StatusBadge;
use crate::model::{ClaimKind, ClaimListPage, ListQuery, Status};
use leptos::prelude::*;

#[component]
pub fn Filters(query: ListQuery, page: ClaimListPage) -> impl IntoView {
    let counts = page.status_counts.clone();
    let status_options = Status::ALL
        .iter()
        .copied()
        .map(|status| {
            let id = format!("filter-status-{}", status.as_str());
            let checked = query.statuses.contains(&status);
            let n = format::number_at_least(counts.get(status), counts.is_lower_bound(status));
            view! {
                <li>
                    <input type="checkbox" id=id.clone() name="status" value=status.as_str() checked=checked/>
                    <label for=id>
                        <StatusBadge status/>
                        <span class="count">{n.clone()}</span><span class="visually-hidden">" matching"</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    let kind_options = ClaimKind::ALL
        .iter()
        .copied()
        .map(|kind| view! { <option value=kind.as_str() selected=query.kind == Some(kind)>{kind.label()}</option> })
        .collect_view();

    // A speaker or source filter comes from a link; it stays as a hidden field with a way to drop it.
    let speaker_chip = query.speaker.clone().map(|slug| {
        let label = page.speaker_name.clone().unwrap_or_else(|| slug.clone());
        let without = ListQuery { speaker: None, ..query.with_statuses(query.statuses.clone()) }.to_query_string();
        view! {
            <input type="hidden" name="speaker" value=slug/>
            <p class="chip">"Speaker: " <strong>{label}</strong> " " <a href=format!("/{without}") aria-label="Remove the speaker filter">"✕"</a></p>
        }
    });
    let source_chip = query.source.clone().map(|id| {
        let label = page.source_title.clone().unwrap_or_else(|| id.clone());
        let without = ListQuery { source: None, ..query.with_statuses(query.statuses.clone()) }.to_query_string();
        view! {
            <input type="hidden" name="source" value=id/>
            <p class="chip">"Source: " <strong>{label}</strong> " " <a href=format!("/{without}") aria-label="Remove the source filter">"✕"</a></p>
        }
    });

    view! {
        <form class="filters" method="get" action="/" aria-label="Filter claims">
            <div class="filter-field">
                <label for="filter-q">"Search"</label>
                <input id="filter-q" type="search" name="q" maxlength="200" value=query.q.clone().unwrap_or_default()/>
            </div>
            <fieldset class="filter-field">
                <legend>"Rating"</legend>
                <p class="hint">"None ticked: every fact-check. Claims still being checked are listed apart."</p>
                <ul class="status-options">{status_options}</ul>
            </fieldset>
            <div class="filter-field">
                <label for="filter-kind">"Kind"</label>
                <select id="filter-kind" name="kind">
                    <option value="" selected=query.kind.is_none()>"Quotes and numbers"</option>
                    {kind_options}
                </select>
            </div>
            {speaker_chip}
            {source_chip}
            <div class="filter-actions">
                <button type="submit">"Apply filters"</button>
                {query.is_filtered().then(|| view! { <a href="/">"Clear all"</a> })}
            </div>
        </form>
    }
}
