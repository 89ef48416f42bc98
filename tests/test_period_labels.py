"""Tables show a period's detail in words (2025年1–10月, Jan–Oct 2025); exports keep the code."""
from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from zoneapp.core import schema
from zoneapp.core.io.export import export_frame
from zoneapp.core.loading import load_table
from zoneapp.core.periods import period_detail_label
from zoneapp.models.frame_model import FrameModel

MONTHLY = Path(__file__).parent / "data" / "monthly_targets" / "indicators.csv"


@pytest.mark.parametrize("code, zh, en", [
    ("2025-01..2025-10", "2025年1–10月", "Jan–Oct 2025"),
    ("2025Q1", "2025年一季度", "2025 Q1"),
    ("2025H1", "2025年上半年", "2025 H1"),
    ("2025-10", "2025年10月", "Oct 2025"),
    ("", "", ""),
    ("late 2025", "late 2025", "late 2025"),  # no period: as written, never lost
])
def test_period_detail_label(code, zh, en):
    assert period_detail_label(code, "zh") == zh
    assert period_detail_label(code, "en") == en


def _frame() -> pd.DataFrame:
    frame, problems = load_table(MONTHLY, schema.INDICATORS, MONTHLY.name)
    assert problems == []
    codes = ["2025-01..2025-10", "2025Q1", "2025H1"]
    assert set(codes) <= set(frame["period_detail"])  # the test data has each form
    return frame[frame["period_detail"].isin(codes)].drop_duplicates("period_detail")


@pytest.mark.parametrize("lang, shown", [
    ("zh", {"2025年1–10月", "2025年一季度", "2025年上半年"}),
    ("en", {"Jan–Oct 2025", "2025 Q1", "2025 H1"}),
])
def test_table_shows_the_period_in_words(zone_app, lang, shown):
    model = FrameModel()
    model.set_frame(_frame(), schema.INDICATORS, lang)
    column = model.column_keys().index("period_detail")
    assert {model.display_text(r, column) for r in range(model.rowCount())} == shown
    # The filter matches what is shown: 上半年 finds the H1 row.
    model.set_filter("上半年" if lang == "zh" else "H1", "period_detail")
    assert [model.display_text(r, column) for r in range(model.rowCount())] == \
        ["2025年上半年" if lang == "zh" else "2025 H1"]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_table_shows_the_period_in_words(zone_app, lang):
    from zoneapp.ui.output.report import table_rows

    headers, rows = table_rows(_frame(), "indicators", lang)
    column = headers.index("期间" if lang == "zh" else "Period detail")
    cells = {row[column] for row in rows}
    assert ("2025年上半年" if lang == "zh" else "2025 H1") in cells
    assert "2025H1" not in cells


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_export_keeps_the_code_and_reads_back(zone_app, tmp_path, lang):
    model = FrameModel()
    model.set_frame(_frame(), schema.INDICATORS, lang)
    codes = {"2025-01..2025-10", "2025Q1", "2025H1"}
    assert set(model.visible_frame()["period_detail"]) == codes  # what "Export shown" writes
    path = export_frame(_frame(), tmp_path / "indicators.csv", schema.INDICATORS,
                        lang=lang)
    written = pd.read_csv(path, encoding="utf-8-sig", keep_default_na=False, dtype=str)
    assert set(written["期间" if lang == "zh" else "Period detail"]) == codes
    back, problems = load_table(path, schema.INDICATORS, path.name)
    assert problems == []
    assert set(back["period_detail"]) == codes


def test_sorting_the_period_column_follows_time_not_words(zone_app):
    from PySide6.QtCore import Qt

    frame, _ = load_table(MONTHLY, schema.INDICATORS, MONTHLY.name)
    frame = frame[frame["key"].eq("industrial_revenue") & frame["period"].eq(2025)]
    model = FrameModel()
    model.set_frame(frame, schema.INDICATORS, "zh")
    column = model.column_keys().index("period_detail")
    model.sort(column, Qt.SortOrder.AscendingOrder)
    shown = [model.display_text(r, column) for r in range(model.rowCount())]
    ytd = [s for s in shown if s.startswith("2025年1–")]
    # By words 2025年1–10月 would come before 2025年1–2月; in time it is last.
    assert ytd[0] == "2025年1–2月" and ytd[-1] == "2025年1–10月", shown
    assert shown[-1] == ""  # the whole year's target (no period detail) after every period
    model.sort(column, Qt.SortOrder.DescendingOrder)
    assert [s for s in (model.display_text(r, column) for r in range(model.rowCount()))
            if s.startswith("2025年1–")][0] == "2025年1–10月"
