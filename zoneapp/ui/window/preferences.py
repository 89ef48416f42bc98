"""The user's preferences in the main window's menus: View → Language, Appearance, Growth
colours and File → Export encoding. Each choice goes into the AppState (language, theme) or
the settings, and is applied here: the translator, the colours, the tab and status bars."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication, QMenu, QStatusBar, QTabWidget

from zoneapp import settings
from zoneapp.ui import theme
from zoneapp.ui.state import AppState
from zoneapp.ui.window.growth_menu import GrowthColoursMenu

# Language names are shown in their own language, whatever the current one is.
LANGUAGE_NAMES = {"zh": "中文", "en": "English"}


class Preferences(QObject):
    """Language, theme, growth colours and export encoding; see the module's docstring.

    Made before anything else connects to `state`: its slots install the translator and
    the growth colours before the pages repaint in the new language. `sig_colours_changed`:
    the theme or the growth colours changed what is painted (the pages repaint).
    `remember` False (render): the settings are neither read nor written.
    """

    sig_colours_changed = Signal()

    def __init__(self, state: AppState, file_menu: QMenu, encoding_before: QAction,
                 view_menu: QMenu, tab_widget: QTabWidget, status_bar: QStatusBar,
                 remember: bool) -> None:
        super().__init__(file_menu)
        self.state, self.remember = state, remember
        self.tab_widget, self.status_bar = tab_widget, status_bar
        self._applying_theme = False
        self.encoding_menu = QMenu(file_menu)
        self.encoding_actions = self._choices(
            self.encoding_menu, settings.ENCODINGS, self.set_export_encoding)
        file_menu.insertMenu(encoding_before, self.encoding_menu)
        self.encoding_actions[self.export_encoding()].setChecked(True)
        self.language_menu = view_menu.addMenu("")
        self.language_actions = self._choices(
            self.language_menu, settings.LANGUAGES, self.set_language)
        for code, action in self.language_actions.items():
            action.setText(LANGUAGE_NAMES[code])
        self.theme_menu = view_menu.addMenu("")
        self.theme_actions = self._choices(self.theme_menu, theme.MODES, self.set_theme)
        self.growth_menu = GrowthColoursMenu(view_menu, lambda: self.state.language,
                                             self.sig_colours_changed.emit, remember)
        view_menu.addMenu(self.growth_menu)
        state.language_changed.connect(self._apply_language)
        state.theme_changed.connect(self._apply_theme)
        hints = QGuiApplication.styleHints()
        if hasattr(hints, "colorSchemeChanged"):  # Qt 6.5+
            hints.colorSchemeChanged.connect(self._on_system_scheme_changed)
        mode = state.theme if state.theme in theme.MODES else "system"
        if not state.set_theme(mode):  # a mode it does not know: the system's (signalled)
            self._apply_theme(mode)
        self.retranslate_ui()

    def _choices(self, menu: QMenu, codes, choose) -> dict[str, QAction]:
        """A checkable action per code, one of them checked at a time."""
        group = QActionGroup(menu)
        actions = {}
        for code in codes:
            action = QAction(menu)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: choose(c))
            group.addAction(action)
            menu.addAction(action)
            actions[code] = action
        return actions

    def retranslate_ui(self) -> None:
        self.encoding_menu.setTitle(self.tr("Export &encoding"))
        self.encoding_actions["utf-8-sig"].setText(self.tr("UTF-8 with BOM (Excel, WPS)"))
        self.encoding_actions["gb18030"].setText(self.tr("GB18030 (older Excel)"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.theme_menu.setTitle(self.tr("&Appearance"))
        self.theme_actions["system"].setText(self.tr("Follow &system"))
        self.theme_actions["light"].setText(self.tr("&Light"))
        self.theme_actions["dark"].setText(self.tr("&Dark"))
        self.growth_menu.retranslate_ui()
        self.language_actions[self.state.language].setChecked(True)
        self.theme_actions[self.state.theme].setChecked(True)

    # Language ----------------------------------------------------------------------------
    def set_language(self, lang: str) -> None:
        """Switch every string, header, chart label and number format to `lang` ("zh"/"en")."""
        if lang not in settings.LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        self.language_actions[lang].setChecked(True)
        self.state.set_language(lang)

    def _apply_language(self, lang: str) -> None:
        from zoneapp.ui.i18n import install_translator

        install_translator(QApplication.instance(), lang)
        self.growth_menu.apply()  # a rise in red in Chinese, in green in English (by default)
        self.language_actions[lang].setChecked(True)
        if self.remember:
            settings.set_value("ui/language", lang)

    # Theme -------------------------------------------------------------------------------
    def set_theme(self, mode: str, save: bool = True) -> str:
        """"system", "light" or "dark" (else "system"). -> the colours shown: light or dark."""
        if self._applying_theme:
            return theme.palette.current().name
        mode = mode if mode in theme.MODES else "system"
        if save and self.remember:
            settings.set_value("ui/theme", mode)
        if not self.state.set_theme(mode):  # the same mode: "system" may resolve anew
            self._apply_theme(mode)
        return theme.palette.current().name

    def _apply_theme(self, mode: str) -> None:
        """The application's palette, the tab and status bars' style sheets; the pages
        repaint (sig_colours_changed) when the colours changed."""
        self._applying_theme = True  # asking Qt for a scheme may signal a scheme change
        try:
            before = theme.palette.current().name
            name = theme.apply_theme(mode)
            self.tab_widget.tabBar().setStyleSheet(theme.tab_bar_style())
            self.status_bar.setStyleSheet(theme.status_bar_style())
            # A style sheet on its tab bar makes Qt style the tab widget by style sheet too,
            # and such a widget keeps the palette it had: its pages would not change colour.
            self.tab_widget.setPalette(QApplication.palette())
            self.theme_actions[mode].setChecked(True)
        finally:
            self._applying_theme = False
        if name != before:
            self.sig_colours_changed.emit()

    def _on_system_scheme_changed(self, _scheme=None) -> None:
        if self.state.theme == "system" and not self._applying_theme:
            self._apply_theme("system")

    # Export encoding ---------------------------------------------------------------------
    def export_encoding(self) -> str:
        return settings.get("export/encoding")

    def set_export_encoding(self, encoding: str) -> None:
        settings.set_value("export/encoding", encoding)
        self.encoding_actions[encoding].setChecked(True)
