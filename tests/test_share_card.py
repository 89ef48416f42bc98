"""Share card: phone-width PNG with the zone and source in the footer; copy summary."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QGuiApplication, QImage

from zoneapp.core.loading import load_dataset
from zoneapp.ui.main_window import MainWindow
from zoneapp.ui.share_card import CARD_WIDTH, footer_text, share_card_image

THREE = Path(__file__).parent / "data" / "three_periods"


def test_card_is_phone_width(zone_app):
    ds = load_dataset(THREE)
    image = share_card_image(ds, "overview", "zh")
    assert image.width() == CARD_WIDTH == 1080
    assert 600 < image.height() < 4000
    footer = footer_text(ds, "zh", None, "2020-01-01")
    assert "示例经济开发区" in footer and "2017–2019" in footer and "年度工作简报" in footer


def test_window_share_card_and_summary(zone_app, qtbot, tmp_path):
    window = MainWindow(lang="zh")
    qtbot.addWidget(window)
    window.set_dataset(load_dataset(THREE))
    window.sharing.ask_save_path = lambda *a: tmp_path / "card.png"
    path = window.sharing.share_card()
    assert QImage(str(path)).width() == 1080
    assert QGuiApplication.clipboard().image().width() == 1080
    text = window.sharing.copy_summary()
    assert text.splitlines()[0] == "2019年主营业务收入363亿元，同比增长10%。"
    assert "（推算）" in text  # the derived profit margin
    assert QGuiApplication.clipboard().text() == text
