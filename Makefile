# Two commands set everything up: `make run` and `make test`. Both (re)create .venv when it is
# missing or older than pyproject.toml, install the project into it, then run.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench render clean check-xcb dist deb test-dist

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ZoneApp needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

run: $(STAMP) check-xcb
	$(PY) main.py --data data

test: $(STAMP)
	$(VENV)/bin/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

# compileall: the start-up figures are of the app as a user runs it, with the bytecode its
# first run leaves behind (as pip leaves it for pandas and pyqtgraph), even where
# PYTHONDONTWRITEBYTECODE keeps Python from writing it.
bench: $(STAMP)
	$(PY) -m compileall -q zoneapp
	QT_QPA_PLATFORM=offscreen $(PY) bench/run.py

render: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) main.py render out/render

# Qt's xcb platform needs these libraries on Linux; say how to get what is missing.
check-xcb:
	@$(PY) -m zoneapp.xcbcheck

# The frozen build (README: "Install without Python"). PyInstaller goes into .venv only for
# these targets, so `make run` and `make test` stay as light as they were.
DIST_STAMP := $(VENV)/.installed-dist
APP := dist/ZoneApp/ZoneApp
# Rebuilt only when something bundled or the recipe changed: a build takes minutes.
APP_SOURCES := $(shell find zoneapp resources data packaging -type f ! -name '*.pyc') pyproject.toml

$(DIST_STAMP): $(STAMP)
	$(PY) -m pip install --quiet -e '.[test,bench,dist]'
	@touch $(DIST_STAMP)

$(APP): $(DIST_STAMP) $(APP_SOURCES)
	$(PY) -m PyInstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/zoneapp.spec
	@touch $(APP)  # PyInstaller may reuse a cached executable with its old time
	@du -sh dist/ZoneApp

dist: $(APP)

# The .deb is laid out under build/deb by packaging/linux/layout.py (which reads the
# dependency list from zoneapp/xcbcheck.py), then packed by dpkg-deb alone. gzip: xz packs
# about a quarter smaller but took 9 minutes here; every dpkg reads gzip.
deb: $(APP)
	rm -rf build/deb
	$(PY) packaging/linux/layout.py dist/ZoneApp build/deb
	dpkg-deb --root-owner-group -Zgzip --build build/deb dist
	@ls -l dist/*.deb

test-dist: dist deb
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q tests/test_dist.py

clean:
	rm -rf $(VENV) out build dist
