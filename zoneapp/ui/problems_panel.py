"""The problems found in a data folder, listed inline (a dock in the main window)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from ..core.problems import Problem

ERROR_COLOUR = "#b3261e"
WARNING_COLOUR = "#8a5a00"


class ProblemsPanel(QWidget):
    """One line per problem, in the form the command line prints (`file:row: column: message`)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._summary = QLabel(self.tr("No problems found."))
        self._summary.setWordWrap(True)
        self._list = QListWidget()
        self._list.setAlternatingRowColors(True)
        self._list.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self._summary)
        layout.addWidget(self._list, 1)

    def set_problems(self, problems: list[Problem], lang: str = "zh") -> None:
        self._list.clear()
        for problem in problems:
            prefix = self.tr("Error") if problem.is_error else self.tr("Warning")
            item = QListWidgetItem(f"{prefix}: {problem.format(lang)}")
            colour = ERROR_COLOUR if problem.is_error else WARNING_COLOUR
            item.setForeground(QBrush(QColor(colour)))
            item.setData(Qt.ItemDataRole.UserRole, problem)
            self._list.addItem(item)
        if problems:
            errors = sum(1 for p in problems if p.is_error)
            self._summary.setText(
                self.tr("%1 problem(s) found (%2 error(s)). Tables with errors show their good rows.")
                .replace("%1", str(len(problems))).replace("%2", str(errors)))
        else:
            self._summary.setText(self.tr("No problems found."))

    def lines(self) -> list[str]:
        """The text of every listed problem, as the user reads it."""
        return [self._list.item(i).text() for i in range(self._list.count())]
