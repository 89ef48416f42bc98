"""Start-up tricks, all in one place and each with what `make bench` measured it buys.

Set ZONEAPP_PLAIN_START=1 to run without any of them (to measure them, or to rule them out
when something behaves oddly): the app then starts as plain Python, PySide6 and pyqtgraph do.

- `arrow_system_pool()`, called first by the command line: pyarrow's default mimalloc pool
  keeps freed memory for reuse; with a million-row table read and typed column by column, the
  C library's allocator peaks lower and hands memory back (memory_ratio, bench/table_child).
- `skip_feature_scan()`: PySide6 wraps builtins.__import__ so that `from __feature__ import
  snake_case` works, reading the source of every module imported afterwards; dropping the
  wrapper saves about 0.1 s of start-up (ready_ratio ~8 %). No module here imports __feature__.
- `pause_gc()` / `resume_gc()`: start-up creates some 160,000 objects that nearly all stay,
  and the collector walks them again and again: held off until the first data is shown
  (ready_ratio 1.31 -> 1.17, ~11 %, measured A/B).
- The last load of each small data folder, kept in the user's cache folder
  (zoneapp/core/load_cache.py; the window's loader asks `enabled()` through
  `ui/window/load_worker.load_cache_dir`): a start on an unchanged folder reads that copy
  instead of reading and checking its files (ready_ratio 1.135 and 1.213 against the start
  without it, ready_cold_ratio, 1.33 and 1.29, in two full runs of nine starts each: 6-15 %).
- pyqtgraph imported with lazy mirrors of PySide6's modules (zoneapp/ui/widgets/pg_import.py,
  which asks `enabled()`): PySide6 would otherwise build every class of QtCore, QtGui and
  QtWidgets while pyqtgraph copies their names (~0.1 s; first_paint and ready, ~8 %).
"""
from __future__ import annotations

import gc
import os

PLAIN_START = "ZONEAPP_PLAIN_START"


def enabled() -> bool:
    """False when the user asked for a start without tricks."""
    return os.environ.get(PLAIN_START, "") in ("", "0")


def arrow_system_pool() -> None:
    """pyarrow allocates through the C library (set before pyarrow is first imported; a value
    the user set wins)."""
    if enabled():
        os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")


def skip_feature_scan() -> bool:
    """Drop PySide6's `__feature__` import hook, which ZoneApp does not use; True if dropped.
    PySide6's own lazy import, which the wrapper calls next (builtins.__orig_import__), stays."""
    import builtins

    wrapped = getattr(builtins, "__orig_import__", None)
    if not enabled() or wrapped is None or \
            getattr(builtins.__import__, "__name__", "") != "__feature_import__":
        return False  # asked not to, another PySide6, or already done
    builtins.__import__ = wrapped
    return True


# The collector, held off while the window starts. `pause_gc()` at the start of the window's
# start-up; `resume_gc(freeze=...)` once the first data folder is shown, or its load has
# failed, or RESUME_AFTER_MS has passed. freeze=True (the first data is small): what exists so
# far is moved out of the collector's reach (gc.freeze), so no later collection walks it
# either (start-up's own reference cycles, ~850 small objects, are then never freed);
# freeze=False: one full collection first, so that cycles left by a big load are freed.

RESUME_AFTER_MS = 3000  # a load that takes longer runs with the collector on

_paused = False


def pause_gc() -> bool:
    """Disable the collector, if it is on; True if this call disabled it."""
    global _paused
    if not enabled() or _paused or not gc.isenabled():
        return False
    gc.disable()
    _paused = True
    return True


def resume_gc(freeze: bool) -> bool:
    """Enable the collector again if `pause_gc` disabled it; once. True if it did."""
    global _paused
    if not _paused:
        return False
    _paused = False
    if freeze:
        gc.freeze()
    else:
        gc.collect()
    gc.enable()
    return True


def gc_paused() -> bool:
    return _paused
