# The two commands a fresh clone needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export HOST PORT

.PHONY: run test lint install migrate seed clean

# Reinstall only when the dependency list changes.
$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

install: $(BIN)/.installed

migrate: install
	$(BIN)/msckb migrate

seed: migrate
	$(BIN)/msckb seed

run: seed
	$(BIN)/msckb serve --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy api models migrations tests

test: lint
	$(BIN)/pytest

clean:
	rm -rf $(VENV) .data .pytest_cache .mypy_cache .ruff_cache
