//! `claimtrack recheck`: fetches sources' addresses again and keeps what changed as a new version
//! of their text, with every claim's words found again in it (or reported lost).

use crate::import_cli::fetch_article;
use app::model::import::normalise_article;
use app::model::public_id;
use clap::Args;

#[derive(Debug, Args)]
pub struct RecheckArgs {
    /// Only this source (its id, as in /sources/ID); without it, every source whose newest text
    /// was fetched from an address.
    #[arg(long)]
    pub source: Option<String>,
    /// Let the fetch reach loopback, private and other local addresses (an intranet, tests).
    #[arg(long)]
    pub allow_private_addresses: bool,
}

/// Prints one line per source: unchanged, changed (with the claims kept and lost), or why it
/// could not be fetched. Exits with an error when any source could not be rechecked.
pub async fn recheck_command(db_path: &app::ssr::db::Target, args: RecheckArgs) -> anyhow::Result<()> {
    let db = crate::cli::open(db_path).await?;
    let result = recheck_all(&db, &args).await;
    db.close().await;
    let failed = result?;
    if failed > 0 {
        anyhow::bail!("{failed} source(s) could not be rechecked");
    }
    Ok(())
}

async fn recheck_all(db: &app::ssr::db::Db, args: &RecheckArgs) -> anyhow::Result<usize> {
    use app::ssr::editing::{import, sources};
    let err = |e: app::AppError| anyhow::anyhow!("{e}");
    let to_check = sources::to_recheck(db, args.source.as_deref()).await.map_err(err)?;
    if to_check.is_empty() {
        println!(
            "No source's text was fetched from an address: nothing to recheck (name one with --source ID)."
        );
        return Ok(0);
    }
    let editor = import::cli_editor(db).await.map_err(err)?;
    let mut failed = 0;
    for (id, address) in to_check {
        let name = format!("{} {address}", public_id::encode(id));
        let article = match fetch_article(&address, args.allow_private_addresses).await {
            Ok(article) => article,
            Err(e) => {
                println!("{name}: {e:#}");
                failed += 1;
                continue;
            }
        };
        let text = normalise_article(&article.text);
        match sources::recheck(db, editor, id, &address, &text).await.map_err(err)? {
            None => println!("{name}: unchanged"),
            Some(r) => println!(
                "{name}: changed; new version kept — {} claim(s) found again, {} no longer in the text",
                r.kept, r.lost
            ),
        }
    }
    Ok(failed)
}
