"""The import dialog's corrections: header rows, name column and each column's role (a
measure, not imported, a growth rate, the names in English, the rows' years or units), value
kind, key, name and unit (and, through `RowsList`, each indicator row's), as a page of widgets
(keyboard) and as the sheet preview's right-click menu.

Every correction is written into the dialog's `Corrections` and `sig_changed` asks for a new
plan; the plan's recipe (what the import saves) is what the page then shows."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox, QCompleter, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
    QSpinBox, QVBoxLayout, QWidget,
)

from zoneapp.core.tables.corrections import Corrections
from zoneapp.core.tables.describe import column_letter
from .import_rows import RowsList, edited_text, refocus, reset_grid


class ColumnsPage(QWidget):
    """What the plan made of each column, editable. `corrections` is the dialog's (shared)."""

    sig_changed = Signal()  # a correction was made: plan again
    sig_header_changed = Signal()  # the header rows were corrected (the tables may differ)
    sig_invalid = Signal(str)  # a correction that cannot be taken, in words

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections = corrections
        self.plan = None
        self.rows: dict[int, dict[str, QWidget]] = {}  # column -> its widgets
        self._layout_key: tuple = ()
        self.header_first, self.header_last = QSpinBox(), QSpinBox()
        for box in (self.header_first, self.header_last):
            box.setMinimum(1)
            box.setKeyboardTracking(False)
            box.editingFinished.connect(self._header_edited)
        self.name_combo = QComboBox()
        self.name_combo.activated.connect(
            lambda i: self.set_name_column(self.name_combo.itemData(i)))
        self.undo_button = QPushButton(self.tr("&Undo corrections"))
        self.undo_button.clicked.connect(self.undo)
        top = QHBoxLayout()
        first_label = QLabel(self.tr("Header &rows:"))
        first_label.setBuddy(self.header_first)
        name_label = QLabel(self.tr("&Name column:"))
        name_label.setBuddy(self.name_combo)
        for w in (first_label, self.header_first, QLabel(self.tr("to")), self.header_last,
                  name_label, self.name_combo):
            top.addWidget(w)
        top.addStretch(1)
        top.addWidget(self.undo_button)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        self.rows_list = RowsList(corrections)
        self.rows_list.sig_changed.connect(self.sig_changed)
        self.rows_list.sig_invalid.connect(self.sig_invalid)
        hint = QLabel(self.tr("Right-click the sheet to correct a row or column there."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.rows_list, 1)
        layout.addWidget(hint)
        self.setEnabled(False)

    # Showing a plan ---------------------------------------------------------------------
    def show_plan(self, plan) -> None:
        """The plan's first table: its header rows, name column and each column's mapping."""
        self.plan = plan
        self.setEnabled(plan is not None)
        self.rows_list.show_plan(plan)
        if plan is None:
            return
        shape, recipe = plan.tables[0].shape, plan.recipe
        last_row = max(len(plan.grid.rows), 1)
        with QSignalBlocker(self.header_first), QSignalBlocker(self.header_last):
            for box in (self.header_first, self.header_last):
                box.setMaximum(last_row)
            self.header_first.setValue(shape.header_rows[0] + 1)
            self.header_last.setValue(shape.header_rows[-1] + 1)
        with QSignalBlocker(self.name_combo):
            self.name_combo.clear()
            for c, head in enumerate(shape.headers):
                self.name_combo.addItem(f"{column_letter(c)}  {head}", c)
            self.name_combo.setCurrentIndex(max(self.name_combo.findData(shape.name_col), 0))
        self.undo_button.setEnabled(bool(self.corrections))
        columns = [c for c in recipe.columns if c.col < len(shape.headers)]
        measures = [c for c in columns if c.role == "measure"]
        key = tuple((c.col, c.header) for c in columns) + (tuple(m.col for m in measures),
                                                              recipe.rows_are)
        if key != self._layout_key:
            self._rebuild(columns, measures, recipe.rows_are == "measure")
            self._layout_key = key
        for c in columns:
            self._fill(self.rows[c.col], c, columns)

    def _rebuild(self, columns, measures, rows_name_measures: bool) -> None:
        focused = reset_grid(self.grid, self.rows, (
            self.tr("Column"), self.tr("Import as"), self.tr("Value kind"), self.tr("Key"),
            self.tr("Name"), self.tr("Unit")))
        self.rows = {}
        from zoneapp.core.units import UNITS

        for r, c in enumerate(columns, start=1):
            label = QLabel(f"{column_letter(c.col)}  {c.header}")
            label.setToolTip(c.header)
            role = QComboBox()
            role.addItem(self.tr("a measure"), ("measure", None))
            role.addItem(self.tr("not imported"), ("skip", None))
            role.addItem(self.tr("the names in English"), ("name_en", None))
            role.addItem(self.tr("each row's year"), ("year", None))
            role.addItem(self.tr("each row's unit"), ("unit", None))
            for m in measures:
                if m.col != c.col:
                    role.addItem(self.tr("growth rate of %1").replace(
                        "%1", f"{column_letter(m.col)} {m.name_zh or m.header}"), ("growth", m.col))
            role.activated.connect(lambda i, col=c.col, box=role: self.set_column(
                col, role=box.itemData(i)[0], growth_of=box.itemData(i)[1]))
            kind = QComboBox()
            for value, text in self._kinds():
                kind.addItem(text, value)
            kind.setToolTip(self.tr("Month: the month's figure; year to date: the year's so "
                                    "far; at the period's end: a balance on its last day."))
            kind.activated.connect(lambda i, col=c.col, box=kind: self.set_column(
                col, value_kind=box.itemData(i)))
            edits = {}
            for field in ("key", "name_zh", "unit"):
                edit = QLineEdit()
                edit.editingFinished.connect(lambda col=c.col, f=field, e=edit:
                                             self._edited(col, f, e))
                edits[field] = edit
            edits["unit"].setCompleter(QCompleter(sorted(UNITS), edits["unit"]))
            if rows_name_measures:  # each row names its indicator: the column only its kind
                for field in ("key", "name_zh"):
                    edits[field].setProperty("by_row", True)
                    edits[field].setToolTip(self.tr("Each row of this table names its "
                                                    "indicator."))
            self.rows[c.col] = {"role": role, "value_kind": kind, **edits}
            for i, w in enumerate((label, role, kind, edits["key"], edits["name_zh"],
                                   edits["unit"])):
                self.grid.addWidget(w, r, i)
        for i, stretch in enumerate((3, 0, 0, 2, 3, 1)):
            self.grid.setColumnStretch(i, stretch)
        refocus(self.rows, focused)

    def _fill(self, widgets: dict[str, QWidget], column, columns) -> None:
        role = widgets["role"]
        owner = next((c.col for c in columns if c.growth_col == column.col), None)
        data = ("growth", owner) if column.role == "growth" else (column.role, None)
        with QSignalBlocker(role):
            at = next((i for i in range(role.count()) if role.itemData(i) == data), -1)
            if at < 0 and column.role == "growth":  # a growth column of no measure
                role.addItem(self.tr("a growth rate"), data)
                at = role.count() - 1
            role.setCurrentIndex(max(at, 0))
        measure = column.role == "measure"
        kind = widgets["value_kind"]
        with QSignalBlocker(kind):
            kind.setCurrentIndex(max(kind.findData(column.value_kind or "none"), 0)
                                 if measure else -1)  # a growth or skipped column has none
        kind.setEnabled(measure)
        for field in ("key", "name_zh", "unit"):
            edit = widgets[field]
            if not edit.hasFocus() or not edit.isModified():
                edit.setText(getattr(column, field) if measure else "")
                edit.setModified(False)
            edit.setEnabled(measure and not edit.property("by_row"))

    # Corrections -------------------------------------------------------------------------
    def set_header(self, first: int | None, last: int) -> None:
        """The header's rows (0-based; `first` None: the header-like rows above `last`)."""
        self.corrections.header_first, self.corrections.header_last = first, last
        self.sig_header_changed.emit()
        self.sig_changed.emit()

    def set_name_column(self, col: int) -> None:
        self.corrections.name_col = col
        self.corrections.columns.pop(col, None)
        self.sig_changed.emit()

    def set_column(self, col: int, role: str | None = None, growth_of: int | None = None,
                   **fields: str) -> None:
        """A column's role ("measure", "skip", "growth" with `growth_of`, "name_en", "year",
        "unit") and its key, name_zh, unit, value_kind (month, ytd, stock, none)."""
        fix = self.corrections.column(col)
        if role:
            fix.role, fix.growth_of = role, growth_of
        for name, value in fields.items():
            setattr(fix, name, value.strip())
        self.sig_changed.emit()

    def undo(self) -> None:
        self.corrections.clear()
        self.sig_header_changed.emit()
        self.sig_changed.emit()

    def _header_edited(self) -> None:
        if self.plan is None:
            return
        shape = self.plan.tables[0].shape
        first, last = self.header_first.value() - 1, self.header_last.value() - 1
        if (first, last) != (shape.header_rows[0], shape.header_rows[-1]):
            self.set_header(min(first, last), max(first, last))

    def _edited(self, col: int, field: str, edit: QLineEdit) -> None:
        text = edited_text(edit, field, self.sig_invalid)
        if text:
            self.set_column(col, **{field: text})

    # The sheet's right-click menu ---------------------------------------------------------
    def menu_actions(self, row: int, col: int, parent: QWidget) -> list[QAction]:
        """What can be corrected at the sheet's cell (row, col), 0-based."""
        found = []

        def add(text: str, slot) -> None:
            action = QAction(text, parent)
            action.triggered.connect(slot)
            found.append(action)

        shape = self.plan.tables[0].shape if self.plan is not None else None
        last = self.corrections.header_last if shape is None else shape.header_rows[-1]
        first = self.corrections.header_first if shape is None else shape.header_rows[0]
        add(self.tr("This row is the header's first row"),
            lambda: self.set_header(row, max(row, last if last is not None else row)))
        add(self.tr("This row is the header's last row"),
            lambda: self.set_header(first if first is not None and first <= row else None, row))
        add(self.tr("This column is the name column"), lambda: self.set_name_column(col))
        name = self.rows_list.sheet_rows.get(row) if shape is not None else None
        if name is not None and self.rows_list.skipped(name):
            add(self.tr("Import this row"), lambda: self.rows_list.set_row(name, skip=False))
        elif name is not None:
            add(self.tr("Do not import this row"), lambda: self.rows_list.set_row(name, skip=True))
        if shape is not None and col == shape.name_col:
            return found + self._undo_action(parent)
        # Offered with no plan too: a table whose rows name no year or unit that the finder
        # saw fails to plan until its year or unit column is pointed at.
        add(self.tr("This column holds each row's year"),
            lambda: self.set_column(col, role="year"))
        add(self.tr("This column holds each row's unit"),
            lambda: self.set_column(col, role="unit"))
        if shape is None:
            return found + self._undo_action(parent)
        add(self.tr("Import this column"), lambda: self.set_column(col, role="measure"))
        add(self.tr("Do not import this column"), lambda: self.set_column(col, role="skip"))
        add(self.tr("This column holds the names in English"),
            lambda: self.set_column(col, role="name_en"))
        for m in shape.measures:
            if m.col != col:
                add(self.tr("This column is the growth rate of %1").replace(
                    "%1", f"{column_letter(m.col)} {m.name_zh or shape.headers[m.col]}"),
                    lambda _=False, owner=m.col: self.set_column(col, role="growth",
                                                                 growth_of=owner))
        measure = next((c for c in self.plan.recipe.columns
                        if c.col == col and c.role == "measure"), None)
        for value, text in self._kinds() if measure is not None else ():
            if value != (measure.value_kind or "none"):
                add(self.tr("Value kind: %1").replace("%1", text),
                    lambda _=False, v=value: self.set_column(col, value_kind=v))
        return found + self._undo_action(parent)

    def _kinds(self) -> list[tuple[str, str]]:
        return [("month", self.tr("month")), ("ytd", self.tr("year to date")),
                ("stock", self.tr("at the period's end")), ("none", self.tr("none stated"))]

    def _undo_action(self, parent: QWidget) -> list[QAction]:
        if not self.corrections:
            return []
        action = QAction(self.tr("Undo all corrections"), parent)
        action.triggered.connect(self.undo)
        return [action]
