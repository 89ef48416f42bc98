"""Industry projects: the register, investment per project, projects by kind, band and stage."""
from __future__ import annotations

import html

import pandas as pd

from ...core.dataset import Dataset
from ...core.schema import STAGE_CHOICES
from ...core.units import format_value
from . import figures
from .base import TabPage


# Bars for at most this many projects; tooltips name at most this many per stage.
TOP_PROJECTS = 15
TOOLTIP_NAMES = 10


class ProjectsTab(TabPage):
    section = "projects"

    def populate(self, dataset: Dataset) -> None:
        rows = self.section_rows(dataset)
        self.add_kpis(self.standalone_keys(dataset, rows))
        projects = dataset.table("projects")
        self.investment_chart(projects)
        self.stage_chart(projects)
        self.figure_charts(dataset, rows)
        self.add_table("projects", projects, "projects")
        self.add_indicator_table(rows)

    def investment_chart(self, projects: pd.DataFrame | None) -> None:
        """Total investment of the largest projects, in the unit most projects use.

        A register may hold a million rows: only the TOP_PROJECTS largest get a bar, and the
        title says so; everything here works on whole columns, never row by row over the frame.
        """
        if projects is None or projects.empty or "investment" not in projects.columns:
            return
        named = projects[projects["investment"].notna()]
        if named.empty:
            return
        unit_counts = named["investment_unit"].astype(str).value_counts()
        target = figures.common_money_unit(unit_counts.to_dict()) or unit_counts.index[0]
        in_target = named["investment"].astype(float) * named["investment_unit"].map(
            lambda u: figures.convert(1.0, u, target))
        top = named.loc[in_target.sort_values(ascending=False, kind="stable").index[:TOP_PROJECTS]]
        bars = [self._investment_bar(row, target) for _, row in top.iterrows()]
        title = self.tr("Total investment per project")
        if len(named) > len(top):
            title = self.tr("Total investment: the %1 largest of %2 projects").replace(
                "%1", str(len(top))).replace("%2", f"{len(named):,}")
        self.add_chart("investment", title, bars,
                       horizontal=True, value_axis_label=figures.unit_axis_label(target, self.lang))

    def _investment_bar(self, row: pd.Series, target: str) -> figures.Bar:
        unit = figures.text(row, "investment_unit")
        qualifier = figures.text(row, "investment_qualifier")
        label = figures.name(row, self.lang)
        shown = format_value(float(row["investment"]), unit, qualifier, self.lang)
        progress = figures.name(row, self.lang, "status")
        tip = figures.tooltip(label, shown, self.lang, period=figures.text(row, "period"),
                              source=figures.text(row, "source_sentence"))
        if progress:
            tip += "<br>" + self.tr("Progress: %1").replace("%1", html.escape(progress))
        return figures.Bar(label=label, value=figures.convert(float(row["investment"]), unit, target),
                           display=shown, tooltip=tip, derived=False, series="", unit=target)

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
            names = [figures.name(r, self.lang) for _, r in at_stage.head(TOOLTIP_NAMES).iterrows()]
            if len(at_stage) > TOOLTIP_NAMES:
                names.append("…")
            shown = format_value(len(at_stage), "个", "", self.lang) if self.lang == "zh" \
                else self.tr("1 project") if len(at_stage) == 1 \
                else self.tr("%1 projects").replace("%1", str(len(at_stage)))
            tip = figures.tooltip(label, shown, self.lang)
            if names:
                tip += "<br>" + html.escape(", ".join(names))
            bars.append(figures.Bar(label=label, value=float(len(at_stage)), display=shown,
                                    tooltip=tip, derived=False, series=""))
        title = self.tr("Named projects by stage")
        if len(staged) < len(projects):  # the others are not counted anywhere on the chart
            note = self.tr("%1 of %2 projects have a stage")
            title += " · " + note.replace("%1", str(len(staged))).replace("%2", str(len(projects)))
        self.add_chart("stages", title, bars,
                       value_axis_label=self.tr("projects"))
