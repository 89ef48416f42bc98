"""The projects register's charts: investment of the largest projects, projects by stage."""
from __future__ import annotations

import html

import numpy as np
import pandas as pd

from zoneapp.core.schema import STAGE_CHOICES
from zoneapp.core.readable import format_readable
from zoneapp.core.units import format_value
from zoneapp.views import figures
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.words import say

# Bars for at most this many projects; tooltips name at most this many per stage.
TOP_PROJECTS = 15
TOOLTIP_NAMES = 10


def investment_chart(projects: pd.DataFrame | None, lang: str) -> ChartView | None:
    """Total investment of the largest projects, in the unit most projects use.

    A register may hold a million rows: only the TOP_PROJECTS largest get a bar, and the
    title says so; everything here works on whole columns, never row by row over the frame.
    """
    if projects is None or projects.empty or "investment" not in projects.columns:
        return None
    values = projects["investment"].to_numpy(dtype="float64", na_value=np.nan)
    units = projects["investment_unit"].astype(str)
    named = ~np.isnan(values)
    count = int(named.sum())
    if not count:
        return None
    unit_counts = units[named].value_counts()
    target = figures.common_money_unit(unit_counts.to_dict()) or unit_counts.index[0]
    in_target = np.where(named, values, -np.inf)
    for unit in unit_counts.index:  # a few units: one whole-column compare each
        if unit != target:
            factor = figures.convert(1.0, unit, target)
            in_unit = named & (units == unit).to_numpy(dtype=bool)
            in_target = np.where(in_unit, values * factor, in_target)
    top = projects.iloc[largest(in_target, min(TOP_PROJECTS, count))]
    bars = [_investment_bar(row, target, lang) for _, row in top.iterrows()]
    title = say("Total investment per project", lang)
    if count > len(top):
        title = say("Total investment: the %1 largest of %2 projects", lang, len(top),
                    f"{count:,}")
    return ChartView("investment", title, bars=bars, horizontal=True,
                     value_axis_label=figures.unit_axis_label(target, lang))


def _investment_bar(row: pd.Series, target: str, lang: str) -> Bar:
    unit = figures.text(row, "investment_unit")
    label = figures.name(row, lang)
    shown = format_readable(float(row["investment"]), unit,
                            figures.text(row, "investment_qualifier"), lang)
    progress = figures.name(row, lang, "status")
    tip = figures.tooltip(label, shown, lang, period=figures.text(row, "period"),
                          source=figures.text(row, "source_sentence"))
    if progress:
        tip += "<br>" + html.escape(say("Progress: %1", lang, progress))
    return Bar(label=label, value=figures.convert(float(row["investment"]), unit, target),
               display=shown, tooltip=tip, unit=target)


def stage_chart(projects: pd.DataFrame | None, lang: str) -> ChartView | None:
    """Named projects per pipeline stage that has any, signed → profitable; none when they
    are all at one stage."""
    if projects is None or projects.empty or "stage" not in projects.columns:
        return None
    stage = projects["stage"].fillna("").astype(str)
    counts = stage.value_counts()  # the whole column once; rows are taken only to name
    staged = len(stage) - int(counts.get("", 0))
    if not staged:
        return None
    # The first few projects at each stage, named from one take of their rows.
    first = {c.code: np.flatnonzero((stage == c.code).to_numpy(dtype=bool))[:TOOLTIP_NAMES]
             for c in STAGE_CHOICES if counts.get(c.code, 0)}
    named = projects[[c for c in ("name_zh", "name_en") if c in projects.columns]].iloc[
        np.concatenate([np.zeros(0, np.intp), *first.values()])]
    names_at = iter([figures.name(r, lang) for _, r in named.iterrows()])
    bars = []
    for choice in STAGE_CHOICES:
        at_stage = int(counts.get(choice.code, 0))
        if not at_stage:  # a row of empty stages says nothing the others do not
            continue
        label = choice.zh if lang == "zh" else choice.en
        names = [next(names_at) for _ in first.get(choice.code, ())]
        if at_stage > TOOLTIP_NAMES:
            names.append("…")
        shown = format_value(at_stage, "个", "", lang) if lang == "zh" \
            else say("1 project", lang) if at_stage == 1 else say("%1 projects", lang, at_stage)
        tip = figures.tooltip(label, shown, lang)
        if names:
            tip += "<br>" + html.escape(", ".join(names))
        bars.append(Bar(label=label, value=float(at_stage), display=shown, tooltip=tip))
    if len(bars) < 2:  # one stage is a figure, not a comparison
        return None
    title = say("Named projects by stage", lang)
    if staged < len(projects):  # the others are not counted anywhere on the chart
        title += " · " + say("%1 of %2 projects have a stage", lang, staged, len(projects))
    return ChartView("stages", title, bars=bars, value_axis_label=say("projects", lang))


def largest(values: np.ndarray, count: int) -> np.ndarray:
    """Positions of the `count` largest values, largest first, the earlier row first among
    equals (as a stable sort would give them), found without sorting a million rows."""
    if count <= 0:
        return np.zeros(0, dtype=np.intp)
    kth = np.partition(values, len(values) - count)[len(values) - count]
    candidates = np.flatnonzero(values >= kth)
    order = np.lexsort((candidates, -values[candidates]))
    return candidates[order][:count]
