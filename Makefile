# claimtrack's commands. `make run` and `make test` are the two that matter; see README.md.

SHELL := /bin/bash
# Builds never need a database: compile-time checked queries read .sqlx/ (see `make sqlx-prepare`).
export SQLX_OFFLINE := true
CARGO ?= cargo
DEV_DB := $(CURDIR)/target/sqlx-dev.db
# The API's conformance check (end2end/tests/conformance.spec.ts) runs this schemathesis.
SCHEMATHESIS_VERSION := 4.32.5
# The extractor's quality benchmark compares with this quantulum3.
QUANTULUM3_VERSION := 0.10.0

.PHONY: run test test-rust pg-start pg-stop test-e2e e2e-deps build release debug lint sqlx-prepare bench bench-postgres bench-writes bench-repeats bench-attack bench-datasette bench-extract bench-extract-quality annotator-agreement fuzz fuzz-smoke fuzz-deps

## Run claimtrack with the demo data on ./claimtrack.db at http://127.0.0.1:3000
run:
	$(CARGO) run --release -p server -- serve --demo

## Everything CI runs: formatting, lints, Rust tests, bounded fuzzing, then the browser suite.
test: lint test-rust fuzz-smoke test-e2e

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets --quiet -- -D warnings

## The Rust tests, then the HTTP integration suite a second time on PostgreSQL (each test on a
## database of its own), on a throwaway cluster (server/tests/pg/start.sh) stopped at the end
## whether the tests pass or not. The tests that run the binary on files (cli, resilience,
## attacks, copying) and the two-replica test (PostgreSQL already) run once.
test-rust:
	@eval "$$(server/tests/pg/start.sh)" && status=0 && \
	  { $(CARGO) test --workspace --quiet || status=$$?; } && \
	  { [ $$status != 0 ] || CLAIMTRACK_TEST_BACKEND=postgres $(CARGO) test -p server --test integration --quiet -- \
	      --skip cli:: --skip resilience:: --skip attacks:: --skip replicas:: --skip copying:: || status=$$?; } && \
	  server/tests/pg/stop.sh && exit $$status

## A throwaway PostgreSQL cluster under target/pg for the tests (server/tests/pg/start.sh: made
## with initdb as an unprivileged user on a free loopback port, Debian's postgresql installed
## when missing); `make pg-stop` stops it. Prints the CLAIMTRACK_TEST_PG_URL the tests read.
pg-start:
	@server/tests/pg/start.sh

pg-stop:
	@server/tests/pg/stop.sh

## The release binary (`make run`, the benchmarks).
release:
	$(CARGO) build --release -p server --quiet

## The browser suite runs the debug binary `make test-rust` built for the CLI tests (the same
## build, so nothing compiles twice: `cargo build` would link another 1.5 GB copy with other
## features); a cold release build would add six minutes to every CI run for no check the suite
## makes.
debug:
	$(CARGO) test --workspace --no-run --quiet

test-e2e: debug e2e-deps
	cd end2end && CLAIMTRACK_BIN=$(CURDIR)/target/debug/claimtrack npx playwright test

## Installs Debian's Chromium, the npm packages and schemathesis (in target/venv) when they are
## missing; quick when they are there.
e2e-deps:
	@command -v chromium >/dev/null || { \
	  echo "Installing Debian's chromium…"; \
	  { [ -n "$$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq; } && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }
	@cd end2end && { [ -d node_modules/@playwright/test ] && [ ! package-lock.json -nt node_modules/.package-lock.json ] || npm ci --no-audit --no-fund --loglevel=error; }
	@python3 -c 'import ensurepip' 2>/dev/null || { echo "Installing Debian's python3-venv…"; \
	  { [ -n "$$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -print -quit 2>/dev/null)" ] || apt-get update -qq; } && \
	  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >/dev/null; }
	@[ -x target/venv/bin/schemathesis ] || { echo "Installing schemathesis…"; python3 -m venv target/venv && \
	  target/venv/bin/pip install --quiet --disable-pip-version-check schemathesis==$(SCHEMATHESIS_VERSION); }

## Fuzzing (fuzz/run.sh): each target FUZZ_RUNS times (part of `make test`), or FUZZ_SECONDS each.
fuzz-smoke: fuzz-deps
	fuzz/run.sh smoke

fuzz: fuzz-deps
	fuzz/run.sh long

## Installs cargo-fuzz from crates.io when it is missing.
fuzz-deps:
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz --version 0.13.2 --locked --quiet

## The whole benchmark on BENCH_CLAIMS claims (default 100000): pages with and without the page
## cache (server/bench/run.sh), writes (writes.sh), the repeats
## matcher (repeats.sh), Datasette (datasette.sh). Reports: target/bench/.
bench: release
	BENCH_PAGE_CACHE=true server/bench/run.sh
	BENCH_PAGE_CACHE=false server/bench/run.sh
	server/bench/writes.sh
	$(MAKE) bench-postgres
	server/bench/attack.sh
	server/bench/repeats.sh
	server/bench/datasette.sh

## The repeats matcher's suggestions per claim (server/bench/repeats.sh).
bench-repeats: release
	server/bench/repeats.sh

## The same pages (cache on and off) and writes on PostgreSQL, then one replica against two
## (server/bench/replicas.sh); the database is generated once in the tests' cluster.
bench-postgres: release
	BENCH_BACKEND=postgres BENCH_PAGE_CACHE=true server/bench/run.sh
	BENCH_BACKEND=postgres BENCH_PAGE_CACHE=false server/bench/run.sh
	BENCH_BACKEND=postgres server/bench/writes.sh
	server/bench/replicas.sh

## Status changes per second while readers read (server/bench/writes.sh).
bench-writes: release
	server/bench/writes.sh

## Readers' throughput while anonymous hosts flood and stall the server (server/bench/attack.sh).
bench-attack: release
	server/bench/attack.sh

## claimtrack against Datasette on the same database (server/bench/datasette.sh).
bench-datasette: release
	server/bench/datasette.sh

## The extractor against quantulum3 on the real-news corpus, held-out and tuning parts apart
## (server/bench/extract_quality.py; installs quantulum3 into target/venv when missing).
# How often a second, independent annotator credits the same speakers as the corpus's annotations.
annotator-agreement:
	python3 server/bench/annotator_agreement.py

bench-extract-quality: release
	@[ -x target/venv/bin/python ] || python3 -m venv target/venv
	@target/venv/bin/python -c 'import quantulum3' 2>/dev/null || target/venv/bin/pip install --quiet --disable-pip-version-check quantulum3==$(QUANTULUM3_VERSION)
	target/venv/bin/python server/bench/extract_quality.py

## The extractor's speed on a 10,000-word article (see server/bench/extract.sh).
bench-extract: release
	server/bench/extract.sh

## After changing SQL: refresh .sqlx/ for both backends (needs sqlx-cli 0.8.6 with its sqlite and
## postgres features, see README). A crate's query macros check against one DATABASE_URL, so the
## crates are checked twice: against a fresh SQLite dev database, then against a fresh PostgreSQL
## one in the tests' cluster (server/tests/pg/start.sh, left running; `make pg-stop`). In each
## pass the other backend's macros fail to compile (their errors are in target/sqlx-prepare/*.log)
## while every macro that its database describes writes its data. sqlx names a query's data after
## its SQL alone, and either database accepts some of the other's SQL, so tools/sqlx-merge.py takes
## the queries of app/src/ssr/db/pg/ from the PostgreSQL pass and all others from the SQLite one.
## Last, the offline build proves that every query has data of its own backend.
PG_PREPARE_DB := claimtrack_sqlx_prepare
sqlx-prepare:
	rm -f $(DEV_DB) && mkdir -p target
	DATABASE_URL=sqlite:$(DEV_DB) sqlx database create
	DATABASE_URL=sqlite:$(DEV_DB) sqlx migrate run
	@eval "$$(server/tests/pg/start.sh)" && url="$${CLAIMTRACK_TEST_PG_URL%/*}/$(PG_PREPARE_DB)" && \
	  DATABASE_URL="$$url" sqlx database drop -y && DATABASE_URL="$$url" sqlx database create && \
	  DATABASE_URL="$$url" sqlx migrate run --source migrations/postgres && echo "$$url" >target/sqlx-prepare-pg-url
	rm -rf target/sqlx-prepare && mkdir -p target/sqlx-prepare/sqlite target/sqlx-prepare/postgres
	# The query macros write their metadata to SQLX_OFFLINE_DIR while they compile; every target
	# (tests included) of our two crates is rechecked in each pass so that none is left out.
	$(CARGO) clean -p app -p server
	-DATABASE_URL=sqlite:$(DEV_DB) SQLX_OFFLINE=false SQLX_OFFLINE_DIR=$(CURDIR)/target/sqlx-prepare/sqlite \
	  $(CARGO) check --workspace --all-targets --quiet >target/sqlx-prepare/sqlite.log 2>&1
	$(CARGO) clean -p app -p server
	-DATABASE_URL="$$(cat target/sqlx-prepare-pg-url)" SQLX_OFFLINE=false \
	  SQLX_OFFLINE_DIR=$(CURDIR)/target/sqlx-prepare/postgres \
	  $(CARGO) check --workspace --all-targets --quiet >target/sqlx-prepare/postgres.log 2>&1
	rm -rf .sqlx && python3 tools/sqlx-merge.py target/sqlx-prepare/sqlite target/sqlx-prepare/postgres .sqlx
	$(CARGO) clean -p app -p server
	$(CARGO) check --workspace --all-targets --quiet
