"""BarChart: plotted values and labels, derived styling, legend, hover, empty state, fonts."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

from zoneapp.ui import palette
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.views.model import Bar


def bars() -> list[Bar]:
    return [
        Bar("主营业务收入", 506.1, "506.1亿元", tooltip="2019年主营业务收入506.1亿元"),
        Bar("利润总额", 2.99, "约2.99亿元", tooltip="利润约2.99亿元"),
        Bar("利润率", 30.0, "30亿元", tooltip="推算: 利润 ÷ 收入", derived=True),
    ]


@pytest.fixture
def chart(qtbot, zone_app):
    """A chart under the Chinese translator, so legend and empty texts can be checked literally."""
    c = BarChart()
    qtbot.addWidget(c)
    c.resize(480, 320)
    return c


def test_plotted_values_and_labels_equal_input(chart):
    chart.set_title("主要指标")
    chart.set_bars(bars(), value_axis_label="亿元")
    assert chart.title_text() == "主要指标"
    assert chart.plotted_values() == pytest.approx([506.1, 2.99, 30.0])
    assert chart.plotted_labels() == ["主营业务收入", "利润总额", "利润率"]
    assert chart.value_label_texts() == ["506.1亿元", "约2.99亿元", "30亿元"]
    assert not chart.is_empty()


def test_horizontal_and_replacing(chart):
    chart.set_bars(bars(), horizontal=True)
    assert chart.is_horizontal()
    assert chart.plotted_values() == pytest.approx([506.1, 2.99, 30.0])
    chart.set_bars([Bar("带动就业", 3000, "超过3,000人")])
    assert chart.plotted_values() == [3000.0]
    assert chart.plotted_labels() == ["带动就业"]


def test_derived_bars_lighter_and_dashed(chart):
    chart.set_bars(bars())
    styles = chart.bar_styles()
    assert styles[0] == (palette.series_color(0), Qt.PenStyle.SolidLine)
    assert styles[2] == (palette.derived_fill(palette.series_color(0)), Qt.PenStyle.DashLine)
    assert chart.legend_labels() == ["报道值", "推算"]


def test_no_legend_without_derived_or_series(chart):
    chart.set_bars(bars()[:2])
    assert chart.legend_labels() == []


def test_grouped_series_and_legend(chart):
    years = ["2017", "2018", "2019"]
    revenue = [Bar(y, v, f"{v}亿元") for y, v in zip(years, [400.2, 453.0, 506.1])]
    profit = [Bar(y, v, f"{v}亿元") for y, v in zip(years, [20.1, 25.3, 30.0])]
    chart.set_grouped(years, [("收入", revenue), ("利润", profit)])
    assert chart.plotted_values() == pytest.approx([400.2, 453.0, 506.1, 20.1, 25.3, 30.0])
    assert chart.plotted_labels() == years
    assert chart.legend_labels() == ["收入", "利润"]
    styles = chart.bar_styles()
    assert styles[0][0] == palette.series_color(0) and styles[3][0] == palette.series_color(1)
    chart.set_grouped(years, {"利润": profit[1:]})  # a dict works; bars matched by label
    assert chart.plotted_values() == pytest.approx([25.3, 30.0])
    assert chart.bar_at(1.0, 0.0) == 0


def test_empty_shows_no_data(chart):
    chart.set_bars([])
    assert chart.is_empty()
    assert chart.plotted_values() == [] and chart.plotted_labels() == []
    assert chart.empty_label.isVisibleTo(chart) and not chart.plot.isVisibleTo(chart)
    assert chart.empty_label.text() == "暂无数据"
    chart.set_bars(bars())
    assert chart.plot.isVisibleTo(chart) and not chart.empty_label.isVisibleTo(chart)


def test_zoom_enabled_pyqtgraph_menu_off_and_app_font(chart):
    chart.set_bars(bars())
    item = chart.plot.getPlotItem()
    assert item.getViewBox().state["mouseEnabled"] == [True, True]
    assert not item.menuEnabled()  # the chart's own menu replaces pyqtgraph's
    tick_font = item.getAxis("bottom").style["tickFont"]
    assert tick_font.family() == QApplication.font().family()


def test_hover_reports_bar_and_tooltip(qtbot, chart):
    chart.set_bars(bars())
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.tooltip_at(1.0, 1.0) == "利润约2.99亿元"
    assert chart.bar_at(5.0, 1.0) is None
    vb = chart.plot.getPlotItem().getViewBox()
    with qtbot.waitSignal(chart.sig_bar_hovered) as blocker:
        chart.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(2.0, 10.0)))
    assert blocker.args == [2]


def test_value_labels_have_room(qtbot, chart):
    chart.set_bars(bars())
    chart.show()
    qtbot.waitExposed(chart)
    (x0, x1), (y0, y1) = chart.plot.getPlotItem().getViewBox().viewRange()
    assert y1 > 506.1 * 1.05  # headroom above the tallest bar for its label
    assert y0 <= 0 and x0 < 0 < 2 < x1
    assert "506.1亿元" in chart.shown_value_labels()


@pytest.mark.parametrize("count,horizontal", [(1, False), (30, False), (30, True)])
def test_one_or_thirty_bars(qtbot, chart, count, horizontal):
    many = [Bar(f"上饶高新区第{i}号企业有限公司", float(i + 1), f"{i + 1}家") for i in range(count)]
    chart.set_bars(many, horizontal=horizontal)
    if horizontal:
        chart.resize(480, 80 + 24 * count)  # the tabs give horizontal charts a row per bar
    chart.show()
    qtbot.waitExposed(chart)
    assert chart.plotted_values() == [float(i + 1) for i in range(count)]
    assert len(chart.plotted_labels()) == count
    shown = chart.shown_value_labels()
    assert shown  # the crowded ones hide, but not all
    if count == 1:
        assert shown == ["1家"]


def _value_ticks(chart: BarChart, axis_name: str) -> list[float]:
    axis = chart.plot.getPlotItem().getAxis(axis_name)
    lo, hi = axis.range
    return [v for _, values in axis.tickValues(lo, hi, axis.width() or axis.height())
            for v in values]


def test_counts_get_whole_number_ticks(qtbot, chart):
    chart.set_bars([Bar(label=s, value=v, display=f"{v:g}个")
                    for s, v in (("签约", 1), ("开工", 1), ("投产", 2))])
    chart.resize(500, 420)
    chart.show()
    qtbot.waitExposed(chart)
    ticks = _value_ticks(chart, "left")
    assert ticks and all(float(t).is_integer() for t in ticks), ticks


def test_amounts_keep_automatic_ticks(qtbot, chart):
    chart.set_bars([Bar(label="甲", value=0.4, display="0.4"), Bar(label="乙", value=1.3, display="1.3")])
    chart.resize(500, 300)
    chart.show()
    qtbot.waitExposed(chart)
    assert any(not float(t).is_integer() for t in _value_ticks(chart, "left"))


def test_legend_names_only_the_kinds_of_bar_shown(chart):
    chart.set_bars([Bar("2018", 9.5, "约9.5%", derived=True), Bar("2019", 9.6, "9.6%", derived=True)])
    assert chart.legend_labels() == ["推算"]
    chart.set_bars([Bar("2018", 9.5, "约9.5%", derived=True), Bar("2019", 9.6, "9.6%")])
    assert chart.legend_labels() == ["报道值", "推算"]


def test_a_right_click_on_a_bar_opens_the_charts_menu(chart, qtbot):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QMenu

    chart.set_bars([Bar("甲", 5.0, "5亿元", ref="S1"), Bar("乙", 3.0, "3亿元")])
    chart.show()
    qtbot.waitExposed(chart)
    plot = chart.plot
    vb = plot.getPlotItem().getViewBox()

    def right_click(x: float, y: float) -> QMenu:
        # What the window system sends the widget under a right click (after the press):
        # QTest's clicks go to the widget directly, without it.
        where = plot.mapFromScene(vb.mapViewToScene(QPointF(x, y)))
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                                  plot.viewport().mapToGlobal(where))
        QApplication.sendEvent(plot.viewport(), event)
        qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu),
                        timeout=3000)
        return QApplication.activePopupWidget()

    menu = right_click(0, 2.5)  # the middle of the first bar
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == chart.chart_actions.source.text()  # a bar with a figure: Source… first
    assert chart.chart_actions.copy.text() in texts and chart.chart_actions.save_csv.text() in texts
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    menu = right_click(0.5, 4.5)  # between and above the bars: no Source…
    assert chart.chart_actions.source not in menu.actions()
    assert chart.chart_actions.copy in menu.actions()
    menu.close()
