//! `claimtrack extract` and `claimtrack import`: the extractor on the command line, and an
//! article's candidates added without the browser. Both read a file or, with `--fetch URL`, the
//! article at an address (its main text; its metadata fills what the flags leave out).

use crate::fetch::{article::Article, Fetcher, Reach};
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

/// Fetches the article at `address` and reads its main text and metadata.
pub async fn fetch_article(address: &str, allow_private_addresses: bool) -> anyhow::Result<Article> {
    let fetcher = Fetcher::new(Reach::from_flag(allow_private_addresses));
    let fetched = fetcher.fetch_article(address).await;
    let (_, article) = fetched.map_err(|e| anyhow::anyhow!("cannot fetch {address}: {e}"))?;
    if article.text.is_empty() {
        bail!("no article text was found at {address}");
    }
    Ok(article)
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The article's text, UTF-8 (or - for standard input).
    #[arg(required_unless_present = "fetch", conflicts_with = "fetch")]
    pub file: Option<PathBuf>,
    /// Fetch the article at this address instead of reading FILE.
    #[arg(long, value_name = "URL")]
    pub fetch: Option<String>,
    /// `json` (a stable contract: see the README) or `text` (a listing to read).
    #[arg(long, value_parser = ["json", "text"], default_value = "text")]
    pub format: String,
    /// Let --fetch reach loopback, private and other local addresses (an intranet, tests).
    #[arg(long)]
    pub allow_private_addresses: bool,
}

/// `claimtrack extract`: prints the candidates as JSON (the stable contract) or a listing; for a
/// fetched article, with the source it was read from.
pub async fn extract_command(args: ExtractArgs) -> anyhow::Result<()> {
    let (text, fetched) = match (&args.fetch, &args.file) {
        (Some(address), _) => {
            let article = fetch_article(address, args.allow_private_addresses).await?;
            (normalise_article(&article.text), Some(article))
        }
        (None, Some(file)) => (read_text(file)?, None),
        (None, None) => bail!("give FILE, or --fetch URL"),
    };
    let name = args
        .fetch
        .clone()
        .unwrap_or_else(|| args.file.as_deref().unwrap_or(Path::new("-")).display().to_string());
    let found = extract::extract(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let out = match (args.format.as_str(), fetched) {
        ("json", None) => extract::json(&found),
        ("json", Some(article)) => with_source(&extract::json(&found), &article, &text)?,
        (_, None) => extract::listing(&found),
        (_, Some(article)) => format!(
            "{}
{}",
            source_line(&article),
            extract::listing(&found)
        ),
    };
    print!("{out}");
    Ok(())
}

/// The extractor's JSON with a `source` object: where the text came from, and its SHA-256 (so
/// that a later fetch can tell whether the article changed).
fn with_source(json: &str, article: &Article, text: &str) -> anyhow::Result<String> {
    let mut value: serde_json::Value = serde_json::from_str(json)?;
    let sha = app::ssr::sha256::hex(text);
    let optional = |s: &str| if s.is_empty() { serde_json::Value::Null } else { s.into() };
    value["source"] = serde_json::json!({
        "title": optional(&article.title),
        "url": article.url,
        "published_on": article.published_on.map(|d| d.to_string()),
        "outlet": optional(&article.outlet),
        "author": optional(&article.author),
        "text_sha256": sha,
    });
    Ok(format!(
        "{}
",
        serde_json::to_string_pretty(&value)?
    ))
}

fn source_line(article: &Article) -> String {
    let date = article.published_on.map(|d| d.to_string()).unwrap_or_else(|| "no date".into());
    format!("Source: {} — {}, {date} ({})", article.title, article.outlet, article.url)
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The article's text (UTF-8), or `-` for standard input.
    #[arg(required_unless_present = "fetch", conflicts_with = "fetch")]
    pub file: Option<PathBuf>,
    /// Fetch the article at this address instead of reading FILE; its metadata fills the flags
    /// not given (--url becomes its canonical address).
    #[arg(long, value_name = "URL")]
    pub fetch: Option<String>,
    /// Let --fetch reach loopback, private and other local addresses (an intranet, tests).
    #[arg(long)]
    pub allow_private_addresses: bool,
    /// The article's address (its canonical URL). An existing source with this URL is reused.
    #[arg(long, required_unless_present = "fetch")]
    pub url: Option<String>,
    /// The article's author.
    #[arg(long)]
    pub author: Option<String>,
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
    /// Add every candidate as a new claim, even one that says the same as a claim already in the
    /// archive. Without it, a candidate near-certainly repeating an existing claim (90% alike or
    /// more, as the browser's review preselects) becomes a repetition of that claim.
    #[arg(long)]
    pub no_repeats: bool,
}

/// `claimtrack import`: accepts every candidate that has a speaker, in one transaction.
pub async fn import_command(db_path: &app::ssr::db::Target, args: ImportArgs) -> anyhow::Result<()> {
    let (text, fetched) = match (&args.fetch, &args.file) {
        (Some(address), _) => {
            let article = fetch_article(address, args.allow_private_addresses).await?;
            (normalise_article(&article.text), article)
        }
        (None, Some(file)) => (normalise_article(&read_text(file)?), Article::default()),
        (None, None) => bail!("give FILE, or --fetch URL"),
    };
    let name = args
        .fetch
        .clone()
        .unwrap_or_else(|| args.file.as_deref().unwrap_or(Path::new("-")).display().to_string());
    let found = extract::extract(&text).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
    let today = chrono::Utc::now().date_naive();
    // A flag given wins over what the page says.
    let or = |flag: &Option<String>, found: String| flag.clone().unwrap_or(found);
    let form = SourceForm {
        url: or(&args.url, fetched.url),
        title: or(&args.title, fetched.title),
        outlet: or(&args.outlet, fetched.outlet),
        author: or(&args.author, fetched.author),
        published_on: or(&args.date, fetched.published_on.map(|d| d.to_string()).unwrap_or_default()),
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
    let mut accepted: Vec<Accepted> = with_speaker
        .iter()
        .map(|c| Accepted {
            kind: c.kind.into(),
            text: c.text.clone(),
            speaker: c.speaker.clone().unwrap_or_default(),
            said_on,
            quantity: c.quantity.clone().map(Into::into),
            span: Some(c.span),
            confidence: Some(c.confidence),
            repeat_of: None,
        })
        .collect();
    if args.dry_run {
        print!("{}", extract::listing(&with_speaker));
        // Only an archive that exists can be repeated; a dry run neither creates nor migrates one.
        if !args.no_repeats && archive_exists(db_path) {
            match app::ssr::db::Db::connect(db_path).await {
                Ok(db) => {
                    let repeats = mark_repeats(&db, &mut accepted).await;
                    db.close().await;
                    match repeats {
                        Ok(lines) => print!("{lines}"),
                        Err(e) => println!("Repeats were not looked for: {e}"),
                    }
                }
                Err(e) => println!("Repeats were not looked for: {e}"),
            }
        }
        println!(
            "\nDry run: nothing was added. {} candidate(s) have no speaker and would be skipped.",
            without.len()
        );
        return Ok(());
    }
    if accepted.is_empty() {
        bail!("no candidate with a speaker was found; nothing to add (review the article at /import)");
    }
    let db = crate::cli::open(db_path).await?;
    if !args.no_repeats {
        print!("{}", mark_repeats(&db, &mut accepted).await?);
    }
    let editor = app::ssr::editing::import::cli_editor(&db).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    // The text's version records the address it was fetched from (the page's own, before any
    // redirect to its canonical address).
    let fetched_from = args.fetch.as_deref();
    let result =
        app::ssr::editing::import::accept(&db, editor, &source, &accepted, args.publish, fetched_from).await;
    db.close().await;
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

/// Whether the archive to look for repeats in is there: a server, or a file that exists.
fn archive_exists(target: &app::ssr::db::Target) -> bool {
    match target {
        app::ssr::db::Target::File(path) => path.exists(),
        app::ssr::db::Target::Postgres(_) => true,
    }
}

/// Marks each candidate that near-certainly repeats an existing claim as a repetition of it (the
/// browser's review preselects the same ones), and says which, one line each.
async fn mark_repeats(db: &app::ssr::db::Db, accepted: &mut [Accepted]) -> anyhow::Result<String> {
    let probes: Vec<_> = accepted.iter().map(Accepted::probe).collect();
    let suggestions = app::ssr::repeats::suggest_each(db, &probes)
        .await
        .map_err(|e| anyhow::anyhow!("cannot look for repeats: {e}"))?;
    let mut lines = String::new();
    for (candidate, offered) in accepted.iter_mut().zip(suggestions) {
        let Some(best) = offered.into_iter().find(|s| s.is_near_certain()) else { continue };
        lines.push_str(&format!(
            "{} repeats claim {} by {} ({:.0}% alike): “{}”\n",
            candidate.speaker,
            best.claim.public_id,
            best.claim.speaker.name,
            best.score * 100.0,
            clipped(&best.claim.text),
        ));
        candidate.repeat_of = Some(best.claim.public_id);
    }
    Ok(lines)
}

/// A claim's words, at most 80 characters, for one line.
fn clipped(text: &str) -> String {
    match text.char_indices().nth(80) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// The command-line flag for a source field.
fn flag(field: &str) -> &str {
    match field {
        "published_on" => "date",
        "body" => "file",
        other => other,
    }
}
