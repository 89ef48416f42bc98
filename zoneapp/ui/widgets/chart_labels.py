"""A chart's value labels as one graphics item: each text at its bar's end, in pixels.

pyqtgraph's TextItem is an item per label (a QGraphicsTextItem, a transform kept unscaled on
every view change, a scene registration): a chart of sixteen bars made sixteen, ~1.5 ms each
to make and again to move. This item draws them all in one paint, where TextItems put them:
a label's box is its text plus a QTextDocument's margin on each side (MARGIN), anchored at
the bar's end, so renders are as before.
"""
from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import QGraphicsItem, QGraphicsObject

MARGIN = 4.0  # a QGraphicsTextItem's document margin around its text


class ValueLabels(QGraphicsObject):
    """The value labels of the bars of view box `vb`, drawn over its plot in its pixel
    coordinates (a child of the view box, not of its data-scaled group)."""

    def __init__(self, vb) -> None:
        super().__init__(vb)
        self.vb = vb
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # the plot's mouse, as before
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
        self.setZValue(10)  # over the bars and reference lines, as labels added after them
        self.texts: list[str] = []
        self.points: list[tuple[float, float]] = []  # each label's anchor, in data units
        self.anchors: list[tuple[float, float]] = []  # TextItem anchors: share of the box
        self.shown: list[bool] = []
        self.shifts: list[float] = []  # pixels each label is moved along the category axis
        self.font = QFont()
        self.metrics = QFontMetricsF(self.font)
        self.color = QColor()
        self.background = QColor()
        self._boxes: list[QRectF] = []  # each shown label's box, in the view box's pixels
        self._rect = QRectF()
        vb.sigTransformChanged.connect(self.place)
        vb.sigResized.connect(self.place)

    def set_labels(self, texts: list[str], points: list[tuple[float, float]],
                   anchors: list[tuple[float, float]], font: QFont, color: str,
                   background: str = "") -> None:
        """`background`: the plot's colour, laid under each text so that a reference line
        or a grid line crossing a label does not cross its figures ("" for none)."""
        self.texts, self.points, self.anchors = list(texts), list(points), list(anchors)
        self.shown = [True] * len(self.texts)
        self.shifts = [0.0] * len(self.texts)
        self.font, self.metrics, self.color = QFont(font), QFontMetricsF(font), QColor(color)
        self.background = QColor(background) if background else QColor()
        self.place()

    def clear(self) -> None:
        self.set_labels([], [], [], self.font, self.color.name())

    def set_shown(self, shown: list[bool], shifts: list[float] | None = None) -> None:
        """Which labels are drawn, and how many pixels each is moved along x from where its
        anchor puts it (a narrow bar's label slid off a taller neighbour)."""
        shifts = list(shifts) if shifts is not None else [0.0] * len(self.texts)
        if list(shown) != self.shown or shifts != self.shifts:
            self.shown, self.shifts = list(shown), shifts
            self.place()

    def shown_texts(self) -> list[str]:
        return [t for t, s in zip(self.texts, self.shown) if s]

    def boxes(self) -> list[QRectF]:
        """Each label's box (text and margins) in the view box's pixels, as a TextItem's."""
        height = float(int(self.metrics.height() + 0.999)) + 2 * MARGIN  # lines are whole px
        out = []
        shifts = self.shifts if len(self.shifts) == len(self.texts) else [0.0] * len(self.texts)
        for text, (x, y), (ax, ay), shift in zip(self.texts, self.points, self.anchors, shifts):
            width = self.metrics.horizontalAdvance(text) + 2 * MARGIN
            at = self.vb.mapFromView(QPointF(x, y))
            out.append(QRectF(at.x() - ax * width + shift, at.y() - ay * height, width, height))
        return out

    def place(self, *_) -> None:
        """Boxes for the view's current range and size (the view box moved or was zoomed)."""
        boxes = [b for b, s in zip(self.boxes(), self.shown) if s]
        self.prepareGeometryChange()
        self._boxes = boxes
        rect = QRectF()
        for box in boxes:
            rect = rect.united(box)
        self._rect = rect
        self.update()

    def boundingRect(self) -> QRectF:  # noqa: N802 (Qt override)
        return self._rect

    def paint(self, painter: QPainter, *_) -> None:
        if not self._boxes:
            return
        painter.setFont(self.font)
        painter.setPen(self.color)
        ascent = self.metrics.ascent()
        texts = [t for t, s in zip(self.texts, self.shown) if s]
        for text, box in zip(texts, self._boxes):
            if self.background.isValid() and text:  # the text's own room, not its margins
                painter.fillRect(box.adjusted(MARGIN - 1, MARGIN, 1 - MARGIN, -MARGIN),
                                 self.background)
            painter.drawText(QPointF(box.left() + MARGIN, box.top() + MARGIN + ascent), text)
