"""TablePanel: title, row count, filter box, column widths, copy and export of what is shown."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from zoneapp.core.schema import INDICATORS
from zoneapp.ui.table_panel import MAX_COLUMN_WIDTH, MIN_COLUMN_WIDTH, TablePanel


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
def panel(qtbot):
    p = TablePanel()
    qtbot.addWidget(p)
    p.set_data(frame(), INDICATORS, "zh", "概览指标")
    p.resize(900, 300)
    return p


def test_title_count_and_headers(panel):
    assert panel.title() == "概览指标"
    assert panel.count_label.text() == panel.tr("%1 / %2 rows").replace("%1", "3").replace("%2", "3")
    header = panel.model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "指标名称"
    assert panel.view.isSortingEnabled() and panel.view.alternatingRowColors()
    assert panel.view.horizontalHeader().stretchLastSection()


def test_language_switch_and_default_title(qtbot):
    p = TablePanel()
    qtbot.addWidget(p)
    p.set_data(frame(), INDICATORS, "zh")
    assert p.title() == "指标"
    p.set_lang("en")
    assert p.title() == "Indicators"
    assert p.model.headerData(4, Qt.Orientation.Horizontal) == "Year"
    assert p.model.data(p.model.index(0, 5)) == "50.61 bn yuan"


def test_filter_box_updates_count(panel):
    panel.filter_edit.setText("就业")
    assert panel.model.rowCount() == 1
    assert panel.count_label.text().startswith("1 / 3")
    panel.filter_edit.clear()
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
    assert [panel.model.data(panel.model.index(r, 1)) for r in range(3)] == ["jobs", "revenue", "margin"]


def test_export_writes_what_is_shown(qtbot, panel, tmp_path, monkeypatch):
    pytest.importorskip("zoneapp.core.export", reason="core/export.py not written yet")
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
    lines = text.splitlines()
    assert lines[0].startswith("板块,指标代码,指标名称")
    assert "_row" not in lines[0]
    assert [line.split(",")[1] for line in lines[1:]] == ["revenue", "margin"]


def test_export_xlsx(qtbot, panel, tmp_path, monkeypatch):
    pytest.importorskip("zoneapp.core.export", reason="core/export.py not written yet")
    target = tmp_path / "table.xlsx"
    monkeypatch.setattr(panel, "ask_save_path", lambda default: target)
    assert panel.export() == target
    read = pd.read_excel(target, engine="openpyxl")
    assert list(read["指标名称"]) == ["主营业务收入", "带动就业", "利润率"]


def test_export_failure_shows_error(panel, tmp_path, monkeypatch):
    pytest.importorskip("zoneapp.core.export", reason="core/export.py not written yet")
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


def test_ctrl_e_exports(qtbot, panel, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(panel, "ask_save_path", lambda default: asked.append(default))
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    panel.view.setFocus()
    qtbot.waitUntil(lambda: panel.view.hasFocus())
    qtbot.keyClick(panel.view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert asked == ["概览指标.csv"]


def test_copy_selection_as_tsv(qtbot, panel):
    sel = panel.view.selectionModel()
    for r in (0, 1):
        for c in (2, 5):
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
