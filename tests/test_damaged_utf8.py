"""#16 item 6: a UTF-8 BOM means UTF-8; a cut character or a stray NUL is a damaged line, reported,
and the rest is read."""
from __future__ import annotations

from zoneapp.core.io.csv_reader import read_csv
from zoneapp.core.io.rawtable import RawTable
from zoneapp.paths import DEFAULT_DATA

HONOURS = (DEFAULT_DATA / "honours.csv").read_bytes()


def _cut_inside_a_character(data: bytes, near: int) -> bytes:
    """`data` cut after the first byte of a three-byte character at or after `near`."""
    at = near
    while data[at] < 0xE0:
        at += 1
    return data[: at + 1]


def _damaged(table: RawTable) -> list[int]:
    return [p.row for p in table.problems if p.code == "damaged_line"]


def test_a_bom_file_cut_inside_a_character_is_read_with_the_line_reported():
    cut = _cut_inside_a_character(HONOURS, len(HONOURS) // 3)
    table = read_csv(cut, "honours.csv")
    assert isinstance(table, RawTable), table
    assert table.header[0] == "honour_zh"
    assert _damaged(table)


def test_a_150_byte_cut_keeps_the_utf8_header():
    table = read_csv(HONOURS[:150], "honours.csv")
    assert isinstance(table, RawTable), table
    assert table.header[:2] == ["honour_zh", "honour_en"]  # not 锘縣onour_zh (read as GB18030)


def test_a_single_nul_does_not_reject_a_2000_row_file():
    rows = "\ufeffname,value\r\n" + "".join(f"企业{n},{n}\r\n" for n in range(2000))
    data = rows.encode("utf-8")
    middle = data.index("企业1000,".encode())
    table = read_csv(data[:middle] + b"\x00" + data[middle:], "t.csv")
    assert isinstance(table, RawTable), table
    assert len(table.cells) == 2000
    assert _damaged(table) == [1002]  # the header is row 1, 企业0 row 2
    assert table.cells.iloc[1000, 0] == "企业1000"


def test_binary_is_still_not_text():
    found = read_csv(bytes(range(256)) * 40, "x.csv")
    assert isinstance(found, list) and found[0].code == "decode_error"
    found = read_csv(b"\xef\xbb\xbf" + bytes(range(256)) * 40, "x.csv")
    assert isinstance(found, list) and found[0].code == "decode_error"
