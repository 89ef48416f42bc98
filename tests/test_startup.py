"""The garbage collector paused during the window's start-up (zoneapp/startup.py)."""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zoneapp import startup

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector_restored():
    was_enabled = gc.isenabled()
    yield
    startup._paused = False
    gc.unfreeze()
    (gc.enable if was_enabled else gc.disable)()


def test_pause_then_resume_with_freeze(collector_restored):
    gc.enable()
    assert startup.pause_gc() is True
    assert not gc.isenabled() and startup.gc_paused()
    assert startup.pause_gc() is False  # already paused
    frozen_before = gc.get_freeze_count()
    assert startup.resume_gc(freeze=True) is True
    assert gc.isenabled() and not startup.gc_paused()
    assert gc.get_freeze_count() > frozen_before
    assert startup.resume_gc(freeze=True) is False  # once


def test_resume_without_freeze_collects_the_cycles_made_while_paused(collector_restored):
    class Node:
        pass

    gc.enable()
    startup.pause_gc()
    node = Node()
    node.me = node  # a cycle only the collector can free
    kept = [id(node)]
    del node
    assert any(id(o) == kept[0] for o in gc.get_objects())
    startup.resume_gc(freeze=False)
    assert not any(id(o) == kept[0] and type(o).__name__ == "Node" for o in gc.get_objects())


def test_a_collector_someone_else_turned_off_stays_off(collector_restored):
    gc.disable()
    assert startup.pause_gc() is False
    assert startup.resume_gc(freeze=True) is False
    assert not gc.isenabled()


def _start_up(tmp_path, setup: str) -> dict:
    """run_gui on the bundled data in a fresh interpreter, after `setup` (Python run first).

    Every call of startup.resume is recorded (its freeze argument and result); around the first
    one also whether the collector was off until then, the freeze count and the full
    collections. The window quits once its first data is shown and the resume that follows
    has run."""
    code = textwrap.dedent("""
        import gc, json, sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from zoneapp import app, startup
        from zoneapp.core.fast import memory

        seen = {"calls": [], "shown": False, "failed": False}
        real_resume = startup.resume_gc

        def resume(freeze):
            first = not seen["calls"]
            if first:
                seen.update(paused_until_now=not gc.isenabled(), frozen_before=gc.get_freeze_count(),
                            full_before=gc.get_stats()[2]["collections"])
            result = real_resume(freeze)
            seen["calls"].append([freeze, result])
            if first:
                seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count(),
                            full_after=gc.get_stats()[2]["collections"])
            if seen["shown"]:
                QApplication.quit()
            return result

        def watch(window):
            real_watch(window)  # connected first, so its resume is scheduled before we quit

            def shown(_dataset):
                seen["shown"] = True

            def failed(*_):
                seen["failed"] = True
                QApplication.quit()

            window.sig_dataset_loaded.connect(shown)
            window.loader.sig_failed.connect(failed)

        startup.resume_gc = resume
        real_watch, app.resume_gc_after_first_load = app.resume_gc_after_first_load, watch
    """) + textwrap.dedent(setup) + textwrap.dedent("""
        code = app.run_gui(Path("data"), "zh")
        print(json.dumps(seen))
        sys.exit(code)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["shown"] and not seen["failed"]
    assert seen["paused_until_now"] and seen["enabled"]  # off during start-up, on after
    return seen


def test_small_first_data_shown_in_time_freezes_start_ups_objects(tmp_path):
    """The bundled data is small: once shown, start-up's objects are frozen, not collected."""
    seen = _start_up(tmp_path, "startup.RESUME_AFTER_MS = 600_000  # the deadline never comes\n")
    assert seen["calls"] == [[True, True]]
    assert seen["frozen_before"] == 0 and seen["frozen"] > 10_000
    assert seen["full_after"] == seen["full_before"]  # no full collection


def test_big_first_data_resumes_with_a_full_collection(tmp_path):
    """A big first load leaves cycles to free: a full collection, nothing frozen."""
    seen = _start_up(tmp_path, """
        startup.RESUME_AFTER_MS = 600_000  # the deadline never comes
        memory.BIG_LOAD_ROWS = 1  # the bundled data counts as big
    """)
    assert seen["calls"] == [[False, True]]
    assert seen["frozen"] == 0
    assert seen["full_after"] > seen["full_before"]


def test_a_load_past_the_deadline_resumes_with_a_collection_and_never_freezes(tmp_path):
    """The deadline passes before the data is shown: the collector resumes then, with a full
    collection, and the small data shown later freezes nothing (resume works once)."""
    seen = _start_up(tmp_path, "startup.RESUME_AFTER_MS = 0  # due before the load starts\n")
    assert seen["calls"] == [[False, True], [True, False]]
    assert seen["frozen"] == 0
    assert seen["full_after"] > seen["full_before"]


def test_plain_start_turns_every_trick_off(monkeypatch):
    """ZONEAPP_PLAIN_START=1: no collector pause, no import hook dropped, no allocator chosen."""
    monkeypatch.setenv(startup.PLAIN_START, "1")
    monkeypatch.delenv("ARROW_DEFAULT_MEMORY_POOL", raising=False)
    assert startup.enabled() is False
    assert startup.pause_gc() is False and gc.isenabled()
    assert startup.skip_feature_scan() is False
    startup.arrow_system_pool()
    assert "ARROW_DEFAULT_MEMORY_POOL" not in os.environ
    monkeypatch.setenv(startup.PLAIN_START, "0")
    startup.arrow_system_pool()
    assert os.environ["ARROW_DEFAULT_MEMORY_POOL"] == "system"


def test_command_line_chooses_the_allocator_before_pyarrow_loads():
    code = ("import os, sys; from zoneapp.cli import main; main(['validate', 'data']); "
            "print(os.environ.get('ARROW_DEFAULT_MEMORY_POOL'))")
    env = {k: v for k, v in os.environ.items() if k not in ("ARROW_DEFAULT_MEMORY_POOL",
                                                            startup.PLAIN_START)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env,
                         cwd=ROOT, check=True)
    assert out.stdout.strip().splitlines()[-1] == "system"
