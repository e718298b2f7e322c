# The two commands a fresh clone needs: `make run` and `make test`. While changing
# code, `make check` is the quick loop: lint and the tests not marked slow.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Server processes for `make run`: `make run WORKERS=4`, or MSCKB_WORKERS (or
# WEB_CONCURRENCY) in the environment; unset, `msckb serve` runs one per CPU.
WORKERS ?=
export HOST PORT

.PHONY: run test check lint install install-dev migrate seed client clean

# Reinstall only when the dependency list changes. Serving needs the package alone;
# linting and testing add the development tools (`.[dev]`) and the Python client
# (`client/`, editable, which the tests drive against a live server) on top of it, so a
# change to either pyproject.toml redoes both stamps.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(BIN)/.installed-dev: $(BIN)/.installed client/pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[dev]' -e ./client
	touch $@

install: $(BIN)/.installed

install-dev: $(BIN)/.installed-dev

migrate: install
	$(BIN)/msckb migrate

seed: migrate
	$(BIN)/msckb seed

run: seed
	$(BIN)/msckb serve --host $(HOST) --port $(PORT) $(if $(WORKERS),--workers $(WORKERS))

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api models migrations tests client

# Regenerate the client's models and methods from the app's OpenAPI document, after a
# change to the API (tests/client/test_generated.py says when it is needed).
client: install-dev
	$(BIN)/python client/generate.py

# Everything, on SQLite and PostgreSQL: what CI (.ci/run) runs.
test: lint
	$(BIN)/pytest

# The developer's loop: lint, then every test not marked slow (no subprocesses, no
# servers, no schemathesis), on SQLite only. Measured on the shared 2-core machine:
# SQLite 45-68 s (40 s CPU), both engines 128 s (80 s CPU): twice the minute aimed at.
# `make test` (and CI) runs everything on both; `make check CHECK_ARGS=` the fast
# tests on both.
CHECK_ARGS ?= -k "not postgresql"
check: lint
	$(BIN)/pytest -m "not slow" $(CHECK_ARGS)

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache
