//! Plain types and rules: claims, quantities, statuses, filters, validation.
//! No IO and no `cfg`: everything here is testable as it is and usable by server and browser.

pub mod anchor;
pub mod atom;
pub mod claim_review;
pub mod comparison;
pub mod desk;
pub mod excerpt;
pub mod export;
pub mod figure;
pub mod form;
pub mod forms;
pub mod html;
pub mod import;
pub mod kind;
pub mod list_query;
pub mod markdown;
pub mod password;
pub mod public_id;
pub mod quantity;
pub mod record;
pub mod repeats;
pub mod search;
pub mod site;
pub mod sitemap;
pub mod slug;
pub mod snapshot;
pub mod speaker_directory;
pub mod status;
pub mod text_enum;
pub mod user;
pub mod views;

pub use desk::{Attribution, BulkAction, Decision, DeskAction, RulingKind, RulingState, Stage, UserRef};
pub use form::FormState;
pub use kind::{ClaimKind, SpeakerKind};
pub use list_query::{Cursor, ListQuery, Page, QueryError, PAGE_SIZE};
pub use quantity::{Change, Qualifier, Quantity};
pub use site::SiteInfo;
pub use status::Status;
pub use user::{CurrentUser, Role};
pub use views::*;
