//! The `claimtrack` command line, run as a user would.

use std::process::Command;

fn claimtrack(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_claimtrack"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMTRACK_DB")
        .output()
        .expect("claimtrack runs")
}

#[test]
fn help_explains_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    for line in [
        "serve    Serve the web application",
        "migrate  Create the database if needed and apply any pending schema migrations",
        "demo     Load the demo data",
        "--db <DB>",
        "[env: CLAIMTRACK_DB=]",
    ] {
        assert!(help.contains(line), "{line:?} missing from:\n{help}");
    }
    let serve = String::from_utf8_lossy(&claimtrack(dir.path(), &["serve", "--help"]).stdout).into_owned();
    for flag in ["--addr", "CLAIMTRACK_ADDR", "--demo", "--site-url", "CLAIMTRACK_SITE_URL"] {
        assert!(serve.contains(flag), "{flag} missing from:\n{serve}");
    }
}

#[test]
fn migrate_creates_the_default_database_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["migrate"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(dir.path().join("claimtrack.db").exists());
    assert!(String::from_utf8_lossy(&out.stdout).contains("claimtrack.db: schema is up to date"));
}

#[test]
fn demo_loads_once_and_then_refuses_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["demo", "--db", "news.db"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("loaded the demo data (11 claims)"));
    let again = claimtrack(dir.path(), &["--db", "news.db", "demo"]);
    assert!(!again.status.success());
    let err = String::from_utf8_lossy(&again.stderr);
    assert!(err.contains("already has claims; the demo data is only loaded into an empty database"), "{err}");
}

#[test]
fn a_database_that_cannot_be_opened_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["migrate", "--db", "no/such/dir/x.db"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot open the database no/such/dir/x.db"), "{err}");
}

#[test]
fn an_unknown_command_is_refused_with_usage() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["frobnicate"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("unrecognized subcommand 'frobnicate'"));
}
