//! `claimtrack copy --from … --to …`: a whole archive into a new database, either backend to
//! either (see `app::ssr::db::copy`), and the table of what was checked.

use anyhow::{bail, Context};
use app::ssr::db::{self, copy::CopyError, copy::TableCheck};
use clap::Args;

#[derive(Debug, Args)]
pub struct CopyArgs {
    /// The archive to copy: a SQLite file or a `postgres://` URL (read only; it may be served
    /// meanwhile: the copy is of one moment).
    #[arg(long, value_parser = parse_target)]
    pub from: db::Target,
    /// Where to copy it: a new SQLite file or an empty PostgreSQL database (migrated first).
    #[arg(long, value_parser = parse_target)]
    pub to: db::Target,
}

fn parse_target(value: &str) -> Result<db::Target, String> {
    Ok(db::Target::parse(value))
}

pub async fn copy_command(args: CopyArgs) -> anyhow::Result<()> {
    let (from, to) = (&args.from, &args.to);
    if from == to {
        bail!("--from and --to both name {}; copy into another database", from.display());
    }
    if let db::Target::File(path) = from {
        if !path.exists() {
            bail!("{} does not exist", path.display());
        }
    }
    let started = std::time::Instant::now();
    // The source is not migrated: copy reads it as it is (and refuses if its schema is older).
    let source = db::Db::connect(from).await.with_context(|| format!("cannot open {}", from.display()))?;
    let target = crate::cli::open(to).await?;
    let result = db::copy::copy(&source, &target).await;
    source.close().await;
    target.close().await;
    match result {
        Ok(checks) => {
            print_checks(&checks);
            for (table, why) in db::copy::NOT_COPIED {
                println!("not copied: {table} ({why})");
            }
            let rows: u64 = checks.iter().filter(|c| c.copied).map(|c| c.target_rows).sum();
            println!(
                "copied {} to {}: {rows} rows, every table checked, in {:.1} s",
                from.display(),
                to.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Err(CopyError::Mismatch(checks)) => {
            print_checks(&checks);
            bail!("{}", CopyError::Mismatch(checks))
        }
        Err(e) => bail!("cannot copy {} to {}: {e}", from.display(), to.display()),
    }
}

/// One line a table: rows, the first hex digits of the checksum, and whether both sides agree.
fn print_checks(checks: &[TableCheck]) {
    println!("{:<22} {:>10}  {:<16}  ok", "table", "rows", "sha256");
    for check in checks {
        let rows = if check.source_rows == check.target_rows {
            check.target_rows.to_string()
        } else {
            format!("{}≠{}", check.source_rows, check.target_rows)
        };
        let sum = check.target_sum.get(..16).unwrap_or("-");
        let ok = if check.ok() { "ok" } else { "MISMATCH" };
        println!("{:<22} {rows:>10}  {sum:<16}  {ok}", check.table);
    }
}
