"""File → Import table…: a published statistics table into the open data folder.

The dialog plans the import exactly as `python main.py import` does (core.tables.command),
shows what it understood (the sheet as it is with its header, name column and measures
marked; the rows it will add; the same findings the command prints), lets the user change
what the command's options change (sheet, table, period, tab, unit, the folder) and what was
recognised (header rows, name column, each column's role, key, name and unit: the Columns page
and the sheet's right-click menu, import_columns.py), and on OK writes as the command writes:
backup, atomic files, and the recipe with the corrections in it. That write is the window's one
exemption from the data folder's write protection (`atomic.user_confirmed_write`). Planning
runs off the UI thread (import_planner.py); Import waits for the plan of the current choices.
"""
from __future__ import annotations

import copy
from pathlib import Path

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractSpinBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog,
    QFormLayout, QHBoxLayout, QLabel, QLineEdit, QMenu, QPlainTextEdit, QProgressBar,
    QPushButton, QTabWidget, QVBoxLayout, QWidget,
)

from zoneapp.core.io.atomic import user_confirmed_write
from zoneapp.core.schema import SECTIONS
from zoneapp.core.tables.corrections import Corrections
from zoneapp.core.tables.grid import ImportFailed, read_grid
from zoneapp.ui import palette
from zoneapp.ui.window.import_columns import ColumnsPage
from zoneapp.ui.window.import_planner import Planner, read_sheet
from zoneapp.ui.window.import_preview import RowsModel, SheetModel, legend, table_view


class ImportDialog(QDialog):
    """One dialog: choices on top, what was understood below, Import or Cancel.

    Open it with `open()`; `sig_imported(folder)` follows a successful write (then the dialog
    is accepted). Nothing is written before OK, nor on Cancel. `sig_planned` follows each plan
    (or failure) shown for the current choices; `busy` while one is being made."""

    sig_imported = Signal(Path)
    sig_planned = Signal()

    def __init__(self, file: Path, folder: Path, lang: str = "zh",
                 parent: QWidget | None = None, sections: tuple = ()) -> None:
        super().__init__(parent)
        # The open folder's tabs first, then the built-in ones it lacks.
        self._sections = tuple(sections) + tuple(
            s for s in SECTIONS if s.code not in {x.code for x in sections})
        self.file, self.folder, self.lang = Path(file), Path(folder), lang
        self.plan = None
        self.error: ImportFailed | None = None
        self.written: list[Path] = []
        self.rows_model: RowsModel | None = None
        self.sheet_model: SheetModel | None = None
        self._tables = 0  # how many tables the chosen sheet holds (the table choice lists them)
        self._last_edits = ("", "")  # the period and unit the plan was made with
        self._section_chosen = False  # else the tab a saved recipe names (or overview)
        self.corrections = Corrections()  # what the user corrected of what was recognised
        self._read: dict = {}  # the sheet read once: {sheet: (grid, frame)}
        self._asked: dict = {}  # the options of the plan asked for last
        self._note = ""  # said once the plan asked for is in
        self.planner = Planner(self)
        self.planner.sig_planned.connect(self._planned)
        self.setWindowTitle(self.tr("Import table: %1").replace("%1", self.file.name))
        self.resize(980, 720)
        self._build()
        self.replan()

    # Layout ------------------------------------------------------------------------------
    def _build(self) -> None:
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton(self.tr("&Choose…"))
        self.folder_button.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder_label, 1)
        folder_row.addWidget(self.folder_button)
        self.sheet_combo = QComboBox()
        self.sheet_combo.activated.connect(lambda _i: self.replan(new_sheet=True))
        self.table_combo = QComboBox()
        self.table_combo.activated.connect(lambda _i: self.replan())
        self.period_edit = QLineEdit()
        self.period_edit.setPlaceholderText(self.tr("as in the table; or 2023, 2023Q1, 2023H1, "
                                                    "2023-05, 2023-01..2023-11"))
        self.period_edit.editingFinished.connect(self._edited)
        self.section_combo = QComboBox()
        for section in self._sections:
            self.section_combo.addItem(section.label(self.lang), section.code)
        self.section_combo.activated.connect(self._section_activated)
        self.unit_edit = QLineEdit()
        self.unit_edit.setPlaceholderText(self.tr("only where the table names none, e.g. 万元"))
        self.unit_edit.editingFinished.connect(self._edited)
        form = QFormLayout()
        file_label = QLabel(str(self.file))
        file_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("File:"), file_label)
        form.addRow(self.tr("Into data folder:"), folder_row)
        form.addRow(self.tr("&Sheet:"), self.sheet_combo)
        form.addRow(self.tr("T&able:"), self.table_combo)
        form.addRow(self.tr("&Period:"), self.period_edit)
        form.addRow(self.tr("T&ab:"), self.section_combo)
        form.addRow(self.tr("&Unit:"), self.unit_edit)

        self.message = QLabel()  # what stops the import: inline, not a pop-up
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setStyleSheet(f"color: {palette.ERROR};")
        self.message.hide()
        self.summary = QPlainTextEdit()
        self.summary.setReadOnly(True)
        self.rows_view = table_view()
        self.sheet_view = table_view()
        self.sheet_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sheet_view.customContextMenuRequested.connect(self._sheet_menu)
        self.columns_page = ColumnsPage(self.corrections)
        self.columns_page.sig_changed.connect(self.replan)
        self.columns_page.sig_header_changed.connect(self.table_combo.clear)
        self.columns_page.sig_invalid.connect(self._say)
        sheet_page = QWidget()
        sheet_layout = QVBoxLayout(sheet_page)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        marks = QHBoxLayout()
        marks.addWidget(legend())
        marks.addStretch(1)
        marks.addWidget(QLabel(self.tr("Right-click a row or column to correct what was "
                                       "found.")))
        sheet_layout.addLayout(marks)
        sheet_layout.addWidget(self.sheet_view, 1)
        self.pages = QTabWidget()
        self.pages.addTab(self.summary, self.tr("What was found"))
        self.pages.addTab(self.rows_view, self.tr("Rows to add"))
        self.pages.addTab(sheet_page, self.tr("The sheet"))
        self.pages.addTab(self.columns_page, self.tr("Colu&mns"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.busy_bar = QProgressBar()  # planning: Import waits for it
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setTextVisible(False)
        self.busy_label = QLabel(self.tr("Reading the table…"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.busy_bar)
        bottom.addWidget(self.busy_label)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addLayout(bottom)
        order = [self.folder_button, self.sheet_combo, self.table_combo, self.period_edit,
                 self.section_combo, self.unit_edit, self.pages, self.ok_button,
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel)]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

    # Planning ----------------------------------------------------------------------------
    def options(self) -> dict:
        """The choices as `plan_import` takes them (the command's --sheet, --table …)."""
        table = self.table_combo.currentData() if self.table_combo.count() else None
        return {"sheet": self.sheet_combo.currentText() or None, "table": table,
                "period": self.period_edit.text().strip() or None,
                "section": self.section_combo.currentData() if self._section_chosen else None,
                "unit": self.unit_edit.text().strip() or None}

    def _edited(self) -> None:
        """A period or unit typed: plan again only when it changed (Tab and Enter both end
        an edit)."""
        current = (self.period_edit.text().strip(), self.unit_edit.text().strip())
        if current != self._last_edits:
            self._last_edits = current
            self.replan()

    def _section_activated(self, _index: int) -> None:
        self._section_chosen = True
        self.replan()

    def keyPressEvent(self, event) -> None:  # noqa: N802 (Qt override)
        """Enter in a box (period, unit, a column's key, name or unit, a header row) ends the
        edit (the preview is made again); it does not press Import on a preview the user has
        not seen. Elsewhere Enter imports and Esc cancels."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                isinstance(self.focusWidget(), (QLineEdit, QAbstractSpinBox)):
            event.accept()
            return
        super().keyPressEvent(event)

    @property
    def busy(self) -> bool:
        """A plan for the current choices is being made (Import waits for it)."""
        return self.planner.busy

    def replan(self, new_sheet: bool = False) -> None:
        """Plan the import with the current choices, off the UI thread; the newest plan asked
        for is shown when it is in (`sig_planned`). Writes nothing."""
        from zoneapp.core.tables.command import plan_import

        if new_sheet:
            self.table_combo.clear()
            self.corrections.clear()  # another sheet: its own header and columns
        options = self._asked = self.options()
        self.folder_label.setText(str(self.folder))
        self.ok_button.setEnabled(False)
        self.busy_bar.show()
        self.busy_label.show()
        file, folder, fixes, read = self.file, self.folder, copy.deepcopy(self.corrections), \
            self._read

        def work():
            grid, frame = read_sheet(read, file, options["sheet"])
            return plan_import(file, folder, **options, corrections=fixes, grid=grid,
                               frame=frame)

        self.planner.request(work)

    def _planned(self, plan, err: ImportFailed | None) -> None:
        self.busy_bar.hide()
        self.busy_label.hide()
        if err is not None:
            self._failed(err, self._asked.get("sheet"))
        else:
            self._show(plan, self._asked)
        if self._note:
            self._say(self._note)
            self._note = ""
        self.sig_planned.emit()

    def _show(self, plan, options: dict) -> None:
        from zoneapp.core.tables.describe import describe

        self.plan, self.error = plan, None
        self._fill_sheets(plan.grid.sheets, plan.grid.sheet)
        if options["table"] is None:
            self._fill_tables(plan)
        self.message.hide()
        self.summary.setPlainText("\n".join(describe(plan, self.lang, window=True)))
        self._set_models(plan)
        self.columns_page.show_plan(plan)
        rows = len(plan.rows)
        self.pages.setTabText(1, self.tr("Rows to add (%1)").replace("%1", f"{rows:,}"))
        self.ok_button.setEnabled(True)
        # The tab the rows go to: the one chosen, else a saved recipe's.
        self.section_combo.setCurrentIndex(max(self.section_combo.findData(plan.recipe.section),
                                               0))

    def _failed(self, err: ImportFailed, sheet: str | None) -> None:
        self.plan, self.error = None, err
        err.file = err.file or self.file.name  # a defect caught by the planner names no file
        lines = [err.message(self.lang, window=True)]
        box = {"period": self.period_edit, "unit": self.unit_edit}.get(err.option)
        if box is not None:  # the command's --period / --unit is a box here
            lines.append(self.tr("Type it in the %1 box above.").replace(
                "%1", {"period": self.tr("Period"), "unit": self.tr("Unit")}[err.option]))
            box.setFocus(Qt.FocusReason.OtherFocusReason)
        lines.append(self.tr("Nothing was written."))
        self.message.setText("\n".join(lines))
        self.message.show()
        self.summary.setPlainText(err.message(self.lang, window=True))
        self._drop_models()
        self.columns_page.show_plan(None)
        read = self._read.get(sheet)
        if read is not None:  # the sheet unmarked: its header can still be pointed at
            self.sheet_model = SheetModel(None, self, grid=read[0])
            self.sheet_view.setModel(self.sheet_model)
        self.pages.setTabText(1, self.tr("Rows to add"))
        self.ok_button.setEnabled(False)
        self.table_combo.setEnabled(self.table_combo.count() > 1)
        if self.sheet_combo.count() == 0:  # another sheet may hold the table: list them
            try:
                grid = read[0] if read is not None else read_grid(self.file, sheet, max_rows=1)
            except ImportFailed:
                return
            self._fill_sheets(grid.sheets, grid.sheet)

    def sheet_actions(self, row: int, col: int, parent: QWidget | None = None) -> list:
        """The corrections the sheet's right-click menu offers at (row, col), 0-based."""
        return self.columns_page.menu_actions(row, col, parent or self)

    def _sheet_menu(self, pos: QPoint) -> None:
        index = self.sheet_view.indexAt(pos)
        if not index.isValid():  # the menu key: the current cell
            index = self.sheet_view.currentIndex()
            pos = self.sheet_view.visualRect(index).center()
        if not index.isValid() or self.busy:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.addActions(self.sheet_actions(index.row(), index.column(), menu))
        menu.popup(self.sheet_view.viewport().mapToGlobal(pos))

    def _fill_sheets(self, sheets: list[str], chosen: str) -> None:
        if [self.sheet_combo.itemText(i) for i in range(self.sheet_combo.count())] != sheets:
            self.sheet_combo.clear()
            self.sheet_combo.addItems(sheets)
        self.sheet_combo.setCurrentIndex(max(self.sheet_combo.findText(chosen), 0))
        self.sheet_combo.setEnabled(len(sheets) > 1)

    def _fill_tables(self, plan) -> None:
        self.table_combo.clear()
        self._tables = len(plan.tables)
        if self._tables > 1:
            self.table_combo.addItem(self.tr("All %1 tables").replace("%1", str(self._tables)),
                                     None)
            for i, t in enumerate(plan.tables, start=1):
                title = t.shape.title[0] if t.shape.title else ""
                self.table_combo.addItem(self.tr("Table %1").replace("%1", str(i))
                                         + (f": {title}" if title else ""), i)
        else:
            self.table_combo.addItem(self.tr("Table %1").replace("%1", "1"), None)
        self.table_combo.setEnabled(self._tables > 1)

    def _set_models(self, plan) -> None:
        self._drop_models()
        self.rows_model = RowsModel(plan.rows, self.lang, self)
        self.rows_view.setModel(self.rows_model)
        self.sheet_model = SheetModel(plan, self)
        self.sheet_view.setModel(self.sheet_model)
        first = plan.tables[0].shape.header_rows[0]
        self.sheet_view.scrollTo(self.sheet_model.index(max(first - 3, 0), 0),
                                 QAbstractItemView.ScrollHint.PositionAtTop)

    # Folder ------------------------------------------------------------------------------
    def ask_folder(self) -> Path | None:
        """The folder to import into (tests replace this dialog)."""
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Import into data folder"),
                                                  str(self.folder))
        return Path(chosen) if chosen else None

    def choose_folder(self) -> None:
        chosen = self.ask_folder()
        if chosen is not None and chosen != self.folder:
            self.folder = chosen
            self.replan()

    # Writing -----------------------------------------------------------------------------
    def accept(self) -> None:
        """OK: write what the preview shows, then close; a failure is said here, the dialog
        stays open and the folder is as it was."""
        from zoneapp.core.tables.command import commit
        from zoneapp.ui.widgets.write_failure import failure_text

        if self.plan is None or self.busy:
            return
        if self._folder_changed():
            self._note = self.tr("The data folder changed since this preview was made; the "
                                 "preview is now up to date. Check it and import again.")
            self.replan()
            return
        try:
            with user_confirmed_write(self.folder):  # the user's own, confirmed, write
                self.written = commit(self.plan)
        except OSError as exc:
            self._say(self.tr("Nothing was imported:") + "\n" + failure_text(exc))
            return
        self.sig_imported.emit(self.folder)
        super().accept()

    def _folder_changed(self) -> bool:
        """indicators.csv is no longer what the plan merged with (edited, or written by
        another import): writing now would drop that change."""
        existing = self.plan.existing
        path = self.folder / "indicators.csv"
        try:
            now = path.read_bytes() if path.is_file() else None
        except OSError:
            return True
        return now != (existing.data if existing is not None and existing.path else None)

    def release(self) -> None:
        """Closed: let go of the sheet and the rows (a 100,000-row sheet is large); a plan
        still being made is dropped when it ends."""
        self.planner.drop()
        self.plan = None
        self._read.clear()
        self._drop_models()

    def _drop_models(self) -> None:
        self.rows_view.setModel(None)
        self.sheet_view.setModel(None)
        for model in (self.rows_model, self.sheet_model):
            if model is not None:
                model.deleteLater()
        self.rows_model = self.sheet_model = None

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
