#!/usr/bin/env bash
# One replica against two: `claimtrack serve` processes on the same PostgreSQL database (the
# benchmark's, see common.sh), readers spread evenly over them as a load balancer would, with
# the page cache on and off. On one machine the replicas share its cores with PostgreSQL and
# wrk, so this measures what a second process costs or gains here, not a second machine.
# Usage: make bench-replicas [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-replicas.md.
set -euo pipefail
BENCH_BACKEND=postgres
source "$(dirname "$0")/common.sh"
DURATION="${BENCH_SECONDS:-5}"
REPEATS="${BENCH_REPEATS:-3}"
REPORT="$DIR/report-$CLAIMS-replicas.md"
SERVERS=()
trap 'kill "${SERVERS[@]}" 2>/dev/null || true' EXIT

# Starts a replica on port $1 with the page cache $2 (true/false), and waits until it answers.
start() {
  RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$1" --max-in-flight 4096 --page-cache "$2" \
    >/dev/null 2>"$DIR/server-replica-$1.log" &
  SERVERS+=($!)
  until curl -sf "http://127.0.0.1:$1/readyz" >/dev/null; do sleep 0.01; done
}
stop_all() { kill "${SERVERS[@]}" 2>/dev/null || true; wait "${SERVERS[@]}" 2>/dev/null || true; SERVERS=(); }

# Requests per second over $1 connections in all, spread over the replicas on ports $3…, for path $2.
load() {
  local connections=$1 path=$2; shift 2
  local each=$(( connections / $# )) files=() loaders=() port f
  for port in "$@"; do
    f=$(mktemp); files+=("$f")
    wrk -t1 -c"$each" -d"${DURATION}s" "http://127.0.0.1:$port$path" >"$f" &
    loaders+=($!)
  done
  wait "${loaders[@]}"
  cat "${files[@]}" | awk '/Requests\/sec/ {s += $2} END {printf "%.0f", s}'
  rm -f "${files[@]}"
}

median_of() { for _ in $(seq 1 "$REPEATS"); do load "$@"; echo; done | median; }

{
  echo "# claimtrack replicas — $CLAIMS claims on PostgreSQL"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores shared by the replicas, PostgreSQL and wrk; 16 connections in all (wrk -t1 per replica), ${DURATION}s, median of $REPEATS."
  echo
  echo "| page | page cache | one replica req/s | two replicas req/s |"
  echo "|---|---|---:|---:|"
} >"$REPORT"
for cache in true false; do
  label=$([ "$cache" = true ] && echo on || echo off)
  for entry in "home|/" "frequent-word search|/?q=government"; do
    name="${entry%%|*}"; path="${entry#*|}"
    start "$PORT" "$cache"
    load 16 "$path" "$PORT" >/dev/null  # warm-up
    one=$(median_of 16 "$path" "$PORT")
    start $((PORT + 1)) "$cache"
    load 16 "$path" $((PORT + 1)) >/dev/null  # warm-up
    two=$(median_of 16 "$path" "$PORT" $((PORT + 1)))
    stop_all
    echo "| $name | $label | $one | $two |" >>"$REPORT"
  done
done
cat "$REPORT"
