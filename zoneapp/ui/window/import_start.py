"""Opening the import dialog from the window: the file to import, the folder it goes into,
and what the window does once it wrote (File → Import table…, a dropped table)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from zoneapp.core.tables.grid import SUFFIXES


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


def start_import(window, file: Path):
    """Open the import dialog for `file` over `window` (a MainWindow); on a write, the
    window loads the folder written and says so in the status bar."""
    from zoneapp.ui.window.import_dialog import ImportDialog

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
