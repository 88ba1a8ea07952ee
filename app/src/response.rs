//! Setting the HTTP status of the page being rendered (404 for an unknown claim, 400 for a bad
//! filter). Rendering code calls this without knowing about the server integration.

/// Sets the status code of the response for the page being rendered, when there is one.
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(status)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::StatusCode::from_u16(code))
    {
        options.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}
