//! Reusable views.

pub mod article_text;
pub mod claim_card;
pub mod claim_form;
pub mod entity_forms;
pub mod error_view;
pub mod fields;
pub mod filters;
pub mod format;
pub mod layout;
pub mod pager;
pub mod rating_chart;
pub mod share;
pub mod sign_in_required;
pub mod status_badge;
pub mod status_form;
pub mod timeline;
