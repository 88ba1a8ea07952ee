//! `claimtrack similar`: the existing claims a claim repeats, as the import review and the claim
//! form suggest them — for scripts, and for the matcher's benchmark (`server/bench/repeats.sh`).
//! Each line of standard input is one claim as JSON; each line of output its suggestions.

use app::model::repeats::Probe;
use clap::Args;
use serde::Serialize;
use std::io::{BufRead, Write};
use std::time::Instant;

#[derive(Debug, Args)]
pub struct SimilarArgs {
    /// Add to each answer how long finding its suggestions took ("ms").
    #[arg(long)]
    pub timings: bool,
}

/// One suggestion as printed.
#[derive(Serialize)]
struct Printed {
    id: String,
    text: String,
    speaker: String,
    said_on: chrono::NaiveDate,
    status: Option<app::model::Status>,
    score: f64,
    same_figure: bool,
}

#[derive(Serialize)]
struct Answer {
    suggestions: Vec<Printed>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ms: Option<f64>,
}

/// Reads probes (`{"kind": "quote"|"numeric", "text": …, "quantity": {"value", "unit", …}?,
/// "said_on": "YYYY-MM-DD"?}`), one a line, and prints each one's suggestions as a JSON line.
/// A line that is not such an object is refused with its line number.
pub async fn similar_command(db_path: &app::ssr::db::Target, args: SimilarArgs) -> anyhow::Result<()> {
    let db = crate::cli::open(db_path).await?;
    let result = answer_all(&db, &args).await;
    db.close().await;
    result
}

async fn answer_all(db: &app::ssr::db::Db, args: &SimilarArgs) -> anyhow::Result<()> {
    let matcher = app::ssr::repeats::Matcher::new(db).await.map_err(|e| anyhow::anyhow!("{e}"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for (n, line) in std::io::stdin().lock().lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let probe: Probe = serde_json::from_str(&line).map_err(|e| {
            anyhow::anyhow!(
                "line {}: {e} (expected {{\"kind\": \"quote\" or \"numeric\", \"text\": \"…\"}}, optionally \"quantity\" and \"said_on\")",
                n + 1
            )
        })?;
        anyhow::ensure!(
            probe.text.chars().count() <= app::model::forms::claim::TEXT_MAX,
            "line {}: the text is longer than a claim may be ({} characters)",
            n + 1,
            app::model::forms::claim::TEXT_MAX
        );
        let started = Instant::now();
        let found = matcher.suggest(&probe).await.map_err(|e| anyhow::anyhow!("{e}"))?;
        let ms = args.timings.then(|| started.elapsed().as_secs_f64() * 1000.0);
        let suggestions = found
            .into_iter()
            .map(|s| Printed {
                id: s.claim.public_id,
                text: s.claim.text,
                speaker: s.claim.speaker.name,
                said_on: s.claim.said_on,
                status: s.claim.status,
                score: (s.score * 1000.0).round() / 1000.0,
                same_figure: s.same_figure,
            })
            .collect();
        serde_json::to_writer(&mut out, &Answer { suggestions, ms })?;
        writeln!(out)?;
    }
    Ok(())
}
