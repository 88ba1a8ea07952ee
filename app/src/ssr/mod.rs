//! Server-only code: the store, the application state, the demo loader.
//! Compiled only with feature `ssr`, the one cfg gate. Nothing here renders markup.

pub mod accounts;
pub mod auth;
pub mod db;
pub mod demo;
pub mod editing;
pub mod error_page;
pub mod extract;
pub mod read;
pub mod repeats;
pub mod sha256;
pub mod share_card;
pub mod state;
pub mod turns;

pub use state::AppState;
