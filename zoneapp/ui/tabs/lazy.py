"""Widgets of a page made when first needed: a placeholder of the widget's height holds its
place (so the scroll bar is honest) until it comes near the viewport or is asked for.

A province-scale section has twelve ranked charts and thirteen tables (one of 400,000 rows);
making them all took ~1.1 s of a tab's first show, most of it for what is below the fold.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from PySide6.QtWidgets import QLayout, QSizePolicy, QWidget


@dataclass
class Slot:
    """One chart or table of the page: its view, its height and, once made, its widget."""

    key: str
    view: Any
    height: int
    placeholder: QWidget | None = None
    widget: QWidget | None = None
    # A table's sort, filter and selection kept for it until it is made (view_state).
    state: dict | None = None


def placeholder(height: int) -> QWidget:
    """An empty widget as tall as the one it stands for."""
    empty = QWidget()
    empty.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    empty.setFixedHeight(height)
    return empty


def swap(layout: QLayout, old: QWidget, new: QWidget) -> None:
    """Put `new` where `old` is in `layout` (a box or a grid) and drop `old`."""
    new.setGeometry(old.geometry())  # in place before the layout's next pass (a grab)
    layout.replaceWidget(old, new)
    old.setParent(None)
    old.deleteLater()
    new.setVisible(True)  # shown with its page; at once when the page is on screen


class LazyWidgets(Mapping):
    """key -> widget, each made on first access by `build(slot)`; `len` and `in` make
    nothing. Whoever reads a chart or table through it (tests, the report's export, a
    problem's row) gets it made; `built()` lists only those already made."""

    def __init__(self, build: Callable[[Slot], QWidget]) -> None:
        self.slots: dict[str, Slot] = {}
        self._build = build

    def __getitem__(self, key: str) -> QWidget:
        slot = self.slots[key]
        return slot.widget if slot.widget is not None else self._build(slot)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self.slots))

    def __len__(self) -> int:
        return len(self.slots)

    def __contains__(self, key: object) -> bool:
        return key in self.slots

    def built(self) -> dict[str, QWidget]:
        return {k: s.widget for k, s in self.slots.items() if s.widget is not None}

    def waiting(self) -> list[Slot]:
        return [s for s in self.slots.values() if s.widget is None]

    def clear(self) -> None:
        self.slots.clear()
