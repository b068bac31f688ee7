# PeerDesk developer commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench audit package translations screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/peerdesk $(ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

typecheck: $(STAMP)
	$(BIN)/mypy peerdesk

test: lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The disclosure attacker on a larger program (more supporters, units, months; a few minutes).
audit: $(STAMP)
	PEERDESK_AUDIT=1 $(BIN)/python -m pytest tests/program/test_attacker.py -q -p no:randomly --timeout=1800

# A one-folder app in dist/peerdesk/, smoke-tested: it prints its version and opens offscreen.
package: $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/peerdesk.spec
	dist/peerdesk/peerdesk --version
	QT_QPA_PLATFORM=offscreen PEERDESK_JOURNAL=$$(mktemp -d)/smoke.peerdesk dist/peerdesk/peerdesk --smoke-test

# Update the translation sources from every marked string in peerdesk/, then build the .qm files
# the app loads (both are committed: the app needs no Qt tools at runtime).
TS_FILES := resources/translations/peerdesk_es.ts
translations: $(STAMP)
	$(BIN)/python -m peerdesk.ui.i18n
	$(BIN)/pyside6-lupdate -no-obsolete -locations relative $$(find peerdesk -name '*.py' | sort) -ts $(TS_FILES)
	for ts in $(TS_FILES); do $(BIN)/pyside6-lrelease $$ts -qm $${ts%.ts}.qm || exit 1; done

# README screenshots from --demo data (synthetic), rendered offscreen.
screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python docs/make_screenshots.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache
