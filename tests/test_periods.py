"""Several periods: the header's selector, tables per period, charts of every period, KPI compare."""
from __future__ import annotations

from pathlib import Path

from zoneapp.core.loading import load_dataset
from zoneapp.core.periods import reported_periods
from zoneapp.ui.window.main_window import MainWindow

THREE = Path(__file__).parent / "data" / "three_periods"


def test_reported_periods(default_dataset):
    assert reported_periods(load_dataset(THREE)) == [2017, 2018, 2019]
    assert reported_periods(default_dataset) == [2019]  # 2018 only has derived figures


def test_selector_switches_tables(zone_app, qtbot):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(load_dataset(THREE))
    header = window.header
    assert header.period_combo.isVisibleTo(header)
    assert [header.period_combo.itemText(i) for i in range(4)][1:] == ["2019", "2018", "2017"]
    page = window.tab("overview")
    assert page.tables["indicators"].model.rowCount() == 9  # 3 years × (2 + derived margin)
    with qtbot.waitSignal(header.sig_period_changed) as blocker:
        header.select_period(2018)
    assert blocker.args == [2018]
    page = window.tab("overview")
    model = page.tables["indicators"].model
    assert model.rowCount() == 3
    assert set(model.frame()["period"]) == {2018}
    assert page.kpis[0].value_text() == "330亿元"
    assert page.kpis[0].compare_text() == "2017年：300亿元"
    # The charts keep every period while the tables show one.
    charts = window.tab("projects").charts
    investments = load_dataset(THREE).tables["projects"]["investment"].astype(float)
    assert sorted(charts["investment"].plotted_values()) == sorted(investments)
    assert charts["split_projects_total"].legend_labels() == ["2017", "2018", "2019"]
    header.select_period(None)
    assert window.tab("overview").tables["indicators"].model.rowCount() == 9


def test_charts_show_every_period(zone_app, qtbot):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(load_dataset(THREE))
    window.header.select_period(2019)
    chart = window.tab("projects").charts["split_projects_total"]
    assert chart.legend_labels() == ["2017", "2018", "2019"]
    assert sorted(chart.plotted_values())[:1] == [8.0]


def test_single_period_hides_selector(zone_app, qtbot, default_dataset):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(default_dataset)
    assert not window.header.period_combo.isVisibleTo(window.header)
