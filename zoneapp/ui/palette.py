"""The one colour scheme for charts, KPI cards and tables (readable on a white background).

Series colours are a small qualitative set (blue, teal, orange, violet, then two reserves)
that stays apart for the common colour-vision deficiencies and prints in grey as four
distinct shades. A derived figure keeps its series hue but gets a lighter fill and a dashed
outline, so "reported" and "derived" read as the same quantity measured differently.

Year-on-year changes follow the Chinese convention for financial displays: RED means UP
(▲ increase) and GREEN means DOWN (▼ decrease) — the opposite of Western markets.
"""
from __future__ import annotations

import math

from PySide6.QtGui import QColor

BACKGROUND = "#ffffff"
TEXT = "#1f2933"  # body text, value labels on bars
MUTED_TEXT = "#5f6b7a"  # captions, card titles, derived rows in tables
GRID = "#e4e7eb"
AXIS = "#7b8794"
BORDER = "#d0d7de"

SERIES: tuple[str, ...] = (
    "#2f6db5",  # blue
    "#17998a",  # teal
    "#e07b1f",  # orange
    "#7b57b8",  # violet
    "#c2417a",  # raspberry (reserve)
    "#6b8e23",  # olive (reserve)
)

# Chinese convention: red rises, green falls.
UP = "#d0312d"  # ▲ increase
DOWN = "#1e8c45"  # ▼ decrease
FLAT = MUTED_TEXT
UP_ARROW = "▲"
DOWN_ARROW = "▼"

DERIVED_LIGHTEN = 0.55  # how far a derived fill moves toward white
DERIVED_BADGE_BG = "#eef1f5"


def series_color(i: int) -> str:
    """The i-th series colour, cycling through SERIES."""
    return SERIES[i % len(SERIES)]


def lighter(color: str, amount: float = DERIVED_LIGHTEN) -> str:
    """`color` blended toward white by `amount` (0 = unchanged, 1 = white)."""
    c = QColor(color)
    mix = [round(v + (255 - v) * amount) for v in (c.red(), c.green(), c.blue())]
    return QColor(*mix).name()


def derived_fill(color: str) -> str:
    """The fill of a derived bar or swatch of the series colour `color`."""
    return lighter(color)


def change_color(pct: float | None) -> str:
    """Red for an increase, green for a decrease, grey for none or unknown."""
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return FLAT
    return UP if pct > 0 else DOWN


def change_arrow(pct: float | None) -> str:
    """▲ for an increase, ▼ for a decrease, '' for none or unknown."""
    if pct is None or (isinstance(pct, float) and math.isnan(pct)) or pct == 0:
        return ""
    return UP_ARROW if pct > 0 else DOWN_ARROW


def qcolor(color: str) -> QColor:
    return QColor(color)
