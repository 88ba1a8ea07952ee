//! An article's text with its claims marked where they stand, each mark followed by a numbered
//! link: to the claim's permalink on a source page, to the candidate on the import review page.

use crate::model::import::{segments, Mark};
use crate::model::ClaimKind;
use leptos::prelude::*;

/// `link`: where mark `k`'s number points.
#[component]
pub fn ArticleText(text: String, marks: Vec<Mark>, link: fn(&Mark) -> String) -> impl IntoView {
    let paragraphs = segments(&text, &marks);
    let paragraphs = paragraphs
        .into_iter()
        .map(|paragraph| {
            let pieces = paragraph
                .into_iter()
                .map(|segment| {
                    let mut html = crate::components::format::escape_html(&segment.text);
                    for &k in segment.inside.iter().rev() {
                        let kind = if marks[k].kind == ClaimKind::Quote { "quote" } else { "numeric" };
                        html = format!(r#"<mark class="claim-mark claim-mark-{kind}">{html}</mark>"#);
                    }
                    for &k in &segment.ends {
                        let m = &marks[k];
                        html.push_str(&format!(
                            r#"<a class="claim-ref" href="{}" aria-label="Claim {}">[{}]</a>"#,
                            crate::components::format::escape_html(&link(m)),
                            m.number,
                            m.number
                        ));
                    }
                    html
                })
                .collect::<String>();
            view! { <p inner_html=pieces></p> }
        })
        .collect_view();
    view! { <div class="article-text">{paragraphs}</div> }
}
