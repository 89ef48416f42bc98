"""Financing: the programmes, loans and the enterprises they reached, the burden reduction."""
from __future__ import annotations

from ...core.dataset import Dataset
from .base import TabPage
from .by_year import add_by_year_charts


class FinancingTab(TabPage):
    section = "financing"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        charted = self.split_charts(dataset, rows)
        charted |= self.unit_charts(rows, exclude=charted)
        add_by_year_charts(self, rows, exclude=charted)
        self.add_table("programmes", dataset.table("programmes"), "programmes")
        self.add_indicator_table(rows)
