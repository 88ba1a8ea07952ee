//! What every editor form handler does: parse the body, check who is asking and the form's CSRF
//! token, and answer with a redirect, the same form again with its problems, or an error page.

use super::{csrf_matches, error_response, render::page_at_with_form, render::page_with_form};
use app::model::{forms::Problems, CurrentUser, FormState};
use app::ssr::AppState;
use app::AppError;
use axum::extract::RawForm;
use axum::http::{request::Parts, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

/// A submitted form.
pub struct Submission {
    pub state: AppState,
    pub parts: Parts,
    pub form: FormState,
}

impl Submission {
    pub fn new(state: AppState, parts: Parts, body: &RawForm) -> Self {
        Submission { state, parts, form: FormState::new(super::auth::pairs(body)) }
    }

    /// The signed-in editor, if the form carries their token (401 without a session, 403 with a
    /// wrong token).
    pub fn editor(&self) -> Result<CurrentUser, AppError> {
        let user = self.parts.extensions.get::<CurrentUser>().ok_or(AppError::Unauthorized)?;
        if !csrf_matches(user, &self.form) {
            tracing::warn!(username = user.username, path = %self.parts.uri.path(), "form without its CSRF token");
            return Err(AppError::Forbidden);
        }
        Ok(user.clone())
    }

    /// The common course of an editor's form: check who is asking, parse the form (problems go
    /// back beside the fields), act, then redirect to the address `act` returns or show why not.
    pub async fn handle<I, Fut>(
        self,
        parse: impl FnOnce(&FormState) -> Result<I, Problems>,
        act: impl FnOnce(AppState, CurrentUser, I) -> Fut,
    ) -> Response
    where
        Fut: std::future::Future<Output = Result<String, AppError>>,
    {
        let user = match self.editor() {
            Ok(user) => user,
            Err(refusal) => return error_response(refusal),
        };
        match parse(&self.form) {
            Err(problems) => self.problems(problems).await,
            Ok(input) => {
                let result = act(self.state.clone(), user, input).await;
                self.finish(result).await
            }
        }
    }

    /// Like [`Self::editor`], for admins only (403 for editors).
    pub fn admin(&self) -> Result<CurrentUser, AppError> {
        let user = self.editor()?;
        if user.is_admin() {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Shows another page than the one posted to when the form comes back: `/admin/users` for
    /// the forms on its rows.
    pub async fn problems_on(mut self, path: &'static str, problems: Problems) -> Response {
        for (field, message) in problems {
            self.form.add_error(&field, message);
        }
        let uri = axum::http::Uri::from_static(path);
        page_at_with_form(&self.state, &self.parts, uri, self.form, StatusCode::UNPROCESSABLE_ENTITY).await
    }

    /// The form again, with its problems beside the fields (422).
    pub async fn problems(mut self, problems: Problems) -> Response {
        for (field, message) in problems {
            self.form.add_error(&field, message);
        }
        page_with_form(&self.state, &self.parts, self.form, StatusCode::UNPROCESSABLE_ENTITY).await
    }

    /// Answers an action's result: success redirects (303) to `Ok`'s address; an invalid field or
    /// a conflict shows the form again; anything else is an error page.
    pub async fn finish(self, result: Result<String, AppError>) -> Response {
        match result {
            Ok(location) => Redirect::to(&location).into_response(),
            Err(AppError::Invalid { field, message }) => self.problems(vec![(field, message)]).await,
            Err(AppError::Conflict(message)) => self.conflict(message).await,
            Err(other) => error_response(other),
        }
    }

    /// The form again with a form-wide conflict message (409).
    pub async fn conflict(mut self, message: String) -> Response {
        self.form.add_error("", message);
        page_with_form(&self.state, &self.parts, self.form, StatusCode::CONFLICT).await
    }
}

/// The signed-in editor (or admin), or the refusal to send.
#[macro_export]
macro_rules! signed_in {
    ($sub:expr, $check:ident) => {
        match $sub.$check() {
            Ok(user) => user,
            Err(refusal) => return $crate::http::error_response(refusal),
        }
    };
}
