"""Docks keep their size and closed state across a restart; F8 opens the problems dock small."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.main_window import MainWindow


@pytest.fixture
def broken(tmp_path) -> Path:
    """The default data with one bad number: one problem."""
    folder = tmp_path / "broken"
    shutil.copytree(DEFAULT_DATA, folder)
    projects = folder / "projects.csv"
    header, first, *rest = projects.read_text(encoding="utf-8-sig").split("\n")
    cells = first.split(",")
    cells[header.split(",").index("investment")] = "二十"
    projects.write_text("\n".join([header, ",".join(cells), *rest]), encoding="utf-8-sig")
    return folder


def new_window(qtbot) -> MainWindow:
    win = MainWindow(lang="zh")  # remembers: settings live in the test's temporary folder
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_f8_with_no_problems_opens_a_small_dock(qtbot, zone_app):
    win = new_window(qtbot)
    assert win.load_folder(DEFAULT_DATA) and not win.dataset.problems
    assert not win.problems_dock.isVisible()
    win.focus_problems()
    assert win.problems_dock.isVisible()
    assert win.problems_dock.height() <= 110  # not 40 % of 800 px for "No problems found"


def test_a_closed_dock_stays_closed_after_a_restart(qtbot, zone_app, broken):
    first = new_window(qtbot)
    assert first.load_folder(broken) and first.problems_dock.isVisible()
    first.problems_dock.close()  # the dock's close button
    first.close()  # saves the window state
    second = new_window(qtbot)
    assert second.load_folder(broken) and second.dataset.problems
    assert not second.problems_dock.isVisible()
    assert second.problems_button.text() == f"问题：{len(second.dataset.problems)}"


def test_a_dock_keeps_the_size_it_was_given(qtbot, zone_app, broken):
    first = new_window(qtbot)
    assert first.load_folder(broken)
    first.resizeDocks([first.problems_dock], [260], Qt.Orientation.Vertical)
    QApplication.processEvents()  # the dock layout applies the new size
    height = first.problems_dock.height()
    assert height > 200  # well above the 70 + 24 px a single problem gets
    first.close()
    second = new_window(qtbot)
    assert second.load_folder(broken)
    QApplication.processEvents()
    assert second.problems_dock.isVisible()
    assert second.problems_dock.height() == height
