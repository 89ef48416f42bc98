"""Text wraps before it is cut (#17): KPI titles, chart titles and category names go onto two
lines, "…" only beyond; what is cut is whole in the tooltip and the accessible name. English
breaks between words, Chinese between characters. Widths come from the shipped font's metrics
(conftest: ZONEAPP_FONTS=bundled), never from pixel counts of one machine's fonts."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtWidgets import QApplication, QToolTip

from zoneapp.ui.widgets import category_labels
from zoneapp.ui.widgets.charts import BarChart
from zoneapp.ui.widgets.kpi import MIN_WIDTH, TITLE_LINES, KpiCard
from zoneapp.ui.widgets.text_fit import wrap_lines
from zoneapp.views.model import Bar, ChartView

FACTORY = "Standard factory space built since 2018"
LAND = "Share of land acquired for the Electronic Information Industrial Park"
INVEST = "Projects with total investment of 100M yuan or more"
LONG_ZH = "2018年以来新开工大小市政配套项目及其他基础设施建设项目数量"


def indicator(name_en: str, name_zh: str = "指标", basis: str = "reported") -> pd.Series:
    return pd.Series({
        "key": "k", "name_zh": name_zh, "name_en": name_en, "value": 25.0, "unit": "个",
        "qualifier": "", "yoy_pct": np.nan, "basis": basis, "period": 2019, "source_id": "S1",
        "source_sentence": "", "note": "",
    })


def advance(text: str, font=None) -> float:
    return QFontMetricsF(font or QApplication.font()).horizontalAdvance(text)


def card_for(qtbot, width: int, name_en: str, basis: str = "reported",
             name_zh: str = "指标", lang: str = "en") -> KpiCard:
    """A shown card `width` pixels wide."""
    card = KpiCard()
    qtbot.addWidget(card)
    card.set_indicator(indicator(name_en, name_zh, basis), lang)
    card.resize(width, card.height())
    card.show()
    qtbot.waitUntil(lambda: card.title_label.width() > 0 and card.width() == width)
    return card


def title_font():
    return KpiCard().title_label.font()


def squeeze(text: str) -> str:
    return "".join(text.split())


# ----- the line breaker ---------------------------------------------------------------------

def test_english_breaks_between_words_and_keeps_every_word(zone_app):
    font = QApplication.font()
    lines = wrap_lines(FACTORY, font, advance(FACTORY) * 0.7, 2)
    assert len(lines) == 2 and lines[1].endswith("2018") and " ".join(lines) == FACTORY


def test_chinese_breaks_between_characters(zone_app):
    font = QApplication.font()
    text = LONG_ZH[:20]
    lines = wrap_lines(text, font, advance(text) * 0.6, 2)
    assert len(lines) == 2 and "".join(lines) == text
    assert advance(lines[0]) <= advance(text) * 0.6


def test_only_a_text_longer_than_two_lines_is_elided(zone_app):
    font = QApplication.font()
    width = advance(LAND) / 2.6
    lines = wrap_lines(LAND, font, width, 2)
    assert len(lines) == 2 and lines[1].endswith("…")
    assert all(advance(line) <= width + 0.5 for line in lines)
    assert wrap_lines(LAND, font, advance(LAND) / 1.6, 2)[-1].endswith("Park")


def test_a_first_line_can_leave_room_for_a_badge(zone_app):
    font = QApplication.font()
    width = advance(LAND) * 0.75
    lines = wrap_lines(LAND, font, width, 2, first_width=width * 0.6)
    assert advance(lines[0]) <= width * 0.6 + 0.5 and advance(lines[1]) > width * 0.6
    assert " ".join(lines) == LAND


# ----- KPI cards ----------------------------------------------------------------------------

def test_a_long_english_kpi_title_shows_whole_on_two_lines_with_its_year(qtbot, zone_app):
    card = card_for(qtbot, 240, FACTORY)
    assert advance(FACTORY, card.title_label.font()) > card.title_label.width()  # needs two
    lines = card.title_lines()
    assert len(lines) == 2 and " ".join(lines) == FACTORY and lines[1].endswith("2018")
    assert "…" not in card.title_label.text()
    assert card.title_label.height() >= 2 * QFontMetricsF(card.title_label.font()).height() - 1


def test_a_title_longer_than_three_lines_is_elided_and_whole_in_tooltip_and_accessible_name(
        qtbot, zone_app):
    title = LAND + ", of all the land the zone acquired in 2019"
    card = card_for(qtbot, 220, title)
    assert advance(title, card.title_label.font()) > 3.2 * card.title_label.width()
    lines = card.title_lines()
    assert len(lines) == 3 and lines[2].endswith("…")
    assert title in card.toolTip() and title in card.accessibleName()
    assert card.title_label.accessibleName() == title
    card.resize(card.width() * 3, card.height())  # room again: the whole title comes back
    qtbot.waitUntil(lambda: " ".join(card.title_lines()) == title)


def test_a_derived_card_wraps_its_title_under_the_badge(qtbot, zone_app):
    """The badge narrows the first line only: at some width the title fits on its lines only
    because the later ones have the label's whole width; the card shows it whole there."""
    card = card_for(qtbot, 240, LAND, basis="derived")
    assert card.badge_visible()
    font, beside = card.title_label.font(), card.badge.width() + 6
    extra = card.width() - card.title_label.width()
    widths = [w for w in range(MIN_WIDTH - extra, 640) if
              not wrap_lines(LAND, font, w, TITLE_LINES, w - beside)[-1].endswith("…")
              and wrap_lines(LAND, font, w - beside, TITLE_LINES)[-1].endswith("…")]
    assert widths
    card.resize(widths[0] + extra, card.height())
    qtbot.waitUntil(lambda: card.title_label.width() == widths[0])
    lines = card.title_lines()
    assert len(lines) >= 2 and " ".join(lines) == LAND
    badge = card.badge.geometry()
    assert card.title_label.x() + advance(lines[0], font) <= badge.left()  # not under the badge
    assert advance(lines[1], font) > widths[0] - beside


def test_a_chinese_kpi_title_wraps_between_characters(qtbot, zone_app):
    card = card_for(qtbot, 220, "x", name_zh=LONG_ZH, lang="zh")
    text = LONG_ZH
    while advance(text, card.title_label.font()) > 1.6 * card.title_label.width():
        text = text[:-1]
    card.set_indicator(indicator("x", text), "zh")
    lines = card.title_lines()
    assert len(lines) == 2 and "".join(lines) == text


# ----- charts -------------------------------------------------------------------------------

@pytest.fixture
def chart(qtbot, zone_app):
    c = BarChart()
    qtbot.addWidget(c)
    c.resize(440, 320)
    c.show()
    qtbot.waitExposed(c)
    return c


def horizontal_bars(names: list[str]) -> list[Bar]:
    return [Bar(n, float(23 - 5 * i), str(23 - 5 * i)) for i, n in enumerate(names)]


def test_a_horizontal_category_name_wraps_rather_than_elides(chart, qtbot):
    names = [INVEST, "Projects of 2 bn yuan or more", "New projects"]
    chart.set_bars(horizontal_bars(names), horizontal=True)
    qtbot.waitUntil(lambda: len(chart.category_label_texts()) == 3)
    drawn = chart.category_label_texts()
    assert "…" not in "".join(drawn)
    assert drawn[0].count("\n") == 1 and drawn[0].replace("\n", " ") == INVEST
    assert drawn[2] == "New projects"  # a short name stays on one line
    # The column is wider than one-line names get (35 %), within its limit (45 %).
    axis = chart.plot.getPlotItem().getAxis("left")
    qtbot.waitUntil(lambda: axis.width() > 0.35 * chart.width())
    assert axis.width() <= 0.45 * chart.width() + category_labels.AXIS_PAD + 1
    assert chart.plotted_labels() == names  # the data keeps the whole names


def test_a_name_too_long_for_two_lines_is_elided_and_whole_on_hover(chart, qtbot):
    name = " ".join([INVEST] * 3)
    chart.set_view(ChartView("k", "Projects", horizontal_bars([name, "New projects"]),
                             horizontal=True), "en")
    qtbot.waitUntil(lambda: len(chart.category_label_texts()) == 2)
    drawn = chart.category_label_texts()[0]
    assert drawn.count("\n") == 1 and drawn.endswith("…")
    assert name in chart.accessibleDescription()
    item = chart.plot.getPlotItem()
    axis, vb = item.getAxis("left"), item.getViewBox()
    scene_pos = QPointF(axis.sceneBoundingRect().center().x(),
                        vb.mapViewToScene(QPointF(0, 0)).y())
    assert category_labels.category_at(item, True, scene_pos, 2) == 0
    chart.mouse.on_mouse_moved(scene_pos)
    qtbot.waitUntil(lambda: QToolTip.isVisible())
    assert QToolTip.text() == name


def test_vertical_names_wrap_onto_two_lines_under_their_bars(chart, qtbot):
    names = ["总投资亿元以上项目数量", "新建项目", "续建项目", "扶贫"]
    chart.set_bars([Bar(n, 5.0 + i, f"{5 + i}个") for i, n in enumerate(names)])
    qtbot.waitUntil(lambda: len(chart.category_label_texts()) == 4)
    vb = chart.plot.getPlotItem().getViewBox()
    slot = vb.width() / 4
    # The long name needs more than its slot, less than two: it wraps whole.
    assert slot - 8 < advance(names[0]) < 1.8 * (slot - 8)
    drawn = chart.category_label_texts()
    assert drawn[0].count("\n") == 1 and drawn[0].replace("\n", "") == names[0]
    assert drawn[1:] == names[1:]
    axis = chart.plot.getPlotItem().getAxis("bottom")
    qtbot.waitUntil(lambda: axis.height() >= 2 * QFontMetricsF(QApplication.font()).height())


def test_a_chart_title_wraps_onto_two_lines_then_elides(chart, qtbot):
    toolbar = chart.toolbar.sizeHint().width()
    title = "Projects with total investment of 100M yuan or more: of which the bands"
    chart.set_title(title)
    room = advance(title, chart.title_label.font()) * 0.7
    chart.resize(int(room + toolbar + 12), 320)
    qtbot.waitUntil(lambda: len(chart.title_label.lines()) == 2)
    assert " ".join(chart.title_label.lines()) == title and chart.title_text() == title
    assert chart.title_label.toolTip() == ""  # nothing cut, nothing to tell
    chart.set_title(" ".join([title] * 3))
    qtbot.waitUntil(lambda: chart.title_label.lines()[-1].endswith("…"))
    assert len(chart.title_label.lines()) == 2
    assert chart.title_label.toolTip() == " ".join([title] * 3)
    assert chart.title_label.accessibleName() == " ".join([title] * 3)


def test_the_pdf_reports_kpi_titles_on_two_lines_not_cut(zone_app, default_dataset, tmp_path):
    import pypdf

    from zoneapp.ui.output.report import write_report

    path = write_report(default_dataset, tmp_path / "en.pdf", "en")
    text = " ".join(" ".join(page.extract_text().split()) for page in pypdf.PdfReader(str(path)).pages)
    for title in ("Land acquired for the Electronic Information Industrial Park",
                  "Municipal supporting projects started since 2018", FACTORY):
        assert title in text
    assert not re.search(r"[A-Za-z0-9] ?…", text)  # no English cut short ("Infor…", "100M …")
