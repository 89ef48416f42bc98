"""The zone's monthly figures as cards and charts: 当月 and 累计 never in one series, each on a
true month axis, and a year's target as progress against the time elapsed.

Per key, in the order the keys first appear: a KPI card of the latest 累计 (its 同比, its
当月, and with a target its completion and 时序进度); a chart of the 当月 values (reported,
or derived from consecutive 累计, drawn lighter) over the latest two years, periods of
different lengths (three quarters and an October) a series each; then, with a target, the
year's 累计 as per cent of the target against the time-elapsed line, else the 累计 values
themselves.
"""
from __future__ import annotations

import html

import pandas as pd

from zoneapp.core.cells import cell_text
from zoneapp.core.monthly import Change, Point, month_range, points, span_label, year_on_year
from zoneapp.core.periods import PeriodSpan
from zoneapp.core.monthly_summary import period_sentence
from zoneapp.core.targets import Progress, progress, progress_series
from zoneapp.core.readable import format_readable  # 105亿元, not 1,050,000万元
from zoneapp.core.units import format_number
from zoneapp.views import figures
from zoneapp.views.kpis import change_arrow
from zoneapp.views.model import Bar, ChartView, KpiView, Line
from zoneapp.views.time_axis import month_place, month_ticks, span_kind
from zoneapp.views.words import say

CHART_YEARS = 2  # a monthly chart shows the latest two years: this year and the one before


def _keys(rows: pd.DataFrame) -> list[str]:
    return list(dict.fromkeys(rows["key"])) if rows is not None and not rows.empty else []


def _headline(flows: list[Point], period: int | None, until: int | None) -> Point | None:
    """The card's figure: the latest 累计 (else 当月) in `period` (any year when None), up
    to month `until`; reported before derived for the same months."""
    chosen = [p for p in flows if (period is None or p.span.year == period)
              and (until is None or p.span.last <= until)]
    for kind in ("ytd", "period"):
        of_kind = [p for p in chosen if p.kind == kind]
        if of_kind:
            latest = max((p.span.year, p.span.last) for p in of_kind)
            same = [p for p in of_kind if (p.span.year, p.span.last) == latest]
            return min(same, key=lambda p: p.derived)
    return None


def time_kpis(rows: pd.DataFrame | None, lang: str, period: int | None = None,
              until: int | None = None) -> list[KpiView]:
    """A card per key of the zone's monthly rows (see the module's docstring)."""
    views = []
    for key in _keys(rows):
        flows = points(rows, key)
        point = _headline(flows, period, until)
        if point is not None:
            views.append(time_kpi(rows, flows, point, lang))
    return views


def time_kpi(rows: pd.DataFrame, flows: list[Point], point: Point, lang: str) -> KpiView:
    """The card of one 累计 (or 当月) figure."""
    row = point.row
    name = figures.name(row, lang)
    title = figures.period_title(name, point.span, point.kind, lang)
    shown = format_readable(point.value, point.unit, point.qualifier, lang)
    change = year_on_year(point, flows)
    goal = progress(rows, point.key, point.span.year, point.span.last, flows) \
        if point.kind == "ytd" else None
    yoy = ""
    if change is not None:
        yoy = f"{say('YoY', lang)} {change_arrow(change.pct)}" \
              f"{format_number(abs(change.pct), '%', decimals=1)}%"
        if change.derived:
            yoy += ("" if lang == "zh" else " ") + say("(derived)", lang)
    alone = _alone(point, flows, lang) if point.kind == "ytd" else ""
    derivation = cell_text(row, f"derivation_{lang}") if point.derived else ""
    view = KpiView(key=point.key, title=title, value_text=shown, derived=point.derived,
                   yoy_pct=change.pct if change else None, yoy_text=yoy, compare_text=alone,
                   source=cell_text(row, "source_sentence"), derivation=derivation, row=row,
                   sentence=period_sentence(point, lang, change, goal))
    if goal is not None:
        add_goal(view, goal, lang)
    view.tooltip = "\n".join(t for t in (
        f"{title}: {shown}", say("Source: %1", lang, view.source) if view.source else "",
        say("Derived: %1", lang, derivation) if derivation else "",
        _change_formula(change, lang), alone,
        goal.formula(lang) if goal is not None else "") if t)
    spoken = [title, shown, yoy, view.target_text, view.elapsed_text]
    view.accessible_text = " ".join(t for t in spoken if t)
    return view


def _change_formula(change: Change | None, lang: str) -> str:
    if change is None or not change.derived:
        return ""
    return change.formula_zh if lang == "zh" else change.formula_en


def _alone(point: Point, flows: list[Point], lang: str) -> str:
    """The last month's own value under a 累计: "10月当月：43.7亿元（推算）"."""
    last = [p for p in flows if p.kind == "period" and p.span.year == point.span.year
            and p.span.last == point.span.last]
    if not last:
        return ""
    p = min(last, key=lambda q: q.derived)
    shown = format_readable(p.value, p.unit, p.qualifier, lang)
    if p.derived:
        shown += ("" if lang == "zh" else " ") + say("(derived)", lang)
    months = month_range(p.span, lang)
    if lang == "zh":
        return f"{months}{'当月' if p.span.first == p.span.last else ''}：{shown}"
    return f"{months} alone: {shown}"


def add_goal(view: KpiView, goal: Progress, lang: str) -> None:
    """The card's completion, time elapsed and gap, and the two lines it prints."""
    view.completion_pct, view.elapsed_pct, view.gap_pp = goal.completion, goal.elapsed, goal.gap
    pct = format_number(goal.completion, "%", decimals=1)
    elapsed = format_number(goal.elapsed, "%", decimals=1)
    gap = format_number(abs(goal.gap), "%", decimals=1)
    if lang == "zh":
        view.target_text = f"完成年度目标{pct}%"
        side = "高于" if goal.gap > 0 else "低于" if goal.gap < 0 else ""
        view.elapsed_text = f"时序进度{elapsed}%，" + (f"{side}{gap}个百分点" if side else "持平")
    else:
        view.target_text = f"{pct}% of the annual target"
        side = "ahead" if goal.gap > 0 else "behind" if goal.gap < 0 else ""
        view.elapsed_text = f"time elapsed {elapsed}%, " + (
            f"{gap} points {side}" if side else "in step")


# ----- charts ---------------------------------------------------------------------------------

def time_charts(rows: pd.DataFrame | None, lang: str, period: int | None = None) -> list[ChartView]:
    """A key's 当月 chart and its progress (or 累计) chart, key by key."""
    charts: list[ChartView] = []
    for key in _keys(rows):
        flows = points(rows, key)
        years = sorted({p.span.year for p in flows if period is None or p.span.year <= period})
        if not years:
            continue
        shown = [p for p in flows if p.span.year in years[-CHART_YEARS:]]
        name = figures.name(flows[0].row, lang)
        alone = [p for p in shown if p.kind == "period"]
        # 当月 when the periods are months (1–2月 reported together counts), 当季 when
        # quarters, else 当期 (each length then its own series: flow_chart)
        kinds = {span_kind(p.span) for p in alone}
        words = _FLOW_TITLES.get(kinds.pop() if len(kinds) == 1 else "", "%1: each period")
        monthly = flow_chart(f"month_{key}", say(words, lang, name), alone, lang)
        if monthly is not None:
            charts.append(monthly)
        goal = _progress_chart(rows, flows, key, name, years[-1], lang)
        if goal is None:
            goal = flow_chart(f"ytd_{key}", say("%1: year to date", lang, name),
                               [p for p in shown if p.kind == "ytd"], lang)
        if goal is not None:
            charts.append(goal)
    return charts


_FLOW_TITLES = {"month": "%1: each month", "quarter": "%1: each quarter"}
# A series of the periods of one length, when a chart has periods of several lengths.
_LENGTHS = {"month": "Months", "quarter": "Quarters", "half": "Half-years"}


def length_series(flows: list[Point], lang: str) -> list[str]:
    """Each 当期 point's series name, one per length of period ("当季", "当月"), when the
    points have periods of more than one length; else "" each (one series, no legend).
    Bars of a quarter and of a month on one axis are not alike: kept apart in the legend,
    each as wide as its months."""
    kinds = [span_kind(p.span) for p in flows]
    if len(set(kinds)) < 2 or any(p.kind != "period" for p in flows):
        return [""] * len(flows)
    return [say(_LENGTHS[k], lang) if k in _LENGTHS else
            say("%1 months", lang, k.split()[0]) for k in kinds]


def _distinct(flows: list[Point]) -> list[Point]:
    """One point per span, reported before derived."""
    seen: dict = {}
    for p in sorted(flows, key=lambda q: q.derived):
        seen.setdefault(p.span, p)
    return sorted(seen.values(), key=lambda p: (p.span.year, p.span.first))


def flow_chart(key: str, title: str, flows: list[Point], lang: str) -> ChartView | None:
    """Bars of one kind of figure, each at its months on the true axis."""
    flows = _distinct(flows)
    if len(flows) < 2:
        return None
    units = {p.unit for p in flows}
    unit = flows[-1].unit
    if len(units) > 1:  # one axis, one unit: earlier figures in the latest one's unit
        flows = [_in_unit(p, unit) for p in flows]
        flows = [p for p in flows if p is not None]
    bars, positions, widths, before = [], [], [], None
    series = length_series(flows, lang)
    for p, named in zip(flows, series):
        label = span_label(p.span, lang)
        bar = figures.indicator_bar(p.row, lang, label=label, series=named)
        bar.value, bar.unit = p.value, p.unit
        bar.display = format_readable(p.value, p.unit, p.qualifier, lang)
        bars.append(bar)
        # A 累计 stands over the months it added since the year's previous one, so the bars
        # of a year tile it instead of overlapping (1–2月 over January and February).
        first = before.span.last + 1 if (p.kind == "ytd" and before is not None
                                         and before.span.year == p.span.year) else p.span.first
        before = p
        centre, width = month_place(PeriodSpan(p.span.year, first, p.span.last))
        positions.append(centre)
        widths.append(width)
    note = say("Periods of different lengths in different colours, each bar as wide as its "
               "months: compare bars of one colour.", lang) if any(series) else ""
    return ChartView(key, title, bars=bars, value_axis_label=figures.unit_axis_label(unit, lang),
                     positions=positions, widths=widths, note=note,
                     ticks=month_ticks([p.span for p in flows], lang))


def _in_unit(p: Point, unit: str) -> Point | None:
    from zoneapp.core.units import convert

    value = convert(p.value, p.unit, unit)
    if value is None:
        return None
    return Point(p.key, p.span, p.kind, value, unit, p.qualifier, p.derived, p.row)


def _progress_chart(rows: pd.DataFrame, flows: list[Point], key: str, name: str, year: int,
                    lang: str) -> ChartView | None:
    """The year's 累计 as per cent of its target, each bar over the months it added, and the
    time-elapsed line from 0 at the year's start to 100 at its end."""
    steps = progress_series(rows, key, year, flows)
    if not steps:
        return None
    bars, positions, widths, before = [], [], [], 0
    for goal in steps:
        span = goal.done.span
        added = PeriodSpan(span.year, before + 1, span.last)
        before = span.last
        pct = format_number(goal.completion, "%", decimals=1) + "%"
        tip = [f"<b>{html.escape(span_label(span, lang))}</b>",
               html.escape(format_readable(goal.done.value, goal.done.unit, goal.done.qualifier,
                                        lang)),
               html.escape(_goal_line(goal, lang)), f"<i>{html.escape(goal.formula(lang))}</i>"]
        bars.append(Bar(label=span_label(span, lang), value=goal.completion, display=pct,
                        tooltip="<br>".join(tip), derived=True, unit="%", ref=goal.done.row))
        centre, width = month_place(added)
        positions.append(centre)
        widths.append(width)
    start = year * 12 - 0.5
    line = Line(say("Time elapsed", lang), [start, start + 12], [0.0, 100.0])
    return ChartView(f"target_{key}", say("%1: %2 target vs time elapsed", lang,
                                         name, year),
                     bars=bars, value_axis_label=say("% of the annual target", lang),
                     positions=positions, widths=widths, lines=[line],
                     ticks=month_ticks([PeriodSpan(year)], lang),
                     note=say("Bars: year to date as per cent of the year's target; the line: "
                              "share of the year gone by.", lang))


def _goal_line(goal: Progress, lang: str) -> str:
    pct = format_number(goal.completion, "%", decimals=1)
    elapsed = format_number(goal.elapsed, "%", decimals=1)
    gap = format_number(abs(goal.gap), "%", decimals=1)
    if lang == "zh":
        side = "高于" if goal.gap > 0 else "低于" if goal.gap < 0 else "持平"
        return f"完成年度目标{pct}%，时序进度{elapsed}%，{side}" + (f"{gap}个百分点" if goal.gap else "")
    side = "ahead" if goal.gap > 0 else "behind" if goal.gap < 0 else ""
    return f"{pct}% of the annual target; time elapsed {elapsed}%" + (
        f", {gap} points {side}" if side else ", in step")
