//! What a reader sees on an editor's page: a 401 and the way to sign in.

use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn SignInRequired(next: String) -> impl IntoView {
    crate::request::set_status(401);
    let href = format!("/login?next={}", crate::model::list_query::encode_component(&next));
    view! {
        <Title text="Sign in to edit"/>
        <section class="error-page" role="alert">
            <h1>"Sign in to edit"</h1>
            <p>"Only editors can change claims. Readers can browse everything without an account."</p>
            <p><a class="button" href=href>"Sign in"</a></p>
        </section>
    }
}
