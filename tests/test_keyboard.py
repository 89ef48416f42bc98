"""Keyboard use: shortcuts reach every action, Ctrl+F finds the search box, problems go to rows;
screen readers get names for KPI cards and charts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from zoneapp.core.problems import WARNING, Problem
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.main_window import MainWindow


@pytest.fixture
def broken_folder(tmp_path) -> Path:
    """The default data with a word where projects.csv's first investment should be."""
    folder = tmp_path / "broken"
    shutil.copytree(DEFAULT_DATA, folder)
    projects = folder / "projects.csv"
    lines = projects.read_text(encoding="utf-8-sig").split("\n")
    header, cells = lines[0].split(","), lines[1].split(",")
    cells[header.index("investment")] = "二十"
    lines[1] = ",".join(cells)
    projects.write_text("\n".join(lines), encoding="utf-8-sig")
    return folder


@pytest.fixture
def window(qtbot, zone_app):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    assert win.load_folder(DEFAULT_DATA)
    return win


def test_shortcuts_are_set(window):
    assert window.action_open.shortcut() == QKeySequence("Ctrl+O")
    assert window.action_reload.shortcut() == QKeySequence("F5")
    assert window.action_quit.shortcut() == QKeySequence("Ctrl+Q")
    assert window.action_find.shortcut() == QKeySequence("Ctrl+F")
    assert window.action_problems.shortcut() == QKeySequence("F8")
    assert [a.shortcut().toString() for a in window.view_actions] == [
        f"Ctrl+{i + 1}" for i in range(len(SECTIONS))]
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.action_open))
                 if not a.shortcut().isEmpty() and a.parent() is window]
    assert len(shortcuts) == len(set(shortcuts)), "a shortcut is used twice"


def test_ctrl_number_switches_tabs(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.tab_widget.currentIndex() == 2
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.tab_widget.currentIndex() == 0


def test_ctrl_f_focuses_the_current_tabs_search_box(qtbot, window):
    page = window.select_tab("projects")
    edit = page.first_filter_edit()
    edit.setText("技改")
    qtbot.keyClick(window.tab_widget, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is edit, timeout=3000)
    assert edit.selectedText() == "技改"


def test_f5_reloads(qtbot, window):
    first = window.dataset
    qtbot.keyClick(window.tab_widget, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: window.dataset is not first, timeout=10000)


def test_activating_a_problem_selects_its_row(qtbot, window):
    page = window.tab("projects")
    frame = window.dataset.table("projects")
    row_number = int(frame["_row"].iloc[3])
    name = frame["name_zh"].iloc[3]
    problem = Problem("projects.csv", row_number, "investment", "示例", "example",
                      "bad_number", WARNING)
    window.problems_panel.set_problems([problem], "zh")
    window.select_tab("overview")
    listing = window.problems_panel.list_widget()
    window.focus_problems()
    listing.setCurrentRow(0)
    qtbot.keyClick(listing, Qt.Key.Key_Return)
    assert window.tab_widget.currentWidget() is page
    panel = page.tables["projects"]
    rows = {i.row() for i in panel.view.selectionModel().selectedIndexes()}
    assert len(rows) == 1
    shown = panel.model.source_row(rows.pop())
    assert frame["name_zh"].iloc[shown] == name


def test_a_problem_row_left_out_shows_the_table_and_says_so(qtbot, window, broken_folder):
    assert window.load_folder(broken_folder)
    problem = next(p for p in window.dataset.problems if p.file == "projects.csv")
    window.select_tab("overview")
    window.show_problem(problem)
    page = window.tab("projects")
    assert window.tab_widget.currentWidget() is page
    panel = page.tables["projects"]
    frame = panel.model.frame()
    if (frame["_row"] == problem.row).any():  # the row is kept, its bad cell left empty
        rows = [i.row() for i in panel.view.selectionModel().selectedIndexes()]
        assert rows and int(frame["_row"].iloc[panel.model.source_row(rows[0])]) == problem.row
    else:
        assert str(problem.row) in window.statusBar().currentMessage()
    missing = Problem("projects.csv", 9999, None, "缺", "missing")
    window.select_tab("overview")
    window.show_problem(missing)
    assert window.tab_widget.currentWidget() is page
    assert "9999" in window.statusBar().currentMessage()


def test_kpi_cards_and_charts_have_accessible_names(window, default_dataset):
    card = next(c for c in window.tab("overview").kpis
                if c.title_text() == default_dataset.indicator("revenue")["name_zh"])
    assert card.accessibleName() == "主营业务收入 506.1亿元 同比增长11.7%"
    for page in window.tab_pages.values():
        for chart in page.charts.values():
            assert chart.accessibleName() == chart.title_text()
            assert chart.accessibleDescription()


def test_table_tab_order_goes_search_export_table(window):
    panel = window.tab("projects").tables["projects"]
    assert panel.filter_edit.nextInFocusChain() is not None
    chain, widget = [], panel.filter_edit
    for _ in range(6):
        widget = widget.nextInFocusChain()
        chain.append(widget)
    assert panel.view in chain
