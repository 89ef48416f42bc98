"""Measure the big project table in the app's own widgets: sort, filter, memory.

Run by bench/run.py in a fresh process per run so that peak RSS belongs to this run alone.
Usage: python bench/table_child.py SYNTHETIC_DIR REPEATS
Prints `ZONEAPP_BENCH key=value` lines: paired app and floor timings, peak RSS, frame bytes.
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402

from bench.peak_rss import peak_rss_kb  # noqa: E402
from zoneapp import startup  # noqa: E402

startup.arrow_system_pool()  # as the command line does, before pyarrow loads
from zoneapp.app import create_application  # noqa: E402
from zoneapp.core import schema  # noqa: E402
from zoneapp.core.loading import load_dataset  # noqa: E402
from zoneapp.ui.widgets.table_panel import TablePanel  # noqa: E402


def emit(key: str, value: float) -> None:
    print(f"ZONEAPP_BENCH {key}={value:.6f}", flush=True)


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    folder, repeats = Path(sys.argv[1]), int(sys.argv[2])
    app = create_application(sys.argv[:1], "zh")
    frame = load_dataset(folder).tables["projects"]
    panel = TablePanel()
    panel.resize(1280, 800)
    panel.set_data(frame, schema.PROJECTS, "zh", title="projects")
    panel.show()
    app.processEvents()
    model, view = panel.model, panel.view
    investment = [c.key for c in model._cols].index("investment") if hasattr(model, "_cols") else 7

    def repaint() -> None:
        view.viewport().repaint()
        app.processEvents()

    # The app's own work first, then the peak memory, then the floors: the floor's
    # sort_values copies the whole frame, and that copy is not the app's memory.
    needles = [f"{12345 + i}" for i in range(repeats)]
    for i, needle in enumerate(needles):
        order = Qt.SortOrder.AscendingOrder if i % 2 == 0 else Qt.SortOrder.DescendingOrder
        emit("sort_app", timed(lambda: (model.sort(investment, order), repaint())))
        emit("filter_app", timed(lambda: (model.set_filter(needle), repaint())))
        model.set_filter("")
    view.scrollToBottom()
    repaint()
    emit("frame_bytes", float(frame.memory_usage(deep=True).sum()))
    emit("peak_rss_kb", peak_rss_kb())
    for i, needle in enumerate(needles):
        emit("sort_floor", timed(lambda: frame.sort_values("investment", ascending=i % 2 == 0)))
        emit("filter_floor", timed(lambda: frame["name_zh"].str.contains(needle, regex=False)))

if __name__ == "__main__":
    main()
