"""`render`: one non-empty PNG per tab, named after it, at the requested size."""
from __future__ import annotations

from PySide6.QtGui import QImage

from zoneapp.core.schema import SECTIONS
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui.window.render import render_tabs


def test_render_writes_one_png_per_tab(zone_app, tmp_path):
    written = render_tabs(tmp_path / "zh", DEFAULT_DATA, "zh", (1280, 800), full_page=False)
    assert [p.name for p in written] == [f"{i:02d}_{s.code}.png" for i, s in enumerate(SECTIONS, 1)]
    for path in written:
        assert path.stat().st_size > 10_000
        image = QImage(str(path))
        assert (image.width(), image.height()) == (1280, 800)


def test_render_shows_each_whole_page(zone_app, tmp_path, monkeypatch):
    """Issue #17: charts and tables below the first 800 pixels were missing."""
    from zoneapp.ui.window import render

    pages = []  # (content height, viewport height) of each page as grabbed
    real = render.save_png

    def grab(image, path):
        window = next(w for w in zone_app.topLevelWidgets()
                      if w.isVisible() and hasattr(w, "tab_widget"))
        page = window.tab_widget.currentWidget()
        pages.append((page.widget().height(), page.viewport().height(),
                      window.folder_label.text()))
        return real(image, path)

    monkeypatch.setattr(render, "save_png", grab)
    written = render_tabs(tmp_path / "full", DEFAULT_DATA, "zh", (1280, 800))
    heights = [QImage(str(p)).height() for p in written]
    assert max(heights) > 1200 and min(heights) >= 800 - 1  # projects: two charts rows, tables
    for content, viewport, folder in pages:
        assert content <= viewport  # nothing left to scroll to: the whole page is drawn
        assert not folder.startswith("数据文件夹：/")  # relative: no home folder on show


def test_render_in_english_at_full_hd(zone_app, tmp_path):
    written = render_tabs(tmp_path / "en", DEFAULT_DATA, "en", (1920, 1080))
    assert len(written) == len(SECTIONS)
    assert all(QImage(str(p)).width() == 1920 for p in written)
    from zoneapp.ui.i18n import install_translator

    install_translator(zone_app, "zh")  # render switched the session's translator to English
