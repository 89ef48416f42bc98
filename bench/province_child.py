"""Measure the window on a province-scale folder: each tab's first show, and peak memory.

Run by bench/province.py in a fresh process per run, so that peak RSS belongs to this run.
Usage: python bench/province_child.py FOLDER
Prints `ZONEAPP_BENCH switch_tab=<s>` per tab (the time from the click until the tab, filled
for the first time with its cards and the charts and tables on screen, has painted), but for
the last tab, clicked at once after the load, whose time is `switch_cold`; then
`frame_bytes` (the indicators frame) and `peak_rss_kb`. The widgets the page makes after that
paint, ahead of scrolling (ui/tabs/lazy.py), are not counted: the tab shows without them, as
the window's `ready` is timed (zoneapp/ui/window/bench_probe.py). Clicks come at a reader's
pace (PAUSE): after the load and after each tab, the window has time for what it does while
it waits for the user (the other tabs' views: ui/window/section_tabs.py). Every tab the window has is shown, whatever sections
the folder declares, so the figure keeps working as views and sections are added.
"""
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.peak_rss import peak_rss_kb  # noqa: E402
from zoneapp.ui.widgets.after_paint import after_next_paint  # noqa: E402
from zoneapp import startup  # noqa: E402

startup.arrow_system_pool()  # as the command line does, before pyarrow loads
from zoneapp.app import create_application  # noqa: E402
from zoneapp.ui.window.main_window import MainWindow  # noqa: E402


def emit(key: str, value: float) -> None:
    print(f"ZONEAPP_BENCH {key}={value:.6f}", flush=True)


PAUSE = 2.0  # seconds between clicks: a reader glancing at a tab


def settle(seconds: float) -> None:
    """Let the window run its event loop for `seconds`, as it does while the user reads."""
    app = QApplication.instance()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.01)


def painted(window) -> None:
    """Until everything the click posted is handled and the window has painted."""
    app = QApplication.instance()
    app.processEvents()
    window.repaint()
    app.processEvents()


def switch(window, index: int) -> float:
    """Seconds from choosing tab `index` until its page has painted."""
    page = window.tab_widget.widget(index)
    content = page.widget() if hasattr(page, "widget") else page  # the scroll area's page
    shown: list[float] = []
    watcher = after_next_paint(content, lambda: shown.append(time.perf_counter()))
    start = time.perf_counter()
    window.tab_widget.setCurrentIndex(index)
    painted(window)
    if not shown:  # painted() paints the window: a page never painted is a fault here
        raise SystemExit(f"tab {index} did not paint")
    del watcher
    return shown[0] - start


def main() -> None:
    folder = Path(sys.argv[1])
    create_application(sys.argv[:1], "zh")
    window = MainWindow(lang="zh", remember=False, theme_mode="light")
    window.resize(1280, 800)
    window.show()
    if not window.load_folder(folder):
        raise SystemExit(f"{folder} did not load")
    painted(window)
    tabs = window.tab_widget
    first = tabs.currentIndex()
    order = [i for i in range(tabs.count()) if i != first] + [first]
    if len(order) > 2:  # a click at once on the last tab, whose view is made last: said apart
        emit("switch_cold", switch(window, order.pop(-2)))
    settle(PAUSE)
    for index in order:
        emit("switch_tab", switch(window, index))
        settle(PAUSE)
    frame = window.dataset.table("indicators")
    emit("frame_bytes", float(frame.memory_usage(deep=True).sum()))
    emit("peak_rss_kb", peak_rss_kb())
    window.close()


if __name__ == "__main__":
    main()
