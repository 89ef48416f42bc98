"""A CSV's bytes -> a RawTable: pyarrow's fast path (whole or streamed in blocks), else pandas."""
from __future__ import annotations

import csv
import io

import pandas as pd

from . import limits
from .decoding import decode_text
from .problems import ERROR, Problem
from .rawtable import (MAX_PROBLEMS_PER_FILE, NumberColumns, RawTable, _empty, _finish, _more,
                       _problem, _shape_problem, _too_many)


def _delimiter(text: str) -> tuple[str, bool]:
    """The delimiter, and whether the first line is Excel's `sep=;` line."""
    first = text[: text.find("\n")] if "\n" in text else text
    if first.lower().startswith("sep=") and len(first.strip()) == 5:
        return first.strip()[4], True
    counts = {d: first.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=counts.get)
    return ("," if counts[best] == 0 or counts[","] else best), False


def _utf8(data: bytes, text: str, encoding: str, skip_first_line: bool) -> bytes:
    """UTF-8 bytes for pandas' C parser, which reads bytes far faster than a StringIO."""
    if encoding == "utf-8-sig":
        data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    else:
        data = text.encode("utf-8")
    if skip_first_line:
        newline = data.find(b"\n")
        data = b"" if newline < 0 else data[newline + 1:]
    return data


def _csv_shape_problem(data: bytes, sep: str, file: str, start: int = 0,
                       fixed_width: bool = False) -> list[Problem] | None:
    """Rows, columns and cells bounded from the bytes from `start` alone, before pandas or
    pyarrow allocates anything. `fixed_width`: the reader refuses a line with more cells than
    the first, so lines x columns bounds the cells without counting every separator."""
    lines = data.count(b"\n", start) + (len(data) > start and not data.endswith(b"\n"))
    newline = data.find(b"\n", start)
    columns = data.count(sep.encode(), start, None if newline < 0 else newline) + 1
    found = _shape_problem(file, 0, columns) or _shape_problem(file, lines - 1, 1)
    if found or (fixed_width and lines * columns <= limits.MAX_CELLS):
        return found
    # Every cell but the last of a line ends with a separator: an upper bound, quotes aside.
    cells = data.count(sep.encode(), start) + lines
    return _too_many(file, "单元格", "cells", cells, limits.MAX_CELLS) \
        if cells > limits.MAX_CELLS else None


def read_csv(data: bytes, file: str) -> RawTable | list[Problem]:
    return _read_csv([data], file)


def _read_csv(box: list[bytes], file: str,
              numbers: NumberColumns | None = None) -> RawTable | list[Problem]:
    """`read_csv` of `box[0]`; the box is emptied once the bytes are no longer needed, so a
    100 MB file's bytes are not held alongside its cells while they are checked."""
    fast = _read_csv_arrow(box, file, numbers)
    if fast is not None:
        return fast
    data = box.pop()
    decoded = decode_text(data, file)
    if isinstance(decoded, Problem):
        return [decoded]
    text, encoding, problems = decoded
    if not text or text.isspace():
        return [_empty(file)]
    sep, sep_line = _delimiter(text)
    data = _utf8(data, text, encoding, sep_line)
    del text
    too_big = _csv_shape_problem(data, sep, file)
    if too_big:
        return too_big
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=sep, header=None, dtype=str, encoding="utf-8",
                            keep_default_na=False, na_filter=False, skip_blank_lines=False)
    except pd.errors.ParserError:
        try:
            frame, found = _read_ragged(data.decode("utf-8"), sep, file)
        except csv.Error as err:
            return [_problem(file, "bad_csv", f"无法读取 CSV：{err}", f"cannot read the CSV: {err}")]
        problems += found
    except pd.errors.EmptyDataError:
        return [_empty(file)]
    return _finish(frame, None, file, problems, guarded=True)


def _read_csv_arrow(box: list[bytes], file: str,
                    numbers: NumberColumns | None = None) -> RawTable | list[Problem] | None:
    """The fast path for a well-formed UTF-8 file: pyarrow's multi-threaded reader on the bytes
    as they are, with no decode to a Python str. None when anything is unusual (another
    encoding, NUL bytes, ragged or blank lines, bad quoting): then `read_csv` reads it the slow,
    forgiving way, which says what is wrong. `box[0]` is the bytes: emptied when read here."""
    data = box[0]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\x00" in data:
        return None
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # an offset, not a 100 MB copy
    first, newline = _first_line(data, start)
    if first is None or not first.strip():
        return None
    sep, sep_line = _delimiter(first)
    if sep_line:
        start = len(data) if newline < 0 else newline + 1
        first, newline = _first_line(data, start)
        if first is None:
            return None
    too_big = _csv_shape_problem(data, sep, file, start, fixed_width=True)
    if too_big:
        return too_big
    import pyarrow as pa

    quoted = data.find(b'"', start) >= 0
    parsed = _arrow_parse(pa.py_buffer(data)[start:], quoted, sep, first, numbers)
    if parsed is None:
        return None
    guarded = data.find(b"'", start) >= 0  # no apostrophe in the file: no guard to take off
    box.clear()
    del data
    return _finish(*parsed, file, [], guarded=guarded)


def _arrow_parse(source, quoted: bool, sep: str, first: str, numbers: NumberColumns | None
                 ) -> tuple[pd.DataFrame, list[str] | None] | None:
    """(frame, header read apart or None) by `_arrow_numbers`, else `_arrow_frame`; None when
    neither can read it. `source`: an arrow buffer, or a function making a new file each time."""
    first = first.rstrip("\r")
    if not callable(source):
        source = _again(source)
    typed = _arrow_numbers(source, quoted, sep, first, numbers) if numbers is not None else None
    if typed is not None:
        return typed
    frame = _arrow_frame(source, quoted, sep, first)
    return None if frame is None else (frame, None)


def _again(buffer):
    return lambda: buffer


_STREAM_BLOCK = 8 * 1024 * 1024  # a bigger CSV is checked and parsed in blocks of this many bytes


class _Slice(io.RawIOBase):
    """The next `size` bytes of an open file, for pyarrow to read in blocks."""

    def __init__(self, handle, size: int):
        super().__init__()
        self.handle, self.left = handle, size

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        wanted = min(len(buffer), self.left)
        if wanted <= 0:
            return 0
        got = self.handle.readinto(memoryview(buffer)[:wanted]) or 0
        self.left -= got
        return got


def _read_csv_streamed(handle, file: str, cap: int, numbers: NumberColumns | None
                       ) -> RawTable | list[Problem] | None:
    """`_read_csv_arrow` on an open file bigger than a block, without holding its bytes: one
    pass in blocks makes the same checks (limits, NUL bytes, quotes, apostrophes), then pyarrow
    reads the file again in blocks. None as there, and when the file grew past `cap` or the
    cells need counting: then the caller reads the bytes and `read_csv` decides."""
    head = handle.read(_STREAM_BLOCK)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0
    first, newline = _first_line(head, start)
    if first is None or not first.strip() or newline < 0:
        return None
    sep, sep_line = _delimiter(first)
    if sep_line:
        start = newline + 1
        first, newline = _first_line(head, start)
        if first is None or newline < 0:
            return None
    columns = head.count(sep.encode(), start, newline) + 1
    lines, total, last = head.count(b"\n", start), len(head), head[-1:]
    nul, quoted, guarded = b"\x00" in head, head.find(b'"', start) >= 0, head.find(b"'", start) >= 0
    del head
    while block := handle.read(_STREAM_BLOCK):
        total += len(block)
        if total > cap:
            return None
        lines += block.count(b"\n")
        nul, quoted, guarded = nul or b"\x00" in block, quoted or b'"' in block, \
            guarded or b"'" in block
        last = block[-1:]
    del block
    if nul:
        return None
    lines += total > start and last != b"\n"
    too_big = _shape_problem(file, 0, columns) or _shape_problem(file, lines - 1, 1)
    if too_big or lines * columns > limits.MAX_CELLS:
        return too_big or None  # None: the cells are counted from the bytes (read_csv)

    def source():
        handle.seek(start)
        return _Slice(handle, total - start)

    parsed = _arrow_parse(source, quoted, sep, first, numbers)
    return None if parsed is None else _finish(*parsed, file, [], guarded=guarded)


def _first_line(data: bytes, start: int) -> tuple[str | None, int]:
    """The line at `start` decoded (None when it is not UTF-8), and where its newline is."""
    newline = data.find(b"\n", start)
    try:
        return data[start:None if newline < 0 else newline].decode("utf-8"), newline
    except UnicodeDecodeError:
        return None, newline


def _arrow_frame(source, quoted: bool, sep: str, first: str) -> pd.DataFrame | None:
    """Every cell as text (pandas' pyarrow-backed str dtype, columns 0..n-1), or None.
    `source`: the bytes from the header on, as an arrow buffer or a file; `quoted`: the file
    holds a '"' (only then can a value hold a line break)."""
    # pyarrow is imported here, not at module level: the window paints before it is needed.
    import pyarrow as pa
    from pyarrow import csv as pacsv

    source = source()
    width = len(next(csv.reader([first], delimiter=sep), [""]))
    names = [f"c{i}" for i in range(width)]
    try:
        table = pacsv.read_csv(
            source,
            read_options=pacsv.ReadOptions(use_threads=True, column_names=names),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=quoted,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types={n: pa.large_string() for n in names}, strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    if table.num_rows == 0:
        return None
    frame = table.to_pandas(self_destruct=True)
    del table
    frame.columns = range(width)
    return frame


def _arrow_numbers(source, quoted: bool, sep: str, first: str, numbers: NumberColumns
                   ) -> tuple[pd.DataFrame, list[str]] | None:
    """`_arrow_frame` with the number columns read as float64 and the header apart, or None
    (then the file is read all as text) unless every number is plain, finite and one the
    checks accept: a cell they would quote in a problem is only ever read as text."""
    import numpy as np
    import pyarrow as pa
    from pyarrow import csv as pacsv

    if '"' in first or "\r" in first:
        return None
    header = next(csv.reader([first], delimiter=sep), [""])
    kinds = numbers([h.strip()[:limits.MAX_CELL_CHARS] for h in header])
    if not kinds:
        return None
    names = [f"c{i}" for i in range(len(header))]
    types = {n: pa.float64() if i in kinds else pa.large_string() for i, n in enumerate(names)}
    try:
        table = pacsv.read_csv(
            source(),
            read_options=pacsv.ReadOptions(use_threads=True, column_names=names, skip_rows=1),
            parse_options=pacsv.ParseOptions(delimiter=sep, newlines_in_values=quoted,
                                             ignore_empty_lines=False),
            convert_options=pacsv.ConvertOptions(
                column_types=types, null_values=[""], strings_can_be_null=False,
                quoted_strings_can_be_null=False))
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        return None
    if table.num_rows == 0:
        return None
    for position, (whole, least) in kinds.items():
        column = table.column(position)
        values = column.to_numpy()  # NaN where blank
        blank = np.isnan(values)
        filled = values[~blank]
        if int(blank.sum()) != column.null_count or not np.isfinite(filled).all() or (filled < (0 if least is None else least)).any():
            return None
        if whole and ((filled >= 2.0 ** 53).any() or (filled != np.round(filled)).any()):
            return None
    frame = table.to_pandas(self_destruct=True)
    del table
    frame.columns = range(len(header))
    return frame, header


def _read_ragged(text: str, sep: str, file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """The slow path for files whose rows have more cells than the header: report and drop."""
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    rows = [next(reader, [])]
    width = len(rows[0])
    skipped = []
    for number, row in enumerate(reader, start=2):
        if len(row) > width and any(c.strip() for c in row[width:]):
            skipped.append((number, len(row)))
            row = []
        rows.append((row + [""] * width)[:width])
    problems = [_problem(
        file, "extra_cells", f"此行有 {n} 个单元格，多于表头的 {width} 列，已跳过",
        f"the row has {n} cells but the header has {width}; row skipped", row=number)
        for number, n in skipped[:MAX_PROBLEMS_PER_FILE]]
    return pd.DataFrame(rows, dtype=str), problems + _more(file, len(skipped), ERROR)
