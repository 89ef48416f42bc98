"""Chart export: PNG at 2×, SVG through QSvgGenerator (parses, holds the text), CSV with BOM,
clipboard, the chart's menu and source requests."""
from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QGuiApplication, QImage

from zoneapp.ui.widgets import chart_export
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.views.model import Bar


@pytest.fixture
def chart(qtbot, zone_app):
    c = BarChart()
    qtbot.addWidget(c)
    c.resize(480, 320)
    c.set_title("主要指标")
    c.set_grouped(["主营业务收入", "利润"], [
        ("2018", [Bar("主营业务收入", 453.1, "约453.1亿元", derived=True, series="2018"),
                  Bar("利润", 43.0, "约43亿元", derived=True, series="2018")]),
        ("2019", [Bar("主营业务收入", 506.1, "506.1亿元", series="2019", ref={"key": "revenue"}),
                  Bar("利润", 48.6, "48.6亿元", series="2019")]),
    ], value_axis_label="亿元")
    c.show()
    qtbot.waitExposed(c)
    return c


def test_png_is_twice_the_size(chart, tmp_path):
    path = chart_export.save_png(chart, tmp_path / "c.png")
    image = QImage(str(path))
    assert not image.isNull()
    margin = chart_export.MARGIN
    assert (image.width(), image.height()) == (2 * (chart.width() + 2 * margin),
                                               2 * (chart.height() + 2 * margin))


def test_saved_title_keeps_clear_of_the_left_edge(chart, tmp_path):
    """Issue #17: the title's first character touched the PNG's left edge."""
    image = QImage(str(chart_export.save_png(chart, tmp_path / "c.png")))
    background = image.pixel(0, 0)
    inked = [x for x in range(image.width()) for y in range(0, 2 * 40, 2)
             if image.pixel(x, y) != background]
    assert inked and min(inked) >= 2 * 10  # 2x pixels: at least 10 on-screen pixels


def test_svg_parses_and_holds_the_text(chart, tmp_path):
    path = chart_export.save_svg(chart, tmp_path / "c.svg")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    runs = ["".join(element.itertext()) for element in root.iter() if element.tag.endswith("text")]
    for expected in ("主要指标", "506.1亿元", "主营业务收入", "2019"):
        # each in one run: copied from the SVG it reads "506.1亿元", not "506.1\n亿元"
        assert any(expected in run for run in runs), expected


def test_csv_has_bom_and_the_plotted_data(chart, tmp_path):
    path = chart_export.save_csv(chart, tmp_path / "c.csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "506.1亿元" in text and "453.1" in text and text.count("\n") == 5


def test_copy_puts_an_image_on_the_clipboard(chart):
    chart_export.copy_image(chart)
    assert QGuiApplication.clipboard().image().width() == 2 * chart_export.export_size(chart).width()


def test_menu_actions_and_dialog_stub(chart, tmp_path):
    actions = chart.chart_actions
    actions.ask_save_path = lambda kind: tmp_path / f"m.{kind}"
    assert actions.export_png() == tmp_path / "m.png"
    assert actions.export_svg() == tmp_path / "m.svg"
    assert (tmp_path / "m.png").is_file() and (tmp_path / "m.svg").is_file()
    image = QImage(str(tmp_path / "m.png"))  # the menu saves what save_png saves: 2x
    assert not image.isNull()
    assert image.size() == chart_export.chart_image(chart).size()
    assert ET.parse(tmp_path / "m.svg").getroot().tag.endswith("svg")
    texts = [a.text() for a in actions.menu(2).actions() if a.text()]
    assert actions.source.text() in texts  # bar 2 has a figure behind it
    assert actions.source.text() not in [a.text() for a in actions.menu(0).actions()]


def test_source_request_and_zoom_reset(chart, qtbot):
    with qtbot.waitSignal(chart.sig_source_requested) as blocker:
        chart.request_source(2)
    assert blocker.args == [{"key": "revenue"}]
    vb = chart.plot.getPlotItem().getViewBox()
    before = vb.viewRange()
    vb.scaleBy((0.5, 0.5))
    vb.sigRangeChangedManually.emit(vb.state["mouseEnabled"])
    assert chart.is_zoomed()
    chart.reset_zoom()
    assert not chart.is_zoomed()
    assert vb.viewRange()[1] == pytest.approx(before[1])
    assert chart.legend_labels()[:2] == ["2018", "2019"]
