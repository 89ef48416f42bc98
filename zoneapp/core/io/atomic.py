"""Write a file so that a failure leaves either the old file or nothing, never half a file."""
from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

_UMASK_LOCK = threading.Lock()

# Data folders this process has read: ZoneApp never writes into them (see `protect`).
_PROTECTED: set[Path] = set()
# (device, inode) -> the protected folder: an alias (bind mount) of it is caught too.
_PROTECTED_IDS: dict[tuple[int, int], Path] = {}
# Folders the calling thread may write into for now, protected or not: the one exemption,
# an import the user asked for and confirmed (see `user_confirmed_write`).
_EXEMPT = threading.local()
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
    folder = Path(folder).resolve()
    _PROTECTED.add(folder)
    with contextlib.suppress(OSError):
        st = os.stat(folder)
        _PROTECTED_IDS[(st.st_dev, st.st_ino)] = folder


@contextlib.contextmanager
def user_confirmed_write(folder: Path | str) -> Iterator[None]:
    """Let this thread, inside the block, write into `folder` although it is protected.

    The single exemption from `protect`: File → Import table… writes the data folder the user
    chose after they confirmed what will be written (backup, atomic writes, recipe). Other
    threads, other folders and anything after the block are refused as before."""
    folder = Path(folder).resolve()
    exempt = getattr(_EXEMPT, "folders", ())
    _EXEMPT.folders = (*exempt, folder)
    try:
        yield
    finally:
        _EXEMPT.folders = exempt


def _exempt(resolved: Path) -> bool:
    return any(resolved == f or f in resolved.parents for f in getattr(_EXEMPT, "folders", ()))


def refuse_protected(target: Path) -> None:
    """Raise WriteError when `target` is inside a protected data folder: by path, and by
    device and inode (a bind mount or another alias of the folder has another path) --
    unless this thread is inside `user_confirmed_write` for it."""
    resolved = Path(target).resolve()
    if _exempt(resolved):
        return
    if any(resolved == f or f in resolved.parents for f in _PROTECTED) or _same_folder(resolved):
        raise WriteError(target, OSError(errno.EACCES, NO_WRITE_IN_DATA))


def _same_folder(resolved: Path) -> bool:
    """Whether `resolved` or a folder above it is a protected folder under any name."""
    if not _PROTECTED_IDS:
        return False
    for folder in (resolved, *resolved.parents):
        try:
            st = os.stat(folder)
        except OSError:
            continue  # not made yet: its parent decides
        original = _PROTECTED_IDS.get((st.st_dev, st.st_ino))
        if original is not None and _ids(original) == (st.st_dev, st.st_ino):
            return True  # (a deleted folder's inode may be reused by a new one: checked)
    return False


def _ids(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


class IncompleteWrite(OSError):
    """The temporary file is not what the writer meant to write (cut short, no end marker).

    Its errno is ENOSPC when the file system is (nearly) full -- the usual cause when a
    writer such as QPdfWriter swallows its own write errors -- else EIO."""

    def __init__(self, path: Path, what: str) -> None:
        code = errno.ENOSPC if _nearly_full(path) else errno.EIO
        super().__init__(code, f"{os.strerror(code)} ({what})")


def _nearly_full(path: Path) -> bool:
    try:
        st = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return st.f_bavail * st.f_frsize < 1024 * 1024


def require_size(path: Path, size: int) -> None:
    """Raise IncompleteWrite unless `path` holds exactly `size` bytes."""
    got = path.stat().st_size
    if got != size:
        raise IncompleteWrite(path, f"{got} of {size} bytes written")


def require_nonempty(path: Path) -> None:
    if path.stat().st_size == 0:
        raise IncompleteWrite(path, "nothing was written")


def require_pdf(path: Path) -> None:
    """Raise IncompleteWrite unless `path` starts like a PDF and ends with %%EOF."""
    size = path.stat().st_size
    with open(path, "rb") as fh:
        head = fh.read(5)
        fh.seek(max(size - 64, 0))
        tail = fh.read()
    if size == 0 or head != b"%PDF-" or not tail.rstrip().endswith(b"%%EOF"):
        raise IncompleteWrite(path, f"the PDF is cut short at {size} bytes")


def require_zip(path: Path) -> None:
    """Raise IncompleteWrite unless `path` is a whole zip archive (xlsx): its directory reads."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            archive.infolist()
    except (zipfile.BadZipFile, EOFError) as exc:
        raise IncompleteWrite(path, f"the archive is incomplete: {exc}") from exc


# Our temporary files: ".NAME.zoneapp-PID.RANDOM.part" (see atomic_path).
_PART = re.compile(r"^\..+\.zoneapp-(\d+)\.[A-Za-z0-9_]+\.part$")
_LIVE_PARTS: set[Path] = set()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):  # PermissionError: it exists; or a platform without signals
        return True
    return True


def remove_stale_parts(folder: Path) -> list[Path]:
    """Delete the temporary files a killed ZoneApp left in `folder` (its own name pattern
    only, and only when the process that made it is gone); return what was removed."""
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _PART.match(entry.name)
        if not match or not entry.is_file(follow_symlinks=False):
            continue
        path, pid = Path(entry.path), int(match.group(1))
        if path in _LIVE_PARTS or (pid != os.getpid() and _pid_alive(pid)):
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


@contextlib.contextmanager
def atomic_path(target: Path | str,
                check: Callable[[Path], None] | None = None) -> Iterator[Path]:
    """Yield a temporary path beside `target`; on success it replaces `target` in one step.

    The temporary file sits in the target's folder so that `os.replace` is a rename on the
    same file system. The result has the old file's permissions, or the usual ones for a new
    file (0o666 less the umask) -- not mkstemp's private 0o600. On any exception the temporary
    file is removed and `target` is untouched. An OSError from the file system (creating,
    syncing or renaming) is raised as WriteError naming `target`.

    After the caller's block the file is flushed to disk and, when given, `check(tmp)` must
    pass (e.g. `require_pdf`) before anything is replaced: a writer that swallows its own
    errors (QPdfWriter on a full disk) cannot put a cut file in place of a good one.
    """
    target = Path(target)
    refuse_protected(target)
    remove_stale_parts(target.parent)
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.zoneapp-{os.getpid()}.",
                                        suffix=".part", dir=target.parent)
    except OSError as exc:
        raise WriteError(target, exc) from exc
    os.close(fd)
    tmp = Path(tmp_name)
    _LIVE_PARTS.add(tmp)
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
            if check is not None:
                check(tmp)
            if sys.platform != "win32":
                os.chmod(tmp, _new_file_mode(target))
            os.replace(tmp, target)
        except OSError as exc:
            raise WriteError(target, exc) from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    finally:
        _LIVE_PARTS.discard(tmp)


def write_bytes_atomic(target: Path | str, data: bytes) -> Path:
    """Write `data` to `target` atomically; the file must hold every byte before it replaces."""
    with atomic_path(target, check=lambda p: require_size(p, len(data))) as tmp:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
    return Path(target)
