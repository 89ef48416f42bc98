"""The main window's tabs: one page per section of the dataset shown, a View menu entry
(Ctrl+1 … Ctrl+9) for each, and the tab remembered from the last session.

Before the first load the tabs are the built-in sections' "Loading…" placeholders; a dataset
whose sections differ from those shown rebuilds the tab bar, keeping the current tab when its
section is still there (the first build: the remembered tab, when there), else the first.
Pages follow the AppState: a new dataset, language, period or theme marks every page stale
and fills the current one at once, each other one when first shown (`tab`). A page of the
same sections is kept and updated in place, never rebuilt. A moment after the current page
has painted, the other stale pages' views are made in idle time, one per turn of the event
loop (`SectionPage.prepare`), so that switching to one only builds its widgets.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QWidget

from zoneapp import settings
from zoneapp.core.schema import SECTIONS, Section
from zoneapp.ui.state import AppState
from zoneapp.ui.widgets.after_paint import after_next_paint

MAX_SHORTCUTS = 9  # Ctrl+1 … Ctrl+9
# The other tabs' views start this long after the current tab has painted: someone flipping
# through the years, or clicking tab after tab, does not pay for views nobody opens.
PREPARE_AFTER_MS = 300


def menu_text(label: str) -> str:
    """A label shown in a tab or menu: '&' is literal, not a mnemonic."""
    return label.replace("&", "&&")


def _loading() -> str:
    return QCoreApplication.translate("MainWindow", "Loading…")  # the window's own string


class SectionTabs(QObject):
    """The tabs of `tab_widget` and their entries in `view_menu` (before `menu_end`).

    `sig_page_made` carries each new page (once), `sig_page_filled` a page just filled or
    updated (its tables may be new). `remember`: the chosen tab is the setting
    "window/last_tab".
    """

    sig_page_made = Signal(QWidget)
    sig_page_filled = Signal(QWidget)

    def __init__(self, state: AppState, tab_widget: QTabWidget, view_menu: QMenu,
                 menu_end: QAction, remember: bool) -> None:
        super().__init__(tab_widget)
        self.state, self.tab_widget = state, tab_widget
        self.view_menu, self.menu_end, self.remember = view_menu, menu_end, remember
        self.sections: tuple[Section, ...] = SECTIONS
        self.pages: dict[str, QWidget] = {}  # one per section once a dataset came
        self.view_actions: list[QAction] = []
        self._stale: set[str] = set()  # codes of the pages not showing the state yet
        self._pending_states: dict[str, dict] = {}  # view states to restore when filled
        self._wanted_tab: str | None = None  # remembered or chosen, until it is shown
        self._folder = None  # the folder of the dataset the pages were made for
        self._prepare_timer = QTimer(self)  # the next stale page's view, in idle time
        self._prepare_timer.setSingleShot(True)
        self._prepare_timer.setInterval(0)
        self._prepare_timer.timeout.connect(self._prepare_next)
        self._unpreparable: set[str] = set()  # views that failed in idle time, for this state
        for section in self.sections:
            placeholder = QLabel(_loading())
            placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
            tab_widget.addTab(placeholder, menu_text(section.label(state.language)))
        self._add_view_actions()
        tab_widget.currentChanged.connect(self._on_current_changed)
        state.dataset_changed.connect(self._show_dataset)
        state.language_changed.connect(self.refresh)  # the texts: retranslate_ui, by the window
        state.period_changed.connect(self.refresh)

    # Reading the tabs --------------------------------------------------------------------
    def section_codes(self) -> list[str]:
        return [s.code for s in self.sections]

    def current_code(self) -> str | None:
        """The section of the tab shown (None when there is none)."""
        index = self.tab_widget.currentIndex()
        return self.sections[index].code if 0 <= index < len(self.sections) else None

    def is_filled(self, code: str) -> bool:
        """Whether the page `code` shows the state (else it is filled when shown)."""
        return code in self.pages and code not in self._stale

    def tab(self, code: str) -> QWidget | None:
        """The page of section `code`, filled first if it is not yet. Everything that reads
        a page's cards, charts or tables goes through here."""
        page = self.pages.get(code)
        dataset = self.state.dataset
        if page is not None and code in self._stale and dataset is not None:
            self._stale.discard(code)
            page.set_dataset(dataset, self.state.language, self.state.period)
            state = self._pending_states.pop(code, None)
            if state is not None:
                page.restore_view_state(state)
            self.sig_page_filled.emit(page)
            if page is self.tab_widget.currentWidget():  # the others' views once it shows,
                self._prepare_timer.stop()  # not before: its paint waits for no other view
                after_next_paint(page.widget(),
                                 lambda: self._prepare_timer.start(PREPARE_AFTER_MS))
        return page

    def select_tab(self, code: str) -> QWidget:
        index = self.section_codes().index(code)
        self.tab_widget.setCurrentIndex(index)
        return self.tab(code) or self.tab_widget.widget(index)

    def focus_search(self) -> bool:
        """Ctrl+F: the current page's first search box, its text selected. False: none."""
        page = self.tab_widget.currentWidget()
        edit = page.first_filter_edit() if hasattr(page, "first_filter_edit") else None
        if edit is None:
            return False
        page.ensureWidgetVisible(edit)
        edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        edit.selectAll()
        return True

    # Following the state -----------------------------------------------------------------
    def refresh(self, *_args) -> None:
        """The state changed: the current page shows it now, the others when shown."""
        self._stale = set(self.pages)
        self._unpreparable.clear()
        self.tab(self.current_code() or "")

    def _show_dataset(self, dataset) -> None:
        """A reload of the same folder keeps the sort, filter and selection of the pages
        not filled since; a dataset with other sections gets new pages."""
        if dataset is None:
            return
        self._show_sections(dataset.sections)
        folder, self._folder = self._folder, dataset.folder
        if folder is not None and folder == dataset.folder:
            for code, page in self.pages.items():
                if code not in self._stale and hasattr(page, "view_state"):
                    self._pending_states[code] = page.view_state()
        else:
            self._pending_states.clear()
        self.refresh()

    def _prepare_next(self) -> None:
        """Make the view of the first stale page that has none for the state, if any; the
        next one on the next turn of the event loop."""
        dataset, lang, period = self.state.dataset, self.state.language, self.state.period
        if dataset is None or not self.tab_widget.isVisible():  # a closed window: no more
            return
        for code in self.section_codes():
            page = self.pages.get(code)
            if code not in self._stale or code in self._unpreparable \
                    or not hasattr(page, "prepare"):
                continue
            try:
                made = page.prepare(dataset, lang, period)
            except Exception:  # noqa: BLE001 (said when the tab is opened, where it belongs)
                self._unpreparable.add(code)  # not tried again until the state changes
                made = False
            if made:
                self._prepare_timer.start(0)
                return

    def retranslate_ui(self) -> None:
        """The tabs' and View entries' names, and "Loading…" before the first dataset."""
        lang = self.state.language
        for index, section in enumerate(self.sections):
            self.view_actions[index].setText(menu_text(section.label(lang)))
            self.tab_widget.setTabText(index, menu_text(section.label(lang)))
            if not self.pages:
                self.tab_widget.widget(index).setText(_loading())

    # Building ----------------------------------------------------------------------------
    def _show_sections(self, sections: tuple[Section, ...]) -> None:
        """Pages for `sections`: made once, and again only when the list of sections
        changes; a change of names alone renames the tabs."""
        sections = tuple(sections) or SECTIONS
        codes = [s.code for s in sections]
        if self.pages and codes == list(self.pages):
            self.sections = sections
            self.retranslate_ui()  # the same ids, perhaps new names
            return
        first = not self.pages
        wanted = self._wanted_tab if first and self._wanted_tab in codes else self.current_code()
        for code, page in self.pages.items():  # what stays keeps its sort and selection
            if code in codes and code not in self._stale and hasattr(page, "view_state"):
                self._pending_states[code] = page.view_state()
        blocker = QSignalBlocker(self.tab_widget)  # no currentChanged per tab swapped
        # Imported here, not at the top: the window paints before pandas and pyqtgraph load.
        from zoneapp.ui.tabs.page import SectionPage

        while self.tab_widget.count():
            old = self.tab_widget.widget(0)
            self.tab_widget.removeTab(0)
            old.deleteLater()
        self.pages.clear()
        self.sections = sections
        for section in sections:
            page = SectionPage(section.code)
            self.tab_widget.addTab(page, menu_text(section.label(self.state.language)))
            self.pages[section.code] = page
            self.sig_page_made.emit(page)
        self._stale = set(codes)
        self.tab_widget.setCurrentIndex(codes.index(wanted) if wanted in codes else 0)
        blocker.unblock()
        self._add_view_actions()

    def _add_view_actions(self) -> None:
        """The View menu's entry per tab, before `menu_end` (a separator)."""
        for action in self.view_actions:
            self.view_menu.removeAction(action)
            action.setParent(None)  # its shortcut goes now, not at the next event loop
            action.deleteLater()
        self.view_actions = []
        for index, section in enumerate(self.sections):
            action = QAction(menu_text(section.label(self.state.language)), self.view_menu)
            if index < MAX_SHORTCUTS:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tab_widget.setCurrentIndex(i))
            self.view_menu.insertAction(self.menu_end, action)
            self.view_actions.append(action)

    # The tab remembered --------------------------------------------------------------------
    def restore_last_tab(self) -> None:
        """The tab of the last session; a folder with other sections shows it when it has it."""
        last = settings.get("window/last_tab")
        self._wanted_tab = last or None
        codes = self.section_codes()
        if last in codes:
            with QSignalBlocker(self.tab_widget):  # no settings written back while restoring
                self.tab_widget.setCurrentIndex(codes.index(last))

    def remember_current(self) -> None:
        self._on_current_changed(self.tab_widget.currentIndex(), fill=False)

    def _on_current_changed(self, index: int, fill: bool = True) -> None:
        """The user chose tab `index` (switches made while building the tabs are not
        signalled, so loading data writes no settings); it is filled now."""
        if 0 <= index < len(self.sections):
            self._wanted_tab = self.sections[index].code
            if self.remember:
                settings.set_value("window/last_tab", self._wanted_tab)
            if fill:
                self.tab(self._wanted_tab)
