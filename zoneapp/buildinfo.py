"""The app's version and, in a frozen build, the date it was built; no Qt.

The version is `zoneapp.__version__` (pyproject.toml's, checked by tests/test_buildinfo.py).
The build date comes from the stamp packaging/zoneapp.spec writes into the bundle; run from
source there is none, and the text says so.
"""
from __future__ import annotations

import json

from . import __version__, paths


def version() -> str:
    return __version__


def build_date() -> str | None:
    """YYYY-MM-DD of the frozen build; None when run from source or the stamp is unreadable."""
    if paths.BUILD_STAMP is None:
        return None
    try:
        stamp = json.loads(paths.BUILD_STAMP.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    date = stamp.get("build_date") if isinstance(stamp, dict) else None
    return date if isinstance(date, str) and date else None


def version_text(lang: str = "zh") -> str:
    """One line for the About box: "ZoneApp 0.1.0 (构建于 2026-12-03)" or
    "ZoneApp 0.1.0 (built 2026-12-03)"; from source, "(源代码运行)" / "(run from source)"."""
    date = build_date()
    if lang == "zh":
        note = (f"构建于 {date}" if date else
                "构建日期未知" if paths.FROZEN else "源代码运行")
    else:
        note = (f"built {date}" if date else
                "build date unknown" if paths.FROZEN else "run from source")
    return f"ZoneApp {__version__} ({note})"
