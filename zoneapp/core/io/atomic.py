"""Write a file so that a failure leaves either the old file or nothing, never half a file."""
from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

_UMASK_LOCK = threading.Lock()

# Data folders this process has read: ZoneApp never writes into them (see `protect`).
_PROTECTED: set[Path] = set()
NO_WRITE_IN_DATA = ("ZoneApp 不会写入数据文件夹，请另选位置 / "
                    "ZoneApp does not write into a data folder; choose another place")


class WriteError(OSError):
    """Writing `target` failed. `target` is the path the caller asked for, never the temporary
    file; `reason` is the operating system's text (e.g. "Not a directory")."""

    def __init__(self, target: Path, cause: OSError) -> None:
        reason = cause.strerror or str(cause)
        if cause.errno is None:  # a plain OSError("...") raised by the caller's writer
            super().__init__(reason)
        else:  # str(): "[Errno 20] Not a directory: '<target>'", like any OSError
            super().__init__(cause.errno, reason, str(target))
        self.target = Path(target)
        self.reason = reason


def _umask() -> int:
    """The process umask, without leaving it changed (Linux reads it, elsewhere set-and-restore)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0)
        os.umask(mask)
    return mask


def _new_file_mode(target: Path) -> int:
    """The target's current permission bits, or what a plain `open(target, "w")` would give."""
    try:
        return stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return 0o666 & ~_umask()


def protect(folder: Path | str) -> None:
    """Refuse every later write into `folder` or below it (the loader calls this)."""
    _PROTECTED.add(Path(folder).resolve())


def refuse_protected(target: Path) -> None:
    resolved = target.resolve()
    if any(resolved == f or f in resolved.parents for f in _PROTECTED):
        raise WriteError(target, OSError(errno.EACCES, NO_WRITE_IN_DATA))


@contextlib.contextmanager
def atomic_path(target: Path | str) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    The temporary file sits in the target's folder so that `os.replace` is a rename on the
    same file system. The result has the old file's permissions, or the usual ones for a new
    file (0o666 less the umask) -- not mkstemp's private 0o600. On any exception the temporary
    file is removed and `target` is untouched. An OSError from the file system (creating,
    syncing or renaming) is raised as WriteError naming `target`.
    """
    target = Path(target)
    refuse_protected(target)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part",
                                        dir=target.parent)
    except OSError as exc:
        raise WriteError(target, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        try:
            yield tmp
        except WriteError:
            raise
        except OSError as exc:  # the caller's write into `tmp` failed: name the real target
            raise WriteError(target, exc) from exc
        try:
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
            if sys.platform != "win32":
                os.chmod(tmp, _new_file_mode(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise WriteError(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def write_bytes_atomic(target: Path | str, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return Path(target)
