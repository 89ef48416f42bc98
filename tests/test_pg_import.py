"""pyqtgraph imported with lazy mirrors of PySide6's modules (zoneapp/ui/widgets/pg_import.py)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import types
from pathlib import Path

import pytest
from PySide6 import QtCore, QtGui, QtWidgets

from zoneapp.ui.widgets import pg_import

ROOT = Path(__file__).resolve().parents[1]


def test_mirror_fetches_a_name_on_first_use_and_keeps_it():
    source = types.ModuleType("source")
    source.Thing = object()
    source.__version__ = "1.2"
    mirror = pg_import.lazy_mirror("mirror", source)
    assert "Thing" not in vars(mirror)
    assert mirror.Thing is source.Thing
    assert vars(mirror)["Thing"] is source.Thing  # kept: the next use is a plain lookup
    assert mirror.__version__ == "1.2"
    with pytest.raises(AttributeError, match="Missing"):
        _ = mirror.Missing
    for machinery in ("__path__", "__file__"):  # a mirror is not a package of PySide6's files
        assert not hasattr(mirror, machinery)


def test_charts_import_pyqtgraph_through_the_lazy_mirrors(qapp):
    from zoneapp.ui.widgets import charts

    for short, source in (("QtCore", QtCore), ("QtGui", QtGui), ("QtWidgets", QtWidgets)):
        mirror = sys.modules[f"pyqtgraph.Qt.{short}"]
        assert getattr(charts.pg.Qt, short) is mirror
        assert "__getattr__" in vars(mirror), f"{short}: the plain import ran"
        # Only what pyqtgraph has used so far was fetched, not every name PySide6 has.
        assert len(vars(mirror)) < len(dir(source))
    assert charts.pg.Qt.QtWidgets.QFileDialog is QtWidgets.QFileDialog
    # pyqtgraph's own patches land on its mirrors, not on PySide6.
    assert "QOpenGLWidget" in vars(charts.pg.Qt.QtWidgets)
    assert not hasattr(QtWidgets, "QOpenGLWidget")


def test_pyside_lists_its_names_again_after_the_import(qapp):
    from zoneapp.ui.widgets import charts  # noqa: F401 (imported for its pyqtgraph import)

    for source, name in ((QtCore, "QMutex"), (QtGui, "QPainter"), (QtWidgets, "QWidget")):
        assert name in dir(source)


def test_a_failed_lazy_import_falls_back_to_the_plain_one():
    # Fails pyqtgraph's import half-way (its colormap module) the first time only: the
    # half-imported modules and the mirrors must go, and the plain import must work.
    code = textwrap.dedent("""
        import builtins
        real_import = builtins.__import__
        failed = []

        def flaky(name, globals=None, locals=None, fromlist=(), level=0):
            if name == "colormap" and level == 1 and not failed:
                failed.append(name)
                raise RuntimeError("simulated failure")
            return real_import(name, globals, locals, fromlist, level)

        builtins.__import__ = flaky
        from zoneapp.ui.widgets.pg_import import pg
        builtins.__import__ = real_import
        from pyqtgraph.Qt import QtWidgets as mirror
        assert failed, "the simulated failure did not happen"
        assert "__getattr__" not in vars(mirror), "expected pyqtgraph's own mirror"
        assert mirror.QWidget is not None and pg.mkColor("r").isValid()
        print("fell back")
    """)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=120, check=False,
                          env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "fell back" in proc.stdout
