"""The import dialog's two tables: the sheet as it is, with what the import found marked, and
the rows it will add. Both read cells on demand, so a 100,000-row sheet costs nothing to show."""
from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView

from zoneapp.core.tables.describe import column_letter
from zoneapp.core.tables.headers import clean
from zoneapp.ui import palette

translate = QCoreApplication.translate

_DISPLAY = Qt.ItemDataRole.DisplayRole
_BACKGROUND = Qt.ItemDataRole.BackgroundRole
_TIP = Qt.ItemDataRole.ToolTipRole
_FOREGROUND = Qt.ItemDataRole.ForegroundRole
# What a cell is to the import -> its fill (translucent: legible in light and dark themes).
MARKS = {"title": QColor(128, 128, 128, 60), "header": QColor(66, 133, 244, 90),
         "name": QColor(52, 168, 83, 80), "measure": QColor(251, 188, 5, 70),
         "growth": QColor(171, 71, 188, 60), "year_unit": QColor(233, 30, 99, 45),
         "note": QColor(128, 128, 128, 35)}


def mark_names() -> dict[str, str]:
    """Each mark's name in the current language, for the legend."""
    return {"title": translate("ImportPreview", "title, unit line"),
            "header": translate("ImportPreview", "header rows"),
            "name": translate("ImportPreview", "name column"),
            "measure": translate("ImportPreview", "measures"),
            "growth": translate("ImportPreview", "growth rates"),
            "year_unit": translate("ImportPreview", "each row's year or unit"),
            "note": translate("ImportPreview", "notes")}


def left_out_reasons() -> dict[str, str]:
    """Why a row of the sheet adds nothing (reshape.LEFT_OUT, a blank row, a note), in the
    current language: its greyed cells' tooltip."""
    return {"unwanted": translate("ImportPreview", "Not imported: left out under Indicator "
                                                   "rows (on the Columns page or in the recipe)"),
            "no_name": translate("ImportPreview", "Not imported: the row names nothing (such as "
                                                  "a lone “of which:” line)"),
            "no_figure": translate("ImportPreview", "Not imported: no figure in the columns "
                                                    "imported"),
            "blank": translate("ImportPreview", "Not imported: a blank row"),
            "note": translate("ImportPreview", "Not imported as figures: a note, kept as the "
                                               "source's note")}


def table_view() -> QTableView:
    """A read-only table of the dialog's (the sheet, the rows to add)."""
    view = QTableView()
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.verticalHeader().setDefaultSectionSize(22)
    return view


def legend() -> QLabel:
    """The marks' colours, named."""
    parts = [f'<span style="background-color: rgba({c.red()},{c.green()},{c.blue()},'
             f'{c.alpha() / 255:.2f})">&nbsp;{name}&nbsp;</span>'
             for mark, name in mark_names().items() for c in [MARKS[mark]]]
    label = QLabel("&nbsp;&nbsp;".join(parts))
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


class SheetModel(QAbstractTableModel):
    """The sheet's cells as read, rows and columns numbered as in Excel; `plan`'s findings
    (title and unit lines, header rows, name column, measure and growth columns, the year
    and unit columns, notes) marked by their fill and named in the tooltip. Rows inside a table that add nothing (left
    out by the user, blank, no name or no figure) and its notes are greyed, the tooltip saying
    why."""

    def __init__(self, plan, parent=None, grid=None) -> None:
        """`plan` None: `grid`'s cells unmarked (nothing was recognised; the user can still
        point at the header and the name column)."""
        super().__init__(parent)
        self.rows = plan.grid.rows if plan is not None else grid.rows
        self.width = max((len(r) for r in self.rows[:2000]), default=0)
        self.row_marks: dict[int, str] = {}
        self.cell_marks: list[tuple[int, int, dict[int, str]]] = []  # (first, stop, col -> mark)
        self.left_out: dict[int, str] = {}  # 0-based row -> why it adds nothing (reasons' key)
        above = 0  # the first row after the previous table
        for t in plan.tables if plan is not None else ():
            s = t.shape
            notes = set(s.notes)
            for r in range(s.data_stop, len(self.rows)):  # its notes, directly below it
                text = " ".join(clean(v) for v in self.rows[r]).strip()
                if text and text not in notes:
                    break
                if text:
                    self.row_marks[r] = "note"
            for r in range(above, s.header_rows[0]):  # title and unit lines above it
                if r not in self.row_marks and any(clean(v) for v in self.rows[r]):
                    self.row_marks[r] = "title"
            for r in s.header_rows:
                self.row_marks[r] = "header"
            cols = {m.col: "measure" for m in s.measures}
            cols.update({c: "growth" for c in s.growth_cols})
            cols.update({c: "year_unit" for c in (s.period_col, s.unit_col) if c is not None})
            for c in (s.name_col, s.name_en_col):  # the names and their English twin
                if c is not None:
                    cols[c] = "name"
            self.cell_marks.append((s.data_start, s.data_stop, cols))
            above = s.data_stop
            self.left_out.update(zip(t.result.left_out.tolist(), t.result.left_out_why.tolist()))
        self.left_out.update({r: "note" for r, mark in self.row_marks.items() if mark == "note"})

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self.width

    def mark(self, row: int, col: int) -> str:
        """"header", "name", "measure" … for the cell at (row, col), "" for none."""
        if row in self.row_marks:
            return self.row_marks[row]
        for first, stop, cols in self.cell_marks:
            if first <= row < stop:
                return cols.get(col, "")
        return ""

    def why_left_out(self, row: int) -> str:
        """"unwanted", "no_name", "no_figure", "blank" or "note" for a row that adds nothing,
        "" for a row imported or outside the tables."""
        why = self.left_out.get(row, "")
        if why == "no_name" and not any(clean(v) for v in self.rows[row]):
            return "blank"
        return why

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        row, col = index.row(), index.column()
        if role == _DISPLAY:
            cells = self.rows[row]
            return clean(cells[col]) if col < len(cells) else ""
        if role == _BACKGROUND:
            mark = self.mark(row, col)
            return MARKS[mark] if mark else None
        if role == _FOREGROUND:  # read when painted: the scheme in use then
            return QColor(palette.MUTED_TEXT) if row in self.left_out else None
        if role == _TIP:
            why = self.why_left_out(row)
            if why:
                return left_out_reasons()[why]
            mark = self.mark(row, col)
            return mark_names()[mark] if mark else None
        return None

    def headerData(self, section: int, orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return column_letter(section)


# The added rows' columns shown, in order (keys of the indicators table).
ROW_COLUMNS = ("entity", "name_zh", "name_en", "period", "period_detail", "value_kind", "value",
               "unit", "yoy_pct", "aggregate", "key", "section")


def row_headers() -> dict[str, str]:
    return {"entity": translate("ImportPreview", "Entity"), "name_zh": translate("ImportPreview", "Indicator"),
            "name_en": translate("ImportPreview", "English name"), "period": translate("ImportPreview", "Year"),
            "period_detail": translate("ImportPreview", "Period"),
            "value_kind": translate("ImportPreview", "Kind"), "value": translate("ImportPreview", "Value"),
            "unit": translate("ImportPreview", "Unit"), "yoy_pct": translate("ImportPreview", "Growth %"),
            "aggregate": translate("ImportPreview", "Aggregate"), "key": translate("ImportPreview", "Key"),
            "section": translate("ImportPreview", "Tab")}


class RowsModel(QAbstractTableModel):
    """The rows the import will add to indicators.csv, as they will be written."""

    def __init__(self, rows, lang: str = "zh", parent=None) -> None:
        super().__init__(parent)
        from zoneapp.core.schema import INDICATORS, section

        self.columns = [c for c in ROW_COLUMNS if c in rows.columns]
        self.arrays = [rows[c].to_numpy(dtype=object) for c in self.columns]
        # Codes shown as words (本月, 累计, 合计, 概览), as the window's tables show them.
        self.labels = {k: {c.code: c.zh if lang == "zh" else c.en
                           for c in INDICATORS.column(k).choices}
                       for k in ("value_kind", "aggregate")}
        self.labels["section"] = {code: section(code).label(lang)
                                  for code in dict.fromkeys(rows["section"])}
        self.count = len(rows)
        self.headers = row_headers()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else self.count

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = _DISPLAY) -> Any:
        if role != _DISPLAY:
            return None
        value = self.arrays[index.column()][index.row()]
        labels = self.labels.get(self.columns[index.column()])
        if labels is not None:
            return labels.get(value, value)
        if isinstance(value, float):
            return "" if np.isnan(value) else repr(round(value, 10)).removesuffix(".0")
        return "" if value is None else str(value)

    def headerData(self, section: int, orientation, role: int = _DISPLAY) -> Any:  # noqa: N802
        if role != _DISPLAY:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return self.headers[self.columns[section]]

    def column_values(self, key: str) -> list[str]:
        """Every displayed cell of column `key` (tests read what the user reads)."""
        c = self.columns.index(key)
        return [self.data(self.index(r, c)) for r in range(self.count)]

    def codes(self, key: str) -> list:
        """Column `key` as it will be written."""
        return list(self.arrays[self.columns.index(key)])
