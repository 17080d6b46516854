# EO13 — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
BIN := .venv/bin
# Bytecode is kept (issue 14): every process would otherwise compile ~1,100 modules at start-up.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup run test test-fast lint format typecheck bench messages cluster cluster-stop test-faults loadtest schema-snapshot

setup:
	@bash scripts/setup.sh

# Serves the demo on http://127.0.0.1:$(PORT) with one account per role, and the task worker beside it.
# gunicorn (WEB_CONCURRENCY workers) migrates and loads the reference data once in its master process before serving.
run: setup
	@mkdir -p var
	@EO13_DEMO=$${EO13_DEMO:-1} bash scripts/serve.sh $(PORT)

# Tests run in parallel, one process per core (pytest-xdist); TEST_WORKERS=0 runs them all in one process.
# --dist load hands each worker its tests in collection order, which pytest-django sorts so that tests that commit
# for real (and end with a flush) come after those that roll back; work stealing would break that order.
TEST_WORKERS ?= auto
XDIST := $(if $(filter 0,$(TEST_WORKERS)),,-n $(TEST_WORKERS) --dist load)

# Every test: unit, API and browser.
test: setup
	@bash scripts/ensure-system-packages.sh
	$(BIN)/pytest $(XDIST) $(PYTEST_ARGS)

test-fast: setup
	$(BIN)/pytest $(XDIST) -m "not e2e and not schemathesis" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache

format: setup
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

typecheck: setup
	$(BIN)/mypy src
	$(BIN)/lint-imports --no-cache

bench: setup
	$(BIN)/pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,ops,rounds -p no:randomly $(PYTEST_ARGS)

# Two app servers, two task workers and HAProxy on 127.0.0.1:$(CLUSTER_PORT) over PostgreSQL and Redis (issue 14).
CLUSTER_PORT ?= 18100
cluster: setup
	@bash scripts/ensure-system-packages.sh
	@CLUSTER_PORT=$(CLUSTER_PORT) bash scripts/cluster.sh start

cluster-stop:
	@CLUSTER_PORT=$(CLUSTER_PORT) bash scripts/cluster.sh stop

# Fault tests on a cluster of their own: kill an app server, kill a worker mid-run, restart PostgreSQL, fill the disk.
test-faults: setup
	@bash scripts/ensure-system-packages.sh
	EO13_FAULT_TESTS=1 $(BIN)/pytest tests/faults -p no:randomly -v $(PYTEST_ARGS)

# The locust mix against the cluster (started if not up): throughput, p50/p99, errors (the bar is 0).
loadtest: setup
	@bash scripts/ensure-system-packages.sh
	@CLUSTER_PORT=$(CLUSTER_PORT) bash scripts/loadtest.sh

# After adding or changing a migration: the SQLite snapshot a fresh `make run` loads (tests/ops/test_fresh_schema.py).
schema-snapshot: setup
	@bash scripts/schema-snapshot.sh
