"""The main window's tabs: one per section of the dataset shown, and a View menu entry
(Ctrl+1 … Ctrl+9) for each.

`SectionTabsMixin` is mixed into MainWindow, which provides `lang`, `tab_widget`, `view_menu`,
`tab_pages`, `_stale`, `_pending_states` and `tab()`. Before the first load the tabs are the
built-in sections' "Loading…" placeholders; a load whose sections differ from those shown
rebuilds the tab bar, keeping the current tab when its section is still there (the first
build: the tab remembered from the last session, when there), else showing the first.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSignalBlocker, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QWidget

from zoneapp.core.schema import SECTIONS, Section

MAX_SHORTCUTS = 9  # Ctrl+1 … Ctrl+9


def menu_text(label: str) -> str:
    """A label shown in a tab or menu: '&' is literal, not a mnemonic."""
    return label.replace("&", "&&")


def _loading() -> str:
    return QCoreApplication.translate("MainWindow", "Loading…")  # the window's own string


class SectionTabsMixin:
    """A tab and a View menu entry per section; see the module's docstring."""

    sections: tuple[Section, ...] = SECTIONS
    _wanted_tab: str | None = None  # the remembered or chosen tab's section, until it is shown
    _tabs_connected = False

    def _add_placeholder_tabs(self) -> None:
        """The built-in sections' tabs, saying "Loading…", until the first dataset comes."""
        self.sections = SECTIONS
        for section in self.sections:
            placeholder = QLabel(_loading())
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.tab_widget.addTab(placeholder, menu_text(section.label(self.lang)))

    def _add_view_actions(self) -> None:
        """The View menu's entry per tab, before `_view_tabs_end` (a separator)."""
        for action in getattr(self, "view_actions", []):
            self.view_menu.removeAction(action)
            action.setParent(None)  # its shortcut goes now, not at the next event loop
            action.deleteLater()
        self.view_actions: list[QAction] = []
        for index, section in enumerate(self.sections):
            action = QAction(menu_text(section.label(self.lang)), self)
            if index < MAX_SHORTCUTS:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tab_widget.setCurrentIndex(i))
            self.view_menu.insertAction(self._view_tabs_end, action)
            self.view_actions.append(action)

    def _retranslate_tabs(self) -> None:
        for index, section in enumerate(self.sections):
            self.view_actions[index].setText(menu_text(section.label(self.lang)))
            self.tab_widget.setTabText(index, menu_text(section.label(self.lang)))
            if not self.tab_pages:
                self.tab_widget.widget(index).setText(_loading())

    def section_codes(self) -> list[str]:
        return [s.code for s in self.sections]

    def current_code(self) -> str | None:
        """The section of the tab shown (None when there is none)."""
        index = self.tab_widget.currentIndex()
        return self.sections[index].code if 0 <= index < len(self.sections) else None

    def _show_sections(self, sections: tuple[Section, ...]) -> None:
        """Tabs for `sections`: the pages are made once, and again only when the list of
        sections changes; a change of names alone renames the tabs."""
        sections = tuple(sections) or SECTIONS
        codes = [s.code for s in sections]
        if self.tab_pages and codes == list(self.tab_pages):
            self.sections = sections
            self._retranslate_tabs()  # the same ids, perhaps new names
            return
        first = not self.tab_pages
        current = self.current_code()
        wanted = self._wanted_tab if first and self._wanted_tab in codes else current
        for code, page in self.tab_pages.items():  # what stays keeps its sort and selection
            if code in codes and code not in self._stale and hasattr(page, "view_state"):
                self._pending_states[code] = page.view_state()
        blocker = QSignalBlocker(self.tab_widget)  # no currentChanged per tab swapped
        # Imported here, not at the top: the window paints before pandas and pyqtgraph load.
        from zoneapp.ui.tabs.page import SectionPage

        while self.tab_widget.count():
            old = self.tab_widget.widget(0)
            self.tab_widget.removeTab(0)
            old.deleteLater()
        self.tab_pages.clear()
        self.sections = sections
        for section in sections:
            page = SectionPage(section.code)
            self.tab_widget.addTab(page, menu_text(section.label(self.lang)))
            self.tab_pages[section.code] = page
        self._stale = set(codes)
        self.tab_widget.setCurrentIndex(codes.index(wanted) if wanted in codes else 0)
        blocker.unblock()
        self._add_view_actions()
        if not self._tabs_connected:
            self._tabs_connected = True
            self.tab_widget.currentChanged.connect(self._fill_current)

    def _fill_current(self, _index: int = -1) -> None:
        code = self.current_code()
        if code is not None:
            self.tab(code)

    def select_tab(self, code: str) -> QWidget:
        index = self.section_codes().index(code)
        self.tab_widget.setCurrentIndex(index)
        return self.tab(code) or self.tab_widget.widget(index)
