"""core.load_cache: an unchanged folder opens from its last load; any change reads the files."""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pandas.testing as pdt
import pytest

from zoneapp.core import load_cache, loading
from zoneapp.core.io import atomic
from zoneapp.paths import DEFAULT_DATA


@pytest.fixture
def counted_loads(monkeypatch):
    """The folders `load_dataset` really read, in order."""
    real = loading.load_dataset
    folders = []

    def counting(folder, **kwargs):
        folders.append(folder)
        return real(folder, **kwargs)

    monkeypatch.setattr(loading, "load_dataset", counting)
    return folders


def _same(a, b) -> None:
    assert a.tables.keys() == b.tables.keys()
    for name in a.tables:
        pdt.assert_frame_equal(a.tables[name], b.tables[name])
        assert a.tables[name].attrs == b.tables[name].attrs
    pdt.assert_frame_equal(a.indicators, b.indicators)
    assert (a.manifest, a.problems, a.stale, a.sections) == \
        (b.manifest, b.problems, b.stale, b.sections)


def _rewrite_keeping_time(path, old: str, new: str) -> None:
    """Replace `old` by `new` (same length) and put the file's times back."""
    info = path.stat()
    data = path.read_bytes()
    assert old.encode() in data and len(old.encode()) == len(new.encode())
    path.write_bytes(data.replace(old.encode(), new.encode(), 1))
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns))
    assert path.stat().st_size == info.st_size


def test_an_unchanged_folder_opens_from_the_copy(zone_folder, tmp_path, counted_loads):
    cache = tmp_path / "cache"
    first = load_cache.load(zone_folder, cache)
    assert counted_loads == [zone_folder]
    assert [p.suffix for p in cache.iterdir()] == [load_cache.SUFFIX]
    progress = []
    second = load_cache.load(zone_folder, cache, progress=progress.append)
    assert counted_loads == [zone_folder]  # not read again
    assert second is not first and second.folder == zone_folder
    assert progress == [1.0]
    _same(first, second)
    assert "indicators" in second.tables and len(second.indicators) > len(second.tables["indicators"])


def test_a_file_changed_in_place_is_read_again(zone_folder, tmp_path, counted_loads):
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    # Same size, same modification time: only the content tells.
    _rewrite_keeping_time(zone_folder / "indicators.csv", ",506.1,", ",605.1,")
    dataset = load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2
    revenue = dataset.tables["indicators"].query("key == 'revenue' and period == 2019")
    assert revenue["value"].tolist() == [605.1]


@pytest.mark.parametrize("change", ["added", "removed", "renamed", "zone.toml"])
def test_a_changed_list_of_files_is_read_again(zone_folder, tmp_path, counted_loads, change):
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    if change == "added":
        (zone_folder / "notes.txt").write_text("x", encoding="utf-8")
    elif change == "removed":
        (zone_folder / "honours.csv").unlink()
    elif change == "renamed":
        (zone_folder / "honours.csv").rename(zone_folder / "honours_old.csv")
    else:
        with open(zone_folder / "zone.toml", "a", encoding="utf-8") as fh:
            fh.write("\n")
    dataset = load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2
    assert ("honours" in dataset.tables) == (change not in ("removed", "renamed"))


def test_other_code_reads_the_files_again(zone_folder, tmp_path, counted_loads, monkeypatch):
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    monkeypatch.setattr(load_cache, "_RUNTIME", ["another version of zoneapp/core"])
    load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2


def test_a_damaged_copy_is_ignored_and_replaced(zone_folder, tmp_path, counted_loads):
    cache = tmp_path / "cache"
    first = load_cache.load(zone_folder, cache)
    (copy,) = cache.iterdir()
    data = copy.read_bytes()
    copy.write_bytes(data[: len(data) // 2])  # cut short, as by a crash of another writer
    _same(first, load_cache.load(zone_folder, cache))
    assert len(counted_loads) == 2
    assert copy.read_bytes() == data  # written whole again
    copy.write_bytes(b"not a copy at all")
    _same(first, load_cache.load(zone_folder, cache))
    assert len(counted_loads) == 3


def test_a_reload_always_reads_the_files(zone_folder, tmp_path, counted_loads):
    cache = tmp_path / "cache"
    first = load_cache.load(zone_folder, cache)
    load_cache.load(zone_folder, cache, previous=first)
    assert len(counted_loads) == 2


def test_without_a_cache_folder_every_load_reads_the_files(zone_folder, counted_loads):
    load_cache.load(zone_folder, None)
    load_cache.load(zone_folder, None)
    assert len(counted_loads) == 2


def test_a_big_folder_is_not_kept(zone_folder, tmp_path, counted_loads, monkeypatch):
    monkeypatch.setattr(load_cache, "MAX_ROWS", 10)
    keys = []
    real_fingerprint = load_cache.fingerprint
    monkeypatch.setattr(load_cache, "fingerprint",
                        lambda folder: keys.append(folder) or real_fingerprint(folder))
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2
    assert len(keys) == 2  # once per load: its files are not hashed again after it
    assert not cache.exists() or not any(cache.iterdir())
    monkeypatch.setattr(load_cache, "MAX_FOLDER_BYTES", 100)  # files too big even to compare
    assert load_cache.fingerprint(zone_folder) is None


def test_nothing_is_written_into_the_data_folder(zone_folder, tmp_path):
    before = sorted((p.relative_to(zone_folder), p.stat().st_mtime_ns)
                    for p in zone_folder.rglob("*"))
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    load_cache.load(zone_folder, cache)
    assert sorted((p.relative_to(zone_folder), p.stat().st_mtime_ns)
                  for p in zone_folder.rglob("*")) == before


def test_a_folder_opened_from_the_copy_is_protected(zone_folder, tmp_path, monkeypatch,
                                                   counted_loads):
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)  # read, so protected by load_dataset
    monkeypatch.setattr(atomic, "_PROTECTED", set())  # as in a new process
    monkeypatch.setattr(atomic, "_PROTECTED_IDS", {})
    atomic.write_bytes_atomic(zone_folder / "probe.txt", b"x")
    (zone_folder / "probe.txt").unlink()
    load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 1  # opened from the copy
    with pytest.raises(atomic.WriteError):
        atomic.write_bytes_atomic(zone_folder / "probe.txt", b"x")


def test_a_cache_that_cannot_be_written_changes_nothing(zone_folder, tmp_path, counted_loads):
    cache = tmp_path / "cache"
    cache.write_text("a file where the folder should be", encoding="utf-8")
    first = load_cache.load(zone_folder, cache)
    second = load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2
    _same(first, second)


def test_only_the_newest_copies_are_kept(tmp_path, monkeypatch):
    monkeypatch.setattr(load_cache, "KEEP", 2)
    cache = tmp_path / "cache"
    for n in range(3):
        folder = tmp_path / f"zone{n}"
        shutil.copytree(DEFAULT_DATA, folder)
        load_cache.load(folder, cache)
        _age(cache)
    assert len(list(cache.iterdir())) == 2
    assert load_cache.read(cache, tmp_path / "zone0",
                           load_cache.fingerprint(tmp_path / "zone0")) is None
    assert load_cache.read(cache, tmp_path / "zone2",
                           load_cache.fingerprint(tmp_path / "zone2")) is not None


def test_a_copy_used_again_is_kept_before_newer_unused_ones(tmp_path, monkeypatch):
    monkeypatch.setattr(load_cache, "KEEP", 2)
    cache = tmp_path / "cache"
    folders = []
    for n in range(3):
        folders.append(tmp_path / f"zone{n}")
        shutil.copytree(DEFAULT_DATA, folders[-1])
    for n in (0, 1):
        load_cache.load(folders[n], cache)
        _age(cache)
    load_cache.load(folders[0], cache)  # opened again from its copy: now the newest
    _age(cache)
    load_cache.load(folders[2], cache)
    kept = [f for f in folders if load_cache.read(cache, f, load_cache.fingerprint(f))]
    assert kept == [folders[0], folders[2]]


def _age(cache) -> None:
    """Every copy a second older, so that the next one written or used is newer whatever
    the clock's tick."""
    for copy in cache.iterdir():
        info = copy.stat()
        os.utime(copy, ns=(info.st_atime_ns, info.st_mtime_ns - 10**9))


def test_a_file_changed_while_loading_keeps_no_copy(zone_folder, tmp_path, monkeypatch):
    real = loading.load_dataset

    def load_then_edit(folder, **kwargs):
        dataset = real(folder, **kwargs)
        with open(folder / "honours.csv", "a", encoding="utf-8") as fh:  # saved meanwhile
            fh.write("\n")
        return dataset

    monkeypatch.setattr(loading, "load_dataset", load_then_edit)
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    assert not cache.exists() or not any(cache.iterdir())
    monkeypatch.setattr(loading, "load_dataset", real)
    load_cache.load(zone_folder, cache)  # left alone while it loads: kept
    assert len(list(cache.iterdir())) == 1


def test_the_copy_can_be_written_after_the_dataset_is_handed_over(zone_folder, tmp_path):
    cache, writers = tmp_path / "cache", []
    dataset = load_cache.load(zone_folder, cache, keep_later=writers.append)
    assert len(writers) == 1 and not cache.exists()  # pickled, not yet written
    dataset.tables["indicators"].attrs["changed after"] = True  # what the window may do
    assert writers[0]() is not None
    copy = load_cache.read(cache, zone_folder, load_cache.fingerprint(zone_folder))
    assert "changed after" not in copy.tables["indicators"].attrs


def test_a_cache_inside_the_data_folder_is_never_made(zone_folder, counted_loads):
    cache = zone_folder / ".cache" / "ZoneApp" / "loads"  # the user opened their home folder
    before = sorted(p.relative_to(zone_folder) for p in zone_folder.rglob("*"))
    load_cache.load(zone_folder, cache)
    load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2
    assert sorted(p.relative_to(zone_folder) for p in zone_folder.rglob("*")) == before


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_a_folder_link_pointed_elsewhere_is_read_again(tmp_path, counted_loads):
    """Two folders with the same files, whose honours.csv links into the first one: seen
    through a link to the second, it points out of the folder, so it is not read."""
    for name in ("a", "b"):
        shutil.copytree(DEFAULT_DATA, tmp_path / name)
        (tmp_path / name / "extra").mkdir()
        (tmp_path / name / "honours.csv").unlink()
        os.symlink(tmp_path / "a" / "extra" / "honours.csv", tmp_path / name / "honours.csv")
    shutil.copy(DEFAULT_DATA / "honours.csv", tmp_path / "a" / "extra" / "honours.csv")
    current, cache = tmp_path / "current", tmp_path / "cache"
    os.symlink(tmp_path / "a", current)
    assert "honours" in load_cache.load(current, cache).tables
    current.unlink()
    os.symlink(tmp_path / "b", current)
    dataset = load_cache.load(current, cache)
    assert len(counted_loads) == 2
    assert "honours" not in dataset.tables
    assert any(p.code == "outside_folder" for p in dataset.problems)


@pytest.mark.skipif(not hasattr(os, "symlink") or os.name == "nt", reason="POSIX links")
def test_a_file_link_pointed_elsewhere_is_read_again(zone_folder, tmp_path, counted_loads):
    for name in ("one", "two"):
        shutil.copy(zone_folder / "honours.csv", tmp_path / f"{name}.csv")
    _rewrite_keeping_time(tmp_path / "two.csv", "2019", "2018")
    (zone_folder / "honours.csv").unlink()
    os.symlink(tmp_path / "one.csv", zone_folder / "honours.csv")
    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    (zone_folder / "honours.csv").unlink()
    os.symlink(tmp_path / "two.csv", zone_folder / "honours.csv")
    load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 2


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names as bytes: Linux")
def test_a_name_that_is_not_utf8_does_not_stop_the_load(zone_folder, tmp_path, counted_loads):
    with open(os.path.join(os.fsencode(zone_folder), b"\xff\xfe.txt"), "wb") as fh:
        fh.write(b"x")
    cache = tmp_path / "cache"
    first = load_cache.load(zone_folder, cache)
    second = load_cache.load(zone_folder, cache)
    assert len(counted_loads) == 1  # kept and opened as any other folder
    _same(first, second)


def test_the_key_names_the_installed_libraries(monkeypatch):
    import pandas

    versions = load_cache._versions()
    assert sys.version in versions
    assert f"pandas-{pandas.__version__}.dist-info" in versions
    assert "python_calamine-" in versions and "openpyxl-" in versions


def test_the_code_key_follows_each_module(tmp_path):
    package = tmp_path / "core"
    (package / "io").mkdir(parents=True)
    (package / "schema.py").write_text("A = 1\n", encoding="utf-8")
    (package / "io" / "readers.py").write_text("B = 2\n", encoding="utf-8")
    before = load_cache.code_of(package)
    assert load_cache.code_of(package) == before
    (package / "io" / "readers.py").write_text("B = 3\n", encoding="utf-8")  # same size
    info = (package / "io" / "readers.py").stat()
    os.utime(package / "io" / "readers.py", ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))
    assert load_cache.code_of(package) != before
    (package / "io" / "new.py").write_text("", encoding="utf-8")
    assert len({before, load_cache.code_of(package)}) == 2


def test_opening_a_copy_imports_none_of_the_readers_and_checks(zone_folder, tmp_path):
    """What reads and checks files (≈ 0.05 s of imports at start-up) is left unimported."""
    import subprocess

    cache = tmp_path / "cache"
    load_cache.load(zone_folder, cache)
    code = ("import sys; from pathlib import Path; from zoneapp.core import load_cache; "
            f"d = load_cache.load(Path({str(zone_folder)!r}), Path({str(cache)!r})); "
            "print(len(d.tables), sorted(m for m in ('zoneapp.core.loading', "
            "'zoneapp.core.validation', 'zoneapp.core.io.readers') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).resolve().parent.parent, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["8", "[]"]
