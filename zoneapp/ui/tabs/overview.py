"""Overview: headline KPI cards, revenue and profit by year, the zone's honours."""
from __future__ import annotations

import pandas as pd

from ...core.dataset import Dataset
from ...core.units import UNITS
from . import by_year, figures
from .base import TabPage

# The figures of the by-year chart, when the data has them; otherwise the overview's money figures.
PERIOD_CHART_KEYS = ("revenue", "profit")


class OverviewTab(TabPage):
    section = "overview"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(rows)
        charted = self.period_chart(rows)
        by_year.add_by_year_charts(self, rows, exclude=charted)
        self.add_table("honours", dataset.table("honours"), "honours")
        self.add_indicator_table(rows)

    def period_chart(self, rows: pd.DataFrame) -> set[str]:
        """Grouped bars: a group per year, a bar per figure; derived years look different."""
        if rows is None or rows.empty:
            return set()
        keys = [k for k in PERIOD_CHART_KEYS if (rows["key"] == k).any()]
        if not keys:
            money = rows[rows["unit"].map(lambda u: u in UNITS and UNITS[u].base == "yuan")]
            keys = list(dict.fromkeys(money["key"]))[:3]
        chosen = rows[rows["key"].isin(keys)]
        if chosen.empty:
            return set()
        unit = figures.text(chosen.iloc[0], "unit")
        chosen = chosen[chosen["unit"] == unit]
        categories, series = by_year.series_by_year(chosen, keys, self.lang)
        self.add_grouped_chart("by_period", by_year.title(list(series), self.lang), categories,
                               series, figures.unit_axis_label(unit, self.lang))
        return set(chosen["key"])
