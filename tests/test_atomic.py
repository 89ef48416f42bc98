"""Every file the app writes is written atomically, with ordinary permissions, and a failure
names the file the user asked for."""
from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from zoneapp.core import schema
from zoneapp.core.io import atomic
from zoneapp.core.io.atomic import WriteError, atomic_path, write_bytes_atomic

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")


@pytest.fixture
def umask_022():
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@posix_only
def test_new_file_gets_0644_under_umask_022(tmp_path: Path, umask_022) -> None:
    import pandas as pd

    from zoneapp.core.io.export import export_frame

    frame = pd.DataFrame({"name_zh": ["甲"], "period": pd.array([2019], dtype="Int64")})
    path = export_frame(frame, tmp_path / "p.csv", schema.PROJECTS, lang="zh")
    assert _mode(path) == 0o644
    assert _mode(write_bytes_atomic(tmp_path / "b.bin", b"x")) == 0o644


@posix_only
def test_replacing_a_file_keeps_its_mode(tmp_path: Path, umask_022) -> None:
    target = tmp_path / "t.csv"
    target.write_bytes(b"old")
    target.chmod(0o640)
    write_bytes_atomic(target, b"new")
    assert target.read_bytes() == b"new"
    assert _mode(target) == 0o640


@posix_only
def test_reading_the_umask_leaves_it_alone(umask_022) -> None:
    assert atomic._umask() == 0o022
    assert os.umask(0o022) == 0o022


def test_failure_names_the_target_not_the_temporary_file(tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("not a folder")
    target = blocker / "out.pdf"
    with pytest.raises(OSError) as info:
        write_bytes_atomic(target, b"x")
    assert isinstance(info.value, WriteError)
    assert info.value.target == target
    assert ".part" not in str(info.value)
    assert info.value.reason  # the operating system's words, e.g. "Not a directory"


def test_a_failed_write_into_the_temporary_file_names_the_target(tmp_path: Path) -> None:
    target = tmp_path / "t.bin"
    target.write_bytes(b"old")
    with pytest.raises(WriteError) as info, atomic_path(target):
        raise OSError(28, "No space left on device")
    assert info.value.target == target and info.value.reason == "No space left on device"
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["t.bin"]


def _fsync_fails(monkeypatch) -> None:
    def fail(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(atomic.os, "fsync", fail)


def test_render_writes_pngs_atomically(zone_app, tmp_path: Path, monkeypatch) -> None:
    from zoneapp.paths import DEFAULT_DATA
    from zoneapp.ui.window.render import render_tabs

    out = tmp_path / "png"
    out.mkdir()
    first = out / f"01_{schema.SECTIONS[0].code}.png"
    first.write_bytes(b"the old picture")
    _fsync_fails(monkeypatch)  # the write cannot be completed
    with pytest.raises(OSError):
        render_tabs(out, DEFAULT_DATA, "en", (640, 480))
    assert first.read_bytes() == b"the old picture"  # not half-replaced by a direct save
    assert [p.name for p in out.iterdir()] == [first.name]  # no temporary file left


def test_schema_doc_updates_the_readme_atomically(tmp_path: Path, monkeypatch) -> None:
    from zoneapp.core.schema_doc import END, START, update_readme

    readme = tmp_path / "README.md"
    old = f"intro\n{START}\nstale\n{END}\nend\n"
    readme.write_text(old, encoding="utf-8")
    _fsync_fails(monkeypatch)
    with pytest.raises(OSError):
        update_readme(readme)
    assert readme.read_text(encoding="utf-8") == old
    monkeypatch.undo()
    update_readme(readme)
    assert "### projects.csv" in readme.read_text(encoding="utf-8")


def test_crash_log_trim_uses_its_own_temporary_file(qapp, tmp_path: Path, monkeypatch) -> None:
    from zoneapp import crashlog

    monkeypatch.setattr(crashlog, "log_dir", lambda: tmp_path / "logs")
    monkeypatch.setattr(crashlog, "MAX_LOG_BYTES", 2000)
    (tmp_path / "logs").mkdir()
    # Another process's file that happens to have the old fixed temporary name.
    other = tmp_path / "logs" / "zoneapp.log.tmp"
    other.write_bytes(b"someone else's")
    for i in range(20):
        assert crashlog.write_log(f"entry {i:03d} " + "x" * 200) is not None
    assert crashlog.log_path().stat().st_size <= 2000
    assert other.read_bytes() == b"someone else's"
    assert sorted(p.name for p in (tmp_path / "logs").iterdir()) == ["zoneapp.log", "zoneapp.log.tmp"]
