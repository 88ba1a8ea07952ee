//! schema.org `ClaimReview` for a rated claim, as JSON-LD (what search engines read), and the
//! escaping that keeps it inside its `<script>` element.

use super::{ClaimDetail, ClaimKind, SiteInfo, SpeakerKind};
use serde_json::{json, Value};

/// The verdict, followed for a numeric claim by its comparison with the record ("Claimed +25% ·
/// Recorded +29.3% (…) · understated by 4.3 percentage points").
fn review_body(claim: &ClaimDetail, verdict: &str) -> String {
    match claim.figure_check.as_ref().and_then(|c| c.sentence()) {
        Some(sentence) => format!("{verdict} {sentence}."),
        None => verdict.to_owned(),
    }
}

/// `claimReviewed` must be short; longer claims are cut at a word with an ellipsis.
pub const CLAIM_REVIEWED_MAX: usize = 74;

/// The JSON-LD for a published, rated claim, or `None` for any other (being checked,
/// unverifiable, opinion, retracted, unpublished): ClaimReview is for published verdicts. The
/// review is dated by when its first ruling was published; `dateModified` says when a later one
/// (a correction or clarification) was.
pub fn json_ld(claim: &ClaimDetail, site: &SiteInfo) -> Option<Value> {
    let s = &claim.summary;
    if s.retracted || !s.is_public() {
        return None;
    }
    let rating = s.status?.rating()?;
    let ruling = claim.ruling.as_ref()?;
    let first_published = claim.rulings.first().and_then(|r| r.published_at)?;
    let modified = ruling.published_at?;
    let speaker_type = match claim.speaker.kind {
        SpeakerKind::Person => "Person",
        SpeakerKind::Organization => "Organization",
    };
    let author = json!({ "@type": speaker_type, "name": claim.speaker.name, "url": format!("{}/speakers/{}", site.url, claim.speaker.slug) });
    let appearances: Vec<Value> = claim
        .appearances
        .iter()
        .map(|a| {
            let mut work = json!({
                "@type": "CreativeWork",
                "url": a.source.url,
                "headline": a.source.title,
                "publisher": { "@type": "Organization", "name": a.source.outlet },
            });
            if let Some(date) = a.source.published_on {
                work["datePublished"] = json!(date.to_string());
            }
            work
        })
        .collect();
    let mut item = json!({
        "@type": "Claim",
        "author": author,
        "datePublished": s.said_on.to_string(),
        "appearance": appearances,
    });
    if let Some(first) = appearances.first() {
        item["firstAppearance"] = first.clone();
    }
    let review = json!({
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": claim.permalink,
        "claimReviewed": shorten(&s.text, CLAIM_REVIEWED_MAX),
        "itemReviewed": item,
        "author": { "@type": "Organization", "name": site.org_name, "url": site.url },
        "datePublished": first_published.date_naive().to_string(),
        "dateModified": modified.date_naive().to_string(),
        "reviewBody": review_body(claim, &ruling.verdict),
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating,
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": ruling.rating.label(),
        },
    });
    if s.kind != ClaimKind::Quote {
        return Some(review);
    }
    // A quote is also a Quotation, credited to who said it.
    let quotation = json!({
        "@context": "https://schema.org",
        "@type": "Quotation",
        "text": s.text,
        "creator": author,
        "url": claim.permalink,
    });
    Some(json!([review, quotation]))
}

/// JSON that is safe inside `<script>`: `<`, `>` and `&` are written as `\u003c`, `\u003e`,
/// `\u0026`, so no text (`</script>`, `<!--`) can end or alter the element. Still valid JSON.
pub fn script_safe(value: &Value) -> String {
    value.to_string().replace('<', "\\u003c").replace('>', "\\u003e").replace('&', "\\u0026")
}

/// At most `max` characters, cut at a word boundary with an ellipsis.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let at_word = cut.rfind(' ').filter(|i| *i > max / 2).map_or(cut.as_str(), |i| &cut[..i]);
    format!("{}…", at_word.trim_end_matches([' ', ',', ';', ':', '.']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_claims_are_shortened_at_a_word() {
        let text =
            "In the face of a difficult and far-from-unambiguous international situation, we are ready";
        let short = shorten(text, CLAIM_REVIEWED_MAX);
        assert!(short.chars().count() <= CLAIM_REVIEWED_MAX, "{short}");
        assert_eq!(short, "In the face of a difficult and far-from-unambiguous international…");
        assert_eq!(shorten("Short.", 74), "Short.");
    }

    #[test]
    fn script_safe_json_cannot_end_its_element() {
        let value = json!({ "text": "</script><script>alert(1)</script> & <!--" });
        let safe = script_safe(&value);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'), "{safe}");
        let back: Value = serde_json::from_str(&safe).unwrap();
        assert_eq!(back, value);
    }
}
