"""The wheel over a chart scrolls the page; Ctrl+wheel (or after a click) zooms, never below 0."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QLabel, QScrollArea, QVBoxLayout, QWidget

from zoneapp.ui.widgets.charts import Bar, BarChart


@pytest.fixture
def page(qtbot, zone_app):
    """A scroll area, as a tab is, holding a chart between tall blocks of text."""
    area = QScrollArea()
    qtbot.addWidget(area)
    content = QWidget()
    layout = QVBoxLayout(content)
    layout.addWidget(QLabel("上"), 0)
    layout.itemAt(0).widget().setFixedHeight(200)
    chart = BarChart()
    chart.setFixedHeight(320)
    chart.set_bars([Bar("主营业务收入", 506.1, "506.1亿元", unit="亿元"),
                    Bar("利润", 48.6, "48.6亿元", unit="亿元"),
                    Bar("税收", 151.4, "151.4亿元", unit="亿元")], value_axis_label="亿元")
    layout.addWidget(chart)
    spacer = QLabel("下")
    spacer.setFixedHeight(1200)
    layout.addWidget(spacer)
    area.setWidget(content)
    area.setWidgetResizable(True)
    area.resize(600, 500)
    area.show()
    qtbot.waitExposed(area)
    return area, chart


def wheel(chart: BarChart, steps: int, ctrl: bool = False) -> None:
    """`steps` notches (positive: away from the user) over the middle of the plot."""
    viewport = chart.plot.viewport()
    pos = QPointF(viewport.width() / 2, viewport.height() / 2)
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    for _ in range(abs(steps)):
        event = QWheelEvent(pos, QPointF(viewport.mapToGlobal(pos.toPoint())), QPoint(0, 0),
                            QPoint(0, 120 if steps > 0 else -120), Qt.MouseButton.NoButton,
                            modifiers, Qt.ScrollPhase.NoScrollPhase, False)
        QApplication.sendEvent(viewport, event)


def value_range(chart: BarChart) -> list[float]:
    return list(chart.plot.getPlotItem().getViewBox().viewRange()[1])


def test_wheel_scrolls_the_page_not_the_chart(page):
    area, chart = page
    bar = area.verticalScrollBar()
    before = value_range(chart)
    wheel(chart, -3)
    assert bar.value() > 0
    assert value_range(chart) == before and not chart.is_zoomed()
    scrolled = bar.value()
    wheel(chart, 2)
    assert bar.value() < scrolled


def test_ctrl_wheel_zooms_and_stays_at_or_above_zero(page):
    area, chart = page
    bar = area.verticalScrollBar()
    before = value_range(chart)
    wheel(chart, 3, ctrl=True)  # zoom in
    zoomed = value_range(chart)
    assert zoomed != before and zoomed[1] - zoomed[0] < before[1] - before[0]
    assert bar.value() == 0
    wheel(chart, -20, ctrl=True)  # far out: issue #17 saw an axis down to −200 亿元
    low, high = value_range(chart)
    assert low >= 0 and high <= before[1] + 1e-9
    wheel(chart, 60, ctrl=True)  # far in: never an empty sliver of the axis
    low, high = value_range(chart)
    assert low >= 0 and high - low >= (before[1] - before[0]) / 20 - 1e-9


def test_a_clicked_chart_zooms_with_the_plain_wheel_until_the_mouse_leaves(page, qtbot):
    area, chart = page
    viewport = chart.plot.viewport()
    before = value_range(chart)
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert chart.wheel_gate.is_engaged()
    wheel(chart, 2)
    assert value_range(chart) != before and area.verticalScrollBar().value() == 0
    from PySide6.QtCore import QEvent

    QApplication.sendEvent(viewport, QEvent(QEvent.Type.Leave))
    zoomed = value_range(chart)
    wheel(chart, -2)
    assert value_range(chart) == zoomed and area.verticalScrollBar().value() > 0
