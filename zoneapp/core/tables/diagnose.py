"""`validate`'s word on a file that is a published statistics table, not one of the folder's."""
from __future__ import annotations

from pathlib import Path

from zoneapp.core.problems import ERROR, Problem


def diagnose_path(path: Path, file: str, folder: Path, severity: str = ERROR,
                  table=None) -> list[Problem]:
    """One problem saying what the file looks like and how to import it; [] when it does not
    look like a table the importer understands -- or, given the schema `table` the file is
    named for, when its first row already names two of that table's columns (then it is that
    table with something missing, and the loader's own problems say what)."""
    from .describe import diagnose

    if table is not None and _names_columns(path, file, table):
        return []
    found = diagnose(path, file, folder)
    if found is None:
        return []
    return [Problem(found.file, found.row, found.column, found.message_zh, found.message_en,
                    found.code, severity)]


def _names_columns(path: Path, file: str, table) -> bool:
    from zoneapp.core.io.headers import column_names, header_key
    from .grid import ImportFailed, read_grid

    try:
        grid = read_grid(path, file=file, max_rows=12)
    except ImportFailed:
        return False
    names = column_names(table)
    first = next((r for r in grid.rows if any(str(v).strip() for v in r if v is not None)), [])
    return sum(header_key(str(v)) in names for v in first if v is not None) >= 2
