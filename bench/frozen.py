"""`make bench`, when `make dist` has built dist/ZoneApp: the frozen app's start-up to first
paint against the source app's, run in alternating pairs on the same data folder.

frozen_start_ratio = (frozen first paint - its start) / (source first paint - its start);
target ≤ 1.2. Nothing is measured, and no figure recorded, when the bundle is missing.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
APP = ROOT / "dist" / "ZoneApp" / ("ZoneApp.exe" if sys.platform == "win32" else "ZoneApp")
TARGET = 1.2


def first_paint_seconds(command: list[str], settings_dir: str, python_path: bool) -> float:
    """Seconds from starting `command` to the window's first paint (ZONEAPP_BENCH=1)."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", ZONEAPP_BENCH="1", XDG_CONFIG_HOME=settings_dir,
               XDG_CACHE_HOME=settings_dir)  # the run's own settings and load cache
    if python_path:
        env["PYTHONPATH"] = str(ROOT)
    start = time.time()
    proc = subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT,
                          timeout=300)
    if proc.returncode != 0:
        raise RuntimeError(f"{command[0]} failed (exit status {proc.returncode}):\n"
                           f"{proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        if line.startswith("ZONEAPP_BENCH first_paint="):
            return float(line.partition("=")[2]) - start
    raise RuntimeError(f"{command[0]} printed no first_paint:\n{proc.stdout[-500:]}")


def startup(runs: int) -> dict[str, list[float]]:
    """{"frozen_start_ratio": one ratio per pair}, or {} when the bundle is not built."""
    if not APP.is_file():
        print(f"frozen_start_ratio: {APP.relative_to(ROOT)} is not built (`make dist`); skipped")
        return {}
    data = str(ROOT / "data")
    source = [sys.executable, str(ROOT / "main.py"), "--data", data]
    frozen = [str(APP), "--data", data]
    settings_dir = tempfile.mkdtemp(prefix="zoneapp-bench-frozen-")
    try:
        # One pair first, not counted: it pays for files the page cache does not yet hold.
        first_paint_seconds(source, settings_dir, python_path=True)
        first_paint_seconds(frozen, settings_dir, python_path=False)
        ratios = []
        for _ in range(runs):
            source_s = first_paint_seconds(source, settings_dir, python_path=True)
            frozen_s = first_paint_seconds(frozen, settings_dir, python_path=False)
            ratios.append(frozen_s / source_s)
    finally:
        shutil.rmtree(settings_dir, ignore_errors=True)
    return {"frozen_start_ratio": ratios}


def targets(samples: dict[str, list[float]]) -> dict[str, float]:
    """The target of each frozen figure that was measured."""
    return {"frozen_start_ratio": TARGET} if "frozen_start_ratio" in samples else {}
