"""The AppState: one signal per real change; the window's pages follow it in place."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from zoneapp.core.loading import load_dataset
from zoneapp.core.schema import TABLES_BY_NAME
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui import palette
from zoneapp.ui.state import AppState

THREE = Path(__file__).parent / "data" / "three_periods"


def _recorder(state: AppState) -> dict[str, list]:
    seen: dict[str, list] = {"dataset": [], "language": [], "period": [], "theme": []}
    state.dataset_changed.connect(seen["dataset"].append)
    state.language_changed.connect(seen["language"].append)
    state.period_changed.connect(seen["period"].append)
    state.theme_changed.connect(seen["theme"].append)
    return seen


def test_each_setter_signals_once_per_real_change(qtbot, default_dataset):
    state = AppState("zh", "light")
    seen = _recorder(state)
    assert state.set_language("zh") is False and state.set_theme("light") is False
    assert state.set_period(None) is False and state.set_dataset(None) is False
    assert seen == {"dataset": [], "language": [], "period": [], "theme": []}

    assert state.set_language("en") and not state.set_language("en")
    assert state.set_theme("dark") and not state.set_theme("dark")
    assert state.set_period(2019) and not state.set_period(2019)
    assert state.set_dataset(default_dataset) and not state.set_dataset(default_dataset)
    assert seen == {"dataset": [default_dataset], "language": ["en"], "period": [2019],
                    "theme": ["dark"]}
    assert (state.dataset, state.language, state.period, state.theme) == (
        default_dataset, "en", 2019, "dark")

    state.set_period(None)
    assert seen["period"] == [2019, None]
    # A reload is a new Dataset, equal or not: it is shown again.
    again = dataclasses.replace(default_dataset)
    assert state.set_dataset(again)
    assert seen["dataset"] == [default_dataset, again]


@pytest.fixture
def window(main_window):
    assert main_window.load_folder(DEFAULT_DATA)
    return main_window


def _widgets(page) -> list:
    return [*page.kpis, *page.charts.values(), *page.tables.values()]


def test_a_language_switch_updates_the_pages_without_rebuilding_them(window):
    pages = dict(window.tab_pages)
    overview = window.tab("overview")
    projects = window.tab("projects")
    before = {code: _widgets(window.tab(code)) for code in ("overview", "projects")}
    zh_values = [card.value_text() for card in overview.kpis]
    zh_titles = [chart.title_text() for chart in overview.charts.values()]
    assert before["overview"] and before["projects"]

    window.set_language("en")
    assert window.state.language == "en" and window.lang == "en"
    assert window.tab_pages == pages and all(
        window.tab_pages[c] is p for c, p in pages.items())  # the same pages
    assert window.tab("overview") is overview and window.tab("projects") is projects
    for code, widgets in before.items():
        after = _widgets(window.tab(code))
        assert len(after) == len(widgets) and all(a is b for a, b in zip(after, widgets))
    assert [card.value_text() for card in overview.kpis] != zh_values
    assert [chart.title_text() for chart in overview.charts.values()] != zh_titles
    model = projects.tables["projects"].model
    name_en = TABLES_BY_NAME["projects"].column("name_en").en
    assert model.headerData(0, Qt.Orientation.Horizontal) == name_en  # English columns first

    window.set_language("zh")
    assert [card.value_text() for card in overview.kpis] == zh_values
    assert [chart.title_text() for chart in overview.charts.values()] == zh_titles
    assert all(a is b for a, b in zip(_widgets(overview), before["overview"]))


def test_a_theme_switch_repaints_the_same_widgets(window):
    overview = window.tab("overview")
    widgets = _widgets(overview)
    try:
        assert window.set_theme("dark", save=False) == "dark"
        assert window.state.theme == "dark"
        assert window.tab("overview") is overview
        assert all(a is b for a, b in zip(_widgets(overview), widgets))
        assert palette.DARK.background in overview.kpis[0].styleSheet()
    finally:
        window.set_theme("light", save=False)
    assert palette.LIGHT.background in overview.kpis[0].styleSheet()


def test_the_period_is_state_and_the_header_follows_it(window):
    window.set_dataset(load_dataset(THREE))
    page = window.select_tab("overview")
    window.state.set_period(2018)  # not through the selector: the selector follows
    assert window.header.selected_period() == 2018
    assert set(page.tables["indicators"].model.frame()["period"]) == {2018}
    assert window.tab("overview") is page
    window.header.select_period(None)  # the selector: the state follows
    assert window.state.period is None
    assert set(page.tables["indicators"].model.frame()["period"]) == {2017, 2018, 2019}


def test_the_pages_not_shown_wait_for_the_state(window):
    window.select_tab("overview")
    window.set_language("en")
    assert window.is_filled("overview") and not window.is_filled("projects")
    projects = window.select_tab("projects")
    assert window.is_filled("projects")
    assert projects.lang == "en"


def test_the_tabs_controller_needs_only_what_it_is_given(qtbot, zone_app, default_dataset):
    """SectionTabs without a main window: a state, a tab widget, a menu and its end."""
    from PySide6.QtWidgets import QMenu, QTabWidget

    from zoneapp.ui.window.section_tabs import SectionTabs

    state = AppState("zh", "light")
    tab_widget = QTabWidget()
    qtbot.addWidget(tab_widget)
    menu = QMenu()
    end = menu.addSeparator()
    tabs = SectionTabs(state, tab_widget, menu, end, remember=False)
    filled = []
    tabs.sig_page_filled.connect(filled.append)
    assert tab_widget.count() == len(tabs.sections) and not tabs.pages  # placeholders

    state.set_dataset(default_dataset)
    codes = [s.code for s in default_dataset.sections]
    assert list(tabs.pages) == codes and filled == [tabs.pages[codes[0]]]
    assert [tabs.is_filled(c) for c in codes] == [True] + [False] * (len(codes) - 1)
    assert menu.actions()[:len(codes)] == tabs.view_actions

    state.set_language("en")  # the page shown follows at once, the others when shown
    assert filled[-1] is tabs.pages[codes[0]] and len(filled) == 2
    assert tabs.pages[codes[0]].lang == "en" and not tabs.is_filled(codes[1])
    assert tabs.select_tab(codes[1]).lang == "en" and tabs.is_filled(codes[1])
