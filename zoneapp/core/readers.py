"""A table file's bytes -> its header and a frame of strings, or problems saying why not.

Every cell comes back as a string, "" when blank -- except a CSV's columns of plain numbers
when the caller names them (`NumberColumns`): float64, NaN when blank. The frame's columns are positions (0, 1, ...)
matching `RawTable.header`, and its index is the spreadsheet row number (header = row 1), so
blank lines and Excel's `sep=` line never shift the rows a problem points at.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from . import limits
from .formula import restore_series
from .problems import ERROR, WARNING, Problem
from .zipcheck import check_xlsx_zip

OLE2_MAGIC = b"\xd0\xcf\x11\xe0"
ZIP_MAGIC = b"PK"
_RESAVE_ZH = "请用 Excel 或 WPS 打开后另存为 .xlsx（不设密码）。"
_RESAVE_EN = "Open it in Excel or WPS and save it as .xlsx without a password."
MAX_PROBLEMS_PER_FILE = 100  # ragged rows, cut cells: the rest are counted in one problem


@dataclass
class RawTable:
    header: list[str]
    cells: pd.DataFrame  # columns 0..len(header)-1, str (see NumberColumns); index = spreadsheet row
    problems: list[Problem] = field(default_factory=list)


# header -> {position: (whole numbers only, the least value allowed or None)} for the columns
# of numbers. A CSV's number columns are then read as float64 (NaN when blank) -- but only
# when every cell is a plain number the checks will accept; any other file is read as text.
NumberColumns = Callable[[list[str]], dict[int, tuple[bool, float | None]]]


def _problem(file: str, code: str, zh: str, en: str, severity: str = ERROR,
             row: int | None = None) -> Problem:
    return Problem(file, row, None, zh, en, code, severity)


def read_table(path: Path, file: str, sheet_names: tuple[str, ...] = (),
               numbers: NumberColumns | None = None) -> RawTable | list[Problem]:
    """Read a .csv or .xlsx file; `file` is its name as problems show it.

    A file over its size limit (`limits`) is not read at all, and one that cannot be opened
    (locked by Excel, no permission, gone) is a problem, not an exception."""
    xlsx = path.suffix.lower() == ".xlsx"
    cap = limits.MAX_XLSX_BYTES if xlsx else limits.MAX_CSV_BYTES
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if not xlsx and _STREAM_BLOCK < size <= cap:
                streamed = _read_csv_streamed(handle, file, cap, numbers)
                if streamed is not None:
                    return streamed
                handle.seek(0)
            data = b"" if size > cap else handle.read(size + 1)  # + 1: grown since fstat
    except OSError as err:
        reason = err.strerror or str(err)
        return [_problem(file, "unreadable", f"无法打开文件：{reason}（文件是否正被其他程序占用？）",
                         f"cannot open the file: {reason} (is another program using it?)")]
    if size > cap or len(data) > cap:
        return [_problem(file, "too_large", f"文件过大（{limits.mb(max(size, len(data)))}），"
                         f"上限为 {limits.mb(cap)}，未读取。",
                         f"the file is too large ({limits.mb(max(size, len(data)))}); the limit "
                         f"is {limits.mb(cap)}; not read.")]
    if xlsx:
        return read_xlsx(data, file, sheet_names)
    box = [data]
    del data  # the reader lets go of the raw bytes once it has the cells (see _read_csv)
    return _read_csv(box, file, numbers)


def _too_many(file: str, what_zh: str, what_en: str, count: int, cap: int) -> list[Problem]:
    return [_problem(file, "too_large", f"{what_zh}过多（{count:,}），上限为 {cap:,}，未读取。",
                     f"too many {what_en} ({count:,}); the limit is {cap:,}; not read.")]


def _shape_problem(file: str, rows: int, columns: int) -> list[Problem] | None:
    """A problem when `rows` data rows of `columns` cells are over a limit, else None."""
    if columns > limits.MAX_COLUMNS:
        return _too_many(file, "列数", "columns", columns, limits.MAX_COLUMNS)
    if rows > limits.MAX_ROWS:
        return _too_many(file, "行数", "rows", rows, limits.MAX_ROWS)
    if rows * columns > limits.MAX_CELLS:
        return _too_many(file, "单元格", "cells", rows * columns, limits.MAX_CELLS)
    return None


# --- CSV -----------------------------------------------------------------------------------

def decode(data: bytes, file: str) -> tuple[str, str] | Problem:
    """The text and its encoding: UTF-8 (BOM or not), UTF-16 with a BOM, then GB18030 (GBK)."""
    decoded = decode_text(data, file)
    return decoded if isinstance(decoded, Problem) else decoded[:2]


def decode_text(data: bytes, file: str) -> tuple[str, str, list[Problem]] | Problem:
    """`decode`, and a file that is UTF-8 but for a few GBK lines (two people edited it) is read
    line by line, with a warning on each line read as GBK."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        encodings = ("utf-16",)
    else:
        encodings = ("utf-8-sig", "gb18030")
    for encoding in encodings:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as err:
            if encoding == "utf-8-sig" and not data[:err.start].isascii():
                mixed = _mixed_utf8(data, file)  # valid UTF-8 Chinese before the first error
                if mixed is not None:
                    return mixed
            continue
        if "\x00" not in text:
            return text, encoding, []
    return _problem(
        file, "decode_error",
        "无法识别文件编码，这可能不是文本文件。请另存为 UTF-8 编码的 CSV。",
        "cannot decode the file as UTF-8 or GBK; it may not be a text file. "
        "Save it as CSV (UTF-8).")


def _mixed_utf8(data: bytes, file: str) -> tuple[str, str, list[Problem]] | None:
    """Lines that are not UTF-8 read as GB18030 when most non-ASCII lines are UTF-8, else None."""
    lines = data.removeprefix(b"\xef\xbb\xbf").split(b"\n")
    texts: list[str] = []
    bad: list[int] = []
    utf8 = 0
    for number, line in enumerate(lines, start=1):
        try:
            texts.append(line.decode("utf-8"))
            utf8 += not line.isascii()
        except UnicodeDecodeError:
            texts.append(line.decode("gb18030", errors="replace"))
            bad.append(number)
    if utf8 <= len(bad):
        return None
    text = "\n".join(texts)
    if "\x00" in text:
        return None
    problems = [_problem(file, "mixed_encoding", "此行不是 UTF-8 编码，已按 GBK 读取，请核对",
                         "this line is not UTF-8; it was read as GBK, please check it", WARNING,
                         row=n) for n in bad[:MAX_PROBLEMS_PER_FILE]]
    problems += _more(file, len(bad))
    return text, "utf-8+gb18030", problems


def _more(file: str, count: int, severity: str = WARNING) -> list[Problem]:
    if count <= MAX_PROBLEMS_PER_FILE:
        return []
    more = count - MAX_PROBLEMS_PER_FILE
    return [_problem(file, "more_problems", f"……另有 {more} 处同类问题未列出",
                     f"… and {more} more problems like these", severity)]


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


def _empty(file: str) -> Problem:
    return _problem(file, "empty_file", "文件是空的", "the file is empty")


def _finish(frame: pd.DataFrame, header: list[str] | None, file: str, problems: list[Problem],
            guarded: bool = False) -> RawTable | list[Problem]:
    """Split off the header, number the rows, drop blank rows and unnamed blank columns.
    `guarded`: the file is a CSV, whose formula-like text may carry the export's apostrophe.
    `header`: read apart (`_arrow_numbers`): every row of `frame` is data, and its float64
    columns are numbers, kept as they are."""
    data_rows = len(frame) if header is not None else len(frame) - 1
    too_big = _shape_problem(file, data_rows, frame.shape[1])
    if too_big:
        return too_big
    if header is None:
        frame = frame.fillna("").astype(str)
        header = frame.iloc[0].tolist()
        cells = frame.iloc[1:]
    else:
        cells = frame
    header = [str(h).strip()[:limits.MAX_CELL_CHARS] for h in header]
    cells.index = pd.RangeIndex(2, data_rows + 2)
    cells.columns = range(len(header))
    some_blank, all_blank = _blank_columns(cells)
    if all(some_blank):  # only then can a row be blank; cells holding only spaces are data
        blank_rows = np.logical_and.reduce([_blank(cells[i]) for i in cells.columns])
        if blank_rows.any():  # else no copy: a million-row frame is not taken row by row
            cells = cells[~blank_rows]
            all_blank = [bool(_blank(cells[i]).all()) for i in cells.columns]
    keep = [i for i, h in enumerate(header) if h or not all_blank[i]]
    if len(keep) < len(header):
        header = [header[i] for i in keep]
        cells = cells[keep]
        cells.columns = range(len(header))
    if not any(header):
        return problems + [_empty(file)]
    cells = _tidy(cells, header, file, problems, guarded)
    if cells.empty:
        problems.append(_problem(file, "empty_file", "文件只有表头，没有数据行",
                                 "the file has a header but no data rows", WARNING))
    return RawTable(header, cells, problems)


def _blank_columns(cells: pd.DataFrame) -> tuple[list[bool], list[bool]]:
    """For each column: whether some cell is "", and whether every cell is. Read from the
    arrow lengths for pyarrow-backed text, so no whole-frame compare is made."""
    some, every = [], []
    for col in cells.columns:
        lengths = _byte_lengths(cells[col])
        if lengths is None:
            blank = _blank(cells[col])
            some.append(bool(blank.any()))
            every.append(bool(blank.all()))
        else:
            import pyarrow.compute as pc

            span = pc.min_max(lengths).as_py()
            some.append(span["min"] is not None and span["min"] == 0)
            every.append(not span["max"])
    return some, every


def _blank(series: pd.Series) -> np.ndarray:
    """Which cells are blank: "" in text, NaN in a column of numbers."""
    if series.dtype.kind == "f":
        return series.isna().to_numpy()
    return (series == "").to_numpy(dtype=bool)


def _byte_lengths(series: pd.Series):
    """Each cell's UTF-8 length as arrow lengths, or None when the column is not
    pyarrow-backed text."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    return pc.binary_length(pa.array(series.array))


def _tidy(cells: pd.DataFrame, header: list[str], file: str, problems: list[Problem],
          guarded: bool) -> pd.DataFrame:
    """Cut cells longer than `limits.MAX_CELL_CHARS` (with a warning each) and take the guard
    apostrophe off formula-like text. Column-wise and vectorised; untouched columns stay as is."""
    cut = 0
    for col in cells.columns:
        original = series = cells[col]
        if series.dtype.kind == "f":
            continue  # a column of numbers (`_arrow_numbers`): no text to tidy
        if guarded:
            series = restore_series(series)
        # A character is at least a byte: when no cell has more bytes, none is too long.
        long = series.str.len() > limits.MAX_CELL_CHARS \
            if _max_bytes(series) > limits.MAX_CELL_CHARS else None
        if long is not None and long.any():
            for row in long.index[long][:max(0, MAX_PROBLEMS_PER_FILE - cut)]:
                problems.append(Problem(
                    file, int(row), header[col] or None,
                    f"单元格过长（{len(series[row]):,} 个字符），只保留前 {limits.MAX_CELL_CHARS:,} 个",
                    f"the cell is too long ({len(series[row]):,} characters); only the first "
                    f"{limits.MAX_CELL_CHARS:,} are kept", "cell_too_long", WARNING))
            cut += int(long.sum())
            series = series.where(~long, series.str.slice(0, limits.MAX_CELL_CHARS))
        if series is not original:
            cells[col] = series  # copy-on-write: the frame read from the file is not changed
    problems += _more(file, cut)
    return cells


def _max_bytes(series: pd.Series) -> float:
    """The longest cell's UTF-8 length in bytes (from the arrow offsets), or inf when the
    column is not pyarrow-backed text and so cannot say cheaply."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return float("inf")
    import pyarrow as pa
    import pyarrow.compute as pc

    longest = pc.max(pc.binary_length(pa.array(series.array))).as_py()
    return longest or 0


# --- xlsx ----------------------------------------------------------------------------------

def cell_text(value: object) -> str:
    """An Excel cell as the string a user sees: 2019.0 -> "2019", dates as ISO, None -> ""."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)


def _not_xlsx(file: str, code: str, why_zh: str, why_en: str) -> list[Problem]:
    return [_problem(file, code, f"{why_zh}{_RESAVE_ZH}", f"{why_en} {_RESAVE_EN}")]


class _Refused(list):
    """Problems that stop a sheet from being read (over a limit), as the readers return them."""


def read_xlsx(data: bytes, file: str, sheet_names: tuple[str, ...] = ()) -> RawTable | list[Problem]:
    """The sheet named like the table (any of `sheet_names`), else the first sheet.

    Only the values Excel saved are read: formulas are never evaluated, macros never run and
    links to other workbooks never followed; a workbook holding them gets a warning."""
    if data.startswith(OLE2_MAGIC):
        return _not_xlsx(file, "encrypted", "文件设有密码或是旧版 .xls 格式，无法读取。",
                         "the file is password-protected or an old .xls workbook.")
    if not data.startswith(ZIP_MAGIC):
        if not data.strip():
            return [_empty(file)]
        return _not_xlsx(file, "bad_xlsx", "文件不是有效的 .xlsx 工作簿。",
                         "the file is not a valid .xlsx workbook.")
    checked = check_xlsx_zip(data)
    if checked.refused:
        code, zh, en = checked.refused
        return _not_xlsx(file, code, zh, en) if code == "bad_xlsx" else [_problem(file, code, zh, en)]
    too_big = _shape_problem(file, checked.rows - 1, 1)  # counted in the sheet XML
    if too_big is None and checked.cells > limits.MAX_CELLS:
        too_big = _too_many(file, "单元格", "cells", checked.cells, limits.MAX_CELLS)
    if too_big:
        return too_big
    problems = _active_content(checked, file)
    rows = _rows_calamine(data, sheet_names, file)
    if rows is None:
        rows = _rows_openpyxl(data, sheet_names, file)
    if isinstance(rows, _Refused):
        return list(rows)
    if rows is None:
        return _not_xlsx(file, "bad_xlsx", "文件已损坏或不是有效的 .xlsx 工作簿。",
                         "the file is damaged or not a valid .xlsx workbook.")
    if not rows:
        return [_empty(file)]
    width = max(len(r) for r in rows)
    texts = [[cell_text(v) for v in r] + [""] * (width - len(r)) for r in rows]
    return _finish(pd.DataFrame(texts, dtype=str), None, file, problems)


def _active_content(checked, file: str) -> list[Problem]:
    found = []
    if checked.macros:
        found.append(_problem(file, "macros", "工作簿含有宏（VBA）。只读取了单元格的值，宏不会运行。",
                              "the workbook contains macros (VBA); only cell values were read, "
                              "no macro is run.", WARNING))
    if checked.external_links or checked.connections:
        found.append(_problem(file, "external_links",
                              "工作簿含有指向其他文件或数据源的链接。只读取了保存的值，链接不会被打开或更新。",
                              "the workbook links to other files or data sources; only the saved "
                              "values were read, no link is opened or refreshed.", WARNING))
    return found


def _pick_sheet(names: list[str], wanted: tuple[str, ...]) -> str:
    lowered = {w.strip().lower() for w in wanted}
    return next((n for n in names if n.strip().lower() in lowered), names[0])


# A damaged workbook can fail anywhere inside zip, zlib, XML or the reader itself (zlib.error,
# NotImplementedError, EOFError, KeyError, ...). The file is the user's, not ours: any failure
# to read it is reported as a problem, so these two catch Exception -- and only around parsing.

def _rows_calamine(data: bytes, wanted: tuple[str, ...], file: str) -> list[list] | None:
    import python_calamine as pc

    try:
        book = pc.CalamineWorkbook.from_filelike(io.BytesIO(data))
        if not book.sheet_names:
            return []
        sheet = book.get_sheet_by_name(_pick_sheet(book.sheet_names, wanted))
        too_big = _shape_problem(file, sheet.height - 1, sheet.width)
        if too_big:
            return _Refused(too_big)
        return sheet.to_python(skip_empty_area=False)
    except Exception:  # noqa: BLE001 -- see above
        return None


def _rows_openpyxl(data: bytes, wanted: tuple[str, ...], file: str) -> list[list] | None:
    import warnings

    import openpyxl

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it cannot read
            book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True,
                                          keep_links=False, keep_vba=False)
            try:
                if not book.sheetnames:
                    return []
                sheet = book[_pick_sheet(book.sheetnames, wanted)]
                rows = []
                for row in sheet.iter_rows(values_only=True):
                    rows.append(list(row))
                    too_big = _shape_problem(file, len(rows) - 1, len(row))
                    if too_big:
                        return _Refused(too_big)
                return rows
            finally:
                book.close()
    except Exception:  # noqa: BLE001 -- see above
        return None
