#!/usr/bin/env bash
# How long the extractor takes on a long article: the annotated corpus repeated into one text of
# at least 10,000 words, run through `claimtrack extract` (release build) RUNS times. The times
# are whole processes (start-up, reading, extraction, printing JSON), so extraction alone is less.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin="${CLAIMTRACK_BIN:-target/release/claimtrack}"
runs="${RUNS:-30}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
article="$tmp/article.txt"
: > "$article"
while [ "$(wc -w < "$article")" -lt 10000 ]; do
  cat extract/corpus/*.txt >> "$article"
done
words=$(wc -w < "$article")
candidates=$("$bin" extract "$article" --format json | grep -c '"kind"')
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  "$bin" extract "$article" --format json > /dev/null
  end=$(date +%s%N)
  times+=($(( (end - start) / 1000 )))
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
max=${sorted[$(( runs - 1 ))]}
printf 'extract: %d words, %d candidates, %d runs: median %.1f ms, slowest %.1f ms (whole process)\n' \
  "$words" "$candidates" "$runs" "$(echo "$median / 1000" | bc -l)" "$(echo "$max / 1000" | bc -l)"
