"""File names built from data (a zone's name, a table's label) made safe to create anywhere."""
from __future__ import annotations

import re
import unicodedata

# Characters Windows refuses in a name, and both systems' separators.
_UNSAFE = re.compile(r'[<>:"/\\|?*]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
# Bytes left for the name: 255 is the usual limit, and the atomic writer's temporary file
# adds ".<name>.zoneapp-<pid>.<random>.part" (about 40 more).
MAX_NAME_BYTES = 180


def safe_file_name(name: str, fallback: str = "ZoneApp", max_bytes: int = MAX_NAME_BYTES) -> str:
    """`name` as one path component: no separators, no `..`, no control characters, not a
    reserved Windows device name, not ending in a dot or space, at most `max_bytes` UTF-8
    bytes (cut at a character). `fallback` when nothing usable is left. Keep the suffix out of
    `name` and add it after: `safe_file_name(zone) + ".pdf"`."""
    text = "".join("_" if unicodedata.category(c) in ("Cc", "Cf", "Zl", "Zp") else c
                   for c in str(name))
    text = _UNSAFE.sub("_", text)
    text = re.sub(r"\.{2,}", ".", text).strip(" .")
    encoded = text.encode("utf-8")
    if len(encoded) > max_bytes:
        text = encoded[:max_bytes].decode("utf-8", errors="ignore").rstrip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    return text if text.strip("_ ") else fallback
