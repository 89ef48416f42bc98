"""A rise is red in Chinese and green in English by default; View → Growth colours decides."""
from __future__ import annotations

import pytest

from zoneapp import settings
from zoneapp.paths import DEFAULT_DATA
from zoneapp.ui import palette


@pytest.fixture
def window(main_window):
    assert main_window.load_folder(DEFAULT_DATA)
    return main_window


def rising_card(window):
    cards = [c for c in window.tab("overview").kpis if "▲" in c.yoy_text()]
    assert cards, "the default data has a rising figure on the overview"
    return cards[0]


def test_a_rise_follows_the_language_by_default(window):
    assert settings.get("ui/growth_colours") == "language"
    assert rising_card(window).yoy_color() == palette.UP  # red
    window.set_language("en")
    assert rising_card(window).yoy_color() == palette.DOWN  # green, as a Western reader expects
    window.set_language("zh")
    assert rising_card(window).yoy_color() == palette.UP


def test_the_view_menu_choice_holds_in_either_language_and_is_remembered(window):
    menu = window.preferences.growth_menu
    assert menu in [a.menu() for a in window.view_menu.actions() if a.menu()]
    menu.actions_by_choice["red_up"].trigger()
    window.set_language("en")
    assert rising_card(window).yoy_color() == palette.UP
    assert settings.get("ui/growth_colours") == "red_up"
    assert menu.title() == "&Growth colours"
    menu.actions_by_choice["green_up"].trigger()
    assert rising_card(window).yoy_color() == palette.DOWN
    window.set_language("zh")
    assert rising_card(window).yoy_color() == palette.DOWN
    assert menu.title() == "增长配色(&G)"
