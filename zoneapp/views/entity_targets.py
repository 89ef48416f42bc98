"""Each entity's progress to its year's target, ranked: the table a monthly report prints as
"各县区主要指标完成情况" (累计, 年度目标, 完成年度目标%), as a chart with the time-elapsed
line (时序进度).

An entity's target is a row with its `entity`, value_kind `target` and no period_detail (the
whole year), like the zone's own (core/targets.py); its 累计 is its ytd row of that key and
year for the month a ranking would compare (views.entities.latest_reported) among the
entities with targets; a whole year's figure counts as 1–12月. An entity without that month,
without a target, or whose unit does not convert to its target's, is counted in the chart's
note, never drawn with another month's figure.
Aggregates (全市) are the whole: said in the note, never a bar. The own entity's card shows
its progress too (add_own_goals).
"""
from __future__ import annotations

import html
from collections import Counter

import pandas as pd

from zoneapp.core.cells import cell_text as text
from zoneapp.core.entities import names_own
from zoneapp.core.schema import VALUE_KIND_CHOICES
from zoneapp.core.monthly import Point, kind_of, span_label, span_of
from zoneapp.core.targets import Progress, progress_of, target_rows
from zoneapp.core.units import format_number
from zoneapp.views import figures
from zoneapp.views.entities import entity_label, entity_noun, latest_reported
from zoneapp.views.model import Bar, ChartView, KpiView, Line
from zoneapp.views.timeline import add_goal
from zoneapp.views.words import counted, say

TOP_N = 15  # bars, as a ranking shows (views/ranking.py)
VALUE_KINDS = tuple(c.code for c in VALUE_KIND_CHOICES)
# A key's entities against their targets: (each entity's progress, the totals', (entities
# without a target, without the month's 累计, with a target's unit that does not convert)).
Compared = tuple[list[Progress], list[Progress], tuple[int, int, int]]


def compare(rows: pd.DataFrame | None, period: int | None = None) -> dict[str, Compared]:
    """key -> how its entities compare with their targets in year `period` (None: the latest
    year with targets and a 累计), for each key with entity targets; `rows` are a section's
    rows about entities. The charts and the own entity's card both read it."""
    targets = target_rows(rows, of_entities=True)
    out: dict[str, Compared] = {}
    if targets.empty:
        return out
    for key in pd.unique(targets["key"]):
        found = _compare(rows[rows["key"] == key], targets[targets["key"] == key], period)
        if found is not None:
            out[key] = found
    return out


def target_charts(compared: dict[str, Compared], lang: str, own: str = "") -> list[ChartView]:
    """A chart per key of `compared`."""
    return [_chart(found, key, lang, own) for key, found in compared.items()]


def _chart(found: Compared, key: str, lang: str, own: str) -> ChartView:
    parts, wholes, (no_target, no_figure, unmatched) = found
    parts = sorted(parts, key=lambda p: -p.completion)
    mine = _is_own(parts, own)
    # The first TOP_N, and the own entity wherever it stands; the rest counted in the note.
    shown = [i for i, m in enumerate(mine) if i < TOP_N or m]
    bars = [_bar(parts[i], lang, highlight=bool(mine[i])) for i in shown]
    first = parts[0]
    noun = entity_noun([text(p.target_row, "entity") for p in parts])
    title = say(counted(noun, "%1: progress to the annual target by entity, %2"), lang,
                figures.name(first.done.row, lang), first.done.span.label(lang))  # as cards
    notes = [say("Time elapsed %1%", lang, format_number(first.elapsed, "%", decimals=1))]
    notes += [say("%1: %2 of the annual target", lang, entity_label(p.target_row, lang),
                  _percent(p.completion)) for p in wholes]
    for count, words in ((len(parts) - len(shown), "%1 more not shown"),
                         (no_target, "%1 more without a target"),
                         (no_figure, "%1 more without this period's year to date"),
                         (unmatched, "%1 more whose target's unit does not convert")):
        if count:
            notes.append(say(counted(noun, words), lang, count))
    stop = "。" if lang == "zh" else ". "
    highlight = ""
    if any(mine):
        highlight = say("%1 (own)", lang, next(b.label for b in bars if b.highlight))
    line = Line(say("Time elapsed", lang), [-0.5, len(bars) - 0.5], [first.elapsed] * 2)
    return ChartView(f"entity_target_{key}", title, bars=bars, horizontal=True,
                     value_axis_label=say("% of the annual target", lang),
                     note=stop.join(notes).strip() + stop.strip(), lines=[line],
                     highlight_label=highlight)


def _compare(rows: pd.DataFrame, targets: pd.DataFrame, period: int | None
             ) -> Compared | None:
    """(each entity's progress, the totals', (entities without a target, without the
    month's 累计, with a unit that does not convert)); None when no entity compares."""
    years = sorted({int(y) for y in targets["period"]}, reverse=True)
    if period is not None:
        years = [period] if period in years else []
    done: list[Point] = []
    for year in years:  # the latest year with targets and a 累计, taken one year at a time
        done = _year_to_date(rows, year)
        if done:
            break
    if not done:
        return None
    goals = {text(row, "entity"): row for row in
             targets[targets["period"] == year].to_dict("records")}
    whole = {e for e, row in goals.items() if text(row, "aggregate") == "yes"}
    by_entity: dict[str, dict[int, Point]] = {}
    for point in done:
        by_entity.setdefault(text(point.row, "entity"), {})[point.span.last] = point
    month = _month(by_entity, [e for e in goals if e not in whole])
    if month is None:
        return None
    parts, wholes, unmatched, no_figure = [], [], 0, 0
    for entity, target_row in goals.items():
        point = by_entity.get(entity, {}).get(month)
        progress = progress_of(point, target_row) if point is not None else None
        if entity in whole:
            wholes += [progress] if progress is not None else []
        elif point is None:
            no_figure += 1
        elif progress is None:  # a unit that does not convert, a target of zero
            unmatched += 1
        else:
            parts.append(progress)
    if not parts:
        return None
    no_target = sum(1 for e in by_entity if e not in goals and not _is_aggregate(by_entity[e]))
    return parts, wholes, (no_target, no_figure, unmatched)


def own_progress(compared: dict[str, Compared], own: str) -> dict[str, Progress]:
    """key -> the own entity's progress to its target (as its target chart compares it), for
    its card and its sentence; {} without an own entity."""
    out: dict[str, Progress] = {}
    if not own:
        return out
    for key, (parts, _wholes, _counts) in compared.items():
        out.update({key: p for p, m in zip(parts, _is_own(parts, own)) if m})
    return out


def _is_own(parts: list[Progress], own: str) -> list[bool]:
    """For each entity's progress, whether it is the own entity's (zone.toml's own_entity)."""
    if not own:
        return [False] * len(parts)
    names = pd.Series([text(p.target_row, "entity") for p in parts], dtype=object)
    return [bool(m) for m in names_own(names, own)]


def add_own_goals(cards: list[KpiView], goals: dict[str, Progress], lang: str) -> None:
    """The own entity's card of a figure with a target shows its completion and 时序进度,
    as a zone's does, when it is the card of the months the target chart compares."""
    for card in cards:
        goal = goals.get(text(card.row, "key")) if card.row is not None else None
        if goal is not None and text(card.row, "entity") == text(goal.done.row, "entity") \
                and span_of(card.row) == goal.done.span:
            add_goal(card, goal, lang)


def _year_to_date(rows: pd.DataFrame, year: int) -> list[Point]:
    """The 累计 from January (a whole year's figure as 1–12月) among `rows`, in `year`.
    Chosen in pandas first: a province's key has 24,000 rows of months and kinds."""
    kind = rows["value_kind"].fillna("")
    wanted = rows["period"].eq(year).fillna(False) & rows["value"].notna() \
        & kind.isin(["ytd", "year", ""])
    out = []
    for row in rows[wanted].to_dict("records"):
        span = span_of(row)
        if span is not None and span.first == 1 and kind_of(row, span) in ("ytd", "year"):
            out.append(Point(text(row, "key"), span, "ytd", float(row["value"]),
                             text(row, "unit"), text(row, "qualifier"),
                             text(row, "basis") == "derived", row))
    return out


def _month(by_entity: dict[str, dict[int, Point]], entities: list[str]) -> int | None:
    """The month compared, as a ranking chooses its period (latest_reported), among the
    months `entities` report: one an early reporter, the total or an entity without a target
    alone has is not it."""
    counts = Counter(m for e in entities for m in by_entity.get(e, {}))
    return latest_reported(counts) if counts else None


def _is_aggregate(points: dict[int, Point]) -> bool:
    return any(text(p.row, "aggregate") == "yes" for p in points.values())


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
        key = _ranked_key(chart.key)
        if key in waiting:
            out.append(waiting.pop(key))
    return out + list(waiting.values())


def _ranked_key(chart_key: str) -> str | None:
    """The figure's key of a ranked chart (rank_<key>_<value kind>, "_" added for a second
    of one key and kind), else None: rank_rev_total_ytd is rev_total's, not rev's."""
    stem = chart_key.rstrip("_")
    if not stem.startswith("rank_"):
        return None
    stem = stem.removeprefix("rank_")
    for kind in VALUE_KINDS:
        if stem.endswith(f"_{kind}"):
            return stem.removesuffix(f"_{kind}")
    return stem
