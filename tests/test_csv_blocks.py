"""fast.csv_blocks: blocks of rows written on the pool come to the bytes of one plain write."""
from __future__ import annotations

import numpy as np
import pyarrow as pa
import pytest
from pyarrow import csv as pacsv

from zoneapp.core.fast import csv_blocks as blocks
from zoneapp.core.fast import workers

OPTIONS = pacsv.WriteOptions(eol="\r\n", include_header=False)


def varied_table(rows: int) -> pa.Table:
    rng = np.random.default_rng(11)
    texts = np.array(["芦林纸业", 'a "quoted", cell', "", "line\nbreak", "'=guarded", "x"])
    text = rng.choice(texts, rows).astype(object)
    text[rng.random(rows) < 0.05] = None
    number = rng.lognormal(1, 2, rows)
    number[rng.random(rows) < 0.05] = np.nan
    return pa.table({
        "text": pa.chunked_array([text[: rows // 3], text[rows // 3:]], pa.large_string()),
        "number": pa.array(number, from_pandas=True),
        "count": pa.array(rng.integers(-5, 10**9, rows)),
        "code": pa.array(rng.choice(["new", "upgrade"], rows)).dictionary_encode(),
    })


def one_write(table: pa.Table) -> bytes:
    """One plain write of the table in one chunk per column. (pyarrow 26 writes NUL bytes for
    a column whose first chunk is empty when handed a whole table: blocks of rows do not.)"""
    sink = pa.BufferOutputStream()
    pacsv.write_csv(table.combine_chunks(), sink, OPTIONS)
    return sink.getvalue().to_pybytes()


@pytest.mark.parametrize("rows", [0, 1, 5_000, workers.PARALLEL_ROWS + 7_001])
def test_pooled_blocks_are_the_bytes_of_one_write(rows: int) -> None:
    table = varied_table(rows)
    expected = one_write(table)
    # Small blocks: many of them, more than the pool makes at once, out of step with the chunks.
    pooled = b"".join(b.to_pybytes() for b in blocks.csv_blocks(table, OPTIONS, rows=3_001))
    plain = b"".join(b.to_pybytes() for b in blocks.plain_csv_blocks(table, OPTIONS, rows=3_001))
    assert pooled == plain  # not printed when they differ: megabytes
    assert pooled == expected
    assert b"\x00" not in pooled
    assert expected.count(b"\r\n") >= rows


def test_a_big_table_is_made_on_the_pool(monkeypatch) -> None:
    """The pooled path is the one taken for a big table (else the test above proves little)."""
    made = []
    real = blocks._csv
    monkeypatch.setattr(blocks, "_csv", lambda *a: made.append(
        __import__("threading").current_thread().name) or real(*a))
    monkeypatch.setattr(workers, "parallel", lambda: True)
    table = varied_table(workers.PARALLEL_ROWS + 1)
    list(blocks.csv_blocks(table, OPTIONS, rows=20_000))
    assert len(made) >= 6 and all(name.startswith("zoneapp-pool") for name in made)
