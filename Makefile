# One-command set-up on a fresh machine with only python3: `make run`, `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench clean goldens catalogues

SCRATCH := .scratch/example

$(BIN)/python:
	@echo "Creating $(VENV) with $(PYTHON)…"
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(BIN)/python pyproject.toml
	@echo "Installing esp-wizard and its dependencies into $(VENV) (a minute or two the first time)…"
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	touch $(STAMP)

# The example engagement, in a fresh scratch copy each time (git ignores .scratch/): a trial
# interview never changes the repository's own sessions/.
run: $(STAMP)
	$(BIN)/python scripts/prepare_example.py --into $(SCRATCH)
	$(BIN)/esp-wizard --workspace $(SCRATCH)

# The static gates first (ruff, mypy, import-linter), then the suite: CI runs exactly this.
test: lint
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

# Every benchmark, each printing ratio lines (median, min-max) against a baseline run in the
# same call: CLI listings, first paint in tmux, report compile, questionnaire load and save.
bench: $(STAMP)
	$(BIN)/python bench/cli.py
	$(BIN)/python bench/firstpaint.py
	$(BIN)/python bench/tui.py
	$(BIN)/python bench/report.py
	$(BIN)/python bench/engine.py

# The French messages: after editing src/esp_wizard/locale/*/LC_MESSAGES/*.po (the .mo are
# committed; tests/test_i18n_catalogue.py fails when one is stale).
catalogues: $(STAMP)
	$(BIN)/python scripts/tidy_catalogue.py
	$(BIN)/python scripts/compile_catalogues.py

goldens: $(STAMP)
	$(BIN)/python scripts/update_goldens.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .import_linter_cache .scratch
