"""Targets no completion can come from are said, not silently left out (core.targets)."""
from __future__ import annotations

import shutil
from pathlib import Path

from zoneapp.core.loading import load_dataset
from zoneapp.core.targets import progress

MONTHLY = Path(__file__).parent / "data" / "monthly_targets"
HEAD = "section,key,name_zh,name_en,period,value,unit,qualifier,yoy_pct,basis,source_id," \
       "source_sentence,note,period_detail,value_kind"


def _folder(tmp_path: Path, *rows: str) -> Path:
    folder = tmp_path / "zone"
    shutil.copytree(MONTHLY, folder)
    path = folder / "indicators.csv"
    text = path.read_text(encoding="utf-8")
    assert text.splitlines()[0] == HEAD
    path.write_text(text.rstrip("\n") + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    return folder


def _targets(ds):
    return [p for p in ds.problems if p.code.startswith("target_")]


def test_the_test_folder_has_no_target_warnings():
    assert _targets(load_dataset(MONTHLY)) == []


def test_a_half_year_target_is_a_warning_naming_file_row_and_column(tmp_path):
    rows = len((MONTHLY / "indicators.csv").read_text(encoding="utf-8").splitlines())
    ds = load_dataset(_folder(tmp_path,
        "overview,industrial_revenue,规上工业营业收入,Revenue,2025,250,亿元,,,reported,M1,,,2025H1,target"))
    [problem] = _targets(ds)
    assert (problem.file, problem.row, problem.column) == ("indicators.csv", rows + 1,
                                                           "period_detail")
    assert problem.severity == "warning" and problem.code == "target_part_year"
    assert problem.message("zh").startswith("规上工业营业收入的目标是2025年上半年的目标")
    assert "全年" in problem.message("zh")
    assert "H1 2025" in problem.message("en") and "whole year" in problem.message("en")
    # The year's own target still gives the completion; the half year's changes nothing.
    done = progress(ds.indicators, "industrial_revenue", 2025)
    assert done is not None and done.completion == 88.2


def test_a_target_whose_unit_does_not_convert_is_a_warning(tmp_path):
    rows = len((MONTHLY / "indicators.csv").read_text(encoding="utf-8").splitlines())
    ds = load_dataset(_folder(tmp_path,
        "overview,industrial_output,工业总产值,Gross industrial output,2025,120,家,,,reported,M1,,,,target"))
    [problem] = _targets(ds)
    assert (problem.file, problem.row, problem.column) == ("indicators.csv", rows + 1, "unit")
    assert problem.code == "target_unit"
    assert "“家”" in problem.message("zh") and "亿元" in problem.message("zh")
    assert "does not convert" in problem.message("en")
    assert progress(ds.indicators, "industrial_output", 2025) is None  # still not compared
    # The rest still loads and compares.
    assert progress(ds.indicators, "industrial_revenue", 2025).completion == 88.2


def test_a_target_in_another_money_unit_converts_without_a_warning(tmp_path):
    ds = load_dataset(_folder(tmp_path,
        "overview,industrial_output,工业总产值,Gross industrial output,2025,7000000,万元,,,reported,M1,,,,target"))
    assert _targets(ds) == []
    assert progress(ds.indicators, "industrial_output", 2025) is not None
