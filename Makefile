# One-command set-up on a fresh machine with only python3: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean goldens

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/esp-wizard --workspace .

test: $(STAMP)
	$(BIN)/python -m pytest -n 2 -q

# Static gates: formatting, lint, types (strict on the core; see [tool.mypy] in pyproject.toml)
# and the import contracts (core free of terminal libraries, faces independent, layers).
lint: $(STAMP)
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/mypy
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests bench scripts
	$(BIN)/ruff check --fix src tests bench scripts

bench: $(STAMP)
	$(BIN)/python bench/engine.py

goldens: $(STAMP)
	$(BIN)/python scripts/update_goldens.py

clean:
	rm -rf $(VENV) build dist .pytest_cache
