//! The request being rendered, as pages see it: its status code and who is signed in.
//! Rendering code calls these without knowing about the server integration.

use crate::model::CurrentUser;

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

/// Sets a response header of the page being rendered (a redirect's `Location`).
pub fn set_header(name: &'static str, value: &str) {
    #[cfg(feature = "ssr")]
    if let (Some(options), Ok(value)) =
        (leptos::prelude::use_context::<leptos_axum::ResponseOptions>(), http::HeaderValue::from_str(value))
    {
        options.insert_header(http::HeaderName::from_static(name), value);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = (name, value);
}

/// Where the site is published and by whom, provided by the server.
pub fn site() -> crate::model::SiteInfo {
    leptos::prelude::use_context::<crate::model::SiteInfo>()
        .unwrap_or_else(|| crate::model::SiteInfo { url: String::new(), org_name: "claimtrack".into() })
}

/// The signed-in user, put on the request by the server's session layer.
pub fn current_user() -> Option<CurrentUser> {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<CurrentUser>().cloned())
    }
    #[cfg(not(feature = "ssr"))]
    None
}
