"""File → Import table…: a published statistics table into the open data folder.

The dialog plans the import exactly as `python main.py import` does (core.tables.command),
shows what it understood (the sheet as it is with its header, name column and measures
marked; the rows it will add; the same findings the command prints), lets the user change
what the command's options change (sheet, table, period, tab, unit, the folder), and on
OK writes as the command writes: backup, atomic files, recipe. That write is the window's one
exemption from the data folder's write protection (`atomic.user_confirmed_write`).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
    QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QPushButton, QTableView, QTabWidget,
    QVBoxLayout, QWidget,
)

from zoneapp.core.io.atomic import user_confirmed_write
from zoneapp.core.schema import SECTIONS
from zoneapp.core.tables.grid import SUFFIXES, ImportFailed, read_grid
from zoneapp.ui import palette
from zoneapp.ui.window.import_preview import MARKS, RowsModel, SheetModel, mark_names


class ImportDialog(QDialog):
    """One dialog: choices on top, what was understood below, Import or Cancel.

    Open it with `open()`; `sig_imported(folder)` follows a successful write (then the dialog
    is accepted). Nothing is written before OK, nor on Cancel."""

    sig_imported = Signal(Path)

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
        self.rows_view = self._table_view()
        self.sheet_view = self._table_view()
        sheet_page = QWidget()
        sheet_layout = QVBoxLayout(sheet_page)
        sheet_layout.setContentsMargins(0, 0, 0, 0)
        sheet_layout.addWidget(self._legend())
        sheet_layout.addWidget(self.sheet_view, 1)
        self.pages = QTabWidget()
        self.pages.addTab(self.summary, self.tr("What was found"))
        self.pages.addTab(self.rows_view, self.tr("Rows to add"))
        self.pages.addTab(sheet_page, self.tr("The sheet"))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Import"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)

    def _table_view(self) -> QTableView:
        view = QTableView()
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(False)
        view.verticalHeader().setDefaultSectionSize(22)
        return view

    def _legend(self) -> QLabel:
        parts = [f'<span style="background-color: rgba({c.red()},{c.green()},{c.blue()},'
                 f'{c.alpha() / 255:.2f})">&nbsp;{name}&nbsp;</span>'
                 for mark, name in mark_names().items() for c in [MARKS[mark]]]
        legend = QLabel("&nbsp;&nbsp;".join(parts))
        legend.setTextFormat(Qt.TextFormat.RichText)
        return legend

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
        """Enter in the period or unit box ends the edit (the preview is made again); it does
        not press Import on a preview the user has not seen."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                self.focusWidget() in (self.period_edit, self.unit_edit):
            event.accept()
            return
        super().keyPressEvent(event)

    def replan(self, new_sheet: bool = False) -> None:
        """Plan the import with the current choices and show the outcome; writes nothing."""
        from zoneapp.core.tables.command import plan_import
        from zoneapp.core.tables.describe import describe

        if new_sheet:
            self.table_combo.clear()
        options = self.options()
        self.folder_label.setText(str(self.folder))
        try:
            plan = plan_import(self.file, self.folder, **options)
        except ImportFailed as err:
            self._failed(err, options["sheet"])
            return
        self.plan, self.error = plan, None
        self._fill_sheets(plan.grid.sheets, plan.grid.sheet)
        if options["table"] is None:
            self._fill_tables(plan)
        self.message.hide()
        self.summary.setPlainText("\n".join(describe(plan, self.lang)))
        self._set_models(plan)
        rows = len(plan.rows)
        self.pages.setTabText(1, self.tr("Rows to add (%1)").replace("%1", f"{rows:,}"))
        self.ok_button.setEnabled(True)
        # The tab the rows go to: the one chosen, else a saved recipe's.
        self.section_combo.setCurrentIndex(max(self.section_combo.findData(plan.recipe.section),
                                               0))

    def _failed(self, err: ImportFailed, sheet: str | None) -> None:
        self.plan, self.error = None, err
        lines = [err.message(self.lang)]
        box = {"period": self.period_edit, "unit": self.unit_edit}.get(err.option)
        if box is not None:  # the command's --period / --unit is a box here
            lines.append(self.tr("Type it in the %1 box above.").replace(
                "%1", {"period": self.tr("Period"), "unit": self.tr("Unit")}[err.option]))
            box.setFocus(Qt.FocusReason.OtherFocusReason)
        lines.append(self.tr("Nothing was written."))
        self.message.setText("\n".join(lines))
        self.message.show()
        self.summary.setPlainText(err.message(self.lang))
        self._drop_models()
        self.pages.setTabText(1, self.tr("Rows to add"))
        self.ok_button.setEnabled(False)
        self.table_combo.setEnabled(self.table_combo.count() > 1)
        if self.sheet_combo.count() == 0:  # another sheet may hold the table: list them
            try:
                grid = read_grid(self.file, sheet, max_rows=1)
            except ImportFailed:
                return
            self._fill_sheets(grid.sheets, grid.sheet)

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
        from zoneapp.ui.window.write_failure import failure_text

        if self.plan is None:
            return
        if self._folder_changed():
            self.replan()
            self._say(self.tr("The data folder changed since this preview was made; the "
                              "preview is now up to date. Check it and import again."))
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
        """Closed: let go of the sheet and the rows (a 100,000-row sheet is large)."""
        self.plan = None
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


def ask_table_file(parent: QWidget, start: Path | None) -> Path | None:
    """The published table to import (File → Import table…)."""
    patterns = " ".join(f"*{s}" for s in SUFFIXES)
    tables = QCoreApplication.translate("ImportDialog", "Statistics tables")
    chosen, _ = QFileDialog.getOpenFileName(
        parent, QCoreApplication.translate("ImportDialog", "Import table"),
        str(start or Path.home()), f"{tables} ({patterns})")
    return Path(chosen) if chosen else None


def default_folder(file: Path) -> Path:
    """Where a table goes when no data folder is open: a folder named after it, beside it."""
    return file.parent / (file.stem.strip() or "zone")


def start_import(window, file: Path) -> ImportDialog:
    """Open the import dialog for `file` over `window` (a MainWindow); on a write, the
    window loads the folder written and says so in the status bar."""
    folder = window.data_folder or default_folder(Path(file))
    for done in window.findChildren(ImportDialog):  # an earlier import's, closed
        if not done.isVisible():
            done.deleteLater()
    same = window.dataset is not None and window.data_folder == folder
    dialog = ImportDialog(Path(file), folder, window.lang, window,
                          sections=window.dataset.sections if same else ())
    dialog.finished.connect(dialog.release)

    def imported(written_folder: Path) -> None:
        rows = dialog.plan.merged.added if dialog.plan and dialog.plan.merged else 0
        window.statusBar().showMessage(
            QCoreApplication.translate("ImportDialog", "Imported %1 rows from %2 into %3")
            .replace("%1", f"{rows:,}")
            .replace("%2", dialog.file.name).replace("%3", str(written_folder)), 15000)
        window.load_folder_in_background(written_folder)

    dialog.sig_imported.connect(imported)
    dialog.open()
    return dialog
