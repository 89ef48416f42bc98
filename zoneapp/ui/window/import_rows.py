"""The import dialog's indicator rows (a table whose rows are indicators, 指标 | 本月 | 累计):
each row imported or not, and its key, name and unit, on the Columns page.

A correction is written into the dialog's `Corrections` (by the row's name, as the recipe keys
it) and `sig_changed` asks for a new plan; the plan's recipe rows are what is then shown."""
from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QCheckBox, QCompleter, QGridLayout, QLabel, QLineEdit, QScrollArea, QVBoxLayout, QWidget,
)

from zoneapp.core.tables.corrections import Corrections, indicator_rows

KEY_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
FIELDS = ("key", "name_zh", "unit")


def reset_grid(grid: QGridLayout, rows: dict[object, dict[str, QWidget]],
               headers: tuple[str, ...]) -> tuple | None:
    """Empty a correction grid (the columns' or the rows') for a new layout, with `headers`
    in bold on its first line. -> (row, field) of the box in `rows` that had the focus, for
    `refocus` once the grid is built again."""
    focused = next(((name, f) for name, ws in rows.items() for f, w in ws.items()
                    if w.hasFocus()), None)
    while grid.count():
        item = grid.takeAt(0)
        if item.widget() is not None:
            item.widget().deleteLater()
    for i, text in enumerate(headers):
        grid.addWidget(QLabel(f"<b>{text}</b>"), 0, i)
    return focused


def refocus(rows: dict[object, dict[str, QWidget]], focused: tuple | None) -> None:
    """The focus back to the box `reset_grid` found it in, when that row is still there."""
    if focused and focused[0] in rows:
        rows[focused[0]][focused[1]].setFocus(Qt.FocusReason.OtherFocusReason)


def edited_text(edit: QLineEdit, field: str, invalid: SignalInstance) -> str:
    """What the user typed into a correction box (a column's or a row's), once they finished:
    "" when nothing changed, the box is off or left empty, or a key is no key (then `invalid`
    says why)."""
    if not edit.isModified() or not edit.isEnabled():
        return ""
    edit.setModified(False)
    text = edit.text().strip()
    if field == "key" and not KEY_PATTERN.match(text):
        invalid.emit(QCoreApplication.translate(
            "ImportDialog", "A key is letters, digits and _, starting with a letter: %1")
            .replace("%1", text or "“”"))
        return ""
    return text


class RowsList(QWidget):
    """One line per indicator row: a check box (imported or not) naming the row, then its
    key, name and unit. Hidden for tables whose rows are regions or parks."""

    sig_changed = Signal()  # a correction was made: plan again
    sig_invalid = Signal(str)

    def __init__(self, corrections: Corrections, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.corrections = corrections
        self.rows: dict[str, dict[str, QWidget]] = {}  # row name -> its widgets
        self.sheet_rows: dict[int, str] = {}  # 0-based sheet row -> the row's name
        self._names: tuple = ()
        self.label = QLabel(self.tr("Indicator ro&ws (each row of this table is an indicator):"))
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setAlignment(Qt.AlignmentFlag.AlignTop)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(scroll, 1)
        self.hide()

    def show_plan(self, plan) -> None:
        """The plan's first table's indicator rows as its recipe maps them."""
        found = indicator_rows(plan.tables[0].shape, plan.grid.rows) if plan is not None else []
        self.setVisible(bool(found))
        self.sheet_rows = {r: name for r, name in found}
        if not found:
            return
        if tuple(found) != self._names:
            self._rebuild(found)
            self._names = tuple(found)
        for _r, name in found:
            self._fill(self.rows[name], plan.recipe.rows.get(name))

    def _rebuild(self, found: list[tuple[int, str]]) -> None:
        focused = reset_grid(self.grid, self.rows, (self.tr("Import row"), self.tr("Key"),
                                                    self.tr("Name"), self.tr("Unit")))
        self.rows = {}
        from zoneapp.core.units import UNITS

        for line, (r, name) in enumerate(found, start=1):
            check = QCheckBox(self.tr("row %1: %2").replace("%1", str(r + 1)).replace("%2", name))
            check.setToolTip(self.tr("Unchecked: this row is not imported, now or next time."))
            check.clicked.connect(lambda on, n=name: self.set_row(n, skip=not on))
            widgets: dict[str, QWidget] = {"import": check}
            for field in FIELDS:
                edit = QLineEdit()
                edit.setAccessibleName(f"{name} {field}")
                edit.editingFinished.connect(lambda n=name, f=field, e=edit: self._edited(n, f, e))
                widgets[field] = edit
            widgets["unit"].setCompleter(QCompleter(sorted(UNITS), widgets["unit"]))
            self.rows[name] = widgets
            for i, key in enumerate(("import", *FIELDS)):
                self.grid.addWidget(widgets[key], line, i)
        for i, stretch in enumerate((3, 2, 3, 1)):
            self.grid.setColumnStretch(i, stretch)
        refocus(self.rows, focused)
        if self.rows:  # Alt+W goes to the first row
            self.label.setBuddy(next(iter(self.rows.values()))["import"])

    def _fill(self, widgets: dict[str, QWidget], row) -> None:
        imported = row is None or not row.skip
        with QSignalBlocker(widgets["import"]):
            widgets["import"].setChecked(imported)
        for field in FIELDS:
            edit = widgets[field]
            if not edit.hasFocus() or not edit.isModified():
                edit.setText(getattr(row, field) if row is not None else "")
                edit.setModified(False)
            edit.setEnabled(imported)

    def set_row(self, name: str, skip: bool | None = None, **fields: str) -> None:
        """Row `name`'s corrections: `skip` (not imported) and its key, name_zh, unit."""
        fix = self.corrections.row(name)
        if skip is not None:
            fix.skip = skip
        for field, value in fields.items():
            setattr(fix, field, value.strip())
        self.sig_changed.emit()

    def skipped(self, name: str) -> bool:
        check = self.rows.get(name, {}).get("import")
        return check is not None and not check.isChecked()

    def _edited(self, name: str, field: str, edit: QLineEdit) -> None:
        text = edited_text(edit, field, self.sig_invalid)
        if text:
            self.set_row(name, **{field: text})
