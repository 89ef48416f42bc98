"""What a failed save tells the user: the file, the system's reason, and what to do about it.

On Windows, Excel and WPS keep a workbook they show locked, so saving over a CSV the user
still has open is refused ("Permission denied"): the commonest failed export of all, and one
the system's own text does not explain.
"""
from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from zoneapp.core.io.atomic import NO_WRITE_IN_DATA

_REFUSED = (errno.EACCES, errno.EPERM)
# ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
_WINDOWS_REFUSED = (5, 32, 33)


def _refused(exc: BaseException) -> bool:
    if getattr(exc, "winerror", None) in _WINDOWS_REFUSED:
        return True
    return isinstance(exc, OSError) and exc.errno in _REFUSED


def advice(exc: BaseException, path: Path | str | None = None) -> str:
    """What to do when writing `path` failed with `exc`; "" when there is nothing to add."""
    if not _refused(exc) or NO_WRITE_IN_DATA in str(exc):
        return ""  # the data folder's own refusal already says what to do
    target = getattr(exc, "target", None) or path
    if target is not None and Path(target).is_file():
        return QCoreApplication.translate(
            "WriteFailure",
            "If the file is open in Excel, WPS or another program, close it there and save again.")
    return QCoreApplication.translate(
        "WriteFailure", "You may not have permission to write there; choose another folder.")


def failure_text(exc: BaseException, path: Path | str | None = None) -> str:
    """`path` (when given), the system's reason and the advice, one to a line."""
    lines = [str(path)] if path is not None else []
    lines.append(str(exc))
    tip = advice(exc, path)
    if tip:
        lines.append(tip)
    return "\n".join(lines)
