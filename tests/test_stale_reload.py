"""#16 item 2: auto-reload keeps what the user was looking at when a saved file cannot be read;
a half-written file does not count as a save. Plus the reload soak test."""
from __future__ import annotations

import gc
import os
import shutil
from pathlib import Path

import pytest

from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.folder_watcher import FolderWatcher
from zoneapp.ui.window.main_window import MainWindow

WAIT_MS = 20000


def _window(qtbot, folder: Path) -> MainWindow:
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.show()
    assert win.load_folder(folder)
    win.show_error = lambda title, text: pytest.fail(f"dialog: {title}: {text}")
    return win


def _honour_row(honour_zh: str, honour_en: str) -> bytes:
    """A row for the seed's honours.csv, its cells placed by the file's own header."""
    header = (DEFAULT_DATA / "honours.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    cells = dict(honour_zh=honour_zh, honour_en=honour_en, recipient_zh="上饶高新区",
                 level="provincial", period="2019", source_id="S1")
    return (",".join(cells.get(c, "") for c in header.split(",")) + "\r\n").encode()


def _reload(qtbot, win: MainWindow, folder: Path) -> None:
    shown = win.dataset
    win.drop_reload.reload_changed_folder(folder)  # what the watcher calls once a save has settled
    qtbot.waitUntil(lambda: win.dataset is not shown, timeout=WAIT_MS)


@pytest.mark.parametrize("content", [b"", bytes(range(256)) * 20, b"foo,bar\r\n1,2\r\n"])
def test_an_unreadable_save_keeps_the_table_on_screen_marked_stale(qtbot, zone_app, zone_folder,
                                                                     content):
    win = _window(qtbot, zone_folder)
    page = win.select_tab("overview")
    rows = page.tables["honours"].model.rowCount()
    (zone_folder / "honours.csv").write_bytes(content)
    _reload(qtbot, win, zone_folder)
    page = win.select_tab("overview")
    panel = page.tables["honours"]
    assert panel.model.rowCount() == rows
    assert "旧数据" in panel.title_label.text()
    message = win.statusBar().currentMessage()
    assert "honours.csv" in message and "旧数据" in message


def test_unreadable_indicators_keep_cards_and_charts(qtbot, zone_app, zone_folder):
    win = _window(qtbot, zone_folder)
    page = win.select_tab("overview")
    cards, charts = len(page.kpis), len(page.charts)
    assert cards and charts
    (zone_folder / "indicators.csv").write_bytes(b"\x00\x01garbage" * 100)
    _reload(qtbot, win, zone_folder)
    page = win.select_tab("overview")
    assert len(page.kpis) == cards and len(page.charts) == charts
    assert "indicators.csv" in win.statusBar().currentMessage()


def test_a_save_paused_half_way_is_not_a_save(qtbot, zone_folder):
    """The watcher emits only once the file has stopped changing and looks whole (the timer is
    driven by hand: no timing in the test)."""
    watcher = FolderWatcher(debounce_ms=60_000)
    watcher.watch(zone_folder)
    seen: list[Path] = []
    watcher.sig_changed.connect(seen.append)
    path = zone_folder / "honours.csv"
    whole = path.read_bytes() + _honour_row("新增荣誉", "New honour")
    path.write_bytes(whole[: len(whole) // 2])  # the writer pauses here
    for _ in range(3):
        watcher._settled()
    assert seen == []
    path.write_bytes(whole)
    watcher._settled()  # changed since the last look: one more interval
    assert seen == []
    watcher._settled()
    assert seen == [zone_folder]


def _save(folder: Path, kind: str, n: int) -> None:
    path = folder / "honours.csv"
    good = (DEFAULT_DATA / "honours.csv").read_bytes().rstrip(b"\r\n")
    valid = good + b"\r\n" + _honour_row(f"荣誉{n}", f"Honour {n}")
    if kind == "valid":
        path.write_bytes(valid)
    elif kind == "broken":
        path.write_bytes(b"\xff\x00\xfe" * 300)
    elif kind == "partial":
        path.write_bytes(valid[: len(valid) // 3])
    else:  # rename-over, as Excel and WPS save
        tmp = folder / "honours.csv.tmp"
        tmp.write_bytes(valid)
        os.replace(tmp, path)


def test_soak_200_reloads_end_on_the_last_valid_data_without_growth(qtbot, zone_app, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent

    folder = tmp_path / "small"  # a small folder, so 200 reloads take seconds, not minutes
    shutil.copytree(Path(__file__).parent / "data" / "three_periods", folder)
    shutil.copy(DEFAULT_DATA / "honours.csv", folder)
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    assert win.load_folder(folder)
    win.show_error = lambda title, text: pytest.fail(f"dialog: {title}: {text}")
    win.select_tab("environment")  # no data here: light; the overview is filled at the end
    kinds = ["valid", "broken", "partial", "rename"]
    baseline = last_valid = None
    for n in range(200):
        kind = kinds[n % 4]
        _save(folder, kind, n)
        if kind in ("valid", "rename"):
            last_valid = n
        win.load_folder(folder)  # the reload path (the previous data carried over), at once
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        if n == 39:
            gc.collect()
            baseline = len(gc.get_objects())
    gc.collect()
    grown = len(gc.get_objects()) - baseline
    assert grown < 5_000, f"{grown} more Python objects after 160 more reloads"
    assert "honours" not in win.dataset.stale
    panel = win.select_tab("overview").tables["honours"]
    names = [panel.model.data(panel.model.index(r, panel.model.column_keys().index("honour_zh")))
             for r in range(panel.model.rowCount())]
    assert f"荣誉{last_valid}" in names and f"荣誉{last_valid - 1}" not in names
