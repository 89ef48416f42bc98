"""Every QSettings key the app remembers, with its type and default, declared once.

Modelled on MusicBrainz Picard's options.py: `OPTIONS` is the table of (key, type, default,
allowed values); `get(key)` and `set_value(key, value)` are the typed helpers, and nothing
else reads or writes QSettings. A stored value of the wrong type, or outside the allowed
values, reads as the default. Tests point QSettings at a temporary folder (tests/conftest.py).
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from zoneapp.core.io.encodings import EXPORT_ENCODINGS

ORGANIZATION = "ZoneApp"
APPLICATION = "ZoneApp"
MAX_RECENT = 8  # folders under File → Recent
LANGUAGES = ("zh", "en")
SCHEMES = ("light", "dark")  # ui/palette.py holds the colours of each (a test checks)
THEMES = ("system", *SCHEMES)  # the system's scheme, or one of those
ENCODINGS = EXPORT_ENCODINGS
# Colour of a rise: "language" (red in Chinese, green in English), or always one convention.
GROWTH_COLOURS = ("language", "red_up", "green_up")


@dataclass(frozen=True)
class Option:
    key: str
    type: type  # str, int, bool, list (of str) or bytes
    default: Any
    choices: tuple = ()  # allowed values; empty: any value of the type


OPTIONS: dict[str, Option] = {o.key: o for o in (
    Option("window/geometry", bytes, b""),  # QMainWindow.saveGeometry()
    Option("window/state", bytes, b""),  # QMainWindow.saveState(): docks and toolbars
    Option("window/last_tab", str, "overview"),  # a section code
    Option("data/last_folder", str, ""),
    Option("data/recent_folders", list, []),  # most recent first, at most MAX_RECENT
    Option("ui/language", str, "zh", LANGUAGES),
    Option("ui/theme", str, "system", THEMES),
    Option("ui/growth_colours", str, "language", GROWTH_COLOURS),  # View → Growth colours
    Option("export/encoding", str, "utf-8-sig", ENCODINGS),  # table exports and export-all
)}


def qsettings() -> QSettings:
    """The app's settings store, in the default format (tests: an INI file in a tmp folder)."""
    return QSettings(QSettings.defaultFormat(), QSettings.Scope.UserScope,
                     ORGANIZATION, APPLICATION)


def _convert(option: Option, raw: Any) -> Any:
    """`raw` as the option's type; ValueError/TypeError when it is not one."""
    if option.type is bytes:
        if isinstance(raw, QByteArray):
            return bytes(raw.data())
        if isinstance(raw, (bytes, bytearray)):
            return bytes(raw)
        raise TypeError(raw)
    if option.type is list:
        if isinstance(raw, str):  # an INI list of one item reads back as a string
            return [raw] if raw else []
        if isinstance(raw, (list, tuple)):
            return [str(v) for v in raw]
        raise TypeError(raw)
    if option.type is bool:
        if isinstance(raw, str):
            if raw.lower() in ("true", "1"):
                return True
            if raw.lower() in ("false", "0"):
                return False
            raise ValueError(raw)
        return bool(raw)
    if option.type is int:
        return int(raw)
    if not isinstance(raw, str):
        raise TypeError(raw)
    return raw


def get(key: str) -> Any:
    """The stored value of `key`, or its default when unset or unusable."""
    option = OPTIONS[key]
    raw = qsettings().value(key)
    if raw is None:
        return _copy(option.default)
    try:
        value = _convert(option, raw)
    except (TypeError, ValueError):
        return _copy(option.default)
    if option.choices and value not in option.choices:
        return _copy(option.default)
    return value


def set_value(key: str, value: Any) -> None:
    """Store `value` for `key` (checked against the declared type and allowed values)."""
    option = OPTIONS[key]
    value = _convert(option, value)
    if option.choices and value not in option.choices:
        raise ValueError(f"{key}: {value!r} is not one of {option.choices}")
    store = qsettings()
    if option.type is bytes:
        store.setValue(key, QByteArray(value))
    else:
        store.setValue(key, value)
    store.sync()


def _copy(value: Any) -> Any:
    return list(value) if isinstance(value, list) else value


# Recent folders ---------------------------------------------------------------------------
def recent_folders() -> list[Path]:
    """Remembered data folders that still exist, most recent first (missing ones are pruned)."""
    stored = get("data/recent_folders")
    existing = [Path(p) for p in stored if p and Path(p).is_dir()][:MAX_RECENT]
    if [str(p) for p in existing] != stored:
        set_value("data/recent_folders", [str(p) for p in existing])
    return existing


def add_recent_folder(folder: Path) -> list[Path]:
    """Put `folder` first in the recent list and remember it as the last folder."""
    folder = Path(folder).resolve()
    folders = [folder] + [p for p in recent_folders() if p.resolve() != folder]
    set_value("data/recent_folders", [str(p) for p in folders[:MAX_RECENT]])
    set_value("data/last_folder", str(folder))
    return folders[:MAX_RECENT]


def last_folder() -> Path | None:
    """The folder open when the app last closed, if it still exists."""
    text = get("data/last_folder")
    return Path(text) if text and Path(text).is_dir() else None
