"""What a sheet's cells show that their saved values do not: percentages, Excel errors, merges.

A cell that shows 11.7% holds 0.117, and a cell that shows #DIV/0! holds an error code that
calamine hands back as an empty string. Read as values alone, the one is a hundred times too
small and the other looks blank -- both without a word. `special_cells` finds such cells in
the sheet's XML (percent number formats from styles.xml; cells of type "e"), and `show` puts
their text as the user sees it ("11.7%", "#DIV/0!") into the rows read, for the checks to
read like any other cell.

The sheet XML is streamed in blocks and only the cells at the few markers looked for are
parsed, so a big sheet without such cells costs a decompression and a `bytes.find` per block.
"""
from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

_MAIN = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
_PKG_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
PERCENT_FORMAT_IDS = (9, 10)  # Excel's built-in 0% and 0.00%
_BLOCK = 4 * 1024 * 1024
_REF = re.compile(rb"""\br=["']([A-Z]{1,3})([0-9]{1,7})["']""")
_TYPE = re.compile(rb"""\bt=["']([a-zA-Z]+)["']""")
_VALUE = re.compile(rb"<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]{1,3}[0-9]{1,7}(?::[A-Z]{1,3}[0-9]{1,7})?)"')


@dataclass
class SpecialCells:
    """Cells by (row, column), both from 0 as in the rows a reader returns."""
    errors: dict[tuple[int, int], str] = field(default_factory=dict)  # -> "#DIV/0!"
    percents: set[tuple[int, int]] = field(default_factory=set)  # numbers shown as percent
    merged: list[str] = field(default_factory=list)  # ranges as written: "A3:A4"
    sheets: list[str] = field(default_factory=list)  # the workbook's sheet names, in order


def pick_sheet(names: list[str], wanted: tuple[str, ...]) -> str:
    """The sheet named like the table (any of `wanted`, case and outer spaces aside), else
    the first: the one the readers read."""
    lowered = {w.strip().lower() for w in wanted}
    return next((n for n in names if n.strip().lower() in lowered), names[0])


def special_cells(data: bytes, wanted: tuple[str, ...]) -> SpecialCells:
    """The error cells, percent-formatted numbers and merges of the sheet `pick_sheet`
    chooses, and the workbook's sheet names; none when the workbook cannot be looked at (the
    readers say what is wrong with it)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            workbook = ET.fromstring(book.read("xl/workbook.xml"))
            sheets = {s.get("name", ""): s.get(f"{_REL}id") for s in workbook.iter(f"{_MAIN}sheet")}
            path = _sheet_path(book, sheets, wanted) if sheets else None
            found = _scan(book, path, _percent_styles(book)) if path else SpecialCells()
            found.sheets = list(sheets)
            return found
    except (zipfile.BadZipFile, KeyError, ET.ParseError, OSError, ValueError, EOFError):
        return SpecialCells()


def show(rows: list[list], cells: SpecialCells) -> list[list]:
    """`rows` with the special cells as the user sees them (in place; returned): errors and
    percentages as shown, and each cell of a merged range holding the range's value, as it
    reads on screen (a section merged down over three rows is the section of all three;
    see `vertical`)."""
    for (row, column), text in cells.errors.items():
        if row < len(rows) and column < len(rows[row]):
            rows[row][column] = text
    for row, column in cells.percents:
        if row < len(rows) and column < len(rows[row]):
            rows[row][column] = percent_text(rows[row][column])
    for (top, left), (bottom, _) in map(_range, vertical(cells.merged)):
        if top >= len(rows) or left >= len(rows[top]):
            continue
        for row in range(top + 1, min(bottom + 1, len(rows))):
            if left < len(rows[row]) and rows[row][left] in ("", None):
                rows[row][left] = rows[top][left]
    return rows


def vertical(merged: list[str]) -> list[str]:
    """The merged ranges within one column: a value merged down over rows belongs to each of
    them. One merged across columns (a title, a sentence running over an empty column) is not
    copied sideways into the columns beside it."""
    return [ref for ref in merged if (ends := _range(ref))[0][1] == ends[1][1]]


def _range(ref: str) -> tuple[tuple[int, int], tuple[int, int]]:
    first, _, last = ref.partition(":")
    return _cell(first), _cell(last or first)


def _cell(ref: str) -> tuple[int, int]:
    letters = ref.rstrip("0123456789")
    return int(ref[len(letters):]) - 1, _column_index(letters.encode())


def percent_text(value: object) -> object:
    """A number in a percent format as the user sees it: 0.117 -> "11.7%"."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return value
    return f"{value * 100:.15g}%"


def _sheet_path(book: zipfile.ZipFile, sheets: dict[str, str | None], wanted: tuple[str, ...]
                ) -> str | None:
    """The chosen sheet's part in the zip, from its relationship id (`sheets`: name -> id)."""
    rel_id = sheets[pick_sheet(list(sheets), wanted)]
    if rel_id is None:
        return None
    rels = ET.fromstring(book.read("xl/_rels/workbook.xml.rels"))
    target = next((r.get("Target") for r in rels.iter(f"{_PKG_REL}Relationship")
                   if r.get("Id") == rel_id), None)
    if not target:
        return None
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join("xl", target))


def _percent_styles(book: zipfile.ZipFile) -> list[bytes]:
    """The cell style indices (as written in s="...") whose number format shows a percent."""
    try:
        styles = ET.fromstring(book.read("xl/styles.xml"))
    except KeyError:
        return []
    custom = {int(f.get("numFmtId", -1)): f.get("formatCode", "")
              for f in styles.iter(f"{_MAIN}numFmt")}
    cell_xfs = styles.find(f"{_MAIN}cellXfs")
    found = []
    for index, xf in enumerate(cell_xfs.iter(f"{_MAIN}xf") if cell_xfs is not None else ()):
        format_id = int(xf.get("numFmtId", 0))
        if format_id in PERCENT_FORMAT_IDS or shows_percent(custom.get(format_id, "")):
            found.append(str(index).encode())
    return found


def shows_percent(code: str) -> bool:
    """Whether a number format code multiplies by 100: a % outside quotes and escapes."""
    return "%" in re.sub(r'"[^"]*"|\\.', "", code)


def _scan(book: zipfile.ZipFile, path: str, percent_styles: list[bytes]) -> SpecialCells:
    # Error cells and every percent style in one pattern: one pass over each block.
    markers = re.compile(rb"""\st=["']e["']""" + b"".join(
        rb"""|\ss=["']""" + style + rb"""["']""" for style in percent_styles))
    found = SpecialCells()
    with book.open(path) as sheet:
        carry = b""
        while True:
            block = sheet.read(_BLOCK)
            text = carry + block
            # Cells start at "<c ": all before the last start are whole; that one may go on
            # into the next block, so it is looked at with it.
            done = len(text) if not block else max(_last_cell_start(text), 0)
            for match in markers.finditer(text, 0, done):
                _read_cell(text, match.start(), found)
            if not block:  # the merged ranges come after the cells, at the end
                found.merged = [m.decode() for m in _MERGE.findall(text)]
                return found
            carry = text[done:]


_CELL_TAG = re.compile(rb"<(?:[A-Za-z][\w.-]*:)?c[ \t\r\n]")  # <c ...>, or <x:c ...> (prefixed)


def _last_cell_start(text: bytes) -> int:
    """Where the last cell's start tag begins (-1: none)."""
    plain = text.rfind(b"<c ")
    colon = text.rfind(b":c ")
    if colon > plain:
        start = text.rfind(b"<", 0, colon)
        return start if start >= 0 and _CELL_TAG.match(text, start) else plain
    return plain


def _read_cell(text: bytes, at: int, found: SpecialCells) -> None:
    """The cell whose start tag holds the marker at `at`, if it is a cell's tag."""
    start = text.rfind(b"<", 0, at)
    if start < 0 or not _CELL_TAG.match(text, start):
        return  # a row's style (<row s="3" ...>), not a cell's
    close = text.find(b">", at)
    if close < 0:
        return
    tag = text[start:close + 1]
    ref = _REF.search(tag)
    if ref is None:
        return
    where = (int(ref[2]) - 1, _column_index(ref[1]))
    kind = _TYPE.search(tag)
    kind = kind[1] if kind else b"n"
    if tag.endswith(b"/>"):
        return  # no value: nothing shown
    if kind == b"e":
        end = text.find(b"c>", close)  # </c> or </x:c>
        value = _VALUE.search(text, close, end if end >= 0 else len(text))
        if value is not None:
            found.errors[where] = value[1].decode("utf-8", "replace")
    elif kind == b"n":
        found.percents.add(where)


def _column_index(letters: bytes) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + (letter - 64)
    return index - 1
