"""The colour scheme for charts, KPI cards and tables, in a light and a dark variant.

Series colours are a small qualitative set (blue, teal, orange, violet, then two reserves)
that stays apart for the common colour-vision deficiencies and prints in grey as four
distinct shades. A derived figure keeps its series hue but gets a fill blended toward the
background and a dashed outline, so "reported" and "derived" read as the same quantity
measured differently.

Year-on-year changes: in the Chinese convention for financial displays RED means UP
(▲ increase) and GREEN means DOWN (▼ decrease); a Western reader takes red as bad, so the
"green_up" convention swaps the two (`set_growth_colours`; the window follows the UI language
unless View → Growth colours says otherwise). `up` and `down` name the red and the green.

A scheme is one frozen `Colours`: LIGHT and DARK, declared once in SCHEMES. `current()` is
the scheme in use and `use("dark")` switches it; nothing is rebound but that one reference.
Painting code reads `palette.TEXT`, `palette.SERIES` …: a module `__getattr__` (PEP 562)
answers those from `current()` at the moment they are read, so a widget painted after a
switch paints in the new colours. Never `from zoneapp.ui.palette import TEXT`: that would
keep the colour of the day the module was imported (tests/test_palette.py greps for it).

No Qt here: the command line reads SCHEMES for its --theme choices without loading Qt.
"""
from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Colours:
    name: str  # "light" or "dark": the scheme's name in settings, menus and --theme
    background: str  # charts and cards
    text: str  # body text, value labels on bars
    muted_text: str  # captions, card titles, derived rows in tables; a change of 0
    grid: str
    axis: str
    border: str
    window: str  # the window behind cards and charts
    tab: str  # unselected tabs
    status: str  # status bar
    accent: str  # section titles, the selected tab
    error: str  # problems panel
    warning: str
    up: str  # red
    down: str  # green
    derived_badge_bg: str
    highlight: str  # the user's own entity among others' bars (apart from series[0] and up)
    selection: str  # selected rows and text in the standard widgets (under white text)
    series: tuple[str, ...]

    @property
    def flat(self) -> str:
        """The colour of no change or an unknown one."""
        return self.muted_text


LIGHT = Colours(
    name="light",
    background="#ffffff", text="#1f2933", muted_text="#5f6b7a", grid="#e4e7eb", axis="#7b8794",
    border="#d0d7de", window="#f5f7fa", tab="#e8edf3", status="#eef2f6", accent="#1f4e79",
    error="#b3261e", warning="#8a5a00", up="#d0312d", down="#1e8c45",
    derived_badge_bg="#eef1f5", highlight="#e67700", selection="#2f6db5",
    series=(
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
    name="dark",
    background="#22272e", text="#e6edf3", muted_text="#a3adb8", grid="#39414a", axis="#8b949e",
    border="#444c56", window="#1b1f24", tab="#2b3139", status="#1f242b", accent="#8cbcf0",
    error="#ff8a80", warning="#f0c060", up="#ff6b61", down="#4cc17a",
    derived_badge_bg="#2d333b", highlight="#ffa94d", selection="#2d5f96",
    series=("#5b9be6", "#2fc2b0", "#f29a4a", "#a585e0", "#e06a9e", "#9cc24a"),
)

SCHEMES: dict[str, Colours] = {c.name: c for c in (LIGHT, DARK)}

UP_ARROW = "▲"
DOWN_ARROW = "▼"
DERIVED_LIGHTEN = 0.55  # how far a derived fill moves toward the background
GROWTH_CONVENTIONS = ("red_up", "green_up")

_current = LIGHT
_growth = "red_up"
# palette.TEXT → current().text: the upper-case names painting code reads.
_NAMES = {f.name.upper(): f.name for f in fields(Colours) if f.name != "name"} | {"FLAT": "flat"}


def current() -> Colours:
    """The colours in use: LIGHT until `use` says otherwise."""
    return _current


def use(name: str) -> Colours:
    """Make scheme "light" or "dark" current (anything else: light). -> its colours.

    Widgets that are already painted keep their colours until they paint again; the window
    repaints them after a switch (ui/window/preferences.py, set_theme)."""
    global _current
    _current = SCHEMES.get(name, LIGHT)
    return _current


def __getattr__(name: str):  # PEP 562: palette.TEXT is the current scheme's, when read
    field = _NAMES.get(name)
    if field is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(_current, field)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_NAMES))


@contextmanager
def printing() -> Iterator[Colours]:
    """Within the block, the light colours, whatever the window shows: a report or a share
    card is on white paper, charts included; the window's scheme is back after."""
    before = _current
    use(LIGHT.name)
    try:
        yield LIGHT
    finally:
        use(before.name)


def series_color(i: int) -> str:
    """The i-th series colour, cycling through the current scheme's series."""
    series = _current.series
    return series[i % len(series)]


def _rgb(color: str) -> tuple[int, int, int]:
    """"#rrggbb" or "#rgb" as three 0–255 ints."""
    digits = color.lstrip("#")
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    if len(digits) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def blend(color: str, toward: str, amount: float) -> str:
    """`color` moved toward `toward` by `amount` (0 = unchanged, 1 = `toward`), as #rrggbb."""
    mix = (round(x + (y - x) * amount) for x, y in zip(_rgb(color), _rgb(toward)))
    return "#{:02x}{:02x}{:02x}".format(*mix)


def lighter(color: str, amount: float = DERIVED_LIGHTEN) -> str:
    """`color` blended toward white by `amount` (0 = unchanged, 1 = white)."""
    return blend(color, "#ffffff", amount)


def derived_fill(color: str) -> str:
    """The fill of a derived bar or swatch of the series colour `color`: toward the current
    background, so it stays a paler (light) or darker (dark) shade of the same hue."""
    return blend(color, _current.background, DERIVED_LIGHTEN)


def set_growth_colours(convention: str) -> str:
    """"red_up" (Chinese: a rise is red) or "green_up" (Western: a rise is green)."""
    global _growth
    _growth = convention if convention in GROWTH_CONVENTIONS else "red_up"
    return _growth


def growth_colours() -> str:
    return _growth


def change_color(pct: float | None, colours: Colours | None = None) -> str:
    """A rise red and a fall green ("red_up"), or the other way round ("green_up"); grey for
    none or unknown. In `colours` (None: the current scheme's): the report and the share card
    print in LIGHT."""
    c = colours or _current
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return c.flat
    rise, fall = (c.up, c.down) if _growth == "red_up" else (c.down, c.up)
    return rise if pct > 0 else fall


def change_arrow(pct: float | None) -> str:
    """▲ for an increase, ▼ for a decrease, '' for none or unknown."""
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return ""
    return UP_ARROW if pct > 0 else DOWN_ARROW
