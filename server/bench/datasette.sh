#!/usr/bin/env bash
# claimtrack against Datasette on the same generated database, in one run, with the same load
# generator: Datasette's table page, a filter and full-text searches (FTS5 set up the documented
# way, `sqlite-utils enable-fts`), against claimtrack's equivalent pages with its page cache (as it
# runs by default) and without it (every request rendered). Datasette shows 20 rows (`_size=20`),
# as claimtrack does.
# Usage: make bench-datasette [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-datasette.md.
set -euo pipefail
source "$(dirname "$0")/common.sh"
# Four connections, not the page benchmark's sixteen: Datasette takes about half a second per
# page here, and with sixteen connections queued on it every request outlived wrk's timeout.
CONNECTIONS="${BENCH_DATASETTE_CONNECTIONS:-4}"
DURATION="${BENCH_DATASETTE_SECONDS:-8}"
REPEATS="${BENCH_DATASETTE_REPEATS:-2}"
DATASETTE_VERSION=0.65.5
SQLITE_UTILS_VERSION=3.39
COPY="$DIR/datasette-$CLAIMS.db"
VENV="$DIR/datasette-venv"
REPORT="$DIR/report-$CLAIMS-datasette.md"
if [ ! -x "$VENV/bin/datasette" ]; then
  echo "Installing Datasette $DATASETTE_VERSION and sqlite-utils $SQLITE_UTILS_VERSION from PyPI…"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -q "datasette==$DATASETTE_VERSION" "sqlite-utils==$SQLITE_UTILS_VERSION" "pysqlite3-binary==0.5.4.post2"
fi

# Datasette's copy: the same tables and rows, without claimtrack's search index (a contentless
# FTS5 table newer than the Python sqlite3 module can read), with the index sqlite-utils builds.
if [ ! -f "$COPY" ]; then
  cp "$DB" "$COPY.tmp"
  [ -f "$DB-wal" ] && cp "$DB-wal" "$COPY.tmp-wal"
  # pysqlite3 bundles an SQLite new enough to drop claimtrack's index cleanly.
  "$VENV/bin/python" - "$COPY.tmp" <<'PY'
import sys
from pysqlite3 import dbapi2 as sqlite3
db = sqlite3.connect(sys.argv[1])
for kind, name in db.execute(
    "SELECT type, name FROM sqlite_master WHERE (type = 'trigger' AND sql LIKE '%claims_fts%') "
    "OR name = 'claim_search_documents'").fetchall():
    db.execute(f'DROP {kind.upper()} "{name}"')
db.execute("DROP TABLE claims_fts_instances")
db.execute("DROP TABLE claims_fts")
db.execute("PRAGMA journal_mode = DELETE")
db.commit()
db.execute("VACUUM")
db.close()
PY
  "$VENV/bin/sqlite-utils" enable-fts "$COPY.tmp" claims text --fts5 --create-triggers
  mv "$COPY.tmp" "$COPY"
fi

RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" --page-cache true >/dev/null 2>"$DIR/server-cached.log" &
CACHED=$!
RUST_LOG=warn "$BIN" --db "$DB" serve --addr "127.0.0.1:$((PORT + 1))" --page-cache false >/dev/null 2>"$DIR/server-uncached.log" &
UNCACHED=$!
"$VENV/bin/datasette" serve "$COPY" --port $((PORT + 2)) >/dev/null 2>"$DIR/datasette.log" &
DATASETTE=$!
trap 'kill $CACHED $UNCACHED $DATASETTE 2>/dev/null || true' EXIT
# Waits up to 60 s for a URL, or shows the server's log and stops.
wait_for() {
  for _ in $(seq 1 600); do curl -sf "$1" >/dev/null && return 0; sleep 0.1; done
  echo "no answer from $1:" >&2; cat "$2" >&2; exit 1
}
wait_for "http://127.0.0.1:$PORT/readyz" "$DIR/server-cached.log"
wait_for "http://127.0.0.1:$((PORT + 1))/readyz" "$DIR/server-uncached.log"
wait_for "http://127.0.0.1:$((PORT + 2))/-/versions.json" "$DIR/datasette.log"

table="/datasette-$CLAIMS/claims"
pages=(
  "list, newest first|/|$table?_size=20&_sort_desc=said_on"
  "status filter|/?status=false|$table?_size=20&_sort_desc=said_on&status=false"
  "frequent-word search|/?q=government|$table?_size=20&_search=government"
  "rare-word search|/?q=quokkabond|$table?_size=20&_search=quokkabond"
)

# Prints "req/s p99" (medians of the repetitions) for a URL.
measure() {
  wrk -t2 -c"$CONNECTIONS" -d2s "$1" >/dev/null
  local rps=() p99=() out
  for _ in $(seq 1 "$REPEATS"); do
    out=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency --timeout 30s "$1")
    if echo "$out" | grep -q "timeout"; then echo "$1: $(echo "$out" | grep -o 'timeout [0-9]*') requests timed out" >&2; fi
    if echo "$out" | grep -q "Non-2xx"; then echo "$1: non-2xx answers" >&2; fi
    rps+=("$(echo "$out" | awk '/Requests\/sec/ {print $2}')")
    p99+=("$(echo "$out" | awk '$1=="99%" {print $2}' | to_ms)")
  done
  echo "$(printf '%s\n' "${rps[@]}" | median) $(printf '%s\n' "${p99[@]}" | median)"
}

{
  echo "# claimtrack and Datasette $DATASETTE_VERSION — $CLAIMS claims"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s, median of $REPEATS runs after a warm-up, all three servers on the same machine and database; Datasette with its default settings."
  echo
  echo "| page | Datasette req/s (p99 ms) | claimtrack, page cache req/s (p99 ms) | ratio | claimtrack, every request rendered req/s (p99 ms) | ratio |"
  echo "|---|---:|---:|---:|---:|---:|"
} > "$REPORT"
for entry in "${pages[@]}"; do
  IFS='|' read -r name ours theirs <<< "$entry"
  read -r d_rps d_p99 <<< "$(measure "http://127.0.0.1:$((PORT + 2))$theirs")"
  read -r c_rps c_p99 <<< "$(measure "http://127.0.0.1:$PORT$ours")"
  read -r u_rps u_p99 <<< "$(measure "http://127.0.0.1:$((PORT + 1))$ours")"
  ratio() { awk -v a="$1" -v b="$d_rps" 'BEGIN {if (b > 0) printf "%.0f×", a/b; else print "∞ (no Datasette answer)"}'; }
  printf '| %s | %.1f (%s) | %.0f (%s) | %s | %.0f (%s) | %s |\n' "$name" "$d_rps" "$d_p99" "$c_rps" "$c_p99" \
    "$(ratio "$c_rps")" "$u_rps" "$u_p99" "$(ratio "$u_rps")" >> "$REPORT"
done
cat "$REPORT"
