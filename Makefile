# Two commands set everything up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

JOBS ?= 2

.PHONY: run test test-fast bench bench-load match-quality demo clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

## Serve http://127.0.0.1:8000 on SQLite (./var/), seeding the demo event if the store is empty.
run: $(STAMP)
	$(BIN)/goodwill serve --demo-if-empty

## The whole suite, on SQLite and on PostgreSQL (127.0.0.1:5432, database test) when it answers,
## in $(JOBS) processes (JOBS=1 for one).
test: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS)

## The loop while changing code: SQLite only, no browser.
test-fast: $(STAMP)
	$(BIN)/pytest -q -n $(JOBS) -m "not postgres" --ignore=tests/browser

## Seeding and rebuild throughput on both stores, as ratios to a plain-insert baseline.
bench: $(STAMP)
	$(BIN)/python -m tests.benchmarks.bench

## The door burst over HTTP against `goodwill serve --workers 2`, on PostgreSQL then SQLite,
## beside its baselines: writes docs/benchmarks.md and docs/benchmarks.json (about 5 minutes).
bench-load: $(STAMP)
	$(BIN)/python -m tests.benchmarks.load.run

## How well a need finds the offers that answer it, on both stores: precision@5 and recall@10
## on the labelled set in tests/data/matching; fails below precision@5 = 0.6 (seconds).
match-quality: $(STAMP)
	$(BIN)/python -m tests.benchmarks.match_quality

clean:
	rm -rf $(VENV) var .pytest_cache
