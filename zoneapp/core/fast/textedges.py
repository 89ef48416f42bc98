"""Whether any cell of a text column starts or ends with whitespace, read from arrow buffers.

Stripping a million cells copies the column; most columns have nothing to strip. This looks
only at each cell's first and last character (decoded from UTF-8 in numpy), so a column can
be kept as it is when no cell needs stripping.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

# What both Python's str.strip and pyarrow's utf8_trim_whitespace remove (the same set;
# tests/test_textedges.py checks it against both). None is beyond U+FFFF.
SPACES = (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1C, 0x1D, 0x1E, 0x1F, 0x20, 0x85, 0xA0, 0x1680,
          *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F, 0x205F, 0x3000)
# Characters that show as nothing (zero-width space and joiners, word joiner, BOM), pasted in
# from web pages: at a cell's edges they are stripped like spaces (`STRIP_CHARS`), though neither
# str.strip nor pyarrow's trim removes them.
INVISIBLE = (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)
STRIP_CHARS = "".join(map(chr, SPACES + INVISIBLE))  # for str.strip and Series.str.strip
_SPACE = np.zeros(0x10001, dtype=bool)  # index 0x10000: anything past the BMP
_SPACE[list(SPACES + INVISIBLE)] = True


def _code_points(raw: np.ndarray, at: np.ndarray, size: int) -> np.ndarray:
    """The code points starting at byte `at` (within `size` bytes); 0x10000 past the BMP."""
    def byte(k: int) -> np.ndarray:
        return raw[np.minimum(at + k, size - 1)].astype(np.int64) & 0x3F

    lead = raw[at].astype(np.int64)
    two = ((lead & 0x1F) << 6) | byte(1)
    three = ((lead & 0x0F) << 12) | (byte(1) << 6) | byte(2)
    return np.where(lead < 0x80, lead, np.where(lead < 0xE0, two, np.where(lead < 0xF0, three,
                                                                             0x10000)))


_ASCII_SPACE = _SPACE[:256] & (np.arange(256) < 0x80)  # by byte value
_LEADS = np.zeros(256, dtype=bool)  # lead bytes of the non-ASCII spaces: C2 xx, E1/E2/E3 xx xx
_LEADS[[0xC2, 0xE1, 0xE2, 0xE3, 0xEF]] = True


def _any_space_at(raw: np.ndarray, at: np.ndarray) -> bool:
    return bool(at.size) and bool(_SPACE[_code_points(raw, at, len(raw))].any())


# A first byte that may begin a space (an ASCII space, a lead byte of another), and a last two
# bytes that may end one (by 256 * second-last + last): a cell with neither is clean.
_MAY_START = _ASCII_SPACE | _LEADS
_MAY_END = np.tile(_ASCII_SPACE, 256)
_MAY_END[[int.from_bytes(chr(p).encode()[-2:], "big") for p in SPACES + INVISIBLE
          if p >= 0x80]] = True


def _chunk_has_edge_space(chunk) -> bool:
    """One look-up of each cell's first and last byte; only the cells it leaves in doubt
    (an empty cell reads its neighbour's byte: at worst a doubt) are decoded."""
    import pyarrow as pa

    n = len(chunk)
    _, offsets, data = chunk.buffers()[:3]
    if n == 0 or data is None or data.size == 0:
        return False
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    offs = np.frombuffer(offsets, dtype=width)[chunk.offset:chunk.offset + n + 1]
    starts, ends = offs[:-1], offs[1:]
    raw = np.frombuffer(data, dtype=np.uint8)
    size = len(raw)
    # Offsets only grow: the bounds need clamping only when the last cell starts at the
    # buffer's end (it is empty) or the first ends before its second byte.
    firsts = starts if starts[-1] < size else np.minimum(starts, size - 1)
    doubt = _MAY_START.take(raw.take(firsts))
    if ends[0] >= 2:  # raw[1:] at ends - 2 is the last byte
        before_last = ends - 2
        pair = raw.take(before_last).astype(np.intp) << 8
        pair |= raw[1:].take(before_last)
    else:
        pair = raw.take(np.maximum(ends - 2, 0)).astype(np.intp) << 8
        pair |= raw.take(np.maximum(ends - 1, 0))
    doubt |= _MAY_END.take(pair)
    if not doubt.any():
        return False
    rows = np.flatnonzero(doubt)
    starts, ends = starts[rows], ends[rows]
    filled = ends > starts
    if chunk.null_count:
        filled &= chunk.is_valid().to_numpy(zero_copy_only=False)[rows]
    return _edge_space(raw, starts[filled], ends[filled])


def _edge_space(raw: np.ndarray, starts: np.ndarray, ends: np.ndarray) -> bool:
    """Whether any of these (non-empty) cells starts or ends with a space, decoded exactly."""
    if not starts.size:
        return False
    first = raw[starts]
    if _ASCII_SPACE[first].any() or _any_space_at(raw, starts[_LEADS[first]]):
        return True
    last = raw[ends - 1]
    if _ASCII_SPACE[last].any():
        return True
    tail = (last & 0xC0) == 0x80  # the last character is not ASCII: find where it starts
    ends, starts = ends[tail], starts[tail]
    two = (ends - 2 >= starts) & (raw[np.maximum(ends - 2, 0)] == 0xC2)
    three = (ends - 3 >= starts) & _LEADS[raw[np.maximum(ends - 3, 0)]]
    return _any_space_at(raw, ends[two] - 2) or _any_space_at(raw, ends[three] - 3)


def may_need_strip(cells: pd.Series) -> bool:
    """False only when no cell starts or ends with whitespace or an invisible character (so
    `.str.strip(STRIP_CHARS)` is a no-op)."""
    if not isinstance(cells.dtype, pd.StringDtype) or cells.dtype.storage != "pyarrow":
        return True
    import pyarrow as pa

    array = pa.array(cells.array)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    return any(_chunk_has_edge_space(c) for c in chunks)
