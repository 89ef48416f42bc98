"""The colour scheme for charts, KPI cards and tables, in a light and a dark variant.

Series colours are a small qualitative set (blue, teal, orange, violet, then two reserves)
that stays apart for the common colour-vision deficiencies and prints in grey as four
distinct shades. A derived figure keeps its series hue but gets a fill blended toward the
background and a dashed outline, so "reported" and "derived" read as the same quantity
measured differently.

Year-on-year changes: in the Chinese convention for financial displays RED means UP
(▲ increase) and GREEN means DOWN (▼ decrease); a Western reader takes red as bad, so the
"green_up" convention swaps the two (`set_growth_colours`; the window follows the UI language
unless View → Growth colours says otherwise). UP and DOWN name the red and the green.

The module-level names (BACKGROUND, TEXT, SERIES, ...) hold the *current* theme's colours:
`set_theme("dark")` rebinds them and calls the listeners added with `on_theme_changed`, so
code that reads `palette.TEXT` when it draws follows the theme. `current()` names the theme.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass

from PySide6.QtGui import QColor


@dataclass(frozen=True)
class Colours:
    BACKGROUND: str  # charts and cards
    TEXT: str  # body text, value labels on bars
    MUTED_TEXT: str  # captions, card titles, derived rows in tables
    GRID: str
    AXIS: str
    BORDER: str
    WINDOW: str  # the window behind cards and charts
    TAB: str  # unselected tabs
    STATUS: str  # status bar
    ACCENT: str  # section titles, the selected tab
    ERROR: str  # problems panel
    WARNING: str
    UP: str
    DOWN: str
    DERIVED_BADGE_BG: str
    HIGHLIGHT: str  # the user's own entity among others' bars (apart from SERIES[0] and UP)
    SERIES: tuple[str, ...]


LIGHT = Colours(
    BACKGROUND="#ffffff", TEXT="#1f2933", MUTED_TEXT="#5f6b7a", GRID="#e4e7eb", AXIS="#7b8794",
    BORDER="#d0d7de", WINDOW="#f5f7fa", TAB="#e8edf3", STATUS="#eef2f6", ACCENT="#1f4e79",
    ERROR="#b3261e", WARNING="#8a5a00", UP="#d0312d", DOWN="#1e8c45",
    DERIVED_BADGE_BG="#eef1f5", HIGHLIGHT="#e67700",
    SERIES=(
        "#2f6db5",  # blue
        "#17998a",  # teal
        "#e07b1f",  # orange
        "#7b57b8",  # violet
        "#c2417a",  # raspberry (reserve)
        "#6b8e23",  # olive (reserve)
    ),
)

# Dark: light text on a charcoal background; the series hues lifted so they hold contrast.
DARK = Colours(
    BACKGROUND="#22272e", TEXT="#e6edf3", MUTED_TEXT="#a3adb8", GRID="#39414a", AXIS="#8b949e",
    BORDER="#444c56", WINDOW="#1b1f24", TAB="#2b3139", STATUS="#1f242b", ACCENT="#8cbcf0",
    ERROR="#ff8a80", WARNING="#f0c060", UP="#ff6b61", DOWN="#4cc17a",
    DERIVED_BADGE_BG="#2d333b", HIGHLIGHT="#ffa94d",
    SERIES=("#5b9be6", "#2fc2b0", "#f29a4a", "#a585e0", "#e06a9e", "#9cc24a"),
)

THEMES = {"light": LIGHT, "dark": DARK}

UP_ARROW = "▲"
DOWN_ARROW = "▼"
DERIVED_LIGHTEN = 0.55  # how far a derived fill moves toward the background

# The current theme's colours (rebound by set_theme); light until told otherwise.
BACKGROUND = TEXT = MUTED_TEXT = GRID = AXIS = BORDER = WINDOW = TAB = STATUS = ACCENT = ""
ERROR = WARNING = UP = DOWN = FLAT = DERIVED_BADGE_BG = HIGHLIGHT = ""
SERIES: tuple[str, ...] = ()
_current = "light"
GROWTH_CONVENTIONS = ("red_up", "green_up")
_growth = "red_up"
_listeners: list[Callable[[str], None]] = []


def set_theme(name: str) -> str:
    """Make "light" or "dark" current; listeners are called when it changes. -> the name."""
    global _current, FLAT
    name = name if name in THEMES else "light"
    changed = name != _current
    _current = name
    globals().update(asdict(THEMES[name]))
    FLAT = MUTED_TEXT
    if changed:
        for listener in list(_listeners):
            listener(name)
    return name


@contextmanager
def printing() -> Iterator[None]:
    """Within the block, the light theme's colours, whatever the window shows: a report or a
    share card is on white paper, charts included; the window's theme is back after."""
    before = _current
    set_theme("light")
    try:
        yield
    finally:
        set_theme(before)


def current() -> str:
    """"light" or "dark"."""
    return _current


def colours() -> Colours:
    return THEMES[_current]


def on_theme_changed(listener: Callable[[str], None]) -> None:
    """Call `listener(name)` after every theme change."""
    if listener not in _listeners:
        _listeners.append(listener)


def remove_listener(listener: Callable[[str], None]) -> None:
    if listener in _listeners:
        _listeners.remove(listener)


set_theme("light")


def series_color(i: int) -> str:
    """The i-th series colour, cycling through SERIES."""
    return SERIES[i % len(SERIES)]


def blend(color: str, toward: str, amount: float) -> str:
    """`color` moved toward `toward` by `amount` (0 = unchanged, 1 = `toward`)."""
    a, b = QColor(color), QColor(toward)
    mix = [round(x + (y - x) * amount) for x, y in
           ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue()))]
    return QColor(*mix).name()


def lighter(color: str, amount: float = DERIVED_LIGHTEN) -> str:
    """`color` blended toward white by `amount` (0 = unchanged, 1 = white)."""
    return blend(color, "#ffffff", amount)


def derived_fill(color: str) -> str:
    """The fill of a derived bar or swatch of the series colour `color`."""
    return blend(color, BACKGROUND, DERIVED_LIGHTEN)


def set_growth_colours(convention: str) -> str:
    """"red_up" (Chinese: a rise is red) or "green_up" (Western: a rise is green)."""
    global _growth
    _growth = convention if convention in GROWTH_CONVENTIONS else "red_up"
    return _growth


def growth_colours() -> str:
    return _growth


def change_color(pct: float | None, colours: Colours | None = None) -> str:
    """A rise red and a fall green ("red_up"), or the other way round ("green_up"); grey for
    none or unknown. In `colours` (None: the current theme's): the report and the share card
    print in the light theme's."""
    up, down, flat = (UP, DOWN, FLAT) if colours is None else \
        (colours.UP, colours.DOWN, colours.MUTED_TEXT)
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return flat
    rise, fall = (up, down) if _growth == "red_up" else (down, up)
    return rise if pct > 0 else fall


def change_arrow(pct: float | None) -> str:
    """▲ for an increase, ▼ for a decrease, '' for none or unknown."""
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return ""
    return UP_ARROW if pct > 0 else DOWN_ARROW


def qcolor(color: str) -> QColor:
    return QColor(color)
