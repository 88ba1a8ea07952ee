//! `/login`: the sign-in form (it posts to itself; see the server's `http::auth`).

use crate::components::fields::{form_state, FormError, TextField};
use crate::request::current_user;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn Login() -> impl IntoView {
    let next = form_state()
        .value("next")
        .map(str::to_owned)
        .or_else(|| use_query_map().get_untracked().get("next"))
        .unwrap_or_else(|| "/".to_owned());
    if form_state().has_errors() {
        crate::request::set_status(form_state().errors.first().map_or(400, |(f, _)| {
            if f == "locked" {
                429
            } else {
                400
            }
        }));
    }
    view! {
        <Title text="Sign in"/>
        <section class="narrow-page">
            <h1>"Sign in"</h1>
            {match current_user() {
                Some(user) => view! {
                    <p>{format!("You are signed in as {} ({}).", user.display_name, user.username)}</p>
                    <form method="post" action="/logout">
                        <input type="hidden" name="csrf" value=user.csrf_token/>
                        <button type="submit">"Sign out"</button>
                    </form>
                }.into_any(),
                None => view! {
                    <p class="muted">"Editors and admins sign in here. Readers need no account."</p>
                    <form method="post" action="/login" class="stacked-form">
                        <FormError/>
                        {form_state().error("locked").map(|m| view! { <div class="form-error" role="alert">{m.to_owned()}</div> })}
                        <input type="hidden" name="next" value=next/>
                        <TextField label="Username" name="username" required=true maxlength=64 autocomplete="username"/>
                        <TextField label="Password" name="password" kind="password" required=true maxlength=1024 autocomplete="current-password"/>
                        <button type="submit">"Sign in"</button>
                    </form>
                }.into_any(),
            }}
        </section>
    }
}
