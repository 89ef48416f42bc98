"""Formula safety for text cells (OWASP CSV injection): the guard apostrophe on and off.

A text cell that starts with =, +, -, @, a tab or a carriage return is a formula to Excel and
WPS. `neutralise` puts an apostrophe before it; `restore` takes exactly one off again. A text
that already starts with apostrophes before such a character gets one more, so that
`restore(neutralise(t)) == t` for every text `t`.
"""
from __future__ import annotations

import re

import numpy as np
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


def starts_with_any(cells: pd.Series, openings: tuple[str, ...]) -> np.ndarray:
    """Which cells start with one of `openings` (single ASCII characters; NA: False).

    For pyarrow-backed text this reads the first byte of each cell straight from the arrow
    buffers -- an ASCII character is its own first byte in UTF-8 -- instead of one string
    kernel per opening over a million cells."""
    import pyarrow as pa  # imported late: the window paints before pyarrow is needed

    table = np.zeros(256, dtype=bool)
    table[[ord(o) for o in openings]] = True
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return cells.astype("string").str.startswith(openings, na=False).to_numpy(bool)
    array = pa.array(cells.array)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    found = [_first_byte_in(chunk, table) for chunk in chunks]
    return np.concatenate(found) if found else np.zeros(0, dtype=bool)


def _first_byte_in(chunk, table: np.ndarray) -> np.ndarray:
    import pyarrow as pa

    n = len(chunk)
    _, offsets, data = chunk.buffers()[:3]
    if n == 0 or data is None or data.size == 0:
        return np.zeros(n, dtype=bool)
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    offs = np.frombuffer(offsets, dtype=width)[chunk.offset:chunk.offset + n + 1]
    starts = offs[:-1]
    raw = np.frombuffer(data, dtype=np.uint8)
    # One gather for every cell (an empty one reads a neighbour's byte, then is ruled out):
    # far faster than picking the filled cells out first.
    hit = table[raw[np.minimum(starts, len(raw) - 1)]]
    hit &= offs[1:] > starts
    if chunk.null_count:
        hit &= chunk.is_valid().to_numpy(zero_copy_only=False)
    return hit


def neutralise_series(cells: pd.Series) -> pd.Series:
    """`neutralise` over a column of text; a column with nothing to guard is returned as is.
    Categories are guarded once each, not row by row."""
    if isinstance(cells.dtype, pd.CategoricalDtype):
        texts = list(cells.cat.categories)
        guarded = [neutralise(t) for t in texts]  # one-to-one: the categories stay distinct
        return cells if guarded == texts else cells.cat.rename_categories(guarded)
    if not starts_with_any(cells, FORMULA_STARTS + (FORMULA_GUARD,)).any():
        return cells
    col = cells.astype("string")
    risky = col.str.startswith(FORMULA_STARTS + (FORMULA_GUARD,), na=False)
    risky &= col.str.match(_GUARDED.pattern, na=False)
    return col.where(~risky, FORMULA_GUARD + col) if risky.any() else cells


def restore_series(cells: pd.Series) -> pd.Series:
    """`restore` over a column of strings (no NA); only cells starting with "'" are looked at."""
    if not starts_with_any(cells, (FORMULA_GUARD,)).any():
        return cells
    guarded = cells.str.startswith(FORMULA_GUARD)
    guarded &= cells.str.contains(_RESTORABLE, regex=True)
    return cells.where(~guarded, cells.str.slice(1)) if guarded.any() else cells
