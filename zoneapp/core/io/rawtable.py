"""The table a reader returns, and the steps every reader ends with: limits, blank rows, tidying."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zoneapp.core.io import limits
from zoneapp.core.fast import workers
from zoneapp.core.io.file_problems import (MAX_PROBLEMS_PER_FILE, empty_file, file_problem,
                                           more_problems, over_limits)
from zoneapp.core.io.formula import restore_series
from zoneapp.core.problems import WARNING, Problem


@dataclass
class RawTable:
    header: list[str]
    cells: pd.DataFrame  # columns 0..len(header)-1, str (see NumberColumns); index = spreadsheet row
    problems: list[Problem] = field(default_factory=list)
    header_row: int = 1  # the spreadsheet row the header is on (below blank rows or a title)

    def header_further_down(self, position: int) -> RawTable:
        """The table with the data row at `position` (of `cells`) as its header: what is above
        it -- a title, blank rows -- left out; the rows keep their spreadsheet numbers."""
        row = self.cells.iloc[position]
        header = ["" if _missing(v) else str(v).strip()[:limits.MAX_CELL_CHARS] for v in row]
        return RawTable(header, self.cells.iloc[position + 1:], list(self.problems),
                        int(self.cells.index[position]))


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and np.isnan(value))


# header -> {position: (whole numbers only, the least value allowed or None)} for the columns
# of numbers. A CSV's number columns are then read as float64 (NaN when blank) -- but only
# when every cell is a plain number the checks will accept; any other file is read as text.
NumberColumns = Callable[[list[str]], dict[int, tuple[bool, float | None]]]


def finish_table(frame: pd.DataFrame, header: list[str] | None, file: str, problems: list[Problem],
                 guarded: bool = False, first_row: int = 1) -> RawTable | list[Problem]:
    """Split off the header, number the rows, drop blank rows and unnamed blank columns.
    `guarded`: the file is a CSV, whose formula-like text may carry the export's apostrophe.
    `header`: read apart (`csv_reader._Parse.typed`): every row of `frame` is data, and its
    float64 columns are numbers, kept as they are."""
    data_rows = len(frame) if header is not None else len(frame) - 1
    too_big = over_limits(file, data_rows, frame.shape[1])
    if too_big:
        return too_big
    header_row = first_row  # the row the frame's first line is on (blank lines left out above)
    if header is None:
        frame = frame.fillna("").astype(str)
        # Blank rows above the header (a sheet that starts lower down) are not the header.
        filled = np.zeros(len(frame), dtype=bool)
        for column in frame.columns:  # whole columns at a time, not row by row
            filled |= (frame[column].str.strip() != "").to_numpy(dtype=bool)
        lead = int(np.argmax(filled)) if filled.any() else 0
        header_row += lead
        header = frame.iloc[lead].tolist()
        cells = frame.iloc[lead + 1:]
        data_rows = len(cells)
    else:
        cells = frame
    header = [str(h).strip()[:limits.MAX_CELL_CHARS] for h in header]
    cells.index = pd.RangeIndex(header_row + 1, header_row + 1 + data_rows)
    cells.columns = range(len(header))
    columns = [cells[col] for col in cells.columns]
    spans = list(workers.shared_pool().map(byte_span, columns)
                 if len(cells) >= workers.PARALLEL_ROWS and workers.parallel()
                 else map(byte_span, columns))
    del columns
    some_blank, all_blank = _blank_columns(cells, spans)
    if all(some_blank):  # only then can a row be blank; cells holding only spaces are data
        blank_rows = np.logical_and.reduce([_blank(cells[i]) for i in cells.columns])
        if blank_rows.any():  # else no copy: a million-row frame is not taken row by row
            cells = cells[~blank_rows]
            all_blank = [bool(_blank(cells[i]).all()) for i in cells.columns]
    keep = [i for i, h in enumerate(header) if h or not all_blank[i]]
    if len(keep) < len(header):
        header = [header[i] for i in keep]
        spans = [spans[i] for i in keep]
        cells = cells[keep]
        cells.columns = range(len(header))
    if not any(header):
        return problems + [empty_file(file)]
    # The longest cells as read: rows left out since can only make them shorter.
    cells = _tidy(cells, header, file, problems, guarded, [s and s[1] for s in spans])
    if cells.empty:
        problems.append(file_problem(file, "empty_file", "文件只有表头，没有数据行",
                                     "the file has a header but no data rows", WARNING))
    return RawTable(header, cells, problems, header_row)


def _blank_columns(cells: pd.DataFrame, spans: list[tuple[int, int] | None]
                   ) -> tuple[list[bool], list[bool]]:
    """For each column: whether some cell is "", and whether every cell is. Read from the
    arrow offsets (`spans`: `byte_span` of each) for pyarrow-backed text, so no whole-frame
    compare is made."""
    some, every = [], []
    for col, span in zip(cells.columns, spans):
        if span is None:
            blank = _blank(cells[col])
            some.append(bool(blank.any()))
            every.append(bool(blank.all()))
        else:
            some.append(span[0] == 0)
            every.append(span[1] == 0)
    return some, every


def _blank(series: pd.Series) -> np.ndarray:
    """Which cells are blank: "" in text, NaN in a column of numbers."""
    if series.dtype.kind == "f":
        return series.isna().to_numpy()
    return (series == "").to_numpy(dtype=bool)


def byte_span(series: pd.Series) -> tuple[int, int] | None:
    """The shortest and longest cell in UTF-8 bytes, read from the arrow offsets; None when
    the column is not pyarrow-backed text, or holds a missing value."""
    if not len(series) or not isinstance(series.dtype, pd.StringDtype) \
            or series.dtype.storage != "pyarrow":
        return None
    import pyarrow as pa

    array = pa.array(series.array)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    chunks = [c for c in chunks if len(c)]
    if any(c.null_count for c in chunks):
        return None
    spans = []
    for chunk in chunks:
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        offsets = np.frombuffer(chunk.buffers()[1], dtype=width)
        lengths = np.diff(offsets[chunk.offset:chunk.offset + len(chunk) + 1])
        spans.append((int(lengths.min()), int(lengths.max())))
    return min(low for low, _ in spans), max(high for _, high in spans)


def _tidy(cells: pd.DataFrame, header: list[str], file: str, problems: list[Problem],
          guarded: bool, longest: list[int | None]) -> pd.DataFrame:
    """Cut cells longer than `limits.MAX_CELL_CHARS` (with a warning each) and take the guard
    apostrophe off formula-like text. Column-wise and vectorised; untouched columns stay as is.
    `longest`: each column's longest cell in UTF-8 bytes, or None when not known."""
    cut = 0
    for col in cells.columns:
        original = series = cells[col]
        if series.dtype.kind == "f":
            continue  # a column of numbers (`csv_reader._Parse.typed`): no text to tidy
        if guarded:
            series = restore_series(series)
        # A character is at least a byte: when no cell has more bytes, none is too long.
        most = longest[col] if series is original and longest[col] is not None \
            else _max_bytes(series)
        long = series.str.len() > limits.MAX_CELL_CHARS if most > limits.MAX_CELL_CHARS else None
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
    problems += more_problems(file, cut)
    return cells


def _max_bytes(series: pd.Series) -> float:
    """The longest cell's UTF-8 length in bytes (from the arrow offsets), or inf when the
    column is not pyarrow-backed text and so cannot say cheaply."""
    span = byte_span(series)
    return float("inf") if span is None else span[1]
