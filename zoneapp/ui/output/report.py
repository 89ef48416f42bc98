"""A PDF report of every section: title page, then per section its KPI cards, charts, tables.

Text is drawn as text (the CJK font is embedded, so the PDF can be searched and copied) and
charts through Qt's paint system (vector). Every page carries the zone, the export date and
its number. The file is written atomically: a temporary file beside the target, then a rename.
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path

import pandas as pd
from PySide6.QtCore import QCoreApplication, QLocale, QMarginsF, QPoint, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPageSize, QPainter, QPdfWriter
from PySide6.QtWidgets import QApplication

from zoneapp.core.io.atomic import atomic_path, require_pdf
from zoneapp.core.cells import cell_text
from zoneapp.core.dataset import Dataset
from zoneapp.core.schema import TABLES_BY_NAME

from zoneapp.models.frame_model import FrameModel
from zoneapp.ui import palette
from zoneapp.ui.widgets import chart_export
from zoneapp.ui.palette import change_color
from zoneapp.ui.widgets.charts import offscreen_chart
from zoneapp.ui.widgets.kpi import TITLE_LINES, paint_card_frame
from zoneapp.ui.widgets.text_fit import wrap_lines
from zoneapp.views.model import ChartView, KpiView, SectionView
from zoneapp.views.sections import section_view
from zoneapp.views.words import say

RESOLUTION = 96  # PDF units per inch: one widget pixel is one unit
PAGE_WIDTH = 794  # A4 at 96 units per inch
MARGIN = 40
FOOTER = 28
TABLE_POINT_SIZE = 7.5
KEEP_ROWS = 3  # rows kept on the page of their table's title and header
MAX_TABLE_ROWS = 200  # a longer table is cut, with a note (the CSV export has all rows)
# The notes column stays: a figure's note is part of reading it.
DROP_COLUMNS = {"section", "key", "source_id", "_row", "inputs", "derivation_zh",
                "derivation_en"}


# Print colours: a report is on white paper whatever the window's theme.
INK = palette.LIGHT



def _without_ligatures(font: QFont) -> QFont:
    """`font` with the "liga" feature off: a ligature glyph (fi) has no ToUnicode entry."""
    font = QFont(font)
    font.setFeature(QFont.Tag("liga"), 0)
    return font


class _Writer:
    """Flows blocks down A4 pages; starts a new page when a block does not fit."""

    def __init__(self, pdf: QPdfWriter, footer: str) -> None:
        self.pdf = pdf
        self.painter = QPainter(pdf)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.width = pdf.width() - 2 * MARGIN
        self.bottom = pdf.height() - MARGIN - FOOTER
        self.y = MARGIN
        self.page = 1
        self.footer = footer
        self.base = QFont(QApplication.font())

    def font(self, scale: float = 1.0, bold: bool = False) -> QFont:
        font = QFont(self.base)
        font.setPointSizeF(self.base.pointSizeF() * scale)
        font.setBold(bold)
        # A ligature glyph (fi) has no ToUnicode entry: "financing" would copy as "nancing".
        font.setFeature(QFont.Tag("liga"), 0)
        return font

    def new_page(self) -> None:
        self._draw_footer()
        self.pdf.newPage()
        self.page += 1
        self.y = MARGIN

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > MARGIN:
            self.new_page()

    def text(self, text: str, scale: float = 1.0, bold: bool = False,
             color: str = INK.text, gap: float = 6) -> None:
        font = self.font(scale, bold)
        rect = QFontMetricsF(font).boundingRect(
            QRectF(0, 0, self.width, 10_000), Qt.TextFlag.TextWordWrap, text)
        self.need(rect.height())
        self.painter.setFont(font)
        self.painter.setPen(QColor(color))
        self.painter.drawText(QRectF(MARGIN, self.y, self.width, rect.height() + 2),
                              Qt.TextFlag.TextWordWrap, text)
        self.y += rect.height() + gap

    def _draw_footer(self) -> None:
        p = self.painter
        p.setFont(self.font(0.8))
        p.setPen(QColor(INK.muted_text))
        y = self.bottom + 10
        p.drawLine(MARGIN, y, MARGIN + self.width, y)
        rect = QRectF(MARGIN, y + 4, self.width, FOOTER - 6)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft, self.footer)
        p.drawText(rect, Qt.AlignmentFlag.AlignRight,
                   QCoreApplication.translate("Report", "Page %1").replace("%1", str(self.page)))

    def finish(self) -> bool:
        """Draw the last footer and close the PDF; False when Qt could not write it all."""
        self._draw_footer()
        return self.painter.end()


def _title_page(w: _Writer, dataset: Dataset, lang: str, today: str) -> None:
    m = dataset.manifest
    w.y = MARGIN + 120
    w.text(m.name(lang), 2.2, bold=True, color=INK.accent, gap=10)
    if m.period_label():
        w.text(QCoreApplication.translate("Report", "Period: %1").replace("%1", m.period_label()), 1.3, gap=18)
    description = m.description_zh if lang == "zh" else m.description_en
    if description:
        w.text(description, 1.0, color=INK.muted_text, gap=18)
    w.text(QCoreApplication.translate("Report", "Sections: %1").replace("%1", "、".join(s.label(lang) for s in dataset.sections)
                                       if lang == "zh" else
                                       ", ".join(s.label(lang) for s in dataset.sections)), gap=18)
    if m.sources:
        w.text(QCoreApplication.translate("Report", "Sources"), 1.15, bold=True)
        for s in m.sources:
            parts = [s.title, s.publication, s.author, s.date]
            w.text(f"[{s.id}] " + ", ".join(p for p in parts if p), 0.95, gap=4)
    w.y += 14
    w.text(QCoreApplication.translate("Report", "Exported on %1 from ZoneApp.").replace("%1", today), 0.9,
           color=INK.muted_text)


def _kpis(w: _Writer, cards: list[KpiView], lang: str) -> None:
    if not cards:
        return
    columns, gap = 3, 10
    title_font = w.font(0.85)
    line = QFontMetricsF(title_font).height() + 2
    width = (w.width - gap * (columns - 1)) / columns
    titles = [wrap_lines(card.title + (" · " + say("Derived", lang) if card.derived else ""),
                         title_font, width - 20, TITLE_LINES) for card in cards]
    extra = 32 if any(card.target_text for card in cards) else 0  # completion and 时序进度
    for start in range(0, len(cards), columns):
        # Room for two title lines on every card (as on screen), three in a row where one
        # needs them: the cards of a row are as tall, and their figures line up.
        rows = max(2, *(len(t) for t in titles[start:start + columns]))
        height = 86 + line * (rows - 1) + extra
        if start:
            w.y += gap
        w.need(height)
        for i in range(start, min(start + columns, len(cards))):
            x = MARGIN + (i % columns) * (width + gap)
            _kpi(w, cards[i], titles[i], rows, QRectF(x, w.y, width, height), title_font)
        w.y += height
    w.y += 14


def _kpi(w: _Writer, card: KpiView, title: list[str], rows: int, rect: QRectF,
         title_font) -> None:
    """One card: its title's lines (blank ones up to `rows`), then its figures."""
    p = w.painter
    paint_card_frame(p, rect, card.derived, 1, 6)
    inner = rect.adjusted(10, 6, -10, -6)
    lines = [(text, title_font, INK.muted_text) for text in title]
    lines += [("", title_font, "")] * (rows - len(lines))  # figures line up below the title
    lines += [(card.value_text or "—", w.font(1.45, True), INK.text),
              (card.yoy_text, w.font(0.85), change_color(card.yoy_pct, INK)),
              (card.compare_text, w.font(0.8), INK.muted_text),
              (card.target_text, w.font(0.8), INK.text),
              (card.elapsed_text, w.font(0.8), change_color(card.gap_pp, INK))]
    y = inner.top()
    for text, font, color in lines:
        if not text and font is title_font:
            y += QFontMetricsF(font).height() + 2
            continue
        if not text:
            continue
        metrics = QFontMetricsF(font)
        p.setFont(font)
        p.setPen(QColor(color))
        p.drawText(QRectF(inner.left(), y, inner.width(), metrics.height()),
                   Qt.AlignmentFlag.AlignLeft,
                   metrics.elidedText(text, Qt.TextElideMode.ElideRight, inner.width()))
        y += metrics.height() + 2


def _charts(w: _Writer, charts: list[ChartView], lang: str) -> None:
    """A chart a row, laid out at the page's full width and drawn at scale 1, so its text
    prints at the app's size (9 pt; value labels no smaller than 8 pt)."""
    for view in charts:
        chart = offscreen_chart(view, lang, int(w.width))
        try:
            w.need(chart.height())
            w.painter.save()
            w.painter.translate(MARGIN, w.y)
            chart_export.paint_chart(chart, w.painter, QPoint(0, 0))
            w.painter.restore()
            w.y += chart.height() + 14
        finally:
            chart.close()
            chart.deleteLater()


def table_rows(frame: pd.DataFrame, table_name: str, lang: str,
               schema=None) -> tuple[list[str], list[list[str]]]:
    """A table's headers and cells as the app shows them (figures with unit and qualifier,
    labels for codes), without codes, ids, other-language names or empty columns. `schema`:
    the columns of a table that is none of the schema's (TableView.schema)."""
    model = FrameModel()
    model.set_frame(frame, schema or TABLES_BY_NAME.get(table_name), lang)
    keys = model.column_keys()
    other = "_en" if lang == "zh" else "_zh"
    own = "_zh" if lang == "zh" else "_en"
    rows = min(model.rowCount(), MAX_TABLE_ROWS + 1)
    cells = [[model.display_text(r, c) for c in range(len(keys))] for r in range(rows)]
    if "source_sentence" in keys:  # a derived figure quotes no sentence: say how it was made
        column = keys.index("source_sentence")
        for r in range(rows):
            if not cells[r][column].strip():
                row = model.frame().iloc[model.source_row(r)]
                how = cell_text(row, f"derivation_{lang}") or cell_text(row, "derivation_zh")
                if how:
                    cells[r][column] = say("Derived: %1", lang, how)
    keep = [c for c, k in enumerate(keys)
            if k not in DROP_COLUMNS and not k.startswith("_")
            and not (k.endswith(other) and k[:-3] + own in keys)
            and any(row[c].strip() for row in cells)]
    return ([model.header_label(c) for c in keep],
            [[row[c] for c in keep] for row in cells])


_UNBREAKABLE = re.compile(r"[0-9A-Za-z\u00c0-\u024f.,%()'’/&+:-]+")


def column_widths(headers: list[str], rows: list[list[str]], font: QFont, bold: QFont,
                  total: float) -> list[float]:
    """Widths from the text itself: every column gets room for its longest word (a year, a
    figure, four Chinese characters), and the rest is shared by how much more each wants."""
    metrics, header_metrics = QFontMetricsF(font), QFontMetricsF(bold)
    cjk = metrics.horizontalAdvance("木木木木")
    natural, least = [], []
    for i, header in enumerate(headers):
        cells = [r[i] for r in rows]
        want = max([header_metrics.horizontalAdvance(header)]
                   + [metrics.horizontalAdvance(c) for c in cells]) + 8
        words = [t for c in [header, *cells] for t in _UNBREAKABLE.findall(c)]
        word = max([metrics.horizontalAdvance(t) for t in words], default=0.0)
        has_cjk = any(any(ord(ch) > 0x2e80 for ch in c) for c in [header, *cells])
        low = min(max(word, cjk if has_cjk else 0.0) + 8, total / 4, want)
        natural.append(max(want, low))
        least.append(low)
    if sum(natural) <= total:
        return [n * total / sum(natural) for n in natural]
    spare = max(0.0, total - sum(least))
    extra = [n - m for n, m in zip(natural, least)]
    share = sum(extra) or 1.0
    widths = [m + spare * e / share for m, e in zip(least, extra)]
    return [x * total / sum(widths) for x in widths]


def _table(w: _Writer, title: str, headers: list[str], rows: list[list[str]]) -> None:
    if not headers:
        return
    cut = len(rows) > MAX_TABLE_ROWS
    rows = rows[:MAX_TABLE_ROWS]
    font = w.font(TABLE_POINT_SIZE / w.base.pointSizeF())
    bold = QFont(font)
    bold.setBold(True)
    metrics = QFontMetricsF(font)
    widths = column_widths(headers, rows[:50], font, bold, w.width)
    flags = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop

    def height(cells: list[str], f: QFont) -> float:
        m = QFontMetricsF(f)
        return max(m.boundingRect(QRectF(0, 0, cw - 6, 10_000), flags, t).height()
                   for t, cw in zip(cells, widths)) + 6

    def draw(cells: list[str], f: QFont, fill: str | None) -> None:
        h = height(cells, f)
        if w.y + h > w.bottom:
            w.new_page()
            draw(headers, bold, INK.derived_badge_bg)
        p, x = w.painter, MARGIN
        if fill:
            p.fillRect(QRectF(MARGIN, w.y, w.width, h), QColor(fill))
        p.setFont(f)
        p.setPen(QColor(INK.text))
        for text, cw in zip(cells, widths):
            p.drawText(QRectF(x + 3, w.y + 3, cw - 6, h - 6), flags, text)
            x += cw
        p.setPen(QColor(INK.border))
        p.drawLine(MARGIN, w.y + h, MARGIN + w.width, w.y + h)
        w.y += h

    # The title, the header and the first KEEP_ROWS rows go on one page: a title alone at the
    # foot of a page with its rows on the next reads as a table without rows.
    title_font = w.font(1.05, True)
    title_h = QFontMetricsF(title_font).boundingRect(
        QRectF(0, 0, w.width, 10_000), Qt.TextFlag.TextWordWrap, title).height() + 4
    w.need(title_h + height(headers, bold) + sum(height(r, font) for r in rows[:KEEP_ROWS]))
    w.text(title, 1.05, bold=True, gap=4)
    draw(headers, bold, INK.derived_badge_bg)
    for cells in rows:
        draw(cells, font, None)
    if not rows:
        w.y += 2
        w.text(QCoreApplication.translate("Report", "No rows for this period."), 0.85, color=INK.muted_text)
    if cut:
        w.text(QCoreApplication.translate("Report", "First %1 rows; export the table for all of them.")
               .replace("%1", str(MAX_TABLE_ROWS)), 0.85, color=INK.muted_text)
    w.y += 12
    del metrics


def write_report(dataset: Dataset, path: Path | str, lang: str = "zh",
                 today: _dt.date | None = None) -> Path:
    """Write the PDF report of every section to `path`, atomically. Raises OSError."""
    path = Path(path)
    day = (today or _dt.date.today()).isoformat()
    m = dataset.manifest
    footer = f"{m.name(lang)} · {m.period_label()} · " + QCoreApplication.translate("Report", "Exported %1").replace("%1", day)
    views = [section_view(dataset, section.code, lang) for section in dataset.sections]
    # Charts are drawn by their widgets, in the application font: without ligatures for the
    # report too, or "Profit" would extract as "Pro t" (see _Writer.font).
    app_font = QApplication.font()
    QApplication.setFont(_without_ligatures(app_font))
    # With an English default locale, Qt 6.11's PDF engine writes a text run's glyphs after
    # the first word without a usable ToUnicode map (the text cannot be searched or copied);
    # under the Chinese locale it writes them correctly. Figures are formatted by core.units,
    # not by QLocale, so switching while the PDF is written changes nothing else.
    locale = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    try:
        # On white paper whatever the window's theme: its charts too.
        with palette.printing(), atomic_path(path, check=require_pdf) as tmp:  # full disk: no cut PDF
            _write(tmp, path, dataset, lang, day, footer, views)
    finally:
        QLocale.setDefault(locale)
        QApplication.setFont(app_font)
    return path


def _write(tmp: Path, path: Path, dataset: Dataset, lang: str, day: str, footer: str,
           views: list[SectionView]) -> None:
    m = dataset.manifest
    pdf = QPdfWriter(str(tmp))
    pdf.setResolution(RESOLUTION)
    pdf.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                  QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    report_word = QCoreApplication.translate("Report", "Report")
    pdf.setTitle(f"{m.name(lang)} — {report_word}")
    pdf.setCreator("ZoneApp")
    writer = _Writer(pdf, footer)
    if not writer.painter.isActive():
        raise OSError(f"cannot write {path}")
    try:
        _title_page(writer, dataset, lang, day)
        for view in views:
            writer.new_page()
            writer.text(view.label, 1.6, bold=True, gap=12)
            _kpis(writer, view.kpis, lang)
            _charts(writer, view.charts, lang)
            for table in view.tables:
                headers, rows = table_rows(table.frame, table.table_name, lang, table.schema)
                _table(writer, table.title, headers, rows)
            if view.empty:
                writer.text(QCoreApplication.translate("Report", "No data for this section."), color=INK.muted_text)
        if not writer.finish():
            raise OSError(f"cannot finish the PDF {path}")
    finally:
        if writer.painter.isActive():
            writer.painter.end()
    del pdf


def report_cli(out: Path, data_dir: Path, lang: str = "zh") -> Path:
    """`python main.py report OUT.pdf`: load, write, return the path (works without a display)."""
    import os

    from zoneapp.ui.application import create_application, has_display
    from zoneapp.core.loading import load_dataset

    if not has_display():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from zoneapp.ui.output.tracebacks import fail_on_tracebacks

    create_application(None, lang)
    dataset = load_dataset(Path(data_dir))
    with fail_on_tracebacks():
        return write_report(dataset, Path(out), lang)
