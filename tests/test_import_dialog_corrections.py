"""#14 item 4 in the window: the import dialog corrects what was recognised -- header rows and
name column (the sheet's right-click menu, the Columns page), each column's role, key, name and
unit -- and each correction changes the rows previewed and written and lands in the recipe;
planning runs off the UI thread and the newest plan wins. The dialog is built and driven
directly: no test waits on a modal loop."""
from __future__ import annotations

import csv
import io
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import correctable_tables as ct
import statistics_tables as st
from zoneapp.core.tables import recipe as recipes
from zoneapp.ui.window.import_dialog import ImportDialog

WAIT_MS = 30000


def settle(qtbot, dialog: ImportDialog) -> ImportDialog:
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    return dialog


def open_dialog(qtbot, file: Path, folder: Path, lang: str = "zh") -> ImportDialog:
    dialog = ImportDialog(file, folder, lang)
    qtbot.addWidget(dialog)
    dialog.show()
    return settle(qtbot, dialog)


def menu(qtbot, dialog: ImportDialog, row: int, col: int, text: str) -> None:
    """Right-click the sheet at (row, col), 0-based, and choose the item starting `text`."""
    actions = dialog.sheet_actions(row, col)
    chosen = [a for a in actions if a.text().startswith(text)]
    assert len(chosen) == 1, [a.text() for a in actions]
    chosen[0].trigger()
    settle(qtbot, dialog)


def written(folder: Path) -> list[dict[str, str]]:
    text = (folder / "indicators.csv").read_text(encoding="utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


def role_box(dialog: ImportDialog, col: int):
    return dialog.columns_page.rows[col]["role"]


def choose_role(qtbot, dialog: ImportDialog, col: int, data: tuple) -> None:
    box = role_box(dialog, col)
    at = next(i for i in range(box.count()) if box.itemData(i) == data)
    box.setCurrentIndex(at)
    box.activated.emit(at)
    settle(qtbot, dialog)


def type_into(qtbot, dialog: ImportDialog, col: int, field: str, text: str) -> None:
    edit = dialog.columns_page.rows[col][field]
    edit.setText(text)
    edit.setModified(True)
    edit.editingFinished.emit()
    settle(qtbot, dialog)


def test_the_header_row_corrected_on_the_sheet_is_previewed_written_and_kept(
        qtbot, zone_app, tmp_path):
    into = tmp_path / "parks"
    dialog = open_dialog(qtbot, ct.numbered_header_xlsx(tmp_path / "园区2023.xlsx"), into)
    assert "甲" in dialog.rows_model.column_values("entity")  # the finder's mistake
    menu(qtbot, dialog, 3, 0, "这一行是表头的最后一行")
    assert set(dialog.rows_model.column_values("entity")) == {"高新园", "物流园", "合计"}
    assert dialog.pages.tabText(1) == "将添加的行（6）"
    sheet = dialog.sheet_model
    assert [sheet.mark(r, 1) for r in (2, 3, 4)] == ["header", "header", "measure"]
    page = dialog.columns_page
    assert (page.header_first.value(), page.header_last.value()) == (3, 4)
    assert "表头在第 3, 4 行" in dialog.summary.toPlainText()
    dialog.ok_button.click()
    assert dialog.result() == ImportDialog.DialogCode.Accepted
    assert {r["entity"] for r in written(into)} == {"高新园", "物流园", "合计"}
    (path,) = (into / "recipes").glob("*.toml")
    assert recipes.load(path).header_rows == [3, 4]

    again = open_dialog(qtbot, ct.numbered_header_xlsx(tmp_path / "园区2024.xlsx", 2024), into)
    assert again.plan.recipe_status == "same" and not again.plan.asks  # no questions
    assert "与已保存的配方一致" in again.summary.toPlainText()
    assert "甲" not in again.rows_model.column_values("entity")
    assert (again.columns_page.header_first.value(), again.columns_page.header_last.value()) \
        == (3, 4)


def test_the_header_rows_typed_on_the_columns_page(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, ct.numbered_header_xlsx(tmp_path / "园区2023.xlsx"),
                         tmp_path / "z")
    page = dialog.columns_page
    page.header_last.setValue(4)
    page.header_last.editingFinished.emit()
    settle(qtbot, dialog)
    assert "甲" not in dialog.rows_model.column_values("entity")
    assert dialog.plan.tables[0].shape.header_rows == [2, 3]


def test_a_measure_not_imported_is_neither_previewed_nor_written(qtbot, zone_app, tmp_path):
    into = tmp_path / "zone"
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx"), into)
    assert "利润总额" in dialog.rows_model.column_values("name_zh")
    choose_role(qtbot, dialog, 5, ("skip", None))  # F 利润总额
    assert set(dialog.rows_model.column_values("name_zh")) == {"企业数", "收入合计"}
    assert "忽略列 F" in dialog.summary.toPlainText()
    assert dialog.sheet_model.mark(7, 5) == ""  # no longer marked a measure
    dialog.accept()
    assert {r["name_zh"] for r in written(into)} == {"企业数", "收入合计"}
    text = next((into / "recipes").glob("*.toml")).read_text(encoding="utf-8")
    profit = text[text.index('header = "利润总额'):]
    assert profit.splitlines()[1:3] == ['column = "F"', 'role = "skip"']

    again = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "高技术产业2024.xlsx", 2024), into)
    assert not again.plan.asks
    assert "利润总额" not in again.rows_model.column_values("name_zh")


def test_the_name_column_by_right_click_and_by_keyboard(qtbot, zone_app, tmp_path):
    source = ct.coded_csv(tmp_path / "行业2023.csv")
    dialog = open_dialog(qtbot, source, tmp_path / "z")
    assert set(dialog.rows_model.column_values("entity")) == {"C13", "C14"}
    menu(qtbot, dialog, 2, 1, "这一列是名称列")
    assert set(dialog.rows_model.column_values("entity")) == {"农副食品加工业", "食品制造业"}
    assert dialog.sheet_model.mark(2, 1) == "name"
    menu(qtbot, dialog, 2, 0, "这一列是英文名称")  # the codes beside the names
    assert set(dialog.rows_model.column_values("entity_en") if "entity_en" in
               dialog.rows_model.columns else dialog.plan.rows["entity_en"]) == {"C13", "C14"}
    other = open_dialog(qtbot, source, tmp_path / "y")
    combo = other.columns_page.name_combo
    combo.setCurrentIndex(combo.findData(1))
    combo.activated.emit(combo.currentIndex())
    settle(qtbot, other)
    assert set(other.rows_model.column_values("entity")) == {"农副食品加工业", "食品制造业"}


def test_key_name_and_unit_typed_are_previewed_written_and_saved(qtbot, zone_app, tmp_path):
    into = tmp_path / "zone"
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx"), into)
    type_into(qtbot, dialog, 3, "key", "revenue")
    type_into(qtbot, dialog, 3, "name_zh", "营业收入合计")
    type_into(qtbot, dialog, 2, "unit", "家")
    model = dialog.rows_model
    rows = set(zip(model.column_values("key"), model.column_values("name_zh"),
                   model.column_values("unit")))
    assert ("revenue", "营业收入合计", "亿元") in rows and \
        ("number_of_enterprises", "企业数", "家") in rows
    type_into(qtbot, dialog, 3, "key", "9 bad")  # not a key: said, not taken
    assert "9 bad" in dialog.message.text() and "revenue" in dialog.rows_model.codes("key")
    dialog.accept()
    keys = {(r["key"], r["name_zh"], r["unit"]) for r in written(into)}
    assert ("revenue", "营业收入合计", "亿元") in keys and ("number_of_enterprises", "企业数", "家") in keys
    text = next((into / "recipes").glob("*.toml")).read_text(encoding="utf-8")
    assert 'key = "revenue"' in text and 'name_zh = "营业收入合计"' in text and 'unit = "家"' in text


def test_a_growth_rate_given_to_another_measure(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, ct.numbered_header_xlsx(tmp_path / "园区2023.xlsx"),
                         tmp_path / "z")
    menu(qtbot, dialog, 3, 0, "这一行是表头的最后一行")
    menu(qtbot, dialog, 5, 3, "这一列是 C 利润总额 的增速")
    model = dialog.rows_model
    growth = {n: g for n, g in zip(model.column_values("name_zh"), model.column_values("yoy_pct"))
              if g}
    assert set(growth) == {"利润总额"}
    assert role_box(dialog, 3).currentData() == ("growth", 2)
    choose_role(qtbot, dialog, 3, ("measure", None))  # the growth column imported as a measure
    assert "营业收入增速" in dialog.rows_model.column_values("name_zh")
    menu(qtbot, dialog, 5, 3, "撤销全部更正")
    assert "甲" in dialog.rows_model.column_values("entity")


def test_the_newest_plan_wins_and_import_waits_for_it(qtbot, zone_app, tmp_path):
    big = tmp_path / "园区.csv"
    lines = ["园区,营业收入(亿元),利润总额(亿元)"] + [f"园区{i},{i}.5,{i % 7}" for i in range(100_000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = open_dialog(qtbot, big, tmp_path / "z")
    shown = []
    dialog.sig_planned.connect(lambda: shown.append(
        set(dialog.rows_model.codes("period_detail")) if dialog.plan else dialog.error))
    for period in ("2021", "2022H1", "2023Q3"):
        started = time.perf_counter()
        dialog.period_edit.setText(period)
        dialog.period_edit.editingFinished.emit()
        assert time.perf_counter() - started < 0.3  # the UI thread only asks
        assert dialog.busy and not dialog.ok_button.isEnabled()
        assert dialog.busy_bar.isVisibleTo(dialog)
    dialog.accept()  # Enter while planning: nothing
    assert dialog.isVisible() and not (tmp_path / "z").exists()
    settle(qtbot, dialog)
    assert shown == [{"2023Q3"}] and dialog.ok_button.isEnabled()
    assert dialog.rows_model.rowCount() == 200_000
    assert not dialog.busy_bar.isVisibleTo(dialog)


def test_cancel_after_corrections_writes_nothing(qtbot, zone_app, zone_folder, tmp_path):
    before = snapshot(zone_folder)
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "yb.xlsx"), zone_folder)
    choose_role(qtbot, dialog, 5, ("skip", None))
    menu(qtbot, dialog, 7, 1, "这一列是名称列")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Esc cancels
    assert dialog.result() == ImportDialog.DialogCode.Rejected and dialog.written == []
    assert snapshot(zone_folder) == before


def test_what_was_found_speaks_of_the_dialog_not_the_command(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, st.stacked_xlsx(tmp_path / "功能区.xlsx"), tmp_path / "z")
    found = dialog.summary.toPlainText()
    assert "--" not in found and "可在“表格”框中只选一张" in found
    bare = tmp_path / "园区.csv"
    bare.write_text("园区,营业收入(亿元)\n高新园,12.5\n", encoding="utf-8")
    failed = open_dialog(qtbot, bare, tmp_path / "y")
    assert "--" not in failed.message.text() + failed.summary.toPlainText()
    assert "表中没有写年份" in failed.message.text()


def test_english(qtbot, zone_app, tmp_path):
    from zoneapp.ui.i18n import install_translator

    install_translator(QApplication.instance(), "en")
    dialog = open_dialog(qtbot, st.stacked_xlsx(tmp_path / "zones.xlsx"), tmp_path / "z", "en")
    assert "choose one in the Table box" in dialog.summary.toPlainText()
    texts = [a.text() for a in dialog.sheet_actions(3, 1)]
    assert "This row is the header's last row" in texts and "Do not import this column" in texts
    assert dialog.pages.tabText(3) == "Colu&mns"
    menu(qtbot, dialog, 3, 2, "Do not import this column")
    assert "column skipped C “固定资产投资(亿元)”: not imported" in dialog.summary.toPlainText()


def test_chinese_words_and_keyboard(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "yb.xlsx"), tmp_path / "z")
    texts = [a.text() for a in dialog.sheet_actions(7, 5)]
    assert {"这一行是表头的最后一行", "这一列是名称列", "不导入这一列"} <= set(texts)
    assert "&" in dialog.pages.tabText(3) and dialog.pages.tabText(3) != "Colu&mns"
    dialog.activateWindow()
    dialog.period_edit.setFocus()
    qtbot.keyClick(dialog.period_edit, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.section_combo  # the form in its order
    edit = dialog.columns_page.rows[3]["key"]
    dialog.pages.setCurrentWidget(dialog.columns_page)
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "revenue")
    qtbot.keyClick(edit, Qt.Key.Key_Return)  # Enter ends the edit: no import
    settle(qtbot, dialog)
    assert dialog.isVisible() and dialog.written == []
    assert "revenue" in dialog.rows_model.codes("key")
    dialog.ok_button.setFocus()
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)  # Enter on Import imports
    assert dialog.written and (tmp_path / "z" / "indicators.csv").is_file()


def test_a_sheet_the_finder_cannot_read_is_shown_and_its_header_pointed_at(
        qtbot, zone_app, tmp_path):
    table = tmp_path / "园区2023.csv"  # three labels and years across: taken for a data row
    table.write_text("园区,类别,说明,2022,2023\n高新园,高新,省级,10.5,12\n物流园,物流,市级,3,4.5\n",
                     encoding="utf-8")
    dialog = open_dialog(qtbot, table, tmp_path / "z")
    assert dialog.plan is None and "找不到表头和数据行" in dialog.message.text()
    sheet = dialog.sheet_view.model()  # the sheet as it is, nothing marked
    assert sheet.data(sheet.index(1, 0)) == "高新园" and sheet.mark(0, 0) == ""
    menu(qtbot, dialog, 0, 3, "这一行是表头的最后一行")
    assert "找不到这些指标的单位" in dialog.message.text()  # the next thing to say
    dialog.unit_edit.setText("亿元")
    dialog.unit_edit.editingFinished.emit()
    settle(qtbot, dialog)
    model = dialog.rows_model
    assert set(zip(model.column_values("entity"), model.column_values("period"),
                   model.column_values("value"))) == {
        ("高新园", "2022", "10.5"), ("高新园", "2023", "12"), ("物流园", "2022", "3"),
        ("物流园", "2023", "4.5")}


def test_a_dialog_closed_while_planning_is_let_go(qtbot, zone_app, tmp_path):
    big = tmp_path / "园区.csv"
    lines = ["园区,营业收入(亿元)"] + [f"园区{i},{i}.5" for i in range(30_000)]
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    dialog = ImportDialog(big, tmp_path / "z", "zh")
    dialog.show()
    shown = []
    dialog.sig_planned.connect(lambda: shown.append(dialog.plan))
    assert dialog.busy
    dialog.reject()
    dialog.release()  # as the window does on finished
    pool = dialog.planner.pool
    assert pool.waitForDone(WAIT_MS)
    qtbot.wait(50)
    assert shown == [] and dialog.plan is None and not (tmp_path / "z").exists()
    dialog.deleteLater()
    qtbot.wait(50)


def test_a_key_that_is_no_key_is_said_in_the_dialogs_language_and_not_taken(
        qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "高技术产业2023.xlsx"),
                         tmp_path / "z")
    before = dialog.rows_model.codes("key")
    type_into(qtbot, dialog, 3, "key", "2收入")
    assert dialog.message.text() == "键只能由字母、数字和 _ 组成，并以字母开头：2收入"
    assert dialog.rows_model.codes("key") == before
