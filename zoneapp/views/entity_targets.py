"""Each entity's progress to its year's target, ranked: the table a monthly report prints as
"各县区主要指标完成情况" (累计, 年度目标, 完成年度目标%), as a chart with the time-elapsed
line (时序进度).

An entity's target is a row with its `entity`, value_kind `target` and no period_detail (the
whole year), like the zone's own (core/targets.py); its 累计 is its ytd row of that key and
year for the latest month any entity reports. An entity without that month, or whose unit
does not convert to its target's, is counted in the chart's note, never drawn with another
month's figure. Aggregates (全市) are the whole: said in the note, never a bar.
"""
from __future__ import annotations

import html

import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.entities import names_own
from zoneapp.core.monthly import Point, points_of, span_label
from zoneapp.core.targets import Progress, progress_of
from zoneapp.core.units import format_number
from zoneapp.views import figures
from zoneapp.views.entities import entity_label, entity_noun
from zoneapp.views.model import Bar, ChartView, Line
from zoneapp.views.words import counted, say

TOP_N = 15  # bars, as a ranking shows (views/ranking.py)


def target_charts(rows: pd.DataFrame | None, lang: str, period: int | None = None,
                  own: str = "") -> list[ChartView]:
    """A chart per key whose entities have targets, for year `period` (None: the latest year
    with targets and a 累计); `rows` are a section's rows about entities."""
    if rows is None or rows.empty or "value_kind" not in rows.columns:
        return []
    goal = rows["value_kind"].fillna("").eq("target")
    if "period_detail" in rows.columns:
        goal &= rows["period_detail"].fillna("").eq("")
    targets = rows[goal].dropna(subset=["value", "period"])
    if targets.empty:
        return []
    charts = []
    for key in pd.unique(targets["key"]):
        chart = _chart(rows[rows["key"] == key], targets[targets["key"] == key], key, lang,
                       period, own)
        if chart is not None:
            charts.append(chart)
    return charts


def _chart(rows: pd.DataFrame, targets: pd.DataFrame, key: str, lang: str,
           period: int | None, own: str) -> ChartView | None:
    done = [p for p in points_of(rows.to_dict("records"))
            if p.kind == "ytd" and p.span.first == 1]
    years = sorted({int(y) for y in targets["period"]} & {p.span.year for p in done})
    year = period if period is not None else (years[-1] if years else None)
    if year not in years:
        return None
    done = [p for p in done if p.span.year == year]
    month = max(p.span.last for p in done)
    latest = {text(p.row, "entity"): p for p in done if p.span.last == month}
    goals = {text(row, "entity"): row for row in
             targets[targets["period"] == year].to_dict("records")}
    parts, wholes, missing = [], [], 0
    for entity, target_row in goals.items():
        point = latest.get(entity)
        progress = progress_of(point, target_row) if point is not None else None
        if progress is None:
            missing += 1
        elif text(target_row, "aggregate") == "yes":
            wholes.append(progress)
        else:
            parts.append(progress)
    if not parts:
        return None
    parts.sort(key=lambda p: -p.completion)
    mine = list(names_own(pd.Series([text(p.target_row, "entity") for p in parts]), own)) \
        if own else [False] * len(parts)
    # The first TOP_N, and the own entity wherever it stands; the rest counted in the note.
    shown = [i for i, m in enumerate(mine) if i < TOP_N or m]
    hidden = len(parts) - len(shown)
    bars = [_bar(parts[i], lang, highlight=bool(mine[i])) for i in shown]
    first = parts[0]
    name = figures.name(first.done.row, lang)
    months = span_label(first.done.span, lang)
    noun = entity_noun([text(p.target_row, "entity") for p in parts])
    title = say(counted(noun, "%1: progress to the annual target by entity, %2"), lang,
                name, months)
    elapsed = first.elapsed
    notes = [say("Time elapsed %1%", lang, format_number(elapsed, "%", decimals=1))]
    notes += [f"{entity_label(p.target_row, lang)}：{_percent(p.completion)}" if lang == "zh"
              else f"{entity_label(p.target_row, lang)}: {_percent(p.completion)}"
              for p in wholes]
    if hidden:
        notes.append(say(counted(noun, "%1 more not shown"), lang, hidden))
    if missing:
        notes.append(say(counted(noun, "%1 more without a target or this month's figure"),
                         lang, missing))
    stop = "。" if lang == "zh" else ". "
    highlight = ""
    if any(mine):
        highlight = say("%1 (own)", lang, next(b.label for b in bars if b.highlight))
    line = Line(say("Time elapsed", lang), [-0.5, len(bars) - 0.5], [elapsed, elapsed])
    return ChartView(f"entity_target_{key}", title, bars=bars, horizontal=True,
                     value_axis_label=say("% of the annual target", lang),
                     note=stop.join(notes).strip() + stop.strip(), lines=[line],
                     highlight_label=highlight)


def _percent(value: float) -> str:
    return format_number(value, "%", decimals=1) + "%"


def _bar(progress: Progress, lang: str, highlight: bool) -> Bar:
    """An entity's completion: derived (累计 ÷ 目标), with both figures and the formula."""
    label = entity_label(progress.target_row, lang)
    done: Point = progress.done
    lines = [f"<b>{html.escape(label)} · {html.escape(figures.name(done.row, lang))}</b>",
             html.escape(figures.display(done.row, lang) + " · "
                         + span_label(done.span, lang)),
             html.escape(_goal(progress, lang)),
             f"<i>{html.escape(progress.formula(lang))}</i>"]
    return Bar(label=label, value=progress.completion, display=_percent(progress.completion),
               tooltip="<br>".join(lines), derived=True, unit="%", highlight=highlight,
               ref=done.row)


def _goal(progress: Progress, lang: str) -> str:
    gap = format_number(abs(progress.gap), "%", decimals=1)
    if lang == "zh":
        side = "高于" if progress.gap > 0 else "低于" if progress.gap < 0 else "持平于"
        return (f"完成年度目标{_percent(progress.completion)}，{side}时序进度"
                + (f"{gap}个百分点" if progress.gap else ""))
    side = "ahead of" if progress.gap > 0 else "behind" if progress.gap < 0 else "in step with"
    return (f"{_percent(progress.completion)} of the annual target, "
            + (f"{gap} points " if progress.gap else "") + f"{side} time elapsed")


def with_targets(charts: list[ChartView], targets: list[ChartView]) -> list[ChartView]:
    """`charts` with each key's target chart after that key's first ranked chart (the rest
    at the end)."""
    out, waiting = [], {t.key.removeprefix("entity_target_"): t for t in targets}
    for chart in charts:
        out.append(chart)
        for key in list(waiting):
            if chart.key.startswith(f"rank_{key}_") or chart.key == f"rank_{key}":
                out.append(waiting.pop(key))
    return out + list(waiting.values())
