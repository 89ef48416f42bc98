"""A city's monthly reports imported one by one (tests/real_shapes.py, the real `import`
command), then shown: every card, chart and sentence says which months and whether 当月 or
累计, as tests/data/monthly_targets is shown. Each test failed before the fix it names."""
from __future__ import annotations

from pathlib import Path

import real_shapes as rs
from zoneapp.cli import main
from zoneapp.core.loading import load_dataset
from zoneapp.views.sections import section_view


def imported(tmp_path: Path, make, months) -> Path:
    folder = tmp_path / "imported"
    for m in months:
        book = make(tmp_path / f"月报2024-{m:02d}.xlsx", 2024, m)
        assert main(["import", str(book), "--into", str(folder), "--yes"]) == 0
    return folder


def test_march_first_gives_january_february_not_a_quarter_among_the_months(tmp_path):
    # Imported from March on (no 1-2月 report): the year's first 累计, 1-3月, was derived as a
    # 当期 value of January–March, a bar three months wide over the reported March holding
    # the year-to-date figure. Now 1–2月 = 1–3月累计 − 3月, said with its formula.
    ds = load_dataset(imported(tmp_path, rs.indicator_month_xlsx, (3, 4, 5)))
    chart = section_view(ds, "overview", "zh").chart("month_m_d16044ff")
    assert chart.title == "现价工业产值：当月"
    bars = {b.label: (b.value, b.derived) for b in chart.bars if b.label.startswith("2024")}
    ytd, march = rs.indicator_month_values(3)[0][4], rs.indicator_month_values(3)[0][2]
    assert bars == {"2024年1–2月": (round(ytd - march, 2), True), "2024年3月": (march, False),
                    "2024年4月": (104.0, False), "2024年5月": (105.0, False)}
    assert max(chart.widths) == 2  # no bar wider than 1–2月
    first = next(b for b in chart.bars if b.label == "2024年1–2月")
    assert "由2024年一季度累计306亿元减去2024年3月103亿元推算：306 − 103 = 203亿元" \
        in first.tooltip
    en = section_view(ds, "overview", "en").chart("month_m_d16044ff")
    tip = next(b for b in en.bars if b.label == "January–February 2024").tooltip
    assert "minus March 2024 10.3 bn yuan: 306 − 103 = 203" in tip
