#!/usr/bin/env bash
# The attack benchmark: a reader's home page and a frequent-word search, measured with wrk from
# 127.0.0.1, first undisturbed, then while one anonymous host (127.0.0.3) floods the server with
# POSTs, DELETEs and PUTs and another (127.0.0.4) holds 600 stalled uploads, opening new ones as
# the server closes them; a third (127.0.0.5) times /healthz every 20 ms throughout (attack.py).
# Target: each page keeps at least half its undisturbed throughput; /healthz answers within 100 ms.
#
# The attackers stand for other machines, so they must not take the server's CPU: with two or more
# cores (BENCH_PIN=true, the default), the server and wrk share the first core and the attackers
# and the probe get the second, in the undisturbed runs and under attack alike. What the readers
# lose then is what handling the attack costs the server. BENCH_PIN=false shares every core.
# Usage: make bench-attack [BENCH_CLAIMS=100000] — writes target/bench/report-<claims>-attack.md.
set -euo pipefail
source "$(dirname "$0")/common.sh"
DURATION="${BENCH_SECONDS:-10}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
REPORT="$DIR/report-$CLAIMS-attack.md"
ATTACK="$(dirname "$0")/attack.py"

PIN="${BENCH_PIN:-true}"
if [ "$PIN" = true ] && [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  server_cpu=(taskset -c 0); attacker_cpu=(taskset -c 1); placement="server and wrk on core 0, attackers and probe on core 1"
else
  server_cpu=(); attacker_cpu=(); placement="all processes on all cores"
fi

RUST_LOG=error "${server_cpu[@]}" "$BIN" --db "$DB" serve --addr "127.0.0.1:$PORT" >/dev/null 2>"$DIR/server-attack.log" &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
base="http://127.0.0.1:$PORT"
until curl -sf "$base/readyz" >/dev/null; do sleep 0.01; done

pages=("home|/" "frequent-word search|/?q=government")
measure() {  # path → "req/s p99"
  local out
  out=$("${server_cpu[@]}" wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base$1")
  echo "$(echo "$out" | awk '/Requests\/sec/ {printf "%.0f", $2}') $(echo "$out" | awk '$1=="99%" {print $2}' | to_ms)"
}

declare -A calm
for entry in "${pages[@]}"; do
  path="${entry#*|}"
  "${server_cpu[@]}" wrk -t2 -c"$CONNECTIONS" -d2s "$base$path" >/dev/null  # warm-up
  calm[$path]=$(measure "$path")
done
calm_probe=$("${attacker_cpu[@]}" python3 "$ATTACK" probe 127.0.0.5 "$PORT" 3 /healthz)

# The attack runs for both pages' measurements, with a second's start.
attack_seconds=$(( (DURATION + 3) * ${#pages[@]} + 2 ))
"${attacker_cpu[@]}" python3 "$ATTACK" flood 127.0.0.3 "$PORT" "$attack_seconds" 8 > "$DIR/attack-flood.json" &
FLOOD=$!
"${attacker_cpu[@]}" python3 "$ATTACK" stall 127.0.0.4 "$PORT" "$attack_seconds" 600 > "$DIR/attack-stall.json" &
STALL=$!
"${attacker_cpu[@]}" python3 "$ATTACK" probe 127.0.0.5 "$PORT" "$attack_seconds" /healthz > "$DIR/attack-probe.json" &
PROBE=$!
sleep 2
declare -A attacked
for entry in "${pages[@]}"; do
  path="${entry#*|}"
  attacked[$path]=$(measure "$path")
  sleep 1
done
wait $FLOOD $STALL $PROBE

{
  echo "# claimtrack under attack — $CLAIMS claims"
  echo
  echo "$(date -u +%Y-%m-%d), $(nproc) cores, wrk -t2 -c$CONNECTIONS -d${DURATION}s from 127.0.0.1, page cache on."
  echo "Attackers: one host flooding anonymous POST/DELETE/PUT over 8 keep-alive connections,"
  echo "another holding 600 stalled uploads (reopened as they are closed), a third timing /healthz."
  echo "Placement: $placement."
  echo
  echo "| page | undisturbed req/s (p99 ms) | under attack req/s (p99 ms) | kept |"
  echo "|---|---:|---:|---:|"
  for entry in "${pages[@]}"; do
    name="${entry%%|*}"; path="${entry#*|}"
    read -r c_rps c_p99 <<<"${calm[$path]}"
    read -r a_rps a_p99 <<<"${attacked[$path]}"
    kept=$(awk -v a="$a_rps" -v c="$c_rps" 'BEGIN {printf "%.2f", a/c}')
    echo "| $name | $c_rps ($c_p99) | $a_rps ($a_p99) | $kept |"
  done
  echo
  echo "/healthz, undisturbed: \`$calm_probe\`"
  echo
  echo "/healthz, under attack: \`$(cat "$DIR/attack-probe.json")\`"
  echo
  echo "Flood: \`$(cat "$DIR/attack-flood.json")\`"
  echo
  echo "Stalled uploads: \`$(cat "$DIR/attack-stall.json")\`"
  echo
  echo "Server memory at the end (RSS): $(( $(ps -o rss= -p "$SERVER" | tr -d ' ') / 1024 )) MB."
} > "$REPORT"
cat "$REPORT"
