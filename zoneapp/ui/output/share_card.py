"""A share card: one section's KPI cards and main chart as a phone-sized image for a chat.

The image is CARD_WIDTH (1080) pixels wide; its footer names the zone, the period, the
sources and the day it was made. It paints the section's view (zoneapp/views), so all its
text is in the card's language whatever the window's.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication

from zoneapp.core.dataset import Dataset
from zoneapp.ui import palette
from zoneapp.ui.widgets import chart_export
from zoneapp.ui.palette import change_color
from zoneapp.ui.widgets.charts import offscreen_chart
from zoneapp.ui.widgets.kpi import paint_card_frame
from zoneapp.ui.widgets.text_fit import wrap_lines
from zoneapp.views.card import card_period, footer_text, period_text
from zoneapp.views.model import KpiView
from zoneapp.views.sections import section_view
from zoneapp.views.words import say

CARD_WIDTH = 1080
MARGIN = 48
CHART_SCALE = 2.0  # the chart is laid out at half the card's width and drawn at 2×
INK = palette.LIGHT  # a card is light whatever the window's theme


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(round(px))
    font.setBold(bold)
    return font


def _text_height(text: str, font: QFont, width: float) -> float:
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 10_000),
                                            Qt.TextFlag.TextWordWrap, text).height()


def share_card_image(dataset: Dataset, code: str, lang: str = "zh", period: int | None = None,
                     today: _dt.date | None = None) -> QImage:
    """The card of section `code` as an image CARD_WIDTH pixels wide, all text in `lang`, in
    the light theme's colours whatever the window's (its chart included)."""
    with palette.printing():
        return _card_image(dataset, code, lang, period, today)


def _card_image(dataset: Dataset, code: str, lang: str, period: int | None,
                today: _dt.date | None) -> QImage:
    view = section_view(dataset, code, lang, period)
    chart = None
    if view.charts:  # the section's main chart, laid out at half the card's width
        chart = offscreen_chart(view.charts[0], lang, round((CARD_WIDTH - 2 * MARGIN) / CHART_SCALE))
    try:
        return _paint(dataset, code, lang, card_period(dataset, view), view.kpis, chart,
                      (today or _dt.date.today()).isoformat())
    finally:
        if chart is not None:
            chart.close()
            chart.deleteLater()


def _paint(dataset, code, lang, period, cards, chart, today) -> QImage:
    """The card; `period` is the one it is about (views.card.card_period), in its header
    and its footer."""
    inner = CARD_WIDTH - 2 * MARGIN
    title_font, sub_font = _font(44, True), _font(28)
    footer = footer_text(dataset, lang, period, today)
    footer_font = _font(22)
    band = 48 + _text_height(dataset.manifest.name(lang), title_font, inner) + 12 + 40 + 36
    rows = (len(cards) + 1) // 2
    gap = 20
    width = (inner - gap) / 2
    # Every card as tall as the fullest (a rank, a target's two lines), so a row lines up.
    title_rows = _title_rows(cards, lang, width)
    kpi_h = max((_kpi_height(card, lang, width, title_rows) for card in cards), default=0)
    chart_h = chart.height() * CHART_SCALE if chart is not None else 0
    footer_h = _text_height(footer, footer_font, inner) + 40
    height = round(band + 32 + rows * (kpi_h + gap) + (chart_h + 24 if chart_h else 0)
                   + footer_h + 24)
    image = QImage(CARD_WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(INK.window))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    accent = INK.accent
    p.fillRect(QRectF(0, 0, CARD_WIDTH, band), QColor(accent))
    p.setPen(QColor("white"))
    p.setFont(title_font)
    y = 48
    h = _text_height(dataset.manifest.name(lang), title_font, inner)
    p.drawText(QRectF(MARGIN, y, inner, h + 4), Qt.TextFlag.TextWordWrap, dataset.manifest.name(lang))
    y += h + 12
    p.setFont(sub_font)
    p.setPen(QColor("#d6e4f0"))
    p.drawText(QRectF(MARGIN, y, inner, 40), Qt.AlignmentFlag.AlignLeft,
               " · ".join(t for t in (dataset.section(code).label(lang),
                                      period_text(period, lang)) if t))
    y = band + 32
    for i, card in enumerate(cards):
        x = MARGIN + (i % 2) * (width + gap)
        top = y + (i // 2) * (kpi_h + gap)
        _kpi(p, QRectF(x, top, width, kpi_h), card, lang, title_rows)
    y += rows * (kpi_h + gap)
    if chart is not None:
        p.fillRect(QRectF(MARGIN - 8, y - 8, inner + 16, chart_h + 16), QColor(INK.background))
        p.save()
        p.translate(MARGIN, y)
        p.scale(CHART_SCALE, CHART_SCALE)
        chart_export.paint_chart(chart, p, QPoint(0, 0))
        p.restore()
        y += chart_h + 24
    p.setPen(QPen(QColor(INK.border)))
    p.drawLine(MARGIN, round(y), CARD_WIDTH - MARGIN, round(y))
    p.setFont(footer_font)
    p.setPen(QColor(INK.muted_text))
    p.drawText(QRectF(MARGIN, y + 14, inner, footer_h), Qt.TextFlag.TextWordWrap, footer)
    p.end()
    return image


KPI_PAD = (22, 16, 22, 12)  # left, top, right, bottom inside a card's frame
LINE_GAP = 6
TITLE_PX = 26
TITLE_LINES = 3  # an English title with its period ("…, Jan–Oct 2025 year to date") is long


def kpi_lines(card: KpiView, lang: str, width: float,
              title_rows: int = 1) -> list[tuple[str, QFont, str]]:
    """What a KPI card on the share card says, line by line, as (text, font, colour): the
    title on up to TITLE_LINES lines, the figure, the change, the comparison or the entity's rank
    ("第18位（共31），占全国0.8%"), and with a target its completion and 时序进度, as the
    window's card shows them. `width` is the card's outer width; a title of fewer than
    `title_rows` lines is padded with empty ones, so the figures of a row of cards line up."""
    title_font = _font(TITLE_PX)
    lines = [(line, title_font, INK.muted_text) for line in _title_lines(card, lang, width)]
    lines += [("", title_font, INK.muted_text)] * (title_rows - len(lines))
    lines.append((card.value_text or "—", _font(50, True), INK.text))
    small = _font(25)
    room = width - KPI_PAD[0] - KPI_PAD[2]
    for text, color in ((card.yoy_text, change_color(card.yoy_pct, INK)),
                        (card.compare_text, INK.muted_text),
                        (card.target_text, INK.text),
                        (card.elapsed_text, change_color(card.gap_pp, INK))):
        # A line too long (English 时序进度 with its gap) wraps rather than losing its end.
        lines += [(line, small, color) for line in wrap_lines(text, small, room, 2)]
    return lines


def _title_lines(card: KpiView, lang: str, width: float) -> list[str]:
    title = card.title + (" · " + say("Derived", lang) if card.derived else "")
    return wrap_lines(title, _font(TITLE_PX), width - KPI_PAD[0] - KPI_PAD[2],
                      TITLE_LINES)


def _title_rows(cards: list[KpiView], lang: str, width: float) -> int:
    return max((len(_title_lines(card, lang, width)) for card in cards), default=1)


def _kpi_height(card: KpiView, lang: str, width: float, title_rows: int) -> float:
    lines = kpi_lines(card, lang, width, title_rows)
    return (KPI_PAD[1] + KPI_PAD[3] + 4 +
            sum(QFontMetricsF(font).height() + LINE_GAP for _, font, _ in lines))


def _kpi(p: QPainter, rect: QRectF, card: KpiView, lang: str, title_rows: int) -> None:
    paint_card_frame(p, rect, card.derived, 2, 14)
    inner = rect.adjusted(KPI_PAD[0], KPI_PAD[1], -KPI_PAD[2], -KPI_PAD[3])
    y = inner.top()
    for text, font, color in kpi_lines(card, lang, rect.width(), title_rows):
        metrics = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(QColor(color))
        p.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
        y += metrics.height() + LINE_GAP
