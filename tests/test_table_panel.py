"""TablePanel: title, row count, search and drop-down filters, column widths, copy, export."""
from __future__ import annotations


import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from zoneapp.core.schema import INDICATORS, PROJECTS
from zoneapp.ui.widgets.table_panel import (MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, WHOLE, ExportTarget,
                                    TablePanel)


def frame() -> pd.DataFrame:
    return pd.DataFrame({
        "section": ["overview", "relief", "overview"],
        "key": ["revenue", "jobs", "margin"],
        "name_zh": ["主营业务收入", "带动就业", "利润率"],
        "name_en": ["Revenue", "Jobs", "Profit margin"],
        "period": pd.array([2019, 2019, 2018], dtype="Int64"),
        "value": [506.1, 3000.0, np.nan],
        "unit": ["亿元", "人", "%"],
        "qualifier": ["", "超过", ""],
        "yoy_pct": [11.7, np.nan, -3.2],
        "basis": ["reported", "reported", "derived"],
        "source_id": ["S1", "", ""],
        "source_sentence": ["2019年,高新区实现主营业务收入506.1亿元,同比增长11.7%。" * 3, "", ""],
        "note": ["", "", ""],
        "_row": pd.array([2, 3, 4], dtype="Int64"),
    })


@pytest.fixture
def panel(qtbot, zone_app):
    p = TablePanel()
    qtbot.addWidget(p)
    p.set_data(frame(), INDICATORS, "zh", "概览指标")
    p.resize(900, 300)
    return p


def test_title_count_and_headers(panel):
    assert panel.title() == "概览指标"
    assert panel.count_label.text() == panel.filter_bar.tr("Showing %1 of %2 rows") \
        .replace("%1", "3").replace("%2", "3")
    header = panel.model.headerData(1, Qt.Orientation.Horizontal)
    assert header == "指标名称"  # the key is hidden: an internal code
    assert panel.view.isSortingEnabled() and panel.view.alternatingRowColors()
    assert panel.view.horizontalHeader().stretchLastSection()


def test_language_switch_and_default_title(qtbot):
    p = TablePanel()
    qtbot.addWidget(p)
    p.set_data(frame(), INDICATORS, "zh")
    assert p.title() == "指标"
    p.set_lang("en")
    assert p.title() == "Indicators"
    # English first; the Chinese names hidden, as the English ones are all filled
    assert p.model.column_keys()[:4] == ["section", "name_en", "period", "value"]
    assert p.model.headerData(2, Qt.Orientation.Horizontal) == "Year"
    assert p.model.data(p.model.index(0, 3)) == "50.61 bn yuan"


def test_search_box_is_debounced_and_updates_count(qtbot, panel):
    panel.filter_edit.setText("就业")
    assert panel.model.rowCount() == 3  # not yet: the search waits for typing to pause
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.count_label.text() == "显示 1 / 共 3 行"
    panel.filter_edit.clear()
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=2000)


def test_search_in_a_chosen_column_case_insensitive(qtbot, panel):
    combo = panel.filter_bar.column_combo
    combo.setCurrentIndex(combo.findData("name_en"))
    panel.filter_edit.setText("PROFIT")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=2000)
    assert panel.model.display_text(0, panel.model.column_keys().index("name_zh")) == "利润率"
    panel.filter_edit.setText("利润")  # Chinese is in name_zh, not the chosen column
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=2000)
    assert combo.findData("value") == -1  # figures are not offered for text search


def test_drop_down_filter_for_enum_column(qtbot, panel):
    combo = panel.filter_bar.choice_combos["section"]
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert labels[1:] == ["扶贫与就业", "概览"]  # pinyin order: fu, gai
    combo.setCurrentIndex(combo.findData("overview"))
    assert panel.model.rowCount() == 2
    assert panel.count_label.text() == "显示 2 / 共 3 行"
    panel.filter_edit.setText("利润")
    panel.filter_bar.apply_search()
    assert panel.model.rowCount() == 1  # drop-down and search together
    combo.setCurrentIndex(0)
    assert panel.model.rowCount() == 1
    panel.filter_edit.clear()
    panel.filter_bar.apply_search()
    assert panel.model.rowCount() == 3


def test_column_widths_within_limits(panel):
    widths = [panel.view.columnWidth(c) for c in range(panel.model.columnCount() - 1)]
    assert all(MIN_COLUMN_WIDTH <= w <= MAX_COLUMN_WIDTH for w in widths)
    sentence = panel.model.column_keys().index("source_sentence")
    assert panel.view.columnWidth(sentence) == MAX_COLUMN_WIDTH  # long text is elided


def test_header_click_sorts(qtbot, panel):
    panel.show()
    qtbot.waitExposed(panel)
    value = panel.model.column_keys().index("value")
    panel.view.sortByColumn(value, Qt.SortOrder.DescendingOrder)
    assert [panel.model.data(panel.model.index(r, 1)) for r in range(3)] == [
        "带动就业", "主营业务收入", "利润率"]


def test_export_writes_what_is_shown(qtbot, panel, tmp_path, monkeypatch):
    import zoneapp.core.io.export  # noqa: F401 -- a broken module fails here, not skips
    target = tmp_path / "指标.csv"
    monkeypatch.setattr(panel, "ask_save_path", lambda default: target)
    errors = []
    monkeypatch.setattr(panel, "show_error", lambda title, text: errors.append(text))
    panel.view.sortByColumn(panel.model.column_keys().index("value"), Qt.SortOrder.DescendingOrder)
    panel.filter_edit.setText("概览")
    with qtbot.waitSignal(panel.sig_exported) as blocker:
        panel.export()
    assert errors == []
    assert blocker.args == [target]
    text = target.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0].startswith("板块,指标代码,指标名称")
    read = pd.read_csv(target, encoding="utf-8-sig", keep_default_na=False)
    assert "_row" not in read.columns
    assert read["指标代码"].tolist() == ["revenue", "margin"]


def test_export_xlsx(qtbot, panel, tmp_path, monkeypatch):
    import zoneapp.core.io.export  # noqa: F401 -- a broken module fails here, not skips
    target = tmp_path / "table.xlsx"
    monkeypatch.setattr(panel, "ask_save_path", lambda default: target)
    assert panel.export() == target
    read = pd.read_excel(target, engine="openpyxl")
    assert list(read["指标名称"]) == ["主营业务收入", "带动就业", "利润率"]


def test_export_failure_shows_error(panel, tmp_path, monkeypatch):
    import zoneapp.core.io.export  # noqa: F401 -- a broken module fails here, not skips
    errors = []
    monkeypatch.setattr(panel, "ask_save_path", lambda default: tmp_path / "no" / "such" / "t.csv")
    monkeypatch.setattr(panel, "show_error", lambda title, text: errors.append((title, text)))
    assert panel.export() is None
    assert len(errors) == 1 and "t.csv" in errors[0][1]
    monkeypatch.setattr(panel, "ask_save_path", lambda default: tmp_path / "t.pdf")
    assert panel.export() is None and len(errors) == 2


def test_cancelled_export_does_nothing(qtbot, panel, monkeypatch):
    monkeypatch.setattr(panel, "ask_save_path", lambda default: None)
    with qtbot.assertNotEmitted(panel.sig_exported):
        assert panel.export() is None


def test_the_panel_leaves_ctrl_e_to_the_window(panel):
    """Two Ctrl+E shortcuts would be ambiguous and neither would fire (see test_keyboard)."""
    from PySide6.QtGui import QAction, QKeySequence

    keys = [a.shortcut() for a in panel.findChildren(QAction)]
    assert QKeySequence("Ctrl+E") not in keys


def test_copy_selection_as_tsv(qtbot, panel):
    sel = panel.view.selectionModel()
    for r in (0, 1):
        for c in (1, 4):
            sel.select(panel.model.index(r, c), sel.SelectionFlag.Select)
    text = panel.copy_selection()
    assert text == "指标名称\t数值\n主营业务收入\t506.1亿元\n带动就业\t超过3,000人"
    assert QGuiApplication.clipboard().text() == text
    QGuiApplication.clipboard().clear()
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == text


def projects() -> pd.DataFrame:
    return pd.DataFrame({
        "name_zh": ["芦林纸业技改项目", "=HYPERLINK(\"http://x\")", "博丰化工"],
        "name_en": ["Lulin upgrade", "@SUM(A1)", ""],
        "kind": ["upgrade", "new", ""],
        "period": pd.array([2019, pd.NA, 2018], dtype="Int64"),
        "investment": [22.0, np.nan, -0.5],
        "investment_unit": ["亿元", "", "亿元"],
        "stage": ["started", "", "producing"],
    })


@pytest.fixture
def project_panel(qtbot):
    p = TablePanel()
    qtbot.addWidget(p)
    p.set_data(projects(), PROJECTS, "zh", "项目")
    return p


def test_select_all_copy_neutralises_formulas_and_blanks_missing(qtbot, project_panel):
    p = project_panel
    p.view.selectAll()
    text = p.copy_selection()
    lines = text.split("\n")
    header = lines[0].split("\t")
    assert header[:3] == ["项目名称", "英文名称", "类型"]
    keys = p.model.column_keys()
    row1 = dict(zip(keys, lines[2].split("\t")))
    assert row1["name_zh"] == "'=HYPERLINK(\"http://x\")"
    assert row1["name_en"] == "'@SUM(A1)"
    assert row1["period"] == "" and row1["investment"] == "" and row1["stage"] == ""
    row2 = dict(zip(keys, lines[3].split("\t")))
    assert row2["investment"] == "-0.5亿元"  # a figure is copied as shown, not guarded
    assert QGuiApplication.clipboard().text() == text


def test_context_menu_offers_copy_and_select_all(qtbot, zone_app, project_panel):
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    p = project_panel
    p.show()
    qtbot.waitExposed(p)
    # What the window system sends the table under a right click.
    where = p.view.visualRect(p.model.index(0, 0)).center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, where,
                              p.view.viewport().mapToGlobal(where))
    QApplication.sendEvent(p.view.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu), timeout=3000)
    menu = QApplication.activePopupWidget()
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[:2] == ["复制", "全选"]
    assert p._export_action in menu.actions() and p._export_whole_action in menu.actions()
    menu.close()
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is None, timeout=3000)
    assert p._select_all_action.shortcut().matches(
        QKeySequence(QKeySequence.StandardKey.SelectAll)) == QKeySequence.SequenceMatch.ExactMatch
    p._select_all_action.trigger()  # the menu's action is the real one
    assert len(p.view.selectionModel().selectedRows()) == p.model.rowCount()


def test_export_shown_or_whole_in_each_format(qtbot, project_panel, tmp_path, monkeypatch):
    p = project_panel
    p.view.sortByColumn(p.model.column_keys().index("investment"), Qt.SortOrder.DescendingOrder)
    p.filter_bar.choice_combos["kind"].setCurrentIndex(
        p.filter_bar.choice_combos["kind"].findData("upgrade"))
    assert p.model.rowCount() == 1
    targets = iter([ExportTarget(tmp_path / "shown.csv"),
                    ExportTarget(tmp_path / "whole.csv", "gb18030"),
                    tmp_path / "whole.xlsx"])
    monkeypatch.setattr(p, "ask_save_path", lambda default: next(targets))
    shown = p.export()
    assert shown.read_bytes().startswith(b"\xef\xbb\xbf")
    read = pd.read_csv(shown, encoding="utf-8-sig", keep_default_na=False)
    assert read["项目名称"].tolist() == ["芦林纸业技改项目"]
    whole = p.export(WHOLE)
    assert not whole.read_bytes().startswith(b"\xef\xbb\xbf")
    read = pd.read_csv(whole, encoding="gb18030", keep_default_na=False, dtype=str)
    assert read["项目名称"].tolist() == ["芦林纸业技改项目", "'=HYPERLINK(\"http://x\")", "博丰化工"]
    assert read["年份"].tolist() == ["2019", "", "2018"]
    xlsx = p.export(WHOLE)
    book = pd.read_excel(xlsx, engine="openpyxl", dtype=object)
    assert book["项目名称"].tolist()[1] == "=HYPERLINK(\"http://x\")"  # a string cell in xlsx
    assert book["类型"].tolist()[0] == "技改"


def test_view_lays_out_new_rows_at_once(qtbot):
    """After a filter the view's geometry (scroll range) is already the new one, so the next
    paint -- by the event loop or a synchronous repaint() -- is the only one needed."""
    many = pd.DataFrame({"name_zh": [f"项目{i:04d}" for i in range(500)],
                         "name_en": [f"Project {i:04d}" for i in range(500)]})
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_data(many, PROJECTS, "zh")
    panel.resize(600, 300)
    panel.show()
    qtbot.waitExposed(panel)
    bar = panel.view.verticalScrollBar()
    assert bar.maximum() > 0
    panel.model.set_filter("0042")
    assert panel.model.rowCount() == 1 and bar.maximum() == 0  # no event loop pass needed
    panel.model.set_filter("")
    assert bar.maximum() > 0


def test_after_a_language_switch_the_sort_arrow_is_on_the_sorted_column(qtbot, panel):
    header = panel.view.horizontalHeader()
    name_zh = panel.model.column_keys().index("name_zh")
    panel.view.sortByColumn(name_zh, Qt.SortOrder.AscendingOrder)
    shown = [panel.model.display_text(r, name_zh) for r in range(3)]
    assert shown == ["带动就业", "利润率", "主营业务收入"]  # pinyin
    panel.set_lang("en")  # name_zh is hidden in English (name_en is filled): its twin sorts
    column, order = panel.model.sort_column()
    assert panel.model.column_keys()[column] == "name_en"
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, order)
    panel.set_lang("zh")
    assert header.sortIndicatorSection() == panel.model.column_keys().index("name_zh")
    assert [panel.model.display_text(r, header.sortIndicatorSection()) for r in range(3)] == shown


def test_wide_table_column_fits_its_largest_number_far_down(qtbot):
    """A table of many columns samples few rows for its widths, but a column still fits its
    widest number wherever it is (it is not cut to "…")."""
    from zoneapp.ui.widgets.table_panel import FIT_MIN_ROWS, TablePanel

    grid = {f"p{c}": [1.0] * 500 for c in range(150)}
    grid["p0"][499] = -123456789.25  # the longest text, far below the sampled rows
    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_data(pd.DataFrame(grid), None, "zh", "wide")
    texts = panel.model.width_texts(0, FIT_MIN_ROWS)
    assert panel.model.display_text(499, 0) in texts
    metrics = panel.view.fontMetrics()
    assert panel.view.columnWidth(0) >= metrics.horizontalAdvance(panel.model.display_text(499, 0))
    assert panel.view.columnWidth(0) > panel.view.columnWidth(1)


def test_a_figure_with_a_qualifier_and_unit_far_from_its_extremes_fits(qtbot, main_window):
    """The seed's figures table mixes units and qualifiers: "over 1.2 M m²" is neither its
    largest nor its smallest number, and row 11. Its Value column still shows it whole."""
    from zoneapp.paths import DEFAULT_DATA

    assert main_window.load_folder(DEFAULT_DATA)
    main_window.set_language("en")
    panel = main_window.select_tab("projects").tables["indicators"]
    value = panel.model.column_keys().index("value")
    texts = [panel.model.display_text(r, value) for r in range(panel.model.rowCount())]
    widest = max(texts, key=panel.view.fontMetrics().horizontalAdvance)
    assert widest.startswith("over ")
    assert panel.view.columnWidth(value) >= panel.view.fontMetrics().horizontalAdvance(widest)
