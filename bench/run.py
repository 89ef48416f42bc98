"""`make bench`: ZoneApp against floors measured in the same run; ratios, lower is better.

Writes bench/results.json and prints one line per figure with median, min and max. Nothing
here is a test: no figure fails the run, the targets are printed beside the figures.
"""
from __future__ import annotations

import atexit
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))

from zoneapp import startup  # noqa: E402

startup.arrow_system_pool()  # as the command line does, before pyarrow loads
from bench.import_bench import import_ratio  # noqa: E402
from bench import frozen, province  # noqa: E402
from bench.make_synthetic import write as write_synthetic  # noqa: E402
from zoneapp.core import schema  # noqa: E402
from zoneapp.core.io.atomic import write_bytes_atomic  # noqa: E402
from zoneapp.core.io.export import export_frame  # noqa: E402
from zoneapp.core.loading import load_dataset  # noqa: E402

TARGETS = {
    "first_paint_ratio": 0.6, "ready_ratio": 1.3, "load_ratio": 2.0, "sort_ratio": 1.0,
    "filter_ratio": 1.5, "export_ratio": 1.5, "memory_ratio": 2.0, "switch_ratio": 0.25,
    "import_ratio": 2.0,
} | province.TARGETS
# Start-up is short and this shared machine's speed swings: more runs steady its median.
STARTUP_RUNS = int(os.environ.get("BENCH_STARTUP_RUNS", "9"))
HEAVY_RUNS = int(os.environ.get("BENCH_RUNS", "5"))
# A load is under a second, and its median moves with this machine's speed as start-up's does.
LOAD_RUNS = int(os.environ.get("BENCH_LOAD_RUNS", "9"))
ROWS = int(os.environ.get("BENCH_ROWS", "1000000"))
# BENCH_ONLY=province: start-up (its floor) and the province figures alone.
ONLY = os.environ.get("BENCH_ONLY", "")
SETTINGS_DIR = tempfile.mkdtemp(prefix="zoneapp-bench-settings-")
atexit.register(shutil.rmtree, SETTINGS_DIR, ignore_errors=True)
# The cache of last loads (zoneapp/core/load_cache.py), the run's own as the settings are.
CACHE_DIR = tempfile.mkdtemp(prefix="zoneapp-bench-cache-")
atexit.register(shutil.rmtree, CACHE_DIR, ignore_errors=True)
# Figures printed and kept without a target of their own.
UNTARGETED = {"ready_cold_ratio": "the first start after data/ changed: no copy of its last load"}


def child(args: list[str], extra_env: dict[str, str] | None = None) -> tuple[float, dict[str, float]]:
    """Run a Python child; return its start time and its `ZONEAPP_BENCH k=v` figures."""
    # PYTHONFAULTHANDLER: a child that dies of a signal leaves its Python stack on stderr.
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", ZONEAPP_BENCH="1", PYTHONFAULTHANDLER="1",
               **(extra_env or {}))
    env["PYTHONPATH"] = str(ROOT)
    # Settings of this run's own: the user's last tab or folder must not change what is timed.
    env["XDG_CONFIG_HOME"] = SETTINGS_DIR
    env["XDG_CACHE_HOME"] = (extra_env or {}).get("XDG_CACHE_HOME", CACHE_DIR)
    start = time.time()
    proc = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=600)
    if proc.returncode != 0:
        raise RuntimeError(f"{args} failed (exit status {proc.returncode}):\n"
                           f"{proc.stderr[-2000:]}{proc.stdout[-500:]}")
    figures = {}
    for line in proc.stdout.splitlines():
        if line.startswith("ZONEAPP_BENCH "):
            key, _, value = line.split(" ", 1)[1].partition("=")
            figures.setdefault(key, []).append(float(value))
    return start, figures


def startup(runs: int) -> dict[str, list[float]]:
    """The app's start against the floor's. ready_ratio: as a user starts it again on the
    same folder, which opens from the copy of its last load; ready_cold_ratio: with no copy
    (an empty cache folder each time), as on the first start after the folder's files
    changed."""
    out: dict[str, list[float]] = {"first_paint_ratio": [], "ready_ratio": [],
                                   "ready_cold_ratio": [], "floor_rss": [], "floor_paint": []}
    app = [str(ROOT / "main.py"), "--data", str(ROOT / "data")]
    # One pair first, not counted: it pays for files the page cache does not yet hold, and
    # leaves the copy of data/'s load that the next starts open.
    child([str(BENCH / "floor_window.py")])
    child(app)
    for _ in range(runs):
        floor_start, floor = child([str(BENCH / "floor_window.py")])
        app_start, warm = child(app)
        with tempfile.TemporaryDirectory(prefix="zoneapp-bench-cold-") as empty:
            cold_start, cold = child(app, {"XDG_CACHE_HOME": empty})
        floor_paint = floor["first_paint"][0] - floor_start
        out["first_paint_ratio"].append((warm["first_paint"][0] - app_start) / floor_paint)
        out["ready_ratio"].append((warm["ready"][0] - app_start) / floor_paint)
        out["ready_cold_ratio"].append((cold["ready"][0] - cold_start) / floor_paint)
        out["floor_rss"].append(floor["peak_rss_kb"][0])
        out["floor_paint"].append(floor_paint)
    return out


def switches(data: Path, runs: int, floor_paint: float) -> dict[str, list[float]]:
    """A language or theme switch (the slower of the two, each time) against the floor's
    start-up to first paint."""
    out: dict[str, list[float]] = {"switch_ratio": []}
    for _ in range(runs):
        _, f = child([str(BENCH / "switch_child.py"), str(data), "3"])
        slower = max(statistics.median(f["switch_language"]), statistics.median(f["switch_theme"]))
        out["switch_ratio"].append(slower / floor_paint)
    return out


def load_and_export(folder: Path, runs: int) -> dict[str, list[float]]:
    import pyarrow as pa
    from pyarrow import csv as pacsv

    out: dict[str, list[float]] = {"load_ratio": [], "export_ratio": []}
    files = sorted(folder.glob("*.csv"))
    with tempfile.TemporaryDirectory() as tmp:
        # One round first, not counted: each side's first calls import and allocate.
        for counted in [False] + [True] * runs:
            start = time.perf_counter()
            ds = load_dataset(folder)
            app_load = time.perf_counter() - start
            start = time.perf_counter()
            read = [pd.read_csv(f, encoding="utf-8-sig") for f in files]
            floor_load = time.perf_counter() - start
            del read  # freed after the timing, as the app's dataset is (below)

            frame = ds.tables["projects"]
            start = time.perf_counter()
            export_frame(frame, Path(tmp) / "app.csv", schema.PROJECTS)
            app_export = time.perf_counter() - start
            start = time.perf_counter()
            pacsv.write_csv(pa.Table.from_pandas(frame, preserve_index=False), Path(tmp) / "pa.csv")
            floor_export = time.perf_counter() - start
            if counted:
                out["load_ratio"].append(app_load / floor_load)
                out["export_ratio"].append(app_export / floor_export)
            # Freed outside the timing: the next `ds = load_dataset(...)` would count freeing
            # this one's million rows as part of that load.
            del ds, frame
    return out


def table(folder: Path, runs: int, floor_rss_kb: float) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"sort_ratio": [], "filter_ratio": [], "memory_ratio": []}
    for _ in range(runs):
        _, f = child([str(BENCH / "table_child.py"), str(folder), "3"])
        out["sort_ratio"].append(statistics.median(f["sort_app"]) / statistics.median(f["sort_floor"]))
        out["filter_ratio"].append(
            statistics.median(f["filter_app"]) / statistics.median(f["filter_floor"]))
        extra = (f["peak_rss_kb"][0] - floor_rss_kb) * 1024
        out["memory_ratio"].append(extra / f["frame_bytes"][0])
    return out


def main() -> int:
    synthetic = BENCH / "synthetic"
    if not ONLY and not (synthetic / "projects.csv").exists():
        print(f"writing a synthetic folder with {ROWS:,} project rows to {synthetic} …")
        write_synthetic(synthetic, ROWS)
    samples = startup(STARTUP_RUNS)
    floor_rss = statistics.median(samples.pop("floor_rss"))
    floor_paint = statistics.median(samples.pop("floor_paint"))
    if ONLY != "province":
        samples |= switches(ROOT / "data", HEAVY_RUNS, floor_paint)
        samples |= load_and_export(synthetic, LOAD_RUNS)
        samples |= table(synthetic, HEAVY_RUNS, floor_rss)
        samples |= import_ratio(synthetic, HEAVY_RUNS)
        samples |= frozen.startup(STARTUP_RUNS)  # nothing when dist/ZoneApp is not built
    samples |= province.measure(child, HEAVY_RUNS, floor_paint, floor_rss)
    results = {}
    for key, target in (TARGETS | frozen.targets(samples)).items():
        if key not in samples:
            continue
        values = samples[key]
        results[key] = round(statistics.median(values), 3)
        mark = "ok" if results[key] <= target else "OVER"
        print(f"{key:22} {results[key]:7.3f}  (min {min(values):.3f}, max {max(values):.3f}; "
              f"target ≤ {target}) {mark}")
    for key, what in UNTARGETED.items():
        if key in samples:
            values = samples[key]
            results[key] = round(statistics.median(values), 3)
            print(f"{key:22} {results[key]:7.3f}  (min {min(values):.3f}, max {max(values):.3f}; "
                  f"{what})")
    if ONLY:  # a part alone: the last full run's figures stay, these replace theirs
        results = json.loads((BENCH / "results.json").read_text(encoding="utf-8")) | results
    write_bytes_atomic(BENCH / "results.json", (json.dumps(results, indent=2) + "\n").encode())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
