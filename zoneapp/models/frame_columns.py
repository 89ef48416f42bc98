"""Whole-column work for FrameModel, with no Qt: read one cell, sort keys, substring masks.

A `ShownColumn` keeps the frame's own array (pyarrow-backed strings, numpy or masked numbers)
and never materialises one Python object per cell: a cell is read when Qt asks for it, and
sorting and searching run over the whole column in numpy or pyarrow.compute.

Searching a column with few distinct values (enum codes, industries, years) factorises it once
and matches the needle against the distinct shown texts only; other text columns are scanned
by pyarrow's substring kernel, several columns at a time on a thread pool (the kernels release
the GIL).
"""
from __future__ import annotations

import math
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from zoneapp.core.schema import Column

Labeller = Callable[[str], str]  # a stored code -> the text shown for it

FEW_DISTINCT = 0.5  # factorise a column for search when distinct values <= this share of rows
_POOL: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _POOL
    if _POOL is None:
        _POOL = ThreadPoolExecutor(max_workers=4, thread_name_prefix="zoneapp-search")
    return _POOL


def is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def arrow_strings(series: pd.Series) -> pa.ChunkedArray:
    """The column as pyarrow strings: zero-copy for pyarrow-backed str columns."""
    array = series.array
    if not (isinstance(series.dtype, pd.StringDtype) and series.dtype.storage == "pyarrow"):
        array = series.astype("string[pyarrow]").array
    chunked = array.__arrow_array__()
    if not isinstance(chunked, pa.ChunkedArray):
        chunked = pa.chunked_array([chunked])
    if chunked.type != pa.string() and chunked.type != pa.large_string():
        chunked = chunked.cast(pa.string())
    return chunked


def arrow_text(series: pd.Series) -> pa.ChunkedArray:
    """`arrow_strings` with "" as null, so that blank cells sort last."""
    chunked = arrow_strings(series)
    return pc.if_else(pc.equal(chunked, ""), pa.scalar(None, chunked.type), chunked)


def needs_case_folding(needle: str) -> bool:
    return needle.lower() != needle or needle.upper() != needle


@dataclass(eq=False)
class ShownColumn:
    """One shown column: its key, schema column (None without a table) and the frame's array."""

    key: str
    column: Column | None
    values: Any  # series.array: an ExtensionArray or numpy array, never copied
    numeric: bool
    integer: bool
    units: Any = None  # the unit column's array when the value column has one
    qualifiers: Any = None
    _numbers: np.ndarray | None = field(default=None, repr=False)
    _factorised: tuple[np.ndarray, pd.Index] | None | bool = field(default=None, repr=False)
    _distinct_text: pa.Array | None = field(default=None, repr=False)

    @classmethod
    def from_series(cls, key: str, series: pd.Series, column: Column | None,
                    numeric: bool, integer: bool) -> ShownColumn:
        return cls(key, column, series.array, numeric, integer)

    def __len__(self) -> int:
        return len(self.values)

    # ----- cells ------------------------------------------------------------------------

    def raw(self, row: int) -> Any:
        """The stored value as a plain Python value; None where missing."""
        value = self.values[row]
        if is_missing(value):
            return None
        if self.integer:
            return int(value)
        if self.numeric:
            return float(value)
        return value.item() if hasattr(value, "item") else value

    @staticmethod
    def cell_text(values: Any, row: int) -> str:
        if values is None:
            return ""
        value = values[row]
        return "" if is_missing(value) else str(value)

    # ----- whole column -----------------------------------------------------------------

    def numbers(self) -> np.ndarray:
        """float64 values, NaN where missing (the frame's own buffer for float64 columns)."""
        if self._numbers is None:
            values = self.values
            if isinstance(values, np.ndarray) and values.dtype == np.float64:
                self._numbers = values
            else:
                self._numbers = pd.to_numeric(pd.Series(values, copy=False), errors="coerce") \
                    .to_numpy(dtype="float64", na_value=np.nan)
        return self._numbers

    def factorised(self) -> tuple[np.ndarray, pd.Index] | None:
        """(codes, distinct values) when the column has few distinct values, else None."""
        if self._factorised is None:
            codes, uniques = pd.factorize(pd.Series(self.values, copy=False), use_na_sentinel=True)
            if len(uniques) <= max(64, FEW_DISTINCT * len(self.values)):
                small = np.int32 if len(uniques) < 2**31 - 1 else np.int64
                self._factorised = (codes.astype(small), uniques)
            else:
                self._factorised = False
        return self._factorised or None

    def sort_order(self, ascending: bool, label: Labeller | None) -> np.ndarray:
        """Stable row order by this column; missing (and "") cells last in both orders."""
        if self.numeric:
            values = self.numbers()
            order = np.argsort(values if ascending else -values, kind="stable")
            return order.astype(np.int64, copy=False)
        if label is not None:
            return self._sort_by_labels(ascending, label)
        keys = pc.utf8_lower(arrow_text(pd.Series(self.values, copy=False)))
        order = pc.array_sort_indices(keys, order="ascending" if ascending else "descending",
                                      null_placement="at_end")
        return order.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)

    def _sort_by_labels(self, ascending: bool, label: Labeller) -> np.ndarray:
        codes, uniques = pd.factorize(pd.Series(self.values, copy=False), use_na_sentinel=True)
        shown = [label(str(u)) for u in uniques]
        ranked = sorted(range(len(shown)), key=lambda i: shown[i].casefold())
        rank = np.empty(len(shown) + 1, dtype=np.float64)
        rank[ranked] = np.arange(len(shown))
        rank[[i for i, s in enumerate(shown) if s == ""]] = np.nan
        rank[-1] = np.nan  # code -1: missing
        keys = rank[codes]
        return np.argsort(keys if ascending else -keys, kind="stable").astype(np.int64)

    def search_task(self, needle: str,
                    label: Labeller | None) -> tuple[Callable[[], np.ndarray | None], bool]:
        """A callable returning the bool mask of cells whose shown text contains `needle`
        (case-insensitive; None when no cell does), and whether it scans every cell (else it
        looks up a few distinct values). Cheap work is done now; a scan is left to the callable."""
        folded = needle.casefold()
        factorised = self.factorised() if (label is not None or self.integer
                                          or not self.numeric) else None
        if factorised is not None:
            codes, uniques = factorised
            hit = np.zeros(len(uniques) + 1, dtype=bool)  # the extra slot: code -1, missing
            if label is None and not self.integer:
                if self._distinct_text is None:
                    self._distinct_text = pa.array(uniques.astype(str), type=pa.string())
                hit[:-1] = _match(self._distinct_text, needle)
            else:
                for i, value in enumerate(uniques):
                    hit[i] = folded in self._shown(value, label).casefold()
            if not hit.any():
                return (lambda: None), False  # no distinct value matches: no row does
            return (lambda: hit[codes]), False
        if self.integer:
            digits = pa.array(self.values, from_pandas=True).cast(pa.string())
            return (lambda: _match(digits, needle)), True
        text = arrow_strings(pd.Series(self.values, copy=False))
        return (lambda: _match(text, needle)), True

    def _shown(self, value: Any, label: Labeller | None) -> str:
        if is_missing(value):
            return ""
        if self.integer:
            return str(int(value))
        return label(str(value)) if label is not None else str(value)


def _match(array: pa.ChunkedArray | pa.Array, needle: str) -> np.ndarray:
    found = pc.match_substring(array, needle, ignore_case=needs_case_folding(needle))
    return found.fill_null(False).to_numpy(zero_copy_only=False)


def search(columns: list[tuple[ShownColumn, Labeller | None]], needle: str, rows: int) -> np.ndarray:
    """Rows where any of `columns` contains `needle`. Full scans run on a thread pool (the
    kernels release the GIL) while this thread does the cheap distinct-value lookups."""
    mask = np.zeros(rows, dtype=bool)
    tasks = [col.search_task(needle, label) for col, label in columns]
    scans = [task for task, scan in tasks if scan]
    pending = [_pool().submit(task) for task in scans[1:]]  # the first scan runs here
    for task in scans[:1] + [task for task, scan in tasks if not scan]:
        found = task()
        if found is not None:
            np.logical_or(mask, found, out=mask)
    for future in pending:
        np.logical_or(mask, future.result(), out=mask)
    return mask
