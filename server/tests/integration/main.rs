//! claimtrack's HTTP and command-line tests, compiled as one test binary: each integration test
//! file would otherwise link its own copy of the whole application (slow, and gigabytes on disk).

mod support;

mod articles;
mod attacks;
mod auth;
mod cli;
mod copying;
mod desk;
mod editing;
mod editing_others;
mod fetching;
mod hardening;
mod importing;
mod page_cache;
mod pages;
mod record;
mod repeats;
mod repeats_quality;
mod replicas;
mod resilience;
mod share_cards;
mod sharing;
