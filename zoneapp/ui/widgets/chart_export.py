"""A chart out of the app: PNG at twice the size, SVG through QSvgGenerator, clipboard, CSV.

pyqtgraph's own exporters are not used: its SVG exporter raises ValueError with PySide6 6.12
and pyqtgraph 0.14 (pyqtgraph issues 3485 and 3495), and its CSV exporter writes in the
locale's encoding without a BOM, which Excel on Chinese Windows misreads. Every writer here is
atomic (a temporary file beside the target, then a rename).
"""
from __future__ import annotations

from pathlib import Path
import pandas as pd
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QPoint, QRect, QSize
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter, QRegion
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QWidget

from zoneapp.core.io.atomic import write_bytes_atomic
from zoneapp.core.io.export import export_frame

from zoneapp.ui import palette
from zoneapp.ui.widgets import images

PNG_SCALE = 2.0
# Blank room around an exported chart, in on-screen pixels: its title does not touch the edge.
MARGIN = 16

# A chart here is a BarChart (zoneapp.ui.widgets.charts), which imports this module: it is
# named in the hints as a string so that the two do not import each other.
BarChart = QWidget



def chart_size(chart: BarChart) -> QSize:
    """The size `paint_chart` draws: the chart without its toolbar."""
    return QSize(max(chart.width(), 1), max(chart.height(), 1))


def export_size(chart: BarChart) -> QSize:
    """The size of a saved or copied chart: `chart_size` with MARGIN all round."""
    return chart_size(chart) + QSize(2 * MARGIN, 2 * MARGIN)


def paint_chart(chart: BarChart, painter: QPainter, origin: QPoint = QPoint(0, 0)) -> None:
    """Draw the chart's title, legend and plot (not its toolbar) with `painter` at `origin`.

    The plot is drawn through Qt's paint system, so text stays text on an SVG or PDF painter.
    """
    painter.save()
    painter.fillRect(QRect(origin, chart_size(chart)), QColor(palette.BACKGROUND))
    painter.restore()
    parts = chart.export_parts()
    for part in parts:
        if part.isVisibleTo(chart) and part.width() > 0 and part.height() > 0:
            offset = part.mapTo(chart, QPoint(0, 0)) + origin
            # QGraphicsView overloads render(); labels draw no window background (white paper).
            flags = QWidget.RenderFlag.DrawChildren if part is not parts[-1] else \
                QWidget.RenderFlag.DrawWindowBackground | QWidget.RenderFlag.DrawChildren
            QWidget.render(part, painter, offset, QRegion(), flags)


def chart_image(chart: BarChart, scale: float = PNG_SCALE) -> QImage:
    """The chart as an image `scale` times its on-screen size plus margins (sharp, not
    enlarged pixels)."""
    size = export_size(chart)
    image = QImage(round(size.width() * scale), round(size.height() * scale),
                   QImage.Format.Format_ARGB32_Premultiplied)
    image.setDevicePixelRatio(scale)
    image.fill(QColor(palette.BACKGROUND))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
    paint_chart(chart, painter, QPoint(MARGIN, MARGIN))
    painter.end()
    return image


def save_png(chart: BarChart, path: Path | str, scale: float = PNG_SCALE) -> Path:
    """Write the chart as a PNG at `scale` × its size. Raises OSError when it cannot."""
    return images.save_png(chart_image(chart, scale), path)


def svg_bytes(chart: BarChart, title: str = "") -> bytes:
    """The chart as an SVG document (vector shapes, text as <text>), with margins."""
    size = export_size(chart)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRect(QPoint(0, 0), size))
    generator.setTitle(title or chart.title_text())
    generator.setDescription(QCoreApplication.translate("ChartExport", "Chart exported from ZoneApp"))
    painter = QPainter()
    if not painter.begin(generator):
        raise OSError("could not start the SVG writer")
    painter.fillRect(QRect(QPoint(0, 0), size), QColor(palette.BACKGROUND))
    paint_chart(chart, painter, QPoint(MARGIN, MARGIN))
    painter.end()
    buffer.close()
    return bytes(data.data())


def save_svg(chart: BarChart, path: Path | str) -> Path:
    """Write the chart as an SVG file. Raises OSError when it cannot."""
    return write_bytes_atomic(path, svg_bytes(chart))


def copy_image(chart: BarChart, scale: float = PNG_SCALE) -> QImage:
    """Put the chart on the clipboard as an image; returns the image."""
    image = chart_image(chart, scale)
    QGuiApplication.clipboard().setImage(image)
    return image


def chart_frame(chart: BarChart) -> pd.DataFrame:
    """What the chart plots as a small table: series, category, value, value as shown, basis."""
    rows = []
    for bar in chart.bars():
        rows.append({
            QCoreApplication.translate("ChartExport", "Series"): bar.series,
            QCoreApplication.translate("ChartExport", "Category"): bar.label,
            QCoreApplication.translate("ChartExport", "Value"): None if bar.value is None else float(bar.value),
            QCoreApplication.translate("ChartExport", "As shown"): bar.display,
            QCoreApplication.translate("ChartExport", "Basis"): QCoreApplication.translate("ChartExport", "Derived") if bar.derived else QCoreApplication.translate("ChartExport", "Reported"),
        })
    columns = [QCoreApplication.translate("ChartExport", "Series"), QCoreApplication.translate("ChartExport", "Category"), QCoreApplication.translate("ChartExport", "Value"), QCoreApplication.translate("ChartExport", "As shown"), QCoreApplication.translate("ChartExport", "Basis")]
    frame = pd.DataFrame(rows, columns=columns)
    if not frame[QCoreApplication.translate("ChartExport", "Series")].astype(str).str.len().any():
        frame = frame.drop(columns=[QCoreApplication.translate("ChartExport", "Series")])
    return frame


def save_csv(chart: BarChart, path: Path | str, lang: str = "zh") -> Path:
    """The chart's data as CSV, UTF-8 with BOM (Excel and WPS open it with Chinese intact)."""
    return export_frame(chart_frame(chart), Path(path), None, lang)
