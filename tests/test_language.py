"""Switching between Chinese and English at run time: window, tabs, tables, charts, numbers."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt

from zoneapp.core.schema import SECTIONS, TABLES_BY_NAME
from zoneapp.paths import DEFAULT_DATA


@pytest.fixture
def window(main_window):
    assert main_window.load_folder(DEFAULT_DATA)
    return main_window


def _headers(panel) -> list[str]:
    model = panel.model
    return [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]


def _chart_titles(window) -> list[str]:
    pages = [window.tab(s.code) for s in SECTIONS]  # each filled (tabs fill when shown)
    return [c.title_text() for page in pages for c in page.charts.values()]


def test_switching_language_relabels_everything_and_back(window):
    projects = TABLES_BY_NAME["projects"]
    tabs = window.tab_widget
    zh_titles = _chart_titles(window)
    zh_kpi = [c.value_text() for c in window.tab("overview").kpis]
    assert any("亿元" in v for v in zh_kpi)
    assert "产业项目" in [tabs.tabText(i) for i in range(tabs.count())]

    window.set_language("en")
    assert [tabs.tabText(i).replace("&&", "&") for i in range(tabs.count())] == [
        s.en for s in SECTIONS]
    assert [a.text() for a in window.menuBar().actions()][:2] == ["&File", "&View"]
    assert window.action_reload.text() == "&Reload"
    assert window.problems_dock.windowTitle() == "Problems"
    assert window.header.name_text() == window.dataset.manifest.name_en
    assert window.dataset.manifest.name_en in window.windowTitle()
    panel = window.tab("projects").tables["projects"]
    assert _headers(panel)[0] == projects.column("name_en").en  # English columns first
    en_titles = _chart_titles(window)
    assert "Total investment per project" in en_titles
    assert not set(en_titles) & set(zh_titles)
    en_kpi = [c.value_text() for c in window.tab("overview").kpis]
    assert any("bn yuan" in v or "M yuan" in v for v in en_kpi)
    assert not any("亿元" in v for v in en_kpi)
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"

    window.set_language("zh")
    assert tabs.tabText(1) == "产业项目"
    assert [a.text() for a in window.menuBar().actions()][0] == "文件(&F)"
    assert _chart_titles(window) == zh_titles
    assert [c.value_text() for c in window.tab("overview").kpis] == zh_kpi
    assert projects.column("name_zh").zh in " ".join(_headers(window.tab("projects")
                                                            .tables["projects"]))


def test_language_switch_keeps_tab_sort_filter_and_selection(window):
    page = window.select_tab("projects")
    panel = page.tables["projects"]
    keys = panel.model.column_keys()
    panel.view.sortByColumn(keys.index("investment"), Qt.SortOrder.DescendingOrder)
    panel.view.selectRow(2)
    selected = panel.model.source_row(2)
    window.set_language("en")
    assert window.tab_widget.currentWidget() is page
    panel = page.tables["projects"]
    header = panel.view.horizontalHeader()
    assert panel.model.column_key(header.sortIndicatorSection()) == "investment"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    rows = {i.row() for i in panel.view.selectionModel().selectedIndexes()}
    assert rows == {2} and panel.model.source_row(2) == selected

    panel.filter_edit.setText("Electronic")  # the three electronics firms of six projects
    panel.filter_bar.apply_search()  # not waiting for the typing pause
    shown = panel.model.rowCount()
    assert 0 < shown < len(window.dataset.table("projects"))
    window.set_language("zh")
    panel = page.tables["projects"]
    assert panel.filter_edit.text() == "Electronic" and panel.model.rowCount() == shown


def test_data_names_stay_as_the_data_gives_them(window):
    """A company's name is the data's, in each language: the Chinese column in Chinese, its
    English twin (filled in the seed) in English, never translated by the app."""
    panel = window.tab("projects").tables["projects"]
    frame = panel.model.frame()

    def shown(key: str) -> set:
        column = panel.model.column_keys().index(key)
        return {panel.model.data(panel.model.index(r, column))
                for r in range(panel.model.rowCount())}

    assert shown("company_zh") == {v for v in frame["company_zh"].fillna("")}
    window.set_language("en")
    panel = window.tab("projects").tables["projects"]
    assert shown("company_en") == {v for v in frame["company_en"].fillna("")}


def test_language_menu_switches_and_is_remembered(window):
    from zoneapp import settings

    window.preferences.language_actions["en"].trigger()
    assert window.lang == "en" and settings.get("ui/language") == "en"
    assert window.preferences.language_actions["en"].isChecked()
    window.preferences.language_actions["zh"].trigger()
    assert window.lang == "zh" and settings.get("ui/language") == "zh"


def test_language_switch_keeps_search_column_and_drop_downs(window):
    page = window.select_tab("projects")
    panel = page.tables["projects"]
    bar = panel.filter_bar
    frame = window.dataset.table("projects")
    stage = next(s for s in frame["stage"].dropna().astype(str) if s)
    industry = next(s for s in frame["industry_zh"].dropna().astype(str) if s)
    assert bar.set_choice("stage", stage) and bar.set_choice("industry_zh", industry)
    assert bar.set_search_column("name_zh")
    shown = panel.model.shown_count()
    assert shown < len(frame)

    window.set_language("en")
    bar = page.tables["projects"].filter_bar
    assert bar.search_column() == "name_en"  # the project's name, in English
    english = frame.loc[frame["industry_zh"].astype(str) == industry, "industry_en"].iloc[0]
    assert bar.choice_values() == {"stage": stage, "industry_en": english}
    assert page.tables["projects"].model.shown_count() == shown

    window.set_language("zh")
    bar = page.tables["projects"].filter_bar
    assert bar.choice_values() == {"stage": stage, "industry_zh": industry}
    assert bar.search_column() == "name_zh"
    assert page.tables["projects"].model.shown_count() == shown


def test_window_title_names_the_app_once_in_either_language(window):
    """Qt appends applicationDisplayName to a title that does not end with it: issue #17 saw
    "… — ZoneApp Indicator Dashboard — ZoneApp" in English."""
    from PySide6.QtWidgets import QApplication

    for lang, app_name in (("en", "ZoneApp Indicator Dashboard"), ("zh", "园区指标看板")):
        window.set_language(lang)
        title = window.windowTitle()
        assert title == f"{window.dataset.manifest.name(lang)} — {app_name}"
        assert QApplication.applicationDisplayName() == app_name  # so nothing is appended
