"""Render zoneapp.svg to zoneapp.png (256 px): `python resources/icons/render_png.py`."""
from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

HERE = Path(__file__).resolve().parent


def main(size: int = 256) -> int:
    app = QGuiApplication.instance() or QGuiApplication([])  # noqa: F841 (keeps Qt alive)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(HERE / "zoneapp.svg")).render(painter)
    painter.end()
    out = HERE / "zoneapp.png"
    if not image.save(str(out)):
        raise SystemExit(f"cannot write {out}")
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
