"""Innovation: the high-tech-enterprise funnel, platforms and their status, plans."""
from __future__ import annotations

import html

import pandas as pd

from ...core.dataset import Dataset
from ...core.schema import RECOGNITION_STATUS_CHOICES
from . import figures
from .base import TabPage

# The funnel's steps; each step takes the first key the data has.
FUNNEL_STEPS = (
    ("hte_applications", "hte_applied"),
    ("hte_approved", "hte_batch1_approved"),
    ("hte_total",),
)


class InnovationTab(TabPage):
    section = "innovation"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        funnel = self.funnel_chart(rows)
        self.status_chart(dataset.table("recognitions"))
        self.figure_charts(dataset, rows, skip=funnel)
        self.add_table("recognitions", dataset.table("recognitions"), "recognitions")
        self.add_table("plans", dataset.table("plans"), "plans")
        self.add_indicator_table(rows)

    def funnel_chart(self, rows: pd.DataFrame) -> set[str]:
        """Applied → approved → total high-tech enterprises; hidden with fewer than two steps."""
        latest = figures.latest_by_key(rows)
        if latest is None or latest.empty:
            return set()
        by_key = {row["key"]: row for _, row in latest.iterrows()}
        keys = [next((k for k in step if k in by_key), None) for step in FUNNEL_STEPS]
        keys = [k for k in keys if k is not None]
        if len(keys) < 2:
            return set()
        bars = [figures.indicator_bar(by_key[k], self.lang) for k in keys]
        unit = figures.text(by_key[keys[0]], "unit")
        self.add_chart("funnel", self.tr("High-tech enterprises: applied → approved → total"),
                       bars, horizontal=True,
                       value_axis_label=figures.unit_axis_label(unit, self.lang))
        return set(keys)

    def status_chart(self, recognitions: pd.DataFrame | None) -> None:
        """Enterprises and platforms per recognition status."""
        if recognitions is None or recognitions.empty or "status" not in recognitions.columns:
            return
        bars = []
        for choice in RECOGNITION_STATUS_CHOICES:
            at_status = recognitions[recognitions["status"] == choice.code]
            if at_status.empty:
                continue
            label = choice.zh if self.lang == "zh" else choice.en
            count = len(at_status)
            shown = self.tr("1 item") if count == 1 else \
                self.tr("%1 items").replace("%1", str(count))
            names = [figures.name(r, self.lang, "entity") + " — "
                     + figures.name(r, self.lang, "recognition") for _, r in at_status.iterrows()]
            tip = figures.tooltip(label, shown, self.lang) + "<br>" + "<br>".join(html.escape(n) for n in names)
            bars.append(figures.Bar(label=label, value=float(count), display=shown, tooltip=tip,
                                    derived=False, series=""))
        self.add_chart("status", self.tr("Enterprises and platforms by status"), bars,
                       value_axis_label=self.tr("items"))
