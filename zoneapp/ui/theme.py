"""Light and dark appearance for the whole app: Qt's colour scheme, a QPalette, a style sheet.

`apply_theme("system" | "light" | "dark")` resolves "system" through
QStyleHints.colorScheme (Qt 6.5+), asks Qt for that scheme where it can be set (Qt 6.8+),
sets the application's QPalette and `palette.use`, and returns "light" or "dark".
MODES, the choices of View → Appearance and of the ui/theme setting, are "system" and the
scheme names declared once in settings.SCHEMES; palette.SCHEMES holds each one's colours.
The tab bar's and the status bar's style sheets come from `tab_bar_style()` and
`status_bar_style()`, built from the current colours.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from zoneapp import settings
from zoneapp.ui import palette

MODES = settings.THEMES  # ("system", *settings.SCHEMES): each has its Colours in palette.SCHEMES


def system_scheme() -> str:
    """"dark" when the operating system asks for a dark appearance, else "light"."""
    app = QGuiApplication.instance()
    if app is None:
        return "light"
    hints = QGuiApplication.styleHints()
    scheme = hints.colorScheme() if hasattr(hints, "colorScheme") else Qt.ColorScheme.Unknown
    return "dark" if scheme == Qt.ColorScheme.Dark else "light"


def _request_scheme(mode: str) -> None:
    """Tell Qt which scheme the app wants (Qt 6.8+); "system" gives the choice back to the OS."""
    hints = QGuiApplication.styleHints()
    if not hasattr(hints, "setColorScheme"):
        return
    wanted = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark}.get(
        mode, Qt.ColorScheme.Unknown)
    hints.setColorScheme(wanted)


def qpalette(name: str) -> QPalette:
    """A full QPalette for "light" or "dark" (the standard widgets: tables, menus, dialogs)."""
    c = palette.SCHEMES[name]
    pal = QPalette()
    group = QPalette.ColorRole
    roles = {
        group.Window: c.window, group.WindowText: c.text, group.Base: c.background,
        group.AlternateBase: palette.blend(c.background, c.text, 0.04),
        group.ToolTipBase: c.background, group.ToolTipText: c.text,
        group.PlaceholderText: c.muted_text, group.Text: c.text,
        group.Button: c.tab, group.ButtonText: c.text, group.BrightText: "#ffffff",
        group.Light: palette.blend(c.tab, "#ffffff", 0.3), group.Midlight: c.tab,
        group.Mid: c.border, group.Dark: palette.blend(c.border, "#000000", 0.3),
        group.Shadow: "#000000",
        group.Highlight: c.selection,
        group.HighlightedText: "#ffffff",
        group.Link: c.accent, group.LinkVisited: c.accent,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (group.WindowText, group.Text, group.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.muted_text))
    return pal


def apply_theme(mode: str) -> str:
    """Apply "system", "light" or "dark" to the running application. -> "light" or "dark"."""
    from PySide6.QtWidgets import QApplication

    mode = mode if mode in MODES else "system"
    _request_scheme(mode)
    name = system_scheme() if mode == "system" else mode
    app = QApplication.instance()
    if app is not None:
        if name == "dark" and app.style().name().lower() == "windowsvista":
            app.setStyle("Fusion")  # the classic Windows style draws light controls only
        app.setPalette(qpalette(name))
    palette.use(name)
    return name


def tab_bar_style() -> str:
    """The tab bar's style sheet in the current theme's colours.

    Set on the tab bar and the status bar only, not on the window: a style sheet on a widget
    makes Qt style every widget below it through its style sheet engine, which made building
    and painting the overview's cards, charts and tables ~15 % slower. The window and the tab
    pages take their background from the application's QPalette (`qpalette`)."""
    c = palette.current()
    return f"""
QTabBar {{ border-bottom: 1px solid {c.border}; }}
QTabBar::tab {{ padding: 8px 18px; margin-right: 2px; color: {c.muted_text};
               background: {c.tab}; border-top-left-radius: 4px; border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: {c.window}; color: {c.accent}; font-weight: bold;
                        border-bottom: 2px solid {c.accent}; }}
QTabBar::tab:focus {{ text-decoration: underline; }}
"""


def status_bar_style() -> str:
    """The status bar's style sheet (its labels and the problems button) in the current colours."""
    c = palette.current()
    return f"""
QStatusBar {{ background: {c.status}; color: {c.muted_text}; }}
QStatusBar QLabel {{ color: {c.muted_text}; }}
QPushButton#problemsButton {{ border: none; padding: 2px 10px; color: {c.muted_text}; }}
QPushButton#problemsButton[hasProblems="true"] {{ color: {c.error}; font-weight: bold; }}
"""
