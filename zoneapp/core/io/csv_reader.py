"""A CSV's bytes -> a RawTable: pandas' C parser on the bytes or the open file, else the
forgiving path that decodes GBK and reports ragged rows. Whether the fast path may read a file
(and how) is decided from its bytes beforehand, in csv_plan."""
from __future__ import annotations

import csv
import io
import os
import re
import warnings

import numpy as np
import pandas as pd

from zoneapp.core.io import csv_plan, csv_text_reread
from zoneapp.core.io import limits
from zoneapp.core.fast import workers
from zoneapp.core.io.decoding import decode_text
from zoneapp.core.problems import ERROR, WARNING, Problem
from zoneapp.core.io.file_problems import (MAX_PROBLEMS_PER_FILE, empty_file, file_problem,
                                           more_problems)
from zoneapp.core.io.rawtable import NumberColumns, RawTable, finish_table


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


def read_csv(data: bytes, file: str) -> RawTable | list[Problem]:
    return read_csv_box([data], file)


def read_csv_box(box: list[bytes], file: str, numbers: NumberColumns | None = None,
                 try_fast: bool = True) -> RawTable | list[Problem]:
    """`read_csv` of `box[0]`; the box is emptied once the bytes are no longer needed, so a
    100 MB file's bytes are not held alongside its cells while they are checked.
    `try_fast`: False when the fast path already turned this file down."""
    plan = csv_plan.plan(box[0], file) if try_fast else None
    fast = _read_fast(_Bytes(box[0]), plan, file, numbers) \
        if isinstance(plan, csv_plan.Plan) else plan
    if fast is not None:
        box.clear()
        return fast
    data = box.pop()
    decoded = decode_text(data, file)
    if isinstance(decoded, Problem):
        return [decoded]
    text, encoding, problems = decoded
    if not text or text.isspace():
        return [empty_file(file)]
    sep, sep_line = csv_plan.delimiter(text)
    data = _utf8(data, text, encoding, sep_line)
    del text
    # Empty lines above the header, which pandas would take for a file with no columns: left
    # out, and counted, so that rows keep their numbers.
    blank = _LEADING_BLANK_LINES.match(data)
    skipped = blank[0].count(b"\n") if blank else 0
    data = data[blank.end():] if blank else data
    if skipped:  # the separator as the header's line shows it
        end = data.find(b"\n")
        line = data if end < 0 else data[:end]
        sep = csv_plan.delimiter(line.decode("utf-8", "replace"))[0]
    too_big = csv_plan.csv_shape_problem(data, sep, file)
    if too_big:
        return too_big
    try:
        frame = pd.read_csv(io.BytesIO(data), sep=sep, header=None, dtype=str, encoding="utf-8",
                            keep_default_na=False, na_filter=False, skip_blank_lines=False)
    except pd.errors.ParserError:
        try:
            frame, found = _read_ragged(data.decode("utf-8"), sep, file, first_row=1 + skipped)
        except csv.Error as err:
            return [file_problem(file, "bad_csv", f"无法读取 CSV：{err}", f"cannot read the CSV: {err}")]
        problems += found
    except pd.errors.EmptyDataError:
        return [empty_file(file)]
    return finish_table(frame, None, file, problems, guarded=True, first_row=1 + skipped)


_LEADING_BLANK_LINES = re.compile(rb"(?:[ \t\r]*\n)+")



def read_csv_streamed(path, handle, file: str, cap: int, numbers: NumberColumns | None
                      ) -> RawTable | list[Problem] | None:
    """`_read_fast` of the open file at `path`, bigger than a block: its bytes are looked at
    through a read-only memory map, and pandas reads the file itself (in parallel threads,
    from pandas 3.1 on, for a path but not for a file object). None as there, when the file
    is over `cap`, and when the file at `path` is not the one checked (saved over meanwhile):
    then the caller reads the bytes from `handle` and `read_csv` decides."""
    import mmap

    opened = _identity(os.fstat(handle.fileno()))
    try:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError):  # an empty file, or one that cannot be mapped
        return None
    try:
        plan = csv_plan.plan(mapped, file) if len(mapped) <= cap else None
    finally:  # let go of before pandas maps the file again: each map counts in memory
        _unmap(mapped)
    if not isinstance(plan, csv_plan.Plan):
        return plan
    if not _same_file(path, opened):
        return None
    fast = _read_fast(_Path(str(path)), plan, file, numbers)
    return fast if _same_file(path, opened) else None


def _unmap(mapped):
    """Close a memory map; the pool's future when a pool thread does it. Unmapping a big
    file's pages takes milliseconds, which that thread spends (munmap lets go of the GIL)
    while pandas starts its read."""
    if workers.parallel():
        return workers.shared_pool().submit(mapped.close)
    mapped.close()
    return None


def _identity(stat: os.stat_result) -> tuple[int, int, int, int]:
    return stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns


def _same_file(path, opened: tuple[int, int, int, int]) -> bool:
    """Whether `path` is still the file opened and checked, unchanged."""
    try:
        return _identity(os.stat(path)) == opened
    except OSError:
        return False


class _Bytes:
    """A file's bytes in memory, for pandas."""

    def __init__(self, data: bytes):
        self.data = data

    def source(self):
        return io.BytesIO(self.data)  # shares the bytes: no copy

    def source_for_arrow(self):
        import pyarrow as pa

        return pa.BufferReader(self.data)  # shares the bytes too


class _Path:
    """A file pandas opens by its path."""

    def __init__(self, path: str):
        self.path = path

    def source(self):
        return self.path

    def source_for_arrow(self):
        return self.path



def _read_fast(file_source, plan: csv_plan.Plan, file: str, numbers: NumberColumns | None
               ) -> RawTable | None:
    """The fast path for a well-formed UTF-8 file: pandas' C parser, letting it infer each
    column (far faster than asking it for text), number columns read as float64. None when
    anything is unusual (another encoding, ragged rows): then `read_csv` reads it the slow,
    forgiving way, which says what is wrong."""
    header = plan.header
    kinds = numbers([h.strip()[:limits.MAX_CELL_CHARS] for h in header]) \
        if numbers is not None else {}
    parse = _Parse(file_source, int(plan.sep_line), plan.sep, len(header))
    frame = parse.typed(kinds) if kinds else None
    apart = frame is not None
    if frame is None and not parse.failed:
        frame = parse.text()
    if frame is None or parse.failed:
        return None
    return finish_table(frame, header if apart else None, file, [], guarded=plan.apostrophe)


class _Parse:
    """pandas' reads of one file: `typed` (header apart, number columns as float64) or `text`
    (every cell as text, header included); `failed` when the file is not for the fast path."""

    def __init__(self, file_source, skip: int, sep: str, width: int):
        self.file_source, self.skip, self.sep, self.width = file_source, skip, sep, width
        self.failed = False

    def read(self, header_apart: bool, **options) -> pd.DataFrame | None:
        """One pass of pandas' C parser over the file (the `sep=` line skipped). The parser
        takes its width from the first row it reads and refuses any wider row after it; the
        first data row is known to be no wider than the header (`csv_plan.plan`)."""
        try:
            with warnings.catch_warnings():  # mixed types in a column: it is read again
                warnings.simplefilter("ignore", pd.errors.DtypeWarning)
                return pd.read_csv(self.file_source.source(), sep=self.sep, header=None,
                                   skiprows=self.skip + header_apart, encoding="utf-8",
                                   keep_default_na=False, skip_blank_lines=False,
                                   compression=None, engine="c", **options)
        except (UnicodeDecodeError, OSError):
            # Not UTF-8: the forgiving path decodes it. OSError: the file went away or was
            # locked since it was opened.
            self.failed = True
            return None
        except ValueError:
            # A number column holding text, no data rows, rows wider than the first data row
            # (a short first row): `text` reads it again, header first, or fails.
            return None

    def typed(self, kinds: dict[int, tuple[bool, float | None]]) -> pd.DataFrame | None:
        """The data rows, number columns as float64 (NaN when blank); None unless every number
        is plain, finite and one the checks accept (a cell they would quote in a problem is
        only ever read as text) and the rows are as wide as the header."""
        frame = self.read(True, dtype={i: np.float64 for i in kinds},
                          na_values={i: [""] for i in kinds})
        if frame is None or frame.shape[1] != self.width:  # all rows short: read as text
            return None
        for position, (whole, least) in kinds.items():
            # No least: negative numbers (a fall, a loss) are as plain as any other.
            if not _accepted_numbers(frame[position].to_numpy(), whole,
                                     -np.inf if least is None else least):
                return None
        return self._as_text(frame, True, keep=set(kinds))

    def text(self) -> pd.DataFrame | None:
        """Every row, the header first, as text."""
        frame = self.read(False, na_filter=False)
        if frame is None:
            self.failed = True
            return None
        return self._as_text(frame, False, keep=set())

    def _as_text(self, frame: pd.DataFrame, header_apart: bool, keep: set[int]
                 ) -> pd.DataFrame | None:
        """Every column but `keep` as pandas' str, "" when blank. A column pandas took for
        numbers or true/false is read again as it is written (as text)."""
        again = [c for c in frame.columns
                 if c not in keep and not isinstance(frame[c].dtype, pd.StringDtype)]
        if again:
            texts = csv_text_reread.text_columns(
                self.file_source, self.skip + header_apart, self.sep, frame, again) \
                if len(frame) >= ARROW_REREAD_ROWS else None
            if texts is None:  # pandas reads the columns again itself (in one thread: usecols)
                redo = self.read(header_apart, usecols=again, dtype=object, na_filter=False)
                if redo is None:
                    self.failed = True
                    return None
                texts = {c: redo[c].fillna("").astype(str) for c in again}
            for c in again:
                frame[c] = texts[c]
        for c in frame.columns:
            if c not in keep and c not in again and frame[c].hasnans:  # a short row, a blank line
                frame[c] = frame[c].fillna("")
        return frame


def _accepted_numbers(values: np.ndarray, whole: bool, least: float) -> bool:
    """Whether every number in `values` (NaN: blank) is finite, at least `least` and, when
    `whole`, a whole number below 2**53. fmin/fmax skip NaN, so the range takes two passes
    and no copies (a million-row column is looked at, not filtered)."""
    if not len(values):
        return True
    low, high = np.fmin.reduce(values), np.fmax.reduce(values)
    if np.isnan(low):  # all blank
        return True
    if not (np.isfinite(low) and np.isfinite(high)) or low < least:
        return False
    if not whole:
        return True
    if high >= 2.0 ** 53:
        return False
    fraction = np.floor(values)
    np.subtract(values, fraction, out=fraction)  # NaN where blank: fmax skips it
    return not np.fmax.reduce(fraction) > 0


ARROW_REREAD_ROWS = 100_000  # a shorter file is read again by pandas: quick, and no pyarrow.csv



def _read_ragged(text: str, sep: str, file: str, first_row: int = 1
                 ) -> tuple[pd.DataFrame, list[Problem]]:
    """The slow path for files whose rows have more cells than the header: a row whose extra
    cells hold text is reported and dropped; one whose extra cells are empty is kept, with a
    warning, for a number written with a comma (11,7 for 11.7) makes exactly such a row: its
    cells after the comma have moved one column to the right."""
    records = list(csv.reader(io.StringIO(text), delimiter=sep))
    rows = records[:1] or [[]]
    width = len(rows[0])
    if sum(bool(c.strip()) for c in rows[0]) <= 1:  # a title line above the header: the width
        width = max(len(r) for r in records[:limits.MAX_TITLE_ROWS + 1])  # is the header's, below it
    skipped, padded = [], []
    for number, row in enumerate(records[1:], start=first_row + 1):
        if len(row) > width:
            if any(c.strip() for c in row[width:]):
                skipped.append((number, len(row)))
                row = []
            else:
                padded.append((number, len(row)))
        rows.append((row + [""] * width)[:width])
    rows[0] = (rows[0] + [""] * width)[:width]
    problems = [file_problem(
        file, "extra_cells", f"此行有 {n} 个单元格，多于表头的 {width} 列，已跳过",
        f"the row has {n} cells but the header has {width}; row skipped", row=number)
        for number, n in skipped[:MAX_PROBLEMS_PER_FILE]]
    problems += [file_problem(
        file, "extra_empty_cells",
        f"此行有 {n} 个单元格，多于表头的 {width} 列；多出的空单元格已忽略。若某个数字写有逗号"
        f"（如 1,234 或 11,7），其后各列的内容已右移一列，请核对此行",
        f"the row has {n} cells but the header has {width}; the extra empty cells are ignored. "
        f"If a number in it is written with a comma (1,234 or 11,7), the cells after it have "
        f"moved one column to the right: check this row", WARNING, row=number)
        for number, n in padded[:MAX_PROBLEMS_PER_FILE]]
    return (pd.DataFrame(rows, dtype=str),
            problems + more_problems(file, len(skipped), ERROR) + more_problems(file, len(padded)))
