"""The one place that knows where resources/ and the default data/ folder are.

From a source checkout they sit beside the zoneapp package. In a frozen build (PyInstaller,
packaging/zoneapp.spec) they sit in the bundle's own folder, `sys._MEIPASS` (the `_internal`
folder beside the executable), which is read only: nothing that the app writes goes there
(settings and the crash log go to the user's folders through QSettings and QStandardPaths).
"""
from __future__ import annotations

import sys
from pathlib import Path

FROZEN = bool(getattr(sys, "frozen", False))


def _root() -> Path:
    if FROZEN:
        # One-folder builds set _MEIPASS; without it, resources sit beside the executable.
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).resolve().parent)).resolve()
    return Path(__file__).resolve().parent.parent


ROOT = _root()
RESOURCES = ROOT / "resources"
FONTS = RESOURCES / "fonts"
I18N = RESOURCES / "i18n"
ICONS = RESOURCES / "icons"
DEFAULT_DATA = ROOT / "data"
# The version and build date the build writes into the bundle (packaging/zoneapp.spec,
# read by zoneapp/buildinfo.py); a source checkout has none.
BUILD_STAMP_NAME = "build_stamp.json"
BUILD_STAMP: Path | None = ROOT / BUILD_STAMP_NAME if FROZEN else None
