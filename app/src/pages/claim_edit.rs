//! `/claims/new` and `/claims/{id}/edit`: adding and editing claims.

use crate::api::editing::{get_claim_for_edit, speaker_names};
use crate::components::{
    claim_form::ClaimForm, error_view::ErrorView, fields::form_state, sign_in_required::SignInRequired,
};
use crate::request::current_user;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewClaim() -> impl IntoView {
    if current_user().is_none() {
        return view! { <SignInRequired next="/claims/new".to_owned()/> }.into_any();
    }
    view! {
        <Title text="Add a claim"/>
        <section class="narrow-page wide-form-page">
            <h1>"Add a claim"</h1>
            <Suspense fallback=|| view! { <p>"Loading…"</p> }>
                {Suspend::new(async move {
                    let speakers = speaker_names().await.unwrap_or_default();
                    view! { <ClaimForm claim=None speakers/> }
                })}
            </Suspense>
        </section>
    }
    .into_any()
}

#[component]
pub fn EditClaim() -> impl IntoView {
    let id = super::path_param("id");
    if current_user().is_none() {
        return view! { <SignInRequired next=format!("/claims/{id}/edit")/> }.into_any();
    }
    view! {
        <Suspense fallback=|| view! { <p>"Loading the claim…"</p> }>
            {Suspend::new(async move {
                let claim = match get_claim_for_edit(id.clone()).await {
                    Ok(claim) => claim,
                    Err(error) => return view! { <ErrorView error/> }.into_any(),
                };
                let speakers = speaker_names().await.unwrap_or_default();
                // After a refused save (someone else saved first) show what is saved now.
                let conflict = form_state().error("").is_some() && form_state().value("conflict").is_some();
                view! {
                    <Title text="Edit the claim"/>
                    <section class="narrow-page wide-form-page">
                        <h1>"Edit the claim"</h1>
                        <p><a href=format!("/claims/{}", claim.public_id)>"Back to the claim"</a></p>
                        {conflict.then(|| view! {
                            <div class="conflict-panel">
                                <h2>{format!("The saved version now (version {})", claim.version)}</h2>
                                <p><strong>"Text: "</strong>{claim.text.clone()}</p>
                                <p><strong>"Speaker: "</strong>{claim.speaker.clone()}</p>
                                <p><strong>"Date said: "</strong>{claim.said_on.to_string()}</p>
                                <p class="muted">"The form below keeps what you typed. Save again to replace the version above with it."</p>
                            </div>
                        })}
                        <ClaimForm claim=Some(claim.clone()) speakers/>
                    </section>
                }
                .into_any()
            })}
        </Suspense>
    }
    .into_any()
}
