"""One table model for every pandas frame: schema labels, formatted figures, sort and filter.

Cells are read from per-column object arrays (as Spyder's DataFrameModel does), and sorting
and filtering compute one row permutation with pandas over whole columns (as Orange's
AbstractSortTableModel does): there is no QSortFilterProxyModel in between.

Roles: DisplayRole is what the user reads ("约2.99亿元", "+11.7%", enum labels in the model's
language, "" for missing); EditRole and UserRole give the raw value (None for missing);
ToolTipRole adds the source sentence and, for derived rows, how the figure was computed.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from zoneapp.core import schema
from zoneapp.core.schema import Column, Table
from zoneapp.core.units import (format_number, format_percent, format_value, qualifier_label,
                                unit_label)

_TEXT_KINDS = (schema.TEXT, schema.ENUM, schema.LIST, schema.UNIT, schema.QUALIFIER)
_NUMERIC_KINDS = (schema.INT, schema.FLOAT)
_Index = QModelIndex | QPersistentModelIndex


@dataclass
class _Col:
    """A shown column: its key, schema column (None without a table) and raw cells."""

    key: str
    column: Column | None
    raw: np.ndarray  # object array, None where missing
    numeric: bool
    integer: bool
    units: np.ndarray | None = None  # per-row unit codes when the column has a unit column
    qualifiers: np.ndarray | None = None


def _is_missing(value: Any) -> bool:
    if value is None or value is pd.NA:
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str:
    return "" if _is_missing(value) else str(value)


def _as_objects(series: pd.Series) -> np.ndarray:
    return series.to_numpy(dtype=object, na_value=None)


class FrameModel(QAbstractTableModel):
    """A read-only model over a DataFrame, shown through an optional schema Table.

    Without a table every frame column is shown as it is. With one, columns starting with
    '_' and unit/qualifier columns merged into a value column are hidden, frame columns the
    schema does not know are hidden, and the rest appear in schema order.
    """

    sig_rows_changed = Signal(int, int)  # rows shown, rows in the frame

    #: Foreground of derived rows; the table panel sets it from the palette.
    derived_foreground = QColor("#6b7280")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._table: Table | None = None
        self._lang = "zh"
        self._cols: list[_Col] = []
        self._derived = np.zeros(0, dtype=bool)
        self._sort_order = np.zeros(0, dtype=np.int64)  # a permutation of frame positions
        self._order = np.zeros(0, dtype=np.int64)  # _sort_order with filtered rows removed
        self._sort_key: str | None = None
        self._sort_ascending = True
        self._filter_text = ""
        self._filter_column: str | None = None

    # ----- public API -------------------------------------------------------------------

    def set_frame(self, frame: pd.DataFrame, table: Table | None = None, lang: str = "zh") -> None:
        """Show `frame`; the current sort column (if still shown) and filter are kept."""
        self.beginResetModel()
        self._frame = frame
        self._table = table
        self._lang = lang
        self._cols = self._build_columns(frame, table)
        basis = frame["basis"] if "basis" in frame.columns else None
        self._derived = (np.zeros(len(frame), dtype=bool) if basis is None
                         else (basis.astype(object) == "derived").to_numpy(dtype=bool))
        if self._sort_key not in {c.key for c in self._cols}:
            self._sort_key = None
        self._sort_order = self._compute_sort()
        self._order = self._apply_filter(self._sort_order)
        self.endResetModel()
        self._emit_rows()

    def set_lang(self, lang: str) -> None:
        """Relabel headers, enum cells and figures; a sort by displayed text is redone."""
        if lang == self._lang:
            return
        self.layoutAboutToBeChanged.emit()
        self._lang = lang
        self._sort_order = self._compute_sort()
        self._order = self._apply_filter(self._sort_order)
        self.layoutChanged.emit()
        if self._cols:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self._cols) - 1)
        self._emit_rows()

    def lang(self) -> str:
        return self._lang

    def table(self) -> Table | None:
        return self._table

    def frame(self) -> pd.DataFrame:
        """The frame exactly as given to set_frame."""
        return self._frame

    def visible_frame(self) -> pd.DataFrame:
        """Shown rows in view order, raw values, shown columns only: what an export writes.

        A value column's unit and qualifier columns come along (after it, in schema order)
        even though the view merges them into the value's cell: without them the exported
        numbers would lose their units.
        """
        keys = []
        for c in self._cols:
            keys.append(c.key)
            if c.column is not None:
                keys += [k for k in (c.column.unit_column, c.column.qualifier_column)
                         if k and k in self._frame.columns and k not in keys]
        if self._table is not None:
            order = {k: i for i, k in enumerate(self._table.keys)}
            keys.sort(key=lambda k: order.get(k, len(order)))
        return self._frame.iloc[self._order][keys].reset_index(drop=True)

    def source_row(self, view_row: int) -> int:
        """The frame position (for .iloc) of the row shown at `view_row`."""
        return int(self._order[view_row])

    def column_key(self, column: int) -> str:
        return self._cols[column].key

    def column_keys(self) -> list[str]:
        """Keys of the shown columns, in view order."""
        return [c.key for c in self._cols]

    def is_numeric_column(self, column: int) -> bool:
        return self._cols[column].numeric

    def is_derived_row(self, view_row: int) -> bool:
        return bool(self._derived[self._order[view_row]])

    def shown_count(self) -> int:
        return len(self._order)

    def set_filter(self, text: str, column: str | None = None) -> None:
        """Keep rows whose text contains `text` (case-insensitive) in `column` or any text column.

        Text columns are text, enum (matched on the label in the current language), list,
        unit and qualifier columns, plus integer columns such as the year (matched on the
        shown digits). An empty `text` shows every row.
        """
        self._filter_text = text
        self._filter_column = column
        self.layoutAboutToBeChanged.emit()
        self._order = self._apply_filter(self._sort_order)
        self.layoutChanged.emit()
        self._emit_rows()

    def filter_text(self) -> str:
        return self._filter_text

    # ----- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        col = self._cols[index.column()]
        row = int(self._order[index.row()])
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(col, row)
        if role in (Qt.ItemDataRole.EditRole, Qt.ItemDataRole.UserRole):
            return col.raw[row]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignRight if col.numeric else Qt.AlignmentFlag.AlignLeft
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(col, row)
        if role == Qt.ItemDataRole.FontRole and self._derived[row]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and self._derived[row]:
            return self.derived_foreground
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._order):
                return str(section + 1)
            return None
        if not 0 <= section < len(self._cols):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.header_label(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        return None

    def header_label(self, column: int) -> str:
        """The column's label in the model's language, with a fixed unit in brackets."""
        col = self._cols[column]
        if col.column is None:
            return col.key
        label = col.column.label(self._lang)
        unit = col.column.unit
        if unit:
            shown = unit_label(unit, self._lang)
            if f"({shown})" not in label and f"（{shown}）" not in label:
                label = f"{label} ({shown})"
        return label

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Stable sort on the whole column; missing cells last in both orders; -1 unsorts."""
        self.layoutAboutToBeChanged.emit()
        self._sort_key = self._cols[column].key if 0 <= column < len(self._cols) else None
        self._sort_ascending = order == Qt.SortOrder.AscendingOrder
        self._sort_order = self._compute_sort()
        self._order = self._apply_filter(self._sort_order)
        self.layoutChanged.emit()

    # ----- internals --------------------------------------------------------------------

    def _build_columns(self, frame: pd.DataFrame, table: Table | None) -> list[_Col]:
        if table is None:
            return [self._plain_column(key, frame[key]) for key in frame.columns]
        consumed = {k for c in table.columns for k in (c.unit_column, c.qualifier_column) if k}
        cols = []
        for column in table.columns:
            key = column.key
            if key.startswith("_") or key in consumed or key not in frame.columns:
                continue
            numeric = column.kind in _NUMERIC_KINDS
            col = _Col(key, column, _as_objects(frame[key]), numeric, column.kind == schema.INT)
            if column.unit_column in frame.columns:
                col.units = _as_objects(frame[column.unit_column])
            if column.qualifier_column in frame.columns:
                col.qualifiers = _as_objects(frame[column.qualifier_column])
            cols.append(col)
        return cols

    @staticmethod
    def _plain_column(key: Any, series: pd.Series) -> _Col:
        numeric = pd.api.types.is_numeric_dtype(series) and not pd.api.types.is_bool_dtype(series)
        integer = numeric and pd.api.types.is_integer_dtype(series)
        return _Col(str(key), None, _as_objects(series), numeric, integer)

    def _display(self, col: _Col, row: int) -> str:
        value = col.raw[row]
        if _is_missing(value):
            return ""
        column = col.column
        if col.integer:
            return str(int(value))
        if col.numeric:
            return self._format_figure(col, row, float(value))
        if column is None:
            return str(value)
        return self._label(column, str(value))

    def _format_figure(self, col: _Col, row: int, value: float) -> str:
        column = col.column
        if col.units is not None:
            unit = _text(col.units[row])
            qualifier = _text(col.qualifiers[row]) if col.qualifiers is not None else ""
            return format_value(value, unit, qualifier, self._lang)
        if column is not None and column.unit == "%":
            return format_percent(value, self._lang)
        return format_number(value, column.unit if column is not None else "", self._lang)

    def _label(self, column: Column, code: str) -> str:
        """An enum code's label, a unit's or qualifier's name, or the text itself."""
        if column.kind == schema.ENUM:
            choice = column.choice(code)
            return choice.zh if choice is not None and self._lang == "zh" else (
                choice.en if choice is not None else code)
        if column.kind == schema.UNIT:
            return unit_label(code, self._lang)
        if column.kind == schema.QUALIFIER:
            return qualifier_label(code, self._lang)
        return code

    def _tooltip(self, col: _Col, row: int) -> str:
        lines = [self._display(col, row)]
        sentence = self._frame_text("source_sentence", row)
        if sentence:
            lines.append(self.tr("Source: %1").replace("%1", sentence))
        if self._derived[row]:
            how = self._frame_text(f"derivation_{self._lang}", row) or self._frame_text(
                "derivation_zh", row) or self._frame_text("note", row)
            if how:
                lines.append(self.tr("Derived: %1").replace("%1", how))
        return "\n".join(line for line in lines if line)

    def _frame_text(self, key: str, row: int) -> str:
        if key not in self._frame.columns:
            return ""
        return _text(self._frame[key].iat[row])

    def _display_series(self, col: _Col) -> pd.Series:
        """The shown text of a whole text-like column (vectorised), None where empty."""
        series = pd.Series(col.raw, dtype=object)
        if col.column is not None and col.column.kind != schema.TEXT and not col.numeric:
            column = col.column
            codes = series.dropna().astype(str).unique()
            series = series.map({c: self._label(column, c) for c in codes})
        elif col.integer:
            series = series.map(lambda v: None if _is_missing(v) else str(int(v)))
        else:
            series = series.map(lambda v: None if _is_missing(v) else str(v))
        series = series.astype(object).where(series.notna(), None)
        return series.where(series != "", None)

    def _compute_sort(self) -> np.ndarray:
        n = len(self._frame)
        if self._sort_key is None:
            return np.arange(n, dtype=np.int64)
        col = next(c for c in self._cols if c.key == self._sort_key)
        if col.numeric:
            keys = pd.to_numeric(pd.Series(col.raw, dtype=object), errors="coerce")
        else:
            keys = self._display_series(col).str.casefold()
        keys = keys.reset_index(drop=True)
        ordered = keys.sort_values(ascending=self._sort_ascending, kind="stable",
                                   na_position="last")
        return ordered.index.to_numpy(dtype=np.int64)

    def _searchable(self) -> list[_Col]:
        if self._filter_column is not None:
            return [c for c in self._cols if c.key == self._filter_column]
        return [c for c in self._cols if c.integer or not c.numeric]

    def _apply_filter(self, order: np.ndarray) -> np.ndarray:
        text = self._filter_text
        if not text:
            return order
        mask = np.zeros(len(self._frame), dtype=bool)
        for col in self._searchable():
            shown = self._display_series(col) if (col.integer or not col.numeric) else pd.Series(
                [self._display(col, r) for r in range(len(self._frame))], dtype=object)
            found = shown.astype("string").str.contains(text, case=False, regex=False)
            mask |= found.fillna(False).to_numpy(dtype=bool)
        return order[mask[order]]

    def _emit_rows(self) -> None:
        self.sig_rows_changed.emit(len(self._order), len(self._frame))
