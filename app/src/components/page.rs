//! The two wrappers every page uses: "editors only" and "load, then render or show the error".

use super::error_view::ErrorView;
use crate::AppError;
use leptos::prelude::*;
use std::future::Future;

/// An editors-only page: readers are sent to sign in (303 to `/login?next=…`, with a link for
/// clients that do not follow redirects), then brought back to `next`.
#[component]
pub fn EditorsOnly(next: String, children: Children) -> impl IntoView {
    if crate::request::current_user().is_some() {
        return children().into_any();
    }
    let href = format!("/login?next={}", crate::model::list_query::encode_component(&next));
    crate::request::set_status(303);
    crate::request::set_header("location", &href);
    view! {
        <leptos_meta::Title text="Sign in"/>
        <section class="error-page" role="alert">
            <h1>"Sign in to continue"</h1>
            <p>"This page is for the fact-check desk's editors. Readers can browse every published fact-check without an account."</p>
            <p><a class="button" href=href>"Sign in"</a></p>
        </section>
    }
    .into_any()
}

/// Waits for `load` (on the server, before the page is sent: routes render in `SsrMode::Async`),
/// then renders its value with `render`, or shows the error with its status code.
pub fn loaded<T, V>(
    load: impl Future<Output = Result<T, AppError>> + Send + 'static,
    render: impl FnOnce(T) -> V + Send + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| view! { <p class="loading">"Loading…"</p> }>
            {Suspend::new(async move {
                match load.await {
                    Ok(value) => render(value).into_any(),
                    Err(error) => view! { <ErrorView error/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
