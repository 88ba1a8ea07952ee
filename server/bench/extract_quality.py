#!/usr/bin/env python3
"""claimtrack's extractor against quantulum3 on the real-news corpus (extract/corpus-real/),
held-out and tuning parts apart, on the same rules for both: a figure counts when it lies in an
annotated sentence and has the annotated value (and, for claimtrack, which reports it, the whole of
"X of Y"). Units are not compared: quantulum3 names them differently ("dimensionless", "euro").
Quotes and speakers are claimtrack's alone (quantulum3 finds neither); the Rust test
`cargo test -p claimtrack-extract corpus_real -- --nocapture` scores those with the full rules.

  usage: extract_quality.py [CLAIMTRACK_BIN]   (needs quantulum3: pip install quantulum3)
"""
import glob, json, os, subprocess, sys, warnings

warnings.filterwarnings("ignore")
from quantulum3 import parser  # noqa: E402

ROOT = os.path.join(os.path.dirname(__file__), "..", "..")
CORPUS = os.environ.get("CORPUS_DIR", os.path.join(ROOT, "extract/corpus-real"))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "target/release/claimtrack")


def close(a, b):
    return abs(a - b) <= 1e-6 * max(abs(a), 1.0)


def score(found, expected):
    """found: [(sentence, value)], expected: annotated numeric entries → (tp, fp, fn)."""
    used = [False] * len(expected)
    tp = fp = 0
    for sentence, value in found:
        hit = next((k for k, e in enumerate(expected)
                    if not used[k] and e["sentence"] in sentence and close(e["value"], value)), None)
        if hit is None:
            fp += 1
        else:
            used[hit] = True
            tp += 1
    return tp, fp, sum(1 for k, e in enumerate(expected) if not used[k] and not e.get("optional"))


def quantulum(text, expected):
    """quantulum3's quantities, each placed in the annotated sentence that holds it (or none)."""
    found = []
    for q in parser.parse(text):
        start, end = q.span
        sentence = next((e["sentence"] for e in expected
                         if text.find(e["sentence"]) <= start and end <= text.find(e["sentence"]) + len(e["sentence"])
                         and text.find(e["sentence"]) >= 0), text[max(0, start - 40):end + 40])
        found.append((sentence, q.value))
    return found


def claimtrack(path):
    out = subprocess.run([BIN, "extract", path, "--format", "json"], capture_output=True, text=True, check=True)
    claims = json.loads(out.stdout)["claims"]
    # A numeric candidate's text is its sentence.
    return [(c.get("sentence") or c["text"], c["quantity"]["value"]) for c in claims if c["kind"] == "numeric"]


def main():
    split = {}
    for manifest in glob.glob(os.path.join(CORPUS, "MANIFEST*.json")):
        for article in json.load(open(manifest)):
            split[article["file"]] = article["split"]
    totals = {}
    for txt in sorted(glob.glob(os.path.join(CORPUS, "*.txt"))):
        name = os.path.basename(txt)[:-4]
        text = open(txt).read()
        expected = json.load(open(txt[:-4] + ".json"))["numeric"]
        for tool, found in (("claimtrack", claimtrack(txt)), ("quantulum3", quantulum(text, expected))):
            t = totals.setdefault((split.get(name, "?"), tool), [0, 0, 0, 0])
            tp, fp, fn = score(found, expected)
            t[0] += tp; t[1] += fp; t[2] += fn; t[3] += 1
    print("| part | tool | texts | numeric P | R | F1 (sentence + value) |")
    print("|---|---|---:|---:|---:|---:|")
    for (part, tool), (tp, fp, fn, n) in sorted(totals.items()):
        p = tp / (tp + fp) if tp + fp else 1.0
        r = tp / (tp + fn) if tp + fn else 1.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(f"| {part} | {tool} | {n} | {p:.3f} | {r:.3f} | {f:.3f} |")


if __name__ == "__main__":
    main()
