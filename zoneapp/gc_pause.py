"""Python's cyclic garbage collector held off while the window starts.

Start-up creates some 160,000 objects (modules, classes, Qt wrappers, the first data) that
nearly all stay alive, and the collector walks them again and again as they pile up: about a
tenth of the time until the first data is on screen (bench/: ready_ratio, measured A/B).
`pause()` at the start of the window's start-up; `resume(freeze=...)` once the first data
folder is shown, or its load has failed, or RESUME_AFTER_MS has passed:

- freeze=True (the first data is small): what exists so far is moved out of the collector's
  reach (`gc.freeze`), so no later collection walks it either. Start-up's own reference
  cycles are then never freed: about 850 small objects, measured.
- freeze=False: one full collection first, so that cycles left by a big load are freed.
"""
from __future__ import annotations

import gc

RESUME_AFTER_MS = 3000  # a load that takes longer runs with the collector on

_paused = False


def pause() -> bool:
    """Disable the collector, if it is on; True if this call disabled it."""
    global _paused
    if _paused or not gc.isenabled():
        return False
    gc.disable()
    _paused = True
    return True


def resume(freeze: bool) -> bool:
    """Enable the collector again if `pause` disabled it; once. True if it did."""
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


def is_paused() -> bool:
    return _paused
