"""The innovation section's charts: the high-tech-enterprise steps, recognitions by status."""
from __future__ import annotations

import html

import pandas as pd

from zoneapp.core.schema import RECOGNITION_STATUS_CHOICES
from zoneapp.views import figures
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.words import say

# The funnel's steps; each step takes the first key the data has.
FUNNEL_STEPS = (
    ("hte_applications", "hte_applied"),
    ("hte_approved", "hte_batch1_approved"),
    ("hte_total",),
)


def funnel_chart(rows: pd.DataFrame, lang: str) -> ChartView | None:
    """Applied → approved → total high-tech enterprises; none with fewer than two steps."""
    latest = figures.latest_by_key(rows)
    if latest is None or latest.empty:
        return None
    by_key = {row["key"]: row for _, row in latest.iterrows()}
    keys = [next((k for k in step if k in by_key), None) for step in FUNNEL_STEPS]
    keys = [k for k in keys if k is not None]
    if len(keys) < 2:
        return None
    unit = figures.text(by_key[keys[0]], "unit")
    return ChartView("funnel", say("High-tech enterprises: applied → approved → total", lang),
                     bars=[figures.indicator_bar(by_key[k], lang) for k in keys],
                     horizontal=True, value_axis_label=figures.unit_axis_label(unit, lang))


def status_chart(recognitions: pd.DataFrame | None, lang: str) -> ChartView | None:
    """Enterprises and platforms per recognition status."""
    if recognitions is None or recognitions.empty or "status" not in recognitions.columns:
        return None
    bars = []
    for choice in RECOGNITION_STATUS_CHOICES:
        at_status = recognitions[recognitions["status"] == choice.code]
        if at_status.empty:
            continue
        label = choice.zh if lang == "zh" else choice.en
        count = len(at_status)
        shown = say("1 item", lang) if count == 1 else say("%1 items", lang, count)
        names = [figures.name(r, lang, "entity") + " — " + figures.name(r, lang, "recognition")
                 for _, r in at_status.iterrows()]
        tip = figures.tooltip(label, shown, lang) + "<br>" + "<br>".join(
            html.escape(n) for n in names)
        bars.append(Bar(label=label, value=float(count), display=shown, tooltip=tip))
    if not bars:
        return None
    return ChartView("status", say("Enterprises and platforms by status", lang), bars=bars,
                     value_axis_label=say("items", lang))
