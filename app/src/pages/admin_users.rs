//! `/admin/users`: accounts, for admins — list, add, disable, set a new password.

use crate::api::editing::list_accounts;
use crate::components::error_view::ErrorView;
use crate::components::fields::{form_state, CsrfField, FormError, TextField};
use crate::components::page::{loaded, EditorsOnly};
use crate::model::user::Account;
use crate::request::current_user;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn AdminUsers() -> impl IntoView {
    view! {
        <EditorsOnly next="/admin/users".to_owned()>
            {if current_user().is_some_and(|u| u.is_admin()) {
                view! {
                    <Title text="Accounts"/>
                    <section class="narrow-page wide-form-page">
                        <h1>"Accounts"</h1>
                        {loaded(list_accounts(), |accounts| view! { <AccountTable accounts/> })}
                        <h2>"Add an account"</h2>
                        <AddAccount/>
                    </section>
                }
                .into_any()
            } else {
                view! { <ErrorView error=crate::AppError::Forbidden/> }.into_any()
            }}
        </EditorsOnly>
    }
}

#[component]
fn AccountTable(accounts: Vec<Account>) -> impl IntoView {
    let form = form_state();
    let me = current_user().map(|u| u.username).unwrap_or_default();
    // A refused password reset names its account, so the message shows on that row.
    let reset_error =
        form.value("for").and_then(|name| form.error("password").map(|m| (name.to_owned(), m.to_owned())));
    let rows = accounts
        .into_iter()
        .map(|a| {
            let state = if a.disabled { "Disabled" } else if a.can_sign_in { "Active" } else { "Cannot sign in" };
            let error = reset_error.as_ref().filter(|(name, _)| *name == a.username).map(|(_, m)| m.clone());
            let field_id = format!("new-password-{}", a.username);
            view! {
                <tr>
                    <td>{a.username.clone()}</td>
                    <td>{a.display_name.clone()}</td>
                    <td>{a.role.as_str()}</td>
                    <td>{state}</td>
                    <td class="row-actions">
                        {(!a.disabled && a.can_sign_in && a.username != me).then(|| view! {
                            <form method="post" action=format!("/admin/users/{}/disable", a.username) class="inline-form">
                                <CsrfField/>
                                <button type="submit" class="secondary-button">{format!("Disable {}", a.username)}</button>
                            </form>
                        })}
                        {(!a.disabled).then(|| view! {
                            <form method="post" action=format!("/admin/users/{}/password", a.username) class="inline-form reset-form">
                                <CsrfField/>
                                <label for=field_id.clone() class="visually-hidden">{format!("New password for {}", a.username)}</label>
                                <input id=field_id type="password" name="password" autocomplete="new-password" maxlength="1024"
                                    placeholder="New password" aria-invalid=error.is_some().then_some("true")/>
                                <button type="submit" class="secondary-button">"Set password"</button>
                                {error.map(|m| view! { <p class="field-error" role="alert">{m}</p> })}
                            </form>
                        })}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="accounts">
                <thead><tr><th scope="col">"Username"</th><th scope="col">"Name"</th><th scope="col">"Role"</th><th scope="col">"State"</th><th scope="col">"Actions"</th></tr></thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

#[component]
fn AddAccount() -> impl IntoView {
    let form = form_state();
    // The add form's own fields only show errors when it was the form submitted.
    let adding = form.value("for").is_none();
    let role = form.value("role").unwrap_or("editor").to_owned();
    view! {
        <form method="post" action="/admin/users" class="stacked-form">
            {adding.then(|| view! { <FormError/> })}
            <CsrfField/>
            <div class="form-row">
                <TextField label="Username" name="username" required=true maxlength=64 autocomplete="off"/>
                <TextField label="Display name" name="display_name" required=true maxlength=120/>
            </div>
            <div class="field">
                <label for="field-role">"Role"</label>
                <select id="field-role" name="role">
                    <option value="editor" selected=role == "editor">"Editor — edits content, sets statuses"</option>
                    <option value="admin" selected=role == "admin">"Admin — also manages accounts"</option>
                </select>
            </div>
            {adding.then(|| view! {
                <TextField label="Password" name="password" kind="password" required=true maxlength=1024 autocomplete="new-password"
                    hint="8 to 128 characters, not a common password. Give it to the new editor privately."/>
            })}
            <button type="submit">"Add the account"</button>
        </form>
    }
}
