"""The problems found in a data folder, listed inline (a dock in the main window)."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from zoneapp.core.problems import Problem
from zoneapp.ui import palette


class ProblemsPanel(QWidget):
    """One line per problem, in the form the command line prints (`file:row: column: message`).

    Activating a line (double-click or Enter) emits `sig_problem_activated(problem)`; the main
    window then shows the tab holding that table and selects the row.
    """

    sig_problem_activated = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._summary = QLabel(self.tr("No problems found."))
        self._summary.setWordWrap(True)
        self._list = QListWidget()
        self._list.setAlternatingRowColors(True)
        self._list.setWordWrap(True)
        self._list.itemActivated.connect(
            lambda item: self.sig_problem_activated.emit(item.data(Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 8)
        layout.addWidget(self._summary)
        layout.addWidget(self._list, 1)
        self._list.hide()

    def set_problems(self, problems: list[Problem], lang: str = "zh") -> None:
        self._list.clear()
        for problem in problems:
            prefix = self.tr("Error") if problem.is_error else self.tr("Warning")
            item = QListWidgetItem(f"{prefix}: {problem.format(lang)}")
            colour = palette.ERROR if problem.is_error else palette.WARNING
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
        self._list.setVisible(bool(problems))  # "No problems found." alone: a one-line dock

    def list_widget(self) -> QListWidget:
        return self._list

    def lines(self) -> list[str]:
        """The text of every listed problem, as the user reads it."""
        return [self._list.item(i).text() for i in range(self._list.count())]
