"""Images out as PNG: encoded in memory, then written atomically."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage, QPixmap

from zoneapp.core.io.atomic import write_bytes_atomic


def png_bytes(image: QImage | QPixmap) -> bytes:
    """`image` encoded as PNG. Raises OSError when Qt cannot encode it."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise OSError("could not encode the image as PNG")
    buffer.close()
    return bytes(data.data())


def save_png(image: QImage | QPixmap, path: Path | str) -> Path:
    return write_bytes_atomic(path, png_bytes(image))
