# PeerDesk developer commands. `make run` and `make test` set everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint typecheck bench audit package package-onefile flatpak-modules \
	flatpak-wheels translations screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes. pip's own lines are the progress report
# (the first install downloads Qt and takes a minute or two).
$(STAMP): pyproject.toml | $(BIN)/python
	@echo "Setting up $(VENV): PeerDesk and its dependencies from pyproject.toml..."
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --progress-bar on -e '.[test]'
	@touch $(STAMP)
	@echo "$(VENV) is ready."

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

# PyInstaller is installed once, again only when pyproject.toml changes.
PACKAGE_STAMP := $(VENV)/.installed-package
$(PACKAGE_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	@touch $(PACKAGE_STAMP)

PYINSTALLER := $(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist

# A one-folder app in dist/peerdesk/, smoke-tested (packaging/smoke_test.py): --version, the
# window offscreen, and through X11 under Xvfb on a demo journal where xvfb-run is installed.
# It prints the folder's size. Temporary files go to build/ and to folders the test removes.
package: $(PACKAGE_STAMP)
	$(PYINSTALLER) --workpath build/pyinstaller packaging/peerdesk.spec
	$(BIN)/python packaging/smoke_test.py dist/peerdesk/peerdesk

# The same app as one executable file, dist/peerdesk-onefile (no root, nothing to install; it
# unpacks itself into a private temporary folder on each start, so it starts more slowly).
package-onefile: $(PACKAGE_STAMP)
	PEERDESK_ONEFILE=1 $(PYINSTALLER) --workpath build/pyinstaller-onefile packaging/peerdesk.spec
	$(BIN)/python packaging/smoke_test.py dist/peerdesk-onefile

# Regenerate packaging/flatpak/wheels.lock and python3-modules.json (the Flatpak's Python
# dependencies for x86_64 and aarch64, pinned by hash) from pyproject.toml; needs the index.
flatpak-modules: $(STAMP)
	$(BIN)/python packaging/flatpak/generate_modules.py

# Download the files wheels.lock pins into packaging/flatpak/wheels/ (git-ignored), each hash
# checked by pip; run before flatpak-builder, which then builds from them without a network.
flatpak-wheels: $(STAMP)
	$(BIN)/python packaging/flatpak/download_wheels.py

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
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache .flatpak-builder \
		packaging/flatpak/wheels
