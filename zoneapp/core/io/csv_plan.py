"""A CSV's bytes looked at before pandas reads them: the delimiter, the lines, whether a NUL
byte or an apostrophe is in them, the first data row's width, and whether they are over a limit.
From these, `plan` says whether and how csv_reader's fast path is to read the file; the bytes
(or a memory map of them) are looked at in numpy, never copied whole."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

import numpy as np

from zoneapp.core.fast import workers
from zoneapp.core.io import limits
from zoneapp.core.io.file_problems import over_limits, too_many
from zoneapp.core.problems import Problem

STREAM_BLOCK = 8 * 1024 * 1024  # a bigger CSV is read by pandas from its path, never held whole


def delimiter(text: str) -> tuple[str, bool]:
    """The delimiter, and whether the first line is Excel's `sep=;` line."""
    first = text[: text.find("\n")] if "\n" in text else text
    line = first.rstrip("\r")  # not strip(): the separator named may be a tab or a space
    if line.lower().startswith("sep=") and len(line) >= 5 and not line[5:].strip(" "):
        return line[4], True
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return ("," if counts[best] == 0 or counts[","] else best), False


def csv_shape_problem(data: bytes, sep: str, file: str) -> list[Problem] | None:
    """Rows, columns and cells bounded from the bytes alone, before pandas allocates anything.
    Lines end at a line feed or a lone carriage return, as pandas ends them."""
    lines = data.count(b"\n") + data.count(b"\r") - data.count(b"\r\n") \
        + (len(data) > 0 and data[-1:] not in (b"\n", b"\r"))
    ends = [at for at in (data.find(b"\n"), data.find(b"\r")) if at >= 0]
    columns = data.count(sep.encode(), 0, min(ends) if ends else None) + 1
    found = over_limits(file, 0, columns) or over_limits(file, lines - 1, 1)
    if found:
        return found
    # Every cell but the last of a line ends with a separator: an upper bound, quotes aside.
    cells = data.count(sep.encode()) + lines
    return too_many(file, "单元格", "cells", cells, limits.MAX_CELLS) \
        if cells > limits.MAX_CELLS else None


@dataclass
class Plan:
    """What csv_reader's fast path needs to know of a file before pandas reads it."""
    sep: str
    sep_line: bool  # Excel's `sep=;` line comes first
    header: list[str]  # its cells, in no quotes
    apostrophe: bool  # some cell may carry the export's guard


_BOM = b"\xef\xbb\xbf"


def plan(data, file: str) -> Plan | list[Problem] | None:
    """Look at the bytes (or a memory map of them; never copied whole): None when the file is
    not for the fast path (another encoding, NUL bytes, a header in quotes or with a lone
    carriage return, too many cells to bound by lines), problems when it is over a limit,
    else how pandas is to read it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None
    lines, nul, apostrophe = _scan(data)
    if nul:
        return None
    start = 3 if data[:3] == _BOM else 0
    first, newline = _first_line(data, start)
    if first is None or not first.strip():
        return None
    sep, sep_line = delimiter(first)
    if sep_line:
        if newline < 0:
            return None
        start = newline + 1
        first, newline = _first_line(data, start)
        if first is None:
            return None
    if data[start:start + 3] == _BOM:  # a second one, or one after sep=: decoded away there
        return None
    first = first.rstrip("\r")
    if "\r" in first:  # a lone CR ends a line too (Excel for Mac): not one line, as found here
        return None
    # No row can be wider than the header (the parser refuses it), so its separators -- as
    # the forgiving path counts them, before the line is split -- bound every row's cells.
    columns, rows = first.count(sep) + 1, lines - 1 - sep_line
    too_big = over_limits(file, 0, columns) or over_limits(file, rows, 1)
    if too_big:
        return too_big
    # A quoted header may hold a separator or span lines. The parser reading the data rows
    # alone takes its width from the first: one wider than the header would be made into
    # that many columns of every row (quotes aside, its separators count its cells).
    if '"' in first or rows * columns > limits.MAX_CELLS:
        return None
    width = _first_row_width(data, newline + 1, sep)
    if width is None or width > columns:
        return None
    header = next(csv.reader([first], delimiter=sep), [""])
    return Plan(sep, sep_line, header, apostrophe)


def _scan(data) -> tuple[int, bool, bool]:
    """Lines in `data` (bytes or a memory map; an upper bound on rows: a line ends at a line
    feed or at a lone carriage return, as pandas ends it), and whether it holds a NUL byte
    and an apostrophe: passes in numpy over blocks, side by side on threads."""
    view = np.frombuffer(data, dtype=np.uint8)

    def scan(at: int) -> tuple[int, int, bool, bool]:
        block = view[at:at + STREAM_BLOCK]
        return (int(np.count_nonzero(block == 10)), int(np.count_nonzero(block == 13)),
                bool((block == 0).any()), bool((block == 39).any()))

    def crlf(at: int) -> int:  # a CR whose next byte (maybe in the next block) is a LF
        end = min(at + STREAM_BLOCK, len(view) - 1)
        return int(np.count_nonzero((view[at:end] == 13) & (view[at + 1:end + 1] == 10)))

    blocks = range(0, len(view), STREAM_BLOCK)
    pool = workers.shared_pool() if len(blocks) > 1 and workers.parallel() else None
    found = list(pool.map(scan, blocks) if pool else map(scan, blocks))
    lines = sum(f[0] for f in found)
    cr = sum(f[1] for f in found)
    if cr:  # Windows line ends (CR LF) are one line each; a lone CR is one too
        lines += cr - sum(pool.map(crlf, blocks) if pool else map(crlf, blocks))
    lines += len(view) > 0 and view[-1] not in (10, 13)
    return lines, any(f[2] for f in found), any(f[3] for f in found)


_FIRST_ROW_BYTES = 1024 * 1024  # a first data row longer than this goes the forgiving way


def _first_row_width(data, start: int, sep: str) -> int | None:
    """How many cells the data row at `start` has (0 past the end), as the parser will count
    them; None when it cannot say cheaply. Without quotes on its line, its separators are
    counted in numpy on a view (a line of many MB is not copied); with quotes, which may hide
    separators and line breaks, the first megabyte is read as CSV."""
    if start <= 0 or start >= len(data):
        return 0
    end = data.find(b"\n", start)
    view = np.frombuffer(data, dtype=np.uint8)[start:None if end < 0 else end]
    if not (view == ord('"')).any():
        return int(np.count_nonzero(view == ord(sep))) + 1
    head = bytes(data[start:start + _FIRST_ROW_BYTES])
    text = head.decode("utf-8", errors="replace")
    lines = io.StringIO(text, newline="")
    try:
        row = next(csv.reader(lines, delimiter=sep), [])
    except csv.Error:
        return None
    # A row that ran to the end of a cut-off megabyte may have more cells than were read.
    cut = len(head) == _FIRST_ROW_BYTES and lines.tell() >= len(text)
    return None if cut else len(row)


def _first_line(data: bytes, start: int) -> tuple[str | None, int]:
    """The line at `start` decoded (None when it is not UTF-8), and where its newline is."""
    newline = data.find(b"\n", start)
    try:
        return data[start:None if newline < 0 else newline].decode("utf-8"), newline
    except UnicodeDecodeError:
        return None, newline
