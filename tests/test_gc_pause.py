"""The garbage collector paused during the window's start-up (zoneapp/gc_pause.py)."""
from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from zoneapp import gc_pause

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def collector_restored():
    was_enabled = gc.isenabled()
    yield
    gc_pause._paused = False
    gc.unfreeze()
    (gc.enable if was_enabled else gc.disable)()


def test_pause_then_resume_with_freeze(collector_restored):
    gc.enable()
    assert gc_pause.pause() is True
    assert not gc.isenabled() and gc_pause.is_paused()
    assert gc_pause.pause() is False  # already paused
    frozen_before = gc.get_freeze_count()
    assert gc_pause.resume(freeze=True) is True
    assert gc.isenabled() and not gc_pause.is_paused()
    assert gc.get_freeze_count() > frozen_before
    assert gc_pause.resume(freeze=True) is False  # once


def test_resume_without_freeze_collects_the_cycles_made_while_paused(collector_restored):
    class Node:
        pass

    gc.enable()
    gc_pause.pause()
    node = Node()
    node.me = node  # a cycle only the collector can free
    kept = [id(node)]
    del node
    assert any(id(o) == kept[0] for o in gc.get_objects())
    gc_pause.resume(freeze=False)
    assert not any(id(o) == kept[0] and type(o).__name__ == "Node" for o in gc.get_objects())


def test_a_collector_someone_else_turned_off_stays_off(collector_restored):
    gc.disable()
    assert gc_pause.pause() is False
    assert gc_pause.resume(freeze=True) is False
    assert not gc.isenabled()


def test_the_window_pauses_the_collector_until_the_first_data_is_shown(tmp_path):
    # run_gui on the bundled data; the check replaces resume, records, then quits the window.
    code = textwrap.dedent("""
        import gc, json, sys
        from pathlib import Path
        from PySide6.QtWidgets import QApplication
        from zoneapp import app, gc_pause

        seen = {}
        real_resume = gc_pause.resume

        def resume(freeze):
            if not seen:
                seen.update(paused_until_now=not gc.isenabled(), freeze=freeze)
                seen["resumed"] = real_resume(freeze)
                seen.update(enabled=gc.isenabled(), frozen=gc.get_freeze_count())
                QApplication.quit()
            return False

        gc_pause.resume = resume
        code = app.run_gui(Path("data"), "zh")
        print(json.dumps(seen))
        sys.exit(code)
    """)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    seen = json.loads(proc.stdout.strip().splitlines()[-1])
    assert seen["paused_until_now"] and seen["resumed"] and seen["enabled"]
    if seen["freeze"]:  # the small bundled data, shown before RESUME_AFTER_MS
        assert seen["frozen"] > 10_000
