"""The application font: a proper CJK UI font or the shipped subset, never a fallback font."""
from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase

from zoneapp.ui import fonts


@pytest.mark.parametrize("system, expected", [
    (["DejaVu Sans", "Droid Sans Fallback"], fonts.SHIPPED_FAMILY),  # issue #17
    (["DejaVu Sans"], fonts.SHIPPED_FAMILY),
    ([], fonts.SHIPPED_FAMILY),
    (["Droid Sans Fallback", "WenQuanYi Micro Hei"], "WenQuanYi Micro Hei"),
    (["WenQuanYi Micro Hei", "Microsoft YaHei", "SimSun"], "Microsoft YaHei"),
    (["Source Han Sans SC", "AR PL UMing CN"], "Source Han Sans SC"),
    (["PingFang SC", "Heiti SC"], "PingFang SC"),
])
def test_choice_takes_only_proper_ui_fonts(system, expected):
    assert fonts.choose_family(system) == expected


def test_bundled_ignores_the_system():
    assert fonts.choose_family(["Microsoft YaHei"], use_system=False) == fonts.SHIPPED_FAMILY


@pytest.fixture
def app_font(zone_app):
    """The app font as it was, put back after the test."""
    before = QFont(zone_app.font())
    yield zone_app
    zone_app.setFont(before)


@pytest.mark.parametrize("system, env, expected", [
    (("DejaVu Sans", "Droid Sans Fallback"), "", fonts.SHIPPED_FAMILY),
    (("DejaVu Sans", "WenQuanYi Micro Hei"), "", "WenQuanYi Micro Hei"),
    (("DejaVu Sans", "WenQuanYi Micro Hei"), "bundled", fonts.SHIPPED_FAMILY),
])
def test_install_sets_the_chosen_family_then_the_shipped_one(app_font, monkeypatch, system, env,
                                                             expected):
    monkeypatch.setattr(fonts, "system_families", lambda: system)
    monkeypatch.setenv(fonts.ENV_VAR, env)
    assert fonts.install_fonts() == expected
    assert app_font.font().families()[0] == expected
    # Glyphs the first lacks from the shipped CJK font, then emoji from the shipped emoji font.
    assert app_font.font().families()[-2:] == [fonts.SHIPPED_FAMILY, fonts.EMOJI_FAMILY]
    assert app_font.font().pointSizeF() >= fonts.MIN_POINT_SIZE


def test_the_shipped_font_is_registered_and_covers_digits_and_chinese(zone_app):
    registered = fonts.register_shipped_fonts()
    assert fonts.SHIPPED_FAMILY in registered
    assert fonts.SHIPPED_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    assert fonts.SHIPPED_FAMILY in QFontDatabase.families(QFontDatabase.WritingSystem.Latin)
