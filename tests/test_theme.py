"""Light and dark appearance: the palette, the window, KPI cards and the charts follow it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from zoneapp import settings
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui import palette, theme
from zoneapp.ui.window.main_window import MainWindow


@pytest.fixture
def window(qtbot, zone_app):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.show()
    assert win.load_folder(DEFAULT_DATA)
    yield win
    theme.apply_theme("light")  # the session's other tests expect the light colours


def _chart(win):
    return next(iter(win.tab("overview").charts.values()))


def _chart_colours(chart) -> tuple[str, str]:
    axis = chart.plot.getPlotItem().getAxis("left")
    return chart.plot.backgroundBrush().color().name(), axis.textPen().color().name()


def _assert_pages_in(window, colours) -> None:
    """The tab pages' background and their tables' cells follow a live switch of theme (no
    style sheet paints them: they take the application's palette)."""
    window.select_tab("projects")  # a page filled before the switch, and one after
    for code in ("overview", "projects"):
        page = window.tab(code)
        assert page.viewport().palette().color(QPalette.ColorRole.Window).name() == colours.WINDOW
        view = next(iter(page.tables.values())).view
        assert view.palette().color(QPalette.ColorRole.Base).name() == colours.BACKGROUND
        assert view.palette().color(QPalette.ColorRole.Text).name() == colours.TEXT
    window.select_tab("overview")


def test_dark_theme_changes_palette_window_cards_and_charts(window):
    assert palette.current() == "light"
    assert _chart_colours(_chart(window)) == (palette.LIGHT.BACKGROUND, palette.LIGHT.TEXT)
    window.set_theme("dark")
    assert palette.current() == "dark" and palette.TEXT == palette.DARK.TEXT
    app_palette = QApplication.instance().palette()
    assert app_palette.color(QPalette.ColorRole.Window).name() == palette.DARK.WINDOW
    assert app_palette.color(QPalette.ColorRole.Base).name() == palette.DARK.BACKGROUND
    assert app_palette.color(QPalette.ColorRole.Text).name() == palette.DARK.TEXT
    assert palette.DARK.TAB in window.tab_widget.tabBar().styleSheet()
    assert palette.DARK.STATUS in window.statusBar().styleSheet()
    _assert_pages_in(window, palette.DARK)
    chart = _chart(window)
    assert _chart_colours(chart) == (palette.DARK.BACKGROUND, palette.DARK.TEXT)
    fills = [fill for fill, _ in chart.bar_styles()]
    allowed = set(palette.DARK.SERIES) | {palette.derived_fill(s) for s in palette.DARK.SERIES}
    assert fills and set(fills) <= allowed
    card = window.tab("overview").kpis[0]
    assert palette.DARK.BACKGROUND in card.styleSheet()
    assert settings.get("ui/theme") == "dark"
    assert window.preferences.theme_actions["dark"].isChecked()

    window.set_theme("light")
    assert _chart_colours(_chart(window)) == (palette.LIGHT.BACKGROUND, palette.LIGHT.TEXT)
    _assert_pages_in(window, palette.LIGHT)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).name() == \
        palette.LIGHT.WINDOW


def test_following_the_system_scheme_switches_live(window, monkeypatch):
    scheme = {"now": "dark"}
    monkeypatch.setattr(theme, "system_scheme", lambda: scheme["now"])
    assert window.set_theme("system") == "dark"
    assert _chart_colours(_chart(window))[0] == palette.DARK.BACKGROUND
    scheme["now"] = "light"
    window.preferences._on_system_scheme_changed()  # what QStyleHints.colorSchemeChanged calls
    assert palette.current() == "light"
    assert _chart_colours(_chart(window))[0] == palette.LIGHT.BACKGROUND
    window.set_theme("dark")  # forced: the system's changes are ignored
    window.preferences._on_system_scheme_changed()
    assert palette.current() == "dark"


def test_derived_fill_blends_toward_the_background():
    palette.set_theme("light")
    assert palette.derived_fill("#2f6db5") == palette.lighter("#2f6db5")
    palette.set_theme("dark")
    try:
        fill = palette.derived_fill(palette.DARK.SERIES[0])
        assert fill != palette.lighter(palette.DARK.SERIES[0])
        assert palette.qcolor(fill).lightness() < palette.qcolor(palette.DARK.SERIES[0]).lightness()
    finally:
        palette.set_theme("light")


def test_theme_listeners_are_told(qapp):
    seen = []
    palette.on_theme_changed(seen.append)
    try:
        palette.set_theme("dark")
        palette.set_theme("dark")
        palette.set_theme("light")
    finally:
        palette.remove_listener(seen.append)
        palette.set_theme("light")
    assert seen == ["dark", "light"]


def test_application_icon_is_set(window):
    from zoneapp.paths import ICONS

    assert (ICONS / "zoneapp.svg").exists() and (ICONS / "zoneapp.png").exists()
    assert not window.windowIcon().isNull()
    assert window.windowIcon().availableSizes() or window.windowIcon().pixmap(32).width() == 32
