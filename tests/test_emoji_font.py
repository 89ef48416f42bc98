"""Emoji in names and notes draw with the shipped Noto Emoji, not as empty boxes (#16 item 8)."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import (
    QColor, QFont, QFontMetricsF, QImage, QPainter, QRawFont,
    QTextLayout,
)
from PySide6.QtWidgets import QApplication

from zoneapp import paths
from zoneapp.core.schema import INDICATORS
from zoneapp.ui import fonts
from zoneapp.ui.widgets.kpi import KpiCard
from zoneapp.ui.widgets.table_panel import TablePanel

EMOJI = ["🚀", "✅", "👍", "🎉", "📈", "🏭", "⚡"]
SHIPPED_FILE = paths.FONTS / "NotoEmoji-Regular.subset.ttf"


def glyph_runs(text: str, font: QFont) -> list[tuple[str, list[int]]]:
    """(font family, glyph indexes) of each run Qt sets `text` in with `font`."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return [(run.rawFont().familyName(), list(run.glyphIndexes())) for run in layout.glyphRuns()]


def ink(image: QImage) -> np.ndarray:
    """True where `image` (white background) has ink."""
    image = image.convertToFormat(QImage.Format.Format_Grayscale8)
    bits = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine())
    return bits[:, :image.width()] < 128


def drawn(paint) -> np.ndarray:
    image = QImage(160, 160, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    p = QPainter(image)
    p.setPen(QColor("black"))
    paint(p)
    p.end()
    return ink(image)


def hollow(mask: np.ndarray) -> bool:
    """A tofu box: ink on its outline, none in the middle half of its bounding box."""
    rows, cols = np.nonzero(mask)
    top, bottom, left, right = rows.min(), rows.max(), cols.min(), cols.max()
    h, w = bottom - top, right - left
    return not mask[top + h // 4:bottom - h // 4, left + w // 4:right - w // 4].any()


def test_the_shipped_emoji_font_is_registered_after_the_cjk_font(zone_app):
    assert SHIPPED_FILE.stat().st_size < 1_500_000  # a subset, not a second CJK font's size
    assert (paths.FONTS / "LICENSE-OFL-NotoEmoji.txt").read_text().startswith(
        "Copyright 2013 Google LLC")
    assert fonts.EMOJI_FAMILY in fonts.register_shipped_fonts()
    families = QApplication.font().families()
    assert families.index(fonts.SHIPPED_FAMILY) < families.index(fonts.EMOJI_FAMILY)
    raw = QRawFont(str(SHIPPED_FILE), 20)
    assert raw.isValid() and raw.familyName() == fonts.EMOJI_FAMILY
    for emoji in EMOJI:
        assert raw.supportsCharacter(ord(emoji)), emoji
    # Not a colour font: it prints in the text's colour, on screen and in the PDF.
    assert not any(raw.fontTable(t) for t in ("CBDT", "COLR", "sbix", "SVG "))


@pytest.mark.parametrize("text", ["火箭🚀科技", "Rocket 🚀 Ltd", "已完工✅", "👍🏽", "👨‍👩‍👧"])
def test_an_emoji_is_set_in_the_shipped_font_and_the_rest_in_the_ui_font(zone_app, text):
    runs = glyph_runs(text, QApplication.font())
    emoji_runs = [glyphs for family, glyphs in runs if family == fonts.EMOJI_FAMILY]
    assert emoji_runs and all(0 not in glyphs for glyphs in emoji_runs)  # 0 is .notdef, the box
    others = [family for family, _ in runs if family != fonts.EMOJI_FAMILY]
    assert set(others) <= {fonts.SHIPPED_FAMILY}
    if "👍🏽" in text or "‍" in text:  # a skin tone or a family: one glyph, not pieces
        assert sum(map(len, emoji_runs)) == 1


@pytest.mark.parametrize("emoji", EMOJI)
def test_an_emoji_draws_as_its_picture_not_a_box(zone_app, emoji):
    font = QFont(QApplication.font())
    font.setPixelSize(96)

    def text(p: QPainter) -> None:
        p.setFont(font)
        p.drawText(QPointF(20, 120), emoji)

    picture = drawn(text)
    box = QRawFont(str(SHIPPED_FILE), 96).pathForGlyph(0).translated(20, 120)  # .notdef
    notdef = drawn(lambda p: p.fillPath(box, QColor("black")))
    assert hollow(notdef)  # the test can tell a box when it sees one
    assert picture.sum() > 200 and not hollow(picture)
    assert not np.array_equal(picture, notdef)


def test_an_emoji_in_a_table_cell_uses_the_shipped_font(qtbot, zone_app):
    panel = TablePanel()
    qtbot.addWidget(panel)
    frame = pd.DataFrame({
        "section": ["overview"], "key": ["rocket"], "name_zh": ["火箭🚀科技"],
        "name_en": ["Rocket 🚀 Tech"], "period": pd.array([2019], dtype="Int64"),
        "value": [1.0], "unit": ["个"], "qualifier": [""], "yoy_pct": [np.nan],
        "basis": ["reported"], "source_id": ["S1"], "source_sentence": [""],
        "note": ["已完工✅"], "_row": pd.array([2], dtype="Int64"),
    })
    panel.set_data(frame, INDICATORS, "zh", "概览指标")
    panel.resize(900, 300)
    panel.show()
    model, view = panel.model, panel.view
    texts = [model.data(model.index(0, c)) or "" for c in range(model.columnCount())]
    for needle in ("火箭🚀科技", "已完工✅"):
        assert needle in texts
        runs = glyph_runs(needle, view.font())
        assert any(family == fonts.EMOJI_FAMILY and 0 not in glyphs for family, glyphs in runs)


def test_an_emoji_in_a_kpi_title_uses_the_shipped_font(qtbot, zone_app):
    card = KpiCard()
    qtbot.addWidget(card)
    card.set_indicator(pd.Series({
        "key": "launches", "name_zh": "火箭🚀发射", "name_en": "Rocket 🚀 launches",
        "value": 3.0, "unit": "个", "qualifier": "", "yoy_pct": np.nan, "basis": "reported",
        "period": 2019, "source_id": "S1", "source_sentence": "", "note": "",
    }), "en")
    card.resize(300, card.height())
    card.show()
    assert "🚀" in card.title_label.text()
    runs = glyph_runs(card.title_label.text(), card.title_label.font())
    assert (fonts.EMOJI_FAMILY, [QRawFont(str(SHIPPED_FILE), 12).glyphIndexesForString("🚀")[0]]) \
        in runs
    assert QFontMetricsF(card.title_label.font()).inFontUcs4(ord("🚀"))


def test_an_emoji_in_a_name_is_embedded_in_the_pdf_report(zone_app, zone_folder, tmp_path):
    from zoneapp.core.loading import load_dataset
    from zoneapp.ui.output.report import write_report

    projects = zone_folder / "projects.csv"
    text = projects.read_text(encoding="utf-8-sig")
    assert "立景创新科技,Lijing Innovation Technology," in text
    projects.write_text(text.replace("立景创新科技,Lijing Innovation Technology,",
                                     "立景创新科技🚀,Lijing Innovation Technology 🚀,", 1),
                        encoding="utf-8-sig")
    pdf = write_report(load_dataset(zone_folder), tmp_path / "emoji.pdf", "en").read_bytes()
    # Drawn with the shipped emoji font (embedded), not a box from the text font. (Qt's PDF
    # writer maps only BMP characters back to text, so 🚀 does not copy out of the PDF.)
    assert b"/BaseFont /NotoEmoji-Regular" in pdf
