"""Where a figure came from: its document and sentence, or how it was derived and from what."""
from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QTextBrowser, QVBoxLayout, QWidget

from zoneapp.core.cells import cell_text
from zoneapp.core.dataset import Dataset
from zoneapp.core.units import format_value

from zoneapp.ui import palette

# Columns that name a row, per table, in the order tried.
NAME_STEMS = ("name", "entity", "programme", "measure", "honour", "item")


def row_name(row: Any, lang: str) -> str:
    for stem in NAME_STEMS:
        name = (cell_text(row, f"{stem}_en") if lang != "zh" else "") or cell_text(row, f"{stem}_zh")
        if name:
            return name
    return cell_text(row, "key")


def figure_text(row: Any, lang: str) -> str:
    """The row's figure as a user reads it ('' for a row without one)."""
    for value_key, unit_key, qualifier_key in (("value", "unit", "qualifier"),
                                               ("investment", "investment_unit",
                                                "investment_qualifier")):
        value = row.get(value_key) if hasattr(row, "get") else None
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue
        if number == number:
            return format_value(number, cell_text(row, unit_key), cell_text(row, qualifier_key), lang)
    return ""


def parse_inputs(text: str) -> list[tuple[str, int | None]]:
    """'profit@2019;revenue@2019' -> [('profit', 2019), ('revenue', 2019)]; a part of a year
    ('revenue@2025-01..2025-10', core.monthly) gives its year (`input_detail` the part)."""
    out = []
    for item in str(text or "").split(";"):
        item = item.strip()
        if not item:
            continue
        key, _, period = item.partition("@")
        period = period.strip()
        year = period[:4] if len(period) > 4 and period[:4].isdigit() else period
        out.append((key.strip(), int(year) if year.isdigit() else None))
    return out


def input_details(text: str) -> list[str]:
    """The period_detail of each input of parse_inputs ('' for a whole year)."""
    return [item.partition("@")[2].strip()[4:] and item.partition("@")[2].strip()
            for item in str(text or "").split(";") if item.strip()]


def input_row(dataset: Dataset, key: str, period: int | None, detail: str) -> Any:
    """The indicators row an input names: its key, year and, for a part of a year, the part
    (reported before derived)."""
    rows = dataset.indicators
    if period is None or "period_detail" not in rows.columns:
        return dataset.indicator(key, period)
    from zoneapp.core.periods import normalise_period_detail

    rows = rows[(rows["key"] == key) & (rows["period"] == period)
                & (rows["period_detail"].fillna("") == (normalise_period_detail(detail) or ""))
                & (rows["value_kind"].fillna("") != "target")
                & (rows["entity"].fillna("") == "")]  # derivations use the zone's own rows
    if rows.empty:
        return None
    return rows.sort_values("basis", key=lambda b: b.eq("derived")).iloc[0]


def detail_label(row: Any, lang: str) -> str:
    """A row's part of the year as words (2025年1–10月, H1 2024); '' for a whole year."""
    from zoneapp.core.monthly import span_label, span_of

    span = span_of(row) if cell_text(row, "period_detail") else None
    return span_label(span, lang) if span is not None else ""


def has_source(row: Any) -> bool:
    """True when the row cites a document or says how it was derived."""
    return bool(cell_text(row, "source_sentence") or cell_text(row, "source_id")
                or cell_text(row, "basis") == "derived")


class SourcePanel(QWidget):
    """A read-only page about one figure; the main window keeps it in a non-modal dock."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.browser = QTextBrowser(self)
        self.browser.setOpenLinks(False)
        self.browser.setStyleSheet(f"QTextBrowser {{ background: {palette.BACKGROUND};"
                                   f" color: {palette.TEXT}; border: none; }}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.browser)
        self._row = None
        self._dataset: Dataset | None = None
        self._lang = "zh"
        self.retranslate_ui()

    def show_figure(self, row: Any, dataset: Dataset | None, lang: str = "zh") -> None:
        self._row, self._dataset, self._lang = row, dataset, lang
        self.browser.setHtml(self.html())

    def text(self) -> str:
        """What the panel shows, as plain text (for tests)."""
        return self.browser.toPlainText()

    def _words(self) -> dict[str, str]:
        return {"basis": self.tr("Basis"), "reported": self.tr("reported"),
                "derived": self.tr("derived"), "sentence": self.tr("Sentence"),
                "document": self.tr("Document"), "how": self.tr("How it was computed"),
                "inputs": self.tr("From these figures")}

    def html(self) -> str:
        row, lang = self._row, self._lang
        if row is None:
            return "<p>" + html.escape(self.tr("Click a KPI card, or right-click a bar or a "
                                               "table cell, to see where a figure came from.")) \
                + "</p>"
        parts = [f"<h3>{html.escape(row_name(row, lang))}</h3>"]
        figure, period = figure_text(row, lang), cell_text(row, "period")
        if figure or period:
            parts.append("<p><b>" + html.escape(figure) + "</b>"
                         + (f" · {html.escape(period)}" if period else "") + "</p>")
        if cell_text(row, "basis") == "derived":
            parts += self._derived_html(row)
        else:
            parts += self._source_html(row)
        note = cell_text(row, "note")
        if note:
            parts.append("<p><i>" + html.escape(self.tr("Note: %1").replace("%1", note)) + "</i></p>")
        return "\n".join(parts)

    def _source_html(self, row: Any) -> list[str]:
        w = self._words()
        parts = [f"<p><b>{html.escape(w['basis'])}:</b> {html.escape(w['reported'])}</p>"]
        parts.append(self._document_html(cell_text(row, "source_id")))
        sentence = cell_text(row, "source_sentence")
        if sentence:
            parts.append(f"<p><b>{html.escape(w['sentence'])}:</b></p>"
                         f"<blockquote>“{html.escape(sentence)}”</blockquote>")
        else:
            parts.append("<p>" + html.escape(self.tr("The row quotes no sentence.")) + "</p>")
        return parts

    def _document_html(self, source_id: str) -> str:
        w = self._words()
        manifest = self._dataset.manifest if self._dataset is not None else None
        source = manifest.source(source_id) if manifest is not None and source_id else None
        if source is None:
            shown = source_id or self.tr("not stated")
            return f"<p><b>{html.escape(w['document'])}:</b> {html.escape(shown)}</p>"
        lines = [f"<b>{html.escape(w['document'])}:</b> {html.escape(source.title)}"
                 f" ({html.escape(source.id)})"]
        for label, value in ((self.tr("Author"), source.author),
                             (self.tr("Publication"), source.publication),
                             (self.tr("Date"), source.date), (self.tr("File"), source.file)):
            if value:
                lines.append(f"<b>{html.escape(label)}:</b> {html.escape(value)}")
        return "<p>" + "<br>".join(lines) + "</p>"

    def _derived_html(self, row: Any) -> list[str]:
        w = self._words()
        lang = self._lang
        derivation = (cell_text(row, f"derivation_{lang}") or cell_text(row, "derivation_zh")
                      or cell_text(row, "note"))
        parts = [f"<p><b>{html.escape(w['basis'])}:</b> {html.escape(w['derived'])}</p>"]
        if derivation:
            parts.append(f"<p><b>{html.escape(w['how'])}:</b><br>"
                         f"{html.escape(derivation)}</p>")
        inputs = parse_inputs(cell_text(row, "inputs"))
        details = input_details(cell_text(row, "inputs"))
        if inputs:
            parts.append(f"<p><b>{html.escape(w['inputs'])}:</b></p><ul>")
            for (key, period), detail in zip(inputs, details):
                source = input_row(self._dataset, key, period, detail) if self._dataset \
                    else None
                if source is None:
                    parts.append(f"<li>{html.escape(key)}@{period or ''}</li>")
                    continue
                when = detail_label(source, lang) or period or ""
                item = (f"{html.escape(row_name(source, lang))} · {when}: "
                        f"<b>{html.escape(figure_text(source, lang))}</b>")
                sentence = cell_text(source, "source_sentence")
                if sentence:
                    item += f"<br>“{html.escape(sentence)}”"
                parts.append(f"<li>{item}</li>")
            parts.append("</ul>")
        return parts

    def retranslate_ui(self) -> None:
        self.browser.setHtml(self.html())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
