"""The view objects: what a section shows, in the words and numbers it shows them."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd


@dataclass
class Bar:
    """One bar: its data, what it says, and the figure behind it."""

    label: str
    value: float
    display: str  # the value as the user reads it: "506.1亿元"
    tooltip: str = ""
    derived: bool = False
    series: str = ""
    unit: str = ""  # the unit of `value` (亿元): an English money axis is scaled to match
    highlight: bool = False  # the user's own entity: drawn in the accent colour
    # The figure behind the bar (an indicators row), for "Source…"; None for counts.
    ref: Any = field(default=None, compare=False, repr=False)


@dataclass
class Line:
    """A reference line over the bars (时序进度), drawn dashed: `xs` along the category axis
    (its positions, or 0, 1, 2 … a category), `ys` along the value axis, whichever way the
    chart lies."""

    name: str
    xs: list[float]
    ys: list[float]


@dataclass
class ChartView:
    """A bar chart: plain bars, or grouped bars (a group per category, a bar per series)."""

    key: str
    title: str
    bars: list[Bar] = field(default_factory=list)  # plain bars; empty when grouped
    categories: list[str] = field(default_factory=list)  # grouped: the groups
    series: dict[str, list[Bar]] = field(default_factory=dict)  # grouped: name -> bars
    horizontal: bool = False
    value_axis_label: str = ""
    note: str = ""  # what a reader must know to read the bars (bands that do not overlap)
    part_keys: list[str] = field(default_factory=list)  # keys drawn as parts of a whole
    highlight_label: str = ""  # the legend's words for a highlighted bar ("江西（本地区）")
    # A true time axis (core.monthly, views.timeline): each category's centre and width in
    # axis units (years, or months: 1–2月 is two wide), and the axis' labels at their places.
    # Empty: categories are evenly spaced at 0, 1, 2 …
    positions: list[float] = field(default_factory=list)
    widths: list[float] = field(default_factory=list)
    ticks: list[tuple[float, str]] = field(default_factory=list)
    lines: list[Line] = field(default_factory=list)  # drawn over the bars, in the legend

    @property
    def grouped(self) -> bool:
        return bool(self.series)

    def all_bars(self) -> list[Bar]:
        if self.grouped:
            return [bar for bars in self.series.values() for bar in bars]
        return list(self.bars)

    def row_count(self) -> int:
        """Rows a horizontal chart needs: a bar each, a group of bars taking more room."""
        if not self.horizontal:
            return 0
        if self.grouped:
            return -(-len(self.categories) * (10 + 4 * (len(self.series) - 1)) // 10)
        return len(self.bars)


@dataclass
class KpiView:
    """A KPI card's texts: what, the figure with qualifier and unit, the change, the basis."""

    key: str
    title: str
    value_text: str
    derived: bool = False
    yoy_pct: float | None = None  # the change shown, in percent (reported or against before)
    yoy_text: str = ""  # "同比 ▲11.7%" / "YoY ▲11.7%"; '' when there is none
    # "2018年：约453.1亿元（推算）"; an entity's card: its rank and share, "第12位（共31）· 占全国0.8%"
    compare_text: str = ""
    source: str = ""  # the sentence quoted
    derivation: str = ""  # how a derived figure was computed
    accessible_text: str = ""  # what a screen reader says
    tooltip: str = ""
    row: Any = field(default=None, compare=False, repr=False)  # the indicators row
    # A 累计 figure with a target for its year (core.targets): completion and time elapsed in
    # per cent, the gap in points, and the two lines the card prints.
    completion_pct: float | None = None
    elapsed_pct: float | None = None
    gap_pp: float | None = None
    target_text: str = ""  # "完成年度目标88.2%" / "88.2% of the annual target"
    elapsed_text: str = ""  # "时序进度83.3%，高于4.9个百分点"
    sentence: str = ""  # the summary's sentence for this card, when not core.summary's


@dataclass
class TableView:
    """A table: the rows shown, which schema table they are, and the title above them."""

    key: str
    frame: pd.DataFrame
    table_name: str
    title: str
    # The columns' labels and kinds when the table is none of the schema's (a core.schema
    # Table; a table entity × period): None reads them from TABLES_BY_NAME[table_name].
    schema: Any = None


@dataclass
class SectionView:
    """Everything one section shows for a dataset, a language and a period."""

    code: str
    label: str
    lang: str
    period: int | None
    kpis: list[KpiView] = field(default_factory=list)
    charts: list[ChartView] = field(default_factory=list)
    tables: list[TableView] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.kpis or self.charts or self.tables)

    def chart(self, key: str) -> ChartView | None:
        return next((c for c in self.charts if c.key == key), None)
