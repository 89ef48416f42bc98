"""Source trace: a KPI card, a bar or a table cell opens the source panel with document and
sentence; a derived figure shows its derivation and inputs."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from zoneapp.core.loading import load_dataset
from zoneapp.ui.window.main_window import MainWindow
from zoneapp.ui.widgets.source_panel import parse_inputs

THREE = Path(__file__).parent / "data" / "three_periods"


def _window(qtbot):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(load_dataset(THREE))
    return window


def test_kpi_click_shows_document_and_sentence(zone_app, qtbot):
    window = _window(qtbot)
    card = window.tab("overview").kpis[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    text = window.source_dock.panel.text()
    assert window.source_dock.isVisibleTo(window)
    assert "示例经济开发区年度工作简报（虚构）" in text and "测试编写组" in text
    assert "2019年，开发区实现主营业务收入363亿元" in text


def test_derived_figure_shows_derivation_and_inputs(zone_app, qtbot):
    window = _window(qtbot)
    margin = next(c for c in window.tab("overview").kpis if c.is_derived())
    margin.request_source()
    text = window.source_dock.panel.text()
    assert "利润" in text and "36.3亿元" in text and "363亿元" in text
    assert parse_inputs("profit@2019;revenue@2019") == [("profit", 2019), ("revenue", 2019)]


def test_bar_and_table_cell_request_source(zone_app, qtbot):
    window = _window(qtbot)
    page = window.tab("projects")
    chart = page.charts["split_projects_total"]
    index = next(i for i, b in enumerate(chart.bars()) if b.ref is not None)
    chart.request_source(index)
    assert "新建、续建项目" in window.source_dock.panel.text()
    panel = page.tables["projects"]
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    panel.source_action.trigger()
    assert "示例" in window.source_dock.panel.text()
    assert "总投资" in window.source_dock.panel.text()
