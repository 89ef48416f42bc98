"""Give the C heap's freed memory back to the system after a big load (glibc; else a no-op)."""
from __future__ import annotations

from typing import Any

# Reading a big folder leaves hundreds of MB of freed buffers in glibc's arenas, which it keeps
# resident for reuse but which the next whole-frame operation (a sort copying the frame, say)
# does not fit into; `malloc_trim` returns them, at ~20 ms for a million rows.
BIG_LOAD_ROWS = 100_000

_TRIM: Any = None


def release_free_memory() -> None:
    global _TRIM
    if _TRIM is None:
        try:
            import ctypes
            import ctypes.util

            _TRIM = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6").malloc_trim
        except (OSError, AttributeError):
            _TRIM = False
    if _TRIM:
        _TRIM(0)


def release_free_memory_soon() -> None:
    """`release_free_memory` on the data layer's pool, so that a load does not wait for it."""
    from zoneapp.core.fast import workers

    if workers.parallel():
        workers.shared_pool().submit(release_free_memory)
    else:
        release_free_memory()
