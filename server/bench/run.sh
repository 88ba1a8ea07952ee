#!/usr/bin/env bash
# The benchmark: the release binary on a generated database, loaded from a second process with
# wrk. The baseline each page is compared to is the cheapest answer through the same layers
# (limits, headers, sessions, compression): /favicon.svg, a constant outside the page cache. /healthz
# is shown too: it is answered before every layer (so that a saturated server still reports its
# health), which makes it cheaper than anything a reader asks for.
# Usage: make bench [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-cache-<on|off>.md
# and prints it. BENCH_PAGE_CACHE=false measures every page rendered for every request (what a
# cache miss costs: the queries and the rendering); `make bench` runs both.
set -euo pipefail
source "$(dirname "$0")/common.sh"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
DURATION="${BENCH_SECONDS:-5}"
REPEATS="${BENCH_REPEATS:-3}"
PAGE_CACHE="${BENCH_PAGE_CACHE:-true}"
CACHE_LABEL=$([ "$PAGE_CACHE" = true ] && echo on || echo off)
REPORT="$DIR/report-$CLAIMS-$BACKEND-cache-$CACHE_LABEL.md"

# Start-up on the existing database: from launch until /readyz answers.
start_ns=$(date +%s%N)
RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --max-in-flight 4096 --page-cache "$PAGE_CACHE" >/dev/null 2>"$DIR/server.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null; do sleep 0.01; done
startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))

base="http://127.0.0.1:$PORT"
# Targets taken from the data itself, so that every run measures the same pages.
claim=$(curl -s "$base/api/v1/claims" | python3 -c 'import json,sys; print(json.load(sys.stdin)["claims"][0]["id"])')
speaker=$(sql "SELECT s.slug FROM speakers s JOIN claims c ON c.speaker_id = s.id GROUP BY s.id ORDER BY count(*) DESC LIMIT 1")
deep="/"
for _ in $(seq 1 25); do  # 25 pages down the list, following the Older links
  next=$(curl -s "$base/api/v1/claims${deep#/}" | python3 -c 'import json,sys; n=json.load(sys.stdin)["next"]; print(n[n.index("?"):] if n else "")')
  [ -n "$next" ] && deep="/$next"
done

pages=(
  "baseline (/favicon.svg)|/favicon.svg"
  "/healthz (before the layers)|/healthz"
  "home|/"
  "status filter|/?status=false"
  "rare-word search|/?q=quokkabond"
  "frequent-word search|/?q=government"
  "search + status|/?q=government&status=misleading"
  "deep page (25 down)|$deep"
  "permalink|/claims/$claim"
  "speaker page|/speakers/$speaker"
  "feed|/feed.atom"
  "API list|/api/v1/claims"
)


{
  echo "# claimtrack benchmark — $CLAIMS claims on $BACKEND, page cache $CACHE_LABEL"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s, median of $REPEATS runs after a warm-up; start-up on the existing database: ${startup_ms} ms."
  echo
  echo "| page | req/s | vs baseline | p50 ms | p99 ms | bytes |"
  echo "|---|---:|---:|---:|---:|---:|"
} > "$REPORT"

baseline=""
for entry in "${pages[@]}"; do
  name="${entry%%|*}"; path="${entry#*|}"
  wrk -t2 -c"$CONNECTIONS" -d2s "$base$path" >/dev/null  # warm-up
  rps=(); p50=(); p99=()
  for _ in $(seq 1 "$REPEATS"); do
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base$path")
    if echo "$out" | grep -q "Non-2xx"; then echo "$name: non-2xx answers" >&2; fi
    rps+=("$(echo "$out" | awk '/Requests\/sec/ {print $2}')")
    p50+=("$(echo "$out" | awk '$1=="50%" {print $2}' | to_ms)")
    p99+=("$(echo "$out" | awk '$1=="99%" {print $2}' | to_ms)")
  done
  r=$(printf '%s\n' "${rps[@]}" | median)
  [ -z "$baseline" ] && baseline="$r"
  ratio=$(awk -v r="$r" -v b="$baseline" 'BEGIN {printf "%.2f", r/b}')
  bytes=$(curl -s -o /dev/null -w '%{size_download}' "$base$path")
  echo "| $name | $(printf '%.0f' "$r") | $ratio | $(printf '%s\n' "${p50[@]}" | median) | $(printf '%s\n' "${p99[@]}" | median) | $bytes |" >> "$REPORT"
done

rss_kb=$(ps -o rss= -p "$SERVER" | tr -d ' ')
{
  echo
  echo "Server memory after the runs (RSS): $(( rss_kb / 1024 )) MB. Stylesheet: $(curl -s -o /dev/null -w '%{size_download}' "$base$(curl -s "$base/" | grep -o '/style/claimtrack[^"]*')") bytes."
} >> "$REPORT"
cat "$REPORT"
