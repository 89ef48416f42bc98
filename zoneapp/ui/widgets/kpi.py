"""A KPI card: an indicator's name, its figure with qualifier and unit, YoY change, basis."""
from __future__ import annotations

import math

import pandas as pd
from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from zoneapp.ui import palette
from zoneapp.ui.widgets.target_bar import TargetLines
from zoneapp.ui.widgets.text_fit import WrappedLabel
from zoneapp.views.kpis import kpi_view
from zoneapp.views.model import KpiView

CARD_HEIGHT = 128  # with a one-line title; more lines add theirs (see _card_height)
TITLE_LINES = 3  # a longer title is elided at the end of the third line
ROOMY_LINES = 2  # every card has room for a two-line title; a third line makes it taller
MIN_WIDTH = 200
VALUE_POINT_SIZE = 20.0
MIN_VALUE_POINT_SIZE = 11.0
PLACEHOLDER = "—"


def _card_height(font, lines: int = ROOMY_LINES) -> int:
    """Room for a title of `lines` lines (at least two: most cards are as tall)."""
    return CARD_HEIGHT + math.ceil(QFontMetricsF(font).lineSpacing()) * (
        max(lines, ROOMY_LINES) - 1)


class KpiCard(QFrame):
    """One indicator at a glance. Reported cards have a solid border, derived ones a dashed
    border and a "Derived" badge; the tooltip quotes the source sentence or the derivation.

    Besides the brief's API: `badge_visible()`, `is_derived()` and `yoy_color()` for tests.
    `set_previous(row)` adds a comparison with an earlier period ("vs 2018"). A click, or
    "Source…" in its right-click menu, emits `sig_source_requested` with the indicator row.
    """

    sig_source_requested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("KpiCard")
        # At least as tall as its title needs, and free to grow: a grid row of cards is as
        # tall as its tallest (a third title line), so the row lines up (_fit_height).
        self.setMinimumHeight(_card_height(self.font()))
        self.setMinimumWidth(MIN_WIDTH)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._view: KpiView | None = None
        self._lang = "zh"
        self._styled: tuple = ()  # what _apply_frame_style last applied
        self._target_room = False
        # Three lines, then "…"; the card's tooltip and accessible name hold the whole title.
        self.title_label = WrappedLabel(TITLE_LINES, self, own_tooltip=False)
        self.title_label.sig_lines_changed.connect(self._fit_height)
        self.badge = QLabel(self)  # over the title's first line, which leaves it room
        self.badge.hide()
        self.value_label = QLabel(PLACEHOLDER, self)
        font = self.value_label.font()
        font.setBold(True)
        font.setPointSizeF(VALUE_POINT_SIZE)
        self.value_label.setFont(font)
        self.value_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.yoy_label = QLabel(self)
        self.yoy_label.setStyleSheet("border: none;")
        policy = self.yoy_label.sizePolicy()
        policy.setRetainSizeWhenHidden(True)  # values line up on cards with and without YoY
        self.yoy_label.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 10)
        layout.setSpacing(2)
        layout.addWidget(self.title_label)
        layout.addStretch(1)
        layout.addWidget(self.value_label)
        layout.addWidget(self.yoy_label)
        self.compare_label = QLabel(self)
        self.compare_label.hide()
        layout.addWidget(self.compare_label)
        self.target_lines = TargetLines(self)  # completion and 时序进度, with a target only
        layout.addWidget(self.target_lines)
        self.source_action = QAction(self)
        self.source_action.triggered.connect(self.request_source)
        self.addAction(self.source_action)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._apply_frame_style()
        self.retranslate_ui()

    # ----- public API -------------------------------------------------------------------

    def set_view(self, view: KpiView | None, lang: str = "zh") -> None:
        """Show a KPI view made in `lang` (None: an empty card)."""
        self._view, self._lang = view, lang
        self._refresh()

    def view(self) -> KpiView | None:
        return self._view

    def set_indicator(self, row: pd.Series, lang: str) -> None:
        """Show an indicators row (reported or derived) in `lang` ('zh' or 'en')."""
        self.set_view(kpi_view(row, lang), lang)

    def clear(self) -> None:
        """An empty card: no title, a dash for the value, no YoY line, no badge."""
        self.set_view(None, self._lang)

    def set_previous(self, row: pd.Series | None) -> None:
        """Compare with the same figure in an earlier period (call after set_indicator)."""
        if self._view is not None:
            self.set_view(kpi_view(self._view.row, self._lang, row), self._lang)

    def compare_text(self) -> str:
        """"In 2018: 45.31 bn yuan" (2018年：… in Chinese); '' without an earlier period."""
        return self._view.compare_text if self._view is not None else ""

    def row(self) -> pd.Series | None:
        return self._view.row if self._view is not None else None

    def request_source(self) -> None:
        if self.row() is not None:
            self.sig_source_requested.emit(self.row())

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.request_source()
        super().mouseReleaseEvent(event)

    def title_text(self) -> str:
        return self._view.title if self._view is not None else ""

    def value_text(self) -> str:
        """The figure as shown ("506.1亿元", "about 299 M yuan"); '' when there is none."""
        return self._view.value_text if self._view is not None else ""

    def yoy_text(self) -> str:
        """"YoY ▲11.7%" (同比 ▲11.7% in Chinese); '' without a change to show."""
        return self._view.yoy_text if self._view is not None else ""

    def yoy_color(self) -> str:
        return palette.change_color(self._view.yoy_pct if self._view is not None else None)

    def is_derived(self) -> bool:
        return self._view is not None and self._view.derived

    def reserve_target_room(self, on: bool) -> None:
        """As tall as a card with a target (its neighbours have one), so a row lines up."""
        self._target_room = on
        self._refresh()

    def has_target(self) -> bool:
        return self._view is not None and self._view.completion_pct is not None

    def target_texts(self) -> tuple[str, str]:
        """("完成年度目标88.2%", "时序进度83.3%，高于4.9个百分点") as painted; ('', '') without."""
        return self.target_lines.texts()

    def badge_visible(self) -> bool:
        return self.badge.isVisibleTo(self)

    # ----- internals --------------------------------------------------------------------

    def _refresh(self) -> None:
        view = self._view
        self.title_label.set_full_text(self.title_text())
        self.value_label.setText(self.value_text() or PLACEHOLDER)
        self.compare_label.setText(self.compare_text())
        self.compare_label.setVisible(bool(self.compare_text()))
        self.yoy_label.setText(self.yoy_text())
        self.yoy_label.setStyleSheet(f"color: {self.yoy_color()}; border: none;")
        self.yoy_label.setVisible(bool(self.yoy_text()))
        self.badge.setVisible(self.is_derived())
        self.target_lines.set_view(view)
        room = self.has_target() or self._target_room
        self.target_lines.keep_room(room)
        tip = view.tooltip if view is not None else ""
        if view is not None and view.row is not None:
            tip += "\n" + self.tr("Click for the source")
        self.setToolTip(tip)
        self.setAccessibleName(self.accessible_text())
        self.setAccessibleDescription("\n".join(tip.split("\n")[1:]))
        self._apply_frame_style()
        self._fit_text()

    def accessible_text(self) -> str:
        """What a screen reader says: "主营业务收入 506.1亿元 同比增长11.7%"."""
        return self._view.accessible_text if self._view is not None else ""

    def _apply_frame_style(self) -> None:
        """The frame and labels in the theme's colours; set only when they change (a style
        sheet costs a restyle of the card's children)."""
        border = "dashed" if self.is_derived() else "solid"
        key = (border, palette.BACKGROUND, palette.BORDER, palette.TEXT, palette.MUTED_TEXT,
               palette.DERIVED_BADGE_BG)
        if key == self._styled:
            return
        self._styled = key
        self.setStyleSheet(
            f"#KpiCard {{ background: {palette.BACKGROUND}; border: 1px {border} {palette.BORDER};"
            f" border-radius: 8px; }}")
        self.title_label.setStyleSheet(f"color: {palette.MUTED_TEXT}; border: none;")
        self.value_label.setStyleSheet(f"color: {palette.TEXT}; border: none;")
        self.compare_label.setStyleSheet(f"color: {palette.MUTED_TEXT}; border: none;")
        self.badge.setStyleSheet(
            f"color: {palette.MUTED_TEXT}; background: {palette.DERIVED_BADGE_BG};"
            f"border: 1px dashed {palette.BORDER}; border-radius: 4px; padding: 0px 4px;")

    def title_lines(self) -> list[str]:
        """The title as shown: one to three lines, the last elided with "…" if need be."""
        return self.title_label.lines()

    def needed_height(self) -> int:
        """The height the card's title (its lines at the current width) and target need."""
        room = self.has_target() or self._target_room
        return _card_height(self.font(), len(self.title_lines())) + (
            self.target_lines.extra_height() if room else 0)

    def _fit_height(self, *_) -> None:
        """The card's minimum height for its title's lines. In a layout the card is then as
        tall as the tallest in its row; alone (a window) it takes that height itself."""
        need = self.needed_height()
        if need != self.minimumHeight():
            self.setMinimumHeight(need)
        if self.isWindow() and self.height() != need:
            self.resize(self.width(), need)

    def _fit_text(self) -> None:
        """Shrink the value's font until it fits the card; the title wraps onto up to three
        lines (its first beside the badge), eliding only what does not fit on those; the
        card's height follows the title's lines."""
        room = max(self.contentsRect().width() - 28, 60)
        font = self.value_label.font()
        size = VALUE_POINT_SIZE
        font.setPointSizeF(size)
        while size > MIN_VALUE_POINT_SIZE and \
                QFontMetricsF(font).horizontalAdvance(self.value_label.text()) > room:
            size -= 1
            font.setPointSizeF(size)
        self.value_label.setFont(font)
        badge = self.badge.sizeHint()
        self.badge.resize(badge)
        margins = self.layout().contentsMargins()
        self.badge.move(self.width() - margins.right() - badge.width(), margins.top())
        self.badge.raise_()
        self.title_label.set_first_line_room(badge.width() + 6 if self.is_derived() else 0)
        self.title_label.refit()
        self._fit_height()

    def retranslate_ui(self) -> None:
        self.badge.setText(self.tr("Derived"))
        self.source_action.setText(self.tr("Source…"))
        self._refresh()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().resizeEvent(event)
        self._fit_text()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)


def paint_card_frame(p: QPainter, rect: QRectF, derived: bool, width: float,
                     radius: float) -> None:
    """A KPI card's frame on a page or image (the PDF report, the share card): the light
    theme's border over its background, dashed for a derived figure as on screen."""
    ink = palette.LIGHT
    pen = QPen(QColor(ink.border), width)
    if derived:
        pen.setStyle(Qt.PenStyle.DashLine)
    p.setPen(pen)
    p.setBrush(QColor(ink.background))
    p.drawRoundedRect(rect, radius, radius)
