# Two commands for a new user: `make run` (opens the app) and `make test`.
# Each creates or updates .venv from pyproject.toml by itself; nothing happens
# when pyproject.toml has not changed since the last install.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: run test test-slow stress bench lint format i18n clean-venv package deb

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(PY) main.py $(ARGS)

# make test leaves out the slow tests (SIGKILL crash tests, the convergence machine: about
# half a minute); make test-slow runs exactly those, one at a time (they time child
# processes). CI (.ci/run) runs both. make test uses WORKERS processes (pytest-xdist);
# WORKERS=0 runs in this process, e.g. make test WORKERS=0 ARGS='tests/core -x --pdb'.
WORKERS ?= 2
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -n $(WORKERS) -m 'not stress and not slow' $(ARGS)

test-slow: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m 'slow and not stress' $(ARGS)

stress: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m stress $(ARGS)

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m bench $(ARGS)

# ruff (lint and format) everywhere, mypy on the core and the sync transport; the same
# checks as .pre-commit-config.yaml and CI.
lint: $(STAMP)
	$(PY) -m ruff check desktop tests bench main.py
	$(PY) -m ruff format --check desktop tests bench main.py
	$(PY) -m mypy desktop/core desktop/sync

format: $(STAMP)
	$(PY) -m ruff format desktop tests bench main.py
	$(PY) -m ruff check --fix desktop tests bench main.py

# Refresh the translation sources from the code (Qt's lupdate for the UI,
# our extractor for core and CLI messages); translate the new entries after.
i18n: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py desktop/ui -no-obsolete -locations none -ts resources/i18n/bioreserve_zh_CN.ts
	$(PY) -m desktop.core.i18n update resources/i18n/core_zh_CN.ts

# Installers (packaging/README.md): `make package` is the PyInstaller one-folder build for
# this OS in dist/bioreserve/ (no UPX, not one file: it starts faster; about 1–2 minutes
# to build); `make deb` packs it into dist/bioreserve_<version>_<arch>.deb (Linux).
PKG_STAMP := $(VENV)/.installed-packaging
$(PKG_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[dev,packaging]'
	@touch $(PKG_STAMP)

package: $(PKG_STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN --workpath build/pyinstaller \
		--distpath dist packaging/bioreserve.spec

deb: package
	packaging/linux/build-deb.sh

clean-venv:
	rm -rf $(VENV)
