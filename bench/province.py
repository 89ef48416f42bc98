"""Issue 15's province scale: 200 entities × 120 months × 100 figures (2.4 million rows).

Three ratios and a memory figure, each against a floor measured in the same run:
- province_load_ratio: `load_dataset` of the folder over `pandas.read_csv` of the same files;
- view_ratio: `section_view` of every section the folder's figures are in, over a plain
  pandas groupby computing the numbers any of its views can show (each section's rows grouped
  to the finest level a card, bar or series draws from: figure, value kind, entity, year,
  month; the last value of each group, as a card shows a figure's latest);
- province_switch_ratio: the slowest first show of a tab in the window (click to painted,
  cards, charts and tables filled; clicks a second apart), over the floor's start-up to first
  paint; a tab clicked at once after the load is printed apart (province_child.py);
- province_memory_ratio: the window's peak RSS after showing every tab, minus the floor
  window's, over the indicators frame's size (as memory_ratio).
The folder is written to a temporary directory with a fixed seed and removed after.
"""
from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pandas as pd

from bench.make_province import write as write_province
from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view

TARGETS = {"province_load_ratio": 2.0, "view_ratio": 3.0, "province_switch_ratio": 0.25,
           "province_memory_ratio": 2.0}
SCALE = tuple(int(n) for n in os.environ.get("BENCH_PROVINCE", "200,120,100").split(","))
# The finest level a view draws from; those of these columns the frame has are grouped by.
DETAIL = ("key", "value_kind", "entity", "period", "period_detail")


def section_codes(dataset) -> list[str]:
    """The sections the folder's figures are in, in the order they first appear."""
    return list(pd.unique(dataset.table("indicators")["section"]))


def floor_views(frame: pd.DataFrame, codes: list[str]) -> list[pd.Series]:
    """What every view of every section can show, computed plainly with pandas."""
    by = [c for c in DETAIL if c in frame.columns]
    return [frame[frame["section"] == code].groupby(by, sort=False, dropna=False)["value"].last()
            for code in codes]


def load_and_views(folder: Path, runs: int) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"province_load_ratio": [], "view_ratio": []}
    files = sorted(folder.glob("*.csv"))
    for counted in [False] + [True] * runs:  # the first round only warms up
        start = time.perf_counter()
        dataset = load_dataset(folder)
        app_load = time.perf_counter() - start
        start = time.perf_counter()
        read = [pd.read_csv(f, encoding="utf-8-sig") for f in files]
        floor_load = time.perf_counter() - start
        del read
        codes = section_codes(dataset)
        start = time.perf_counter()
        views = [section_view(dataset, code, "zh") for code in codes]
        app_views = time.perf_counter() - start
        frame = dataset.table("indicators")
        start = time.perf_counter()
        numbers = floor_views(frame, codes)
        floor_view = time.perf_counter() - start
        del views, numbers, frame
        if counted:
            out["province_load_ratio"].append(app_load / floor_load)
            out["view_ratio"].append(app_views / floor_view)
        del dataset  # freed outside the timings
    return out


def window(child, folder: Path, runs: int, floor_paint: float, floor_rss_kb: float
           ) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"province_switch_ratio": [], "province_memory_ratio": []}
    seconds: list[float] = []
    cold: list[float] = []
    for _ in range(runs):
        _, f = child([str(Path(__file__).with_name("province_child.py")), str(folder)])
        out["province_switch_ratio"].append(max(f["switch_tab"]) / floor_paint)
        extra = (f["peak_rss_kb"][0] - floor_rss_kb) * 1024
        out["province_memory_ratio"].append(extra / f["frame_bytes"][0])
        seconds.append(max(f["switch_tab"]))
        cold += f.get("switch_cold", [])
    said = f"; a tab clicked at once after the load {statistics.median(cold):.2f} s " \
        f"({statistics.median(cold) / floor_paint:.2f} of the floor)" if cold else ""
    print(f"province: slowest first show of a tab {statistics.median(seconds):.2f} s "
          f"(floor's start-up {floor_paint:.2f} s){said}", flush=True)
    return out


def measure(child, runs: int, floor_paint: float, floor_rss_kb: float) -> dict[str, list[float]]:
    """Every province figure; `child` runs a Python child as bench/run.py does."""
    tmp = Path(tempfile.mkdtemp(prefix="zoneapp-province-"))
    try:
        entities, months, figures = SCALE
        print(f"writing a synthetic province ({entities} entities × {months} months × "
              f"{figures} figures) to {tmp} …", flush=True)
        folder = write_province(tmp / "province", entities, months, figures)
        samples = load_and_views(folder, runs)
        samples |= window(child, folder, runs, floor_paint, floor_rss_kb)
        return samples
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

