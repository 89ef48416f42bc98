"""Industry projects: the register, investment per project, projects by kind, band and stage."""
from __future__ import annotations

import html

import numpy as np
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
        values = projects["investment"].to_numpy(dtype="float64", na_value=np.nan)
        units = projects["investment_unit"].astype(str)
        named = ~np.isnan(values)
        count = int(named.sum())
        if not count:
            return
        unit_counts = units[named].value_counts()
        target = figures.common_money_unit(unit_counts.to_dict()) or unit_counts.index[0]
        in_target = np.where(named, values, -np.inf)
        for unit in unit_counts.index:  # a few units: one whole-column compare each
            if unit != target:
                factor = figures.convert(1.0, unit, target)
                in_unit = named & (units == unit).to_numpy(dtype=bool)
                in_target = np.where(in_unit, values * factor, in_target)
        top = projects.iloc[_largest(in_target, min(TOP_PROJECTS, count))]
        bars = [self._investment_bar(row, target) for _, row in top.iterrows()]
        title = self.tr("Total investment per project")
        if count > len(top):
            title = self.tr("Total investment: the %1 largest of %2 projects").replace(
                "%1", str(len(top))).replace("%2", f"{count:,}")
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
        stage = projects["stage"].fillna("").astype(str)
        counts = stage.value_counts()  # the whole column once; rows are taken only to name
        staged = len(stage) - int(counts.get("", 0))
        if not staged:
            return
        # The first few projects at each stage, named from one take of their rows.
        first = {c.code: np.flatnonzero((stage == c.code).to_numpy(dtype=bool))[:TOOLTIP_NAMES]
                 for c in STAGE_CHOICES if counts.get(c.code, 0)}
        named = projects[[c for c in ("name_zh", "name_en") if c in projects.columns]].iloc[
            np.concatenate([np.zeros(0, np.intp), *first.values()])]
        names_at = iter([figures.name(r, self.lang) for _, r in named.iterrows()])
        bars = []
        for choice in STAGE_CHOICES:
            at_stage = int(counts.get(choice.code, 0))
            label = choice.zh if self.lang == "zh" else choice.en
            names = [next(names_at) for _ in first.get(choice.code, ())]
            if at_stage > TOOLTIP_NAMES:
                names.append("…")
            shown = format_value(at_stage, "个", "", self.lang) if self.lang == "zh" \
                else self.tr("1 project") if at_stage == 1 \
                else self.tr("%1 projects").replace("%1", str(at_stage))
            tip = figures.tooltip(label, shown, self.lang)
            if names:
                tip += "<br>" + html.escape(", ".join(names))
            bars.append(figures.Bar(label=label, value=float(at_stage), display=shown,
                                    tooltip=tip, derived=False, series=""))
        title = self.tr("Named projects by stage")
        if staged < len(projects):  # the others are not counted anywhere on the chart
            note = self.tr("%1 of %2 projects have a stage")
            title += " · " + note.replace("%1", str(staged)).replace("%2", str(len(projects)))
        self.add_chart("stages", title, bars,
                       value_axis_label=self.tr("projects"))


def _largest(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` largest values, largest first, the earlier row first among
    equals (as a stable sort would give them), found without sorting a million rows."""
    if count <= 0:
        return np.zeros(0, dtype=np.intp)
    kth = np.partition(values, len(values) - count)[len(values) - count]
    candidates = np.flatnonzero(values >= kth)
    order = np.lexsort((candidates, -values[candidates]))
    return candidates[order][:count]
