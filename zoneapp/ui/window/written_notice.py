"""The status bar's word after an export: where the file went, and a link that opens its folder.

`opener(folder)` opens a folder in the system's file manager (QDesktopServices); tests replace
it, as they replace the window's dialogs.
"""
from __future__ import annotations

import html
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

SHOWN_MS = 20_000  # then the status bar shows the data folder again


def open_folder(folder: Path) -> bool:
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class WrittenNotice(QWidget):
    """"Exported to PATH  Open folder": a status-bar widget, hidden until something is written."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.opener: Callable[[Path], object] = open_folder
        self.folder: Path | None = None
        self._text = ""
        self.label = QLabel(self)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                           | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.label.linkActivated.connect(lambda _link: self.open_folder())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self.hide()

    def show_written(self, path: Path | str, count: int = 1) -> None:
        """Say that `path` (a file, or the folder of `count` files) was written."""
        path = Path(path)
        self.folder = path if path.is_dir() else path.parent
        if path.is_dir():
            self._text = self.tr("%1 file(s) written to %2").replace("%1", str(count)) \
                .replace("%2", str(path))
        else:
            self._text = self.tr("Exported to %1").replace("%1", str(path))
        link = self.tr("Open folder")
        self.label.setText(f'{html.escape(self._text)}&nbsp;&nbsp;<a href="open">{html.escape(link)}</a>')
        self.label.setToolTip(str(path))
        self.show()
        self._timer.start(SHOWN_MS)

    def text(self) -> str:
        """The message as the user reads it, without the link."""
        return self._text if self.isVisibleTo(self.parentWidget()) else ""

    def open_folder(self) -> None:
        if self.folder is not None:
            self.opener(self.folder)
