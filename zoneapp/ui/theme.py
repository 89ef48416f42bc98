"""Light and dark appearance for the whole app: Qt's colour scheme, a QPalette, a style sheet.

`apply_theme("system" | "light" | "dark")` resolves "system" through
QStyleHints.colorScheme (Qt 6.5+), asks Qt for that scheme where it can be set (Qt 6.8+),
sets the application's QPalette and `palette.set_theme`, and returns "light" or "dark".
The tab bar's and the status bar's style sheets come from `tab_bar_style()` and
`status_bar_style()`, built from the current colours.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

from zoneapp import settings
from zoneapp.ui import palette

MODES = settings.THEMES


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
    c = palette.THEMES[name]
    pal = QPalette()
    group = QPalette.ColorRole
    roles = {
        group.Window: c.WINDOW, group.WindowText: c.TEXT, group.Base: c.BACKGROUND,
        group.AlternateBase: palette.blend(c.BACKGROUND, c.TEXT, 0.04),
        group.ToolTipBase: c.BACKGROUND, group.ToolTipText: c.TEXT,
        group.PlaceholderText: c.MUTED_TEXT, group.Text: c.TEXT,
        group.Button: c.TAB, group.ButtonText: c.TEXT, group.BrightText: "#ffffff",
        group.Light: palette.blend(c.TAB, "#ffffff", 0.3), group.Midlight: c.TAB,
        group.Mid: c.BORDER, group.Dark: palette.blend(c.BORDER, "#000000", 0.3),
        group.Shadow: "#000000",
        group.Highlight: "#2f6db5" if name == "light" else "#2d5f96",
        group.HighlightedText: "#ffffff",
        group.Link: c.ACCENT, group.LinkVisited: c.ACCENT,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (group.WindowText, group.Text, group.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(c.MUTED_TEXT))
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
    palette.set_theme(name)
    return name


def tab_bar_style() -> str:
    """The tab bar's style sheet in the current theme's colours.

    Set on the tab bar and the status bar only, not on the window: a style sheet on a widget
    makes Qt style every widget below it through its style sheet engine, which made building
    and painting the overview's cards, charts and tables ~15 % slower. The window and the tab
    pages take their background from the application's QPalette (`qpalette`)."""
    c = palette.colours()
    return f"""
QTabBar {{ border-bottom: 1px solid {c.BORDER}; }}
QTabBar::tab {{ padding: 8px 18px; margin-right: 2px; color: {c.MUTED_TEXT};
               background: {c.TAB}; border-top-left-radius: 4px; border-top-right-radius: 4px; }}
QTabBar::tab:selected {{ background: {c.WINDOW}; color: {c.ACCENT}; font-weight: bold;
                        border-bottom: 2px solid {c.ACCENT}; }}
QTabBar::tab:focus {{ text-decoration: underline; }}
"""


def status_bar_style() -> str:
    """The status bar's style sheet (its labels and the problems button) in the current colours."""
    c = palette.colours()
    return f"""
QStatusBar {{ background: {c.STATUS}; color: {c.MUTED_TEXT}; }}
QStatusBar QLabel {{ color: {c.MUTED_TEXT}; }}
QPushButton#problemsButton {{ border: none; padding: 2px 10px; color: {c.MUTED_TEXT}; }}
QPushButton#problemsButton[hasProblems="true"] {{ color: {c.ERROR}; font-weight: bold; }}
"""
