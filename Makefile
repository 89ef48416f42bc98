# Two commands set everything up: `make run` and `make test`. Both (re)create .venv when it is
# missing or older than pyproject.toml, install the project into it, then run.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench render clean check-xcb

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "ZoneApp needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test,bench]'
	@touch $(STAMP)

run: $(STAMP) check-xcb
	$(PY) main.py --data data

test: $(STAMP)
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

clean:
	rm -rf $(VENV) out
