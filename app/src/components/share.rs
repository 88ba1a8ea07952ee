//! What makes a claim's permalink travel: the tags chat apps and search engines read, and the
//! Copy link / Cite / Embed tools.

use super::format;
use crate::model::{claim_review, ClaimDetail, SiteInfo, Status};
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Script};

/// The status readers see (an unpublished claim, seen by an editor, as being checked).
fn status(claim: &ClaimDetail) -> Status {
    claim.summary.status.unwrap_or(Status::BeingChecked)
}

/// "Vladimir Putin: “…” — Misleading"
pub fn share_title(claim: &ClaimDetail) -> String {
    format!(
        "{}: “{}” — {}",
        claim.speaker.name,
        claim_review::shorten(&claim.summary.text, 90),
        status(claim).label()
    )
}

/// One or two sentences for previews: who said what, and the ruling.
pub fn share_description(claim: &ClaimDetail) -> String {
    let s = &claim.summary;
    let said = format!("{} said “{}”", claim.speaker.name, claim_review::shorten(&s.text, 160));
    let attribution = s.attribution.map(|a| format!(" {}.", a.label())).unwrap_or_default();
    match &s.verdict {
        Some(verdict) => format!("{said}.{attribution} {}: {verdict}", status(claim).label()),
        None => format!("{said}. {}.", status(claim).label()),
    }
}

/// Canonical link, Open Graph and Twitter card tags, and ClaimReview JSON-LD for a rated claim.
#[component]
pub fn ShareHead(claim: ClaimDetail, site: SiteInfo) -> impl IntoView {
    let title = share_title(&claim);
    let description = share_description(&claim);
    let json_ld = claim_review::json_ld(&claim, &site).map(|v| claim_review::script_safe(&v));
    view! {
        <Link rel="canonical" href=claim.permalink.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content="article"/>
        <Meta property="og:site_name" content=site.org_name.clone()/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:url" content=claim.permalink.clone()/>
        <Meta name="twitter:card" content="summary"/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        // JSON-LD sits in the body, which search engines read as well as the head; its text is
        // escaped so that nothing in a claim can end the element.
        {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
    }
}

/// The permalink, a citation and the embed snippet, each selectable, with copy buttons that a
/// small script reveals when it can run.
#[component]
pub fn ShareTools(claim: ClaimDetail, site: SiteInfo) -> impl IntoView {
    let s = &claim.summary;
    let dated = claim
        .ruling
        .as_ref()
        .and_then(|r| r.published_at)
        .map_or_else(|| format::date(s.said_on), |at| format::date(at.date_naive()));
    let citation = format!(
        "{}, “{}: {}” — {}, {}. {}",
        site.org_name,
        claim.speaker.name,
        claim_review::shorten(&s.text, 120),
        status(&claim).label(),
        dated,
        claim.permalink
    );
    let embed = format!(
        "<iframe src=\"{}/embed\" title=\"{}\" width=\"100%\" height=\"240\" style=\"border:0;max-width:560px\" loading=\"lazy\"></iframe>",
        claim.permalink,
        format::escape_html(&format!("{}: {}", claim.speaker.name, status(&claim).label()))
    );
    let tool = |id: &'static str, label: &'static str, value: String, rows: usize| {
        view! {
            <div class="share-tool">
                <label for=id>{label}</label>
                <div class="share-row">
                    <textarea id=id readonly rows=rows>{super::fields::textarea_text(&value)}</textarea>
                    <button type="button" class="secondary-button copy-button" data-copy=id hidden>"Copy"</button>
                </div>
            </div>
        }
    };
    view! {
        <Script src=crate::SCRIPT_PATH.as_str() defer="true"/>
        {tool("permalink-url", "Link to this claim (it will never change)", claim.permalink.clone(), 1)}
        {tool("citation", "Cite", citation, 3)}
        {tool("embed-code", "Embed on your site", embed, 3)}
    }
}
