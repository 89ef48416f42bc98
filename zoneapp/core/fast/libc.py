"""The two C library functions the speed code calls, found once (glibc; elsewhere None)."""
from __future__ import annotations

import ctypes
import ctypes.util
from functools import cache
from typing import Any


@cache
def _libc() -> Any:
    try:
        return ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
    except OSError:
        return None


@cache
def memmem() -> Any:
    """memmem(haystack, length, needle, length) -> address or None; None where missing."""
    fn = getattr(_libc(), "memmem", None)
    if fn is not None:
        fn.restype = ctypes.c_void_p
        fn.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_size_t]
    return fn


@cache
def malloc_trim() -> Any:
    """malloc_trim(pad): glibc gives freed heap memory back to the system; None elsewhere."""
    return getattr(_libc(), "malloc_trim", None)
