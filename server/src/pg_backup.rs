//! `claimtrack backup FILE` on PostgreSQL: `pg_dump --format=custom` (consistent: it dumps in one
//! repeatable-read snapshot while the replicas keep serving), checked by `pg_restore --list`
//! reading the whole archive's table of contents, then given its name as SQLite's backups are.
//!
//! The password never reaches a command line (any local user can read those in `/proc`): the URL
//! goes to `pg_dump` without it, and the password through `PGPASSWORD`.

use anyhow::{bail, Context};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Dumps the database at `url` to `partial`, checks it, and renames it to `target`.
pub fn run(url: &str, partial: &Path, target: &Path) -> anyhow::Result<()> {
    let (url_without_password, password) = split_password(url)?;
    let mut dump = Command::new(tool("pg_dump"));
    dump.arg("--format=custom").arg("--no-password").arg("--file").arg(partial);
    dump.arg("--dbname").arg(&url_without_password);
    if let Some(password) = &password {
        dump.env("PGPASSWORD", password);
    }
    let output = dump.output().map_err(missing("pg_dump"))?;
    if !output.status.success() {
        let _ = std::fs::remove_file(partial);
        bail!("pg_dump failed: {}", String::from_utf8_lossy(&output.stderr).trim());
    }
    let listed = Command::new(tool("pg_restore"))
        .arg("--list")
        .arg(partial)
        .output()
        .map_err(missing("pg_restore"))?;
    let contents = String::from_utf8_lossy(&listed.stdout);
    let tables = contents.lines().filter(|l| l.contains(" TABLE DATA ")).count();
    if !listed.status.success() || tables == 0 {
        let _ = std::fs::remove_file(partial);
        bail!(
            "the dump failed its check (pg_restore --list: {}); nothing was kept",
            String::from_utf8_lossy(&listed.stderr).trim()
        );
    }
    std::fs::File::open(partial)?.sync_all()?;
    crate::backup::name_durably(partial, target)?;
    let size = std::fs::metadata(target)?.len();
    println!(
        "backed up {} to {} ({size} bytes, pg_dump custom format; pg_restore --list: {tables} tables' data)",
        app::ssr::db::Target::Postgres(url.to_owned()).display(),
        target.display()
    );
    Ok(())
}

/// The newest of Debian's PostgreSQL versions (`/usr/lib/postgresql/N/bin`: `pg_dump` must be at
/// least as new as the server, and Debian puts only a wrapper on PATH), else the one on PATH.
fn tool(name: &str) -> PathBuf {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|dir| {
            let version = dir.file_name().to_str()?.parse::<u32>().ok()?;
            let path = dir.path().join("bin").join(name);
            path.exists().then_some((version, path))
        })
        .collect();
    found.sort();
    found.pop().map(|(_, path)| path).unwrap_or_else(|| PathBuf::from(name))
}

fn missing(name: &'static str) -> impl FnOnce(std::io::Error) -> anyhow::Error {
    move |e| {
        anyhow::anyhow!(
            "cannot run {name} ({e}): backing up a PostgreSQL database needs PostgreSQL's client tools \
             (Debian: apt-get install postgresql-client, as new as the server)"
        )
    }
}

/// `postgres://user:pa%40ss@host/db` → (`postgres://user@host/db`, `Some("pa@ss")`).
fn split_password(url: &str) -> anyhow::Result<(String, Option<String>)> {
    let mut parsed = url::Url::parse(url).context("the database URL does not parse")?;
    let Some(encoded) = parsed.password().map(str::to_owned) else { return Ok((url.to_owned(), None)) };
    let _ = parsed.set_password(None);
    Ok((parsed.to_string(), Some(percent_decode(&encoded))))
}

/// Decodes `%XX` escapes (a URL's password may hold any byte so escaped).
fn percent_decode(value: &str) -> String {
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
        match (bytes[i], hex.and_then(|h| u8::from_str_radix(h, 16).ok())) {
            (b'%', Some(byte)) => {
                out.push(byte);
                i += 3;
            }
            (byte, _) => {
                out.push(byte);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_password_leaves_the_url_decoded() {
        let (url, password) =
            split_password("postgres://app:pa%40ss%2Fw@db.internal:5432/claims?sslmode=require")
                .expect("parses");
        assert_eq!(url, "postgres://app@db.internal:5432/claims?sslmode=require");
        assert_eq!(password.as_deref(), Some("pa@ss/w"));
        let (url, password) = split_password("postgres://app@h/db").expect("parses");
        assert_eq!((url.as_str(), password), ("postgres://app@h/db", None));
    }
}
