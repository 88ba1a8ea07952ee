//! Rebuild when a migration is added: `sqlx::migrate!` embeds the migrations directory at compile
//! time, and without this a new file would not make Cargo recompile the crate that embeds it.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
