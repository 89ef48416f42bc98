"""The global exception handler: a log entry, a short message, and the app keeps running."""
from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from zoneapp import crashlog


@pytest.fixture
def hooked(qapp, tmp_path, monkeypatch):
    """The handler installed with its log in tmp_path and its message box replaced by a list."""
    shown: list[str] = []
    monkeypatch.setattr(crashlog, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(crashlog, "show_message", lambda text, parent: shown.append(text))
    monkeypatch.setattr(crashlog, "_chinese", lambda: False)
    crashlog.install_excepthook(lambda: None)
    yield shown
    crashlog.uninstall_excepthook()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_timer_is_logged_and_shown(hooked, qtbot):
    from PySide6.QtCore import QTimer

    def boom() -> None:
        raise ZeroDivisionError("boom in a slot")

    QTimer.singleShot(0, boom)
    qtbot.waitUntil(lambda: bool(hooked), timeout=3000)
    log = crashlog.log_path().read_text(encoding="utf-8")
    assert "ZeroDivisionError: boom in a slot" in log and "Traceback" in log and "in boom" in log
    assert "ZeroDivisionError: boom in a slot" in hooked[0]
    assert str(crashlog.log_path()) in hooked[0]
    alive: list[bool] = []
    QTimer.singleShot(0, lambda: alive.append(True))  # the event loop still runs
    qtbot.waitUntil(lambda: bool(alive), timeout=3000)


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_button_slot(hooked, qtbot):
    from PySide6.QtWidgets import QPushButton

    button = QPushButton("x")
    qtbot.addWidget(button)
    button.clicked.connect(lambda: {}["missing"])
    button.click()
    qtbot.waitUntil(lambda: bool(hooked), timeout=3000)
    assert "KeyError" in crashlog.log_path().read_text(encoding="utf-8")
    assert button.isEnabled()


@pytest.mark.qt_no_exception_capture
def test_exception_in_a_worker_thread_reaches_the_gui_thread(hooked, qtbot):
    thread = threading.Thread(target=lambda: 1 / 0)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(hooked), timeout=3000)  # the box is shown by the GUI thread
    assert "ZeroDivisionError" in hooked[0]
    assert "ZeroDivisionError" in crashlog.log_path().read_text(encoding="utf-8")


def test_log_is_capped_and_keeps_the_newest(hooked, monkeypatch):
    monkeypatch.setattr(crashlog, "MAX_LOG_BYTES", 4000)
    for i in range(50):
        crashlog.write_log(f"entry {i:03d} " + "x" * 200)
    text = crashlog.log_path().read_text(encoding="utf-8")
    assert crashlog.log_path().stat().st_size <= 4000
    assert "entry 049" in text and "entry 000" not in text
    assert text.startswith("=== ")  # trimmed at an entry boundary


def test_unwritable_log_still_shows_the_message(qapp, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    monkeypatch.setattr(crashlog, "log_dir", lambda: blocker / "logs")
    assert crashlog.write_log("x") is None
    text = crashlog.message_text(ValueError("bad"), None)
    assert "ValueError: bad" in text


def test_install_and_uninstall_restore_the_hooks(qapp):
    before = sys.excepthook, threading.excepthook
    crashlog.install_excepthook()
    assert sys.excepthook is crashlog.handle
    crashlog.uninstall_excepthook()
    assert (sys.excepthook, threading.excepthook) == before


def test_real_message_box_does_not_block(qapp, qtbot):
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    crashlog.show_message("text", parent)  # returns at once: open(), not exec()
    box = crashlog._state["box"]
    assert box.isVisible() and box.text() == "text"
    crashlog.show_message("second", parent)  # one box at a time
    assert crashlog._state["box"] is box
    box.close()


def test_default_log_location_is_app_data(qapp):
    from PySide6.QtCore import QStandardPaths

    QStandardPaths.setTestModeEnabled(True)
    try:
        base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        assert crashlog.log_path() == Path(base) / "logs" / "zoneapp.log"
    finally:
        QStandardPaths.setTestModeEnabled(False)


def test_about_box_says_where_the_log_is(zone_app, qtbot):
    from zoneapp.ui.window.main_window import MainWindow

    window = MainWindow(lang="en")
    qtbot.addWidget(window)
    assert str(crashlog.log_path()) in window.about_text()
