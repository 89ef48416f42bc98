"""A table panel's sort, filter, selection and scroll position, kept across rebuilds.

Tabs rebuild their widgets when the data reloads, the language or the theme changes; the main
window takes a `TableState` of every table before and applies it after, so the user stays
where they were. Rows are recognised by their spreadsheet row (the hidden `_row` column) when
the frame has one, else by their position in the frame.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt

ROW_COLUMN = "_row"


@dataclass
class TableState:
    sort_key: str | None = None
    sort_order: Qt.SortOrder = Qt.SortOrder.AscendingOrder
    filter_text: str = ""
    search_column: str | None = None  # the key of the column searched; None: all columns
    choices: dict[str, str] = field(default_factory=dict)  # drop-downs: column key -> value
    rows: list[int] = field(default_factory=list)  # `_row` values, or frame positions
    by_row_number: bool = False
    current_key: str | None = None  # the column of the current cell
    scroll: int = 0


def _identities(model, positions: list[int]) -> tuple[list[int], bool]:
    frame = model.frame()
    if ROW_COLUMN in frame.columns:
        values = frame[ROW_COLUMN].iloc[positions]
        if not values.isna().any():  # derived rows have no spreadsheet row: use positions
            return [int(v) for v in values], True
    return list(positions), False


def source_positions(model, rows: list[int], by_row_number: bool) -> list[int]:
    """Frame positions of the rows with these identities."""
    frame = model.frame()
    if not by_row_number:
        return [p for p in rows if 0 <= p < len(frame)]
    if ROW_COLUMN not in frame.columns:
        return []
    mask = frame[ROW_COLUMN].isin(rows).to_numpy(dtype=bool, na_value=False)
    return [int(p) for p in np.flatnonzero(mask)]


def view_rows(model, positions: list[int]) -> list[int]:
    """View rows now showing these frame positions (rows filtered out are left out)."""
    wanted = set(positions)
    if not wanted:
        return []
    found = []
    for r in range(model.rowCount()):
        if model.source_row(r) in wanted:
            found.append(r)
            if len(found) == len(wanted):
                break
    return found


def capture(panel) -> TableState:
    view, model = panel.view, panel.model
    header = view.horizontalHeader()
    bar = panel.filter_bar
    state = TableState(filter_text=panel.filter_edit.text(), search_column=bar.search_column(),
                       choices=bar.choice_values(), scroll=view.verticalScrollBar().value())
    section = header.sortIndicatorSection()
    if 0 <= section < model.columnCount():
        state.sort_key = model.column_key(section)
        state.sort_order = header.sortIndicatorOrder()
    selection = view.selectionModel()
    if selection is not None:
        view_rows_ = sorted({i.row() for i in selection.selectedIndexes()})
        positions = [model.source_row(r) for r in view_rows_ if r < model.rowCount()]
        state.rows, state.by_row_number = _identities(model, positions)
        current = selection.currentIndex()
        if current.isValid() and current.column() < model.columnCount():
            state.current_key = model.column_key(current.column())
    return state


def restore(panel, state: TableState) -> None:
    view, model = panel.view, panel.model
    bar = panel.filter_bar
    for key, code in state.choices.items():
        bar.set_choice(key, code)
    # name_zh stands for name_en in English and the other way round (FrameModel.shown_key)
    if state.search_column is not None:
        bar.set_search_column(model.shown_key(state.search_column))
    if state.filter_text:
        panel.filter_edit.setText(state.filter_text)
        bar.apply_search()  # now, so the rows to select below are the ones shown
    keys = model.column_keys()
    sort_key, current_key = model.shown_key(state.sort_key), model.shown_key(state.current_key)
    if sort_key in keys:
        view.sortByColumn(keys.index(sort_key), state.sort_order)
    select_rows(panel, source_positions(model, state.rows, state.by_row_number),
                keys.index(current_key) if current_key in keys else 0, scroll=False)
    view.verticalScrollBar().setValue(state.scroll)


def select_rows(panel, positions: list[int], column: int = 0, scroll: bool = True) -> bool:
    """Select the view rows showing these frame positions; False when none is shown."""
    view, model = panel.view, panel.model
    rows = view_rows(model, positions)
    selection_model = view.selectionModel()
    if not rows or selection_model is None or model.columnCount() == 0:
        return False
    selection = QItemSelection()
    last = model.columnCount() - 1
    for r in rows:
        selection.select(model.index(r, 0), model.index(r, last))
    flags = QItemSelectionModel.SelectionFlag
    selection_model.select(selection, flags.ClearAndSelect)
    current = model.index(rows[0], min(max(column, 0), last))
    selection_model.setCurrentIndex(current, flags.NoUpdate)
    if scroll:
        view.scrollTo(current)
    return True
