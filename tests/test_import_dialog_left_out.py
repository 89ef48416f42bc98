"""#14 leftovers in the window: the rows of the sheet that add nothing -- left out under
「各行指标」, a lone 其中： line, a blank spacer row, an indicator without figures, the notes --
are greyed in the dialog's sheet, and the tooltip says why (the model's ForegroundRole and
ToolTipRole, in both colour schemes)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

import correctable_tables as ct
from test_import_dialog_corrections import open_dialog, settle
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
