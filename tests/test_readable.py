"""Numbers people read: large figures in the unit people use, never in scientific notation."""
from __future__ import annotations

import math

import pandas as pd
import pytest

from zoneapp.core.readable import axis_scale, format_readable, reading_unit, tick_texts
from zoneapp.core.units import format_value
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.views.kpis import kpi_view
from zoneapp.views.model import Bar


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (42_512_215, "万元", "", "4,251.2亿元"),
    (42_512_215, "万元", "约", "约4,251.2亿元"),
    (42_512_215, "万元", "以上", "4,251.2亿元以上"),
    (-42_512_215, "万元", "", "-4,251.2亿元"),
    (12_000, "万元", "", "1.2亿元"),
    (10_000, "万元", "", "1亿元"),
    (9_999, "万元", "", "9,999万元"),  # below five digits: the data's unit
    (5_000, "万元", "", "5,000万元"),
    (-9_999, "万元", "", "-9,999万元"),
    (506.1, "亿元", "", "506.1亿元"),  # already the largest rung
    (2_000_000, "亿元", "", "2,000,000亿元"),
    (12_345, "元", "", "1.23万元"),
    (123_456_789, "元", "", "1.23亿元"),
    (45_000, "千元", "", "4,500万元"),  # 千元 climbs the money ladder
    (12_345_678, "人", "", "1,234.6万人"),
    (3_000, "人", "超过", "超过3,000人"),
    (12_345, "个", "", "12,345个"),  # a count without a ladder stays
    (54_321, "家", "", "54,321家"),
    (25_000, "亩", "", "25,000亩"),  # 亩 is read as written
    (30_000, "万元", "多", "30,000多万元"),  # 多 belongs to the digits written
    (0, "万元", "", "0万元"),
    (250_000_000, "千瓦时", "", "2.5亿千瓦时"),
    (123_456, "吨", "", "12.3万吨"),
    (23_456, "吨", "", "2.35万吨"),
    (11.7, "%", "", "11.7%"),
])
def test_chinese_figures_read_in_the_unit_people_use(value, unit, qualifier, expected):
    assert format_readable(value, unit, qualifier, "zh") == expected


@pytest.mark.parametrize("value, unit, qualifier, expected", [
    (42_512_215, "万元", "", "425.12 bn yuan"),  # 4,251.2亿元
    (4_251_221.5, "万元", "约", "about 42.51 bn yuan"),  # 425.1亿元
    (4.251, "亿元", "", "425.1 M yuan"),
    (-42_512_215, "万元", "", "-425.12 bn yuan"),
    (0, "万元", "", "0 yuan"),
    (1_234.5678, "万人", "", "12.35 M people"),
    (12_345, "个", "", "12,345"),
])
def test_english_figures_read_as_the_app_writes_english_amounts(value, unit, qualifier, expected):
    assert format_readable(value, unit, qualifier, "en") == expected
    assert format_readable(value, unit, qualifier, "en") == format_value(value, unit, qualifier, "en")


@pytest.mark.parametrize("value", [None, math.nan, float("nan")])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_missing_figure_reads_as_nothing(value, lang):
    assert format_readable(value, "万元", "", lang) == ""


@pytest.mark.parametrize("qualifier, expected", [
    ("超过", "超过4,251.9亿元"),  # rounded down: the claim stays true of 42,519,999
    ("以上", "4,251.9亿元以上"),
    ("近", "近4,252亿元"),  # rounded up
    ("不足", "不足4,252亿元"),
    ("约", "约4,252亿元"),
    ("", "4,252亿元"),
])
def test_rounding_keeps_what_the_qualifier_claims(qualifier, expected):
    assert format_readable(42_519_999, "万元", qualifier, "zh") == expected


def test_scaled_figure_never_shows_more_digits_than_it_has():
    # A derived figure rounded to its inputs' precision (core/derive.py) keeps it: scaling
    # shifts the point, and trailing zeros are dropped.
    assert format_readable(4_530_000, "万元", "约", "zh") == "约453亿元"
    assert format_readable(4_530_900, "万元", "约", "zh") == "约453.1亿元"
    assert format_readable(45_300, "万元", "约", "zh") == "约4.53亿元"


def test_reading_unit():
    assert reading_unit(42_512_215, "万元") == ("亿元", pytest.approx(1e-4))
    assert reading_unit(9_999, "万元") == ("万元", 1.0)
    assert reading_unit(math.nan, "万元") == ("万元", 1.0)
    assert reading_unit(10**9, "个") == ("个", 1.0)


@pytest.mark.parametrize("unit, top, lang, expected", [
    ("万元", 42_512_215, "zh", (1e-4, "亿元")),
    ("万元", -42_512_215, "zh", (1e-4, "亿元")),
    ("万元", 5_000, "zh", (1.0, "万元")),
    ("人", 12_345_678, "zh", (1e-4, "万人")),
    ("万元", 42_512_215, "en", (1e-5, "bn yuan")),
    ("亿元", 506.1, "zh", (1.0, "亿元")),
])
def test_axis_scale_says_the_scaled_unit(unit, top, lang, expected):
    scale, label = axis_scale(unit, top, lang)
    assert scale == pytest.approx(expected[0]) and label == expected[1]


@pytest.mark.parametrize("values, scale, spacing, expected", [
    ([0, 1e7, 2e7], 1.0, 1e7, ["0", "10,000,000", "20,000,000"]),
    ([0, 1e7, 2e7], 1e-4, 1e7, ["0", "1,000", "2,000"]),
    ([-2e7, 0], 1.0, 2e7, ["-20,000,000", "0"]),
    ([0.0, 0.25, 0.5], 1.0, 0.25, ["0", "0.2", "0.5"]),
    ([1e-5, 2e-5], 1.0, 1e-5, ["0.00001", "0.00002"]),
    ([1e15], 1.0, 1e14, ["1,000,000,000,000,000"]),
    ([-0.0], 1.0, 1.0, ["0"]),
])
def test_tick_texts_never_scientific(values, scale, spacing, expected):
    texts = tick_texts(values, scale, spacing)
    assert texts == expected and not any("e" in t for t in texts)


def test_kpi_card_reads_in_yi_yuan():
    row = pd.Series({"key": "revenue", "name_zh": "营业收入", "name_en": "Revenue",
                     "value": 42_512_215.0, "unit": "万元", "qualifier": "约", "period": 2023})
    assert kpi_view(row, "zh").value_text == "约4,251.2亿元"
    assert kpi_view(row, "en").value_text == "about 425.12 bn yuan"


def _shown_ticks(chart: BarChart) -> list[str]:
    axis = chart.plot.getPlotItem().getAxis("left")
    lo, hi = chart.plot.getPlotItem().getViewBox().viewRange()[1]
    texts = []
    for spacing, values in axis.tickValues(lo, hi, 300):
        texts += axis.tickStrings(values, axis.scale, spacing)
    return texts


@pytest.mark.parametrize("lang, label, top_tick", [("zh", "亿元", 4000.0),
                                                    ("en", "bn yuan", 400.0)])
def test_axis_of_tens_of_millions_of_wan_yuan(qtbot, zone_app, lang, label, top_tick):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.lang = lang
    chart.resize(520, 320)
    chart.show()
    values = [18_000_000.0, 42_512_215.0, 21_000_000.0]
    chart.set_bars([Bar(f"地区{i}", v, format_readable(v, "万元", "", lang), unit="万元")
                    for i, v in enumerate(values)], value_axis_label="万元")
    qtbot.wait(10)
    ticks = _shown_ticks(chart)
    assert ticks and not any("e" in t.lower() for t in ticks)
    assert chart.value_axis_text() == label
    assert chart.plotted_values() == values  # the data, unscaled
    numbers = [float(t.replace(",", "")) for t in ticks]
    assert max(numbers) >= top_tick and max(numbers) < top_tick * 2
    assert chart.value_label_texts()[1] == ("4,251.2亿元" if lang == "zh" else "425.12 bn yuan")


def test_count_axis_of_millions_has_no_exponent(qtbot, zone_app):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(520, 320)
    chart.show()
    chart.set_bars([Bar("甲", 2.4e7, "24,000,000个", unit="个"),
                    Bar("乙", 1.2e7, "12,000,000个", unit="个")], value_axis_label="单位：个")
    ticks = _shown_ticks(chart)
    assert ticks and not any("e" in t.lower() for t in ticks)
    assert any("," in t for t in ticks)
