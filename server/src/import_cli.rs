//! `claimtrack extract` and `claimtrack import`: the extractor on the command line, and an
//! article's candidates added without the browser.

use anyhow::{bail, Context};
use app::model::forms::source::SourceForm;
use app::model::import::{normalise_article, Accepted};
use app::ssr::extract;
use clap::Args;
use std::io::Read;
use std::path::{Path, PathBuf};

/// Reads FILE (or standard input for `-`) as UTF-8 text, with a clear error otherwise.
pub fn read_text(file: &Path) -> anyhow::Result<String> {
    let mut bytes = Vec::new();
    if file == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).context("reading standard input")?;
    } else {
        bytes = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
    }
    if bytes.len() > extract::MAX_INPUT_BYTES {
        bail!("{}: {}", file.display(), extract::ExtractError::TooLong(bytes.len()));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(err) => bail!(
            "{} is not UTF-8 text (invalid byte at offset {}); save the article as UTF-8 and try again",
            file.display(),
            err.utf8_error().valid_up_to()
        ),
    }
}

/// `claimtrack extract`: prints the candidates as JSON (the stable contract) or a listing.
pub fn extract_command(file: &Path, format: &str) -> anyhow::Result<()> {
    let text = read_text(file)?;
    let found = extract::extract(&text).map_err(|e| anyhow::anyhow!("{}: {e}", file.display()))?;
    let out = if format == "json" { extract::json(&found) } else { extract::listing(&found) };
    print!("{out}");
    Ok(())
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article's text (UTF-8), or `-` for standard input.
    pub file: PathBuf,
    /// The article's address (its canonical URL). An existing source with this URL is reused.
    #[arg(long)]
    pub url: String,
    /// The article's headline.
    #[arg(long)]
    pub title: Option<String>,
    /// The publication or organisation.
    #[arg(long)]
    pub outlet: Option<String>,
    /// The publication date, YYYY-MM-DD; the imported claims are dated by it.
    #[arg(long)]
    pub date: Option<String>,
    /// List what would be added, and add nothing.
    #[arg(long)]
    pub dry_run: bool,
    /// Publish the added claims as being checked (public at once, without a ruling). Without it
    /// they go to the desk's intake, private until an editor publishes them.
    #[arg(long)]
    pub publish: bool,
}

/// `claimtrack import`: accepts every candidate that has a speaker, in one transaction.
pub async fn import_command(db_path: &Path, args: ImportArgs) -> anyhow::Result<()> {
    let text = normalise_article(&read_text(&args.file)?);
    let found = extract::extract(&text).map_err(|e| anyhow::anyhow!("{}: {e}", args.file.display()))?;
    let today = chrono::Utc::now().date_naive();
    let form = SourceForm {
        url: args.url.clone(),
        title: args.title.clone().unwrap_or_default(),
        outlet: args.outlet.clone().unwrap_or_default(),
        published_on: args.date.clone().unwrap_or_default(),
        body: text.clone(),
        ..SourceForm::default()
    };
    let source = form.parse(today).map_err(|problems| {
        let lines: Vec<String> =
            problems.into_iter().map(|(f, m)| format!("  --{}: {m}", flag(&f))).collect();
        anyhow::anyhow!("the source is not complete:\n{}", lines.join("\n"))
    })?;
    let Some(said_on) = source.published_on else {
        bail!("--date is needed: imported claims are dated by the article (YYYY-MM-DD)");
    };
    let (with_speaker, without): (Vec<_>, Vec<_>) = found.into_iter().partition(|c| c.speaker.is_some());
    let accepted: Vec<Accepted> = with_speaker
        .iter()
        .map(|c| Accepted {
            kind: c.kind.into(),
            text: c.text.clone(),
            speaker: c.speaker.clone().unwrap_or_default(),
            said_on,
            quantity: c.quantity.clone().map(Into::into),
            span: Some(c.span),
            confidence: Some(c.confidence),
        })
        .collect();
    if args.dry_run {
        print!("{}", extract::listing(&with_speaker));
        println!(
            "\nDry run: nothing was added. {} candidate(s) have no speaker and would be skipped.",
            without.len()
        );
        return Ok(());
    }
    if accepted.is_empty() {
        bail!("no candidate with a speaker was found; nothing to add (review the article at /import)");
    }
    let pool = crate::cli::open(db_path).await?;
    let editor = app::ssr::editing::import::cli_editor(&pool).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let result = app::ssr::editing::import::accept(&pool, editor, &source, &accepted, args.publish).await;
    pool.close().await;
    let report = result.map_err(|e| anyhow::anyhow!("nothing was added: {e}"))?;
    println!(
        "Source {}: {} claim(s) added {}, {} existing claim(s) linked, {} already there; {} new speaker(s){}.",
        report.source_public_id,
        report.added,
        if args.publish { "and published as being checked" } else { "to the desk's intake (private)" },
        report.linked,
        report.already,
        report.new_speakers.len(),
        if report.new_speakers.is_empty() {
            String::new()
        } else {
            format!(" ({})", report.new_speakers.join(", "))
        }
    );
    if !without.is_empty() {
        println!("{} candidate(s) without a speaker were skipped: review them at /import.", without.len());
    }
    Ok(())
}

/// The command-line flag for a source field.
fn flag(field: &str) -> &str {
    match field {
        "published_on" => "date",
        "body" => "file",
        other => other,
    }
}
