//! The `claimtrack` command line, run as a user would.

#![allow(clippy::unwrap_used)] // Test helpers may panic: a panic is a failed test.

fn claimtrack(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    crate::support::claimtrack(dir, args, None)
}

#[test]
fn help_explains_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["--help"]);
    assert!(out.status.success());
    let help = String::from_utf8_lossy(&out.stdout);
    assert!(help.starts_with("claimtrack tracks quotes and numeric claims made in the news"), "{help}");
    for (command, sentence) in [
        ("serve", "Serve the web application"),
        ("migrate", "Create the database if needed and apply any pending schema migrations"),
        ("demo", "Load the demo data"),
        ("backup", "Write a consistent copy of the database"),
        ("copy", "Copy a whole archive into a new database"),
        ("export", "Export every claim as CSV or JSON lines"),
        ("bench-data", "Generate a large, realistic, deterministic database"),
        ("user", "Manage editor and admin accounts"),
    ] {
        let line =
            help.lines().find(|l| l.trim_start().starts_with(&format!("{command} "))).unwrap_or_default();
        assert!(line.contains(sentence), "{command}: {sentence:?} missing from:\n{help}");
    }
    for text in ["--db <DB>", "[env: CLAIMTRACK_DB=]"] {
        assert!(help.contains(text), "{text:?} missing from:\n{help}");
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
fn an_unreachable_postgres_server_is_named_without_its_password() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["migrate", "--db", "postgres://app:s3cret@127.0.0.1:1/claims"]);
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("cannot connect"), "{said}");
    assert!(said.contains("postgres://app:****@127.0.0.1:1/claims"), "the server is named: {said}");
    assert!(!said.contains("s3cret"), "the password is never printed: {said}");
    assert!(!dir.path().join("postgres:").exists(), "no file is made from the URL");
}

#[test]
fn demo_loads_once_and_then_refuses_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let out = claimtrack(dir.path(), &["demo", "--db", "news.db"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let said = String::from_utf8_lossy(&out.stdout);
    let loaded: usize = said
        .split("loaded the demo data (")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("says how many claims it loaded: {said}"));
    assert!(loaded > 11, "the story's 11 claims and an imported article's: {loaded}");
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

fn claimtrack_with_stdin(dir: &std::path::Path, args: &[&str], stdin: &str) -> std::process::Output {
    crate::support::claimtrack(dir, args, Some(stdin.as_bytes()))
}

#[test]
fn user_commands_add_list_change_and_disable_accounts() {
    let dir = tempfile::tempdir().unwrap();
    let add = claimtrack_with_stdin(
        dir.path(),
        &["user", "add", "maria", "--role", "editor", "--display-name", "Maria Lopez", "--password-stdin"],
        "a long enough passphrase\n",
    );
    assert!(add.status.success(), "{}", String::from_utf8_lossy(&add.stderr));
    assert!(String::from_utf8_lossy(&add.stdout).contains("Added the editor account “maria”."));

    let list = claimtrack(dir.path(), &["user", "list"]);
    let listing = String::from_utf8_lossy(&list.stdout);
    assert!(listing.contains("maria"), "{listing}");
    assert!(listing.contains("editor   active     Maria Lopez"), "{listing}");

    let passwd = claimtrack_with_stdin(
        dir.path(),
        &["user", "passwd", "maria", "--password-stdin"],
        "another fine passphrase\n",
    );
    assert!(passwd.status.success(), "{}", String::from_utf8_lossy(&passwd.stderr));

    let disable = claimtrack(dir.path(), &["user", "disable", "maria"]);
    assert!(disable.status.success());
    let listing = String::from_utf8_lossy(&claimtrack(dir.path(), &["user", "list"]).stdout).into_owned();
    assert!(listing.contains("disabled"), "{listing}");
}

#[test]
fn user_commands_refuse_bad_input_with_reasons() {
    let dir = tempfile::tempdir().unwrap();
    for (args, stdin, expected) in [
        (
            vec!["user", "add", "maria", "--role", "editor", "--password-stdin"],
            "password\n",
            "most common passwords",
        ),
        (
            vec!["user", "add", "maria", "--role", "editor", "--password-stdin"],
            "short\n",
            "at least 8 characters",
        ),
        (
            vec!["user", "add", "bad name", "--role", "editor", "--password-stdin"],
            "long enough words\n",
            "username",
        ),
        (
            vec!["user", "add", "maria", "--role", "root", "--password-stdin"],
            "long enough words\n",
            "invalid value 'root'",
        ),
        (vec!["user", "add", "maria", "--role", "editor", "--password-stdin"], "", "held no password"),
        (
            vec!["user", "passwd", "nobody", "--password-stdin"],
            "long enough words\n",
            "no account named “nobody”",
        ),
        (vec!["user", "add", "maria", "--role", "editor"], "", "pipe it in with --password-stdin"),
    ] {
        let out = claimtrack_with_stdin(dir.path(), &args, stdin);
        assert!(!out.status.success(), "{args:?} succeeded");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(expected), "{args:?}: {err}");
    }
    assert!(claimtrack(dir.path(), &["demo"]).status.success());
    let system = claimtrack_with_stdin(
        dir.path(),
        &["user", "passwd", "demo-editor", "--password-stdin"],
        "long enough words\n",
    );
    assert!(!system.status.success());
    assert!(String::from_utf8_lossy(&system.stderr).contains("system account"), "{system:?}");
    let first = claimtrack_with_stdin(
        dir.path(),
        &["user", "add", "maria", "--role", "admin", "--password-stdin"],
        "long enough words\n",
    );
    assert!(first.status.success());
    let again = claimtrack_with_stdin(
        dir.path(),
        &["user", "add", "maria", "--role", "admin", "--password-stdin"],
        "long enough words\n",
    );
    assert!(String::from_utf8_lossy(&again.stderr).contains("already an account named “maria”"));
}

#[test]
fn export_writes_every_published_claim_as_csv_or_json_lines() {
    let dir = tempfile::tempdir().unwrap();
    assert!(claimtrack(dir.path(), &["demo"]).status.success());
    let out = claimtrack(
        dir.path(),
        &["export", "--format", "csv", "--out", "claims.csv", "--site-url", "https://news.example"],
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("wrote claims.csv"));
    let csv = std::fs::read_to_string(dir.path().join("claims.csv")).unwrap();
    assert!(csv.starts_with("id,url,kind,text,"));
    assert_eq!(csv.matches("https://news.example/claims/").count(), 10, "the ten public claims, not intake");
    assert!(!dir.path().join("claims.partial").exists(), "no partial file is left behind");

    let jsonl = claimtrack(dir.path(), &["export", "--format", "jsonl"]);
    assert!(jsonl.status.success());
    let lines: Vec<serde_json::Value> =
        String::from_utf8_lossy(&jsonl.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 10);
    assert!(lines.iter().any(|l| l["quantity_of"] == 69.0));
    assert!(
        !lines.iter().any(|l| l["text"].as_str().unwrap().contains("price to pay")),
        "intake stays private"
    );

    let bad = claimtrack(dir.path(), &["export", "--format", "xml"]);
    assert!(!bad.status.success());
    assert!(String::from_utf8_lossy(&bad.stderr).contains("invalid value 'xml'"));
}

#[test]
fn backup_writes_a_verified_copy_and_never_overwrites() {
    let dir = tempfile::tempdir().unwrap();
    assert!(claimtrack(dir.path(), &["demo"]).status.success());
    let out = claimtrack(dir.path(), &["backup", "copy.db"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("backed up to copy.db"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("integrity check: ok"));
    // The copy is a working database with the same claims.
    let exported = claimtrack(dir.path(), &["--db", "copy.db", "export", "--format", "jsonl"]);
    assert_eq!(String::from_utf8_lossy(&exported.stdout).lines().count(), 10);
    let again = claimtrack(dir.path(), &["backup", "copy.db"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
}

#[test]
fn bench_data_is_realistic_and_deterministic() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["a.db", "b.db"] {
        let out = claimtrack(dir.path(), &["bench-data", "--claims", "3000", "--out", name, "--seed", "7"]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8_lossy(&out.stdout).contains("3000 claims, 60 speakers, 600 sources"));
    }
    let export = |db: &str| claimtrack(dir.path(), &["--db", db, "export", "--format", "jsonl"]).stdout;
    let (a, b) = (export("a.db"), export("b.db"));
    assert_eq!(a, b, "the same seed makes the same data");
    let rows: Vec<serde_json::Value> =
        String::from_utf8_lossy(&a).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert!((2300..2650).contains(&rows.len()), "about 82% published, the rest in intake: {}", rows.len());
    let numeric = rows.iter().filter(|r| r["kind"] == "numeric").count();
    assert!((500..1000).contains(&numeric), "about 30% numeric: {numeric}");
    let ruled = rows.iter().filter(|r| r["status"] != "being_checked").count();
    assert!((1900..2300).contains(&ruled), "about 70% fact-checks: {ruled}");
    let rare = rows.iter().filter(|r| r["text"].as_str().unwrap().contains("quokkabond")).count();
    assert_eq!(rare, 1, "the rare word is rare, and public");
    let common = rows.iter().filter(|r| r["text"].as_str().unwrap().contains("government")).count();
    assert!(common > 600, "frequent words are frequent: {common}");
    let refused = claimtrack(dir.path(), &["bench-data", "--claims", "10", "--out", "a.db"]);
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists"));
    for (claims, says) in [("0", "0 is not in 1..=10000000"), ("20000000", "20000000 is not in 1..=10000000")]
    {
        let refused = claimtrack(dir.path(), &["bench-data", "--claims", claims, "--out", "none.db"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(
            String::from_utf8_lossy(&refused.stderr).contains(says),
            "{}",
            String::from_utf8_lossy(&refused.stderr)
        );
        assert!(!dir.path().join("none.db").exists(), "nothing is created");
    }
}
