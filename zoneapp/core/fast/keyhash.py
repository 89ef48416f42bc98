"""Which rows repeat an earlier row's key: 64-bit hashes first, exact comparison after.

pandas' `duplicated` factorizes every key column, which for a million distinct names copies
them all into a hash table (about 0.2 s and 100 MB). Here each row's key is hashed straight
from the arrow buffers in numpy -- first from each cell's length and its first and last 8
bytes, then, for the rows that share such a hash, from all its bytes -- and only rows whose
full hash is shared are compared exactly. So an unlucky (or crafted) collision costs time,
never a wrong answer.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

_BLOCK_BYTES = 1 << 18  # text bytes hashed at a time, so the temporaries stay a few MB
_BASE = 0x100000001B3  # odd, so invertible modulo 2**64
_powers = (np.ones(1, np.uint64), np.ones(1, np.uint64))  # (up, down), replaced as one


def _power_tables(length: int) -> tuple[np.ndarray, np.ndarray]:
    """_BASE ** i and its inverse ** i modulo 2**64 for i < length, grown as needed. Both
    tables are made, then published together: another thread sees the old pair or the new."""
    global _powers
    tables = _powers
    if len(tables[0]) < length:
        size = max(length, _BLOCK_BYTES + 1)
        grown = []
        for factor in (_BASE, pow(_BASE, -1, 2**64)):
            table = np.full(size, factor, np.uint64)
            table[0] = 1
            with np.errstate(over="ignore"):
                grown.append(np.cumprod(table))
        tables = _powers = (grown[0], grown[1])
    return tables


def _mix(h: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser: spreads every input bit over the whole hash."""
    with np.errstate(over="ignore"):
        h = (h ^ (h >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        h = (h ^ (h >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        return h ^ (h >> np.uint64(31))


def _text_hashes(series: pd.Series, per_chunk) -> np.ndarray | None:
    """One hash per cell of pyarrow-backed text, by `per_chunk` (`_chunk_hashes` or
    `_chunk_ends_hashes`) over each arrow chunk; None for any other column."""
    if not isinstance(series.dtype, pd.StringDtype) or series.dtype.storage != "pyarrow":
        return None
    import pyarrow as pa

    array = pa.array(series.array)
    chunks = array.chunks if isinstance(array, pa.ChunkedArray) else [array]
    parts = [per_chunk(c) for c in chunks]
    return np.concatenate(parts) if parts else np.zeros(0, np.uint64)


def _chunk_hashes(chunk) -> np.ndarray:
    """A polynomial hash of each cell's UTF-8 bytes: prefix sums of byte * _BASE ** position over
    a block of rows, so a cell's hash is a difference of two sums scaled back to its start."""
    import pyarrow as pa

    n = len(chunk)
    out = np.zeros(n, np.uint64)
    _, offsets, data = chunk.buffers()[:3]
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    offs = np.frombuffer(offsets, dtype=width)[chunk.offset:chunk.offset + n + 1].astype(np.int64)
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    row = 0
    while row < n:  # blocks of rows holding about _BLOCK_BYTES of text
        end = int(np.searchsorted(offs, offs[row] + _BLOCK_BYTES, side="right")) - 1
        end = min(n, max(end, row + 1))
        base, top = offs[row], offs[end]
        up, down = _power_tables(top - base + 1)
        starts = offs[row:end + 1] - base
        sums = np.zeros(top - base + 1, np.uint64)
        with np.errstate(over="ignore"):
            np.cumsum(raw[base:top] * up[:top - base], out=sums[1:])
            out[row:end] = (sums[starts[1:]] - sums[starts[:-1]]) * down[starts[:-1]]
        row = end
    with np.errstate(over="ignore"):
        out += np.diff(offs).astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
    if chunk.null_count:
        out[~chunk.is_valid().to_numpy(zero_copy_only=False)] = np.uint64(0x5BD1E995)
    return _mix(out)


_LOW_BYTES = np.array([(1 << (8 * i)) - 1 for i in range(8)] + [2**64 - 1], dtype=np.uint64)


def _chunk_ends_hashes(chunk) -> np.ndarray:
    """A quick hash of each cell from its length and its first and last 8 bytes only: cells
    that differ only inside share it."""
    import pyarrow as pa

    n = len(chunk)
    _, offsets, data = chunk.buffers()[:3]
    width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
    offs = np.frombuffer(offsets, dtype=width)[chunk.offset:chunk.offset + n + 1].astype(np.int64)
    raw = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    starts, lengths = offs[:-1], np.diff(offs)
    # The 8 bytes from any position as one little-endian word, read unaligned in place; the
    # last positions (and the end itself) have no full word and read from a padded copy.
    edge = max(len(raw) - 8, 0)
    padded = np.zeros(24, np.uint8)
    padded[:len(raw) - edge] = raw[edge:]

    whole = np.ndarray((edge,), dtype="<u8", buffer=raw, strides=(1,))
    ending = np.ndarray((9,), dtype="<u8", buffer=padded, strides=(1,))

    def words(at: np.ndarray) -> np.ndarray:  # `at` ascending, as offsets are
        inside = int(np.searchsorted(at, edge))  # the few cells after it: from the copy
        out = np.empty(len(at), np.uint64)
        out[:inside] = whole[at[:inside]]
        out[inside:] = ending[at[inside:] - edge]
        return out

    short = np.minimum(lengths, 8)
    first = words(starts) & _LOW_BYTES[short]
    # Cells of 8 bytes or fewer are all in `first`; for them the word before the end, which
    # reaches into the cell before, is not used (and is clamped to the buffer's start).
    last_at = offs[1:] - 8
    last_at[:int(np.searchsorted(last_at, 0))] = 0
    last = np.where(lengths > 8, words(last_at), np.uint64(0))
    with np.errstate(over="ignore"):  # one mix: a collision here costs a second look only
        last *= np.uint64(0xC2B2AE3D27D4EB4F)
        last ^= lengths.astype(np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        out = _mix(first ^ last)
    if chunk.null_count:
        out[~chunk.is_valid().to_numpy(zero_copy_only=False)] = np.uint64(0x5BD1E995)
    return out


def _column_hashes(series: pd.Series, quick: bool = False) -> np.ndarray:
    """One 64-bit hash per cell; `quick`: text hashed from its ends only (`_chunk_ends_hashes`)."""
    text = _text_hashes(series, _chunk_ends_hashes if quick else _chunk_hashes)
    if text is not None:
        return text
    if series.dtype.kind in "iufb" or isinstance(series.dtype, pd.api.extensions.ExtensionDtype):
        try:
            return pd.util.hash_array(series.to_numpy(dtype="float64", na_value=np.nan) + 0.0)
        except (TypeError, ValueError):
            pass
    return pd.util.hash_pandas_object(series, index=False).to_numpy()


def _one_number(series: pd.Series) -> bool:
    """Whether a number column holds one value in every row (a register of one year)."""
    if series.dtype.kind not in "iuf" and not isinstance(series.dtype, pd.Int64Dtype):
        return False
    values = series.to_numpy(dtype="float64", na_value=np.nan)
    return len(values) > 0 and not np.isnan(values[0]) and bool((values == values[0]).all())


def _key_hashes(columns: list[pd.Series], quick: bool) -> np.ndarray:
    # A column with one value throughout tells no rows apart: its hash would only cost time.
    varying = [series for series in columns if not _one_number(series)]
    if len(varying) == 1:
        return _column_hashes(varying[0], quick)
    columns = varying or columns
    combined = np.zeros(len(columns[0]) if columns else 0, np.uint64)
    with np.errstate(over="ignore"):
        for series in columns:
            combined = _mix(combined * np.uint64(0x100000001B3) ^ _column_hashes(series, quick))
    return combined


_EXACT_ROWS = 4096  # more rows sharing a quick hash than this are hashed in full first


def key_candidates(columns: list[pd.Series]) -> np.ndarray:
    """The rows (positions) whose key -- these columns, row for row -- may repeat another's:
    every row that does, and a few that only share its hashes."""
    candidates = np.flatnonzero(_shared(_key_hashes(columns, quick=True)))
    if len(candidates) > _EXACT_ROWS:  # many cells alike at both ends: look at all their bytes
        rows = [series.iloc[candidates] for series in columns]
        candidates = candidates[_shared(_key_hashes(rows, quick=False))]
    return candidates


def duplicated_keys(frame: pd.DataFrame, key: list[str],
                    candidates: np.ndarray | None = None) -> np.ndarray:
    """`frame.duplicated(subset=key, keep="first")` as a bool array, computed by hashing.
    `candidates`: `key_candidates` of the key columns, when already worked out."""
    if candidates is None:
        candidates = key_candidates([frame[name] for name in key])
    later = np.zeros(len(frame), bool)
    if len(candidates):  # exact comparison on the few rows whose hash is not unique
        later[candidates] = frame.iloc[candidates].duplicated(subset=key, keep="first").to_numpy()
    return later


_BUCKET_BITS = 22  # 4M buckets: about a third of a million rows' hashes share one


def _shared(hashes: np.ndarray) -> np.ndarray:
    """Which hashes occur more than once. A count per bucket of the top bits first (a plain
    array pass, about twice as fast as a hash table over a million rows) rules out the hashes
    alone in their bucket; only the rest go through pandas' `duplicated`."""
    if len(hashes) < 1 << 16:
        return pd.Series(hashes, copy=False).duplicated(keep=False).to_numpy()
    buckets = (hashes >> np.uint64(64 - _BUCKET_BITS)).astype(np.intp)
    crowded = np.bincount(buckets, minlength=1 << _BUCKET_BITS) > 1  # 4 MB: looked up fast
    candidates = np.flatnonzero(crowded[buckets])
    shared = np.zeros(len(hashes), bool)
    shared[candidates] = pd.Series(hashes[candidates], copy=False).duplicated(keep=False).to_numpy()
    return shared
