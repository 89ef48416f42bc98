"""Industry projects: the register, investment per project, projects by kind, band and stage."""
from __future__ import annotations

import html

import pandas as pd

from ...core.dataset import Dataset
from ...core.schema import STAGE_CHOICES
from ...core.units import format_value
from . import figures
from .base import TabPage


class ProjectsTab(TabPage):
    section = "projects"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        projects = dataset.table("projects")
        self.investment_chart(projects)
        charted = self.split_charts(dataset, rows)
        self.stage_chart(projects)
        self.unit_charts(rows, exclude=charted)
        self.add_table("projects", projects, "projects")
        self.add_indicator_table(rows)

    def investment_chart(self, projects: pd.DataFrame | None) -> None:
        """Total investment per named project, in the unit most projects use."""
        if projects is None or projects.empty or "investment" not in projects.columns:
            return
        named = projects[projects["investment"].notna()]
        if named.empty:
            return
        units = [figures.text(r, "investment_unit") for _, r in named.iterrows()]
        target = figures.common_money_unit(units) or units[0]
        bars = []
        for _, row in named.sort_values("investment", ascending=False, kind="stable").iterrows():
            unit = figures.text(row, "investment_unit")
            qualifier = figures.text(row, "investment_qualifier")
            label = figures.name(row, self.lang)
            shown = format_value(float(row["investment"]), unit, qualifier, self.lang)
            progress = figures.name(row, self.lang, "status")
            tip = figures.tooltip(label, shown, self.lang, period=figures.text(row, "period"),
                                  source=figures.text(row, "source_sentence"))
            if progress:
                tip += "<br>" + self.tr("Progress: %1").replace("%1", html.escape(progress))
            bars.append(figures.Bar(label=label,
                                    value=figures.convert(float(row["investment"]), unit, target),
                                    display=shown, tooltip=tip, derived=False, series=""))
        self.add_chart("investment", self.tr("Total investment per project"), bars,
                       horizontal=True, value_axis_label=figures.unit_axis_label(target, self.lang))

    def stage_chart(self, projects: pd.DataFrame | None) -> None:
        """Named projects per pipeline stage, signed → profitable, zeros included."""
        if projects is None or projects.empty or "stage" not in projects.columns:
            return
        staged = projects[projects["stage"].fillna("").astype(str) != ""]
        if staged.empty:
            return
        bars = []
        for choice in STAGE_CHOICES:
            at_stage = staged[staged["stage"] == choice.code]
            label = choice.zh if self.lang == "zh" else choice.en
            names = [figures.name(r, self.lang) for _, r in at_stage.iterrows()]
            shown = format_value(len(at_stage), "个", "", self.lang) if self.lang == "zh" \
                else self.tr("%1 project(s)").replace("%1", str(len(at_stage)))
            tip = figures.tooltip(label, shown, self.lang)
            if names:
                tip += "<br>" + html.escape(", ".join(names))
            bars.append(figures.Bar(label=label, value=float(len(at_stage)), display=shown,
                                    tooltip=tip, derived=False, series=""))
        self.add_chart("stages", self.tr("Named projects by stage"), bars,
                       value_axis_label=self.tr("projects"))
