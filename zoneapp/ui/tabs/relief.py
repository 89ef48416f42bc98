"""Poverty relief and employment: the measures; job fairs, hires and their split."""
from __future__ import annotations

from ...core.dataset import Dataset
from .base import TabPage
from .by_year import add_by_year_charts


class ReliefTab(TabPage):
    section = "relief"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        charted = self.split_charts(dataset, rows)
        charted |= self.unit_charts(rows, exclude=charted)
        add_by_year_charts(self, rows, exclude=charted)
        self.add_table("measures", self.rows_for(dataset, "measures"), "measures")
        self.add_indicator_table(rows)
