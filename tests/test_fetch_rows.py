"""entities.fetch_rows: the rows a ranking's views show, taken at once, are what iterrows and
to_dict("records") give (values, their types, missing cells, each row's name), on real
folders with text, floats, nullable integers and blanks. Plain pytest: no Qt."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core.loading import load_dataset
from zoneapp.views.entities import fetch_rows

DATA = Path(__file__).parent / "data"


def same(a, b) -> bool:
    return type(a) is type(b) and (a is b or (pd.isna(a) and pd.isna(b)) or a == b)


@pytest.mark.parametrize("folder", ["regions31", "monthly_targets"])
def test_rows_and_cells_as_iterrows_and_to_dict_give_them(folder):
    source = load_dataset(DATA / folder).table("indicators")
    positions = sorted({0, 1, len(source) // 2, len(source) - 1})
    rows, cells = {}, {}
    fetch_rows(source, positions, rows, cells)
    taken = source.iloc[positions]
    assert list(rows) == positions and list(cells) == positions
    for position, (label, expected), record in zip(
            positions, taken.iterrows(), taken.to_dict("records")):
        row = rows[position]
        assert row.name == label and list(row.index) == list(source.columns)
        assert row.dtype == expected.dtype
        assert all(same(row[c], expected[c]) for c in source.columns), position
        assert list(cells[position]) == list(record)
        assert all(same(cells[position][c], record[c]) for c in record), position
    # A cell missing in the file reads as missing, in the row and in its dict.
    blank = [c for c in source.columns if taken[c].isna().any()]
    assert all(pd.isna(rows[p][c]) == pd.isna(cells[p][c]) for p in positions for c in blank)


def test_nothing_asked_takes_nothing():
    rows, cells = {}, {}
    fetch_rows(pd.DataFrame({"a": [1]}), [], rows, cells)
    assert rows == {} and cells == {}
