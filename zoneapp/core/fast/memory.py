"""Give the C heap's freed memory back to the system after a big load (glibc; else a no-op)."""
from __future__ import annotations

from zoneapp.core.fast import libc

# Reading a big folder leaves hundreds of MB of freed buffers in glibc's arenas, which it keeps
# resident for reuse but which the next whole-frame operation (a sort copying the frame, say)
# does not fit into; `malloc_trim` returns them, at ~20 ms for a million rows.
BIG_LOAD_ROWS = 100_000

def release_free_memory() -> None:
    trim = libc.malloc_trim()
    if trim is not None:
        trim(0)


def release_free_memory_soon() -> None:
    """`release_free_memory` on the data layer's pool, so that a load does not wait for it."""
    from zoneapp.core.fast import workers

    if workers.parallel():
        workers.shared_pool().submit(release_free_memory)
    else:
        release_free_memory()
