"""The province bench's folder loads as data, and the shortcuts taken for its size give what
the plain pandas operations give (bench/make_province.py, bench/province.py)."""
from __future__ import annotations

import numpy as np
import pandas as pd

from bench.make_province import write as write_province
from bench.province import floor_views, section_codes
from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view


def _folder(tmp_path, shuffle: bool = False):
    folder = write_province(tmp_path / "province", entities=6, months=14, figures=12, seed=1)
    if shuffle:  # sections interleaved, as a folder edited by hand may have them
        frame = pd.read_csv(folder / "indicators.csv", encoding="utf-8-sig", dtype=str,
                            keep_default_na=False)
        frame.sample(frac=1, random_state=0).to_csv(folder / "indicators.csv", index=False,
                                                    encoding="utf-8-sig")
    return folder


def test_province_folder_loads_whole(tmp_path):
    dataset = load_dataset(_folder(tmp_path))
    assert not dataset.errors
    frame = dataset.table("indicators")
    assert len(frame) == 6 * 14 * 12
    assert frame["value"].dtype.kind == "f" and (frame["value"] < 0).any()  # % falls
    assert set(frame["value_kind"]) == {"ytd", "month"}


def test_section_rows_as_a_filter_gives_them(tmp_path):
    for shuffle in (False, True):
        dataset = load_dataset(_folder(tmp_path / str(shuffle), shuffle))
        indicators = dataset.indicators
        for code in list(section_codes(dataset)) + ["no_such_section"]:
            expected = indicators[indicators["section"] == code]
            got = dataset.section_indicators(code)
            pd.testing.assert_frame_equal(got, expected)
            period = int(indicators["period"].max())
            pd.testing.assert_frame_equal(dataset.section_indicators(code, period),
                                          expected[expected["period"] == period])


def test_every_section_view_and_the_floor_build(tmp_path):
    dataset = load_dataset(_folder(tmp_path))
    codes = section_codes(dataset)
    assert len(codes) == 6
    for code in codes:
        view = section_view(dataset, code, "zh")
        assert view.kpis and view.tables
        assert all("e+" not in k.value_text for k in view.kpis)
    numbers = floor_views(dataset.table("indicators"), codes)
    assert sum(len(n) for n in numbers) == 6 * 14 * 12  # every row is one cell of the detail
    assert np.isfinite(np.concatenate([n.to_numpy() for n in numbers])).all()
