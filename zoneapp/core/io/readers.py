"""A table file's bytes -> its header and a frame of strings, or problems saying why not.

Every cell comes back as a string, "" when blank -- except a CSV's columns of plain numbers
when the caller names them (`NumberColumns`): float64, NaN when blank. The frame's columns are positions (0, 1, ...)
matching `RawTable.header`, and its index is the spreadsheet row number (header = row 1), so
blank lines and Excel's `sep=` line never shift the rows a problem points at.

The reading itself is split by format: `csv_reader` (with `decoding`) and `xlsx_reader`, on the
shared `rawtable`; this module opens the file and re-exports their public names.
"""
from __future__ import annotations

import os
from pathlib import Path

from zoneapp.core.io import csv_plan, csv_reader
from zoneapp.core.io import limits
from zoneapp.core.io.csv_reader import read_csv
from zoneapp.core.io.decoding import decode, decode_text
from zoneapp.core.problems import Problem
from zoneapp.core.io.file_problems import MAX_PROBLEMS_PER_FILE, file_problem
from zoneapp.core.io.rawtable import NumberColumns, RawTable
from zoneapp.core.io.xlsx_reader import OLE2_MAGIC, ZIP_MAGIC, cell_text, read_xlsx

__all__ = ["MAX_PROBLEMS_PER_FILE", "OLE2_MAGIC", "ZIP_MAGIC", "NumberColumns", "RawTable",
           "cell_text", "decode", "decode_text", "read_csv", "read_table", "read_xlsx"]


def read_table(path: Path, file: str, sheet_names: tuple[str, ...] = (),
               numbers: NumberColumns | None = None) -> RawTable | list[Problem]:
    """Read a .csv or .xlsx file; `file` is its name as problems show it.

    A file over its size limit (`limits`) is not read at all, and one that cannot be opened
    (locked by Excel, no permission, gone) is a problem, not an exception."""
    xlsx = path.suffix.lower() == ".xlsx"
    cap = limits.MAX_XLSX_BYTES if xlsx else limits.MAX_CSV_BYTES
    tried_fast = False
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if not xlsx and csv_plan.STREAM_BLOCK < size <= cap:
                streamed = csv_reader.read_csv_streamed(path, handle, file, cap, numbers)
                if streamed is not None:
                    return streamed
                tried_fast = True
                handle.seek(0)
            data = b"" if size > cap else handle.read(size + 1)  # + 1: grown since fstat
    except OSError as err:
        reason = err.strerror or str(err)
        return [file_problem(file, "unreadable", f"无法打开文件：{reason}（文件是否正被其他程序占用？）",
                             f"cannot open the file: {reason} (is another program using it?)")]
    if size > cap or len(data) > cap:
        return [file_problem(file, "too_large", f"文件过大（{limits.mb(max(size, len(data)))}），"
                             f"上限为 {limits.mb(cap)}，未读取。",
                             f"the file is too large ({limits.mb(max(size, len(data)))}); the limit "
                             f"is {limits.mb(cap)}; not read.")]
    if xlsx:
        return read_xlsx(data, file, sheet_names)
    box = [data]
    del data  # the reader lets go of the raw bytes once it has the cells (see read_csv_box)
    return csv_reader.read_csv_box(box, file, numbers, try_fast=not tried_fast)
