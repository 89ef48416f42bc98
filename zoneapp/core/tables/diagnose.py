"""`validate`'s word on a file that is a published statistics table, not one of the folder's."""
from __future__ import annotations

from pathlib import Path

from zoneapp.core.problems import ERROR, Problem


def diagnose_path(path: Path, file: str, folder: Path, severity: str = ERROR) -> list[Problem]:
    """One problem saying what the file looks like and how to import it; [] when it does not
    look like a table the importer understands."""
    from .describe import diagnose

    found = diagnose(path, file, folder)
    if found is None:
        return []
    return [Problem(found.file, found.row, found.column, found.message_zh, found.message_en,
                    found.code, severity)]
