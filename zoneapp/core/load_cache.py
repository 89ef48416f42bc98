"""A data folder's last load, kept in the user's cache folder: a folder whose files have not
changed since is opened from that copy instead of being read and checked again.

The window passes its cache folder (QStandardPaths' CacheLocation); nothing is ever written
into the data folder. A copy is used only when all that went into it is the same: the
folder's path, the name and kind of each of its entries, the bytes of each of its files,
ZoneApp's code (its files' sizes and times, or a frozen build's stamp) and the versions of
Python, pandas and pyarrow. The files are compared by content, not by their times, so a
file rewritten within the same clock tick, or restored from a backup, is never mistaken.

Only small folders are kept (fewer than `MAX_ROWS` rows and `MAX_FOLDER_BYTES` of files):
reading a copy then takes a few milliseconds where checking the files takes ~0.1 s. The
newest `KEEP` copies are kept. A copy that cannot be read is ignored and replaced.
"""
from __future__ import annotations

import contextlib
import hashlib
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
         previous: Dataset | None = None) -> Dataset:
    """`load_dataset(folder, ...)`, from the cached copy when the folder is unchanged; a
    fresh load of a small folder is kept for next time. A reload (`previous`) always reads
    the files: what it keeps of the previous load depends on more than the files."""
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
    from zoneapp.core.loading import load_dataset  # here: a copy read needs none of it

    dataset = load_dataset(folder, progress=progress, should_cancel=should_cancel)
    # Kept only when no file changed while it loaded: what was read is then what `key` says.
    if key is not None and fingerprint(folder) == key:
        write(cache_dir, folder, key, dataset)
    return dataset


def fingerprint(folder: Path) -> str | None:
    """What the folder's load depends on, as a hash; None when the folder is too big to
    keep or cannot be listed."""
    digest = hashlib.sha256(f"{FORMAT}\n{folder}\n{_versions()}\n{_code()}\n".encode())
    total = 0
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return None
    for entry in entries:
        try:
            line = [entry.name, _kind(entry)]
            if entry.is_symlink():
                line.append(os.path.realpath(entry.path))  # inside the folder or not
            if entry.is_file():  # following a link: what the load reads
                size = entry.stat().st_size
                total += size
                if total > MAX_FOLDER_BYTES:
                    return None
                line += [str(size), _file_hash(entry.path)]
        except OSError:
            return None  # gone or unreadable while listed: load it the ordinary way
        digest.update(json.dumps(line, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def read(cache_dir: Path, folder: Path, key: str) -> Dataset | None:
    """The copy of `folder`'s load made under `key`, or None (no copy, another key, a copy
    that cannot be read)."""
    path = _path(cache_dir, folder)
    try:
        data = path.read_bytes()
        head, _, body = data.partition(b"\n")
        if json.loads(head) != {"format": FORMAT, "key": key}:
            return None
        dataset = pickle.loads(body)
    except Exception:  # noqa: BLE001 -- a missing, truncated or foreign copy is not used
        return None
    if not isinstance(dataset, Dataset):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # used now: the last to be pruned (`_prune` keeps the newest)
    dataset.folder = folder  # as this call names it (the key includes it)
    return dataset


def write(cache_dir: Path, folder: Path, key: str, dataset: Dataset) -> Path | None:
    """Keep `dataset` as `folder`'s copy under `key` when it is small; the path written, or
    None. Never raises: a cache that cannot be written only means the next start reads the
    files again."""
    if sum(len(frame) for frame in dataset.tables.values()) >= MAX_ROWS:
        return None
    try:
        head = json.dumps({"format": FORMAT, "key": key}).encode()
        body = pickle.dumps(dataset, protocol=pickle.HIGHEST_PROTOCOL)
        Path(cache_dir).mkdir(parents=True, exist_ok=True)
        target = atomic.write_bytes_atomic(_path(cache_dir, folder), head + b"\n" + body)
    except Exception:  # noqa: BLE001 -- a full disk, a read-only cache, a frame pickle refuses
        return None
    _prune(cache_dir)
    return target


def _path(cache_dir: Path, folder: Path) -> Path:
    name = hashlib.sha256(str(folder.absolute()).encode()).hexdigest()[:32]
    return Path(cache_dir) / f"{name}{SUFFIX}"


def _prune(cache_dir: Path) -> None:
    """Keep the newest KEEP copies."""
    try:
        copies = sorted(Path(cache_dir).glob(f"*{SUFFIX}"), key=lambda p: p.stat().st_mtime,
                        reverse=True)
        for old in copies[KEEP:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


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


def _versions() -> str:
    """Python's and the libraries' versions: a copy pickled by others may not read back."""
    import pandas  # the copy is read with it in any case; it brings pyarrow when installed

    libs = [sys.version, f"pandas {pandas.__version__}"]
    for name in ("pyarrow", "numpy"):
        libs.append(f"{name} {getattr(sys.modules.get(name), '__version__', '-')}")
    return "; ".join(libs)


_CODE: list[str] = []  # computed once per process


def _code() -> str:
    """The data layer's code (zoneapp/core, which makes the Dataset): a frozen build's
    executable (which holds its modules), else each module's size and time (an edited module,
    a checkout of another commit, makes every copy stale)."""
    if not _CODE:
        if paths.FROZEN:
            info = os.stat(sys.executable)
            _CODE.append(f"{sys.executable} {info.st_size} {info.st_mtime_ns}")
        else:
            digest = hashlib.sha256()
            core = Path(__file__).resolve().parent
            for top, dirs, files in os.walk(core):
                dirs[:] = sorted(d for d in dirs if d != "__pycache__")
                for name in sorted(f for f in files if f.endswith(".py")):
                    info = os.stat(os.path.join(top, name))
                    digest.update(f"{top} {name} {info.st_size} {info.st_mtime_ns}\n".encode())
            _CODE.append(digest.hexdigest())
    return _CODE[0]
