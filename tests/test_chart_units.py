"""Value axes speak the labels' units; every figure with several years gets a by-year chart."""
from __future__ import annotations

from pathlib import Path

import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.core.units import axis_scale
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.views.model import Bar
from zoneapp.ui.tabs.page import SectionPage

THREE = Path(__file__).parent / "data" / "three_periods"


@pytest.mark.parametrize("unit, top, lang, expected", [
    ("亿元", 506.1, "en", (0.1, "bn yuan")),
    ("亿元", 10.0, "en", (0.1, "bn yuan")),
    ("亿元", 9.9, "en", (100.0, "M yuan")),
    ("亿元", 506.1, "zh", (1.0, "亿元")),
    ("万平方米", 120.0, "en", (0.01, "M m²")),
    ("万元", 50.0, "en", (1e4, "yuan")),
    ("人", 3000.0, "en", (1.0, "people")),
    ("%", 10.0, "en", (1.0, "%")),
])
def test_axis_scale(unit, top, lang, expected):
    scale, label = axis_scale(unit, top, lang)
    assert scale == pytest.approx(expected[0]) and label == expected[1]


def _tick_texts(chart: BarChart) -> list[str]:
    axis = chart.plot.getPlotItem().getAxis("left")
    lo, hi = chart.plot.getPlotItem().getViewBox().viewRange()[1]
    levels = axis.tickValues(lo, hi, 300)
    spacing, values = levels[0]
    return axis.tickStrings(values, axis.scale, spacing)


def _money_chart(qtbot, lang: str) -> BarChart:
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.lang = lang
    chart.resize(500, 320)
    chart.show()
    bars = [Bar("2018", 455.0, "45.5 bn yuan", unit="亿元"),
            Bar("2019", 506.1, "50.61 bn yuan", unit="亿元")]
    chart.set_bars(bars, value_axis_label="100M yuan" if lang == "en" else "亿元")
    return chart


def test_english_money_axis_in_bn_yuan(qtbot, zone_app):
    chart = _money_chart(qtbot, "en")
    assert chart.plotted_values() == [455.0, 506.1]  # the data, unscaled
    assert chart.value_axis_text() == "bn yuan"
    assert chart.value_axis_scale() == pytest.approx(0.1)
    ticks = [float(t) for t in _tick_texts(chart)]
    assert max(ticks) <= 60  # 0, 10 … 50 bn yuan, not 200, 400 (100M yuan)


def test_chinese_money_axis_keeps_yi_yuan(qtbot, zone_app):
    chart = _money_chart(qtbot, "zh")
    assert chart.value_axis_text() == "亿元"
    assert chart.value_axis_scale() == 1.0
    assert max(float(t) for t in _tick_texts(chart)) >= 400


def test_projects_investment_axis_matches_labels(qtbot, zone_app, default_dataset):
    tab = SectionPage("projects")
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.set_dataset(default_dataset, "en")
    chart = tab.charts["investment"]
    assert all("bn yuan" in t or "M yuan" in t for t in chart.value_label_texts())
    assert chart.value_axis_text() in ("bn yuan", "M yuan")
    assert "100M" not in chart.value_axis_text()


@pytest.mark.parametrize("cls, key", [
    ("financing", "park_loans"), ("relief", "hires"), ("innovation", "hte_total"),
    ("environment", "sewage_network"), ("projects", "land_acquired"),
])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_single_figure_with_several_years_has_a_by_year_chart(qtbot, zone_app, cls, key, lang):
    ds = load_dataset(THREE)
    tab = SectionPage(cls)
    qtbot.addWidget(tab)
    tab.resize(1240, 700)
    tab.set_dataset(ds, lang)
    rows = ds.indicators[ds.indicators["key"] == key].sort_values("period")
    expected = [float(v) for v in rows["value"]]
    years = [str(int(p)) for p in rows["period"]]
    found = [c for c in tab.charts.values()
             if c.plotted_values() == expected and c.plotted_labels() == years]
    assert found, {k: c.plotted_values() for k, c in tab.charts.items()}
    name = rows.iloc[0]["name_zh" if lang == "zh" else "name_en"]
    assert name in found[0].title_text()


def test_save_button_has_its_own_arrow_not_the_style_indicator(qtbot, zone_app):
    from zoneapp.ui.i18n import install_translator

    install_translator(zone_app, "zh")
    chart = BarChart()
    qtbot.addWidget(chart)
    button = chart.toolbar.save_button
    assert button.text() == "保存 ▾"
    assert "menu-indicator" in button.styleSheet() and "image: none" in button.styleSheet()
    assert button.menu() is not None and len(button.menu().actions()) == 3


def test_a_lone_chinese_unit_is_named_as_the_unit_on_an_axis():
    """个 turned on its side reads as an arrow: a one-character unit is "单位：个"."""
    from zoneapp.views.figures import unit_axis_label

    assert unit_axis_label("个", "zh") == "单位：个"
    assert unit_axis_label("亿元", "zh") == "亿元" and unit_axis_label("%", "zh") == "%"
    assert unit_axis_label("家", "en") != "单位：家"
