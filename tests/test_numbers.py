"""Numeric cells as people type them."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from zoneapp.core.numbers import ParsedNumber, parse_number, parse_number_column, unit_matches


@pytest.mark.parametrize("text, expected", [
    ("3,000", ParsedNumber(3000.0)),
    ("3000", ParsedNumber(3000.0)),
    (" 12.5 ", ParsedNumber(12.5)),
    ("１２０", ParsedNumber(120.0)),
    ("１，２００．５", ParsedNumber(1200.5)),
    ("约2.99", ParsedNumber(2.99, "约")),
    ("超过3000", ParsedNumber(3000.0, "超过")),
    ("逾 3000 人", ParsedNumber(3000.0, "逾", "人")),
    ("3000+", ParsedNumber(3000.0, "以上")),
    ("50多", ParsedNumber(50.0, "多")),
    ("50多家", ParsedNumber(50.0, "多", "家")),
    ("4以上", ParsedNumber(4.0, "以上")),
    ("4亿元以上", ParsedNumber(4.0, "以上", "亿元")),
    ("2.99亿", ParsedNumber(2.99, "", "亿")),
    ("11.7%", ParsedNumber(11.7, "", "%")),
    ("11.7％", ParsedNumber(11.7, "", "%")),
    ("−3.5", ParsedNumber(-3.5)),
])
def test_parse_number_accepts(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["abc", "", "  ", "1,5", "nan", "inf", "约50多", "3-5", "三千"])
def test_parse_number_rejects(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("written, unit, ok", [
    ("亿", "亿元", True), ("亿元", "亿元", True), ("%", "%", True), ("％", "%", True),
    ("", "亿元", True), ("万元", "亿元", False), ("%", "亿元", False), ("abc", "个", False),
])
def test_unit_matches(written, unit, ok):
    assert unit_matches(written, unit) is ok


def test_column_fast_and_slow_paths():
    cells = pd.Series(["1", "", "约2", "x", "nan", " 3,000 ", "1e3", "11.7%"], dtype=str)
    col = parse_number_column(cells)
    assert col.bad == [3, 4]
    assert col.empty.tolist() == [False, True] + [False] * 6
    expected = [1, math.nan, 2, math.nan, math.nan, 3000, 1000, 11.7]
    np.testing.assert_array_equal(col.values, np.array(expected, dtype=float))
    assert col.qualifiers == {2: "约"}
    assert col.units == {7: "%"}


@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False).map(lambda v: round(v, 4)))
def test_plain_numbers_round_trip(value):
    text = f"{value:,.4f}"
    parsed = parse_number(text)
    assert parsed is not None and parsed.value == pytest.approx(value, rel=1e-12, abs=1e-9)
