"""Text columns in one piece: a take of a few rows from a column in many chunks pays for them all.

pandas' parallel CSV read leaves each arrow text column of a big file in dozens of chunks
(58 for 2.4 million rows), and pyarrow's take from a chunked array first joins the chunks:
taking the 200 rows a province's charts draw cost ~40 ms a section's frame, every time a
card, a bar or a series takes its rows; joined once, ~2 ms (measured on bench/make_province).
"""
from __future__ import annotations

import pandas as pd

JOIN_FROM_ROWS = 100_000  # a smaller frame's read is not split into chunks worth joining


def join_chunks(frame: pd.DataFrame) -> None:
    """Each arrow column of `frame` in one chunk (in place; one column's copy at a time)."""
    if len(frame) < JOIN_FROM_ROWS:
        return
    import pyarrow as pa

    for name in frame.columns:
        array = frame[name].array
        chunked = getattr(array, "_pa_array", None)
        if not isinstance(chunked, pa.ChunkedArray) or chunked.num_chunks <= 1:
            continue
        try:
            one = pa.chunked_array([chunked.combine_chunks()])
            # pandas' "str" columns must be rebuilt as "str": without the dtype the array
            # became "string" (NA, not NaN, for a missing value), and the check below then
            # left every text column in its dozens of chunks.
            joined = type(array)(one, dtype=array.dtype) \
                if isinstance(array, pd.arrays.ArrowStringArray) else type(array)(one)
        except (TypeError, ValueError, pa.ArrowException):
            continue  # an array type that cannot be rebuilt so: left as it is
        if joined.dtype == array.dtype:
            frame[name] = pd.Series(joined, index=frame.index, copy=False)
