//! How long extraction alone takes on a text: `cargo run --release -p claimtrack-extract
//! --example speed -- ARTICLE [RUNS]` prints the words, the candidates and the median and
//! slowest of RUNS extractions (default 30). `server/bench/extract.sh` times the whole command.

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: speed ARTICLE [RUNS]");
        std::process::exit(2);
    };
    let runs: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(30).max(1);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let mut times = Vec::with_capacity(runs);
    let mut candidates = 0;
    for _ in 0..runs {
        let start = Instant::now();
        candidates = claimtrack_extract::extract(&text).map_or(0, |found| found.len());
        times.push(start.elapsed().as_secs_f64() * 1000.0);
    }
    times.sort_by(f64::total_cmp);
    println!(
        "{} words, {candidates} candidates, {runs} runs: median {:.1} ms, slowest {:.1} ms",
        text.split_whitespace().count(),
        times[runs / 2],
        times[runs - 1]
    );
}
