"""Whole-column work for FrameModel, with no Qt: read one cell, sort keys, substring masks.

A `ShownColumn` keeps the frame's own array (pyarrow-backed strings, numpy or masked numbers)
and never materialises one Python object per cell: a cell is read when Qt asks for it, and
sorting and searching run over the whole column in numpy or pyarrow.compute.

Searching a column with few distinct values (enum codes, industries, years) factorises it once
and matches the needle against the distinct shown texts only (columns whose sample shows
mostly distinct values are not factorised at all); other text columns are scanned several at a
time on a thread pool: a needle with no letters that change case by libc's memmem over each
chunk's whole UTF-8 buffer (`_find_bytes`), other needles by pyarrow's case-insensitive
substring kernel (both release the GIL).
"""
from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from zoneapp.core.fast import libc
from zoneapp.core.fast.workers import shared_pool
from zoneapp.core.schema import Column

Labeller = Callable[[str], str]  # a stored code -> the text shown for it

FEW_DISTINCT = 0.5  # factorise a column for search when distinct values <= this share of rows
SAMPLE_ROWS = 20_000  # bigger columns are sampled first: factorising a million distinct
# strings costs ~0.5 s and ~100 MB only to be thrown away. A sample of this many rows from a
# column of K distinct values holds about K(1 - exp(-SAMPLE_ROWS/K)) of them: at least
# SAMPLE_DISTINCT of the sample when K >= 25 * SAMPLE_ROWS, i.e. half a million.
SAMPLE_DISTINCT = 0.98
# Up to this many distinct texts are sorted as people read them (`Collate`: pinyin for
# Chinese, as Excel and WPS sort); a column of more is sorted by character code, which keeps
# a million distinct names under a second.
COLLATE_DISTINCT = 50_000
# A table this long has its columns' search facts worked out once it is on screen
# (`warm_up`): the first keystroke in its search box would otherwise wait ~0.3 s for them.
WARM_ROWS = 100_000
Collate = Callable[[list[str]], list[int]]  # positions of the texts in reading order


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
    _sample_distinct: int | None = field(default=None, repr=False)
    _factorising: threading.Lock = field(default_factory=threading.Lock, repr=False)

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
            if isinstance(values, pd.arrays.NumpyExtensionArray):
                values = values.to_numpy()  # a float64 frame's own buffer, not a copy
            if isinstance(values, np.ndarray) and values.dtype == np.float64:
                self._numbers = values
            else:
                self._numbers = pd.to_numeric(pd.Series(values, copy=False), errors="coerce") \
                    .to_numpy(dtype="float64", na_value=np.nan)
        return self._numbers

    def factorised(self) -> tuple[np.ndarray, pd.Index] | None:
        """(codes, distinct values) when the column has few distinct values, else None.
        Worked out once, on whichever thread asks first; another asking meanwhile waits."""
        with self._factorising:
            return self._factorise()

    def _factorise(self) -> tuple[np.ndarray, pd.Index] | None:
        if self._factorised is None and self.sample_distinct() >= SAMPLE_DISTINCT * SAMPLE_ROWS:
            self._factorised = False
        if self._factorised is None:
            codes, uniques = pd.factorize(pd.Series(self.values, copy=False), use_na_sentinel=True)
            if len(uniques) <= max(64, FEW_DISTINCT * len(self.values)):
                small = next(t for t in (np.int8, np.int16, np.int32, np.int64)
                             if len(uniques) <= np.iinfo(t).max)  # -1 (missing) fits too
                self._factorised = (codes.astype(small), uniques)
            else:
                self._factorised = False
        return self._factorised or None

    def sample_distinct(self) -> int:
        """Distinct values (missing counted as one) among SAMPLE_ROWS rows picked at random
        (with a fixed seed); 0 for columns of at most 2 * SAMPLE_ROWS rows."""
        n = len(self.values)
        if n <= 2 * SAMPLE_ROWS:
            return 0
        if self._sample_distinct is None:  # asked by search and by every sort: taken once
            # In row order: arrow takes ascending rows from its chunks far faster.
            rows = np.sort(np.random.default_rng(0).choice(n, SAMPLE_ROWS, replace=False))
            self._sample_distinct = int(
                pd.Series(self.values, copy=False).take(rows).nunique(dropna=False))
        return self._sample_distinct

    def sort_order(self, ascending: bool, label: Labeller | None,
                   collate: Collate | None = None) -> np.ndarray:
        """Stable row order by this column; missing (and "") cells last in both orders. Text
        in `collate`'s order when given (and the column has at most COLLATE_DISTINCT values)."""
        if self.numeric:
            values = self.numbers()
            order = np.argsort(values if ascending else -values, kind="stable")
            return order.astype(np.int64, copy=False)
        if label is not None or (collate is not None and self._few_to_collate()):
            order = self._sort_by_labels(ascending, label or str, collate)
            if order is not None:
                return order
        keys = pc.utf8_lower(arrow_text(pd.Series(self.values, copy=False)))
        order = pc.array_sort_indices(keys, order="ascending" if ascending else "descending",
                                      null_placement="at_end")
        return order.to_numpy(zero_copy_only=False).astype(np.int64, copy=False)

    def _few_to_collate(self) -> bool:
        """Whether the column may hold few enough distinct values to rank them one by one
        (a sample of a big column says; factorising a million names only to find out costs)."""
        return self.sample_distinct() <= COLLATE_DISTINCT * SAMPLE_ROWS / len(self.values) \
            if len(self.values) > 2 * SAMPLE_ROWS else True

    def _sort_by_labels(self, ascending: bool, label: Labeller,
                        collate: Collate | None = None) -> np.ndarray | None:
        """Rows by the rank of their shown text among the distinct ones; None when there are
        too many of them to rank by `collate`."""
        # The search's factorisation when it kept one (a column of few distinct values).
        codes, uniques = self.factorised() or pd.factorize(pd.Series(self.values, copy=False),
                                                           use_na_sentinel=True)
        if collate is not None and len(uniques) > COLLATE_DISTINCT:
            return None
        shown = [label(str(u)) for u in uniques]
        ranked = collate(shown) if collate is not None \
            else sorted(range(len(shown)), key=lambda i: shown[i].casefold())
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
    folding = needs_case_folding(needle)
    if not folding:
        found = _find_bytes(array, needle.encode("utf-8"))
        if found is not None:
            return found
    found = pc.match_substring(array, needle, ignore_case=folding)
    return found.fill_null(False).to_numpy(zero_copy_only=False)


MAX_BYTE_HITS = 2_000  # beyond this many hits in a chunk, the per-hit loop gives way to pyarrow


def _find_bytes(array: pa.ChunkedArray | pa.Array, needle: bytes) -> np.ndarray | None:
    """Cells containing `needle` (case-sensitive), found by libc's memmem over each chunk's
    whole UTF-8 data buffer rather than string by string: a needle that is rare (the usual
    search) costs one pass at memory speed. A hit spanning two cells is skipped; UTF-8 being
    self-synchronising, a hit inside one cell is a real substring. None when memmem is not
    available or the needle is common enough that pyarrow's kernel is the better tool."""
    memmem = libc.memmem()
    if not memmem or not needle:
        return None
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    mask = np.zeros(len(array), dtype=bool)
    start = 0
    for chunk in chunks:
        n = len(chunk)
        if n == 0:
            continue
        if not (pa.types.is_string(chunk.type) or pa.types.is_large_string(chunk.type)):
            return None
        validity, offsets_buf, data = chunk.buffers()
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(offsets_buf, dtype=width)[chunk.offset: chunk.offset + n + 1]
        first, last = int(offsets[0]), int(offsets[-1])
        if data is None or last - first < len(needle):
            start += n
            continue
        base = data.address
        pos, hits = first, 0
        while pos + len(needle) <= last:
            found = memmem(base + pos, last - pos, needle, len(needle))
            if not found:
                break
            at = found - base
            row = int(np.searchsorted(offsets, at, side="right")) - 1
            end = int(offsets[row + 1])
            if at + len(needle) <= end:
                mask[start + row] = True
                hits += 1
                if hits > MAX_BYTE_HITS:
                    return None
                pos = end  # the rest of this cell cannot add anything
            else:
                pos = at + 1
        if validity is not None and chunk.null_count:
            mask[start: start + n] &= chunk.is_valid().to_numpy(zero_copy_only=False)
        start += n
    return mask


def warm_up(columns: list[ShownColumn]) -> None:
    """Work out on the shared pool what a first search of these columns needs (each one's
    factorisation, or the sample that rules it out), so that it is ready by the time someone
    types; a search that comes sooner waits only for the column being done. One column after
    the other: side by side, their temporary arrays would add up in the peak memory."""
    def warm() -> None:
        for col in columns:
            col.factorised()

    shared_pool().submit(warm)


def search(columns: list[tuple[ShownColumn, Labeller | None]], needle: str, rows: int) -> np.ndarray:
    """Rows where any of `columns` contains `needle`. Full scans run on a thread pool (the
    kernels release the GIL) while this thread does the cheap distinct-value lookups."""
    mask = np.zeros(rows, dtype=bool)
    tasks = [col.search_task(needle, label) for col, label in columns]
    scans = [task for task, scan in tasks if scan]
    pending = [shared_pool().submit(task) for task in scans[1:]]  # the first scan runs here
    for task in scans[:1] + [task for task, scan in tasks if not scan]:
        found = task()
        if found is not None:
            np.logical_or(mask, found, out=mask)
    for future in pending:
        np.logical_or(mask, future.result(), out=mask)
    return mask
