//! `/claims/{id}/retract` and (admins) `/claims/{id}/reinstate`: a reason, and the claim it is for.

use crate::api::read::get_claim;
use crate::components::fields::{CsrfField, FormError, TextArea};
use crate::components::page::{loaded, EditorsOnly};
use leptos::prelude::*;
use leptos_meta::Title;

/// Retracting (`reinstate` false) or reversing a retraction: one form, two wordings.
#[component]
fn ReasonPage(reinstate: bool) -> impl IntoView {
    let id = super::path_param("id");
    let next = format!("/claims/{id}");
    let (title, action, label, hint, button) = if reinstate {
        (
            "Reverse the retraction",
            "reinstate",
            "Why the retraction is reversed",
            "Listed on the corrections page with the retraction.",
            "Reverse the retraction",
        )
    } else {
        (
            "Retract the claim",
            "retract",
            "Reason for retracting",
            "Readers see it on the claim's page, which stays where it is; the retraction is listed on the corrections page.",
            "Retract the claim",
        )
    };
    view! {
        <EditorsOnly next>
            {loaded(get_claim(id.clone()), move |claim| view! {
                <Title text=title/>
                <section class="narrow-page">
                    <h1>{title}</h1>
                    <p>{format!("{}: “{}”", claim.speaker.name, claim.summary.text)}</p>
                    <p><a href=format!("/claims/{}", claim.summary.public_id)>"Back to the claim"</a></p>
                    <form method="post" action=format!("/claims/{}/{action}", claim.summary.public_id) class="stacked-form">
                        <FormError/>
                        <CsrfField/>
                        <TextArea label=label name="reason" required=true maxlength=500 rows=3 hint=hint/>
                        <button type="submit" class=if reinstate { "" } else { "danger-button" }>{button}</button>
                    </form>
                </section>
            })}
        </EditorsOnly>
    }
}

#[component]
pub fn ClaimRetract() -> impl IntoView {
    view! { <ReasonPage reinstate=false/> }
}

#[component]
pub fn ClaimReinstate() -> impl IntoView {
    view! { <ReasonPage reinstate=true/> }
}
