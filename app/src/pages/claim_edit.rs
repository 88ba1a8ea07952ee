//! `/claims/new` and `/claims/{id}/edit`: adding and editing claims (editors only).

use crate::api::editing::{get_claim_for_edit, speaker_names};
use crate::components::page::{loaded, EditorsOnly};
use crate::components::{claim_form::ClaimForm, fields::form_state};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn NewClaim() -> impl IntoView {
    view! {
        <EditorsOnly next="/claims/new".to_owned()>
            <Title text="Add a claim"/>
            <section class="narrow-page wide-form-page">
                <h1>"Add a claim"</h1>
                <p class="lede">"It goes to the desk's intake, private until an editor publishes it."</p>
                {loaded(speaker_names(), |speakers| view! { <ClaimForm claim=None speakers/> })}
            </section>
        </EditorsOnly>
    }
}

#[component]
pub fn EditClaim() -> impl IntoView {
    let id = super::path_param("id");
    view! {
        <EditorsOnly next=format!("/claims/{id}/edit")>
            {loaded(
                async move { Ok((get_claim_for_edit(id).await?, speaker_names().await.unwrap_or_default())) },
                |(claim, speakers)| {
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
                },
            )}
        </EditorsOnly>
    }
}
