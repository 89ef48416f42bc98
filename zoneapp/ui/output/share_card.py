"""A share card: one section's KPI cards and main chart as a phone-sized image for a chat.

The image is CARD_WIDTH (1080) pixels wide; its footer names the zone, the period, the
sources and the day it was made. `summary_text` is the "Copy summary" text: one sentence per
KPI card, from `core.summary`, in the UI's language.
"""
from __future__ import annotations

import datetime as _dt
import importlib
from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import (
    QCoreApplication, QEvent, QObject, QPoint, QRectF, Qt,
    QTranslator,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QApplication, QWidget

from zoneapp.core.dataset import Dataset
from zoneapp.core.schema import section as schema_section
from zoneapp.core.summary import previous_row, sentence

from zoneapp.ui import palette
from zoneapp.ui.output import chart_export
from zoneapp.ui.widgets.kpi import paint_card_frame

CARD_WIDTH = 1080
MARGIN = 48
CHART_SCALE = 2.0  # the chart is laid out at half the card's width and drawn at 2×
INK = getattr(palette, "LIGHT", palette)  # a card is light whatever the window's theme



class _LanguageChangeBlocker(QObject):
    """Keeps the open windows from retranslating while the card borrows another language."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt override)
        return event.type() == QEvent.Type.LanguageChange


def installed_language() -> str:
    """'zh' when the Chinese translation is installed, else 'en'."""
    probe = "Made with ZoneApp on %1"
    return "zh" if QCoreApplication.translate("ShareCard", probe) != probe else "en"


@contextmanager
def card_language(lang: str) -> Iterator[None]:
    """Within the block, tr() answers in `lang` whatever the window's language.

    The card is built from offscreen tab pages whose strings (KPI "YoY", chart titles and
    legends) come from the installed translator; for a card in the other language the
    translators are swapped for the block, and the LanguageChange events the swap would send
    to the open windows are held back.
    """
    app = QCoreApplication.instance()
    if app is None or lang == installed_language():
        yield
        return
    from zoneapp.ui import i18n

    blocker = _LanguageChangeBlocker()
    app.installEventFilter(blocker)
    installed = i18n.installed_translators()
    added: list[QTranslator] = []
    try:
        if lang == "zh":
            translator = i18n.app_translator("zh")  # loaded once, not a new one per card
            if translator is not None:
                app.installTranslator(translator)
                added.append(translator)
        else:
            for translator in installed:
                app.removeTranslator(translator)
        yield
    finally:
        for translator in added:
            app.removeTranslator(translator)
        if lang != "zh":
            for translator in installed:
                app.installTranslator(translator)
        app.removeEventFilter(blocker)


def _font(px: float, bold: bool = False) -> QFont:
    font = QFont(QApplication.font())
    font.setPixelSize(round(px))
    font.setBold(bold)
    return font


def _offscreen_page(dataset: Dataset, code: str, lang: str, period: int | None) -> QWidget:
    from zoneapp.ui.window.main_window import TAB_CLASSES

    module_name, class_name = TAB_CLASSES[code].split(":")
    module = importlib.import_module(f"zoneapp.ui.tabs.{module_name}")
    page = getattr(module, class_name)()
    page.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
    page.resize(1000, 900)
    page.show()
    page.set_dataset(dataset, lang, period)
    return page


def _text_height(text: str, font: QFont, width: float) -> float:
    return QFontMetricsF(font).boundingRect(QRectF(0, 0, width, 10_000),
                                            Qt.TextFlag.TextWordWrap, text).height()


def footer_text(dataset: Dataset, lang: str, period: int | None, today: str) -> str:
    m = dataset.manifest
    shown = str(period) if period is not None else m.period_label()
    comma, semicolon = ("，", "；") if lang == "zh" else (", ", "; ")
    sources = semicolon.join(comma.join(p for p in (s.title, s.author, s.publication, s.date) if p)
                             for s in m.sources)
    lines = [f"{m.name(lang)} · {shown}"]
    with card_language(lang):
        if sources:
            lines.append(QCoreApplication.translate("ShareCard", "Source: %1")
                         .replace("%1", sources))
        lines.append(QCoreApplication.translate("ShareCard", "Made with ZoneApp on %1")
                     .replace("%1", today))
    return "\n".join(lines)


def share_card_image(dataset: Dataset, code: str, lang: str = "zh", period: int | None = None,
                     today: _dt.date | None = None) -> QImage:
    """The card of section `code` as an image CARD_WIDTH pixels wide, all text in `lang`."""
    with card_language(lang):
        return _card_image(dataset, code, lang, period, today)


def _card_image(dataset: Dataset, code: str, lang: str, period: int | None,
                today: _dt.date | None) -> QImage:
    page = _offscreen_page(dataset, code, lang, period)
    try:
        chart = next(iter(page.charts.values()), None)
        if chart is not None:
            chart.setParent(None)
            chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen)
            chart.setFixedWidth(round((CARD_WIDTH - 2 * MARGIN) / CHART_SCALE))
            chart.show()
        QApplication.processEvents()
        return _paint(dataset, code, lang, period, page.kpis, chart,
                      (today or _dt.date.today()).isoformat())
    finally:
        if chart is not None:
            chart.close()
            chart.deleteLater()
        page.close()
        page.deleteLater()


def _paint(dataset, code, lang, period, cards, chart, today) -> QImage:
    inner = CARD_WIDTH - 2 * MARGIN
    title_font, sub_font = _font(44, True), _font(28)
    footer = footer_text(dataset, lang, period, today)
    footer_font = _font(22)
    band = 48 + _text_height(dataset.manifest.name(lang), title_font, inner) + 12 + 40 + 36
    rows = (len(cards) + 1) // 2
    kpi_h, gap = 200, 20
    chart_h = chart.height() * CHART_SCALE if chart is not None else 0
    footer_h = _text_height(footer, footer_font, inner) + 40
    height = round(band + 32 + rows * (kpi_h + gap) + (chart_h + 24 if chart_h else 0)
                   + footer_h + 24)
    image = QImage(CARD_WIDTH, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(getattr(INK, "WINDOW", "#f5f7fa")))
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    accent = getattr(INK, "ACCENT", "#1f4e79")
    p.fillRect(QRectF(0, 0, CARD_WIDTH, band), QColor(accent))
    p.setPen(QColor("white"))
    p.setFont(title_font)
    y = 48
    h = _text_height(dataset.manifest.name(lang), title_font, inner)
    p.drawText(QRectF(MARGIN, y, inner, h + 4), Qt.TextFlag.TextWordWrap, dataset.manifest.name(lang))
    y += h + 12
    shown_period = str(period) if period is not None else dataset.manifest.period_label()
    p.setFont(sub_font)
    p.setPen(QColor("#d6e4f0"))
    p.drawText(QRectF(MARGIN, y, inner, 40), Qt.AlignmentFlag.AlignLeft,
               f"{schema_section(code).label(lang)} · {shown_period}")
    y = band + 32
    width = (inner - gap) / 2
    for i, card in enumerate(cards):
        x = MARGIN + (i % 2) * (width + gap)
        top = y + (i // 2) * (kpi_h + gap)
        _kpi(p, QRectF(x, top, width, kpi_h), card)
    y += rows * (kpi_h + gap)
    if chart is not None:
        p.fillRect(QRectF(MARGIN - 8, y - 8, inner + 16, chart_h + 16), QColor(INK.BACKGROUND))
        p.save()
        p.translate(MARGIN, y)
        p.scale(CHART_SCALE, CHART_SCALE)
        chart_export.paint_chart(chart, p, QPoint(0, 0))
        p.restore()
        y += chart_h + 24
    p.setPen(QPen(QColor(INK.BORDER)))
    p.drawLine(MARGIN, round(y), CARD_WIDTH - MARGIN, round(y))
    p.setFont(footer_font)
    p.setPen(QColor(INK.MUTED_TEXT))
    p.drawText(QRectF(MARGIN, y + 14, inner, footer_h), Qt.TextFlag.TextWordWrap, footer)
    p.end()
    return image


def _kpi(p: QPainter, rect: QRectF, card) -> None:
    paint_card_frame(p, rect, card.is_derived(), 2, 14)
    inner = rect.adjusted(22, 16, -22, -12)
    title = card.title_text() + (" · " + QCoreApplication.translate("ShareCard", "Derived") if card.is_derived() else "")
    lines = [(title, _font(26), INK.MUTED_TEXT), (card.value_text() or "—", _font(50, True), INK.TEXT),
             (card.yoy_text() or card.compare_text(), _font(25), card.yoy_color())]
    y = inner.top()
    for text, font, color in lines:
        metrics = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(QColor(color))
        p.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()), Qt.AlignmentFlag.AlignLeft,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
        y += metrics.height() + 6


def summary_text(page, dataset: Dataset, lang: str = "zh") -> str:
    """One sentence per KPI card of `page`, a line each."""
    lines = []
    for card in page.kpis:
        row = card.row()
        if row is None:
            continue
        text = sentence(row, lang, previous_row(dataset.indicators, row))
        if text:
            lines.append(text)
    return "\n".join(lines)
