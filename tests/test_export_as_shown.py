"""A larger export, checked row by row against the plain path: each "as shown" cell is what
units.format_value / format_percent make of that row, and each coded cell its label.

The export formats distinct figures once and labels distinct codes once (export.py); these
tests hold it to the per-row answer on thousands of varied rows, in both languages, for
frames as the loader makes them (pyarrow text) and as plain pandas frames.
"""
from __future__ import annotations

import csv
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from zoneapp.core import schema, units
from zoneapp.core.io.export import export_frame, neutralise
from zoneapp.core.io.headers import shown_header
from zoneapp.core.loading import load_table

ROWS = 4000
# A signed number (+11.7%, -3.2) is a number to a spreadsheet and is written without the guard.
SIGNED_NUMBER = re.compile(r"[+-][0-9][0-9,.]*%?")
TEXTS = ["=SUM(A1)", "-3", "+1", "@x", "'=a", "plain", "约", 'a,"b"', "工业"]


def varied_indicators(rows: int, seed: int = 3) -> pd.DataFrame:
    rng = np.random.default_rng(seed)
    digits = rng.integers(0, 6, rows)
    values = np.array([round(v, int(d)) for v, d in zip(rng.lognormal(2, 3, rows), digits)])
    values = np.where(rng.random(rows) < 0.1, -values, values)
    values = np.where(rng.random(rows) < 0.05, np.nan, values)
    values[:8] = [-0.0, 0.0, 1e14, 1.005, 2.675, 1e-7, 3000.0, -0.0]
    yoy = np.array([round(v, int(d)) for v, d in zip(rng.normal(0, 30, rows),
                                                     rng.integers(0, 4, rows))])
    yoy = np.where(rng.random(rows) < 0.3, np.nan, yoy)
    yoy[:4] = [-0.0, 0.0, -0.04, 0.04]
    return pd.DataFrame({
        "section": rng.choice(list(schema.SECTION_CODES), rows),
        "key": [f"k{i}" for i in range(rows)],
        "name_zh": rng.choice(TEXTS, rows), "name_en": rng.choice(TEXTS, rows),
        "period": pd.array(rng.integers(2015, 2024, rows), dtype="Int64"),
        "value": values, "unit": rng.choice(list(units.UNITS), rows),
        "qualifier": rng.choice(["", *units.QUALIFIERS], rows), "yoy_pct": yoy,
    })


def loaded(frame: pd.DataFrame, table: schema.Table, tmp_path: Path) -> pd.DataFrame:
    """The frame as the app holds it: written to CSV and read back by the loader."""
    path = tmp_path / f"{table.name}.csv"
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    typed, _ = load_table(path, table, path.name)
    assert typed is not None and len(typed) > len(frame) // 2
    return typed


def written_csv(path: Path) -> dict[str, list[str]]:
    """Every column of the file as the bytes say, guard apostrophes and all."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    return {name: [row[i] for row in rows[1:]] for i, name in enumerate(rows[0])}


def figure(value, unit: str, qualifier: str, lang: str) -> str:
    if value is None or pd.isna(value):
        return ""
    return units.format_value(float(value) + 0.0, unit, qualifier, lang)  # a zero has no sign


def percent(value, lang: str) -> str:
    return "" if pd.isna(value) else units.format_percent(float(value) + 0.0, lang)


def in_csv(text: str) -> str:
    return text if SIGNED_NUMBER.fullmatch(text) else neutralise(text)


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("as_loaded", [True, False], ids=["loaded", "plain"])
def test_as_shown_columns_match_the_plain_path_row_by_row(tmp_path: Path, lang, as_loaded) -> None:
    frame = varied_indicators(ROWS)
    if as_loaded:
        frame = loaded(frame, schema.INDICATORS, tmp_path)
    table = schema.INDICATORS
    value, yoy = (table.column(k).label(lang) for k in ("value", "yoy_pct"))
    shown = [figure(v, u, q, lang) for v, u, q in
             zip(frame["value"], frame["unit"], frame["qualifier"])]
    shown_yoy = [percent(v, lang) for v in frame["yoy_pct"]]
    assert "0%" in shown_yoy and "-0%" in shown_yoy  # 0.0 and -0.0 apart from -0.04

    columns = written_csv(export_frame(frame, tmp_path / "out.csv", table, lang))
    assert columns[shown_header(value, lang)] == [in_csv(t) for t in shown]
    assert columns[shown_header(yoy, lang)] == [in_csv(t) for t in shown_yoy]
    name = table.column("name_zh").label(lang)
    assert columns[name] == [neutralise(t) for t in frame["name_zh"]]
    unit = table.column("unit").label(lang)
    assert columns[unit] == [units.export_unit_label(u, lang) for u in frame["unit"]]
    qualifier = table.column("qualifier").label(lang)
    assert columns[qualifier] == [units.qualifier_label(q, lang) for q in frame["qualifier"]]

    # xlsx: the same texts, unguarded (a string cell is never a formula there)
    written = pd.read_excel(export_frame(frame, tmp_path / "out.xlsx", table, lang),
                            engine="openpyxl", keep_default_na=False, dtype=str)
    assert written[shown_header(value, lang)].tolist() == shown
    assert written[shown_header(yoy, lang)].tolist() == shown_yoy


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_coded_columns_are_labelled_row_by_row(tmp_path: Path, lang) -> None:
    rng = np.random.default_rng(5)
    kinds = [c.code for c in schema.PROJECTS.column("kind").choices] + [""]
    stages = [c.code for c in schema.PROJECTS.column("stage").choices] + [""]
    frame = loaded(pd.DataFrame({
        "name_zh": [f"项目{i}" for i in range(ROWS)],
        "kind": rng.choice(kinds, ROWS), "period": 2019,
        "investment": np.round(rng.lognormal(1, 1, ROWS), 2),
        "investment_unit": rng.choice(["亿元", "万元", "万美元"], ROWS),
        "investment_qualifier": rng.choice(["", "约", "超过", "多"], ROWS),
        "stage": rng.choice(stages, ROWS),
    }), schema.PROJECTS, tmp_path)
    columns = written_csv(export_frame(frame, tmp_path / "out.csv", schema.PROJECTS, lang))
    for key in ("kind", "stage"):
        labels = {c.code: c.zh if lang == "zh" else c.en for c in schema.PROJECTS.column(key).choices}
        header = schema.PROJECTS.column(key).label(lang)
        assert columns[header] == [labels.get(code, code) for code in frame[key]]
    header = shown_header(schema.PROJECTS.column("investment").label(lang), lang)
    assert columns[header] == [
        figure(v, u, q, lang) for v, u, q in
        zip(frame["investment"], frame["investment_unit"], frame["investment_qualifier"])]
    assert not any(math.isnan(v) for v in frame["investment"])
