"""#14 item 4 in the window: a measure column's value kind (the Columns page's combo and the
sheet's right-click menu) and, for a table whose rows are indicators, each row's key, name and
unit or that it is not imported (the Columns page's row list, the menu) -- previewed, written,
saved in the recipe and used for the next report without a question. Driven directly: no
test waits on a modal loop; each change waits for the background plan."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import correctable_tables as ct
import statistics_tables as st
from test_import_dialog_corrections import menu, open_dialog, settle, written
from zoneapp.core.tables import recipe as recipes


def recipe_of(folder):
    (path,) = (folder / "recipes").glob("*.toml")
    return recipes.load(path)


def choose_kind(qtbot, dialog, col: int, value: str) -> None:
    box = dialog.columns_page.rows[col]["value_kind"]
    at = box.findData(value)
    box.setCurrentIndex(at)
    box.activated.emit(at)
    settle(qtbot, dialog)


def type_row(qtbot, dialog, name: str, field: str, text: str) -> None:
    edit = dialog.columns_page.rows_list.rows[name][field]
    edit.setText(text)
    edit.setModified(True)
    edit.editingFinished.emit()
    settle(qtbot, dialog)


def test_a_value_kind_chosen_is_previewed_written_and_kept(qtbot, zone_app, tmp_path):
    into = tmp_path / "industry"
    dialog = open_dialog(qtbot, st.monthly_xlsx(tmp_path / "工业月报2023-11.xlsx"), into)
    box = dialog.columns_page.rows[3]["value_kind"]
    assert box.currentData() == "ytd" and box.isEnabled()
    growth = dialog.columns_page.rows[2]["value_kind"]  # C is a growth column: no kind
    assert not growth.isEnabled() and growth.currentIndex() == -1
    assert [box.itemText(i) for i in range(box.count())] == ["本月", "累计", "期末", "不注明"]
    choose_kind(qtbot, dialog, 3, "stock")
    assert set(dialog.rows_model.codes("value_kind")) == {"month", "stock"}
    assert "期末数" in dialog.summary.toPlainText()
    menu(qtbot, dialog, 5, 1, "数值类型：不注明")  # B 本月, by right-click
    assert set(dialog.rows_model.codes("value_kind")) == {"", "stock"}
    assert dialog.columns_page.rows[1]["value_kind"].currentData() == "none"
    dialog.accept()
    assert {r["value_kind"] for r in written(into)} == {"", "stock"}
    assert {c.value_kind for c in recipe_of(into).columns if c.role == "measure"} == {"", "stock"}

    again = open_dialog(qtbot, st.monthly_xlsx(tmp_path / "工业月报2024-03.xlsx", 2024, 3), into)
    assert not again.plan.asks
    assert set(again.rows_model.codes("value_kind")) == {"", "stock"}
    assert again.columns_page.rows[3]["value_kind"].currentData() == "stock"


def test_indicator_rows_corrected_and_skipped_are_previewed_written_and_kept(
        qtbot, zone_app, tmp_path):
    into = tmp_path / "district"
    dialog = open_dialog(qtbot, ct.indicator_report_csv(tmp_path / "主要指标2024-03.csv"), into)
    rows = dialog.columns_page.rows_list
    assert not rows.isHidden() and list(rows.rows) == [
        "规模以上工业增加值", "高技术制造业", "实际利用外资", "工业用电量"]
    assert rows.rows["实际利用外资"]["unit"].text() == "万美元"
    type_row(qtbot, dialog, "规模以上工业增加值", "key", "industry_va")
    type_row(qtbot, dialog, "规模以上工业增加值", "name_zh", "工业增加值")
    type_row(qtbot, dialog, "工业用电量", "unit", "亿千瓦时")
    type_row(qtbot, dialog, "实际利用外资", "key", "2 bad")  # not a key: said, not taken
    assert "2 bad" in dialog.message.text()
    menu(qtbot, dialog, 3, 0, "不导入这一行")  # 其中：高技术制造业
    model = dialog.rows_model
    assert set(model.column_values("name_zh")) == {"工业增加值", "实际利用外资", "工业用电量"}
    assert "industry_va" in model.codes("key") and "2 bad" not in model.codes("key")
    assert {u for n, u in zip(model.column_values("name_zh"), model.codes("unit"))
            if n == "工业用电量"} == {"亿千瓦时"}
    assert not rows.rows["高技术制造业"]["import"].isChecked()
    assert not rows.rows["高技术制造业"]["key"].isEnabled()
    assert [a.text() for a in dialog.sheet_actions(3, 2) if "这一行" in a.text()
            and "表头" not in a.text()] == ["导入这一行"]
    dialog.accept()
    assert {r["name_zh"] for r in written(into)} == {"工业增加值", "实际利用外资", "工业用电量"}
    saved = recipe_of(into)
    assert saved.rows["高技术制造业"].skip and saved.rows["规模以上工业增加值"].key == "industry_va"
    assert saved.rows["工业用电量"].unit == "亿千瓦时"

    again = open_dialog(qtbot, ct.indicator_report_csv(tmp_path / "主要指标2024-04.csv", 2024, 4),
                        into)
    assert not again.plan.asks
    assert set(again.rows_model.column_values("name_zh")) == {"工业增加值", "实际利用外资",
                                                              "工业用电量"}
    assert not again.columns_page.rows_list.rows["高技术制造业"]["import"].isChecked()
    # Taken back by keyboard: Space on the row's check box imports it again.
    check = again.columns_page.rows_list.rows["高技术制造业"]["import"]
    again.pages.setCurrentWidget(again.columns_page)
    check.setFocus()
    qtbot.keyClick(check, Qt.Key.Key_Space)
    settle(qtbot, again)
    assert "高技术制造业" in again.rows_model.column_values("name_zh")


def test_rows_list_only_for_tables_whose_rows_are_indicators(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, st.yearbook_xlsx(tmp_path / "yb.xlsx"), tmp_path / "z")
    assert dialog.columns_page.rows_list.isHidden()
    assert not any("这一行" in a.text() and "表头" not in a.text()
                   for a in dialog.sheet_actions(7, 0))


def test_english_and_the_keyboard(qtbot, zone_app, tmp_path):
    from zoneapp.ui.i18n import install_translator

    install_translator(QApplication.instance(), "en")
    dialog = open_dialog(qtbot, ct.indicator_report_csv(tmp_path / "report2024-03.csv"),
                         tmp_path / "z", "en")
    texts = [a.text() for a in dialog.sheet_actions(4, 2)]
    assert "Do not import this row" in texts and "Value kind: at the period's end" in texts
    rows = dialog.columns_page.rows_list
    assert rows.label.text().startswith("Indicator ro&ws")
    dialog.pages.setCurrentWidget(dialog.columns_page)
    dialog.activateWindow()
    qtbot.keyClick(dialog, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)  # Indicator ro&ws
    assert dialog.focusWidget() is rows.rows["规模以上工业增加值"]["import"]
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    key = rows.rows["规模以上工业增加值"]["key"]
    assert dialog.focusWidget() is key
    key.selectAll()
    qtbot.keyClicks(key, "industry_va")
    qtbot.keyClick(key, Qt.Key.Key_Return)  # Enter ends the edit: no import
    settle(qtbot, dialog)
    assert dialog.isVisible() and dialog.written == []
    assert "industry_va" in dialog.rows_model.codes("key")
