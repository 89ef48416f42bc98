"""The innovation section's chart: enterprises and platforms by recognition status."""
from __future__ import annotations

import html

import pandas as pd

from zoneapp.core.schema import RECOGNITION_STATUS_CHOICES
from zoneapp.views import figures
from zoneapp.views.model import Bar, ChartView
from zoneapp.views.words import say

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
