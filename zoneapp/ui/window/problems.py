"""The problems found in the data folder: a dock listing them, a status-bar button counting
them, F8 to reach the list, and "go to row" (the tab and table row a problem is about)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QPushButton

from zoneapp.core.schema import TABLES_BY_NAME
from zoneapp.ui.state import AppState
from zoneapp.ui.widgets.header import Header
from zoneapp.ui.widgets.problems_panel import ProblemsPanel
from zoneapp.ui.window.section_tabs import SectionTabs

PROBLEMS_MAX_HEIGHT = 200  # pixels: the problems dock leaves the tabs most of the window


class Problems(QObject):
    """The dock (bottom of `window`, hidden until a dataset has problems) and the button.

    `docks_restored`: the window restored the docks as the user left them, so a load
    neither opens nor closes this one. A problem activated shows its row in `tabs`,
    setting `header`'s year selector back to all years when the row is of another year.
    """

    def __init__(self, state: AppState, window: QMainWindow, tabs: SectionTabs,
                 header: Header) -> None:
        super().__init__(window)
        self.state, self.window, self.tabs, self.header = state, window, tabs, header
        self.docks_restored = False
        self.panel = ProblemsPanel()
        self.panel.sig_problem_activated.connect(self.show_problem)
        self.dock = QDockWidget(window)
        self.dock.setObjectName("problemsDock")
        self.dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.dock)
        self.dock.hide()
        self.button = QPushButton()
        self.button.setObjectName("problemsButton")
        self.button.clicked.connect(self.toggle)
        state.dataset_changed.connect(self._on_dataset_changed)
        state.language_changed.connect(self.show_list)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.dock.setWindowTitle(self.tr("Problems"))
        self.button.setText(self.count_text())
        self.button.setToolTip(self.tr("Show the problems found in the data folder"))

    def count_text(self) -> str:
        return self.tr("Problems: %1").replace("%1", str(len(self._problems())))

    def _problems(self) -> list:
        return self.state.dataset.problems if self.state.dataset is not None else []

    def show_list(self, *_args) -> None:
        """The list in the current language and colours."""
        self.panel.set_problems(self._problems(), self.state.language)

    def _on_dataset_changed(self, _dataset) -> None:
        problems = self._problems()
        self.button.setText(self.count_text())
        self.button.setProperty("hasProblems", bool(problems))
        # Its own (empty) style sheet set again applies the status bar's rule for the new
        # property; style().polish() would build PySide6's QStyle class before the first
        # data shows (~0.015 s of start-up, its enums).
        self.button.setStyleSheet(self.button.styleSheet())
        self.show_list()
        if self.docks_restored:  # shown or closed, at its size, as the user left it
            return
        if problems and not self.dock.isVisible():
            self.show_dock()
        elif not problems:
            self.dock.hide()

    def show_dock(self) -> None:
        """Open the dock at the height its lines need (one line: "No problems")."""
        self.dock.show()
        height = min(PROBLEMS_MAX_HEIGHT, 70 + 24 * max(1, len(self._problems())))
        self.window.resizeDocks([self.dock], [height], Qt.Orientation.Vertical)

    def toggle(self) -> None:
        self.dock.setVisible(not self.dock.isVisible())

    def focus(self) -> None:
        """F8: show the panel and put the keyboard focus in its list."""
        if not self.dock.isVisible():
            self.show_dock()
        self.dock.raise_()
        widget = self.panel.list_widget()
        widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if widget.currentRow() < 0 and widget.count():
            widget.setCurrentRow(0)

    def show_problem(self, problem) -> bool:
        """Show the tab holding the problem's table and select its row. False when not shown."""
        tabs = self.tabs
        if problem is None or not tabs.pages:
            return False
        if problem.row is not None and self.header.selected_period() is not None:
            self.header.select_period(None)  # all years, so the row's year is in the table
        table_name = Path(problem.file).stem.lower()
        table = TABLES_BY_NAME.get(table_name)
        # The tabs that list the table first, then the others.
        listing = {s.code for s in tabs.sections if table is not None and table.name in s.tables}
        codes = sorted(tabs.section_codes(), key=lambda c: c not in listing)
        status = self.window.statusBar()
        for want_row in ([problem.row, None] if problem.row is not None else [None]):
            for code in codes:
                page = tabs.tab(code)  # filled first, if not yet
                if page is None or page.show_table_row(table_name, want_row) is None:
                    continue
                tabs.tab_widget.setCurrentWidget(page)
                panel = page.show_table_row(table_name, want_row)  # again, now that it shows
                if want_row is None and problem.row is not None:
                    status.showMessage(
                        self.tr("Row %1 of %2 is not shown: it was left out because of "
                                "this problem.").replace("%1", str(problem.row))
                        .replace("%2", problem.file), 8000)
                return panel is not None
        status.showMessage(self.tr("%1 is not shown in any table.").replace("%1", problem.file),
                           8000)
        return False
