"""The one pool of threads for numpy and pyarrow work (a load's checks, a table's search),
which lets go of the GIL and so runs on every core. Created on first use; idle in between."""
from __future__ import annotations

import os
import threading
from concurrent.futures import ThreadPoolExecutor

PARALLEL_ROWS = 100_000  # below this, handing work to threads costs more than it saves
_pool: ThreadPoolExecutor | None = None
_creating = threading.Lock()  # two loads (a worker thread, the CLI) may start at once


def parallel() -> bool:
    return (os.cpu_count() or 1) > 1


def threads() -> int:
    """How many threads the shared pool runs."""
    return os.cpu_count() or 2


def shared_pool() -> ThreadPoolExecutor:
    global _pool
    with _creating:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=threads(),
                                       thread_name_prefix="zoneapp-pool")
        return _pool
