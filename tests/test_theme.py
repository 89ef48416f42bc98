"""Light and dark appearance: the palette, the window, KPI cards and the charts follow it."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
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
        assert page.viewport().palette().color(QPalette.ColorRole.Window).name() == colours.window
        view = next(iter(page.tables.values())).view
        assert view.palette().color(QPalette.ColorRole.Base).name() == colours.background
        assert view.palette().color(QPalette.ColorRole.Text).name() == colours.text
    window.select_tab("overview")


def test_dark_theme_changes_palette_window_cards_and_charts(window):
    assert palette.current().name == "light"
    assert _chart_colours(_chart(window)) == (palette.LIGHT.background, palette.LIGHT.text)
    window.set_theme("dark")
    assert palette.current().name == "dark" and palette.TEXT == palette.DARK.text
    app_palette = QApplication.instance().palette()
    assert app_palette.color(QPalette.ColorRole.Window).name() == palette.DARK.window
    assert app_palette.color(QPalette.ColorRole.Base).name() == palette.DARK.background
    assert app_palette.color(QPalette.ColorRole.Text).name() == palette.DARK.text
    assert palette.DARK.tab in window.tab_widget.tabBar().styleSheet()
    assert palette.DARK.status in window.statusBar().styleSheet()
    _assert_pages_in(window, palette.DARK)
    chart = _chart(window)
    assert _chart_colours(chart) == (palette.DARK.background, palette.DARK.text)
    fills = [fill for fill, _ in chart.bar_styles()]
    allowed = set(palette.DARK.series) | {palette.derived_fill(s) for s in palette.DARK.series}
    assert fills and set(fills) <= allowed
    card = window.tab("overview").kpis[0]
    assert palette.DARK.background in card.styleSheet()
    assert settings.get("ui/theme") == "dark"
    assert window.preferences.theme_actions["dark"].isChecked()

    window.set_theme("light")
    assert _chart_colours(_chart(window)) == (palette.LIGHT.background, palette.LIGHT.text)
    _assert_pages_in(window, palette.LIGHT)
    assert QApplication.instance().palette().color(QPalette.ColorRole.Window).name() == \
        palette.LIGHT.window


def test_following_the_system_scheme_switches_live(window, monkeypatch):
    scheme = {"now": "dark"}
    monkeypatch.setattr(theme, "system_scheme", lambda: scheme["now"])
    assert window.set_theme("system") == "dark"
    assert _chart_colours(_chart(window))[0] == palette.DARK.background
    scheme["now"] = "light"
    window.preferences._on_system_scheme_changed()  # what QStyleHints.colorSchemeChanged calls
    assert palette.current().name == "light"
    assert _chart_colours(_chart(window))[0] == palette.LIGHT.background
    window.set_theme("dark")  # forced: the system's changes are ignored
    window.preferences._on_system_scheme_changed()
    assert palette.current().name == "dark"


def test_derived_fill_blends_toward_the_background():
    palette.use("light")
    assert palette.derived_fill("#2f6db5") == palette.lighter("#2f6db5")
    palette.use("dark")
    try:
        fill = palette.derived_fill(palette.DARK.series[0])
        assert fill != palette.lighter(palette.DARK.series[0])
        assert QColor(fill).lightness() < QColor(palette.DARK.series[0]).lightness()
    finally:
        palette.use("light")


def test_a_switch_and_back_repaints_every_part(window):
    """light → dark → light: the window's parts painted after each switch are in its colours."""
    for colours in (palette.DARK, palette.LIGHT):
        window.set_theme(colours.name)
        assert palette.current() is colours
        card = window.tab("overview").kpis[0]
        assert colours.background in card.styleSheet() and colours.border in card.styleSheet()
        assert card.value_label.styleSheet() == f"color: {colours.text}; border: none;"
        assert _chart_colours(_chart(window)) == (colours.background, colours.text)
        assert colours.tab in window.tab_widget.tabBar().styleSheet()


def test_theme_modes_are_the_palettes_schemes():
    """Each scheme declared once: the setting, the menu and --theme offer palette.SCHEMES."""
    from zoneapp.cli import build_parser

    assert theme.MODES == settings.THEMES == ("system", "light", "dark")
    assert settings.OPTIONS["ui/theme"].choices == theme.MODES
    assert tuple(palette.SCHEMES) == theme.MODES[1:]
    for name in palette.SCHEMES:
        assert build_parser().parse_args(["render", "out", "--theme", name]).theme == name
    with pytest.raises(SystemExit):
        build_parser().parse_args(["render", "out", "--theme", "system"])  # a render has one
    for name, colours in palette.SCHEMES.items():
        assert theme.qpalette(name).color(QPalette.ColorRole.Highlight).name() == \
            colours.selection


def test_application_icon_is_set(window):
    from zoneapp.paths import ICONS

    assert (ICONS / "zoneapp.svg").exists() and (ICONS / "zoneapp.png").exists()
    assert not window.windowIcon().isNull()
    assert window.windowIcon().availableSizes() or window.windowIcon().pixmap(32).width() == 32
