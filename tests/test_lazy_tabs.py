"""Tabs are filled when first shown: loading data fills the current tab only, and whatever
reads a tab (switching to it, the period selector, reloads, render) sees it filled."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from zoneapp import settings
from zoneapp.core.loading import load_dataset
from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.render import render_tabs

THREE = Path(__file__).parent / "data" / "three_periods"


@pytest.fixture
def window(main_window):
    return main_window


def test_only_the_current_tab_is_filled_until_shown(window, default_dataset):
    window.set_dataset(default_dataset)
    overview, projects = window.tab_pages["overview"], window.tab_pages["projects"]
    assert window.tab_widget.currentWidget() is overview
    assert overview.kpis and overview.charts
    assert [window.is_filled(s.code) for s in SECTIONS] == [True] + [False] * 5
    assert not (projects.kpis or projects.charts or projects.tables)

    window.tab_widget.setCurrentWidget(projects)  # as a click on the tab does
    assert window.is_filled("projects")
    panel = projects.tables["projects"]
    assert panel.isVisible()  # at once, not on the next turn of the event loop
    assert panel.model.rowCount() == len(default_dataset.table("projects"))
    names = {panel.model.index(r, 0).data() for r in range(panel.model.rowCount())}
    assert len(names) > 1
    assert not window.tab_pages["financing"].kpis

    financing = window.tab("financing")  # the accessor fills a tab not shown yet
    assert financing.kpis and all(card.value_text() for card in financing.kpis)
    assert window.tab_widget.currentWidget() is projects


def test_loading_data_writes_no_settings(window, monkeypatch):
    assert window.load_folder(DEFAULT_DATA)  # a first open remembers the folder
    first = window.dataset
    written = []
    monkeypatch.setattr(settings, "set_value", lambda key, value: written.append(key))
    assert window.load_folder(DEFAULT_DATA) and window.dataset is not first
    window.set_language("en")
    assert written == ["ui/language"]
    window.select_tab("relief")  # the user's own choice is remembered
    assert written == ["ui/language", "window/last_tab"]


def test_a_tab_not_shown_since_a_reload_keeps_its_sort_and_filter(window):
    window.load_folder(DEFAULT_DATA)
    panel = window.select_tab("projects").tables["projects"]
    panel.filter_edit.setText("技改")
    panel.filter_bar.apply_search()
    shown = panel.model.rowCount()
    assert 0 < shown < len(window.dataset.table("projects"))
    window.select_tab("overview")
    window.load_folder(DEFAULT_DATA)
    window.load_folder(DEFAULT_DATA)  # twice: the kept state waits for the tab to be shown
    assert not window.is_filled("projects")
    panel = window.select_tab("projects").tables["projects"]
    assert panel.filter_edit.text() == "技改"
    assert panel.model.rowCount() == shown


def test_a_tab_filled_later_shows_the_chosen_period(window):
    window.set_dataset(load_dataset(THREE))
    window.header.select_period(2018)
    model = window.select_tab("projects").tables["projects"].model
    assert set(model.frame()["period"]) == {2018}


def test_render_fills_every_tab(zone_app, tmp_path):
    written = render_tabs(tmp_path, DEFAULT_DATA, "zh", (1280, 800))
    assert len(written) == len(SECTIONS)
    images = [QImage(str(p)) for p in written]
    for image in images:  # the page below the header is drawn, not an empty tab
        colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(300, 800, 16)}
        assert len(colours) > 8
    assert len({p.read_bytes() for p in written}) == len(SECTIONS)
