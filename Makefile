# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: run test check lint imports types migrations-check audit catalogs pytest install install-dev icu browser drills clean

## make run: create the venv, install, migrate, load the CSTO dataset on first start, serve :8000
run: install
	$(BIN)/secretariat serve

## make test: lint, format check, types, migrations check and the whole suite (installs what it needs)
test: install-dev browser check

check: lint imports types migrations-check catalogs audit pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

## make imports: the import contracts in pyproject.toml ([tool.importlinter]; docs/architecture.md)
imports:
	$(BIN)/lint-imports --no-cache

types:
	$(BIN)/mypy secretariat tests conftest.py

migrations-check:
	$(BIN)/secretariat makemigrations --check --dry-run

## make audit: `secretariat audit` (docs/audit.md) on a fresh SQLite database for each shipped
## dataset (CSTO, CIS), so it never writes into the database DATABASE_URL names. Part of `check`:
## every shipped dataset must hold together (0 violations) for the suite to pass.
AUDIT_DIR := $(CURDIR)/var/audit
DATASETS := csto cis
audit:
	rm -rf $(AUDIT_DIR)
	for name in $(DATASETS); do \
	  dir=$(AUDIT_DIR)/$$name; mkdir -p $$dir; \
	  env="SECRETARIAT_DATA_DIR=$$dir DATABASE_URL=sqlite:///$$dir/audit.sqlite3 SECRETARIAT_DATASET=$$name"; \
	  env $$env $(BIN)/secretariat compile-catalogs && \
	  env $$env $(BIN)/secretariat migrate --noinput -v0 && \
	  env $$env $(BIN)/secretariat load-dataset $$name && \
	  env $$env $(BIN)/secretariat audit || exit 1; \
	done

## every Russian catalog 100 % translated, no fuzzy entry, Russian plural forms, same placeholders
catalogs:
	$(BIN)/pytest -q tests/test_catalogs.py

pytest:
	$(BIN)/secretariat compile-catalogs
	$(BIN)/pytest -q

$(PY):
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

## The screening kernel is compiled at install (setup.py): an edit to its sources reinstalls.
KERNEL := $(wildcard secretariat/entrybans/screening/*.py) setup.py

install: $(VENV)/.installed
$(VENV)/.installed: pyproject.toml $(KERNEL) | $(PY) icu
	$(PY) -m pip install --quiet -e .
	touch $@

install-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: pyproject.toml $(KERNEL) | $(PY) icu
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

## PyICU (screening in every script) builds against the system's ICU: PyPI serves no wheel of it.
## Install Debian's ICU headers, pkg-config and a C++ compiler when they are missing.
icu:
	@pkg-config --exists icu-i18n 2>/dev/null && command -v c++ >/dev/null 2>&1 || { \
		echo "installing Debian's ICU headers for PyICU"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null; }

## The browser tests drive Debian's chromium; install it when it is missing.
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		echo "installing Debian's chromium for the browser tests"; \
		SUDO=$$( [ "$$(id -u)" -eq 0 ] || echo sudo ); \
		$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

## make drills: crash drills against the local PostgreSQL (kills workers, stops the server under load)
drills: install-dev
	scripts/crash_drills.sh

clean:
	rm -rf $(VENV) var build *.egg-info
