//! `/claims/{id}/status` and `/claims/{id}/retract`: the editor forms of the permalink page on
//! pages of their own, where a refused submission is shown again with its errors.

use crate::api::read::get_claim;
use crate::components::fields::{form_state, CsrfField, FormError, TextArea};
use crate::components::{error_view::ErrorView, sign_in_required::SignInRequired, status_form::StatusForm};
use crate::request::current_user;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ClaimStatus() -> impl IntoView {
    let id = super::path_param("id");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/claims/{id}")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading the claim…"</p> }>
            {Suspend::new(async move {
                match get_claim(id).await {
                    Ok(claim) => view! {
                        <Title text="Set the status"/>
                        <section class="narrow-page wide-form-page">
                            <h1>"Set the status"</h1>
                            <p>{format!("{}: “{}”", claim.speaker.name, claim.summary.text)}</p>
                            <p><a href=format!("/claims/{}", claim.summary.public_id)>"Back to the claim"</a></p>
                            <StatusForm claim_id=claim.summary.public_id.clone() current=claim.summary.status seen=claim.verifications.len()/>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}

/// The retraction form: a reason, and the version it retracts.
#[component]
pub fn RetractForm(claim_id: String, version: i64) -> impl IntoView {
    let version = form_state().value("version").map(str::to_owned).unwrap_or_else(|| version.to_string());
    view! {
        <form method="post" action=format!("/claims/{claim_id}/retract") class="stacked-form">
            <FormError/>
            <CsrfField/>
            <input type="hidden" name="version" value=version/>
            <TextArea label="Reason for retracting" name="reason" required=true maxlength=500 rows=2
                hint="Readers see it on the claim's page, which stays where it is."/>
            <button type="submit" class="danger-button">"Retract the claim"</button>
        </form>
    }
}

#[component]
pub fn ClaimRetract() -> impl IntoView {
    let id = super::path_param("id");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/claims/{id}")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading the claim…"</p> }>
            {Suspend::new(async move {
                match crate::api::editing::get_claim_for_edit(id).await {
                    Ok(claim) => view! {
                        <Title text="Retract the claim"/>
                        <section class="narrow-page">
                            <h1>"Retract the claim"</h1>
                            <p>{format!("“{}”", claim.text)}</p>
                            <RetractForm claim_id=claim.public_id.clone() version=claim.version/>
                        </section>
                    }
                    .into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
    .into_any()
}
