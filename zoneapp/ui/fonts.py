"""The application font, chosen the same way on every machine: a proper CJK UI font the
system has, else the Noto Sans CJK SC subset shipped in resources/fonts.

Why a list and not "any font that covers Chinese": fontconfig also offers fallback fonts such
as Droid Sans Fallback (Debian's fonts-droid-fallback), which have no Latin digits of their
own, so "506.1亿元" is drawn in two fonts, as two text runs, and text copied from a PDF or an
SVG reads "506.1\\n亿元". Every family in ACCEPTED_CJK_FAMILIES has Latin, digits and CJK in
one font, as has the shipped subset, so a number and its unit stay in one run.

`ZONEAPP_FONTS=bundled` (the test suite sets it) uses the shipped font whatever the system
has, so that output does not depend on the fonts installed.

Emoji (a firm named with 🚀, a ✅ in a note) come from the shipped monochrome Noto Emoji, last
in the family list: no UI font has them, and without it they draw as empty boxes on machines
without an emoji font. Monochrome, so they print in the text's colour in the PDF and on screen.
"""
from __future__ import annotations

import functools
import os
from collections.abc import Iterable

from zoneapp import paths

# Proper Simplified Chinese UI fonts, in order of preference (Windows, macOS, Linux).
ACCEPTED_CJK_FAMILIES = (
    "Microsoft YaHei UI", "Microsoft YaHei", "PingFang SC", "Hiragino Sans GB",
    "Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans CN", "WenQuanYi Micro Hei",
)
SHIPPED_FAMILY = "Noto Sans CJK SC"
EMOJI_FAMILY = "Noto Emoji"  # resources/fonts/NotoEmoji-Regular.subset.ttf
FONT_SUFFIXES = (".otf", ".ttf")
ENV_VAR = "ZONEAPP_FONTS"  # "bundled": always the shipped font
MIN_POINT_SIZE = 9.5


def choose_family(system_families: Iterable[str], use_system: bool = True) -> str:
    """The first accepted family among `system_families`, else the shipped one."""
    if use_system:
        available = set(system_families)
        for family in ACCEPTED_CJK_FAMILIES:
            if family in available:
                return family
    return SHIPPED_FAMILY


def use_system_fonts() -> bool:
    """False when ZONEAPP_FONTS=bundled asks for the shipped font only."""
    return os.environ.get(ENV_VAR, "").strip().lower() != "bundled"


@functools.cache
def system_families() -> tuple[str, ...]:
    """The families installed on the system, read before the shipped font is registered."""
    from PySide6.QtGui import QFontDatabase

    return tuple(QFontDatabase.families())


@functools.cache
def register_shipped_fonts() -> tuple[str, ...]:
    """Add the shipped subset to Qt's font database (once); -> the families it provides."""
    from PySide6.QtGui import QFontDatabase

    families: list[str] = []
    for font_file in sorted(p for p in paths.FONTS.iterdir() if p.suffix in FONT_SUFFIXES):
        font_id = QFontDatabase.addApplicationFont(str(font_file))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return tuple(dict.fromkeys(families))


def app_families(family: str) -> list[str]:
    """The application font's family list: the chosen family, the shipped CJK font, emoji."""
    return list(dict.fromkeys([family, SHIPPED_FAMILY, EMOJI_FAMILY]))


def install_fonts() -> str:
    """Register the shipped font and make the chosen family the application font. -> family.

    The shipped family follows the chosen one in the font's family list, so a character the
    system font lacks comes from the shipped font, not from whatever fontconfig picks; the
    emoji font comes last, for what neither has."""
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QApplication

    system = system_families()
    register_shipped_fonts()
    family = choose_family(system, use_system_fonts())
    app = QApplication.instance()
    if app is not None:
        font = QFont(app.font())
        font.setFamilies(app_families(family))
        if font.pointSizeF() < MIN_POINT_SIZE:
            font.setPointSizeF(MIN_POINT_SIZE)
        app.setFont(font)
    return family
