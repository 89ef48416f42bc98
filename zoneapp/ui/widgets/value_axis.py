"""A chart's value axis: ticks with thousands separators, never in scientific notation.

pyqtgraph's AxisItem writes a tick of 10,000 or more as `%g` (2e+07); this one writes
20,000,000, or, on an axis the chart has scaled to the unit people read (亿元), 2,000.
"""
from __future__ import annotations

from zoneapp.core.readable import tick_texts
from zoneapp.ui.widgets.pg_import import pg


class ValueAxis(pg.AxisItem):
    """An AxisItem whose tick labels are `core.readable.tick_texts` (category axes set their
    own tick texts with setTicks, which this leaves as they are)."""

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph override)
        if self.logMode:
            return super().tickStrings(values, scale, spacing)
        return tick_texts(values, scale, spacing)
