"""Facts about a big table's raw columns, worked out side by side before they are needed.

Over a million rows, which text columns need stripping, each coded column's distinct values
and which rows' keys may repeat take most of a table's checking time. They are pure functions of
one column each, spent in numpy and pyarrow, which let go of the GIL: on a pool of threads
they run on every core while the converters, in their order, wait only for the one they ask.
A small table gets the same facts worked out when asked, on the calling thread.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from typing import Any

import pandas as pd

from zoneapp.core import schema
from zoneapp.core.fast import workers
from zoneapp.core.fast.keyhash import key_candidates
from zoneapp.core.schema import Table
from zoneapp.core.fast.textedges import may_need_strip

STRIP, DISTINCT = "strip", "distinct"
KEY = "_key"  # the rows whose key may repeat (`keyhash.key_candidates`), from the cells read
_CODED = (schema.ENUM, schema.UNIT, schema.QUALIFIER, schema.LIST)
_NUMBERS = (schema.INT, schema.FLOAT)


def distinct_values(cells: pd.Series) -> list:
    """The column's distinct values (None for a missing one), in pyarrow."""
    import pyarrow as pa  # imported late: the window paints before pyarrow is needed
    import pyarrow.compute as pc

    return pc.unique(pa.array(cells.array, type=pa.large_string(), from_pandas=True)).to_pylist()


class ColumnFacts:
    """The facts of one table's columns (by column key and fact), each asked for once."""

    def __init__(self, cells: dict[int, pd.Series], positions: dict[str, int], table: Table,
                 rows: int):
        jobs: dict[tuple[str, str], tuple[Callable[[Any], Any], Any]] = {}
        # A key column the file lacks is blank in every row: it tells no rows apart.
        key = [table.column(k) for k in table.key if k in positions]
        # Read as text, or as numbers (a float64 column): as the typed frame will hold them.
        # First: it is asked for last and takes longest.
        if all(c.key in positions and (c.kind == schema.TEXT or c.kind in _NUMBERS and
                                       cells[positions[c.key]].dtype.kind == "f") for c in key):
            jobs[KEY, KEY] = (key_candidates, [cells[positions[c.key]] for c in key])
        for column in table.columns:
            if column.key not in positions:
                continue
            series = cells[positions[column.key]]
            if column.kind == schema.TEXT:
                jobs[column.key, STRIP] = (may_need_strip, series)
            elif column.kind in _CODED:
                jobs[column.key, DISTINCT] = (distinct_values, series)
        self._jobs: dict[tuple[str, str], tuple[Callable[[Any], Any], Any, Future | None]] = {
            k: (fn, arg, None) for k, (fn, arg) in jobs.items()}
        if rows >= workers.PARALLEL_ROWS and workers.parallel():
            pool = workers.shared_pool()
            self._jobs = {k: (fn, arg, pool.submit(fn, arg)) for k, (fn, arg) in jobs.items()}

    def get(self, key: str, fact: str) -> Any:
        """The fact about column `key` (once: the column is let go of), or None when not known.
        One no thread has started yet is worked out here, so the asking thread works too."""
        job = self._jobs.pop((key, fact), None)
        if job is None:
            return None
        fn, arg, future = job
        if future is not None and not future.cancel():
            return future.result()
        return fn(arg)

    def drop(self) -> None:
        """Forget the facts no one asked for (key rows that the checks could not use)."""
        for _, _, future in self._jobs.values():
            if future is not None:
                future.cancel()
        self._jobs.clear()
