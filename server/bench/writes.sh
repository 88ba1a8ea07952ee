#!/usr/bin/env bash
# The write benchmark: status changes through the editors' form — session cookie, CSRF token, the
# same transaction an editor's click runs (verification, revision, kept counts, search index) —
# as fast as four connections can send them: alone, then while eight readers load the home page
# (and those readers alone, for comparison). Every write empties the page cache, so the readers
# measure rendering under writes, not the cache.
# Usage: make bench-writes [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-writes.md.
# It runs on a copy of the benchmark database, so the page benchmark's data stay as generated.
set -euo pipefail
source "$(dirname "$0")/common.sh"
DURATION="${BENCH_WRITE_SECONDS:-10}"
SOURCE_DB="$DB"
DB="$DIR/writes-$CLAIMS.db"
REPORT="$DIR/report-$CLAIMS-writes.md"
IDS="$DIR/writes-$CLAIMS-ids.txt"
rm -f "$DB" "$DB-wal" "$DB-shm"
cp "$SOURCE_DB" "$DB"
[ -f "$SOURCE_DB-wal" ] && cp "$SOURCE_DB-wal" "$DB-wal"

# Claims nobody has rated yet (so each form says seen=0), more than the run can use.
"$BIN" --db "$DB" export --format jsonl \
  | python3 -c '
import json, sys
wanted = 60000  # half for each run: more than a run uses from 100,000 claims up
for line in sys.stdin:
    claim = json.loads(line)
    if claim["status"] == "unverified":
        print(claim["id"])
        wanted -= 1
        if wanted == 0:
            break
' > "$IDS" || true

password=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
echo "$password" | "$BIN" --db "$DB" user add bench-editor --role editor --password-stdin >/dev/null

RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --max-in-flight 4096 >/dev/null 2>"$DIR/server-writes.log" &
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

verified_before=$(curl -s "$base/api/v1/claims" | python3 -c 'import json,sys; c=json.load(sys.stdin)["status_counts"]; print(sum(v for k, v in c.items() if k != "unverified"))')
wrk -t1 -c8 -d2s "$base/" >/dev/null  # warm-up
readers_alone=$(wrk -t1 -c8 -d"${DURATION}s" --latency "$base/")
write_load() {
  BENCH_IDS="$IDS" BENCH_ID_OFFSET="$1" BENCH_CSRF="$csrf" BENCH_SESSION="$session" BENCH_ORIGIN="$base" \
    wrk -t1 -c4 -d"${DURATION}s" --latency -s server/bench/writes.lua "$base"
}
writes_alone=$(write_load 0)
readers_file=$(mktemp)
wrk -t1 -c8 -d"${DURATION}s" --latency "$base/" > "$readers_file" &
READERS=$!
writes=$(write_load $(( $(wc -l < "$IDS") / 2 )))  # the second half of the ids
wait $READERS
readers_during=$(cat "$readers_file"); rm -f "$readers_file"
verified_after=$(curl -s "$base/api/v1/claims" | python3 -c 'import json,sys; c=json.load(sys.stdin)["status_counts"]; print(sum(v for k, v in c.items() if k != "unverified"))')

{
  echo "# claimtrack write benchmark — $CLAIMS claims"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, ${DURATION}s each: wrk -t1 -c4 posting status changes (writes.lua), wrk -t1 -c8 reading the home page."
  echo
  echo "| load | req/s | p50 ms | p99 ms | refused |"
  echo "|---|---:|---:|---:|---:|"
  echo "| status changes alone | $(rps "$writes_alone") | $(field "$writes_alone" 50%) | $(field "$writes_alone" 99%) | $(errors "$writes_alone") |"
  echo "| status changes, with the readers | $(rps "$writes") | $(field "$writes" 50%) | $(field "$writes" 99%) | $(errors "$writes") |"
  echo "| home page, readers during the writes | $(rps "$readers_during") | $(field "$readers_during" 50%) | $(field "$readers_during" 99%) | $(errors "$readers_during") |"
  echo "| home page, readers alone | $(rps "$readers_alone") | $(field "$readers_alone" 50%) | $(field "$readers_alone" 99%) | $(errors "$readers_alone") |"
  echo
  echo "Claims with a verdict: $verified_before before, $verified_after after ($((verified_after - verified_before)) status changes committed)."
} > "$REPORT"
cat "$REPORT"
