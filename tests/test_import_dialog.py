"""#14 in the window: File → Import table… and a dropped table open the import dialog; it shows
what was recognised and the rows it will add, writes on OK as the command does (the one
exemption from the data folder's write protection) and nothing on Cancel or on a bad file.
Dialogs are opened with open() and driven directly: no test waits on a modal loop."""
from __future__ import annotations

import csv
import io
import threading
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import statistics_tables as st
from zoneapp.core.io import atomic
from zoneapp.ui.window.import_dialog import ImportDialog

WAIT_MS = 20000


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def indicator_rows(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def window(main_window):
    """The conftest's window; loads the import started are over before it goes."""
    yield main_window
    main_window.drop_reload.stop()
    main_window.loader.cancel()
    main_window.loader.wait()
    QApplication.processEvents()


@pytest.fixture
def loaded(window, zone_folder):
    """The window showing a copy of the default data (so the folder is write-protected)."""
    assert window.load_folder(zone_folder)
    return window


def settle(qtbot, dialog: ImportDialog) -> ImportDialog:
    """Planning runs off the UI thread: wait until the plan for the current choices is in."""
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def dialog_for(qtbot, window, file: Path) -> ImportDialog:
    dialog = window.import_table(file)
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    return settle(qtbot, dialog)


def test_yearbook_is_recognised_previewed_written_on_ok_and_the_window_reloads(
        qtbot, loaded, zone_folder, tmp_path):
    source = st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx")
    before = indicator_rows(zone_folder)
    dialog = dialog_for(qtbot, loaded, source)
    found = dialog.summary.toPlainText()
    assert "工作表 “5-2”" in found and "表头在第 5, 6 行" in found
    assert "名称列: A “地区”，英文 B" in found and "单位行: 单位:个,亿元" in found
    assert "全国、东部地区" in found  # aggregates named
    assert "“收入合计” →" in found and "[亿元]" in found and "[个]" in found
    model = dialog.rows_view.model()
    assert model.rowCount() == 12  # 4 regions × 3 measures
    assert set(model.column_values("entity")) == {"全国", "东部地区", "北京", "江西"}
    revenue = [i for i, n in enumerate(model.column_values("name_zh")) if n == "收入合计"]
    assert [model.column_values("value")[i] for i in revenue] == \
        ["199000.5", "140000", "9800.25", "5100"]
    assert {model.column_values("yoy_pct")[i] for i in revenue} == {"8.1", "7.5", "6.2", "12.3"}
    assert {model.column_values("period")[i] for i in revenue} == {"2023"}
    assert dialog.pages.tabText(1) == "将添加的行（12）"
    sheet = dialog.sheet_view.model()  # the sheet as it is, what was found marked
    assert sheet.data(sheet.index(0, 0)) == "5-2 各地区高技术产业生产经营情况(2023年)"
    assert [sheet.mark(r, 3) for r in (0, 2, 4, 5, 6)] == \
        ["title", "title", "header", "header", "measure"]
    assert (sheet.mark(7, 0), sheet.mark(7, 4), sheet.mark(11, 0)) == ("name", "growth", "note")
    assert snapshot(zone_folder)["indicators.csv"] == (zone_folder / "indicators.csv").read_bytes()

    with qtbot.waitSignal(loaded.sig_dataset_loaded, timeout=WAIT_MS):
        dialog.ok_button.click()
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    after = indicator_rows(zone_folder)
    kept = [{k: r[k] for k in before[0]} for r in after[:len(before)]]
    assert kept == before  # what the folder held is kept (new columns added empty)
    beijing = [r for r in after if r["entity"] == "北京" and r["name_zh"] == "收入合计"]
    assert [(r["value"], r["unit"], r["yoy_pct"]) for r in beijing] == [("9800.25", "亿元", "6.2")]
    backup = next((zone_folder / "backups").glob("indicators-*.csv"))
    assert backup.stat().st_size > 0
    assert next((zone_folder / "recipes").glob("*.toml")).read_text(encoding="utf-8")
    shown = loaded.dataset.tables["indicators"]
    assert ((shown["entity"] == "江西") & (shown["name_zh"] == "收入合计")).sum() == 1
    assert "12" in loaded.statusBar().currentMessage()


def test_monthly_report_month_and_year_to_date_and_a_tab_chosen(qtbot, loaded, zone_folder,
                                                               tmp_path):
    source = st.monthly_xlsx(tmp_path / "2023年1-11月工业月报.xlsx")
    dialog = dialog_for(qtbot, loaded, source)
    found = dialog.summary.toPlainText()
    assert "期间: 2023年1–11月" in found
    assert "数值列 B “现价工业产值 / 本月”，本月，增速在 C 列" in found
    model = dialog.rows_model
    pairs = set(zip(model.column_values("name_zh"), model.codes("value_kind"),
                    model.column_values("period_detail"), model.column_values("value")))
    assert ("工业总产值", "month", "2023-11", "11000") in pairs
    assert ("工业总产值", "ytd", "2023-01..2023-11", "99000") in pairs
    assert ("高技术产业", "ytd", "2023-01..2023-11", "30800") in pairs  # "其中：" dropped
    assert set(model.column_values("unit")) == {"万元"}
    assert set(model.column_values("value_kind")) == {"当月", "累计"}  # as the tables say it
    dialog.section_combo.setCurrentIndex(dialog.section_combo.findData("innovation"))
    dialog.section_combo.activated.emit(dialog.section_combo.currentIndex())
    settle(qtbot, dialog)
    assert set(dialog.rows_model.codes("section")) == {"innovation"}
    assert set(dialog.rows_model.column_values("section")) == {"科技创新"}
    with qtbot.waitSignal(loaded.sig_dataset_loaded, timeout=WAIT_MS):
        dialog.accept()
    written = [r for r in indicator_rows(zone_folder) if r["value_kind"] == "ytd"]
    assert {r["section"] for r in written} == {"innovation"} and len(written) == 3


def test_cancel_writes_nothing(qtbot, loaded, zone_folder, tmp_path):
    before = snapshot(zone_folder)
    dialog = dialog_for(qtbot, loaded, st.yearbook_xlsx(tmp_path / "yb.xlsx"))
    assert dialog.ok_button.isEnabled()
    dialog.buttons.button(dialog.buttons.StandardButton.Cancel).click()
    assert dialog.result() == ImportDialog.DialogCode.Rejected and dialog.written == []
    assert snapshot(zone_folder) == before


@pytest.mark.parametrize("content, words", [
    (b"PK\x03\x04 not really a workbook", "文件已损坏或不是 Excel 工作簿"),
    (b"", "文件是空的"),
])
def test_a_file_it_cannot_read_says_why_and_writes_nothing(qtbot, loaded, zone_folder,
                                                          tmp_path, content, words):
    bad = tmp_path / "年报.xlsx"
    bad.write_bytes(content)
    before = snapshot(zone_folder)
    dialog = dialog_for(qtbot, loaded, bad)
    assert dialog.plan is None and not dialog.ok_button.isEnabled()
    assert dialog.message.isVisibleTo(dialog)
    text = dialog.message.text()
    assert text.startswith("年报.xlsx: ") and words in text and "未写入任何文件" in text
    dialog.accept()  # Enter on a disabled OK: still nothing
    assert dialog.isVisible() and snapshot(zone_folder) == before


def test_a_sheet_and_a_table_are_chosen(qtbot, window, tmp_path):
    book = tmp_path / "功能区.xlsx"
    st.stacked_xlsx(book)
    wb = openpyxl.load_workbook(book)
    cover = wb.create_sheet("说明", 0)
    cover["A1"] = "本工作簿收录各功能区主要经济指标。"
    wb.save(book)
    dialog = dialog_for(qtbot, window, book)  # no folder open: one beside the table
    assert dialog.folder == tmp_path / "功能区"
    assert dialog.plan is None and "找不到表头和数据行" in dialog.message.text()
    assert [dialog.sheet_combo.itemText(i) for i in range(dialog.sheet_combo.count())] == \
        ["说明", "Sheet"]
    dialog.sheet_combo.setCurrentIndex(1)
    dialog.sheet_combo.activated.emit(1)
    settle(qtbot, dialog)
    assert dialog.plan is not None and not dialog.message.isVisibleTo(dialog)
    assert dialog.table_combo.count() == 3 and dialog.rows_model.rowCount() == 12
    dialog.table_combo.setCurrentIndex(2)  # 一季度 only
    dialog.table_combo.activated.emit(2)
    settle(qtbot, dialog)
    assert dialog.rows_model.rowCount() == 6 and dialog.table_combo.count() == 3
    assert set(dialog.rows_model.column_values("period_detail")) == {"2024Q1"}
    with qtbot.waitSignal(window.sig_dataset_loaded, timeout=WAIT_MS):
        dialog.accept()
    assert window.data_folder == tmp_path / "功能区"
    assert (tmp_path / "功能区" / "zone.toml").is_file()


def test_a_period_and_unit_typed_are_used(qtbot, window, tmp_path):
    table = tmp_path / "园区.csv"
    table.write_text("园区,营业收入\n高新园,12.5\n物流园,3\n", encoding="utf-8")
    dialog = dialog_for(qtbot, window, table)
    assert dialog.plan is None and "请在上方的“期间”框中填写。" in dialog.message.text()
    assert dialog.focusWidget() is dialog.period_edit
    dialog.period_edit.setText("2024H1")
    dialog.period_edit.editingFinished.emit()
    settle(qtbot, dialog)
    assert dialog.plan is None and "找不到这些指标的单位" in dialog.message.text()  # now the unit
    assert "请在上方的“单位”框中填写。" in dialog.message.text()
    dialog.unit_edit.setText("亿元")
    dialog.unit_edit.editingFinished.emit()
    settle(qtbot, dialog)
    assert dialog.plan is not None
    assert set(zip(dialog.rows_model.column_values("unit"),
                   dialog.rows_model.column_values("period_detail"))) == {("亿元", "2024H1")}


def test_enter_in_the_period_box_previews_and_does_not_import(qtbot, window, tmp_path):
    table = tmp_path / "园区.csv"
    table.write_text("园区,营业收入(亿元)\n高新园,12.5\n物流园,3\n", encoding="utf-8")
    dialog = dialog_for(qtbot, window, table)
    dialog.period_edit.setFocus()
    qtbot.keyClicks(dialog.period_edit, "2024Q3")
    qtbot.keyClick(dialog.period_edit, Qt.Key.Key_Return)
    settle(qtbot, dialog)
    assert dialog.plan is not None and dialog.isVisible() and dialog.written == []
    assert set(dialog.rows_model.codes("period_detail")) == {"2024Q3"}
    assert not (tmp_path / "园区").exists()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # Enter on Import imports
    qtbot.waitUntil(lambda: dialog.written != [], timeout=WAIT_MS)
    window.loader.wait()


def test_the_next_month_keeps_the_tab_its_recipe_names(qtbot, window, tmp_path):
    first = dialog_for(qtbot, window, st.monthly_xlsx(tmp_path / "2023年1-10月.xlsx", last=10))
    first.section_combo.setCurrentIndex(first.section_combo.findData("innovation"))
    first.section_combo.activated.emit(first.section_combo.currentIndex())
    settle(qtbot, first)
    with qtbot.waitSignal(window.sig_dataset_loaded, timeout=WAIT_MS):
        first.accept()
    second = dialog_for(qtbot, window, st.monthly_xlsx(tmp_path / "2023年1-11月.xlsx"))
    assert second.folder == first.folder and second.plan.recipe_status == "same"
    assert second.section_combo.currentData() == "innovation"
    assert set(second.rows_model.codes("section")) == {"innovation"}
    assert "与已保存的配方一致" in second.summary.toPlainText()


def test_english_dialog(qtbot, zone_app, tmp_path):
    from zoneapp.ui.i18n import install_translator
    from zoneapp.ui.window.main_window import MainWindow

    install_translator(QApplication.instance(), "en")
    win = MainWindow(lang="en", remember=False)
    qtbot.addWidget(win)
    assert win.action_import.text() == "&Import table…"
    dialog = dialog_for(qtbot, win, st.yearbook_xlsx(tmp_path / "yb.xlsx"))
    assert "header on row 5, 6" in dialog.summary.toPlainText()
    assert dialog.rows_model.headerData(0, Qt.Orientation.Horizontal) == "Entity"
    assert dialog.ok_button.text() == "&Import"


def test_chinese_menu_and_headers(qtbot, window, tmp_path):
    assert window.action_import.text() == "导入统计表(&I)…"
    dialog = dialog_for(qtbot, window, st.yearbook_xlsx(tmp_path / "yb.xlsx"))
    assert dialog.rows_model.headerData(0, Qt.Orientation.Horizontal) == "对象"
    assert dialog.windowTitle() == "导入统计表：yb.xlsx"


def test_the_menu_asks_for_the_file(qtbot, window, tmp_path, monkeypatch):
    source = st.yearbook_xlsx(tmp_path / "yb.xlsx")
    asked = []
    monkeypatch.setattr("zoneapp.ui.window.import_start.ask_table_file",
                        lambda parent, start: asked.append(start) or source)
    window.action_import.trigger()
    dialog = window.findChild(ImportDialog)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert asked == [None] and dialog.file == source and dialog.isVisible()
    monkeypatch.setattr("zoneapp.ui.window.import_start.ask_table_file", lambda p, s: None)
    assert window.import_table() is None


def _drop(window, path: Path) -> bool:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    pos = QPointF(10, 10)
    enter = QDragEnterEvent(pos.toPoint(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    if not enter.isAccepted():
        return False
    drop = QDropEvent(pos, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, drop)
    return drop.isAccepted()


def test_dropping_a_published_table_opens_the_dialog(qtbot, loaded, zone_folder, tmp_path):
    before = snapshot(zone_folder)
    assert _drop(loaded, st.encrypted_yearbook_xls(tmp_path / "年鉴5-2.xls"))  # as yearbooks are
    qtbot.waitUntil(lambda: loaded.findChild(ImportDialog) is not None, timeout=WAIT_MS)
    dialog = loaded.findChild(ImportDialog)
    qtbot.addWidget(dialog)
    settle(qtbot, dialog)
    assert dialog.file.name == "年鉴5-2.xls" and dialog.folder == zone_folder
    assert dialog.rows_model.rowCount() == 12
    assert "（已用默认密码解密）" in dialog.summary.toPlainText()
    dialog.reject()
    assert snapshot(zone_folder) == before


def test_the_write_guard_holds_outside_the_confirmed_import(qtbot, loaded, zone_folder,
                                                           tmp_path):
    from zoneapp.core.tables.command import commit, plan_import

    plan = plan_import(st.yearbook_xlsx(tmp_path / "yb.xlsx"), zone_folder)
    before = snapshot(zone_folder)
    with pytest.raises(atomic.WriteError):  # the folder the window loaded is protected
        commit(plan)
    refused = []

    def other_thread() -> None:
        try:
            atomic.write_bytes_atomic(zone_folder / "stray.csv", b"x")
        except atomic.WriteError as exc:
            refused.append(exc)

    with atomic.user_confirmed_write(zone_folder):
        atomic.write_bytes_atomic(zone_folder / "allowed.txt", b"x")  # this thread, this folder
        worker = threading.Thread(target=other_thread)
        worker.start()
        worker.join()
        with pytest.raises(atomic.WriteError):  # another data folder stays protected
            _write_into_other_protected(tmp_path)
    assert len(refused) == 1  # other threads are refused meanwhile
    (zone_folder / "allowed.txt").unlink()
    with pytest.raises(atomic.WriteError):  # and everything after the block
        atomic.write_bytes_atomic(zone_folder / "stray.csv", b"x")
    assert snapshot(zone_folder) == before


def _write_into_other_protected(tmp_path: Path) -> None:
    other = tmp_path / "other"
    other.mkdir()
    atomic.protect(other)
    atomic.write_bytes_atomic(other / "x.csv", b"x")


def test_the_import_dialog_is_the_only_exemption():
    root = Path(atomic.__file__).resolve().parents[2]
    users = sorted(str(p.relative_to(root)) for p in root.rglob("*.py")
                   if "user_confirmed_write(" in p.read_text(encoding="utf-8"))
    assert users == ["core/io/atomic.py", "ui/window/import_dialog.py"]


def test_a_folder_changed_since_the_preview_is_not_overwritten(qtbot, loaded, zone_folder,
                                                              tmp_path):
    dialog = dialog_for(qtbot, loaded, st.yearbook_xlsx(tmp_path / "yb.xlsx"))
    edited = (zone_folder / "indicators.csv").read_bytes() + b"\n"
    (zone_folder / "indicators.csv").write_bytes(edited)  # the user's own edit, meanwhile
    dialog.accept()
    settle(qtbot, dialog)
    assert dialog.isVisible() and "预览" in dialog.message.text()
    assert (zone_folder / "indicators.csv").read_bytes() == edited
    assert not (zone_folder / "backups").exists()
    with qtbot.waitSignal(loaded.sig_dataset_loaded, timeout=WAIT_MS):
        dialog.accept()  # the second OK writes, on the fresh preview
    assert (zone_folder / "backups").is_dir()


def test_another_folder_is_chosen_and_the_open_one_left_alone(qtbot, loaded, zone_folder,
                                                              tmp_path, monkeypatch):
    before = snapshot(zone_folder)
    dialog = dialog_for(qtbot, loaded, st.yearbook_xlsx(tmp_path / "yb.xlsx"))
    elsewhere = tmp_path / "regions"
    monkeypatch.setattr(dialog, "ask_folder", lambda: elsewhere)
    dialog.folder_button.click()
    settle(qtbot, dialog)
    assert dialog.folder == elsewhere and dialog.folder_label.text() == str(elsewhere)
    assert dialog.plan.folder == elsewhere and dialog.plan.merged.replaced == 0
    with qtbot.waitSignal(loaded.sig_dataset_loaded, timeout=WAIT_MS):
        dialog.accept()
    assert loaded.data_folder == elsewhere and (elsewhere / "indicators.csv").is_file()
    assert snapshot(zone_folder) == before
