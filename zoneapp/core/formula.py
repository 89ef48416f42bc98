"""Formula safety for text cells (OWASP CSV injection): the guard apostrophe on and off.

A text cell that starts with =, +, -, @, a tab or a carriage return is a formula to Excel and
WPS. `neutralise` puts an apostrophe before it; `restore` takes exactly one off again. A text
that already starts with apostrophes before such a character gets one more, so that
`restore(neutralise(t)) == t` for every text `t`.
"""
from __future__ import annotations

import re

import pandas as pd

# OWASP's list of cell openings that spreadsheet programs take as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_GUARD = "'"

_GUARDED = re.compile(r"'*[=+\-@\t\r]")  # what neutralise guards (match at the start)
_RESTORABLE = r"^'+[=+\-@\t\r]"  # what restore unguards


def neutralise(text: str) -> str:
    """Prefix a formula-like text with an apostrophe so Excel and WPS show it as text."""
    if text and _GUARDED.match(text):
        return FORMULA_GUARD + text
    return text


def restore(text: str) -> str:
    """Undo `neutralise`, for reading an exported file back."""
    if len(text) > 1 and text[0] == FORMULA_GUARD and _GUARDED.match(text, 1):
        return text[1:]
    return text


def neutralise_series(cells: pd.Series) -> pd.Series:
    """`neutralise` over a column of text; a column with nothing to guard is returned as is."""
    col = cells.astype("string")
    risky = col.str.startswith(FORMULA_STARTS + (FORMULA_GUARD,), na=False)
    if not risky.any():
        return cells
    risky &= col.str.match(_GUARDED.pattern, na=False)
    return col.where(~risky, FORMULA_GUARD + col) if risky.any() else cells


def restore_series(cells: pd.Series) -> pd.Series:
    """`restore` over a column of strings (no NA); only cells starting with "'" are looked at."""
    guarded = cells.str.startswith(FORMULA_GUARD)
    if not guarded.any():
        return cells
    guarded &= cells.str.contains(_RESTORABLE, regex=True)
    return cells.where(~guarded, cells.str.slice(1)) if guarded.any() else cells
