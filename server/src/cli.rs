//! The command line. Every flag can also be set from the environment (`CLAIMTRACK_…`).

use anyhow::Context;
use app::ssr::{db, demo};
use clap::{Args, Parser, Subcommand};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

/// claimtrack tracks quotes and numeric claims made in the news: who said them, where they
/// appeared, and whether they hold up.
#[derive(Debug, Parser)]
#[command(name = "claimtrack", version)]
pub struct Cli {
    /// The database: a SQLite file (created and migrated if it does not exist) or a
    /// `postgres://` URL.
    #[arg(long, global = true, env = "CLAIMTRACK_DB", default_value = "claimtrack.db", value_parser = parse_target)]
    pub db: db::Target,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the web application (the default command).
    Serve(ServeArgs),
    /// Create the database if needed and apply any pending schema migrations, then exit.
    Migrate,
    /// Load the demo data (claims from one news story) into an empty database, then exit.
    Demo,
    /// Write a consistent copy of the database to FILE, safely while it is being served
    /// (`pg_dump --format=custom` on PostgreSQL).
    Backup {
        /// Where to write the backup (must not exist yet).
        file: PathBuf,
    },
    /// Copy a whole archive into a new database, SQLite file or `postgres://` URL either way,
    /// checked table by table (rows and a checksum) before it is committed.
    Copy(crate::copy_cli::CopyArgs),
    /// Export every claim as CSV or JSON lines, to a file or standard output.
    Export {
        /// `csv` (RFC 4180, safe to open in a spreadsheet) or `jsonl` (one JSON object a line).
        #[arg(long, value_parser = ["csv", "jsonl"], default_value = "csv")]
        format: String,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
        /// The site's public URL, for the claims' permalinks.
        #[arg(long, env = "CLAIMTRACK_SITE_URL", default_value = "http://127.0.0.1:3000")]
        site_url: String,
    },
    /// Generate a large, realistic, deterministic database for benchmarks (see `make bench`).
    BenchData {
        /// How many claims (1 to 10,000,000; a million take about 4 minutes).
        #[arg(long, default_value_t = 100_000, value_parser = clap::value_parser!(u64).range(1..=10_000_000))]
        claims: u64,
        /// The database file to create (must not exist), or an empty PostgreSQL database's URL.
        #[arg(long, value_parser = parse_target)]
        out: db::Target,
        /// The random seed: the same seed makes the same database.
        #[arg(long, default_value_t = 2022)]
        seed: u64,
    },
    /// Manage editor and admin accounts: add, passwd, list, disable.
    #[command(subcommand)]
    User(crate::users_cli::UserCommand),
    /// Find the quotes and numeric claims in an article's text (FILE, or - for standard input),
    /// or in the article at an address (--fetch URL).
    Extract(crate::import_cli::ExtractArgs),
    /// Add an article's quotes and numeric claims (those with a speaker) in one transaction.
    Import(crate::import_cli::ImportArgs),
    /// Fetch sources' addresses again; keep a changed text as a new version, its claims found
    /// again in it, and report what changed.
    Recheck(crate::recheck_cli::RecheckArgs),
    /// Find the existing claims each claim on standard input repeats (one JSON object a line:
    /// {"kind": "quote", "text": "…"}, optionally "quantity" and "said_on"), as the import review
    /// suggests them; prints one JSON line of suggestions each.
    Similar(crate::similar_cli::SimilarArgs),
}

#[derive(Debug, Args, Clone)]
pub struct ServeArgs {
    /// The address and port to listen on.
    #[arg(long, env = "CLAIMTRACK_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,

    /// Load the demo data first if the database has no claims.
    #[arg(long, env = "CLAIMTRACK_DEMO")]
    pub demo: bool,

    /// The public URL of the site, for absolute links (e.g. https://claims.example.org).
    /// Defaults to http:// and the listening address.
    #[arg(long, env = "CLAIMTRACK_SITE_URL")]
    pub site_url: Option<String>,

    /// The organisation publishing the fact-checks, named as the author of every ClaimReview.
    #[arg(long, env = "CLAIMTRACK_ORG_NAME", default_value = "claimtrack")]
    pub org_name: String,

    /// Requests handled at once; past this, new ones get 503 with Retry-After.
    #[arg(long, env = "CLAIMTRACK_MAX_IN_FLIGHT", default_value_t = crate::http::DEFAULT_MAX_IN_FLIGHT)]
    pub max_in_flight: usize,

    /// Requests handled at once from one client address; past this, new ones get 429.
    #[arg(long, env = "CLAIMTRACK_MAX_PER_CLIENT", default_value_t = crate::http::DEFAULT_MAX_PER_CLIENT as u32,
          value_parser = clap::value_parser!(u32).range(1..=100_000))]
    pub max_per_client: u32,

    /// Seconds a client has to send a request's headers; an idle connection is closed after as long.
    #[arg(long, env = "CLAIMTRACK_HEADER_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub header_timeout: u64,

    /// Seconds a request body may pause; past this, the request ends with 408.
    #[arg(long, env = "CLAIMTRACK_BODY_TIMEOUT", default_value_t = 10,
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub body_timeout: u64,

    /// A reverse proxy (address or block, e.g. 10.0.0.0/8) whose X-Forwarded-For names the
    /// client. Repeat for several; without it, the header is ignored.
    #[arg(long = "trusted-proxy", env = "CLAIMTRACK_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxies: Vec<crate::http::client::Cidr>,

    /// Keep readers' pages as rendered until something changes (`false` renders every request;
    /// the benchmark measures both).
    #[arg(long, env = "CLAIMTRACK_PAGE_CACHE", default_value_t = true, action = clap::ArgAction::Set)]
    pub page_cache: bool,

    /// How many editors other than its author must approve a ruling before it is published
    /// (0: a one-person desk publishes its own rulings).
    #[arg(long, env = "CLAIMTRACK_SIGN_OFFS", default_value_t = app::ssr::state::DEFAULT_SIGN_OFFS,
          value_parser = clap::value_parser!(u32).range(0..=5))]
    pub sign_offs: u32,

    /// The relative distance from the record (percent) up to which a numeric claim's ruling is
    /// suggested "mostly true", then "misleading"; past both, "false". A suggestion only.
    #[arg(long, env = "CLAIMTRACK_RATING_TOLERANCES", default_value = "20,50",
          value_parser = |s: &str| app::model::comparison::Tolerances::parse(s))]
    pub rating_tolerances: app::model::comparison::Tolerances,

    /// Seconds to let in-flight requests finish after Ctrl-C or SIGTERM.
    #[arg(long, env = "CLAIMTRACK_SHUTDOWN_GRACE", default_value_t = 10)]
    pub shutdown_grace: u64,

    /// Let /import fetch articles from loopback, private and other local addresses (an intranet,
    /// tests). Off by default: a named page must not reach into the server's own network.
    #[arg(long, env = "CLAIMTRACK_ALLOW_PRIVATE_ADDRESSES")]
    pub allow_private_addresses: bool,
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            addr: SocketAddr::from(([127, 0, 0, 1], 3000)),
            demo: false,
            site_url: None,
            org_name: "claimtrack".to_owned(),
            max_in_flight: crate::http::DEFAULT_MAX_IN_FLIGHT,
            max_per_client: crate::http::DEFAULT_MAX_PER_CLIENT as u32,
            header_timeout: 10,
            body_timeout: 10,
            trusted_proxies: Vec::new(),
            page_cache: true,
            sign_offs: app::ssr::state::DEFAULT_SIGN_OFFS,
            rating_tolerances: app::model::comparison::Tolerances::default(),
            shutdown_grace: 10,
            allow_private_addresses: false,
        }
    }
}

/// Runs the chosen command.
pub async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command.unwrap_or(Command::Serve(ServeArgs::default())) {
        Command::Serve(args) => crate::serve::serve(&cli.db, args).await,
        Command::Extract(args) => crate::import_cli::extract_command(args).await,
        Command::Import(args) => crate::import_cli::import_command(&cli.db, args).await,
        Command::Recheck(args) => crate::recheck_cli::recheck_command(&cli.db, args).await,
        Command::Similar(args) => crate::similar_cli::similar_command(&cli.db, args).await,
        Command::Copy(args) => crate::copy_cli::copy_command(args).await,
        Command::Migrate => {
            let db = open(&cli.db).await?;
            db.close().await;
            println!("{}: schema is up to date", cli.db.display());
            Ok(())
        }
        Command::Backup { file } => {
            let db = open(&cli.db).await?;
            let result = crate::backup::run(&db, &file).await;
            db.close().await;
            result
        }
        Command::Export { format, out, site_url } => {
            let db = open(&cli.db).await?;
            let format = if format == "jsonl" {
                crate::http::export::Format::Jsonl
            } else {
                crate::http::export::Format::Csv
            };
            let state = app::ssr::AppState::new(db.clone(), &site_url);
            let result = write_export(state, format, out.as_deref()).await;
            db.close().await;
            result
        }
        Command::BenchData { claims, out, seed } => {
            if let db::Target::File(file) = &out {
                if file.exists() {
                    anyhow::bail!("{} already exists; bench-data only creates new files", file.display());
                }
            }
            let started = std::time::Instant::now();
            let db = open(&out).await?;
            if !db::claims::none_yet(&db).await.map_err(|e| anyhow::anyhow!("{e}"))? {
                anyhow::bail!(
                    "{} already has claims; bench-data only fills an empty database",
                    out.display()
                );
            }
            let made =
                db::bench::generate(&db, claims as usize, seed).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            db.close().await;
            println!(
                "{}: {} claims, {} speakers, {} sources, {} rulings in {:.1} s (rare search word: {})",
                out.display(),
                made.claims,
                made.speakers,
                made.sources,
                made.rulings,
                started.elapsed().as_secs_f64(),
                db::bench::RARE_WORD
            );
            Ok(())
        }
        Command::User(command) => {
            let db = open(&cli.db).await?;
            let result = crate::users_cli::run(&db, command).await;
            db.close().await;
            result
        }
        Command::Demo => {
            let db = open(&cli.db).await?;
            let loaded = demo::load_if_empty(&db).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            db.close().await;
            match loaded {
                demo::Loaded::Claims(n) => {
                    println!("{}: loaded the demo data ({n} claims)", cli.db.display());
                    Ok(())
                }
                demo::Loaded::SkippedNotEmpty => anyhow::bail!(
                    "{} already has claims; the demo data is only loaded into an empty database \
                     (use --db to name a new file)",
                    cli.db.display()
                ),
            }
        }
    }
}

/// `--db`: any text is accepted; the scheme decides between a file and a server.
fn parse_target(value: &str) -> Result<db::Target, String> {
    Ok(db::Target::parse(value))
}

/// Opens the database and applies pending migrations. A migration failure stops the program.
pub async fn open(target: &db::Target) -> anyhow::Result<db::Db> {
    let db = db::Db::connect(target)
        .await
        .with_context(|| format!("cannot open the database {}", target.display()))?;
    db.migrate().await.with_context(|| format!("cannot migrate the database {}", target.display()))?;
    Ok(db)
}

/// Streams the export to `out` (written to a temporary file, then renamed, so that a failed
/// export never leaves a partial file under the final name) or to standard output.
async fn write_export(
    state: app::ssr::AppState,
    format: crate::http::export::Format,
    out: Option<&Path>,
) -> anyhow::Result<()> {
    use futures_util::StreamExt;
    use std::io::Write;
    let mut chunks = std::pin::pin!(crate::http::export::chunks(state, format));
    match out {
        Some(path) => {
            let partial = path.with_extension("partial");
            let mut file = std::io::BufWriter::new(
                std::fs::File::create(&partial)
                    .with_context(|| format!("cannot write {}", partial.display()))?,
            );
            let mut bytes = 0usize;
            while let Some(chunk) = chunks.next().await {
                let chunk = chunk?;
                bytes += chunk.len();
                file.write_all(chunk.as_bytes())?;
            }
            file.into_inner().map_err(|e| e.into_error())?.sync_all()?;
            std::fs::rename(&partial, path)?;
            eprintln!("wrote {} ({bytes} bytes)", path.display());
        }
        None => {
            let stdout = std::io::stdout();
            let mut lock = stdout.lock();
            while let Some(chunk) = chunks.next().await {
                lock.write_all(chunk?.as_bytes())?;
            }
        }
    }
    Ok(())
}
