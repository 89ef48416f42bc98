"""Text from data made safe to show: control characters (a terminal's escape sequences, a
bidirectional override) become visible escapes instead of acting on the terminal."""
from __future__ import annotations

import re
import unicodedata

# C0 and C1 controls, DEL, and the format characters that reorder or hide text.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff]")


def escape_controls(text: str) -> str:
    """`text` with each control character shown as `\\x1b` / `\\u202e`; line feeds and tabs
    are kept (they are the output's own)."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100
                         else f"\\u{ord(m[0]):04x}", text)


def visible(text: str) -> str:
    """For a label on screen or in a picture: control characters as the Unicode control
    pictures (␛, ␀) or U+FFFD, so they show instead of drawing as an empty box."""
    if not _INVISIBLE.search(text):
        return text
    out = []
    for ch in text:
        code = ord(ch)
        if code < 0x20:
            out.append(chr(0x2400 + code))
        elif code == 0x7f:
            out.append("\u2421")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Co"):
            out.append("\ufffd")
        else:
            out.append(ch)
    return "".join(out)
