"""FrameModel: what the table shows (labels, figures, enums), sort and filter with pandas."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from zoneapp.core.schema import INDICATORS, PROJECTS
from zoneapp.models.frame_model import FrameModel
from zoneapp.ui import palette

DISPLAY = Qt.ItemDataRole.DisplayRole


def indicators(text_dtype: str | None = None) -> pd.DataFrame:
    frame = pd.DataFrame({
        "section": ["overview", "relief", "overview", "financing"],
        "key": ["revenue", "jobs", "margin", "loans"],
        "name_zh": ["主营业务收入", "带动就业", "利润率", "财园信贷通"],
        "name_en": ["Revenue", "Jobs", "Profit margin", ""],
        "period": pd.array([2019, 2019, 2018, pd.NA], dtype="Int64"),
        "value": [2.99, 3000.0, 5.9, np.nan],
        "unit": ["亿元", "人", "%", "亿元"],
        "qualifier": ["约", "超过", "", ""],
        "yoy_pct": [11.7, np.nan, -3.2, 0.0],
        "basis": ["reported", "reported", "derived", "reported"],
        "source_id": ["S1", "S2", "", ""],
        "source_sentence": ["营业收入约2.99亿元,同比增长11.7%", "带动就业超过3000人", "", ""],
        "note": ["", "", "", ""],
        "derivation_zh": ["", "", "利润 ÷ 收入", ""],
        "derivation_en": ["", "", "profit / revenue", ""],
        "_row": pd.array([2, 3, 4, 5], dtype="Int64"),
    })
    if text_dtype is not None:
        for c in frame.columns:
            if frame[c].dtype == object or pd.api.types.is_string_dtype(frame[c]):
                frame[c] = frame[c].astype(text_dtype)
    return frame


@pytest.fixture
def model(qtbot):
    m = FrameModel()
    m.set_frame(indicators(), INDICATORS, "zh")
    return m


def cell(m: FrameModel, row: int, key: str, role=DISPLAY):
    return m.data(m.index(row, m.column_keys().index(key)), role)


def column(m: FrameModel, key: str) -> list[str]:
    if key == "key" and key not in m.column_keys():  # hidden from view: read the rows' keys
        return [m.frame()["key"].iloc[m.source_row(r)] for r in range(m.rowCount())]
    c = m.column_keys().index(key)
    return [m.data(m.index(r, c)) for r in range(m.rowCount())]


def headers(m: FrameModel) -> list[str]:
    return [m.headerData(c, Qt.Orientation.Horizontal) for c in range(m.columnCount())]


def test_hidden_columns_and_schema_order(model):
    keys = model.column_keys()
    assert keys[:4] == ["section", "name_zh", "name_en", "period"]
    for hidden in ("_row", "unit", "qualifier", "derivation_zh", "derivation_en", "key"):
        assert hidden not in keys
    assert "key" in model.visible_frame().columns  # an export reads back in: it needs the key
    assert model.rowCount() == 4


@pytest.mark.parametrize("dtype", [None, object, "string"])
def test_display_in_chinese(qtbot, dtype):
    m = FrameModel()
    m.set_frame(indicators(dtype), INDICATORS, "zh")
    assert column(m, "value") == ["约2.99亿元", "超过3,000人", "5.9%", ""]
    assert column(m, "yoy_pct") == ["+11.7%", "", "-3.2%", "0%"]
    assert column(m, "period") == ["2019", "2019", "2018", ""]
    assert column(m, "section") == ["概览", "扶贫与就业", "概览", "金融服务"]
    assert column(m, "basis") == ["报道", "报道", "推算", "报道"]
    assert column(m, "name_en")[3] == ""


def test_display_in_english_and_relabel(model):
    model.set_lang("en")
    assert column(model, "value") == ["about 299 M yuan", "over 3,000 people", "5.9%", ""]
    assert column(model, "section")[1] == "Poverty relief & employment"
    assert column(model, "basis")[2] == "derived"
    # English first; the Chinese name follows, as one English name is blank
    assert headers(model)[:4] == ["Section", "Name (English)", "Name (Chinese)", "Year"]


def test_headers_in_chinese(model):
    h = headers(model)
    assert h[:5] == ["板块", "指标名称", "英文名称", "年份", "数值"]
    assert "同比增长(%)" in h  # the fixed unit is already in the label: not doubled
    assert model.headerData(0, Qt.Orientation.Vertical) == "1"


def test_raw_values_alignment_and_tooltip(model):
    assert cell(model, 0, "value", Qt.ItemDataRole.UserRole) == pytest.approx(2.99)
    assert cell(model, 0, "period", Qt.ItemDataRole.EditRole) == 2019
    assert cell(model, 3, "value", Qt.ItemDataRole.UserRole) is None
    align = cell(model, 0, "value", Qt.ItemDataRole.TextAlignmentRole)
    assert align & Qt.AlignmentFlag.AlignRight
    assert not cell(model, 0, "name_zh", Qt.ItemDataRole.TextAlignmentRole) & Qt.AlignmentFlag.AlignRight
    tip = cell(model, 0, "value", Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("约2.99亿元") and "营业收入约2.99亿元,同比增长11.7%" in tip
    assert "利润 ÷ 收入" in cell(model, 2, "name_zh", Qt.ItemDataRole.ToolTipRole)


def test_derived_rows_italic_and_muted(model):
    """A derived row reads as secondary: italic, in the muted text colour the table panel
    gives the model from the palette; a reported row keeps the view's own font and colour."""
    model.derived_foreground = QColor(palette.MUTED_TEXT)  # as TablePanel does
    font = cell(model, 2, "name_zh", Qt.ItemDataRole.FontRole)
    assert font is not None and font.italic()
    muted = QColor(palette.MUTED_TEXT)
    for key in model.column_keys():
        assert cell(model, 2, key, Qt.ItemDataRole.ForegroundRole) == muted
        for reported in (0, 1, 3):
            assert cell(model, reported, key, Qt.ItemDataRole.ForegroundRole) is None
    assert cell(model, 0, "name_zh", Qt.ItemDataRole.FontRole) is None


def test_numeric_sort_missing_last_both_ways(model):
    col = model.column_keys().index("value")
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert column(model, "key") == ["revenue", "margin", "jobs", "loans"]
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert column(model, "key") == ["jobs", "margin", "revenue", "loans"]
    model.sort(model.column_keys().index("period"), Qt.SortOrder.DescendingOrder)
    assert column(model, "period") == ["2019", "2019", "2018", ""]
    assert column(model, "key")[:2] == ["revenue", "jobs"]  # stable among equal years
    model.sort(-1)
    assert column(model, "key") == ["revenue", "jobs", "margin", "loans"]


def test_text_sort_by_shown_label(model):
    col = model.column_keys().index("name_en")
    model.sort(col, Qt.SortOrder.AscendingOrder)
    assert column(model, "name_en") == ["Jobs", "Profit margin", "Revenue", ""]
    model.sort(col, Qt.SortOrder.DescendingOrder)
    assert column(model, "name_en") == ["Revenue", "Profit margin", "Jobs", ""]
    model.set_lang("en")
    model.sort(model.column_keys().index("section"), Qt.SortOrder.AscendingOrder)
    assert column(model, "section") == ["Financing", "Overview", "Overview",
                                        "Poverty relief & employment"]


def test_filter_counts_and_signal(qtbot, model):
    with qtbot.waitSignal(model.sig_rows_changed) as blocker:
        model.set_filter("REVENUE")
    assert blocker.args == [1, 4]
    model.set_filter("概览")  # an enum matches on its label
    assert model.rowCount() == 2
    model.set_filter("2019", column="period")
    assert model.rowCount() == 2
    model.set_filter("就业", column="key")
    assert model.rowCount() == 0
    model.set_filter("")
    assert model.rowCount() == 4


def test_filter_with_sort_and_visible_frame(model):
    model.sort(model.column_keys().index("value"), Qt.SortOrder.DescendingOrder)
    model.set_filter("overview")  # the code is not shown in zh: no match
    assert model.rowCount() == 0
    model.set_filter("概览")
    assert column(model, "key") == ["margin", "revenue"]
    assert model.source_row(0) == 2
    shown = model.visible_frame()
    assert list(shown["key"]) == ["margin", "revenue"]
    assert "_row" not in shown.columns and "derivation_zh" not in shown.columns
    # the value's unit and qualifier travel with it, raw
    assert list(shown.columns[5:8]) == ["value", "unit", "qualifier"]
    assert shown["value"].tolist() == pytest.approx([5.9, 2.99])


def test_set_frame_keeps_filter_and_table_none_shows_all(qtbot):
    m = FrameModel()
    m.set_filter("收入")
    m.set_frame(indicators(), INDICATORS, "zh")
    assert m.rowCount() == 1
    m.set_filter("")
    m.set_frame(indicators(), None, "zh")
    assert m.column_keys() == list(indicators().columns)
    assert column(m, "value")[1] == "3,000"
    assert column(m, "_row") == ["2", "3", "4", "5"]


def test_projects_value_column_and_empty_frame(qtbot):
    frame = pd.DataFrame({
        "name_zh": ["芦林纸业技改项目", "博丰化工扩建"], "name_en": ["Lulin upgrade", ""],
        "kind": ["upgrade", ""], "period": pd.array([2019, 2020], dtype="Int64"),
        "investment": [22.0, np.nan], "investment_unit": ["亿元", ""],
        "investment_qualifier": ["", ""], "stage": ["started", ""],
    })
    m = FrameModel()
    m.set_frame(frame, PROJECTS, "zh")
    assert "investment_unit" not in m.column_keys()
    assert column(m, "investment") == ["22亿元", ""]
    assert column(m, "kind") == ["技改", ""]
    assert column(m, "stage") == ["开工", ""]
    m.set_frame(frame.iloc[0:0], PROJECTS, "zh")
    assert m.rowCount() == 0 and m.visible_frame().empty


def test_chinese_text_sorts_in_pinyin_order_as_in_excel(qtbot):
    """běi < chóng < guǎng < shàng: pinyin, not character codes (上 U+4E0A would come first);
    blanks last both ways; English case aside."""
    import pandas as pd

    from zoneapp.models.frame_model import FrameModel

    frame = pd.DataFrame({"city": pd.Series(["上海", "北京", "", "广州", "重庆"], dtype=str),
                          "word": pd.Series(["beta", "Alpha", "", "alpha", "Gamma"], dtype=str)})
    model = FrameModel()
    model.set_frame(frame, None, "zh")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    assert [model.display_text(r, 0) for r in range(5)] == ["北京", "重庆", "广州", "上海", ""]
    model.sort(0, Qt.SortOrder.DescendingOrder)
    assert [model.display_text(r, 0) for r in range(5)] == ["上海", "广州", "重庆", "北京", ""]
    model.sort(1, Qt.SortOrder.AscendingOrder)
    shown = [model.display_text(r, 1) for r in range(5)]
    assert shown[2:] == ["beta", "Gamma", ""] and sorted(shown[:2]) == ["Alpha", "alpha"]


@pytest.mark.parametrize("ui_lang", ["zh", "en"])
def test_pinyin_order_holds_after_a_language_switch(qtbot, ui_lang):
    """Issue #17: in English the column was re-sorted by character code (天鑫, 烟厂, 盈盛 …)."""
    from PySide6.QtWidgets import QApplication

    from zoneapp.ui.i18n import install_translator

    frame = pd.DataFrame({"company": pd.Series(["盈盛", "天鑫", "烟厂", "北京", "重庆"], dtype=str)})
    model = FrameModel()
    model.set_frame(frame, None, "zh")
    model.sort(0, Qt.SortOrder.AscendingOrder)
    pinyin = ["北京", "重庆", "天鑫", "烟厂", "盈盛"]
    assert [model.display_text(r, 0) for r in range(5)] == pinyin
    install_translator(QApplication.instance(), ui_lang)  # sets QLocale's default too
    model.set_lang("en")
    assert [model.display_text(r, 0) for r in range(5)] == pinyin
    model.set_frame(frame, None, "en")  # a reload in English
    assert [model.display_text(r, 0) for r in range(5)] == pinyin


def test_english_view_drops_a_filled_chinese_twin_and_keeps_the_sort(qtbot):
    """Issue #17: Chinese columns came first and pushed the English ones off screen."""
    frame = indicators()
    frame.loc[3, "name_en"] = "Caiyuan loans"
    m = FrameModel()
    m.set_frame(frame, INDICATORS, "zh")
    m.sort(m.column_keys().index("name_zh"), Qt.SortOrder.AscendingOrder)
    assert column(m, "name_zh") == ["财园信贷通", "带动就业", "利润率", "主营业务收入"]  # pinyin
    m.set_lang("en")
    assert m.column_keys()[:3] == ["section", "name_en", "period"]
    assert column(m, "name_en") == ["Caiyuan loans", "Jobs", "Profit margin", "Revenue"]
    assert m.header_label(1) == "Name (English)"
    m.set_lang("zh")
    assert m.column_keys()[:3] == ["section", "name_zh", "name_en"]


def test_a_list_of_indicator_keys_reads_as_their_names(qtbot):
    """Issue #17: 相关指标 showed `caiyuan_loans;caiyuai…`."""
    from zoneapp.core.names import add_list_names
    from zoneapp.core.schema import TABLES_BY_NAME

    programmes = pd.DataFrame({
        "programme_zh": ["财园信贷通", "科贷通"], "programme_en": ["Caiyuan loans", ""],
        "kind": ["loan", "credit"], "indicator_keys": ["revenue;jobs;unknown_key", ""],
        "period": pd.array([2019, 2019], dtype="Int64")})
    add_list_names({"programmes": programmes}, indicators())
    m = FrameModel()
    m.set_frame(programmes, TABLES_BY_NAME["programmes"], "zh")
    assert column(m, "indicator_keys") == ["主营业务收入、带动就业、unknown_key", ""]
    m.set_lang("en")
    assert column(m, "indicator_keys") == ["Revenue, Jobs, unknown_key", ""]
    m.set_filter("jobs")
    assert m.rowCount() == 1
    assert list(m.visible_frame()["indicator_keys"]) == ["revenue;jobs;unknown_key"]
