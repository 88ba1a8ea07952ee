#!/usr/bin/env bash
# The repeats matcher's speed: suggestions for claims an editor might add, on the generated
# database (BENCH_CLAIMS, default 100000), through `claimtrack similar --timings` (the matcher
# the import review and the claim form use, without HTTP). Probes are taken from the data: an
# existing claim's exact words, the same words cut shorter, and the words with the figure
# changed (a near miss), for claims spread over the whole archive, published or in intake.
# Writes target/bench/report-<claims>-repeats.md and prints it.
set -euo pipefail
source "$(dirname "$0")/common.sh"
PROBES="${BENCH_REPEAT_PROBES:-300}"
REPORT="$DIR/report-$CLAIMS-repeats.md"
python3 - "$DB" "$PROBES" >"$DIR/repeat-probes.jsonl" <<'PY'
import json, sqlite3, sys
db, n = sys.argv[1], int(sys.argv[2])
con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
top = con.execute("SELECT max(id) FROM claims").fetchone()[0]
step = max(1, top // (n // 3 + 1))
rows = con.execute(
    "SELECT id, kind, text, quantity_value, quantity_unit, said_on FROM claims WHERE id % ? = 1 LIMIT ?",
    (step, n // 3),
).fetchall()
for id_, kind, text, value, unit, said_on in rows:
    quantity = {"value": value, "unit": unit} if kind == "numeric" else None
    base = {"kind": kind, "quantity": quantity, "said_on": said_on, "id": id_}
    words = text.split()
    print(json.dumps({**base, "case": "same", "text": text}))
    print(json.dumps({**base, "case": "cut", "text": " ".join(words[2:])}))
    if quantity:
        changed = {"value": value + 7, "unit": unit}
        print(json.dumps({**base, "quantity": changed, "case": "other figure",
                          "text": text.replace(f"{value:g}", f"{value + 7:g}")}))
    else:
        print(json.dumps({**base, "case": "other words", "text": " ".join(words[: len(words) // 2]) + " tomorrow never again"}))
PY
# Once to warm the file cache, then the measured run.
"$BIN" --db "$DB" similar --timings <"$DIR/repeat-probes.jsonl" >/dev/null
"$BIN" --db "$DB" similar --timings <"$DIR/repeat-probes.jsonl" >"$DIR/repeat-answers.jsonl"
python3 - "$DIR/repeat-probes.jsonl" "$DIR/repeat-answers.jsonl" "$CLAIMS" >"$REPORT" <<'PY'
import json, statistics, sys
probes = [json.loads(l) for l in open(sys.argv[1])]
answers = [json.loads(l) for l in open(sys.argv[2])]
ms = sorted(a["ms"] for a in answers)
pct = lambda p: ms[min(len(ms) - 1, int(p / 100 * len(ms)))]
print(f"# Repeats matcher — {sys.argv[3]} claims\n")
print(f"{len(ms)} probes (`claimtrack similar --timings`, one process, warm file cache).\n")
print("| p50 ms | p95 ms | p99 ms | max ms | mean ms |")
print("|---:|---:|---:|---:|---:|")
print(f"| {pct(50):.2f} | {pct(95):.2f} | {pct(99):.2f} | {ms[-1]:.2f} | {statistics.mean(ms):.2f} |\n")
# app::model::public_id::encode, to tell whether the first suggestion is the claim a probe came from.
ALPHABET, MASK = "0123456789abcdefghjkmnpqrstvwxyz", (1 << 40) - 1
def encode(i):
    s = ((i & MASK) ^ 0x005A3C961E27) * 0x00D5A3C96E35 & MASK
    return "".join(ALPHABET[(s >> (k * 5)) & 31] for k in reversed(range(8)))
print("| probe | count | its claim suggested first | mean ms |")
print("|---|---:|---:|---:|")
for case in ["same", "cut", "other figure", "other words"]:
    pairs = [(p, a) for p, a in zip(probes, answers) if p["case"] == case]
    if not pairs:
        continue
    first = sum(1 for p, a in pairs if a["suggestions"] and a["suggestions"][0]["id"] == encode(p["id"]))
    mean = statistics.mean(a["ms"] for _, a in pairs)
    print(f"| {case} | {len(pairs)} | {first} | {mean:.2f} |")
PY
cat "$REPORT"
