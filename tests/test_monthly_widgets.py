"""The monthly views painted (#15): bars at their true places, the time-elapsed line, the KPI
card's completion and 时序进度, Copy summary's sentences, and the folder rendered."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QGridLayout, QWidget

from zoneapp.core.loading import load_dataset
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.ui.widgets.kpi import KpiCard
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.sections import section_view
from zoneapp.views.time_axis import year_axis

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"


@pytest.fixture(scope="module")
def ds():
    return load_dataset(MONTHLY)


def _chart(qtbot, view, lang="zh"):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(640, 320)
    chart.set_view(view, lang)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def _tick_labels(chart):
    axis = chart.plot.getPlotItem().getAxis("bottom")
    return [label for _, label in axis._tickLevels[0]]


def test_years_with_a_gap_are_drawn_apart(zone_app, qtbot):
    bars = [Bar(str(y), v, f"{v}亿元", unit="亿元") for y, v in ((2014, 10), (2021, 30))]
    chart = _chart(qtbot, ChartView("gap", "收入", bars=bars, **year_axis(["2014", "2021"])))
    centres = [p.pos for p in chart.drawing.placed]
    assert centres == [2014.0, 2021.0]  # seven years apart, not side by side
    x0, x1 = chart.plot.getPlotItem().getViewBox().viewRange()[0]
    assert x0 < 2014 - 0.4 and x1 > 2021 + 0.4
    assert chart.bar_at(2017.0, 1.0) is None  # the gap holds no bar
    assert chart.bar_at(2021.1, 1.0) == 1
    labels = _tick_labels(chart)
    assert "2014" in labels and "2021" in labels


def test_months_at_their_places_and_the_time_line(zone_app, qtbot, ds):
    view = section_view(ds, "overview", "zh")
    month = _chart(qtbot, view.chart("month_industrial_revenue"))
    first, second = month.drawing.placed[:2]
    assert first.thickness > 1.5 * second.thickness  # 1–2月 over two months
    assert first.pos == 2024 * 12 + 0.5
    assert any("2024年" in label for label in _tick_labels(month))
    goal = _chart(qtbot, view.chart("target_industrial_revenue"))
    assert goal.plotted_values()[-1] == 88.2
    curves = [item for item in goal.plot.getPlotItem().listDataItems()
              if item.__class__.__name__ == "PlotDataItem"]
    assert len(curves) == 1 and list(curves[0].yData) == [0.0, 100.0]
    assert "时序进度" in goal.legend_labels()
    _, top = goal.plot.getPlotItem().getViewBox().viewRange()[1]
    assert top >= 100  # the line's end is inside the plot


def test_card_paints_completion_and_time_elapsed(zone_app, qtbot, ds):
    for lang, texts in (("zh", ("完成年度目标88.2%", "时序进度83.3%，高于4.9个百分点")),
                        ("en", ("88.2% of the annual target",
                                "time elapsed 83.3%, 4.9 points ahead"))):
        card = KpiCard()
        qtbot.addWidget(card)
        card.set_view(section_view(ds, "overview", lang).kpis[0], lang)
        card.resize(320, card.height())
        card.show()
        assert card.has_target() and card.target_texts() == texts
        assert texts[0] in card.accessible_text()
        plain = KpiCard()
        qtbot.addWidget(plain)
        plain.set_view(section_view(ds, "overview", lang).kpis[1], lang)
        assert not plain.has_target() and plain.target_texts() == ("", "")
        assert plain.minimumHeight() < card.minimumHeight()
        low = plain.minimumHeight()
        plain.reserve_target_room(True)  # room for the target lines its neighbours have
        assert plain.minimumHeight() == low + card.target_lines.extra_height()
        row = QWidget()  # and in a row, every card as tall as the tallest
        qtbot.addWidget(row)
        grid = QGridLayout(row)
        grid.addWidget(card, 0, 0)
        grid.addWidget(plain, 0, 1)
        row.resize(640, 10)
        row.show()
        qtbot.waitUntil(lambda: plain.height() == card.height())
        assert card.height() >= card.needed_height()


def test_copy_summary_uses_the_monthly_sentences(zone_app, qtbot, ds):
    from zoneapp.ui.window.main_window import MainWindow

    window = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(window)
    window.set_dataset(ds)
    text = window.sharing.copy_summary()
    assert text.splitlines()[0] == ("1–10月，规上工业营业收入累计完成450.2亿元，同比增长9.8%，"
                                    "完成年度目标的88.2%，高于时序进度4.9个百分点。")
    assert QGuiApplication.clipboard().text() == text


@pytest.mark.parametrize("lang, theme", [("zh", "light"), ("en", "dark")])
def test_render_of_the_monthly_folder(zone_app, tmp_path, lang, theme):
    from zoneapp.ui.window.render import render_tabs

    written = render_tabs(tmp_path / lang, MONTHLY, lang, (1280, 800), theme=theme)
    overview = QImage(str(written[0]))
    assert overview.height() > 1600  # cards, six monthly charts and a table: a long page
    assert all(p.stat().st_size > 10_000 for p in written)


def test_report_prints_completion_and_time_elapsed(zone_app, tmp_path, ds):
    import unicodedata

    import pypdf

    from zoneapp.ui.output.report import write_report

    path = write_report(ds, tmp_path / "m.pdf", "zh")
    text = unicodedata.normalize("NFKC", "\n".join(p.extract_text()
                                                   for p in pypdf.PdfReader(str(path)).pages))
    assert "完成年度目标88.2%" in text
    assert "时序进度83.3%,高于4.9个百分点" in text  # NFKC: the full-width comma read back
    assert "规上工业营业收入:2025年目标完成进度" in text


def test_show_year_switches_the_monthly_cards_and_charts(zone_app, qtbot, ds):
    from zoneapp.ui.window.main_window import MainWindow

    window = MainWindow(lang="zh", remember=False)
    qtbot.addWidget(window)
    window.set_dataset(ds)
    window.header.select_period(2024)
    page = window.tab("overview")
    qtbot.waitUntil(lambda: page.kpis and "2024年" in page.kpis[0].title_text())
    card = page.kpis[0]
    assert card.target_texts() == ("完成年度目标92.3%", "时序进度100%，低于7.7个百分点")
    month = page.charts["month_industrial_output"]
    assert month.legend_labels() == ["推算"]  # 2024's months are all derived
    assert len(month.bars()) == 11  # 1–2月 and March to December
