"""The CSV fast path (pandas' C parser; in parallel threads for a file of several MB) gives
the same tables and problems as the forgiving path that decodes and reads every cell as text."""
from __future__ import annotations

import pandas as pd
import pytest

from zoneapp.core import csv_reader
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


def _both(path, monkeypatch):
    streamed = []
    original = csv_reader._read_csv_streamed
    with monkeypatch.context() as patch:  # a file over a block is read by pandas from its path
        patch.setattr(csv_reader, "_STREAM_BLOCK", 1024 * 1024)
        patch.setattr(csv_reader, "_read_csv_streamed",
                      lambda *args: streamed.append(original(*args)) or streamed[-1])
        fast = load_table(path, PROJECTS, path.name)
    assert bool(streamed) == (path.stat().st_size > 1024 * 1024)
    with monkeypatch.context() as patch:
        patch.setattr(csv_reader, "_read_fast", lambda *args: None)
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


@pytest.mark.parametrize("big", [False, True], ids=["small", "big"])
def test_nul_byte_is_not_a_text_file(tmp_path, big):
    path = tmp_path / "projects.csv"
    _write(path, "甲,A\x00B,new,2019,1,亿元,,,\n", big)
    frame, problems = load_table(path, PROJECTS, path.name)
    assert frame is None and [p.code for p in problems] == ["decode_error"]


def test_big_gbk_file_is_read_the_forgiving_way(tmp_path, monkeypatch):
    path = tmp_path / "projects.csv"
    _write(path, "甲,A,new,2019,1,亿元,,,设备调试\n", big=True, encoding="gb18030")
    frame, problems = load_table(path, PROJECTS, path.name)
    assert problems == [] and frame["status_zh"].iloc[0] == "设备调试"
    assert len(frame) > 50_000
