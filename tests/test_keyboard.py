"""Keyboard use: shortcuts reach every action, Ctrl+F finds the search box, problems go to rows;
screen readers get names for KPI cards and charts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from zoneapp.core.problems import WARNING, Problem
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.tabs.lazy import LazyWidgets
from zoneapp.ui.window.main_window import MainWindow

THREE = Path(__file__).parent / "data" / "three_periods"


def _break_first_project(folder: Path, column: str) -> Path:
    """A copy of the default data with a word in `column` of projects.csv's first data row
    (spreadsheet row 2)."""
    shutil.copytree(DEFAULT_DATA, folder)
    projects = folder / "projects.csv"
    lines = projects.read_text(encoding="utf-8-sig").split("\n")
    header, cells = lines[0].split(","), lines[1].split(",")
    cells[header.index(column)] = "二十"
    lines[1] = ",".join(cells)
    projects.write_text("\n".join(lines), encoding="utf-8-sig")
    return folder


@pytest.fixture
def broken_folder(tmp_path) -> Path:
    """A bad investment: an optional column, so the cell is blanked and the row kept."""
    return _break_first_project(tmp_path / "broken", "investment")


@pytest.fixture
def row_left_out_folder(tmp_path) -> Path:
    """A bad period: a key column, so the whole row is left out."""
    return _break_first_project(tmp_path / "left_out", "period")


@pytest.fixture
def window(main_window):
    main_window.activateWindow()
    assert main_window.load_folder(DEFAULT_DATA)
    return main_window


def test_shortcuts_are_set(window):
    assert window.action_open.shortcut() == QKeySequence("Ctrl+O")
    assert window.action_reload.shortcut() == QKeySequence("F5")
    assert window.action_quit.shortcut() == QKeySequence("Ctrl+Q")
    assert window.action_find.shortcut() == QKeySequence("Ctrl+F")
    assert window.action_problems.shortcut() == QKeySequence("F8")
    assert [a.shortcut().toString() for a in window.tabs.view_actions] == [
        f"Ctrl+{i + 1}" for i in range(len(SECTIONS))]
    shortcuts = [a.shortcut().toString() for a in window.findChildren(type(window.action_open))
                 if not a.shortcut().isEmpty() and a.parent() in (window, window.view_menu)]
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


def test_f5_reloads_in_the_background(qtbot, window, monkeypatch):
    first = window.dataset
    monkeypatch.setattr(window, "load_folder", lambda folder: pytest.fail("loaded on UI thread"))
    with qtbot.waitSignal(window.loader.sig_started, timeout=3000):
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


def _open_first_project_problem(window, folder: Path, column: str):
    """Load `folder`, check its projects.csv problem is row 2's `column`, open it from
    another tab: the projects tab comes up. -> (problem, the projects table panel)."""
    assert window.load_folder(folder)
    problem = next(p for p in window.dataset.problems if p.file == "projects.csv")
    assert (problem.row, problem.column) == (2, column)
    window.select_tab("overview")
    assert window.show_problem(problem)
    page = window.tab("projects")
    assert window.tab_widget.currentWidget() is page
    return problem, page.tables["projects"]


def test_a_problem_in_a_kept_row_selects_that_row(qtbot, window, broken_folder):
    """A bad optional cell keeps its row, so the problem leads to the row itself."""
    _, panel = _open_first_project_problem(window, broken_folder, "investment")
    frame = panel.model.frame()
    rows = {i.row() for i in panel.view.selectionModel().selectedIndexes()}
    assert len(rows) == 1
    kept = frame.iloc[panel.model.source_row(rows.pop())]
    assert int(kept["_row"]) == 2 and kept["name_zh"] == "立景创新科技"
    assert pd.isna(kept["investment"])  # the bad cell is blanked
    assert window.statusBar().currentMessage() == ""


def test_a_problem_row_left_out_shows_the_table_and_says_so(qtbot, window, row_left_out_folder):
    """A row left out cannot be selected: the table is shown and the status bar says why."""
    _, panel = _open_first_project_problem(window, row_left_out_folder, "period")
    assert 2 not in set(panel.model.frame()["_row"])
    assert "立景创新科技" not in set(panel.model.frame()["name_zh"])
    assert window.statusBar().currentMessage() == \
        "projects.csv 的第 2 行未显示：因为这个问题，该行未被载入。"
    page = window.tab("projects")
    missing = Problem("projects.csv", 9999, None, "缺", "missing")
    window.select_tab("overview")
    window.show_problem(missing)
    assert window.tab_widget.currentWidget() is page
    assert "9999" in window.statusBar().currentMessage()


def test_kpi_cards_and_charts_have_accessible_names(window, default_dataset):
    card = next(c for c in window.tab("overview").kpis
                if c.title_text() == default_dataset.indicator("revenue")["name_zh"])
    assert card.accessibleName() == "主营业务收入 506.1亿元 同比增长11.7%"
    for section in SECTIONS:
        for chart in window.tab(section.code).charts.values():
            assert chart.accessibleName() == chart.title_text()
            assert chart.accessibleDescription()


def test_tab_goes_search_column_dropdowns_export_table_and_leaves_the_table(qtbot, window):
    page = window.select_tab("projects")
    panel = page.tables["projects"]
    bar = panel.filter_bar
    assert bar.choice_combos, "the projects table has drop-down filters"
    expected = [bar.column_combo, *bar.choice_combos.values(), panel.export_button, panel.view]
    panel.filter_edit.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.filter_edit, timeout=3000)
    seen = []
    for _ in range(len(expected)):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    assert seen == expected
    assert not panel.view.tabKeyNavigation()
    qtbot.keyClick(panel.view, Qt.Key.Key_Tab)  # Tab leaves the table instead of moving cells
    assert QApplication.focusWidget() is not panel.view


def test_ctrl_e_exports_the_current_tabs_table_from_the_tab_bar(qtbot, window, monkeypatch):
    page = window.select_tab("projects")
    panel = page.tables["projects"]
    asked = []
    monkeypatch.setattr(panel, "ask_save_path", lambda default: asked.append(default))
    window.tab_widget.tabBar().setFocus()
    qtbot.waitUntil(lambda: window.tab_widget.tabBar().hasFocus(), timeout=3000)
    qtbot.keyClick(window.tab_widget.tabBar(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [panel.default_file_name()]
    assert window.action_export_table.shortcut() == QKeySequence("Ctrl+E")


def test_ctrl_e_exports_the_focused_table(qtbot, window, monkeypatch):
    page = window.select_tab("projects")
    panels = list(page.tables.values())
    assert len(panels) >= 2
    asked = []
    for p in panels:
        monkeypatch.setattr(p, "ask_save_path", lambda default, p=p: asked.append(p))
    panels[1].view.setFocus()
    qtbot.waitUntil(lambda: panels[1].view.hasFocus(), timeout=3000)
    qtbot.keyClick(panels[1].view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == [panels[1]]


def test_ctrl_e_on_a_tab_without_tables_says_so(qtbot, window, monkeypatch):
    page = window.select_tab("financing")
    # as a tab whose folder gives it no table
    monkeypatch.setattr(page, "tables", LazyWidgets(page._build_table))
    window.tab_widget.tabBar().setFocus()
    qtbot.keyClick(window.tab_widget.tabBar(), Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.statusBar().currentMessage() == "此页没有可导出的表格。"


def test_opening_a_problem_clears_the_drop_downs_hiding_its_row(window):
    page = window.tab("projects")
    panel = page.tables["projects"]
    frame = window.dataset.table("projects")
    key = next(k for k in panel.filter_bar.choice_combos if k.startswith("industry"))
    wanted = frame.iloc[0]
    other = next(v for v in frame[key].dropna().unique() if v != wanted[key])
    assert panel.filter_bar.set_choice(key, str(other))
    panel.filter_edit.setText(str(other))
    panel.filter_bar.apply_search()
    assert panel.model.shown_count() < len(frame)
    problem = Problem("projects.csv", int(wanted["_row"]), "investment", "示例", "example",
                      "bad_number", WARNING)
    window.select_tab("overview")
    assert window.show_problem(problem)
    panel = page.tables["projects"]
    assert panel.filter_bar.choice_values() == {} and panel.filter_edit.text() == ""
    rows = {i.row() for i in panel.view.selectionModel().selectedIndexes()}
    assert [panel.model.source_row(r) for r in rows] == [0]


def test_opening_a_problem_sets_the_year_back_to_all_years(qtbot, zone_app):
    win = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    assert win.load_folder(THREE)
    frame = win.dataset.table("projects")
    row_2019 = frame[frame["period"] == 2019].iloc[0]
    win.header.select_period(2018)
    assert set(win.tab("projects").tables["projects"].model.frame()["period"]) == {2018}
    problem = Problem("projects.csv", int(row_2019["_row"]), "investment", "示例", "example",
                      "bad_number", WARNING)
    assert win.show_problem(problem)
    assert win.header.selected_period() is None
    panel = win.tab("projects").tables["projects"]
    rows = {i.row() for i in panel.view.selectionModel().selectedIndexes()}
    assert len(rows) == 1
    shown = panel.model.frame().iloc[panel.model.source_row(rows.pop())]
    assert shown["name_zh"] == row_2019["name_zh"]
