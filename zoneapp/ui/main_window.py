"""The main window: header, a tab per section, menus, status bar; owns the Dataset."""
from __future__ import annotations

import html
import importlib
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QPushButton, QTabWidget,
    QVBoxLayout, QWidget,
)

from .. import __version__
from ..core.problems import LoadError
from ..core.schema import SECTIONS
from .header import Header
from .problems_panel import ProblemsPanel

if TYPE_CHECKING:
    from ..core.dataset import Dataset

# Section code -> "module:class"; imported on first use so that the window paints before
# pandas and pyqtgraph are loaded.
TAB_CLASSES = {
    "overview": "overview:OverviewTab",
    "projects": "projects:ProjectsTab",
    "financing": "financing:FinancingTab",
    "relief": "relief:ReliefTab",
    "innovation": "innovation:InnovationTab",
    "environment": "environment:EnvironmentTab",
}

PROBLEMS_MAX_HEIGHT = 200  # pixels: the problems dock leaves the tabs most of the window

WINDOW_STYLE = """
QMainWindow, QScrollArea, #tabContent { background: #f5f7fa; }
QTabWidget::pane { border: none; border-top: 1px solid #d5dce5; }
QTabBar::tab { padding: 8px 18px; margin-right: 2px; color: #44546a;
               background: #e8edf3; border-top-left-radius: 4px; border-top-right-radius: 4px; }
QTabBar::tab:selected { background: #f5f7fa; color: #1f4e79; font-weight: bold;
                        border-bottom: 2px solid #1f4e79; }
QStatusBar { background: #eef2f6; color: #44546a; }
QPushButton#problemsButton { border: none; padding: 2px 10px; color: #44546a; }
QPushButton#problemsButton[hasProblems="true"] { color: #b3261e; font-weight: bold; }
"""


def _menu_text(label: str) -> str:
    """A label shown in a tab or menu: '&' is literal, not a mnemonic."""
    return label.replace("&", "&&")


class MainWindow(QMainWindow):
    """Shows one Dataset; File/View/Help menus; problems in the status bar and a dock."""

    sig_dataset_loaded = Signal(object)

    def __init__(self, lang: str = "zh", parent: QWidget | None = None):
        super().__init__(parent)
        self.lang = lang
        self.dataset: Dataset | None = None
        self.data_folder: Path | None = None
        self.tab_pages: dict[str, QWidget] = {}
        self.setStyleSheet(WINDOW_STYLE)
        self.setWindowTitle(self._app_title())
        self.setMinimumSize(960, 600)

        self.header = Header()
        self.tab_widget = QTabWidget()
        self.tab_widget.setDocumentMode(True)
        for section in SECTIONS:
            placeholder = QLabel(self.tr("Loading…"))
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tab_widget.addTab(placeholder, _menu_text(section.label(lang)))
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.tab_widget, 1)
        self.setCentralWidget(central)

        self.problems_panel = ProblemsPanel()
        self.problems_dock = QDockWidget(self.tr("Problems"), self)
        self.problems_dock.setObjectName("problemsDock")
        self.problems_dock.setWidget(self.problems_panel)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems_dock)
        self.problems_dock.hide()

        self.folder_label = QLabel(self.tr("No data folder"))
        self.problems_button = QPushButton(self.tr("Problems: %1").replace("%1", "0"))
        self.problems_button.setObjectName("problemsButton")
        self.problems_button.setToolTip(self.tr("Show the problems found in the data folder"))
        self.problems_button.clicked.connect(self.toggle_problems)
        self.statusBar().addWidget(self.folder_label, 1)
        self.statusBar().addPermanentWidget(self.problems_button)
        self._build_menus()

    # Menus --------------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.action_open = self._action(file_menu, self.tr("&Open data folder…"),
                                        self.open_folder, QKeySequence.StandardKey.Open)
        self.action_reload = self._action(file_menu, self.tr("&Reload"), self.reload,
                                          QKeySequence.StandardKey.Refresh)
        self.action_export_all = self._action(file_menu, self.tr("&Export all tables…"),
                                              self.export_all_tables, "Ctrl+Shift+E")
        file_menu.addSeparator()
        self.action_quit = self._action(file_menu, self.tr("&Quit"), self.close, "Ctrl+Q")

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.view_actions: list[QAction] = []
        for index, section in enumerate(SECTIONS):
            action = self._action(view_menu, _menu_text(section.label(self.lang)),
                                  lambda _=False, i=index: self.tab_widget.setCurrentIndex(i),
                                  f"Ctrl+{index + 1}")
            self.view_actions.append(action)
        view_menu.addSeparator()
        view_menu.addAction(self.problems_dock.toggleViewAction())

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.action_about = self._action(help_menu, self.tr("&About ZoneApp"), self.show_about)

    def _action(self, menu, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    # Dialogs tests replace -----------------------------------------------------------------
    def ask_folder(self) -> Path | None:
        start = str(self.data_folder or Path.home())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open data folder"), start)
        return Path(folder) if folder else None

    def ask_export_folder(self) -> Path | None:
        start = str(Path.home())
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export all tables to folder"), start)
        return Path(folder) if folder else None

    def show_error(self, title: str, text: str) -> None:
        QMessageBox.critical(self, title, text)

    def show_info(self, title: str, text: str) -> None:
        QMessageBox.information(self, title, text)

    # Loading -------------------------------------------------------------------------------
    def load_folder(self, folder: Path) -> bool:
        """Load `folder` and show it; a folder that cannot be opened leaves the window as is."""
        from ..core.loading import load_dataset

        folder = Path(folder)
        try:
            dataset = load_dataset(folder)
        except LoadError as exc:
            self.show_error(self.tr("Cannot open data folder"),
                            self.tr("%1 cannot be opened:").replace("%1", str(folder))
                            + "\n\n" + exc.message(self.lang))
            return False
        except OSError as exc:
            self.show_error(self.tr("Cannot open data folder"), f"{folder}\n\n{exc}")
            return False
        self.set_dataset(dataset)
        return True

    def open_folder(self) -> None:
        folder = self.ask_folder()
        if folder is not None:
            self.load_folder(folder)

    def reload(self) -> None:
        if self.data_folder is not None:
            self.load_folder(self.data_folder)

    def set_dataset(self, dataset: Dataset) -> None:
        self._ensure_tabs()
        self.dataset = dataset
        self.data_folder = Path(dataset.folder)
        manifest = dataset.manifest
        description = manifest.description_zh if self.lang == "zh" else manifest.description_en
        self.header.set_zone(manifest.name(self.lang), manifest.period_label(), description)
        self.setWindowTitle(f"{manifest.name(self.lang)} — {self._app_title()}")
        for code, page in self.tab_pages.items():
            page.set_dataset(dataset, self.lang)
        self._show_problems(dataset)
        self.sig_dataset_loaded.emit(dataset)

    def _ensure_tabs(self) -> None:
        if self.tab_pages:
            return
        current = self.tab_widget.currentIndex()
        for index, section in enumerate(SECTIONS):
            module_name, class_name = TAB_CLASSES[section.code].split(":")
            module = importlib.import_module(f"{__package__}.tabs.{module_name}")
            page = getattr(module, class_name)()
            old = self.tab_widget.widget(index)
            self.tab_widget.removeTab(index)
            self.tab_widget.insertTab(index, page, _menu_text(section.label(self.lang)))
            old.deleteLater()
            self.tab_pages[section.code] = page
        self.tab_widget.setCurrentIndex(max(current, 0))

    def _show_problems(self, dataset: Dataset) -> None:
        problems = dataset.problems
        self.folder_label.setText(self.tr("Data folder: %1").replace("%1", str(dataset.folder)))
        self.problems_button.setText(self.problems_count_text())
        self.problems_button.setProperty("hasProblems", bool(problems))
        self.problems_button.style().unpolish(self.problems_button)
        self.problems_button.style().polish(self.problems_button)
        self.problems_panel.set_problems(problems, self.lang)
        self.problems_dock.setVisible(bool(problems))
        if problems:
            height = min(PROBLEMS_MAX_HEIGHT, 70 + 24 * len(problems))
            self.resizeDocks([self.problems_dock], [height], Qt.Orientation.Vertical)

    def problems_count_text(self) -> str:
        count = len(self.dataset.problems) if self.dataset is not None else 0
        return self.tr("Problems: %1").replace("%1", str(count))

    def toggle_problems(self) -> None:
        self.problems_dock.setVisible(not self.problems_dock.isVisible())

    # Tabs ----------------------------------------------------------------------------------
    def select_tab(self, code: str) -> QWidget:
        index = [s.code for s in SECTIONS].index(code)
        self.tab_widget.setCurrentIndex(index)
        return self.tab_widget.widget(index)

    def tab(self, code: str) -> QWidget | None:
        return self.tab_pages.get(code)

    # Export --------------------------------------------------------------------------------
    def export_all_tables(self) -> list[Path]:
        if self.dataset is None:
            self.show_error(self.tr("Export all tables"), self.tr("No data folder is open."))
            return []
        folder = self.ask_export_folder()
        if folder is None:
            return []
        from ..core.export import export_all

        try:
            written = export_all(self.dataset, folder, lang=self.lang)
        except OSError as exc:
            self.show_error(self.tr("Export all tables"),
                            self.tr("The tables could not be written:") + f"\n\n{exc}")
            return []
        self.statusBar().showMessage(
            self.tr("%1 table(s) written to %2").replace("%1", str(len(written)))
            .replace("%2", str(folder)), 8000)
        return list(written)

    # About ---------------------------------------------------------------------------------
    def _app_title(self) -> str:
        return self.tr("ZoneApp Indicator Dashboard")

    def about_text(self) -> str:
        lines = [f"<h3>{self._app_title()}</h3>",
                 "<p>" + self.tr("Version %1").replace("%1", __version__) + "</p>"]
        if self.dataset is not None:
            manifest = self.dataset.manifest
            lines.append("<p>" + self.tr("Data: %1 (%2), folder %3")
                         .replace("%1", html.escape(manifest.name(self.lang)))
                         .replace("%2", manifest.period_label())
                         .replace("%3", str(self.dataset.folder)) + "</p>")
            if manifest.sources:
                lines.append("<p><b>" + self.tr("Sources") + "</b></p><ul>")
                for source in manifest.sources:
                    parts = [source.title, source.publication, source.author, source.date]
                    lines.append("<li>" + html.escape(", ".join(p for p in parts if p)) + "</li>")
                lines.append("</ul>")
        else:
            lines.append("<p>" + self.tr("No data folder is open.") + "</p>")
        lines.append("<p>" + self.tr("Chinese text is set in Noto Sans CJK SC (SIL Open Font "
                                     "License) where the system has no Chinese font.") + "</p>")
        return "\n".join(lines)

    def show_about(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("About ZoneApp"),
                          self.about_text(), QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.RichText)
        box.open()
