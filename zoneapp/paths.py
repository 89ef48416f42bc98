"""The one place that knows where resources/ and the default data/ folder are."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"
FONTS = RESOURCES / "fonts"
I18N = RESOURCES / "i18n"
ICONS = RESOURCES / "icons"
DEFAULT_DATA = ROOT / "data"
