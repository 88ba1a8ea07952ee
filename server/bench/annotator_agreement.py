#!/usr/bin/env python3
"""How often two annotators credit the same speaker: the ceiling for the extractor's speaker
accuracy. `extract/corpus-real/second-annotator/` holds a second, independent annotator's
speakers for 32 tuning texts and for the 55 held-out texts (the quotations and figures of the
first annotation, every speaker left blank for them to fill; they never saw the first one's).
Each entry compares as the corpus test compares the extractor: one annotator's first choice
against the other's list of acceptable speakers, without case and without a leading "the".
Figures per split only; `-v` lists the tuning disagreements (never held-out ones).
Run: python3 server/bench/annotator_agreement.py [-v]"""
import json
import pathlib
import sys

CORPUS = pathlib.Path(__file__).resolve().parents[2] / "extract" / "corpus-real"


def normalise(name):
    if name is None:
        return None
    lower = name.lower().replace("\u2019", "'")
    return (lower[4:] if lower.startswith("the ") else lower).strip()


def accepted(speaker):
    return [normalise(s) for s in speaker] if isinstance(speaker, list) else [normalise(speaker)]


def splits():
    split = {}
    for manifest in CORPUS.glob("MANIFEST-*.json"):
        for entry in json.loads(manifest.read_text()):
            split[entry["file"]] = entry["split"]
    return split


def main():
    verbose = "-v" in sys.argv
    split = splits()
    rows = {}
    for second_file in sorted((CORPUS / "second-annotator").glob("*.json")):
        part = split[second_file.stem]
        first = json.loads((CORPUS / second_file.name).read_text())
        second = json.loads(second_file.read_text())
        for kind in ("quotes", "numeric"):
            tally = rows.setdefault((part, kind), [0, 0, 0, set()])
            tally[3].add(second_file.stem)
            entries = [e for e in first[kind] if not e.get("optional")]
            if len(entries) != len(second[kind]):
                sys.exit(f"{second_file.name}: {kind} differ in number")
            for a, b in zip(entries, second[kind]):
                by_first = accepted(b["speaker"])[0] in accepted(a["speaker"])
                by_second = accepted(a["speaker"])[0] in accepted(b["speaker"])
                tally[0] += 1
                tally[1] += by_first
                tally[2] += by_second
                if verbose and not by_first and part == "tune":
                    said = a.get("text") or a.get("sentence")
                    print(f"  {second_file.stem[:32]} {kind}: {said[:60]!r}: {a['speaker']!r} / {b['speaker']!r}")
    for (part, kind), (n, by_first, by_second, texts) in sorted(rows.items()):
        label = "quote speakers " if kind == "quotes" else "figure speakers"
        print(
            f"{part:7} ({len(texts)} texts) {label}: {n} entries | second's choice accepted by the first:"
            f" {by_first / n:.3f} | first's choice accepted by the second: {by_second / n:.3f}"
        )


if __name__ == "__main__":
    main()
