//! Reusable views.

pub mod claim_card;
pub mod error_view;
pub mod fields;
pub mod filters;
pub mod format;
pub mod layout;
pub mod pager;
pub mod rating_chart;
pub mod status_badge;
pub mod timeline;
