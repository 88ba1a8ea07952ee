//! A page-sized message for an error, which also sets the response's status code.

use crate::{request, AppError};
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    request::set_status(error.status_code());
    if let AppError::Moved(to) = &error {
        request::set_header("location", to);
    }
    let (heading, detail) = match &error {
        AppError::NotFound(message) => ("Not found".to_owned(), message.clone()),
        AppError::Moved(to) => ("Moved".to_owned(), format!("This page is now at {to}.")),
        AppError::Invalid { field, message } => (format!("That {field} is not valid"), message.clone()),
        other => (other.title().to_owned(), other.to_string()),
    };
    view! {
        <Title text=heading.clone()/>
        <section class="error-page" role="alert">
            <h1>{heading}</h1>
            <p>{detail}</p>
            <p><a href="/">"Browse the fact-checks"</a></p>
        </section>
    }
}
