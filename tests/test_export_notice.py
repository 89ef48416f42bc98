"""After an export the status bar says where the file went, with a link that opens its folder."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from zoneapp.paths import DEFAULT_DATA


@pytest.fixture
def window(main_window):
    assert main_window.load_folder(DEFAULT_DATA)
    opened: list[Path] = []
    main_window.written_notice.opener = opened.append  # no file manager in tests
    main_window.opened = opened
    return main_window


def test_ctrl_e_names_the_file_and_the_link_opens_its_folder(qtbot, window, tmp_path):
    panel = window.select_tab("projects").tables["projects"]
    panel.ask_save_path = lambda default: tmp_path / default
    notice = window.written_notice
    assert notice.text() == ""
    panel.view.setFocus()
    qtbot.keyClick(panel.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = tmp_path / panel.default_file_name()
    assert written.is_file()
    assert notice.text() == f"已导出到 {written}"
    assert notice.isVisible() and "打开所在文件夹" in notice.label.text()
    notice.label.linkActivated.emit("open")  # what a click on the link emits
    assert window.opened == [tmp_path]


def test_a_table_made_anew_for_another_year_still_reports(window, tmp_path):
    """Choosing a year updates a tab's tables (in place, or anew when the page changes
    shape): they report their exports as before."""
    assert window.load_folder(Path(__file__).parent / "data" / "three_periods")
    page = window.select_tab("overview")
    window.header.select_period(window.header.periods()[-1])
    panel = next(iter(page.tables.values()))
    assert set(panel.model.frame()["period"]) == {window.header.periods()[-1]}
    panel.ask_save_path = lambda default: tmp_path / "t.xlsx"
    assert panel.export() == tmp_path / "t.xlsx"
    assert window.written_notice.text() == f"已导出到 {tmp_path / 't.xlsx'}"


def test_export_all_names_the_folder(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window.sharing, "ask_export_folder", lambda: tmp_path)
    written = window.export_all_tables()
    assert window.written_notice.text() == f"已写入 {len(written)} 个文件到 {tmp_path}"
    window.written_notice.open_folder()
    assert window.opened == [tmp_path]


def test_a_table_built_when_scrolled_to_reports_its_export(qtbot, window, tmp_path):
    """A tab's first show builds only what is near the screen; a table built later, when the
    user scrolls to it, reports its export too, and filling the tab built nothing more."""
    page = window.select_tab("projects")
    qtbot.waitUntil(lambda: page.widget().isVisible())
    unbuilt = [key for key in page.tables.slots if key not in page.tables.built()]
    assert unbuilt, "the projects tab's last table should wait below the fold"
    page.verticalScrollBar().setValue(page.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: unbuilt[-1] in page.tables.built())
    panel = page.tables.built()[unbuilt[-1]]
    panel.ask_save_path = lambda default: tmp_path / "late.csv"
    assert panel.export() == tmp_path / "late.csv"
    assert window.written_notice.text() == f"已导出到 {tmp_path / 'late.csv'}"
