"""core.summary: one sentence per figure, qualifiers kept, derived figures marked."""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from zoneapp.core.loading import load_dataset
from zoneapp.core.phrases import english_subject
from zoneapp.core.summary import previous_row, sentence, summary

THREE = Path(__file__).parent / "data" / "three_periods"


def row(**kw):
    base = {"key": "revenue", "name_zh": "主营业务收入", "name_en": "Main business revenue",
            "period": 2019, "value": 506.1, "unit": "亿元", "qualifier": "", "yoy_pct": 11.7,
            "basis": "reported"}
    base.update(kw)
    return pd.Series(base)


def test_reported_figure_with_yoy():
    assert sentence(row(), "zh") == "2019年主营业务收入506.1亿元，同比增长11.7%。"
    assert sentence(row(), "en") == \
        "In 2019, main business revenue was 50.61 bn yuan, up 11.7% year on year."


def test_qualifier_kept_and_fall_and_derived_marked():
    loans = row(name_zh="发放贷款", name_en="Loans issued", value=2.99, qualifier="约",
                yoy_pct=-3.2, basis="derived")
    assert sentence(loans, "zh") == "2019年发放贷款约2.99亿元，同比下降3.2%（推算）。"
    assert sentence(loans, "en") == \
        "In 2019, loans issued were about 299 M yuan, down 3.2% year on year (derived)."


def test_change_from_previous_period_when_no_yoy():
    ds = load_dataset(THREE)
    hires = ds.indicators[(ds.indicators["key"] == "hires")]
    latest = hires[hires["period"] == 2019]
    zh = summary(latest, ds.indicators, "zh")
    assert zh == ["2019年新招员工超过2,400人，比2018年增长20%。"]
    assert summary(latest, ds.indicators, "en") == \
        ["In 2019, new hires were over 2,400 people, up 20% on 2018."]


def test_proper_names_keep_capitals():
    assert english_subject("Caiyuan Xindaitong loans issued") == "Caiyuan Xindaitong loans issued"
    assert english_subject("Profit") == "profit"


def test_summary_matches_default_data(default_dataset):
    rows = default_dataset.indicators
    text = summary(rows[(rows["key"] == "caiyuan_loans")], rows, "zh")
    assert text == ["2019年“财园信贷通”发放贷款约2.99亿元。"]


def test_previous_row_is_the_latest_earlier_period_of_the_same_key():
    frame = pd.DataFrame({
        "key": ["revenue", "profit", "revenue", "revenue", "revenue", "revenue"],
        "period": pd.array([2017, 2018, 2018, None, 2018, 2019], dtype="Int64"),
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    })
    found = previous_row(frame, frame.iloc[5])
    assert found.name == 4 and found["value"] == 5.0  # of two rows for 2018, the later one
    assert previous_row(frame, frame.iloc[0]) is None  # nothing before 2017
    assert previous_row(frame, frame.iloc[3]) is None  # no period: no previous one
