"""Watching the data folder: rewrites, rename-saves (Excel, WPS, atomic writers), drop to open."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from zoneapp.ui.window.folder_watcher import FolderWatcher, snapshot
from zoneapp.ui.window.main_window import MainWindow

WAIT_MS = 10000


def _add_honour(folder: Path, name: str, atomic: bool) -> None:
    path = folder / "honours.csv"
    text = path.read_text(encoding="utf-8-sig").rstrip("\r\n")
    # Cells by the file's own header, so that a column added to honours.csv does not shift them.
    cells = {"honour_zh": name, "honour_en": f"{name} (en)", "recipient_zh": "上饶高新区",
             "level": "provincial", "period": "2019", "source_id": "S1"}
    header = text.splitlines()[0].split(",")
    text += "\n" + ",".join(cells.get(key, "") for key in header) + "\n"
    if atomic:  # what Excel, WPS and atomic writers do: a new file renamed over the old one
        tmp = folder / "honours.csv.tmp"
        tmp.write_text(text, encoding="utf-8-sig")
        os.replace(tmp, path)
    else:
        path.write_text(text, encoding="utf-8-sig")


def test_watcher_reports_writes_and_keeps_watching_after_a_rename(qtbot, zone_folder):
    watcher = FolderWatcher(debounce_ms=100)
    watcher.watch(zone_folder)
    assert str(zone_folder / "honours.csv") in watcher.watched_paths()
    with qtbot.waitSignal(watcher.sig_changed, timeout=WAIT_MS) as blocker:
        _add_honour(zone_folder, "改名保存", atomic=True)
    assert blocker.args == [zone_folder]
    assert str(zone_folder / "honours.csv") in watcher.watched_paths()  # added again
    with qtbot.waitSignal(watcher.sig_changed, timeout=WAIT_MS):
        _add_honour(zone_folder, "直接写入", atomic=False)
    watcher.stop()
    assert watcher.watched_paths() == []


def test_lock_and_temporary_files_do_not_count(qtbot, zone_folder):
    before = snapshot(zone_folder)
    (zone_folder / "~$honours.xlsx").write_bytes(b"lock")
    (zone_folder / ".~lock.honours.csv#").write_text("lock")
    (zone_folder / "half.tmp").write_text("x")
    assert snapshot(zone_folder) == before
    watcher = FolderWatcher(debounce_ms=100)
    watcher.watch(zone_folder)
    with qtbot.assertNotEmitted(watcher.sig_changed, wait=800):
        (zone_folder / "~$projects.xlsx").write_bytes(b"lock")
    watcher.stop()


def test_a_rewritten_file_is_reloaded_keeping_tab_sort_and_selection(qtbot, zone_app, zone_folder):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.show()
    assert win.load_folder(zone_folder)
    page = win.select_tab("overview")
    panel = page.tables["honours"]
    keys = panel.model.column_keys()
    panel.view.sortByColumn(keys.index("honour_zh"), Qt.SortOrder.DescendingOrder)
    panel.view.selectRow(1)
    selected_name = panel.model.data(panel.model.index(1, keys.index("honour_zh")))
    rows = len(win.dataset.table("honours"))
    level = next(iter(panel.filter_bar.choice_combos), None)  # a drop-down, if the table has one
    level_code = panel.filter_bar.choice_combos[level].itemData(1) if level else None
    panel.filter_bar.set_search_column("honour_zh")

    first = win.dataset
    _add_honour(zone_folder, "新增荣誉甲", atomic=True)
    qtbot.waitUntil(lambda: win.dataset is not first, timeout=WAIT_MS)
    assert len(win.dataset.table("honours")) == rows + 1
    assert win.tab_widget.currentWidget() is page
    panel = page.tables["honours"]
    header = panel.view.horizontalHeader()
    assert panel.model.column_key(header.sortIndicatorSection()) == "honour_zh"
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    selected = [i.row() for i in panel.view.selectionModel().selectedIndexes()]
    assert selected and panel.model.data(
        panel.model.index(selected[0], keys.index("honour_zh"))) == selected_name
    assert panel.filter_bar.search_column() == "honour_zh"

    if level is not None:  # a drop-down filter is kept too
        panel.filter_bar.set_choice(level, level_code)
        third = win.dataset
        _add_honour(zone_folder, "新增荣誉丙", atomic=True)
        qtbot.waitUntil(lambda: win.dataset is not third, timeout=WAIT_MS)
        assert page.tables["honours"].filter_bar.choice_values() == {level: level_code}
        assert page.tables["honours"].filter_bar.search_column() == "honour_zh"

    second = win.dataset  # after a rename-save the file is still watched
    _add_honour(zone_folder, "新增荣誉乙", atomic=False)
    qtbot.waitUntil(lambda: win.dataset is not second, timeout=WAIT_MS)
    assert len(win.dataset.table("honours")) >= rows + 2


def test_a_failed_auto_reload_is_a_status_message(qtbot, zone_app, zone_folder, monkeypatch):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    assert win.load_folder(zone_folder)
    shown = win.dataset
    dialogs = []
    monkeypatch.setattr("zoneapp.ui.window.main_window.QMessageBox.critical",
                        lambda *a: dialogs.append(a))
    shutil.rmtree(zone_folder)  # the folder vanished, and the watcher says so
    with qtbot.waitSignal(win.loader.sig_failed, timeout=WAIT_MS):
        win.drop_reload.reload_changed_folder(zone_folder)  # the reload runs off the UI thread, and fails
    assert dialogs == []
    assert win.dataset is shown
    assert win.statusBar().currentMessage().startswith("重新加载失败，仍显示之前的数据：")


def _mime(path: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    return mime


def test_dropping_a_folder_opens_it(qtbot, zone_app, zone_folder):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.show()
    assert win.acceptDrops()
    mime = _mime(zone_folder)
    pos = QPointF(win.rect().center())
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    assert drop.isAccepted()
    qtbot.waitUntil(lambda: win.data_folder == zone_folder, timeout=WAIT_MS)
    assert win.dataset is not None


def test_dropping_a_data_file_opens_its_folder_and_other_things_are_refused(qtbot, zone_app,
                                                                             zone_folder, tmp_path):
    win = MainWindow(lang="zh")
    qtbot.addWidget(win)
    win.show()  # Qt delivers drag and drop events to visible widgets only
    stray = tmp_path / "notes.txt"
    stray.write_text("x")
    pos = QPointF(10, 10)
    stray_mime, file_mime = _mime(stray), _mime(zone_folder / "projects.csv")  # events borrow
    refused = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, stray_mime,
                              Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, refused)
    assert not refused.isAccepted()
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, file_mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, enter)  # Qt sends the drop to the widget that accepted this
    assert enter.isAccepted()
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, file_mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(win, drop)
    qtbot.waitUntil(lambda: win.data_folder == zone_folder, timeout=WAIT_MS)
