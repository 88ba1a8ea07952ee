#!/usr/bin/env bash
# The write benchmark: rulings published through the editors' forms — session cookie, CSRF token,
# the same transactions an editor's clicks run (the ruling and its evidence, the claim's public
# status, kept counts, search index, the desk's log) — on a one-person desk (`--sign-offs 0`, so
# each proposal is published at once), by four editors' connections at once: alone, then while
# eight readers load the home page (and those readers alone, for comparison). Every publication
# renews the page cache, so the readers measure rendering under writes, not the cache.
# Usage: make bench-writes [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-writes.md.
# It runs on a copy of the benchmark database, so the page benchmark's data stay as generated.
set -euo pipefail
source "$(dirname "$0")/common.sh"
DURATION="${BENCH_WRITE_SECONDS:-10}"
DB=$(clone_db "writes_$CLAIMS")
REPORT="$DIR/report-$CLAIMS-$BACKEND-writes.md"
IDS="$DIR/writes-$CLAIMS-ids.txt"

# Fifty fact-checks for each writing connection (writes.lua: one connection a thread).
"$BIN" --db "$DB" export --format jsonl \
  | python3 -c '
import json, sys
wanted = 200
for line in sys.stdin:
    claim = json.loads(line)
    if claim["status"] != "being_checked":
        print(claim["id"])
        wanted -= 1
        if wanted == 0:
            break
' > "$IDS" || true

password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" | "$BIN" --db "$DB" user add bench-editor --role editor --password-stdin >/dev/null

RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --max-in-flight 4096 --sign-offs 0 >/dev/null 2>"$DIR/server-writes.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
until curl -sf "$base/readyz" >/dev/null; do sleep 0.01; done

jar=$(mktemp)
curl -s -o /dev/null -c "$jar" -H "Origin: $base" --data "username=bench-editor&password=$password" "$base/login"
session=$(awk '$6 == "claimtrack_session" {print $7}' "$jar")
csrf=$(curl -s -b "$jar" "$base/" | grep -o 'name="csrf" value="[^"]*"' | head -1 | cut -d'"' -f4)
rm -f "$jar"
[ -n "$session" ] && [ -n "$csrf" ] || { echo "could not sign in the benchmark editor" >&2; exit 1; }

field() { echo "$1" | awk -v k="$2" '$1 == k {print $2}' | to_ms; }
rps() { echo "$1" | awk '/Requests\/sec/ {printf "%.0f", $2}'; }
errors() { echo "$1" | awk '/Non-2xx/ {print $NF; found=1} END {if (!found) print 0}'; }

published() { sql "SELECT count(*) FROM rulings WHERE published_at IS NOT NULL"; }
published_before=$(published)
wrk -t1 -c8 -d2s "$base/" >/dev/null  # warm-up
readers_alone=$(wrk -t1 -c8 -d"${DURATION}s" --latency "$base/")
write_load() {
  BENCH_IDS="$IDS" BENCH_CSRF="$csrf" BENCH_SESSION="$session" BENCH_ORIGIN="$base" \
    wrk -t4 -c4 -d"${DURATION}s" --latency -s server/bench/writes.lua "$base"
}
writes_alone=$(write_load)
published_alone=$(published)
readers_file=$(mktemp)
wrk -t1 -c8 -d"${DURATION}s" --latency "$base/" > "$readers_file" &
READERS=$!
writes=$(write_load)
wait $READERS
readers_during=$(cat "$readers_file"); rm -f "$readers_file"
published_after=$(published)

{
  echo "# claimtrack write benchmark — $CLAIMS claims on $BACKEND"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, ${DURATION}s each: wrk -t4 -c4 publishing rulings through the forms (writes.lua: form, take, propose), wrk -t1 -c8 reading the home page."
  echo
  echo "| load | req/s | p50 ms | p99 ms | refused | rulings published/s |"
  echo "|---|---:|---:|---:|---:|---:|"
  echo "| editors publishing, alone | $(rps "$writes_alone") | $(field "$writes_alone" 50%) | $(field "$writes_alone" 99%) | $(errors "$writes_alone") | $(( (published_alone - published_before) / DURATION )) |"
  echo "| editors publishing, with the readers | $(rps "$writes") | $(field "$writes" 50%) | $(field "$writes" 99%) | $(errors "$writes") | $(( (published_after - published_alone) / DURATION )) |"
  echo "| home page, readers during the writes | $(rps "$readers_during") | $(field "$readers_during" 50%) | $(field "$readers_during" 99%) | $(errors "$readers_during") | |"
  echo "| home page, readers alone | $(rps "$readers_alone") | $(field "$readers_alone" 50%) | $(field "$readers_alone" 99%) | $(errors "$readers_alone") | |"
  echo
  echo "Published rulings: $published_before before, $published_after after ($((published_after - published_before)) published; each took three requests)."
} > "$REPORT"
cat "$REPORT"
