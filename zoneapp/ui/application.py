"""The one QApplication: created with the app's name, icon, fonts and translator; and whether
there is a display to show it on. The window, `render` and `report` all start here."""
from __future__ import annotations

import os
import sys

from zoneapp import paths, startup
from zoneapp.ui.i18n import install_translator

ICON_FILES = ("zoneapp.svg", "zoneapp.png")


def has_display() -> bool:
    """False on Linux when no X11/Wayland display is set and no Qt platform is forced."""
    if not sys.platform.startswith("linux"):
        return True
    env = os.environ
    return bool(env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def app_icon():
    """The application icon: the SVG where Qt can draw it, the PNG rendering otherwise."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for name in ICON_FILES:
        path = paths.ICONS / name
        if path.exists():
            icon.addFile(str(path))
    return icon


def create_application(argv: list[str] | None = None, lang: str = "zh"):
    """The one QApplication, created on first call, with fonts and translator installed."""
    from PySide6.QtWidgets import QApplication

    startup.skip_feature_scan()
    app = QApplication.instance()
    if app is None:
        app = QApplication(list(argv) if argv is not None else sys.argv[:1])
        app.setApplicationName("ZoneApp")
        app.setOrganizationName("ZoneApp")
        app.setApplicationDisplayName("园区指标看板" if lang == "zh" else "ZoneApp")
        app.setWindowIcon(app_icon())
    from zoneapp.ui.fonts import install_fonts

    install_fonts()  # see zoneapp/ui/fonts.py: the same choice on every machine
    install_translator(app, lang)
    return app
