"""Numbers as people type them: "3,000", "１２０", "约2.99", "超过3000", "50多", "2.99亿", "11.7%".

`parse_number` reads one cell; `parse_number_column` reads a whole column with a vectorised
fast path (`pd.to_numeric`) and calls `parse_number` only for the cells that fast path rejects.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import units
from zoneapp.core.fast.textedges import STRIP_CHARS

# Written before the number. Longest first so the regex prefers 超过 over a shorter match.
_PREFIXES = sorted((q.word for q in units.QUALIFIERS.values() if not q.suffix), key=len, reverse=True)
# Written right after the number (50多家) or after the unit (4亿元以上, 3000+).
_SUFFIXES = sorted((q.word for q in units.QUALIFIERS.values() if q.suffix), key=len, reverse=True)
PLUS_QUALIFIER = "以上"  # "3000+" reads "3000 or more"

_NUMBER = r"[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|[+-]?\.\d+"
_PATTERN = re.compile(
    rf"^(?P<pre>{'|'.join(map(re.escape, _PREFIXES))})?\s*"
    rf"(?P<num>{_NUMBER})\s*"
    rf"(?P<mid>{'|'.join(map(re.escape, _SUFFIXES))})?\s*"
    r"(?P<unit>[^\d\s+]*?)\s*"
    rf"(?P<post>{'|'.join(map(re.escape, _SUFFIXES))}|\+)?$"
)
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-", "\uff0d": "-"})


@dataclass(frozen=True)
class ParsedNumber:
    value: float
    qualifier: str = ""  # canonical qualifier word, "" when exact
    unit: str = ""  # unit text written after the number, as written ("亿", "%", "万元")


def normalise_text(text: str) -> str:
    """Full-width digits and punctuation to ASCII, typographic minus signs to '-', trimmed."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS).strip(STRIP_CHARS)


def parse_number(text: str) -> ParsedNumber | None:
    """One cell as a number with its qualifier and trailing unit, or None when it is not one."""
    match = _PATTERN.match(normalise_text(text))
    if match is None:
        return None
    value = float(match["num"].replace(",", ""))
    if not math.isfinite(value):
        return None
    words = [w for w in (match["pre"], match["mid"], match["post"]) if w]
    if len(words) > 1:
        return None  # "约50多" says two different things
    qualifier = words[0] if words else ""
    if qualifier == "+":
        qualifier = PLUS_QUALIFIER
    return ParsedNumber(value, qualifier, match["unit"] or "")


def unit_matches(written: str, unit: str) -> bool:
    """Whether a unit written in a number cell is the row's unit: "亿" or "亿元" for 亿元."""
    if not written:
        return True
    canonical = units.normalise_unit(written)
    if canonical is not None:
        return canonical == unit
    return bool(unit) and written + "元" == unit


@dataclass
class NumberColumn:
    """A column of numbers: values (NaN where empty or bad) and what the slow parser found."""

    values: np.ndarray  # float64, one per cell
    empty: np.ndarray  # bool: the cell is blank
    bad: list[int]  # positions of cells that are not numbers
    qualifiers: dict[int, str]  # position -> qualifier written in the number cell
    units: dict[int, str]  # position -> unit written after the number


def parse_number_column(cells: pd.Series) -> NumberColumn:
    """Parse a column of strings; only cells `pd.to_numeric` rejects go through `parse_number`."""
    text = cells.astype(str).str.strip()
    empty = (text == "").to_numpy()
    values = pd.to_numeric(text, errors="coerce").to_numpy(dtype="float64", na_value=np.nan, copy=True)
    slow = np.flatnonzero(~empty & ~np.isfinite(values))
    values[slow] = np.nan
    result = NumberColumn(values, empty, [], {}, {})
    raw = text.take(slow).tolist()  # only the cells the fast path rejected
    for pos, cell in zip(slow, raw):
        parsed = parse_number(cell)
        if parsed is None:
            result.bad.append(int(pos))
            continue
        values[pos] = parsed.value
        if parsed.qualifier:
            result.qualifiers[int(pos)] = parsed.qualifier
        if parsed.unit:
            result.units[int(pos)] = parsed.unit
    return result
