"""Value labels drawn by one item (chart_labels.ValueLabels): each where a pyqtgraph TextItem
put it, following zoom, drawn in the plot's pixels, and the mouse still reads the bars."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QImage, QPainter

from zoneapp.ui import palette
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.ui.widgets.pg_import import pg
from zoneapp.views.model import Bar


def bars(sign: float = 1.0) -> list[Bar]:
    return [Bar("主营业务收入", sign * 506.1, "506.1亿元", tooltip="收入506.1亿元"),
            Bar("利润总额", sign * 120.0, "约120亿元", tooltip="利润约120亿元"),
            Bar("出口", sign * 80.0, "80亿元", tooltip="出口80亿元")]


@pytest.fixture
def chart(qtbot, zone_app):
    c = BarChart()
    qtbot.addWidget(c)
    c.resize(560, 340)
    c.show()
    qtbot.waitExposed(c)
    return c


def text_item_rect(chart: BarChart, index: int):
    """Where a pyqtgraph TextItem (the labels' former drawing) puts label `index`, in the
    scene: made with the same text, font, anchor and point, on the same plot."""
    labels = chart.drawing.labels
    item = pg.TextItem(labels.texts[index], anchor=labels.anchors[index])
    item.setFont(labels.font)
    item.setPos(*labels.points[index])
    chart.plot.addItem(item)
    item.updateTransform(force=True)
    rect = item.textItem.sceneBoundingRect()
    chart.plot.removeItem(item)
    return rect


@pytest.mark.parametrize("horizontal,sign", [(False, 1), (True, 1), (False, -1), (True, -1)])
def test_labels_sit_where_text_items_put_them(chart, horizontal, sign):
    chart.set_bars(bars(sign), horizontal=horizontal)
    labels = chart.drawing.labels
    assert labels.shown_texts() == ["506.1亿元", "约120亿元", "80亿元"]
    for i, box in enumerate(labels.boxes()):
        ours = labels.mapRectToScene(box)
        theirs = text_item_rect(chart, i)
        assert ours.left() == pytest.approx(theirs.left(), abs=0.5)
        assert ours.top() == pytest.approx(theirs.top(), abs=0.5)
        assert ours.width() == pytest.approx(theirs.width(), abs=0.5)
        assert ours.height() == pytest.approx(theirs.height(), abs=0.5)


def test_labels_follow_a_zoom(chart):
    chart.set_bars(bars())
    labels = chart.drawing.labels
    before = labels.boxes()[0]
    vb = chart.plot.getPlotItem().getViewBox()
    vb.setRange(xRange=(-0.5, 1.0), padding=0)  # the first two bars fill the plot
    after = labels.boxes()[0]
    assert after.center().x() != pytest.approx(before.center().x(), abs=1)
    bar_end = vb.mapFromView(QPointF(0.0, 506.1))
    assert after.center().x() == pytest.approx(bar_end.x(), abs=0.5)
    assert after.bottom() == pytest.approx(bar_end.y(), abs=0.5)
    assert labels.boundingRect().contains(after)
    chart.reset_zoom()
    assert labels.boxes()[0].center().x() == pytest.approx(before.center().x(), abs=0.5)


def test_labels_are_painted_in_the_text_colour(chart):
    chart.set_bars(bars())
    labels = chart.drawing.labels
    box = labels.mapRectToScene(labels.boxes()[0]).toRect()
    image = QImage(chart.plot.size(), QImage.Format.Format_RGB32)
    image.fill(QColor(palette.BACKGROUND))
    painter = QPainter(image)
    chart.plot.render(painter)
    painter.end()
    text = QColor(palette.TEXT)
    inked = [image.pixelColor(x, y) for x in range(box.left(), box.right())
             for y in range(box.top(), box.bottom())]
    # Antialiased glyphs: some pixels dark as the text colour, none in another hue.
    assert any(abs(c.lightness() - text.lightness()) < 40 for c in inked)


def test_crowded_labels_hidden_and_replot_clears(chart):
    many = [Bar(f"区{i}", 1000.0 + i, f"{1000 + i:,}亿元") for i in range(40)]
    chart.set_bars(many)
    labels = chart.drawing.labels
    assert len(chart.value_label_texts()) == 40
    assert 0 < len(chart.shown_value_labels()) < 40
    assert len(labels._boxes) == len(chart.shown_value_labels())
    chart.set_bars(bars()[:1])
    assert chart.value_label_texts() == ["506.1亿元"]
    chart.clear()
    assert chart.value_label_texts() == [] and labels.boundingRect().isEmpty()


def test_hover_and_readout_still_read_the_bar_under_a_label(chart, qtbot):
    chart.set_bars(bars())
    labels = chart.drawing.labels
    vb = chart.plot.getPlotItem().getViewBox()
    # The mouse over the first bar's label (above its bar, in its slot): the first bar.
    on_label = vb.mapToScene(labels.boxes()[0].center())
    with qtbot.waitSignal(chart.sig_bar_hovered) as blocker:
        chart.plot.scene().sigMouseMoved.emit(on_label)
    assert blocker.args == [0]
    assert "506.1亿元" in chart.readout_text()
    with qtbot.waitSignal(chart.sig_bar_hovered) as blocker:
        chart.plot.scene().sigMouseMoved.emit(vb.mapViewToScene(QPointF(1.0, 10.0)))
    assert blocker.args == [1]
    assert "120亿元" in chart.readout_text()
