"""A large table through FrameModel: sort and filter are correct over whole columns, and the
model keeps the frame's own arrays instead of one Python object per cell. No timings here."""
from __future__ import annotations

import tracemalloc

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt

from zoneapp.core.schema import PROJECTS
from zoneapp.models.frame_model import FrameModel

ROWS = 200_000


@pytest.fixture(scope="module")
def big() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    ids = pd.Series(np.arange(ROWS))
    investment = np.round(rng.lognormal(1.0, 1.2, ROWS), 2)
    investment[::1000] = np.nan
    return pd.DataFrame({
        "name_zh": ids.map("项目{:06d}".format).astype(str),
        "name_en": ids.map("Project {:06d}".format).astype(str),
        "kind": pd.Series(np.array(["new", "upgrade", "continuing"])[ids % 3], dtype=str),
        "period": pd.array(2017 + ids % 3, dtype="Int64"),
        "investment": investment,
        "investment_unit": pd.Series(["亿元"] * ROWS, dtype=str),
        "stage": pd.Series(np.array(["started", "funded", ""])[ids % 3], dtype=str),
    })


def test_set_frame_adds_little_memory(qtbot, big):
    model = FrameModel()
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    model.set_frame(big, PROJECTS, "zh")
    added = tracemalloc.get_traced_memory()[0] - before
    tracemalloc.stop()
    frame_bytes = big.memory_usage(deep=True).sum()
    # The row order (8 bytes a row) and the derived flags: nothing per cell.
    assert added < 0.15 * frame_bytes, (added, frame_bytes)
    assert model.rowCount() == ROWS


def test_sort_by_investment_matches_pandas_missing_last(qtbot, big):
    model = FrameModel()
    model.set_frame(big, PROJECTS, "zh")
    col = model.column_keys().index("investment")
    model.sort(col, Qt.SortOrder.DescendingOrder)
    expected = big["investment"].sort_values(ascending=False, kind="stable", na_position="last")
    order = [model.source_row(r) for r in range(0, ROWS, 997)]
    assert order == list(expected.index[::997])
    assert model.data(model.index(ROWS - 1, col)) == ""  # missing last
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert model.data(model.index(ROWS - 1, col)) == ""
    assert model.data(model.index(0, col), Qt.ItemDataRole.UserRole) == big["investment"].min()


def test_text_and_enum_sort(qtbot, big):
    model = FrameModel()
    model.set_frame(big, PROJECTS, "en")
    model.sort(model.column_keys().index("name_en"), Qt.SortOrder.DescendingOrder)
    assert model.source_row(0) == ROWS - 1
    model.sort(model.column_keys().index("stage"), Qt.SortOrder.AscendingOrder)
    stage = model.column_keys().index("stage")
    shown = [model.data(model.index(r, stage)) for r in (0, ROWS // 3, ROWS - 1)]
    assert shown[-1] == ""  # blank stages last
    assert model.source_row(0) == 1  # "funded" before "started"; stable within


def test_substring_filter_over_text_columns_and_choices(qtbot, big):
    model = FrameModel()
    model.set_frame(big, PROJECTS, "zh")
    model.set_filter("12345")
    expected = big.index[big["name_zh"].str.contains("12345", regex=False)]
    assert [model.source_row(r) for r in range(model.rowCount())] == list(expected)
    model.set_filter("project 0001")  # case-insensitive, English names
    assert model.rowCount() == 100
    model.set_filter("技改")  # an enum matched on its Chinese label
    assert model.rowCount() == ROWS // 3 + (ROWS % 3 > 1)
    model.set_filter("")
    model.set_choice_filter("kind", {"new", "upgrade"})
    assert model.rowCount() == int(big["kind"].isin(["new", "upgrade"]).sum())
    assert model.choices("kind") == [("new", "新建"), ("upgrade", "技改"),
                                     ("continuing", "续建")] or len(model.choices("kind")) == 3
    model.set_choice_filter("kind", None)
    assert model.rowCount() == ROWS
