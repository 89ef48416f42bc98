"""Pixel geometry of a bar chart, with no Qt widgets: axis ranges, tick steps, which value
labels fit. Kept apart from charts.py so the layout rules can be read and tested alone."""
from __future__ import annotations

import math

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF

from zoneapp.ui.widgets import category_labels

Bar = tuple[float, float, float]  # position on the category axis, thickness, value


def whole_tick_step(span: float, most_ticks: int = 6) -> float:
    """The smallest of 1, 2, 5, 10, 20, 50 … that puts at most `most_ticks` ticks on `span`."""
    step = 1.0
    while span / step > most_ticks:
        for factor in (2.0, 2.5, 2.0):  # 1 -> 2 -> 5 -> 10
            step *= factor
            if span / step <= most_ticks:
                break
    return step


def value_range(values: list[float], sizes: list[float], extent: float,
                room: float) -> tuple[float, float]:
    """Value-axis limits from 0 that leave `size + room` pixels beyond each bar's end."""
    values = [v if math.isfinite(v) else 0.0 for v in values]  # validation reports these
    lo, hi = min(0.0, *values), max(0.0, *values)
    if hi == lo:
        hi = lo + 1.0
    for _ in range(4):  # each pass shrinks the scale, so the pads grow toward a fixed point
        span = hi - lo
        if not math.isfinite(span) or extent <= 0 or extent / span == 0:
            break  # too wide to pad: drawn as is, never a division by zero
        scale = extent / span  # pixels per unit
        for v, size in zip(values, sizes):
            pad = (size + room) / scale
            if v >= 0:
                hi = max(hi, v + pad)
            else:
                lo = min(lo, v - pad)
    return lo, hi


def fitting_labels(bars: list[Bar], texts: list[str], label_sizes: list[tuple[float, float]],
                   horizontal: bool, value_range: tuple[float, float],
                   cat_range: tuple[float, float], size: tuple[float, float],
                   gap: float) -> list[bool]:
    """For each bar's value label: does it fit inside the plot without touching another
    label drawn before it or any bar? (`size` is the plot's width and height in pixels.)"""
    return [shift is not None for shift in label_shifts(
        bars, texts, label_sizes, horizontal, value_range, cat_range, size, gap)]


SHIFT_STEPS = 4  # tries on each side when a label does not fit centred over its bar


def label_shifts(bars: list[Bar], texts: list[str], label_sizes: list[tuple[float, float]],
                 horizontal: bool, value_range: tuple[float, float],
                 cat_range: tuple[float, float], size: tuple[float, float],
                 gap: float) -> list[float | None]:
    """For each bar's value label, how many pixels along the category axis it is moved from
    its bar's centre to fit (0: centred), or None when it does not fit anywhere (hidden; the
    tooltip has it). A label wider than its bar that would touch a taller neighbour may slide
    sideways, but never off its bar: at most until its edge is over the bar's edge (a month's
    narrow bar beside a quarter's)."""
    (lo, hi), (c0, c1), (width, height) = value_range, cat_range, size
    along = width if horizontal else height  # pixels along the value axis
    across = height if horizontal else width

    def to_px(pos: float, value: float) -> tuple[float, float]:
        """(across, along-from-the-start) pixel offsets of a data point."""
        a = (pos - c0) / (c1 - c0) * across
        b = (value - lo) / (hi - lo) * along
        return (a, b) if horizontal else (a, height - b)

    def box(a0: float, a1: float, b0: float, b1: float) -> QRectF:
        if horizontal:  # a runs down the plot, b to the right
            return QRectF(min(b0, b1), a0, abs(b1 - b0), a1 - a0)
        return QRectF(a0, min(b0, b1), a1 - a0, abs(b1 - b0))

    bar_boxes = []
    for pos, thickness, v in bars:
        a0, b0 = to_px(pos - thickness / 2, 0.0)
        a1, b1 = to_px(pos + thickness / 2, v)
        bar_boxes.append(box(a0, a1, b0, b1))
    area = QRectF(-1, -1, width + 2, height + 2)
    kept: list[QRectF] = []
    shifts: list[float | None] = []
    for i, ((pos, thickness, v), text, (w, h)) in enumerate(zip(bars, texts, label_sizes)):
        a, b = to_px(pos, v)
        if horizontal:
            left = b + gap if v >= 0 else b - gap - w
            rect = QRectF(left, a - h / 2, w, h)
            tries = [0.0]
        else:
            rect = QRectF(a - w / 2, b - h if v >= 0 else b, w, h)
            room = max(0.0, w / 2 - thickness / 2 / (c1 - c0) * across)  # overhang per side
            steps = [room * k / SHIFT_STEPS for k in range(1, SHIFT_STEPS + 1)] if room else []
            tries = [0.0] + [d for step in steps for d in (step, -step)]
        found = None
        for shift in tries if text else []:
            moved = rect.translated(shift, 0)
            crowded = any(moved.adjusted(-2, 0, 2, 0).intersects(k) for k in kept) or any(
                j != i and moved.intersects(r) for j, r in enumerate(bar_boxes))
            if area.contains(moved) and not crowded:
                found = shift
                kept.append(moved)
                break
        shifts.append(found)
    return shifts


def category_ticks(categories: list[str], horizontal: bool, slot_px: float, name_room: float,
                   font: QFont, wide_room: float | None = None
                   ) -> tuple[list[tuple[float, str]], int]:
    """(ticks, axis width or height in px) for the category axis. Names wrap onto two lines
    and are elided beyond (category_labels): horizontal charts set them `name_room` px wide,
    or wider, up to `wide_room`, where that keeps them whole; vertical ones in their slot, at
    least about four characters wide. When crowded, only every k-th name is written."""
    slot_px = max(slot_px, 1.0)
    metrics = QFontMetricsF(font)
    if horizontal:
        names, extent = category_labels.horizontal_names(
            categories, font, name_room, wide_room if wide_room is not None else name_room)
        step = max(1, math.ceil((category_labels.lines_tall(names, font) + 2) / slot_px))
    else:
        want = max((min(metrics.horizontalAdvance(c), 4 * metrics.horizontalAdvance("木"))
                    for c in categories), default=0.0)
        step = max(1, math.ceil((want + 8) / slot_px))
        width = max(step * slot_px - 8, metrics.horizontalAdvance("木木"))
        names, extent = category_labels.vertical_names(categories, font, width)
    return [(float(i), s) for i, s in enumerate(names) if i % step == 0], int(math.ceil(extent))
