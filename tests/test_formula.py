"""The first-byte check behind the formula guard agrees with pandas' startswith."""
from __future__ import annotations

import pandas as pd
import pytest

from zoneapp.core.io.formula import FORMULA_GUARD, FORMULA_STARTS, neutralise, starts_with_any

OPENINGS = FORMULA_STARTS + (FORMULA_GUARD,)
CELLS = ["=1", "", "a", "'=x", "\tq", "中=", "-3", "@", "+", "x=", "\r", "''", "é="]


@pytest.mark.parametrize("series", [
    pd.Series(CELLS, dtype=str),
    pd.Series(CELLS, dtype=str).iloc[3:],  # a sliced arrow array: offsets start mid-buffer
    pd.concat([pd.Series(CELLS, dtype=str), pd.Series(CELLS[::-1], dtype=str)]).iloc[5:],
    pd.Series(["", ""], dtype=str),
    pd.Series([], dtype=str),
    pd.Series(CELLS + [None], dtype="string[pyarrow]"),
    pd.Series(CELLS + [None], dtype=object),
])
def test_starts_with_any_matches_pandas(series):
    expected = series.astype("string").str.startswith(OPENINGS, na=False).to_numpy(bool)
    assert starts_with_any(series, OPENINGS).tolist() == expected.tolist()


def test_neutralise_series_guards_only_formula_like_cells():
    from zoneapp.core.io.formula import neutralise_series

    series = pd.Series(CELLS, dtype=str)
    assert neutralise_series(series).tolist() == [neutralise(c) for c in CELLS]
    plain = pd.Series(["a", "b"], dtype=str)
    assert neutralise_series(plain) is plain
