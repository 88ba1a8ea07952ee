//! Extractors of the editors' handlers: who is signed in (`Editor`, `Admin`), and a submitted form
//! (`Posted<T>`) decoded into its typed struct, its CSRF token checked, kept as typed for showing
//! the form again.

use super::render::page_at_with_form;
use app::model::{forms::Problems, CurrentUser, FormState};
use app::ssr::AppState;
use app::AppError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::{request::Parts, StatusCode, Uri};
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

/// A signed-in editor or admin; anyone else is answered 401.
pub struct Editor(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for Editor {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, AppError> {
        parts.extensions.get::<CurrentUser>().cloned().map(Editor).ok_or(AppError::Unauthorized)
    }
}

/// A signed-in admin; an editor is answered 403, anyone else 401.
pub struct Admin(pub CurrentUser);

impl<S: Send + Sync> FromRequestParts<S> for Admin {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, AppError> {
        let Editor(user) = Editor::from_request_parts(parts, state).await?;
        if user.is_admin() {
            Ok(Admin(user))
        } else {
            Err(AppError::Forbidden)
        }
    }
}

/// A submitted form: `input` decoded into its typed struct (fields that are missing take their
/// defaults, which each form's `parse` then refuses with its own message), and the same values as
/// typed, to show the form again. A signed-in user's form must carry their CSRF token (403).
pub struct Posted<T> {
    pub input: T,
    pub form: FormState,
    parts: Parts,
    /// The page to show again when the form is refused: the address posted to, unless the form
    /// lives on another page (see [`Posted::shown_on`]).
    page: Uri,
}

impl<S, T> FromRequest<S> for Posted<T>
where
    S: Send + Sync,
    T: DeserializeOwned + Default,
{
    type Rejection = AppError;

    async fn from_request(request: Request, _: &S) -> Result<Self, AppError> {
        let (parts, body) = request.into_parts();
        let limit = super::limits::MAX_BODY_BYTES;
        let bytes = axum::body::to_bytes(body, limit).await.map_err(|_| {
            AppError::TooLarge(format!(
                "The form could not be read: it is larger than {} MB, or was cut off. Shorten it and try again.",
                limit >> 20
            ))
        })?;
        let form = FormState::from_urlencoded(&bytes);
        if let Some(user) = parts.extensions.get::<CurrentUser>() {
            if !super::csrf_matches(user, &form) {
                tracing::warn!(username = user.username, path = %parts.uri.path(), "form without its CSRF token");
                return Err(AppError::Forbidden);
            }
        }
        let input = app::model::form::decode(&bytes);
        let page = parts.uri.clone();
        Ok(Posted { input, form, parts, page })
    }
}

impl<T> Posted<T> {
    /// The form lives on the page at `path` (a claim's desk page, for the forms on it): refused
    /// submissions show that page again.
    pub fn shown_on(mut self, path: &str) -> Self {
        if let Ok(uri) = path.parse() {
            self.page = uri;
        }
        self
    }

    /// Parses, acts, and answers: a redirect (303) to the address `act` returns; the form again,
    /// its problems beside the fields (422) or a conflict above it (409); any other error as its
    /// own page.
    pub async fn answer<I, Fut>(
        self,
        state: &AppState,
        parsed: Result<I, Problems>,
        act: impl FnOnce(I) -> Fut,
    ) -> Result<Response, AppError>
    where
        Fut: std::future::Future<Output = Result<String, AppError>>,
    {
        match parsed {
            Err(problems) => Ok(self.again(state, problems, StatusCode::UNPROCESSABLE_ENTITY).await),
            Ok(input) => {
                let result = act(input).await;
                self.finish(state, result).await
            }
        }
    }

    /// Answers an action's result, as [`Posted::answer`] does.
    pub async fn finish(
        self,
        state: &AppState,
        result: Result<String, AppError>,
    ) -> Result<Response, AppError> {
        match result {
            Ok(location) => Ok(Redirect::to(&location).into_response()),
            Err(AppError::Invalid { field, message }) => {
                Ok(self.again(state, vec![(field, message)], StatusCode::UNPROCESSABLE_ENTITY).await)
            }
            Err(AppError::Conflict(message)) => {
                Ok(self.again(state, vec![(String::new(), message)], StatusCode::CONFLICT).await)
            }
            Err(other) => Err(other),
        }
    }

    /// The page again with the form as typed and `problems` beside its fields.
    pub async fn again(mut self, state: &AppState, problems: Problems, status: StatusCode) -> Response {
        for (field, message) in problems {
            self.form.add_error(&field, message);
        }
        page_at_with_form(state, &self.parts, self.page, self.form, status).await
    }
}

/// The typed struct of the import review, whose fields are numbered per candidate (`c3_text`) and
/// read by name from its [`FormState`]: decodes from any form.
#[derive(Debug, Default, serde::Deserialize)]
pub struct Untyped {}
