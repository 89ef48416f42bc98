"""One table model for every pandas frame: schema labels, formatted figures, sort and filter.

The model keeps the frame's own columns (pyarrow-backed strings, numpy numbers) and formats
only the cells Qt asks for -- the visible ones -- as Spyder's DataFrameModel does. Sorting and
filtering compute one row permutation (an int64 array) over whole columns with numpy and
pyarrow (see `frame_columns`), as Orange's AbstractSortTableModel does: there is no
QSortFilterProxyModel, which would call into Python for every comparison. Which columns are
shown and each cell's text are worked out in `frame_display`; this module is the Qt model.

Roles: DisplayRole is what the user reads ("约2.99亿元", "+11.7%", enum labels in the model's
language, "" for missing); EditRole and UserRole give the raw value (None for missing);
ToolTipRole is the full text (for elided cells), the source sentence and, for derived rows,
how the figure was computed.
"""
from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from PySide6.QtCore import (
    QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal,
)
from PySide6.QtGui import QColor, QFont

from zoneapp.core import schema
from zoneapp.core.periods import period_sort_key
from zoneapp.core.schema import Table
from zoneapp.core.units import unit_label

from . import frame_columns
from .frame_columns import ShownColumn, is_missing, search
from .frame_display import build_columns, cell_text, collate, display, hidden_from_view, labeller
from .language_columns import twin

_Index = QModelIndex | QPersistentModelIndex
_Col = ShownColumn

# Roles as plain ints, looked up once: a repaint asks data() for ~10 roles of every visible
# cell, and most are roles this model never answers, so those return before any other work.
_R = Qt.ItemDataRole
_DISPLAY, _EDIT, _USER, _ALIGN, _TIP, _FONT, _FOREGROUND = (
    int(r.value) for r in (_R.DisplayRole, _R.EditRole, _R.UserRole, _R.TextAlignmentRole,
                           _R.ToolTipRole, _R.FontRole, _R.ForegroundRole))
_ANSWERED = frozenset((_DISPLAY, _EDIT, _USER, _ALIGN, _TIP, _FONT, _FOREGROUND))
_ALIGN_RIGHT = int((Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value)
_ALIGN_LEFT = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)


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
        self._choice_filters: dict[str, frozenset[str]] = {}  # column key -> codes kept

    # ----- public API -------------------------------------------------------------------

    def set_frame(self, frame: pd.DataFrame, table: Table | None = None, lang: str = "zh") -> None:
        """Show `frame`; the current sort column (if still shown) and filter are kept."""
        self.beginResetModel()
        self._frame = frame
        self._table = table
        self._lang = lang
        self._cols = build_columns(frame, table, lang)
        basis = frame["basis"] if "basis" in frame.columns else None
        self._derived = (np.zeros(len(frame), dtype=bool) if basis is None
                         else (basis == "derived").to_numpy(dtype=bool, na_value=False))
        keys = {c.key for c in self._cols}
        self._sort_key = self.shown_key(self._sort_key)
        if self._filter_column is not None:  # None: every column
            self._filter_column = self.shown_key(self._filter_column)
        self._choice_filters = {k: v for k, v in self._choice_filters.items() if k in keys}
        self._sort_order = self._compute_sort()
        self._order = self._apply_filter(self._sort_order)
        self.endResetModel()
        self._emit_rows()

    def warm_up_search(self) -> None:
        """For a table of WARM_ROWS or more, work out in the background what the first search
        needs (`frame_columns.warm_up`); the view calls it once the table is on screen."""
        if len(self._frame) >= frame_columns.WARM_ROWS:
            frame_columns.warm_up([c for c in self._cols if c.integer or not c.numeric])

    def set_lang(self, lang: str) -> None:
        """Relabel headers, enum cells and figures, and order the columns for `lang` (see
        `frame_display.build_columns`); sort and filters are kept, a sort by displayed text is
        redone (in the same collation: Chinese text stays in pinyin order)."""
        if lang == self._lang:
            return
        self.set_frame(self._frame, self._table, lang)

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
        return self._frame[self._export_keys()].take(self._order).reset_index(drop=True)

    def whole_frame(self) -> pd.DataFrame:
        """Every row in the frame's order, with the columns `visible_frame` has."""
        return self._frame[self._export_keys()].reset_index(drop=True)

    def _export_keys(self) -> list[str]:
        keys = [k for k in hidden_from_view(self._table) if k in self._frame.columns]
        for c in self._cols:
            keys.append(c.key)
            if c.column is not None:
                keys += [k for k in (c.column.unit_column, c.column.qualifier_column)
                         if k and k in self._frame.columns and k not in keys]
        if self._table is not None:
            order = {k: i for i, k in enumerate(self._table.keys)}
            keys.sort(key=lambda k: order.get(k, len(order)))
        return keys

    def source_row(self, view_row: int) -> int:
        """The frame position (for .iloc) of the row shown at `view_row`."""
        return int(self._order[view_row])

    def column_key(self, column: int) -> str:
        return self._cols[column].key

    def shown_key(self, key: str | None) -> str | None:
        """The shown column for `key`: a *_zh or *_en column stands for its twin in the
        model's language when that is shown (name_zh -> name_en in English); None when
        neither is shown."""
        keys = {c.key for c in self._cols}
        other = twin(key) if key else None
        if other is not None and other.endswith(f"_{self._lang}") and other in keys:
            return other
        return key if key in keys else None

    def sort_column(self) -> tuple[int, Qt.SortOrder]:
        """(view column of the sort, order); column -1 when unsorted."""
        keys = self.column_keys()
        column = keys.index(self._sort_key) if self._sort_key in keys else -1
        order = Qt.SortOrder.AscendingOrder if self._sort_ascending else Qt.SortOrder.DescendingOrder
        return column, order

    def column_keys(self) -> list[str]:
        """Keys of the shown columns, in view order."""
        return [c.key for c in self._cols]

    def is_numeric_column(self, column: int) -> bool:
        return self._cols[column].numeric

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

    def filter_column(self) -> str | None:
        return self._filter_column

    def set_choice_filter(self, key: str, codes: set[str] | frozenset[str] | None) -> None:
        """Keep rows whose `key` cell is one of `codes` (stored values); None keeps all."""
        if codes is None:
            self._choice_filters.pop(key, None)
        else:
            self._choice_filters[key] = frozenset(codes)
        self.layoutAboutToBeChanged.emit()
        self._order = self._apply_filter(self._sort_order)
        self.layoutChanged.emit()
        self._emit_rows()

    def choice_filter(self, key: str) -> frozenset[str] | None:
        return self._choice_filters.get(key)

    def choices(self, key: str, limit: int = 200) -> list[tuple[str, str]] | None:
        """(stored value, shown text) of a column's distinct non-blank values, sorted by the
        shown text; None when the column is not shown or has more than `limit` of them."""
        col = next((c for c in self._cols if c.key == key), None)
        if col is None or col.numeric or col.sample_distinct() > limit:
            return None
        factorised = col.factorised()
        if factorised is None or len(factorised[1]) > limit:
            return None
        label = labeller(col, self._lang)
        pairs = [(str(v), label(str(v)) if label else str(v)) for v in factorised[1]
                 if not is_missing(v) and str(v) != ""]
        return sorted(pairs, key=lambda p: p[1].casefold())

    def display_text(self, view_row: int, column: int) -> str:
        """The shown text of one cell, as DisplayRole gives it."""
        return display(self._cols[column], int(self._order[view_row]), self._lang)

    def width_texts(self, column: int, rows: int, figure_rows: int | None = None) -> list[str]:
        """Shown texts a column's width is fitted to: the first `rows` rows shown (of a
        figure, `figure_rows` when given) and, for a figure, the rows holding its largest and
        smallest values (the longest numbers, found in numpy over the whole column, so a wide
        number further down is not cut to "…")."""
        col = self._cols[column]
        if col.numeric and figure_rows is not None:
            rows = min(rows, figure_rows)
        picked = [int(r) for r in self._order[:rows]]
        if col.numeric and len(self._order):
            numbers = col.numbers()
            if not np.isnan(numbers).all():
                picked += [int(np.nanargmax(numbers)), int(np.nanargmin(numbers))]
        return [display(col, row, self._lang) for row in dict.fromkeys(picked)]

    # ----- Qt model interface -----------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._cols)

    def data(self, index: _Index, role: int = _DISPLAY) -> Any:
        role = int(role)
        if role not in _ANSWERED or not index.isValid():
            return None
        col = self._cols[index.column()]
        if role == _ALIGN:
            return _ALIGN_RIGHT if col.numeric else _ALIGN_LEFT
        row = int(self._order[index.row()])
        if role == _DISPLAY:
            return display(col, row, self._lang)
        if role in (_EDIT, _USER):
            return col.raw(row)
        if role == _TIP:
            return self._tooltip(col, row)
        if role == _FONT and self._derived[row]:
            font = QFont()
            font.setItalic(True)
            return font
        if role == _FOREGROUND and self._derived[row]:
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

    def _tooltip(self, col: _Col, row: int) -> str:
        lines = [display(col, row, self._lang)]
        sentence = self._frame_text("source_sentence", row)
        if sentence and sentence != lines[0]:
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
        return cell_text(self._frame[key].array[row])

    def _compute_sort(self) -> np.ndarray:
        n = len(self._frame)
        if self._sort_key is None:
            return np.arange(n, dtype=np.int64)
        col = next(c for c in self._cols if c.key == self._sort_key)
        if col.column is not None and col.column.kind == schema.PERIOD:  # in time, not by words
            return col.sort_order(self._sort_ascending, period_sort_key)
        return col.sort_order(self._sort_ascending, labeller(col, self._lang), collate)

    def _searchable(self) -> list[_Col]:
        if self._filter_column is not None:
            return [c for c in self._cols if c.key == self._filter_column]
        return [c for c in self._cols if c.integer or not c.numeric]

    def _choice_mask(self) -> np.ndarray | None:
        mask = None
        for key, codes in self._choice_filters.items():
            col = next(c for c in self._cols if c.key == key)
            factorised = col.factorised()
            if factorised is not None:
                found_codes, uniques = factorised
                keep = np.array([str(u) in codes for u in uniques] + [False], dtype=bool)
                found = keep[found_codes]
            else:
                found = pd.Series(col.values, copy=False).isin(list(codes)).to_numpy(bool)
            mask = found if mask is None else mask & found
        return mask

    def _apply_filter(self, order: np.ndarray) -> np.ndarray:
        mask = self._choice_mask()
        text = self._filter_text
        if text:
            columns = [(c, labeller(c, self._lang)) for c in self._searchable()]
            found = search(columns, text, len(self._frame))
            mask = found if mask is None else mask & found
        return order if mask is None else order[mask[order]]

    def _emit_rows(self) -> None:
        self.sig_rows_changed.emit(len(self._order), len(self._frame))

