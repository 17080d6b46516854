# EO13 — the two commands a newcomer needs are `make run` and `make test`.
SHELL := /bin/bash
PORT ?= 8000
BIN := .venv/bin
# Bytecode is kept (issue 14): every process would otherwise compile ~1,100 modules at start-up.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: setup run test test-fast lint format typecheck bench messages

setup:
	@bash scripts/setup.sh

# Serves the demo on http://127.0.0.1:$(PORT) with one account per role, and the task worker beside it.
# gunicorn (WEB_CONCURRENCY workers) migrates and loads the reference data once in its master process before serving.
run: setup
	@mkdir -p var
	@EO13_DEMO=$${EO13_DEMO:-1} bash scripts/serve.sh $(PORT)

# Every test: unit, API and browser.
test: setup
	@bash scripts/ensure-system-packages.sh
	$(BIN)/pytest $(PYTEST_ARGS)

test-fast: setup
	$(BIN)/pytest -m "not e2e" $(PYTEST_ARGS)

lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

format: setup
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

typecheck: setup
	$(BIN)/mypy src

bench: setup
	$(BIN)/pytest benchmarks --benchmark-only --benchmark-columns=min,median,mean,ops,rounds -p no:randomly $(PYTEST_ARGS)
