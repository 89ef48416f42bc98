"""A save refused by the system says what to do: close the file in Excel or WPS (Windows keeps
a workbook it shows locked), or choose another folder; the file already there is untouched."""
from __future__ import annotations

import errno

import numpy as np
import pandas as pd
import pytest

from zoneapp.core.io import atomic
from zoneapp.core.io.atomic import NO_WRITE_IN_DATA, WriteError
from zoneapp.core.schema import INDICATORS
from zoneapp.ui.window import write_failure

EXCEL_ZH = "Excel、WPS"
EXCEL_EN = "open in Excel, WPS"
FOLDER_ZH = "另选文件夹"


def refused(*_args, **_kwargs):
    raise PermissionError(errno.EACCES, "Permission denied")


def test_advice_for_a_refused_file_that_exists(zone_app, tmp_path):
    held = tmp_path / "held.csv"
    held.write_text("x")
    exc = WriteError(held, PermissionError(errno.EACCES, "Permission denied"))
    assert EXCEL_ZH in write_failure.advice(exc)
    text = write_failure.failure_text(exc, held)
    assert text.splitlines()[0] == str(held) and "Permission denied" in text and EXCEL_ZH in text


def test_advice_in_english(zone_app, tmp_path):
    from zoneapp.ui.i18n import install_translator

    held = tmp_path / "held.csv"
    held.write_text("x")
    install_translator(zone_app, "en")
    try:
        assert EXCEL_EN in write_failure.advice(PermissionError(errno.EPERM, "no"), held)
    finally:
        install_translator(zone_app, "zh")


def test_windows_sharing_violation_counts_as_refused(zone_app, tmp_path):
    held = tmp_path / "held.xlsx"
    held.write_bytes(b"PK")
    exc = OSError(errno.EINVAL, "The process cannot access the file")
    exc.winerror = 32  # ERROR_SHARING_VIOLATION, as Windows reports a file Excel holds
    assert EXCEL_ZH in write_failure.advice(exc, held)


def test_a_folder_that_refuses_gets_the_folder_advice(zone_app, tmp_path):
    new = tmp_path / "new.csv"  # not there yet: no program can be holding it
    assert FOLDER_ZH in write_failure.advice(PermissionError(errno.EACCES, "denied"), new)


def test_no_advice_for_other_failures(zone_app, tmp_path):
    held = tmp_path / "held.csv"
    held.write_text("x")
    assert write_failure.advice(FileNotFoundError(errno.ENOENT, "gone"), held) == ""
    assert write_failure.advice(ValueError("bad suffix"), held) == ""
    # The data folder's own refusal already tells the user to choose another place.
    exc = WriteError(held, OSError(errno.EACCES, NO_WRITE_IN_DATA))
    assert write_failure.advice(exc) == ""
    assert write_failure.failure_text(ValueError("bad"), None) == "bad"


def _table() -> pd.DataFrame:
    return pd.DataFrame({
        "section": ["overview"], "key": ["revenue"], "name_zh": ["主营业务收入"],
        "name_en": ["Revenue"], "period": pd.array([2019], dtype="Int64"), "value": [506.1],
        "unit": ["亿元"], "qualifier": [""], "yoy_pct": [np.nan], "basis": ["reported"],
        "source_id": ["S1"], "source_sentence": [""], "note": [""],
        "_row": pd.array([2], dtype="Int64"),
    })


@pytest.fixture
def held_csv(tmp_path, monkeypatch):
    """A CSV already there, which replacing is refused (as when Excel has it open)."""
    held = tmp_path / "指标.csv"
    held.write_bytes(b"old contents")
    monkeypatch.setattr(atomic.os, "replace", refused)
    return held


def test_table_export_over_a_held_file(qtbot, zone_app, held_csv, monkeypatch):
    from zoneapp.ui.widgets.table_panel import TablePanel

    panel = TablePanel()
    qtbot.addWidget(panel)
    panel.set_data(_table(), INDICATORS, "zh", "概览指标")
    errors = []
    monkeypatch.setattr(panel, "ask_save_path", lambda default: held_csv)
    monkeypatch.setattr(panel, "show_error", lambda title, text: errors.append(text))
    assert panel.export() is None
    assert len(errors) == 1 and str(held_csv) in errors[0] and EXCEL_ZH in errors[0]
    assert held_csv.read_bytes() == b"old contents"
    assert [p.name for p in held_csv.parent.iterdir()] == [held_csv.name]  # no temporary left


def test_chart_save_over_a_held_file(qtbot, zone_app, held_csv, monkeypatch):
    from zoneapp.views.model import Bar
    from zoneapp.ui.widgets.charts import BarChart

    chart = BarChart()
    qtbot.addWidget(chart)
    chart.set_bars([Bar("主营业务收入", 506.1, "506.1亿元")])
    held = held_csv.with_suffix(".png")
    held_csv.rename(held)
    errors = []
    chart.chart_actions.ask_save_path = lambda kind: held
    monkeypatch.setattr(chart.chart_actions, "show_error", lambda title, text: errors.append(text))
    assert chart.chart_actions.export_png() is None
    assert len(errors) == 1 and EXCEL_ZH in errors[0]
    assert held.read_bytes() == b"old contents"


def test_export_all_into_a_folder_of_held_files(main_window, default_dataset, tmp_path,
                                                monkeypatch):
    main_window.set_dataset(default_dataset)
    out = tmp_path / "out"
    out.mkdir()
    monkeypatch.setattr(main_window.sharing, "ask_export_folder", lambda: out)
    errors = []
    monkeypatch.setattr(main_window, "show_error", lambda title, text: errors.append(text))
    assert main_window.export_all_tables()  # a first export: nothing in the way
    monkeypatch.setattr(atomic.os, "replace", refused)
    assert main_window.export_all_tables() == []
    assert len(errors) == 1 and EXCEL_ZH in errors[0]
