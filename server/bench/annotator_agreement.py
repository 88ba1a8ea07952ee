#!/usr/bin/env python3
"""How often two annotators credit the same speaker: the ceiling for the extractor's speaker
accuracy. `extract/corpus-real/second-annotator/` holds a second, independent annotator's
speakers for 32 tuning texts (the quotations and figures of the first annotation, every
speaker left blank for them to fill). Each entry compares as the corpus test compares the
extractor: one annotator's first choice against the other's list of acceptable speakers, without
case and without a leading "the". Run: python3 server/bench/annotator_agreement.py [-v]"""
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


def main():
    verbose = "-v" in sys.argv
    rows = {"quotes": [0, 0, 0], "numeric": [0, 0, 0]}
    for second_file in sorted((CORPUS / "second-annotator").glob("*.json")):
        first = json.loads((CORPUS / second_file.name).read_text())
        second = json.loads(second_file.read_text())
        for kind, tally in rows.items():
            entries = [e for e in first[kind] if not e.get("optional")]
            if len(entries) != len(second[kind]):
                sys.exit(f"{second_file.name}: {kind} differ in number")
            for a, b in zip(entries, second[kind]):
                by_first = accepted(b["speaker"])[0] in accepted(a["speaker"])
                by_second = accepted(a["speaker"])[0] in accepted(b["speaker"])
                tally[0] += 1
                tally[1] += by_first
                tally[2] += by_second
                if verbose and not by_first:
                    said = a.get("text") or a.get("sentence")
                    print(f"  {second_file.stem[:32]} {kind}: {said[:60]!r}: {a['speaker']!r} / {b['speaker']!r}")
    for kind, (n, by_first, by_second) in rows.items():
        label = "quote speakers " if kind == "quotes" else "figure speakers"
        print(
            f"{label}: {n} entries | second's choice accepted by the first: {by_first / n:.3f}"
            f" | first's choice accepted by the second: {by_second / n:.3f}"
        )


if __name__ == "__main__":
    main()
