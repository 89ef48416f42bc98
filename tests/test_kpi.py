"""KpiCard: name, figure with qualifier and unit, YoY arrow and colour, derived badge, tooltip."""
from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from zoneapp.ui import palette
from zoneapp.ui.widgets.kpi import MIN_WIDTH, KpiCard


def row(**changes) -> pd.Series:
    base = {
        "section": "overview", "key": "revenue", "name_zh": "主营业务收入",
        "name_en": "Main business revenue", "period": 2019, "value": 506.1, "unit": "亿元",
        "qualifier": "", "yoy_pct": 11.7, "basis": "reported", "source_id": "S1",
        "source_sentence": "2019年,高新区实现主营业务收入506.1亿元,同比增长11.7%", "note": "",
    }
    base.update(changes)
    return pd.Series(base)


@pytest.fixture
def card(qtbot, zone_app):
    """A card under the Chinese translator, so translated texts can be checked literally."""
    c = KpiCard()
    qtbot.addWidget(c)
    return c


def test_reported_card_in_chinese(card):
    card.set_indicator(row(), "zh")
    assert card.title_text() == "主营业务收入"
    assert card.value_text() == "506.1亿元"
    assert card.yoy_text() == "同比 ▲11.7%"
    assert card.yoy_color() == palette.UP  # red: up, the Chinese convention
    assert not card.badge_visible()
    assert "同比增长11.7%" in card.toolTip()


def test_english_and_qualifier(card):
    card.set_indicator(row(), "en")
    assert card.title_text() == "Main business revenue"
    assert card.value_text() == "50.61 bn yuan"
    card.set_indicator(row(value=2.99, qualifier="约", yoy_pct=-3.2), "zh")
    assert card.value_text() == "约2.99亿元"
    assert card.yoy_text().endswith("▼3.2%")
    assert card.yoy_color() == palette.DOWN  # green: down
    card.set_indicator(row(value=3000.0, unit="人", qualifier="超过", yoy_pct=np.nan), "en")
    assert card.value_text() == "over 3,000 people"
    assert card.yoy_text() == ""


def test_derived_card_badge_and_derivation(card):
    card.set_indicator(row(key="margin", name_zh="利润率", value=5.9, unit="%", yoy_pct=pd.NA,
                           basis="derived", source_sentence="",
                           derivation_zh="利润总额 ÷ 主营业务收入",
                           derivation_en="profit / revenue"), "zh")
    assert card.value_text() == "5.9%"
    assert card.badge_visible() and card.is_derived()
    assert card.badge.text() == "推算"
    assert "利润总额 ÷ 主营业务收入" in card.toolTip()
    card.set_indicator(row(basis="derived", derivation_en="profit / revenue"), "en")
    assert "profit / revenue" in card.toolTip()


def test_missing_name_en_falls_back_and_clear(card):
    card.set_indicator(row(name_en="", value=np.nan), "en")
    assert card.title_text() == "主营业务收入"
    assert card.value_text() == ""
    card.clear()
    assert card.title_text() == "" and card.value_text() == "" and card.yoy_text() == ""
    assert not card.badge_visible()


def test_size(card):
    from zoneapp.ui.widgets.kpi import _card_height

    assert card.minimumWidth() == MIN_WIDTH
    # room for a two-line title; free to grow to its row's height (a third line elsewhere)
    assert card.minimumHeight() == _card_height(card.font()) < card.maximumHeight()


LONG_TITLE = "2018年以来新开工大小市政配套项目及其他基础设施建设项目数量"


def test_a_long_title_wraps_and_elides_only_beyond_three_lines(card):
    from PySide6.QtGui import QFontMetricsF

    card.resize(260, card.height())
    card.show()
    metrics = QFontMetricsF(card.title_label.font())
    title = LONG_TITLE * 2
    while metrics.horizontalAdvance(title) > 1.5 * (260 - 56):  # 1½ lines of title
        title = title[:-1]
    card.set_indicator(row(name_zh=title), "zh")
    lines = card.title_lines()
    assert len(lines) == 2 and "".join(lines) == title  # wrapped, nothing lost
    assert not lines[1].endswith("…")
    card.set_indicator(row(name_zh=LONG_TITLE * 3), "zh")
    lines = card.title_lines()
    assert len(lines) == 3 and lines[2].endswith("…")
    assert LONG_TITLE * 3 in card.toolTip()
    assert card.title_text() == LONG_TITLE * 3


def test_cards_with_one_and_two_line_titles_are_equally_tall(qtbot):
    short, long_ = KpiCard(), KpiCard()
    for c, name in ((short, "收入"), (long_, LONG_TITLE)):
        qtbot.addWidget(c)
        c.set_indicator(row(name_zh=name), "zh")
        c.resize(240, c.height())
        c.show()
    qtbot.waitUntil(lambda: len(long_.title_lines()) == 2)
    assert short.height() == long_.height()
    assert long_.minimumSizeHint().width() <= 240  # the title wraps instead of widening the card
