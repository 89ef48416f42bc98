"""core/fast/chunks.py: a big frame's arrow text columns joined into one chunk, dtype kept."""
from __future__ import annotations

import pandas as pd
import pyarrow as pa

from zoneapp.core.fast.chunks import JOIN_FROM_ROWS, join_chunks


def chunked_str(n: int) -> pd.Series:
    """A pandas "str" column (NaN for missing) in three arrow chunks, as a parallel read leaves."""
    values = ["甲", None, "b"] * (n // 3)
    third = len(values) // 3
    chunks = pa.chunked_array([pa.array(values[:third], pa.large_string()),
                               pa.array(values[third:2 * third], pa.large_string()),
                               pa.array(values[2 * third:], pa.large_string())])
    dtype = pd.StringDtype("pyarrow", na_value=float("nan"))  # pandas 3's "str"
    series = pd.Series(pd.arrays.ArrowStringArray(chunks, dtype=dtype))
    assert series.array._pa_array.num_chunks == 3
    return series


def test_str_columns_are_joined_and_keep_their_dtype():
    series = chunked_str(JOIN_FROM_ROWS + 3)
    frame = pd.DataFrame({"entity": series, "value": range(len(series))})
    before = frame["entity"].copy()
    join_chunks(frame)
    assert frame["entity"].array._pa_array.num_chunks == 1
    assert frame["entity"].dtype == before.dtype  # "str", not "string"
    pd.testing.assert_series_equal(frame["entity"], before)


def test_small_frames_are_left_alone():
    frame = pd.DataFrame({"entity": chunked_str(300)})
    join_chunks(frame)
    assert frame["entity"].array._pa_array.num_chunks == 3
