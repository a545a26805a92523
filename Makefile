# The two commands of the README: `make run` and `make test`. Everything else is a helper.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin

.PHONY: run test check lint types migrations-check catalogs pytest install install-dev browser drills clean

## make run: create the venv, install, migrate, load the CSTO dataset on first start, serve :8000
run: install
	$(BIN)/secretariat serve

## make test: lint, format check, types, migrations check and the whole suite (installs what it needs)
test: install-dev browser check

check: lint types migrations-check catalogs pytest

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

types:
	$(BIN)/mypy secretariat tests conftest.py

migrations-check:
	$(BIN)/secretariat makemigrations --check --dry-run

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
$(VENV)/.installed: pyproject.toml $(KERNEL) | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

install-dev: $(VENV)/.installed-dev
$(VENV)/.installed-dev: pyproject.toml $(KERNEL) | $(PY)
	$(PY) -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

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
