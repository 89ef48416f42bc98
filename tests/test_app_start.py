"""Start-up: the no-display message instead of Qt's abort; the PySide6 None-refcount guard."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _env_without_display() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["PYTHONPATH"] = str(ROOT)
    return env


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the check is Linux-only")
def test_no_display_prints_headless_commands_and_exits_2():
    code = "import sys; from pathlib import Path; from zoneapp.app import run_gui; " \
           "sys.exit(run_gui(Path('data'), 'zh'))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=_env_without_display(),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2
    for command in ("python main.py render", "python main.py report", "python main.py export"):
        assert command in result.stderr
    assert "DISPLAY" in result.stderr
    assert "显示" in result.stderr


def test_none_refcount_survives_many_qt_calls_returning_none():
    """PySide6 6.12.0 on Python 3.11 leaks references to None until the interpreter aborts."""
    code = (
        "from PySide6.QtWidgets import QApplication, QWidget\n"
        "app = QApplication([])\n"
        "w = QWidget()\n"
        "for i in range(100_000):\n"
        "    w.setObjectName('x')\n"
        "    w.setProperty('p', None)\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ok" in result.stdout


def test_pyside_feature_import_hook_is_dropped_and_imports_still_work():
    """Start-up skips PySide6's per-import source scan (for `__feature__`, unused here)."""
    code = (
        "import builtins\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from zoneapp.startup import skip_feature_scan\n"
        "wrapped = builtins.__import__.__name__ == '__feature_import__'\n"
        "assert skip_feature_scan() is wrapped\n"
        "assert builtins.__import__.__name__ != '__feature_import__'\n"
        "assert skip_feature_scan() is False\n"
        "from PySide6.QtCore import *\n"  # PySide6's lazy star import still resolves
        "import pandas\n"
        "assert QTimer and QObject and pandas.DataFrame\n"
        "app = QApplication([])\n"
        "print('ok')\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "ok" in result.stdout


def test_create_application_is_idempotent(zone_app):
    from zoneapp.app import create_application

    assert create_application(None, "zh") is zone_app
    assert create_application(None, "zh") is zone_app


def test_chinese_font_is_available_after_install(zone_app):
    from PySide6.QtGui import QFontDatabase, QFontInfo

    from zoneapp.ui.fonts import install_fonts

    family = install_fonts()
    chinese = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert family in chinese
    assert QFontInfo(zone_app.font()).family() in chinese


def test_xcbcheck_always_exits_0():
    result = subprocess.run([sys.executable, "-m", "zoneapp.xcbcheck"], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0
    if result.stdout:
        assert "sudo apt-get install -y" in result.stdout


def test_xcbcheck_names_missing_packages(monkeypatch):
    from zoneapp import xcbcheck

    monkeypatch.setattr(xcbcheck, "_ldconfig_libraries", lambda: "")
    monkeypatch.setattr(xcbcheck.ctypes.util, "find_library", lambda name: None)
    assert xcbcheck.missing_packages() == list(xcbcheck.XCB_PACKAGES)
    assert xcbcheck.install_command(["libxcb-cursor0"]) == "sudo apt-get install -y libxcb-cursor0"


def test_window_module_defers_heavy_imports():
    """The window paints before pandas and pyqtgraph load (they come with the first data)."""
    code = ("import sys, zoneapp.app, zoneapp.ui.window.main_window\n"
            "heavy = [m for m in ('pandas', 'pyqtgraph', 'numpy') if m in sys.modules]\n"
            "print(heavy)\n"
            "sys.exit(1 if heavy else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert result.returncode == 0, result.stdout + result.stderr


def test_window_is_built_before_pandas_pyarrow_and_pyqtgraph_are_imported(tmp_path):
    """The window paints first; the heavy libraries load with the data, after the paint."""
    code = (
        "import sys\n"
        "from zoneapp.app import create_application\n"
        "from zoneapp.ui.window.main_window import MainWindow\n"
        "app = create_application(sys.argv[:1], 'zh')\n"
        "window = MainWindow(lang='zh')\n"
        "window.show(); app.processEvents()\n"
        "print(sorted(m for m in ('pandas', 'pyarrow', 'pyqtgraph', 'numpy') if m in sys.modules))\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path), HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


CLOSE_DURING_LOAD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QTimer
from zoneapp import app
from zoneapp.core import loading
from zoneapp.ui.window import main_window

real = loading.load_dataset
def slow(folder, **kwargs):
    time.sleep(float(sys.argv[1]))  # a big folder, still being read when the window closes
    return real(folder, **kwargs)
loading.load_dataset = slow
app.EXIT_WAIT_MS = int(sys.argv[2])
show = main_window.MainWindow.show
def show_then_close(self):
    show(self)
    QTimer.singleShot(300, self.close)
main_window.MainWindow.show = show_then_close
start = time.monotonic()
code = app.run_gui(Path("data"), "zh")
print(f"left after {time.monotonic() - start:.1f} s", flush=True)
sys.exit(code)
"""


@pytest.mark.parametrize("load_s, wait_ms", [(1.5, 10_000), (30, 200)])
def test_closing_the_window_during_a_load_exits_cleanly(tmp_path, load_s, wait_ms):
    """Qt aborts a process that destroys a QThread still running: the app waits for the load
    (which stops at its next table), or leaves without destroying it when it takes too long."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), QT_QPA_PLATFORM="offscreen",
               XDG_CONFIG_HOME=str(tmp_path), XDG_CACHE_HOME=str(tmp_path / "cache"),
               HOME=str(tmp_path))
    result = subprocess.run([sys.executable, "-c", CLOSE_DURING_LOAD, str(load_s), str(wait_ms)],
                            cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Destroyed while thread" not in result.stderr
    if load_s > 10:  # left after the wait, long before the load would have ended
        assert "left after" not in result.stdout  # os._exit: nothing after run_gui runs
    else:
        assert "left after" in result.stdout
