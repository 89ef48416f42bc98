"""Text that wraps before it elides: titles and names onto two or three lines, "…" only beyond.

Lines are broken by Qt's Unicode line breaking (QTextLayout): English between words, Chinese
between any two characters (never before "，" or "。"), a word too long for a line anywhere.
What is cut stays whole in the tooltip and in the accessible name.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

ELLIPSIS = "…"
MIN_LINE_PX = 20.0


def wrap_lines(text: str, font: QFont, width: float, max_lines: int,
               first_width: float | None = None) -> list[str]:
    """`text` broken into lines `width` pixels wide (the first `first_width` wide, when given:
    room beside a badge); what does not fit on `max_lines` lines is elided with "…" at the end
    of the last one."""
    if not text:
        return []
    width = max(width, MIN_LINE_PX)
    first = width if first_width is None else max(min(first_width, width), MIN_LINE_PX)
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.beginLayout()
    spans: list[tuple[int, int]] = []
    while len(spans) <= max_lines:  # one line more than shown tells whether to elide
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(first if not spans else width)
        spans.append((line.textStart(), line.textLength()))
    layout.endLayout()
    lines = [text[a:a + n].strip() for a, n in spans[:max_lines]]
    if len(spans) > max_lines:
        last = max_lines - 1
        rest = " ".join(text[spans[last][0]:].split())  # the rest on one line, then cut
        room = first if last == 0 else width
        lines[last] = QFontMetricsF(font).elidedText(rest, Qt.TextElideMode.ElideRight, room)
    return [line for line in lines if line]


def is_elided(lines: list[str], text: str) -> bool:
    """True when `lines` (from wrap_lines) lost part of `text`."""
    return "".join("".join(lines).split()) != "".join(text.split())


class WrappedLabel(QLabel):
    """A label that shows its text on up to `max_lines` lines of its own width, elided beyond.

    `full_text()` is the text as given; `text()` the lines as drawn. When something is cut,
    the tooltip holds the whole text (unless `own_tooltip` is False: a parent's tooltip has
    it); the accessible name always does.
    `set_first_line_room(px)` keeps `px` pixels free at the end of the first line (a badge).
    `sig_lines_changed(n)` says the text now takes `n` lines (a parent may need more room).
    """

    sig_lines_changed = Signal(int)

    def __init__(self, max_lines: int = 2, parent: QWidget | None = None,
                 own_tooltip: bool = True) -> None:
        super().__init__(parent)
        self._own_tooltip = own_tooltip
        self._full = ""
        self._max_lines = max_lines
        self._first_room = 0.0
        self.setWordWrap(False)  # the lines are broken here, at this label's width
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        # The width decides the lines, not the other way round.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = text or ""
        self.setAccessibleName(self._full)
        self.refit()

    def full_text(self) -> str:
        return self._full

    def lines(self) -> list[str]:
        return self.text().split("\n") if self.text() else []

    def elided(self) -> bool:
        return is_elided(self.lines(), self._full)

    def set_first_line_room(self, px: float) -> None:
        if px != self._first_room:
            self._first_room = px
            self.refit()

    def refit(self) -> None:
        """Break the text again for the label's current width."""
        width = float(self.contentsRect().width())
        lines = wrap_lines(self._full, self.font(), width, self._max_lines,
                           width - self._first_room if self._first_room else None)
        shown = "\n".join(lines)
        if shown != self.text():
            before = len(self.lines())
            self.setText(shown)
            if len(lines) != before:
                self.sig_lines_changed.emit(len(lines))
        if self._own_tooltip:
            self.setToolTip(self._full if self.elided() else "")

    def minimumSizeHint(self):  # noqa: N802 (Qt override)
        hint = super().minimumSizeHint()
        hint.setWidth(0)  # any width will do: the text wraps and elides to it
        return hint

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.refit()

    def changeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().changeEvent(event)
        if event.type() == event.Type.FontChange:
            self.refit()
