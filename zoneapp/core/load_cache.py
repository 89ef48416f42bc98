"""A data folder's last load, kept in the user's cache folder: a folder whose files have not
changed since is opened from that copy instead of being read and checked again.

The window passes its cache folder (QStandardPaths' CacheLocation); nothing is ever written
into the data folder. A copy is used only when all that went into it is the same: the
folder's path (as named and as resolved), the name and kind of each of its entries (and where
a link points), the bytes of each of its files, the data layer's code (its files' sizes and
times, or a frozen build's executable and stamp), Python's version and the packages installed
beside the libraries the load uses. The files are compared by content, not by their times, so a
file rewritten within the same clock tick, or restored from a backup, is never mistaken.

Only small folders are kept (fewer than `MAX_ROWS` rows and `MAX_FOLDER_BYTES` of files):
reading a copy then takes a few milliseconds where checking the files takes ~0.1 s. The
newest `KEEP` copies are kept. A copy that cannot be read is ignored and replaced.
"""
from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
import os
import pickle
import sys
from collections.abc import Callable
from pathlib import Path

from zoneapp import paths
from zoneapp.core.dataset import Dataset
from zoneapp.core.fast.memory import BIG_LOAD_ROWS
from zoneapp.core.io import atomic

FORMAT = 1
MAX_ROWS = BIG_LOAD_ROWS
MAX_FOLDER_BYTES = 32 * 1024 * 1024
KEEP = 8
SUFFIX = ".zoneapp-load"


def load(folder: Path | str, cache_dir: Path | None, *,
         progress: Callable[[float], None] | None = None,
         should_cancel: Callable[[], bool] | None = None,
         previous: Dataset | None = None,
         keep_later: Callable[[Callable[[], object]], None] | None = None) -> Dataset:
    """`load_dataset(folder, ...)`, from the cached copy when the folder is unchanged; a
    fresh load of a small folder is kept for next time. A reload (`previous`) always reads
    the files: what it keeps of the previous load depends on more than the files.

    `keep_later(write)`: given the copy's writer (the dataset already pickled) instead of
    writing it at once, so that the caller can hand the dataset over first. Nothing the cache
    does raises: any failure of it only means the files are read."""
    if cache_dir is None or previous is not None:
        from zoneapp.core.loading import load_dataset

        return load_dataset(folder, progress=progress, should_cancel=should_cancel,
                            previous=previous)
    folder = Path(folder)
    key = fingerprint(folder)
    dataset = read(cache_dir, folder, key) if key is not None else None
    if dataset is not None:
        atomic.protect(folder)  # as load_dataset does: nothing may be written into it
        if progress is not None:
            progress(1.0)
        return dataset
    from zoneapp.core.loading import load_dataset  # here: reading a copy needs none of it

    dataset = load_dataset(folder, progress=progress, should_cancel=should_cancel)
    # Kept only when no file changed while it loaded: what was read is then what `key` says.
    if key is not None and small(dataset) and fingerprint(folder) == key:
        writer = copy_writer(cache_dir, folder, key, dataset)
        if writer is not None:
            (keep_later or _now)(writer)
    return dataset


def fingerprint(folder: Path) -> str | None:
    """What the folder's load depends on, as a hash; None when the folder is too big to
    keep or cannot be listed."""
    try:
        return _fingerprint(folder)
    except Exception:  # noqa: BLE001 -- gone, unreadable, odd names: load it the ordinary way
        return None


def _fingerprint(folder: Path) -> str | None:
    # surrogateescape: a name that is not UTF-8 (Linux bytes) is hashed as its bytes
    digest = hashlib.sha256(_bytes(f"{FORMAT}\n{folder}\n{os.path.realpath(folder)}\n"
                                   f"{_runtime()}\n"))
    total = 0
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        line = [entry.name, _kind(entry)]
        if entry.is_symlink():
            line.append(os.path.realpath(entry.path))  # inside the folder or not
        if entry.is_file():  # following a link: what the load reads
            size = entry.stat().st_size
            total += size
            if total > MAX_FOLDER_BYTES:
                return None
            line += [str(size), _file_hash(entry.path)]
        digest.update(_bytes("\0".join(line) + "\n"))
    return digest.hexdigest()


def read(cache_dir: Path, folder: Path, key: str) -> Dataset | None:
    """The copy of `folder`'s load made under `key`, or None (no copy, another key, a copy
    that cannot be read)."""
    try:
        path = _path(cache_dir, folder)
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        if json.loads(head) != {"format": FORMAT, "key": key}:
            return None
        dataset = pickle.loads(body)
        if not isinstance(dataset, Dataset):
            return None
        atomic.refuse_protected(path)  # a cache inside an opened data folder is not touched
        os.utime(path)  # used now: the last to be pruned (`_prune` keeps the newest)
    except Exception:  # noqa: BLE001 -- a missing, truncated or foreign copy is not used
        return None
    dataset.folder = folder  # as this call names it (the key includes it)
    return dataset


def copy_writer(cache_dir: Path, folder: Path, key: str, dataset: Dataset
                ) -> Callable[[], Path | None] | None:
    """`dataset` pickled now, and a function that writes it as `folder`'s copy (and prunes)
    and never raises: a cache that cannot be written only means the next start reads the
    files again. None when `dataset` cannot be pickled."""
    try:
        data = json.dumps({"format": FORMAT, "key": key}).encode() + b"\n" + \
            pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # noqa: BLE001 -- a frame or a problem pickle refuses
        return None

    def write_copy() -> Path | None:
        try:
            target = _path(cache_dir, folder)
            atomic.refuse_protected(target)  # before mkdir: nothing is made in a data folder
            Path(cache_dir).mkdir(parents=True, exist_ok=True)
            target = atomic.write_bytes_atomic(target, data)
        except Exception:  # noqa: BLE001 -- a full disk, a read-only or protected cache
            return None
        _prune(cache_dir)
        return target

    return write_copy


def small(dataset: Dataset) -> bool:
    """Whether a copy of `dataset` is kept: fewer than MAX_ROWS rows in all."""
    return sum(len(frame) for frame in dataset.tables.values()) < MAX_ROWS


def _now(write: Callable[[], object]) -> None:
    write()


def _path(cache_dir: Path, folder: Path) -> Path:
    name = hashlib.sha256(_bytes(str(folder.absolute()))).hexdigest()[:32]
    return Path(cache_dir) / f"{name}{SUFFIX}"


def _bytes(text: str) -> bytes:
    return text.encode("utf-8", "surrogateescape")


def _prune(cache_dir: Path) -> None:
    """Keep the newest KEEP copies; one that cannot be removed now is left for next time."""
    def newest_first(path: Path) -> float:
        try:
            return -path.stat().st_mtime
        except OSError:
            return 0.0

    try:
        copies = sorted(Path(cache_dir).glob(f"*{SUFFIX}"), key=newest_first)
    except OSError:
        return
    for old in copies[KEEP:]:
        with contextlib.suppress(OSError):
            old.unlink(missing_ok=True)


def _kind(entry: os.DirEntry) -> str:
    if entry.is_symlink():
        return "link"
    if entry.is_dir(follow_symlinks=False):
        return "dir"
    return "file" if entry.is_file(follow_symlinks=False) else "other"


def _file_hash(path: str) -> str:
    digest = hashlib.blake2b()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


# The libraries a load uses: pandas, pyarrow and numpy, and for workbooks python-calamine,
# openpyxl and msoffcrypto.
LIBRARIES = ("pandas", "pyarrow", "numpy", "python_calamine", "openpyxl", "msoffcrypto")


def _versions() -> str:
    """Python's version and the packages installed where the load's libraries are (each
    folder's *.dist-info names, which carry the versions): an upgraded library may read a
    cell otherwise, or not read an older pickle. One listing per folder, without importing
    the libraries (importlib.metadata alone would take ~35 ms of every start)."""
    sites: set[str] = set()
    for name in LIBRARIES:
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            spec = None
        if spec is not None and spec.origin:
            sites.add(os.path.dirname(os.path.dirname(spec.origin)))
    names = [sys.version]
    for site in sorted(sites):
        try:
            names += sorted(n for n in os.listdir(site) if n.endswith((".dist-info", ".egg-info")))
        except OSError:
            names.append(f"{site}: not listed")
    return "; ".join(names)


CORE = Path(__file__).resolve().parent  # the data layer: the modules that make a Dataset
_RUNTIME: list[str] = []  # computed once per process


def _runtime() -> str:
    """What the load runs on: `_versions()` and the data layer's code, a frozen build's
    executable (which holds its modules) and stamp, else each of CORE's modules' size and
    time (an edited module, a checkout of another commit, makes every copy stale)."""
    if not _RUNTIME:
        code = _frozen_code() if paths.FROZEN else code_of(CORE)
        _RUNTIME.append(f"{_versions()}\n{code}")
    return _RUNTIME[0]


def _frozen_code() -> str:
    info = os.stat(sys.executable)
    stamp = paths.BUILD_STAMP.read_text(encoding="utf-8") \
        if paths.BUILD_STAMP is not None and paths.BUILD_STAMP.is_file() else ""
    return f"{sys.executable} {info.st_size} {info.st_mtime_ns} {stamp}"


def code_of(package: Path) -> str:
    """A hash of every module under `package`: its path, size and modification time."""
    digest = hashlib.sha256()
    for top, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            info = os.stat(os.path.join(top, name))
            digest.update(_bytes(f"{top} {name} {info.st_size} {info.st_mtime_ns}\n"))
    return digest.hexdigest()
