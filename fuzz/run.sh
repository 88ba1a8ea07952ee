#!/usr/bin/env bash
# Runs the cargo fuzz targets (fuzz/fuzz_targets): `smoke` runs each a fixed number of times
# (FUZZ_RUNS, default 20000) as part of `make test`; `long` runs each for FUZZ_SECONDS (default
# 600). Seeds come from the extractor's annotated corpus. A crash stops with the input saved under
# target/fuzz/artifacts/<target>/; turn it into a regression test beside the code it broke.
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-smoke}"
# cargo fuzz passes unstable compiler flags; the stable toolchain accepts them with this set.
export RUSTC_BOOTSTRAP=1
out="$PWD/target/fuzz"
flags=(--sanitizer none --target-dir "$out")
targets=(extract figure form_decoding)

cargo fuzz build "${flags[@]}" >/dev/null

seed() {
  local dir="$out/corpus/$1"
  mkdir -p "$dir"
  case "$1" in
    extract) cp extract/corpus/*.txt extract/corpus-real/*.txt "$dir/" ;;
    figure) i=0; while IFS= read -r line; do i=$((i + 1)); printf '%s' "$line" > "$dir/line-$i"; done \
      < <(cat extract/corpus/*.txt extract/corpus-real/*.txt) ;;
    form_decoding)
      printf 'kind=numeric&text=Prices+rose&speaker=X&said_on=2024-01-02&quantity_value=25&quantity_unit=percent' > "$dir/claim"
      printf 'url=https%%3A%%2F%%2Fexample.org&title=T&outlet=O&published_on=2024-01-02&body=x' > "$dir/source"
      printf 'candidates=2&pick=0&pick=1&c0_kind=quote&c0_text=a&c0_speaker=b&c0_start=0&c0_end=1&text=ab' > "$dir/review"
      printf 'basis=3&rating=false&attribution=altered&verdict=No&evidence_url=https%%3A%%2F%%2Fa.example&evidence_title=A&evidence_note=n&note=x' > "$dir/ruling"
      printf 'action=assign&claim=ckmxx4ey&claim=hx31a8x9&assignee=maria&reason=' > "$dir/bulk"
      printf 'ruling=3&decision=send_back&note=Cite+the+source' > "$dir/sign-off" ;;
  esac
  echo "$dir"
}

for target in "${targets[@]}"; do
  corpus="$(seed "$target")"
  mkdir -p "$out/artifacts/$target"
  if [ "$mode" = long ]; then
    limit="-max_total_time=${FUZZ_SECONDS:-600}"
  else
    limit="-runs=${FUZZ_RUNS:-20000}"
  fi
  echo "fuzz $target ($mode)…"
  log="$out/$target.log"
  status=0
  cargo fuzz run "${flags[@]}" "$target" "$corpus" -- "$limit" -max_len=20000 \
    -artifact_prefix="$out/artifacts/$target/" -print_final_stats=1 > "$log" 2>&1 || status=$?
  grep -E '^(stat::number_of_executed_units|stat::peak_rss|==|SUMMARY|thread|panicked)' "$log" || true
  if [ "$status" -ne 0 ]; then
    tail -40 "$log"
    echo "fuzz $target failed (exit $status): the input is in $out/artifacts/$target/"
    exit 1
  fi
done
