"""The CSV fast path (pandas' C parser; in parallel threads for a file of several MB) gives
the same tables and problems as the forgiving path that decodes and reads every cell as text."""
from __future__ import annotations

import pandas as pd
import pytest

from core_fixtures import spy_pandas
from zoneapp.core.io import csv_plan, csv_reader
from zoneapp.core.io import csv_text_reread
from zoneapp.core.loading import load_table
from zoneapp.core.schema import TABLES

PROJECTS = next(t for t in TABLES if t.name == "projects")
HEADER = "name_zh,name_en,kind,period,investment,investment_unit,stage,programmes,status_zh\n"
BIG = 6 * 1024 * 1024  # past the 5 MB from which pandas reads a file by its path in threads


def _write(path, body: str, big: bool, encoding: str = "utf-8", newline: str = "\n") -> None:
    text = HEADER + body
    if big:  # plain rows after the interesting ones, so the file is read in chunks
        row = "填充项目{i},Filler {i},new,2019,1.5,亿元,started,2050,进行中\n"
        count = BIG // len(row.format(i=100000).encode(encoding)) + 1
        text += "".join(row.format(i=i) for i in range(count))
    path.write_bytes(text.replace("\n", newline).encode(encoding))


def _both(path, monkeypatch, fast_expected: bool = True):
    """The table and problems by the fast path (checked that it read the file, when
    `fast_expected`) and by the forgiving path alone (no fast-path look at the file at all)."""
    streamed, fast_tables = [], []
    original_streamed, original_fast = csv_reader.read_csv_streamed, csv_reader._read_fast
    with monkeypatch.context() as patch:  # a file over a block is read by pandas from its path
        patch.setattr(csv_plan, "STREAM_BLOCK", 1024 * 1024)
        patch.setattr(csv_reader, "read_csv_streamed",
                      lambda *args: streamed.append(original_streamed(*args)) or streamed[-1])
        patch.setattr(csv_reader, "_read_fast",
                      lambda *args: fast_tables.append(original_fast(*args)) or fast_tables[-1])
        fast = load_table(path, PROJECTS, path.name)
    assert bool(streamed) == (path.stat().st_size > 1024 * 1024)
    assert any(t is not None for t in fast_tables) == fast_expected
    with monkeypatch.context() as patch:
        patch.setattr(csv_plan, "plan", lambda *args: None)
        slow = load_table(path, PROJECTS, path.name)
    return fast, slow


def _same(fast, slow) -> None:
    (fast_frame, fast_problems), (slow_frame, slow_problems) = fast, slow
    assert fast_problems == slow_problems
    assert (fast_frame is None) == (slow_frame is None)
    if fast_frame is not None:
        pd.testing.assert_frame_equal(fast_frame, slow_frame)


BODIES = {
    "quoted line break": '甲,"A\nB",new,2019,1,亿元,,,"设备\n调试"\n',
    "separators in quotes": '甲,"A, B, C, D, E, F, G, H, I, J",new,2019,1,亿元,,,"设备,调试"\n',
    "qualifier in a number": "甲,A,new,2019,约2.99,亿元,,,\n乙,B,new,2019,3,亿元,,,\n",
    "text that looks like numbers": "甲,1,new,2019,1,亿元,,2050,2020\n乙,2,new,2019,2,亿元,,2051,2021\n",
    "short rows and a blank line": "甲,A,new,2019\n\n乙,B,new,2019,2,亿元,,,\n",
    "true and false as text": "甲,True,new,2019,1,亿元,,,False\n",
    "guarded formula": "'=甲,A,new,2019,1,亿元,,,\n",
    "repeated key, bad enum": "甲,A,new,2019,1,亿元,,,\n甲,A,bogus,2019,1,亿元,,,\n",
    "spaces to strip": " 甲 ,A ,new,2019, 1 ,亿元,,,\n",
}


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
@pytest.mark.parametrize("name", list(BODIES))
def test_fast_path_gives_what_the_forgiving_path_gives(tmp_path, monkeypatch, name, big):
    path = tmp_path / "projects.csv"
    _write(path, BODIES[name], big)
    _same(*_both(path, monkeypatch))


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_crlf_and_excel_sep_line(tmp_path, monkeypatch, big):
    path = tmp_path / "projects.csv"
    _write(path, "甲;A;new;2019;1;亿元;;;\n", big=False, newline="\r\n")
    text = "sep=;\r\n" + path.read_text(encoding="utf-8").replace(",", ";")
    if big:
        text += "".join(f"填充{i};F;new;2019;1;亿元;;;\r\n" for i in range(BIG // 30))
    path.write_text(text, encoding="utf-8", newline="")
    fast, slow = _both(path, monkeypatch)
    _same(fast, slow)
    # Excel hides its sep= line: the header is row 1 there, as here.
    assert fast[0]["name_zh"].iloc[0] == "甲" and fast[0]["_row"].iloc[0] == 2


@pytest.mark.parametrize("sep", ["\t", ";", ","])
def test_an_excel_sep_line_naming_a_tab_is_read(tmp_path, monkeypatch, sep):
    """sep=<TAB> names the tab: the line must not be stripped of it before it is read."""
    path = tmp_path / "projects.csv"
    _write(path, "甲,A,new,2019,1,亿元,,,\n", big=False)
    text = f"sep={sep}\n" + path.read_text(encoding="utf-8").replace(",", sep)
    path.write_text(text, encoding="utf-8", newline="")
    fast, slow = _both(path, monkeypatch)
    _same(fast, slow)
    assert fast[1] == [] and fast[0]["name_zh"].tolist() == ["甲"]
    assert fast[0]["_row"].tolist() == [2]


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_a_nul_byte_is_a_damaged_line_and_the_rest_is_read(tmp_path, big):
    """(#16: a single NUL used to reject the whole file as "not a text file".)"""
    path = tmp_path / "projects.csv"
    _write(path, "甲,A\x00B,new,2019,1,亿元,,,\n", big)
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame is not None and "甲" in set(frame["name_zh"])
    assert [p.code for p in problems] == ["damaged_line"] and problems[0].row == 2


def test_big_gbk_file_is_read_the_forgiving_way(tmp_path, monkeypatch):
    path = tmp_path / "projects.csv"
    _write(path, "甲,A,new,2019,1,亿元,,,设备调试\n", big=True, encoding="gb18030")
    frame, problems = load_table(path, PROJECTS, path.name)
    assert problems == [] and frame["status_zh"].iloc[0] == "设备调试"
    assert len(frame) > 50_000


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
@pytest.mark.parametrize("name", ["two BOMs", "BOM after sep=", "CR line ends", "quoted header",
                                  "first row too wide"])
def test_files_the_fast_path_leaves_to_the_forgiving_one(tmp_path, monkeypatch, name, big):
    body = "甲,A,new,2019,1,亿元,,,\n乙,B,new,2019,2,亿元,,,\n"
    path = tmp_path / "projects.csv"
    _write(path, body, big)
    data = path.read_bytes()
    if name == "two BOMs":
        data = b"\xef\xbb\xbf\xef\xbb\xbf" + data
    elif name == "BOM after sep=":
        data = b"sep=,\n\xef\xbb\xbf" + data
    elif name == "CR line ends":  # Excel for Mac's "CSV (Macintosh)"
        data = data.replace(b"\n", b"\r")
    elif name == "quoted header":
        data = data.replace(b"name_en,", b'"name_en",', 1)
    else:
        data = data.replace(b"new,2019,1,", b"new,2019,1,,,,,,,,,,,,,,,,", 1)
    path.write_bytes(data)
    fast, slow = _both(path, monkeypatch, fast_expected=False)
    _same(fast, slow)
    if name == "first row too wide":
        assert "extra_cells" in [p.code for p in fast[1]]
    else:
        assert fast[0]["name_zh"].iloc[:2].tolist() == ["甲", "乙"]


@pytest.mark.parametrize("name", ["quoted header over two lines", "rows ending in a lone CR"])
def test_limits_are_checked_before_pandas_reads_anything(tmp_path, monkeypatch, name):
    from zoneapp.core.io import limits

    monkeypatch.setattr(limits, "MAX_CELLS", 1000)
    monkeypatch.setattr(limits, "MAX_ROWS", 100)
    path = tmp_path / "projects.csv"
    if name == "quoted header over two lines":  # its first line alone looks one column wide
        head = '"name\n_zh",' + ",".join(f"c{i}" for i in range(60)) + "\n"
        path.write_text(head + ("甲" + ",x" * 60 + "\n") * 50, encoding="utf-8")
    else:  # pandas ends a row at a lone CR as at a line feed
        path.write_bytes(HEADER.encode() + "甲,A,new,2019,1,亿元,,,\r".encode() * 150)
    calls = spy_pandas(monkeypatch)
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame is None and [p.code for p in problems] == ["too_large"]
    assert calls == []


def test_one_very_wide_row_is_never_made_into_columns(tmp_path):
    """A row of 20,000 cells under a 9-column header: read as the header's 9 columns at most
    (the row itself is reported and left out), not as 20,000 columns of every row."""
    import tracemalloc

    path = tmp_path / "projects.csv"
    rows = "".join(f"项目{i},P{i},new,2019,1,亿元,,,\n" for i in range(20000))
    path.write_text(HEADER + "甲" + "," * 20000 + "\n" + rows, encoding="utf-8")
    tracemalloc.start()
    try:
        frame, problems = load_table(path, PROJECTS, path.name)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(frame) == 20000 and frame["name_zh"].iloc[0] == "项目0"
    assert [(p.row, p.column, p.code) for p in problems][:2] == [
        (2, None, "extra_empty_cells"), (2, "period", "empty_value")]
    assert peak < 100 * 1024 * 1024  # numpy reports its arrays to tracemalloc


def test_a_quoted_first_row_longer_than_is_looked_at_goes_the_forgiving_way(tmp_path,
                                                                             monkeypatch):
    monkeypatch.setattr(csv_plan, "_FIRST_ROW_BYTES", 16)
    path = tmp_path / "projects.csv"
    _write(path, '甲,"很长的英文名称, with commas",new,2019,1,亿元,,,\n乙,B,new,2019,2,亿元,,,\n',
           big=False)
    fast, slow = _both(path, monkeypatch, fast_expected=False)
    _same(fast, slow)
    assert fast[0]["name_en"].iloc[0] == "很长的英文名称, with commas"


def _arrow_calls(monkeypatch) -> list:
    """Record what `csv_text_reread.text_columns` returns; files of any length go through it."""
    calls = []
    original = csv_text_reread.text_columns
    monkeypatch.setattr(csv_reader, "ARROW_REREAD_ROWS", 1)
    monkeypatch.setattr(csv_text_reread, "text_columns",
                        lambda *args: calls.append(original(*args)) or calls[-1])
    return calls


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_text_taken_for_numbers_is_read_again_by_pyarrow(tmp_path, monkeypatch, big):
    # programmes: "2050" in every row (no blank), so pandas takes the column for numbers.
    path = tmp_path / "projects.csv"
    _write(path, "甲,A,new,2019,1,亿元,,0042,\n乙,B,new,2019,2,亿元,,2050,\n", big)
    calls = _arrow_calls(monkeypatch)
    fast, slow = _both(path, monkeypatch)
    assert calls and calls[0] is not None and list(calls[0]) == [7]
    _same(fast, slow)
    assert fast[0]["programmes"].iloc[0] == "0042"  # as written, not the number 42


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_a_line_break_in_quotes_beside_text_read_again(tmp_path, monkeypatch, big):
    # pyarrow is told no value spans lines (its blocks are cut faster); where one does, its
    # rows are checked against pandas' (count and values) before its text is used.
    path = tmp_path / "projects.csv"
    _write(path, '甲,"A\nB",new,2019,1,亿元,,2050,"设备\n调试"\n乙,B,new,2019,2,亿元,,2050,\n', big)
    calls = _arrow_calls(monkeypatch)
    _same(*_both(path, monkeypatch))
    assert len(calls) == 1


def test_pyarrow_text_that_disagrees_with_pandas_is_not_used(tmp_path):
    path = tmp_path / "t.csv"
    path.write_text("a,b\n1,2050\n2,2051\n", encoding="utf-8")
    source = csv_reader._Path(str(path))
    frame = pd.DataFrame({0: [1, 2], 1: [2050, 2051]})
    assert list(csv_text_reread.text_columns(source, 1, ",", frame, [1])[1]) == ["2050", "2051"]
    frame[1] = [2050, 9999]  # not what the file says
    assert csv_text_reread.text_columns(source, 1, ",", frame, [1]) is None
    assert csv_text_reread.text_columns(source, 0, ",", frame, [1]) is None  # a row more: the header


@pytest.mark.parametrize("values, whole, least, plain", [
    ([], True, 0, True),
    ([float("nan")] * 3, True, 0, True),  # all blank
    ([1.0, float("nan"), 3.0], True, 0, True),
    ([1.5, float("nan")], True, 0, False),  # not whole
    ([1.5, float("nan")], False, 0, True),
    ([-1.0, 2.0], False, 0, False),  # below the least
    ([-1.0, 2.0], False, -5, True),
    ([float("inf"), 1.0], False, 0, False),
    ([float("nan"), float("-inf")], False, -5, False),
    ([2.0 ** 53, 1.0], True, 0, False),  # past what a whole number keeps exactly
    ([2.0 ** 53 - 1], True, 0, True),
    ([0.0, -0.0], True, 0, True),
])
def test_number_columns_read_as_numbers_only_when_plain(values, whole, least, plain):
    """A column pandas read as numbers is kept as numbers only when no cell needs a problem
    (else it is read again as text, so the problem quotes the cell as written)."""
    import numpy as np

    assert csv_reader._accepted_numbers(np.array(values, dtype=float), whole, least) is plain


def test_the_memory_map_of_a_big_file_is_let_go_of(tmp_path, monkeypatch):
    """The map used to look at a big file's bytes is closed (on a pool thread, while pandas
    reads), not left holding the file's pages."""
    path = tmp_path / "projects.csv"
    rows = "".join(f"测试项目{i},Test {i},new,2019,1,亿元,started,,在建\n" for i in range(40_000))
    path.write_text(HEADER + rows, encoding="utf-8")
    monkeypatch.setattr(csv_plan, "STREAM_BLOCK", 1024 * 1024)
    maps, closing = [], []
    original = csv_reader._unmap

    def unmap(mapped):
        maps.append(mapped)
        closing.append(original(mapped))
        return closing[-1]

    monkeypatch.setattr(csv_reader, "_unmap", unmap)
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame is not None and len(frame) == 40_000 and len(maps) == 1
    if closing[0] is not None:
        closing[0].result(timeout=30)
    assert maps[0].closed
