"""textedges.may_need_strip: False only when stripping would change nothing."""
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from zoneapp.core.fast.textedges import SPACES, may_need_strip


def test_spaces_are_what_python_and_pyarrow_strip():
    points = [p for p in range(0x10000) if not 0xD800 <= p <= 0xDFFF]
    chars = pa.array([chr(p) for p in points], type=pa.string())
    arrow = pc.utf8_length(pc.utf8_trim_whitespace(chars)).to_numpy() == 0
    assert {p for p, hit in zip(points, arrow) if hit} == set(SPACES)
    assert {p for p in points if chr(p).isspace()} == set(SPACES)


def test_matches_strip_on_random_cells():
    rng = np.random.default_rng(7)
    pieces = ["", "a", "合成", "é", "\u3000", " ", "\t", "\u00a0", "）", "😀", "\u2028", "x"]
    for _ in range(300):
        cells = ["".join(rng.choice(pieces, rng.integers(0, 4))) for _ in range(rng.integers(0, 6))]
        series = pd.Series(cells, dtype=str)
        changed = bool((series.str.strip() != series).any())
        assert may_need_strip(series) or not changed, cells
        if not may_need_strip(series):
            assert not changed


def test_sliced_and_chunked_columns():
    series = pd.Series(["  a", "b", "c "], dtype=str)
    assert may_need_strip(series)
    assert not may_need_strip(series.iloc[1:2])
    chunked = pa.chunked_array([pa.array(["a", "b"], pa.large_string()),
                                pa.array(["c", "d\u3000"], pa.large_string())])
    assert may_need_strip(pd.Series(pd.array(chunked, dtype=str)))


def test_cells_at_the_ends_of_the_buffer():
    # The first cell shorter than two bytes, the last ones empty (starting at the buffer's
    # end), and slices whose buffer reaches past the cells looked at.
    cases = [([" ", "ab"], True), (["a", "b"], False), (["", "b "], True),
             (["ab", "c", ""], False), (["ab", "c ", ""], True), (["ab", "", ""], False),
             (["x\u3000", ""], True), ([""], False), (["\u3000"], True)]
    for cells, expected in cases:
        assert may_need_strip(pd.Series(cells, dtype=str)) is expected, cells
    whole = pd.Series(["a", "b ", "c", "d", " e"], dtype=str)
    assert not may_need_strip(whole.iloc[2:4]) and may_need_strip(whole.iloc[1:3])
    assert may_need_strip(whole.iloc[3:5]) and not may_need_strip(whole.iloc[0:1])


def test_invisible_characters_at_the_edges_count_as_space():
    """A zero-width space or a BOM pasted at a cell's edge shows as nothing: it is stripped
    like a space (textedges.STRIP_CHARS), so the check must see it."""
    from zoneapp.core.fast.textedges import INVISIBLE, STRIP_CHARS

    for point in INVISIBLE:
        for cell in (chr(point) + "revenue", "revenue" + chr(point), "营收" + chr(point)):
            series = pd.Series([cell, "plain"], dtype=str)
            assert may_need_strip(series), repr(cell)
            assert series.str.strip(STRIP_CHARS).tolist()[0] in ("revenue", "营收")
    assert not may_need_strip(pd.Series(["（全角括号）", "ｘ"], dtype=str))
