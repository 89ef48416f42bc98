"""Does a table file look completely written? The folder watcher waits for this before a
reload, so a save caught half-way (a writer that pauses) does not count as a save."""
from __future__ import annotations

import zipfile
from pathlib import Path


def looks_complete(path: Path) -> bool:
    """A CSV ends with a line break (Excel, WPS and pandas all end one so); an xlsx is a zip
    whose directory (written last) reads. Anything else, or a file that cannot be read, is
    taken as it is: the loader reports what is wrong with it."""
    suffix = path.suffix.lower()
    try:
        if suffix in (".csv", ".txt"):
            with open(path, "rb") as fh:
                fh.seek(0, 2)
                if fh.tell() == 0:
                    return False
                fh.seek(-1, 2)
                return fh.read(1) in (b"\n", b"\r")
        if suffix == ".xlsx":
            with zipfile.ZipFile(path) as archive:
                archive.infolist()
            return True
    except (OSError, zipfile.BadZipFile, EOFError):
        return suffix != ".xlsx" and path.exists()
    return True
