"""Offscreen output must not succeed after a traceback: an exception raised inside a Qt paint
or slot is printed by PySide and swallowed, and the file written would be blank or partial."""
from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator


class DrawingFailed(RuntimeError):
    """Something raised while the output was drawn; the first error, in words."""


@contextlib.contextmanager
def fail_on_tracebacks() -> Iterator[list[BaseException]]:
    """Record what Qt callbacks raise while the block runs (still printed as before); raise
    DrawingFailed at the end when anything was."""
    caught: list[BaseException] = []
    before, before_unraisable = sys.excepthook, sys.unraisablehook

    def hook(kind, value, tb) -> None:
        caught.append(value)
        before(kind, value, tb)

    def unraisable(info) -> None:  # PySide reports an error in a Python override this way
        caught.append(info.exc_value)
        before_unraisable(info)

    sys.excepthook, sys.unraisablehook = hook, unraisable
    try:
        yield caught
    finally:
        sys.excepthook, sys.unraisablehook = before, before_unraisable
    if caught:
        first = caught[0]
        raise DrawingFailed(f"drawing failed ({len(caught)} error(s)), first: "
                            f"{type(first).__name__}: {first}")
