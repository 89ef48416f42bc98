"""A section page paints its view, and a new language or theme updates it in place."""
from __future__ import annotations

from PySide6.QtCore import Qt

from zoneapp.ui import palette
from zoneapp.ui.tabs.page import SectionPage
from zoneapp.ui.window.main_window import MainWindow


def test_language_switch_updates_the_same_widgets(zone_app, qtbot, default_dataset):
    window = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(window)
    window.set_dataset(default_dataset)
    page = window.tab("overview")
    cards, charts, tables = list(page.kpis), dict(page.charts), dict(page.tables)
    panel = tables["indicators"]
    panel.view.sortByColumn(panel.model.column_keys().index("value"), Qt.SortOrder.DescendingOrder)
    window.set_language("en")
    page = window.tab("overview")
    assert page.kpis == cards and page.charts == charts and page.tables == tables
    assert page.kpis[0].title_text() == "Main business revenue"
    assert page.kpis[0].yoy_text() == "YoY ▲11.7%"
    assert charts["by_period"].title_text() == "Main business revenue and profit by year"
    header = panel.view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == \
        (panel.model.column_keys().index("value"), Qt.SortOrder.DescendingOrder)
    window.set_language("zh")
    assert window.tab("overview").kpis[0].title_text() == "主营业务收入"


def test_theme_switch_recolours_charts_and_cards_in_place(zone_app, qtbot, default_dataset):
    window = MainWindow(lang="zh", remember=False, theme_mode="light")
    qtbot.addWidget(window)
    window.set_dataset(default_dataset)
    chart = window.tab("overview").charts["by_period"]
    card = window.tab("overview").kpis[0]
    try:
        window.set_theme("dark", save=False)
        page = window.tab("overview")
        assert page.charts["by_period"] is chart and page.kpis[0] is card
        assert chart.plot.backgroundBrush().color().name() == palette.DARK.background.lower()
        assert palette.DARK.background.lower() in card.styleSheet().lower()
    finally:
        window.set_theme("light", save=False)
    assert chart.plot.backgroundBrush().color().name() == palette.LIGHT.background.lower()


def test_a_page_of_another_shape_is_built_anew(zone_app, qtbot, default_dataset):
    page = SectionPage("projects")
    qtbot.addWidget(page)
    page.set_dataset(default_dataset, "zh")
    before = dict(page.charts)
    assert set(before) == {"investment", "stages", "split_projects_total",
                           "split_projects_inv_100m"}
    page.set_dataset(default_dataset, "zh", 2018)  # no figures that year: nothing to update
    assert page.charts.keys() == before.keys()  # charts show every year whatever the period
    assert page.charts["investment"] is not before["investment"]  # but the cards changed
    assert page.kpis == [] and page.tables["projects"].model.rowCount() == 0
