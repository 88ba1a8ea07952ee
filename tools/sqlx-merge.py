#!/usr/bin/env python3
"""Merges the two passes of `make sqlx-prepare` into .sqlx/.

sqlx names a query's offline data after the SHA-256 of its SQL text alone, and in online mode a
crate has one DATABASE_URL: the pass against SQLite also writes data for every PostgreSQL query
that SQLite happens to accept (`$1` is a valid SQLite parameter), and the pass against
PostgreSQL for every SQLite query that PostgreSQL accepts. Which backend a query is for is
known from where it is written: the checked macros in app/src/ssr/db/pg/ are PostgreSQL's,
every other one is SQLite's. So this reads the SQL literals of the macros under pg/, hashes
them as sqlx does, and takes those hashes from the PostgreSQL pass and all others from the
SQLite pass.

Usage: sqlx-merge.py SQLITE_DIR PG_DIR OUT_DIR
"""

import hashlib
import json
import pathlib
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SOURCES = ROOT / "app" / "src"
PG_SOURCES = SOURCES / "ssr" / "db" / "pg"
MACRO = re.compile(r"sqlx::query(?:_as|_scalar)?!\(\s*")


def string_literal(text, at):
    """The value of the Rust string literal starting at `at` (plain or raw)."""
    raw = re.match(r'r(#*)"', text[at:])
    if raw:
        hashes = raw.group(1)
        start = at + raw.end()
        end = text.index('"' + hashes, start)
        return text[start:end]
    if text[at] != '"':
        raise ValueError(f"not a string literal: {text[at:at + 40]!r}")
    out, i = [], at + 1
    while text[i] != '"':
        c = text[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        e = text[i + 1]
        if e == "\n":  # a line continuation skips the newline and the next line's indentation
            i += 2
            while text[i] in " \t\r\n":
                i += 1
            continue
        simple = {"n": "\n", "t": "\t", "r": "\r", "0": "\0", "\\": "\\", '"': '"', "'": "'"}
        if e in simple:
            out.append(simple[e])
            i += 2
        elif e == "x":
            out.append(chr(int(text[i + 2 : i + 4], 16)))
            i += 4
        elif e == "u":
            close = text.index("}", i)
            out.append(chr(int(text[i + 3 : close], 16)))
            i = close + 1
        else:
            raise ValueError(f"unknown escape \\{e}")
    return "".join(out)


def macro_hashes(paths):
    """Each checked query's hash, with where it is written."""
    hashes = {}
    for path in paths:
        text = path.read_text()
        for m in MACRO.finditer(text):
            at = m.end()
            if text[m.start() : m.end()].startswith("sqlx::query_as!"):
                at = text.index(",", at) + 1  # the record type
                while text[at].isspace():
                    at += 1
            sql = string_literal(text, at)
            line = text.count("\n", 0, m.start()) + 1
            hashes.setdefault(hashlib.sha256(sql.encode()).hexdigest(), f"{path.relative_to(ROOT)}:{line}")
    return hashes


def main():
    sqlite_dir, pg_dir, out_dir = (pathlib.Path(a) for a in sys.argv[1:4])
    pg = macro_hashes(sorted(PG_SOURCES.glob("*.rs")))
    others = macro_hashes(p for p in sorted(SOURCES.rglob("*.rs")) if PG_SOURCES not in p.parents)
    shared = sorted(f"{pg[h]} and {others[h]}" for h in pg.keys() & others.keys())
    if shared:
        sys.exit("the same SQL is written for both backends (make the texts differ): " + "; ".join(shared))
    missing = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for f in sorted(sqlite_dir.glob("query-*.json")):
        h = f.stem.removeprefix("query-")
        if h not in pg:
            shutil.copy(f, out_dir / f.name)
    for h, where in sorted(pg.items()):
        f = pg_dir / f"query-{h}.json"
        if not f.exists():
            missing.append(where)
            continue
        if json.loads(f.read_text())["db_name"] != "PostgreSQL":
            missing.append(where)
            continue
        shutil.copy(f, out_dir / f.name)
    if missing:
        sys.exit("no PostgreSQL data for the queries at " + ", ".join(missing))
    print(f"{len(pg)} PostgreSQL queries, {len(list(out_dir.glob('query-*.json'))) - len(pg)} SQLite queries")


if __name__ == "__main__":
    main()
