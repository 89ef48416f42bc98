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
    # In the pinyin order of their labels: 技改 ji, 新建 xin, 续建 xu.
    assert model.choices("kind") == [("upgrade", "技改"), ("new", "新建"), ("continuing", "续建")]
    model.set_choice_filter("kind", None)
    assert model.rowCount() == ROWS


def test_byte_search_matches_pyarrow_kernel():
    """The memmem scan over whole data buffers finds exactly what pc.match_substring does:
    sliced and chunked arrays, both offset widths, hits spanning two cells, null cells whose
    slot still holds bytes, and many hits (handed back to pyarrow)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from zoneapp.models import frame_columns

    rng = np.random.default_rng(3)
    pieces = ["a", "b", "ab", "中", "文", "1", "2", "12", "", "ba"]
    for trial in range(120):
        values = [None if rng.random() < 0.1 else "".join(
            pieces[i] for i in rng.integers(0, len(pieces), rng.integers(0, 6)))
            for _ in range(int(rng.integers(0, 50)))]
        kind = pa.large_string() if trial % 2 else pa.string()
        array = pa.array(values, type=kind)
        if len(array) > 4:
            array = array.slice(2, len(array) - 3)
        chunked = pa.chunked_array([array, array[1:]], type=kind)
        for needle in ("ab", "ba", "中文", "12", "1", "b中", "2a", "aaa"):
            expected = pc.match_substring(chunked, needle).fill_null(False).to_numpy(
                zero_copy_only=False)
            found = frame_columns._find_bytes(chunked, needle.encode())
            assert found is not None and (found == expected).all(), (values, needle)
    offsets = pa.py_buffer(np.array([0, 3, 6, 9], dtype=np.int32).tobytes())
    valid = pa.py_buffer(np.packbits([1, 0, 1], bitorder="little").tobytes())
    with_hidden = pa.StringArray.from_buffers(3, offsets, pa.py_buffer(b"abcxyzabc"), valid, 1)
    assert not frame_columns._find_bytes(with_hidden, b"xyz").any()  # a null cell's bytes
    assert not frame_columns._find_bytes(with_hidden, b"cx").any()  # across two cells
    common = pa.array(["x1"] * (frame_columns.MAX_BYTE_HITS + 5))
    assert frame_columns._find_bytes(common, b"1") is None
    assert frame_columns._match(common, "1").all()


def test_many_distinct_values_are_not_factorised(big):
    """A column of distinct names is judged from a sample instead of being factorised whole;
    one with few values still is. Drop-downs never come from the names."""
    from zoneapp.models.frame_columns import ShownColumn

    names = ShownColumn.from_series("name_zh", big["name_zh"], None, False, False)
    assert names.sample_distinct() == 20_000 and names.factorised() is None
    kinds = ShownColumn.from_series("kind", big["kind"], None, False, False)
    assert kinds.factorised() is not None and kinds.factorised()[0].dtype == np.int8
    model = FrameModel()
    model.set_frame(big, PROJECTS, "zh")
    assert model.choices("name_zh") is None


def test_a_column_is_factorised_once_whichever_thread_asks_first(monkeypatch, big):
    import threading
    import time

    from zoneapp.models import frame_columns

    calls = []
    real = pd.factorize
    started = threading.Event()

    def slow_factorize(*args, **kwargs):
        calls.append(threading.current_thread().name)
        started.set()
        time.sleep(0.2)  # the search below asks while the pool is still at it
        return real(*args, **kwargs)

    monkeypatch.setattr(frame_columns.pd, "factorize", slow_factorize)
    model = FrameModel()
    model.set_frame(big, PROJECTS, "zh")
    kind = next(c for c in model._cols if c.key == "kind")
    frame_columns.warm_up([kind])
    assert started.wait(10)  # the pool is factorising the column now
    codes, uniques = kind.factorised()  # waits for the pool's work instead of repeating it
    assert len(calls) == 1 and calls[0].startswith("zoneapp-pool")
    assert sorted(uniques) == ["continuing", "new", "upgrade"]
    assert (uniques[codes] == big["kind"].to_numpy()).all()


def test_a_big_table_warms_its_search_once_painted(qtbot, monkeypatch, big):
    from zoneapp.models import frame_columns
    from zoneapp.ui.widgets.table_panel import TablePanel

    monkeypatch.setattr(frame_columns, "WARM_ROWS", 1000)
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_data(big.head(5000), PROJECTS, "zh")
    searchable = [c for c in panel.model._cols if c.integer or not c.numeric]
    name = next(c for c in searchable if c.key == "name_zh")
    assert name._factorised is None  # (the drop-downs' columns are factorised for them)
    qtbot.wait(50)
    assert name._factorised is None  # not shown, not painted: nothing in the background
    panel.show()
    qtbot.waitUntil(lambda: all(c._factorised is not None for c in searchable), timeout=10_000)
    assert name._factorised is False  # all distinct: searched by a scan, nothing kept
    kind = next(c for c in searchable if c.key == "kind")
    assert kind._factorised is not False  # three codes: kept for the search
    panel.model.set_filter("00012")  # 项目000012 and 项目000120 … 项目000129
    assert panel.model.rowCount() == 11
