"""What the loader will read, declared once: file sizes, rows, cells, and xlsx zip limits.

A file over a limit is not read; the user gets a problem naming the file and the limit. The
values are module attributes read at call time, so tests can lower them with monkeypatch.
"""
from __future__ import annotations

MB = 1024 * 1024

MAX_CSV_BYTES = 256 * MB  # a CSV file on disk
MAX_XLSX_BYTES = 64 * MB  # an xlsx file on disk (compressed)
MAX_ROWS = 3_000_000  # data rows in one table (the benchmarks load 1,000,000 and 2,400,000)
MAX_COLUMNS = 500  # columns in one table's header row
MAX_CELLS = 50_000_000  # rows x columns in one table
MAX_CELL_CHARS = 32_767  # Excel's own limit for one cell; longer cells are cut with a warning
MAX_TITLE_ROWS = 10  # rows above the header a sheet may give to a title and notes

# An xlsx is a zip: its parts are checked against these before any reader unpacks it.
MAX_XLSX_UNCOMPRESSED = 1024 * MB  # all parts together, as the zip declares and as unpacked
MAX_XLSX_RATIO = 100  # uncompressed / compressed, for any part bigger than RATIO_FLOOR;
# real sheets compress 5-30 times, a zip bomb hundreds or thousands of times
RATIO_FLOOR = 1 * MB  # small parts may compress as well as they like
MAX_XLSX_PARTS = 10_000  # files inside the zip


def mb(size: int) -> str:
    """A size as people read it: "256 MB", "1.5 MB", "12 KB", "100 bytes"."""
    if size >= MB:
        return f"{size / MB:.1f}".removesuffix(".0") + " MB"
    if size >= 1024:
        return f"{size / 1024:.0f} KB"
    return f"{size} bytes"
