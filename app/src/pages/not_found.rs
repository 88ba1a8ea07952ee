//! Any address that is not a page.

use crate::components::error_view::ErrorView;
use crate::AppError;
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::not_found("There is no page at this address. It may have been mistyped.")/> }
}
