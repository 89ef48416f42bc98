"""Overview: headline KPI cards, revenue and profit by year, the zone's honours."""
from __future__ import annotations

import pandas as pd

from ...core.dataset import Dataset
from ...core.units import UNITS
from . import figures
from .base import TabPage

# The figures of the by-year chart, when the data has them; otherwise the overview's money figures.
PERIOD_CHART_KEYS = ("revenue", "profit")


class OverviewTab(TabPage):
    section = "overview"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(rows)
        self.period_chart(rows)
        self.add_table("honours", dataset.table("honours"), "honours")
        self.add_indicator_table(rows)

    def period_chart(self, rows: pd.DataFrame) -> None:
        """Grouped bars: a group per year, a bar per figure; derived years look different."""
        if rows is None or rows.empty:
            return
        keys = [k for k in PERIOD_CHART_KEYS if (rows["key"] == k).any()]
        if not keys:
            money = rows[rows["unit"].map(lambda u: u in UNITS and UNITS[u].base == "yuan")]
            keys = list(dict.fromkeys(money["key"]))[:3]
        chosen = rows[rows["key"].isin(keys)]
        if chosen.empty:
            return
        unit = figures.text(chosen.iloc[0], "unit")
        chosen = chosen[chosen["unit"] == unit]
        periods = sorted(int(p) for p in chosen["period"].dropna().unique())
        categories = [str(p) for p in periods]
        series: dict[str, list] = {}
        for key in keys:
            key_rows = chosen[chosen["key"] == key]
            if key_rows.empty:
                continue
            label = figures.name(key_rows.iloc[0], self.lang)
            bars = []
            for period in periods:
                match = key_rows[key_rows["period"] == period]
                if match.empty:
                    continue
                bars.append(figures.indicator_bar(match.iloc[0], self.lang,
                                                  label=str(period), series=label))
            series[label] = bars
        names = "、".join(series) if self.lang == "zh" else " and ".join(series)
        title = self.tr("%1 by year").replace("%1", names)
        self.add_grouped_chart("by_period", title, categories, series,
                               figures.unit_axis_label(unit, self.lang))
