//! `claimtrack backup FILE`: an online, consistent copy of the database, verified before it is
//! given its name. A SQLite file is copied with `VACUUM INTO` and checked with SQLite's integrity
//! check; a PostgreSQL database is dumped with `pg_dump` (see `pg_backup`).

use anyhow::{bail, Context};
use app::ssr::db;
use std::path::Path;

pub async fn run(db: &db::Db, target: &Path) -> anyhow::Result<()> {
    if target.exists() {
        bail!("{} already exists; choose a new name (backups never overwrite)", target.display());
    }
    let partial = target.with_extension("partial");
    let _ = std::fs::remove_file(&partial);
    if let Some(url) = db.postgres_url() {
        return crate::pg_backup::run(url, &partial, target);
    }
    // 1. A consistent snapshot, written while the server keeps serving.
    db::maintenance::vacuum_into(db, &partial)
        .await
        .map_err(|e| anyhow::anyhow!("cannot write the backup: {e}"))?;
    // 2. Check the copy, not the original, before trusting it.
    let copy = db::Db::connect(&db::Target::File(partial.clone()))
        .await
        .context("cannot open the backup to check it")?;
    let verdict = db::maintenance::integrity_check(&copy).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    copy.close().await;
    if verdict != "ok" {
        let _ = std::fs::remove_file(&partial);
        bail!("the backup failed its integrity check ({verdict}); nothing was kept");
    }
    // 3. Make it durable, then give it its name in one step, and make the name durable too.
    std::fs::File::open(&partial)?.sync_all()?;
    for sidecar in ["partial-wal", "partial-shm"] {
        let _ = std::fs::remove_file(target.with_extension(sidecar));
    }
    name_durably(&partial, target)?;
    let size = std::fs::metadata(target)?.len();
    println!("backed up to {} ({size} bytes, integrity check: ok)", target.display());
    Ok(())
}

/// Gives the finished, synced `partial` its name in one step, and makes the name durable too.
pub(crate) fn name_durably(partial: &Path, target: &Path) -> anyhow::Result<()> {
    std::fs::rename(partial, target)?;
    if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::File::open(dir)?.sync_all()?;
    }
    Ok(())
}
