"""Periods of different lengths never share a series: the 当期 tax chart of
tests/data/monthly_targets has quarters (derived from 1–3月, 上半年, 1–9月累计) and a derived
October (1–10月 − 1–9月). Quarters and the month are two series, each bar as wide as its months
on the true axis, each with its value label, each derived bar with its formula."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF

from zoneapp.core.loading import load_dataset
from zoneapp.core.periods import PeriodSpan
from zoneapp.ui.widgets import chart_layout
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.views.sections import section_view
from zoneapp.views.time_axis import span_kind

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(MONTHLY)


def test_span_kinds():
    assert span_kind(PeriodSpan(2025, 10, 10)) == "month"
    assert span_kind(PeriodSpan(2025, 1, 2)) == "month"  # 1–2月 reported together
    assert span_kind(PeriodSpan(2025, 7, 9)) == "quarter"
    assert span_kind(PeriodSpan(2025, 7, 12)) == "half"
    assert span_kind(PeriodSpan(2025, 5, 6)) == "2 months"
    assert span_kind(PeriodSpan(2025, 2, 4)) == "3 months"  # three months, not a quarter


@pytest.mark.parametrize("lang, quarters, month, title", [
    ("zh", "当季", "当月", "税收收入：当期"),
    ("en", "Quarters", "Months", "Tax revenue: each period"),
])
def test_the_tax_chart_keeps_quarters_and_a_month_apart(ds, lang, quarters, month, title):
    chart = section_view(ds, "overview", lang).chart("month_tax_revenue")
    assert chart.title == title and chart.note  # the note says lengths differ
    assert [b.series for b in chart.bars] == [quarters] * 7 + [month]
    assert chart.widths == [3.0] * 7 + [1.0]
    last = chart.bars[-1]
    assert last.label == ("2025年10月" if lang == "zh" else "October 2025")
    assert last.value == 730 and last.display == ("730万元" if lang == "zh" else "7.3 M yuan")
    # each bar at its months on the true axis: the quarters tile 2024–2025Q3, October after
    assert chart.positions[-1] == 2025 * 12 + 9
    assert chart.positions[-2] == 2025 * 12 + 7  # 三季度 centred on August
    # every bar is derived from the 累计 and says how
    assert all(b.derived for b in chart.bars) and "6,850 − 6,120 = 730" in last.tooltip
    assert all(b.tooltip and b.display for b in chart.bars)


def _one_length_per_series(chart) -> bool:
    lengths: dict[str, set[float]] = {}
    for bar, width in zip(chart.bars, chart.widths):
        lengths.setdefault(bar.series, set()).add(width)
    # 1–2月 reported together is a month of the monthly report: one series with the months
    return all(w <= {1.0, 2.0} or len(w) == 1 for w in lengths.values())


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_period_chart_mixes_lengths_in_one_series(ds, lang):
    charts = [c for c in section_view(ds, "overview", lang).charts if c.key.startswith("month_")]
    assert len(charts) == 3
    assert all(_one_length_per_series(c) for c in charts)
    months = section_view(ds, "overview", lang).chart("month_industrial_revenue")
    assert {b.series for b in months.bars} == {""}  # months and 1–2月: one series, no legend
    assert not months.note


def test_every_tax_bar_has_its_value_label_drawn(zone_app, qtbot, ds):
    view = section_view(ds, "overview", "zh").chart("month_tax_revenue")
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(620, 330)  # a chart's size in the window's two columns
    chart.set_view(view, "zh")
    chart.show()
    qtbot.waitExposed(chart)
    qtbot.waitUntil(lambda: "730万元" in chart.shown_value_labels())
    assert chart.shown_value_labels() == [b.display for b in view.bars]
    assert set(chart.legend_labels()) >= {"当季", "当月", "推算"}
    # October's label is over its own bar (slid off the taller quarter beside it)
    labels = chart.drawing.labels
    box = labels.boxes()[-1]
    vb = chart.plot.getPlotItem().getViewBox()
    placed = chart.drawing.placed[-1]
    left = vb.mapFromView(QPointF(placed.pos - placed.thickness / 2, 0)).x()
    right = vb.mapFromView(QPointF(placed.pos + placed.thickness / 2, 0)).x()
    assert box.left() <= left + 1 and box.right() >= right - 1  # covers its bar, not beyond
    assert labels.shifts[-1] > 0


def test_a_narrow_bars_label_slides_off_a_taller_neighbour():
    # a quarter (about 3 units wide, tall) and a month (0.7 wide, short), on a 200 px plot of
    # 5 units: 40 px each; the month's 70 px label, centred, would touch the quarter's bar
    bars = [(3.0, 0.7, 30.0), (1.0, 2.8, 100.0)]  # the latest first, as a time axis places them
    args = dict(horizontal=False, value_range=(0.0, 130.0), cat_range=(-0.5, 4.5),
                size=(200.0, 100.0), gap=4.0)
    sizes = [(70.0, 12.0), (40.0, 12.0)]
    shifts = chart_layout.label_shifts(bars, ["m", "q"], sizes, **args)
    assert shifts[0] is not None and shifts[0] > 0  # the month's label moved right
    assert 140 + shifts[0] - 35 <= 140 - 14  # still over its whole bar (centre 140, 28 px)
    assert chart_layout.fitting_labels(bars, ["m", "q"], sizes, **args) == [True, True]
    # no room on either side: hidden (its bar's tooltip has the value)
    tight = chart_layout.label_shifts(bars, ["m", "q"], sizes, **{**args, "cat_range": (-0.5, 3.6)})
    assert tight[0] is None


def test_an_entitys_trend_keeps_quarters_and_a_month_apart(tmp_path):
    """views/entity_trend.py draws an entity's 当期 with timeline's flow_chart: the same rule."""
    folder = tmp_path / "parks"
    folder.mkdir()
    (folder / "zone.toml").write_text('[zone]\nname_zh = "测试园区"\nperiods = [2023]\n',
                                      encoding="utf-8")
    lines = ["section,key,name_zh,period,value,unit,entity,aggregate,period_detail,value_kind"]
    for park, base, total in (("A园", 10, ""), ("B园", 30, ""), ("合计", 40, "yes")):
        lines += [f"overview,q,产值,2023,{base * q},亿元,{park},{total},2023Q{q},month"
                  for q in (1, 2, 3)]
        lines.append(f"overview,q,产值,2023,{base},亿元,{park},{total},2023-10,month")
    (folder / "indicators.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    trend = section_view(load_dataset(folder), "overview", "zh").chart("trend_q_month")
    assert [(b.label, b.series) for b in trend.bars] == [
        ("2023年一季度", "当季"), ("2023年二季度", "当季"), ("2023年三季度", "当季"),
        ("2023年10月", "当月")]
    assert trend.widths == [3.0, 3.0, 3.0, 1.0] and trend.note
    assert _one_length_per_series(trend)
