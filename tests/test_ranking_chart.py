"""The ranking of tests/data/regions31 as painted: the chart's bars in order with the own
entity in the accent colour (light and dark), the table sorted by a period as numbers, the
tab, and `python main.py render` on the folder."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage

from zoneapp.core.loading import load_dataset
from zoneapp.ui import palette
from zoneapp.ui.widgets.charts import BarChart, chart_height
from zoneapp.ui.widgets.table_panel import TablePanel
from zoneapp.views.sections import section_view

FOLDER = Path(__file__).parent / "data" / "regions31"
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def regions():
    return load_dataset(FOLDER)


@pytest.fixture
def chart(qtbot, zone_app):
    c = BarChart()
    qtbot.addWidget(c)
    return c


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_chart_draws_the_bars_in_order_and_the_own_one_apart(chart, regions, theme):
    view = section_view(regions, "overview", "zh").chart("rank_revenue")
    with_theme = palette.current().name
    palette.use(theme)
    try:
        chart.resize(620, chart_height(view))
        chart.set_view(view, "zh")
        chart.show()
        assert chart.plotted_labels() == [b.label for b in view.bars]
        assert chart.plotted_values() == pytest.approx([b.value for b in view.bars])
        values = chart.plotted_values()[:15]
        assert values == sorted(values, reverse=True)
        fills = [fill for fill, _ in chart.bar_styles()]
        own = chart.plotted_labels().index("江西（第18位）")
        assert fills[own] == palette.HIGHLIGHT
        assert {fills[i] for i in range(15)} == {palette.SERIES[0]}
        assert fills[own] not in (palette.SERIES[0], palette.UP, palette.DOWN)
        assert chart.legend_labels()[-1] == "江西（本地区）"
        assert chart.note_text() == "全国合计：181,902.3亿元。"
    finally:
        palette.use(with_theme)


def test_a_long_ranking_has_room_for_every_name(chart, regions, qtbot):
    view = section_view(regions, "overview", "en").chart("rank_revenue")
    chart.resize(620, chart_height(view))
    chart.set_view(view, "en")
    chart.show()
    qtbot.waitExposed(chart)
    assert 17 * 24 < chart_height(view) < 17 * 44  # grows with the bars, not 44 px each
    ticks = chart.plot.getPlotItem().getAxis("left")._tickLevels[0]
    assert [t for _, t in ticks] == [b.label for b in view.bars]  # each named, none cut


def test_the_table_sorts_by_a_period_as_numbers(qtbot, zone_app, regions):
    table = next(t for t in section_view(regions, "overview", "zh").tables
                 if t.key == "entities_revenue")
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_data(table.frame, table.schema, "zh", table.title)
    column = panel.model.column_keys().index("p2021")
    assert panel.model.header_label(column) == "2021年"
    assert panel.model.is_numeric_column(column)
    panel.view.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    shown = [panel.model.data(panel.model.index(r, column), Qt.ItemDataRole.UserRole)
             for r in range(panel.model.rowCount())]
    assert shown == sorted(shown)  # 9,… before 45,…: numbers, not text
    assert panel.model.display_text(0, 0) == "西藏"
    assert panel.model.display_text(31, 0) == "全国（合计）"


def test_the_tab_shows_cards_charts_and_tables(qtbot, zone_app, regions):
    from zoneapp.ui.tabs.page import SectionPage

    page = SectionPage("overview")
    qtbot.addWidget(page)
    page.resize(1280, 900)
    page.set_dataset(regions, "zh")
    page.show()
    assert [c.title_text() for c in page.kpis][0] == "高技术产业营业收入（江西）"
    assert page.kpis[0].compare_text().startswith("第18位（共31）")
    keys = ("revenue", "enterprises", "revenue_growth")  # each ranking, then its own
    assert set(page.charts) == {f"rank_{k}" for k in keys} | {f"trend_{k}_year" for k in keys}
    panel = page.tables["entities_revenue"]
    assert panel.model.header_label(1) == "2021年"
    assert panel.model.display_text(0, 3) == "181,902.3"
    panel.view.sortByColumn(2, Qt.SortOrder.DescendingOrder)  # by 2022
    assert panel.model.display_text(0, 0) == "全国（合计）"
    assert panel.model.display_text(1, 0) == "广东"
    chart = page.charts["rank_revenue"]
    page.set_dataset(regions, "en")  # a language switch: the same widgets, in English
    assert page.charts["rank_revenue"] is chart and page.tables["entities_revenue"] is panel
    assert chart.plotted_labels()[0] == "Guangdong"
    assert panel.model.header_label(2) == "2022"
    assert panel.model.sort_column() == (2, Qt.SortOrder.DescendingOrder)  # the sort is kept
    assert panel.model.display_text(0, 0) == "National (aggregate)"
    assert page.kpis[0].compare_text().startswith("Rank 18 of 31")


def test_render_writes_the_ranking(tmp_path):
    out = tmp_path / "png"
    done = subprocess.run([sys.executable, "main.py", "render", str(out), "--data", str(FOLDER),
                           "--lang", "en", "--theme", "dark"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    overview = out / "01_overview.png"
    assert overview.stat().st_size > 50_000
    image = QImage(str(overview))
    assert image.height() > 2000  # three rankings and three tables, drawn whole
