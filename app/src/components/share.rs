//! What makes a claim's permalink travel: the tags chat apps and search engines read, and the
//! Copy link / Cite / Embed tools.

use super::format;
use crate::model::{claim_review, ClaimDetail, SiteInfo, Status};
use leptos::prelude::*;
use leptos_meta::{Link, Meta};

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

/// The longest `og:title`: X cuts longer titles in its cards; the description carries the rest.
pub const OG_TITLE_MAX: usize = 70;

/// [`share_title`] within [`OG_TITLE_MAX`] characters.
pub fn og_title(claim: &ClaimDetail) -> String {
    title_within(claim, OG_TITLE_MAX)
}

/// [`share_title`] within `max` characters: the claim is shortened first, keeping who said it
/// and the rating; for a very long name, the whole line.
pub fn title_within(claim: &ClaimDetail, max: usize) -> String {
    let name = &claim.speaker.name;
    let rating = status(claim).label();
    let frame = name.chars().count() + rating.chars().count() + "“” — : ".chars().count();
    let room = max.saturating_sub(frame);
    if room >= 12 {
        return format!("{name}: “{}” — {rating}", claim_review::shorten(&claim.summary.text, room));
    }
    claim_review::shorten(&share_title(claim), max)
}

/// One or two sentences for previews: who said what, and the ruling.
pub fn share_description(claim: &ClaimDetail) -> String {
    let s = &claim.summary;
    let said = format!("{} said “{}”", claim.speaker.name, claim_review::shorten(&s.text, 160));
    let attribution = s.attribution.map(|a| format!(" {}.", a.label())).unwrap_or_default();
    let retracted = if claim.retraction_reason.is_some() { " Retracted." } else { "" };
    match &s.verdict {
        Some(verdict) => format!("{said}.{attribution} {}: {verdict}{retracted}", status(claim).label()),
        None => format!("{said}. {}.{retracted}", status(claim).label()),
    }
}

/// The date a claim's citation and share card show: when its ruling was published, or else when
/// the claim was said.
pub fn share_date(claim: &ClaimDetail) -> String {
    claim
        .ruling
        .as_ref()
        .and_then(|r| r.published_at)
        .map_or_else(|| format::date(claim.summary.said_on), |at| format::date(at.date_naive()))
}

/// The share card's address, with a version of what it shows: sites that keep images by address
/// (most chat apps) then fetch the new card after a ruling, an edit or a retraction.
pub fn share_image_url(claim: &ClaimDetail) -> String {
    let shown = [
        status(claim).as_str(),
        &claim.summary.text,
        &claim.speaker.name,
        &share_date(claim),
        if claim.retraction_reason.is_some() { "retracted" } else { "" },
    ];
    // The unit separator between the parts: no part contains it, so no two cards share a version.
    format!("{}/share.png?v={:08x}", claim.permalink, crate::fnv1a(shown.join("\u{1f}").as_bytes()) as u32)
}

/// A share picture for a page's tags: its absolute address, size and text alternative.
#[derive(Clone, Debug)]
pub struct ShareImage {
    pub url: String,
    pub alt: String,
}

/// The tags every public page carries: its canonical address (`path` on the public base URL),
/// description, Open Graph and Twitter card tags, and the share image if it has one.
#[component]
pub fn PageHead(
    title: String,
    description: String,
    path: String,
    #[prop(default = "website")] og_type: &'static str,
    #[prop(optional)] image: Option<ShareImage>,
) -> impl IntoView {
    let site = crate::request::site();
    let url = format!("{}{path}", site.url);
    let title = claim_review::shorten(&title, OG_TITLE_MAX);
    let card = if image.is_some() { "summary_large_image" } else { "summary" };
    view! {
        <Link rel="canonical" href=url.clone()/>
        <Meta name="description" content=description.clone()/>
        <Meta property="og:type" content=og_type/>
        <Meta property="og:site_name" content=site.org_name/>
        <Meta property="og:title" content=title.clone()/>
        <Meta property="og:description" content=description.clone()/>
        <Meta property="og:url" content=url/>
        <Meta name="twitter:card" content=card/>
        <Meta name="twitter:title" content=title/>
        <Meta name="twitter:description" content=description/>
        {image.map(|image| view! {
            <Meta property="og:image" content=image.url.clone()/>
            <Meta property="og:image:type" content="image/png"/>
            <Meta property="og:image:width" content=SHARE_IMAGE_WIDTH/>
            <Meta property="og:image:height" content=SHARE_IMAGE_HEIGHT/>
            <Meta property="og:image:alt" content=image.alt.clone()/>
            <Meta name="twitter:image" content=image.url/>
            <Meta name="twitter:image:alt" content=image.alt/>
        })}
    }
}

/// The share card's size (drawn by `ssr::share_card`, which asserts the same numbers).
pub const SHARE_IMAGE_WIDTH: &str = "1200";
pub const SHARE_IMAGE_HEIGHT: &str = "630";

/// A claim's tags: [`PageHead`] with its share card, and ClaimReview JSON-LD for a rated claim.
#[component]
pub fn ShareHead(claim: ClaimDetail, site: SiteInfo) -> impl IntoView {
    let description = share_description(&claim);
    let json_ld = claim_review::json_ld(&claim, &site).map(|v| claim_review::script_safe(&v));
    let image = ShareImage { url: share_image_url(&claim), alt: share_image_alt(&claim, &site) };
    let path = claim.permalink.strip_prefix(&site.url).unwrap_or(&claim.permalink).to_owned();
    view! {
        <PageHead title=og_title(&claim) description path og_type="article" image/>
        // JSON-LD sits in the body, which search engines read as well as the head; its text is
        // escaped so that nothing in a claim can end the element.
        {json_ld.map(|json| view! { <script type="application/ld+json" inner_html=json></script> })}
    }
}

/// What the share card shows, in words (for `og:image:alt`).
fn share_image_alt(claim: &ClaimDetail, site: &SiteInfo) -> String {
    let s = &claim.summary;
    let standing = match status(claim) {
        Status::BeingChecked => "being checked".to_owned(),
        Status::Opinion => "an opinion, not rated".to_owned(),
        rated => format!("rated {}", rated.label()),
    };
    let claim_text = claim_review::shorten(&s.text, 280);
    let date = share_date(claim);
    if claim.retraction_reason.is_some() {
        format!(
            "{}: “{claim_text}” — retracted by {}, {date} (previously {standing}).",
            claim.speaker.name, site.org_name
        )
    } else {
        format!("{}: “{claim_text}” — {standing} by {}, {date}.", claim.speaker.name, site.org_name)
    }
}

/// The embed snippet's frame height: holds the card's longest layout (a retraction note, a
/// three-line claim, a wrapped badge row and a two-line verdict) on a phone; the card keeps its
/// link back in view in a shorter frame too.
pub const EMBED_HEIGHT: u32 = 300;

/// The permalink, a citation and the embed snippet, each selectable, with copy buttons that a
/// small script reveals when it can run.
#[component]
pub fn ShareTools(claim: ClaimDetail, site: SiteInfo) -> impl IntoView {
    let s = &claim.summary;
    let dated = share_date(&claim);
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
        "<iframe src=\"{}/embed\" title=\"{}\" width=\"100%\" height=\"{EMBED_HEIGHT}\" style=\"border:0;max-width:560px\" loading=\"lazy\"></iframe>",
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
        // In the body, as a plain deferred script (leptos_meta's Script writes `defer="true"`,
        // which is not valid HTML).
        <script src=crate::SCRIPT_PATH.as_str() defer=true></script>
        {tool("permalink-url", "Link to this claim (it will never change)", claim.permalink.clone(), 1)}
        {tool("citation", "Cite", citation, 3)}
        {tool("embed-code", "Embed on your site", embed, 3)}
    }
}
