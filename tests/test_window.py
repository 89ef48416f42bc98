"""The main window on the default data and on a folder with problems; menus, export, about."""
from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtGui import QKeySequence

from zoneapp import __version__
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.main_window import MainWindow


@pytest.fixture
def window(main_window):
    return main_window


@pytest.fixture
def broken_folder(tmp_path) -> Path:
    """The default data with a bad number in projects.csv and programmes.csv unreadable."""
    folder = tmp_path / "broken"
    shutil.copytree(DEFAULT_DATA, folder)
    projects = folder / "projects.csv"
    text = projects.read_text(encoding="utf-8-sig")
    header, first, *rest = text.split("\n")
    cells = first.split(",")
    cells[header.split(",").index("investment")] = "二十"
    projects.write_text("\n".join([header, ",".join(cells), *rest]), encoding="utf-8-sig")
    programmes = folder / "programmes.csv"
    text = programmes.read_text(encoding="utf-8-sig")
    programmes.write_text(text.replace("programme_zh", "programme_x", 1), encoding="utf-8-sig")
    return folder


def test_window_opens_on_default_data_with_every_tab(window, default_dataset):
    assert window.load_folder(DEFAULT_DATA)
    tabs = window.tab_widget
    assert [tabs.tabText(i) for i in range(tabs.count())] == [s.zh for s in SECTIONS]
    manifest = default_dataset.manifest
    assert window.header.name_text() == manifest.name_zh
    assert manifest.period_label() in window.header.period_text()
    assert manifest.name_zh in window.windowTitle()
    assert str(DEFAULT_DATA) in window.folder_label.text()
    assert window.problems_button.text() == f"问题：{len(default_dataset.problems)}"
    for section in SECTIONS:
        page = window.select_tab(section.code)
        assert page is window.tab(section.code)
        assert page.kpis or page.charts or page.tables
    overview = window.tab("overview")
    revenue = default_dataset.indicator("revenue")
    assert any(card.title_text() == revenue["name_zh"] for card in overview.kpis)


def test_english_window_labels(qtbot, zone_app, default_dataset):
    win = MainWindow(lang="en")
    qtbot.addWidget(win)
    win.set_dataset(default_dataset)
    tabs = win.tab_widget
    assert [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())] == [
        s.en for s in SECTIONS]
    assert win.header.name_text() == default_dataset.manifest.name_en


def test_menus_and_shortcuts(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus == ["文件(&F)", "视图(&V)", "帮助(&H)"]
    assert window.action_quit.shortcut() == QKeySequence("Ctrl+Q")
    assert [a.text() for a in window.tabs.view_actions] == [s.zh for s in SECTIONS]
    window.load_folder(DEFAULT_DATA)
    window.tabs.view_actions[3].trigger()
    assert window.tab_widget.currentIndex() == 3


def test_table_export_writes_the_visible_rows(window, tmp_path, monkeypatch):
    window.load_folder(DEFAULT_DATA)
    panel = window.tab("projects").tables["projects"]
    target = tmp_path / "projects.csv"
    monkeypatch.setattr(panel, "ask_save_path", lambda *a, **k: target)
    # 技改 is in two names, and is the type shown for the two upgrades of the six projects
    # (天鑫钢铁's 大修 is an overhaul).
    panel.filter_edit.setText("技改")
    written = panel.export()  # a search still being typed applies first
    assert written is not None and Path(written).exists()
    frame = pd.read_csv(written, encoding="utf-8-sig")
    assert sorted(frame.iloc[:, 0]) == ["烟厂易地技改项目", "芦林纸业技改项目"]
    assert len(window.dataset.table("projects")) == 6


def test_export_all_tables(window, tmp_path, monkeypatch):
    window.load_folder(DEFAULT_DATA)
    monkeypatch.setattr(window.sharing, "ask_export_folder", lambda: tmp_path)
    written = window.export_all_tables()
    assert written and all(Path(p).exists() and Path(p).stat().st_size for p in written)


def test_folder_with_problems_shows_good_tables_and_problems(window, broken_folder):
    assert window.load_folder(broken_folder)
    dataset = window.dataset
    assert dataset.problems
    assert window.problems_button.text() == f"问题：{len(dataset.problems)}"
    assert window.problems_dock.isVisible()
    lines = window.problems_panel.lines()
    assert len(lines) == len(dataset.problems)
    assert any("projects.csv" in line for line in lines)
    assert any("programmes.csv" in line for line in lines)
    assert all(p.format("zh") in line for p, line in zip(dataset.problems, lines))
    # The good tables still show; the unreadable one is simply absent.
    assert window.tab("overview").tables["honours"].model.rowCount() == len(dataset.table("honours"))
    assert window.tab("projects").tables["projects"].model.rowCount() == len(dataset.table("projects"))
    assert "programmes" not in window.tab("financing").tables
    assert window.tab("financing").kpis


def test_folder_that_cannot_open_shows_the_reason(window, tmp_path, monkeypatch):
    errors = []
    monkeypatch.setattr(window, "show_error", lambda title, text: errors.append((title, text)))
    missing = tmp_path / "nowhere"
    assert not window.load_folder(missing)
    assert errors and str(missing) in errors[0][1]
    assert window.dataset is None


def test_open_folder_uses_the_chosen_folder(qtbot, window, monkeypatch):
    monkeypatch.setattr(window, "ask_folder", lambda: DEFAULT_DATA)
    window.open_folder()  # loads on a worker thread
    qtbot.waitUntil(lambda: window.data_folder == DEFAULT_DATA, timeout=20000)
    monkeypatch.setattr(window, "ask_folder", lambda: None)
    window.open_folder()  # cancelled: nothing changes
    assert window.data_folder == DEFAULT_DATA


def test_about_names_version_and_sources(window, default_dataset):
    window.load_folder(DEFAULT_DATA)
    text = window.about_text()
    assert __version__ in text
    for source in default_dataset.manifest.sources:
        assert source.title.split("「")[0] in text


def _text_colours(widget) -> set[str]:
    """The colours of the pixels a widget's text draws (far from its background's)."""
    image = widget.grab().toImage()
    background = image.pixelColor(1, 1)
    found = set()
    for x in range(image.width()):
        for y in range(image.height()):
            c = image.pixelColor(x, y)
            if abs(c.red() - background.red()) + abs(c.green() - background.green()) \
                    + abs(c.blue() - background.blue()) > 200:
                found.add(c.name())
    return found


def test_the_problems_button_turns_to_the_error_colour_and_back(window, broken_folder):
    """Its colour comes from the status bar's rule on a property, applied again on each load."""
    from zoneapp.ui import palette

    error = palette.current().error
    assert window.load_folder(broken_folder)
    assert error in _text_colours(window.problems_button)
    assert window.load_folder(DEFAULT_DATA) and not window.dataset.problems
    assert error not in _text_colours(window.problems_button)
