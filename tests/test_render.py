"""`render`: one non-empty PNG per tab, named after it, at the requested size."""
from __future__ import annotations

from PySide6.QtGui import QImage

from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.output.render import render_tabs


def test_render_writes_one_png_per_tab(zone_app, tmp_path):
    written = render_tabs(tmp_path / "zh", DEFAULT_DATA, "zh", (1280, 800))
    assert [p.name for p in written] == [f"{i:02d}_{s.code}.png" for i, s in enumerate(SECTIONS, 1)]
    for path in written:
        assert path.stat().st_size > 10_000
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)


def test_render_in_english_at_full_hd(zone_app, tmp_path):
    written = render_tabs(tmp_path / "en", DEFAULT_DATA, "en", (1920, 1080))
    assert len(written) == len(SECTIONS)
    assert all(QImage(str(p)).width() == 1920 for p in written)
    from zoneapp.ui.i18n import install_translator

    install_translator(zone_app, "zh")  # render switched the session's translator to English
