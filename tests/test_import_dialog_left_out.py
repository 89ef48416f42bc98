"""#14 leftovers in the window: the rows of the sheet that add nothing -- left out under
「各行指标」, a lone 其中： line, a blank spacer row, an indicator without figures, the notes --
are greyed in the dialog's sheet, and the tooltip says why (the model's ForegroundRole and
ToolTipRole, in both colour schemes)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import correctable_tables as ct
from test_import_dialog_corrections import menu, open_dialog, settle
from zoneapp.ui import palette

FG, TIP = Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole


def looks(dialog, row: int, col: int = 0) -> tuple:
    """(foreground, tooltip) of the sheet's cell at (row, col), 0-based, as the view reads it."""
    model = dialog.sheet_model
    index = model.index(row, col)
    return model.data(index, FG), model.data(index, TIP)


def tick(qtbot, dialog, name: str) -> None:
    """The row's check box under 各行指标 clicked, as with the mouse or Space."""
    dialog.columns_page.rows_list.rows[name]["import"].click()
    settle(qtbot, dialog)


def test_rows_that_add_nothing_are_greyed_and_say_why(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, ct.gapped_report_xlsx(tmp_path / "主要指标2024-03.xlsx"),
                         tmp_path / "district")
    muted = QColor(palette.MUTED_TEXT)
    # Sheet rows 3..10: 增加值, 其中：, 高技术制造业, blank, 社零, 用电量 ("-"), (blank), 注.
    for row in (2, 4, 6):  # imported: as the sheet's other cells
        fg, tip = looks(dialog, row)
        assert fg is None and tip == "名称列"
    assert looks(dialog, 2, 2) == (None, "指标")
    assert looks(dialog, 3) == (muted, "未导入：这一行没有名称（如单独一行的“其中：”）")
    assert looks(dialog, 3, 3)[0] == muted  # the whole row, not only its name
    assert looks(dialog, 5) == (muted, "未导入：空行")
    assert looks(dialog, 7) == (muted, "未导入：导入的列中没有数字")
    assert looks(dialog, 9) == (muted, "不作为数据导入：表注，存为来源说明")
    assert looks(dialog, 0)[0] is None  # the title: marked, not greyed

    tick(qtbot, dialog, "高技术制造业")  # left out under 各行指标
    assert "高技术制造业" not in dialog.rows_model.column_values("name_zh")
    assert looks(dialog, 4) == (muted, "未导入：已在「各行指标」（各列页或配方）中设为不导入")
    assert looks(dialog, 4, 2)[0] == muted
    tick(qtbot, dialog, "高技术制造业")  # imported again: no longer grey
    assert looks(dialog, 4) == (None, "名称列")


def test_the_grey_is_the_dark_schemes_under_the_dark_scheme(qtbot, zone_app, tmp_path):
    dialog = open_dialog(qtbot, ct.gapped_report_xlsx(tmp_path / "主要指标2024-03.xlsx"),
                         tmp_path / "district")
    try:
        palette.use("dark")
        assert looks(dialog, 3)[0] == QColor(palette.DARK.muted_text)
    finally:
        palette.use("light")
    assert looks(dialog, 3)[0] == QColor(palette.LIGHT.muted_text)


def test_the_year_and_unit_columns_are_corrected_on_the_columns_page_and_the_sheet(
        qtbot, zone_app, tmp_path):
    from test_import_dialog_corrections import choose_role, role_box, written

    into = tmp_path / "regions"
    dialog = open_dialog(qtbot, ct.period_long_csv(tmp_path / "各地区生产总值2023.csv"), into)
    box = role_box(dialog, 0)
    assert box.currentData() == ("measure", None)  # 报告期 read as a figure
    assert [box.itemText(i) for i in range(box.count())][:5] == [
        "指标", "不导入", "英文名称", "每行的年份", "每行的单位"]
    choose_role(qtbot, dialog, 0, ("year", None))
    assert set(dialog.rows_model.column_values("period")) == {"2022", "2023"}
    assert "报告期" not in dialog.rows_model.column_values("name_zh")
    assert role_box(dialog, 0).currentData() == ("year", None)
    assert looks(dialog, 3, 0) == (None, "每行的年份或单位")  # marked on the sheet
    assert not dialog.columns_page.rows[0]["key"].isEnabled()
    dialog.accept()
    assert {r["period"] for r in written(into)} == {"2022", "2023"}

    report = open_dialog(qtbot, ct.unit_column_report_csv(tmp_path / "主要指标2024-03.csv"),
                         tmp_path / "district")
    menu(qtbot, report, 3, 1, "这一列是每行的单位")
    assert role_box(report, 1).currentData() == ("unit", None)
    assert looks(report, 3, 1) == (None, "每行的年份或单位")
    assert set(report.rows_model.codes("unit")) == {"亿元", "万美元", "万千瓦时"}
    assert report.columns_page.rows_list.rows["实际利用外资"]["unit"].text() == "万美元"


def test_a_table_that_fails_for_want_of_units_is_mended_by_pointing_at_its_unit_column(
        qtbot, zone_app, tmp_path):
    source = tmp_path / "主要指标2024-03.csv"
    text = ct.unit_column_report_csv(source).read_text(encoding="utf-8")
    source.write_text(text.replace("单位：万元\n", ""), encoding="utf-8")  # no unit line
    dialog = open_dialog(qtbot, source, tmp_path / "district")
    assert dialog.plan is None and "找不到这些指标的单位" in dialog.message.text()
    assert not dialog.ok_button.isEnabled()
    menu(qtbot, dialog, 2, 1, "这一列是每行的单位")
    assert dialog.plan is not None and dialog.ok_button.isEnabled()
    assert set(dialog.rows_model.codes("unit")) == {"亿元", "万美元", "万千瓦时"}


def test_a_table_that_fails_for_want_of_a_year_is_mended_by_pointing_at_its_year_column(
        qtbot, zone_app, tmp_path):
    source = ct.period_long_csv(tmp_path / "各地区生产总值.csv")  # no year in title or name
    dialog = open_dialog(qtbot, source, tmp_path / "regions")
    assert dialog.plan is None and "表中没有写年份" in dialog.message.text()
    menu(qtbot, dialog, 3, 0, "这一列是每行的年份")
    assert set(dialog.rows_model.column_values("period")) == {"2022", "2023"}
